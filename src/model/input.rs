//! What a file someone opens turns into: a plain text, or a spanmark project, or a named error
//! that says what is wrong with it. Pure: the edge hands over the bytes.

use std::fmt;

use super::document::Document;
use super::formats::spanmark::{self, ParseError, Project};
use super::formats::{self, brat, doccano, labelstudio, spacy, w3c, zip, Foreign, FormatError, Report, Unit};
use super::label::Labels;

/// The largest file spanmark opens.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

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
    /// doccano stores no quote: its offsets are taken in this unit.
    pub doccano_unit: Unit,
}

impl Default for Options {
    fn default() -> Self {
        Options { doccano_unit: Unit::CodePoint }
    }
}

/// Why a file cannot be opened. Every message names the file and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    Empty {
        name: String,
    },
    TooLarge {
        name: String,
        bytes: u64,
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

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty { name } => write!(f, "{name} is empty: there is no text to annotate."),
            InputError::TooLarge { name, bytes } => write!(
                f,
                "{name} is {} MB; spanmark opens files up to {} MB.",
                bytes.div_ceil(1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            InputError::Binary { name } => {
                write!(f, "{name} looks like a binary file (it contains NUL bytes), not text.")
            }
            InputError::NotUtf8 { name, offset, byte } => write!(
                f,
                "{name} is not UTF-8 text: byte 0x{byte:02X} at offset {offset} is not valid UTF-8. \
                 Save it as UTF-8 and open it again."
            ),
            InputError::Json { name, error } => write!(f, "{name} is not valid JSON: {error}."),
            InputError::UnknownJson { name } => write!(
                f,
                "{name} is JSON, but not a file spanmark reads (spanmark, W3C Web Annotation, Label Studio, \
                 doccano or spaCy JSON)."
            ),
            InputError::Project { name, error } => write!(f, "{name} cannot be opened: {error}."),
            InputError::Format { name, error } => write!(f, "{name} cannot be opened: {error}."),
        }
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
    if bytes.contains(&0) {
        return Err(InputError::Binary { name: name.to_owned() });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => {
            let offset = e.valid_up_to();
            Err(InputError::NotUtf8 { name: name.to_owned(), offset, byte: bytes.get(offset).copied().unwrap_or(0) })
        }
    }
}

/// Reads a file, deciding from its content what it is: a zip (brat `.txt` + `.ann`); JSON (a
/// spanmark file, W3C annotations, a Label Studio export, a doccano or spaCy record); JSON lines;
/// a brat `.ann`; otherwise a text to annotate. A `.json` name only means a broken file is
/// reported as broken JSON rather than opened as text.
pub fn open(name: &str, bytes: &[u8], options: Options) -> Result<Opened, InputError> {
    check_size(name, bytes.len() as u64)?;
    if zip::is_zip(bytes) {
        return open_brat_zip(name, bytes);
    }
    let text = decode_text(name, bytes)?;
    let body = text.trim_start_matches('\u{feff}').trim_start();
    let lower = name.to_ascii_lowercase();
    let named_json = lower.ends_with(".json") || lower.ends_with(".jsonl");
    let format_error = |error: FormatError| InputError::Format { name: name.to_owned(), error };
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
    if lower.ends_with(".ann") || brat::looks_like_ann(body) {
        let spans = brat::parse_ann(&text).map_err(format_error)?;
        return Ok(Opened::Onto { format: "brat", spans });
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

fn read_json(name: &str, body: &str, tree: serde_json::Value, options: Options) -> Result<Opened, InputError> {
    let format_error = |error: FormatError| InputError::Format { name: name.to_owned(), error };
    if tree.get("format").is_some() {
        // The parsed tree is handed over, not parsed again: a 1 MB file is one tree in memory.
        return spanmark::from_value(tree)
            .map(|project| Opened::Project(Box::new(project)))
            .map_err(|error| InputError::Project { name: name.to_owned(), error });
    }
    let value = &tree;
    if w3c::looks_like(value) {
        let spans = w3c::parse(value).map_err(format_error)?;
        let recogito = spans.first().is_some_and(|s| s.unit == Unit::Utf16);
        return Ok(Opened::Onto { format: if recogito { "Recogito" } else { "W3C Web Annotation" }, spans });
    }
    if labelstudio::looks_like(value) {
        let tasks = labelstudio::parse(value).map_err(format_error)?;
        return documents(name, "Label Studio", tasks, None);
    }
    if doccano::looks_like(value) || spacy::looks_like(value) {
        if let Some(opened) = read_json_lines(name, body, options)? {
            return Ok(opened);
        }
    }
    Err(InputError::UnknownJson { name: name.to_owned() })
}

/// JSON lines of doccano or spaCy records; `None` when the first line is neither.
fn read_json_lines(name: &str, body: &str, options: Options) -> Result<Option<Opened>, InputError> {
    let format_error = |error: FormatError| InputError::Format { name: name.to_owned(), error };
    let mut lines = body.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    let Some((_, first)) = lines.next() else { return Ok(None) };
    let Ok(first) = serde_json::from_str::<serde_json::Value>(first) else { return Ok(None) };
    let (format, spacy) = if doccano::looks_like(&first) {
        ("doccano", false)
    } else if spacy::looks_like(&first) {
        ("spaCy", true)
    } else {
        return Ok(None);
    };
    let mut records = Vec::new();
    for (i, line) in body.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let value: serde_json::Value = serde_json::from_str(line).map_err(|e| {
            format_error(formats::error(
                if spacy { "spaCy JSONL" } else { "doccano JSONL" },
                format!("line {}", i + 1),
                e.to_string(),
            ))
        })?;
        let record = if spacy {
            spacy::parse_record(&value, i + 1)
        } else {
            doccano::parse_record(&value, i + 1, options.doccano_unit)
        };
        records.push(record.map_err(format_error)?);
    }
    documents(name, format, records, (!spacy).then_some(options.doccano_unit)).map(Some)
}

/// Documents from (text, spans) records, titled after the file. `unit` is the unit assumed for a
/// format that cannot show it (doccano): where the offsets fit only the other unit, the report
/// says so.
fn documents(
    name: &str,
    format: &'static str,
    records: Vec<(String, Vec<Foreign>)>,
    unit: Option<Unit>,
) -> Result<Opened, InputError> {
    let count = records.len();
    let mut docs = Vec::new();
    for (i, (text, spans)) in records.into_iter().enumerate() {
        let title = if count == 1 { name.to_owned() } else { format!("{name} ({})", i + 1) };
        let doc = Document::new(title, text).map_err(|e| InputError::Format {
            name: name.to_owned(),
            error: formats::error(format, format!("record {}", i + 1), e.to_string()),
        })?;
        let (labels, annotations, mut report) = formats::place(&doc, &Labels::news(), &spans);
        if let (Some(assumed), Some(likely)) = (unit, doccano::guess_unit(&doc, &spans)) {
            if assumed != likely {
                report.hint = Some(format!(
                    "these offsets look like {}, not {}: choose {} under Export as… › doccano offsets, then open the file again",
                    likely.name(),
                    assumed.name(),
                    likely.name()
                ));
            }
        }
        docs.push((Project { doc, labels, annotations }, report));
    }
    if docs.is_empty() {
        return Err(InputError::Empty { name: name.to_owned() });
    }
    Ok(Opened::Imported { format, docs })
}

/// A zip with a brat `.txt` and its `.ann`.
fn open_brat_zip(name: &str, bytes: &[u8]) -> Result<Opened, InputError> {
    let fail =
        |message: String| InputError::Format { name: name.to_owned(), error: formats::error("brat zip", "", message) };
    let entries = zip::read(bytes).map_err(fail)?;
    let mut records = Vec::new();
    for (ann_name, ann) in entries.iter().filter(|(n, _)| n.ends_with(".ann")) {
        let stem = &ann_name[..ann_name.len() - 4];
        let txt = entries
            .iter()
            .find(|(n, _)| n.strip_suffix(".txt") == Some(stem))
            .ok_or_else(|| fail(format!("{ann_name} has no {stem}.txt beside it")))?;
        let text = decode_text(&txt.0, &txt.1)?;
        let ann = decode_text(ann_name, ann).or_else(|e| match e {
            InputError::Empty { .. } => Ok(String::new()),
            e => Err(e),
        })?;
        let spans = brat::parse_ann(&ann).map_err(|error| InputError::Format { name: name.to_owned(), error })?;
        records.push((text, spans, txt.0.clone()));
    }
    if records.is_empty() {
        return Err(fail("it holds no .ann file".to_owned()));
    }
    let titled: Vec<(String, Vec<Foreign>)> = records.iter().map(|(t, s, _)| (t.clone(), s.clone())).collect();
    let mut opened = documents(name, "brat", titled, None)?;
    if let Opened::Imported { docs, .. } = &mut opened {
        for ((project, _), (_, _, txt_name)) in docs.iter_mut().zip(&records) {
            project.doc = project.doc.retitled(txt_name);
        }
    }
    Ok(opened)
}
