//! The registry: every format spanmark reads or writes, described once ([`Format`], in its adapter
//! file) and listed once ([`FORMATS`], beside the adapters' `mod` lines). The Open flow
//! (`model::input::open`) tries the readers, the Export as… menu lists the writers, and
//! `tests/formats.rs` round-trips every format that does both, all by iterating [`FORMATS`].

use serde_json::Value;

use super::spanmark::ParseError;
use super::{Foreign, FormatError, Unit};

use crate::model::annotation::AnnotationSet;
use crate::model::document::Document;
use crate::model::label::Labels;
use crate::model::project::Project;
use crate::model::relation::Relations;

/// One format: how people and files name it, the unit its offsets count, how to recognise and
/// read a file of it, and how to write one.
#[derive(Clone, Copy, Debug)]
pub struct Format {
    /// A short stable name, for tests and messages about the registry (`"doccano"`).
    pub id: &'static str,
    /// The tool, as messages about an opened file name it (`"doccano"`).
    pub tool: &'static str,
    /// What the Export as… menu shows (`"doccano JSONL"`); also the format named in a line's
    /// JSON error for a JSON-lines reader.
    pub name: &'static str,
    /// How a written file's name ends, after the document's slug (`".doccano.jsonl"`).
    pub extension: &'static str,
    /// The MIME type of a written file.
    pub mime: &'static str,
    /// What its offsets count.
    pub offsets: Offsets,
    /// The ways a file of this format can come in, each at its stage of the Open flow (brat has
    /// two: a zip, and an `.ann` alone). Empty for an export-only format (CoNLL).
    pub read: &'static [Reader],
    /// Writes one document with its labels and annotations as a file of this format.
    pub write: fn(&Exporting<'_>) -> Written,
}

/// What a format's offsets count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offsets {
    /// Always this unit.
    In(Unit),
    /// The unit the person chose (`input::Options`, the Export as… menu's "doccano offsets"):
    /// the file cannot show it.
    Chosen,
    /// Tokens, not offsets (CoNLL BIO).
    Tokens,
}

impl Offsets {
    /// The unit a file of this format counts, given the person's choice.
    pub fn unit(self, chosen: Unit) -> Unit {
        match self {
            Offsets::In(unit) => unit,
            Offsets::Chosen => chosen,
            Offsets::Tokens => Unit::CodePoint,
        }
    }
}

/// One way in for a format. The Open flow runs in stages, each trying its readers in registry
/// order: the raw bytes (`Bytes`, before any decoding); then, for UTF-8 text starting with `{` or
/// `[`, one JSON value (`Json`, then `Records` if a record reader recognises the value) or JSON
/// lines (`Records`, by the first line); then the text (`Text`); and last a plain text to annotate.
#[derive(Clone, Copy, Debug)]
pub enum Reader {
    /// Recognises and reads the file's bytes (a zip).
    Bytes { detect: fn(&[u8]) -> bool, read: fn(&[u8]) -> Result<Read, ReadError> },
    /// Recognises and reads a file that parsed as one JSON value (handed over, not parsed again).
    Json { detect: fn(&Value) -> bool, read: fn(Value) -> Result<Read, ReadError> },
    /// JSON lines, one record (a text and its spans) a line, counted in the given unit: each line
    /// becomes a document.
    Records { detect: fn(&Value) -> bool, read: fn(&Value, usize, Unit) -> Result<Record, FormatError> },
    /// Recognises a text by the file's name and its content (BOM and leading space trimmed), and
    /// reads the whole text.
    Text { detect: fn(&str, &str) -> bool, read: fn(&str) -> Result<Read, ReadError> },
}

/// What a reader made of a file.
#[derive(Debug)]
pub enum Read {
    /// A whole project (a spanmark file).
    Project(Box<Project>),
    /// Texts with their spans, each to become a document once its spans are placed.
    Documents { tool: &'static str, records: Vec<Record> },
    /// Spans without their text (W3C, Recogito, a brat `.ann`), for the open document.
    Onto { tool: &'static str, spans: Vec<Foreign> },
}

/// A text and its spans as a file holds them.
#[derive(Debug)]
pub struct Record {
    /// The title the file gives it (a brat zip's `.txt` name); otherwise it is titled after the
    /// file.
    pub title: Option<String>,
    pub text: String,
    pub spans: Vec<Foreign>,
}

impl From<(String, Vec<Foreign>)> for Record {
    /// A text and its spans, titled after the file.
    fn from((text, spans): (String, Vec<Foreign>)) -> Record {
        Record { title: None, text, spans }
    }
}

/// Why a reader refused a file; `model::input` names the file around it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Not what its format says (where, and what is wrong).
    Format(FormatError),
    /// A spanmark file that does not hold together.
    Spanmark(ParseError),
    /// A file inside this one (a zip's entry) that is not text.
    Entry { name: String, problem: NotText },
}

impl From<FormatError> for ReadError {
    fn from(e: FormatError) -> ReadError {
        ReadError::Format(e)
    }
}

/// Why bytes are not a UTF-8 text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotText {
    Empty,
    /// It holds a NUL byte.
    Binary,
    /// The first byte that is not valid UTF-8, and where it is.
    NotUtf8 {
        offset: usize,
        byte: u8,
    },
}

/// The UTF-8 text of some bytes, a BOM and CRLF line ends kept as they are.
pub fn utf8(bytes: &[u8]) -> Result<String, NotText> {
    if bytes.is_empty() {
        return Err(NotText::Empty);
    }
    if bytes.contains(&0) {
        return Err(NotText::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => {
            let offset = e.valid_up_to();
            Err(NotText::NotUtf8 { offset, byte: bytes.get(offset).copied().unwrap_or(0) })
        }
    }
}

/// What an export writes: one document with its labels and annotations.
pub struct Exporting<'a> {
    pub doc: &'a Document,
    pub labels: &'a Labels,
    pub annotations: &'a AnnotationSet,
    /// The relations between `annotations` (both ends of each among them).
    pub relations: &'a Relations,
    /// The document's category values, sorted by name, only those set (one missing reads as
    /// its definition's default, `labels.doc_attribute`).
    pub attributes: &'a [(String, String)],
    /// When (ISO 8601), for formats that say.
    pub exported_at: &'a str,
    /// The unit the person chose, for a format whose offsets are [`Offsets::Chosen`].
    pub unit: Unit,
    /// Who annotated (not blank), for a format that records it (spanmark's `annotator`).
    pub annotator: Option<&'a str>,
    /// The document's slug: every file name (the download's, a zip's entries') starts with it.
    pub stem: &'a str,
    /// The download's name: `stem` and the format's extension.
    pub filename: &'a str,
}

/// A written file's content.
pub struct Written {
    pub bytes: Vec<u8>,
    /// Something the person should know about this export (what CoNLL had to drop).
    pub note: Option<String>,
}

impl Written {
    pub fn text(body: String) -> Written {
        Written { bytes: body.into_bytes(), note: None }
    }
}
