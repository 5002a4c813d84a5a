//! What a file someone opens turns into: a plain text, a project, documents or spans from
//! another tool's file, or a named error that says what is wrong with it. Pure: the edge hands
//! over the bytes.
//!
//! This module is the editor's one door to the formats when opening: the editor reads files only
//! through [`open`], which tries the readers of the registry ([`FORMATS`]) and hands back
//! [`Opened`]; what it carries from the formats ([`Foreign`] spans, a [`Report`], the [`Unit`]
//! of [`Options`], and [`place_into`] for spans placed onto the open document) is re-exported
//! here. Exporting goes through the registry too (`formats::export::render`).

use super::document::Document;
use super::formats::registry::{utf8, NotText, Offsets, Read, ReadError, Reader, Record};
use super::formats::spanmark::{self, ParseError};
use super::formats::{self, Format, FormatError, FORMATS};
use super::label::Labels;
use super::project::Project;

pub use super::formats::{place_into, Foreign, Report, Unit};

/// The largest file spanmark opens.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// The most documents spanmark keeps open at once (the seed among them). A file of records
/// that would take them past it is refused whole, before anything changes, and the message
/// names the limit. Measured 2026-12-01 (`make bench`'s documents row): 20,000 small documents
/// (a 2.5 MB doccano file) took 62 MB of wasm memory once opened, so this many stay far from
/// the 4 GB a wasm page can address; a 32 MB file of records this small would hold 250,000.
pub const MAX_DOCUMENTS: usize = 50_000;

/// What an opened file holds.
#[derive(Debug)]
pub enum Opened {
    Text {
        title: String,
        text: String,
    },
    Project(Box<Project>),
    /// Documents from another tool's file, each with its spans placed, and what placing did.
    Imported {
        format: &'static str,
        docs: Vec<(Project, Report)>,
    },
    /// Spans without their text (W3C, Recogito, a brat `.ann`): for the open document.
    Onto {
        format: &'static str,
        spans: Vec<Foreign>,
    },
}

/// How to read files whose unit cannot be seen in them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// The unit of a format whose offsets are the person's to choose ([`Offsets::Chosen`]):
    /// doccano, which stores no quote.
    pub doccano_unit: Unit,
}

impl Default for Options {
    fn default() -> Self {
        Options { doccano_unit: Unit::CodePoint }
    }
}

/// Why a file cannot be opened. Every message names the file, says what is wrong in a person's
/// words and what to do (`Display`, in `model::refusal`), the technical detail apart (`detail`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    Empty {
        name: String,
    },
    TooLarge {
        name: String,
        bytes: u64,
    },
    /// Opening `documents` more would take the documents open past [`MAX_DOCUMENTS`]; `open`
    /// are open now (0 when the file alone holds too many).
    TooManyDocuments {
        name: String,
        documents: usize,
        open: usize,
    },
    Binary {
        name: String,
    },
    NotUtf8 {
        name: String,
        offset: usize,
        byte: u8,
    },
    Json {
        name: String,
        error: ParseError,
    },
    /// JSON, but of a shape spanmark does not read.
    UnknownJson {
        name: String,
    },
    Project {
        name: String,
        error: ParseError,
    },
    Format {
        name: String,
        error: FormatError,
    },
}

/// The tools whose JSON spanmark reads, as the Open flow tries them (one JSON value, then JSON
/// lines): "spanmark, W3C Web Annotation, Label Studio, doccano or spaCy".
pub(super) fn json_tools() -> String {
    let stage = |reader: &Reader| match reader {
        Reader::Json { .. } => Some(0),
        Reader::Records { .. } => Some(1),
        Reader::Bytes { .. } | Reader::Text { .. } => None,
    };
    let mut tools = String::new();
    for wanted in [0, 1] {
        for (format, reader) in readers() {
            if stage(reader) == Some(wanted) {
                if !tools.is_empty() {
                    tools.push_str(", ");
                }
                tools.push_str(format.tool);
            }
        }
    }
    // The last comma becomes "or".
    match tools.rfind(", ") {
        Some(at) => format!("{} or {}", &tools[..at], &tools[at + 2..]),
        None => tools,
    }
}

