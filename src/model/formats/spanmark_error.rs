//! Why a spanmark file was refused: what is wrong, and where (a field path, or a line and
//! column). `model::refusal` puts each in a person's words.

use std::fmt;

use super::spanmark::VERSION;
use crate::support::json::ShapeError;
use crate::support::quote::Quoted;

impl From<ShapeError> for ParseError {
    fn from(e: ShapeError) -> ParseError {
        ParseError::Shape { path: e.path, message: e.message, field: e.field }
    }
}

/// Why a file is not a spanmark file that fits its own text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// Not JSON, or JSON of another shape.
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but a field is missing or of the wrong type.
    Shape {
        /// The object the message is about.
        path: String,
        message: String,
        /// The field at fault: the same as `path` unless the field is missing.
        field: String,
    },
    UnknownFormat(String),
    NewerVersion(u32),
    UnknownOffsetUnit(String),
    Sha256Mismatch {
        declared: String,
        actual: String,
    },
    LengthMismatch {
        field: &'static str,
        declared: u32,
        actual: u32,
    },
    BadLabel {
        path: String,
        message: String,
    },
    InvertedSpan {
        path: String,
        start: u32,
        end: u32,
    },
    EmptySpan {
        path: String,
    },
    PastEnd {
        path: String,
        end: u32,
        len: u32,
    },
    TextMismatch {
        path: String,
        declared: String,
        actual: String,
    },
    UnknownLabel {
        path: String,
        label: String,
    },
    DuplicateId {
        path: String,
        id: String,
    },
    DuplicateAnnotation {
        path: String,
        twin: String,
    },
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ParseError::*;
        match self {
            Json { line, column, message } => write!(f, "line {line}, column {column}: {message}"),
            Shape { path, message, .. } => write!(f, "{path}: {message}"),
            UnknownFormat(s) => write!(f, "format is {}, not \"spanmark\"", Quoted(s)),
            NewerVersion(v) => write!(f, "version {v} is newer than this spanmark reads (up to {VERSION})"),
            UnknownOffsetUnit(u) => write!(f, "offset_unit is {}; spanmark files count \"codepoint\"", Quoted(u)),
            Sha256Mismatch { declared, actual } => {
                write!(f, "document.sha256 is {declared} but the text hashes to {actual}")
            }
            LengthMismatch { field, declared, actual } => {
                write!(f, "document.length.{field} is {declared} but the text has {actual}")
            }
            BadLabel { path, message } => write!(f, "{path}: {message}"),
            InvertedSpan { path, start, end } => write!(f, "{path}: start {start} is after end {end}"),
            EmptySpan { path } => write!(f, "{path}: the span is empty"),
            PastEnd { path, end, len } => {
                write!(f, "{path}: end {end} is past the end of the text ({len} code points)")
            }
            TextMismatch { path, declared, actual } => {
                write!(f, "{path}.text is {} but the document has {} there", Quoted(declared), Quoted(actual))
            }
            UnknownLabel { path, label } => write!(f, "{path}.label {} is not among the file's labels", Quoted(label)),
            DuplicateId { path, id } => write!(f, "{path}.id {} is used twice", Quoted(id)),
            DuplicateAnnotation { path, twin } => {
                write!(f, "{path} repeats annotation {} (same span, same label)", Quoted(twin))
            }
        }
    }
}