/// Refuses a file by its size, before reading it.
pub fn check_size(name: &str, bytes: u64) -> Result<(), InputError> {
    if bytes == 0 {
        Err(InputError::Empty { name: name.to_owned() })
    } else if bytes > MAX_FILE_BYTES {
        Err(InputError::TooLarge { name: name.to_owned(), bytes })
    } else {
        Ok(())
    }
}

/// The text of a file: UTF-8, with a BOM and CRLF line ends kept as they are.
pub fn decode_text(name: &str, bytes: &[u8]) -> Result<String, InputError> {
    check_size(name, bytes.len() as u64)?;
    utf8(bytes).map_err(|problem| not_text(name, problem))
}

fn not_text(name: &str, problem: NotText) -> InputError {
    let name = name.to_owned();
    match problem {
        NotText::Empty => InputError::Empty { name },
        NotText::Binary => InputError::Binary { name },
        NotText::NotUtf8 { offset, byte } => InputError::NotUtf8 { name, offset, byte },
    }
}

/// Every reader of the registry, with its format, in registry order.
fn readers() -> impl Iterator<Item = (&'static Format, &'static Reader)> {
    FORMATS.iter().flat_map(|format| format.read.iter().map(move |reader| (format, reader)))
}

/// Reads a file, deciding from its content what it is, stage by stage, each stage trying the
/// registry's readers of its kind in registry order (see [`Reader`]): the bytes (today a brat
/// zip); then, for text starting with `{` or `[`, one JSON value (a spanmark file, W3C
/// annotations, a Label Studio export; a doccano or spaCy record) or, if it is not one, JSON
/// lines (doccano, spaCy); then the text (a brat `.ann`); otherwise a text to annotate. A `.json`
/// name only means a broken file is reported as broken JSON rather than opened as text.
pub fn open(name: &str, bytes: &[u8], options: Options) -> Result<Opened, InputError> {
    check_size(name, bytes.len() as u64)?;
    for (_, reader) in readers() {
        if let Reader::Bytes { detect, read } = reader {
            if detect(bytes) {
                return opened(name, read(bytes));
            }
        }
    }
    let text = decode_text(name, bytes)?;
    let body = text.trim_start_matches('\u{feff}').trim_start();
    let lower = name.to_ascii_lowercase();
    let named_json = lower.ends_with(".json") || lower.ends_with(".jsonl");
    if body.starts_with('{') || body.starts_with('[') {
        match serde_json::from_str::<serde_json::Value>(body) {
            Ok(value) => return read_json(name, body, value, options),
            Err(_) => {
                if let Some(opened) = read_json_lines(name, body, options)? {
                    return Ok(opened);
                }
                if named_json {
                    return Err(broken_json(name, body));
                }
            }
        }
    } else if named_json {
        return Err(broken_json(name, body));
    }
    for (_, reader) in readers() {
        if let Reader::Text { detect, read } = reader {
            if detect(name, body) {
                return opened(name, read(&text));
            }
        }
    }
    if body.is_empty() {
        // Only whitespace: nothing to annotate.
        return Err(InputError::Empty { name: name.to_owned() });
    }
    Ok(Opened::Text { title: name.to_owned(), text })
}

/// The error for a `.json` file that does not parse: the JSON parser's line and column.
fn broken_json(name: &str, body: &str) -> InputError {
    match spanmark::parse(body) {
        Err(error) => InputError::Json { name: name.to_owned(), error },
        Ok(_) => InputError::UnknownJson { name: name.to_owned() },
    }
}

/// One JSON value: the first JSON reader that recognises it, else JSON lines when a record
/// reader recognises it (a file of one record is one value).
fn read_json(name: &str, body: &str, tree: serde_json::Value, options: Options) -> Result<Opened, InputError> {
    for (_, reader) in readers() {
        if let Reader::Json { detect, read } = reader {
            if detect(&tree) {
                // The parsed tree is handed over, not parsed again: a 1 MB file is one tree in memory.
                return opened(name, read(tree));
            }
        }
    }
    let record = |(_, reader): (_, &Reader)| matches!(reader, Reader::Records { detect, .. } if detect(&tree));
    if readers().any(record) {
        if let Some(opened) = read_json_lines(name, body, options)? {
            return Ok(opened);
        }
    }
    Err(InputError::UnknownJson { name: name.to_owned() })
}

/// JSON lines of the first record reader that recognises the first line; `None` when none does.
fn read_json_lines(name: &str, body: &str, options: Options) -> Result<Option<Opened>, InputError> {
    let format_error = |error: FormatError| InputError::Format { name: name.to_owned(), error };
    let mut lines = body.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    let Some((_, first)) = lines.next() else { return Ok(None) };
    let Ok(first) = serde_json::from_str::<serde_json::Value>(first) else { return Ok(None) };
    let found = readers().find_map(|(format, reader)| match reader {
        Reader::Records { detect, read } if detect(&first) => Some((format, *read)),
        _ => None,
    });
    let Some((format, read)) = found else { return Ok(None) };
    let unit = format.offsets.unit(options.doccano_unit);
    let mut records = Vec::new();
    for (i, line) in body.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let value: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| format_error(formats::error(format.name, format!("line {}", i + 1), e.to_string())))?;
        records.push(read(&value, i + 1, unit).map_err(format_error)?);
    }
    let assumed = (format.offsets == Offsets::Chosen).then_some(unit);
    documents(name, format.tool, records, assumed).map(Some)
}

/// What a reader made of a file, as the editor takes it.
fn opened(name: &str, read: Result<Read, ReadError>) -> Result<Opened, InputError> {
    let named = name.to_owned();
    match read {
        Ok(Read::Project(project)) => Ok(Opened::Project(project)),
        Ok(Read::Documents { tool, records }) => documents(name, tool, records, None),
        Ok(Read::Onto { tool, spans }) => Ok(Opened::Onto { format: tool, spans }),
        Err(ReadError::Format(error)) => Err(InputError::Format { name: named, error }),
        Err(ReadError::Spanmark(error)) => Err(InputError::Project { name: named, error }),
        Err(ReadError::Entry { name, problem }) => Err(not_text(&name, problem)),
    }
}

/// Documents from records, titled after the file unless a record names its own. `assumed` is
/// the unit taken for a format that cannot show it (doccano): where the offsets fit only another
/// unit, the report says so.
fn documents(
    name: &str,
    format: &'static str,
    records: Vec<Record>,
    assumed: Option<Unit>,
) -> Result<Opened, InputError> {
    let count = records.len();
    if count > MAX_DOCUMENTS {
        return Err(InputError::TooManyDocuments { name: name.to_owned(), documents: count, open: 0 });
    }
    let mut docs = Vec::new();
    for (i, Record { title, text, spans }) in records.into_iter().enumerate() {
        let title = title.unwrap_or_else(|| if count == 1 { name.to_owned() } else { format!("{name} ({})", i + 1) });
        let doc = Document::new(title, text).map_err(|e| InputError::Format {
            name: name.to_owned(),
            error: formats::error(format, format!("record {}", i + 1), e.to_string()),
        })?;
        let (labels, annotations, mut report) = formats::place(&doc, &Labels::news(), &spans);
        if let (Some(assumed), Some(likely)) = (assumed, formats::offsets::guess_unit(&doc, &spans)) {
            if assumed != likely {
                report.hint = Some(format!(
                    "these offsets look like {}, not {}: choose {} under Export as… › doccano offsets, then open the file again",
                    likely.name(),
                    assumed.name(),
                    likely.name()
                ));
            }
        }
        docs.push((Project::new(doc, labels, annotations), report));
    }
    if docs.is_empty() {
        return Err(InputError::Empty { name: name.to_owned() });
    }
    Ok(Opened::Imported { format, docs })
}
