//! spanmark JSON, the native lossless format (documented in `docs/format.md`, schema in
//! `schema/spanmark.schema.json`). Offsets are code points.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::support::json::{Object, ShapeError};
use crate::support::quote::Quoted;
use crate::support::time::Time;

use super::registry::{Format, Offsets, Read, ReadError, Reader, Written};
use super::Unit;
use crate::model::annotation::{Annotation, AnnotationId, AnnotationSet, Rejected};
use crate::model::document::Document;
use crate::model::label::{Label, Labels};
use crate::model::span::Span;

/// What a spanmark file holds (a domain value, kept nameable here).
use crate::model::project::Project;

/// The value of a spanmark file's `format` field.
pub const NAME: &str = "spanmark";
pub const VERSION: u32 = 1;
pub const OFFSET_UNIT: &str = "codepoint";

pub const FORMAT: Format = Format {
    id: "spanmark",
    tool: "spanmark",
    name: "spanmark JSON",
    extension: ".spanmark.json",
    mime: "application/json",
    offsets: Offsets::In(Unit::CodePoint),
    // Any JSON with a `format` field is read as a spanmark file, so that a file of another
    // format or version is named as such.
    read: &[Reader::Json {
        detect: |tree| tree.get("format").is_some(),
        read: |tree| from_value(tree).map(|project| Read::Project(Box::new(project))).map_err(ReadError::Spanmark),
    }],
    write: |e| Written::text(serialize_by(e.doc, e.labels, e.annotations, e.exported_at, e.annotator)),
};

impl From<ShapeError> for ParseError {
    fn from(e: ShapeError) -> ParseError {
        ParseError::Shape { path: e.path, message: e.message, field: e.field }
    }
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'a str,
    version: u32,
    offset_unit: &'a str,
    exported_at: &'a str,
    /// Who annotated; absent when the person gave no name.
    #[serde(skip_serializing_if = "Option::is_none")]
    annotator: Option<&'a str>,
    document: DocOut<'a>,
    labels: Vec<LabelOut<'a>>,
    annotations: Vec<AnnOut<'a>>,
}

#[derive(Serialize)]
struct DocOut<'a> {
    title: &'a str,
    text: &'a str,
    sha256: &'a str,
    length: Length,
}

#[derive(Serialize)]
struct Length {
    code_points: u32,
    utf16_units: u32,
    utf8_bytes: u32,
}

#[derive(Serialize)]
struct LabelOut<'a> {
    id: &'a str,
    name: &'a str,
    colour: &'a str,
    hotkey: String,
}

#[derive(Serialize)]
struct AnnOut<'a> {
    id: &'a str,
    label: &'a str,
    start: u32,
    end: u32,
    text: &'a str,
    prefix: &'a str,
    suffix: &'a str,
    /// When the annotation was made (ISO 8601, UTC); absent when not known.
    #[serde(skip_serializing_if = "Option::is_none")]
    created: Option<String>,
    /// Who had the annotation (an adjudicated document's); absent when no one is recorded.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    annotators: &'a [String],
}

/// Writes `doc`'s annotations as a spanmark file. The same annotations give the same bytes,
/// except for `exported_at` (an ISO 8601 timestamp the caller supplies). Names no annotator.
pub fn serialize(doc: &Document, labels: &Labels, annotations: &AnnotationSet, exported_at: &str) -> String {
    serialize_by(doc, labels, annotations, exported_at, None)
}

/// As [`serialize`], with the top-level `annotator` when `annotator` is a name.
pub fn serialize_by(
    doc: &Document,
    labels: &Labels,
    annotations: &AnnotationSet,
    exported_at: &str,
    annotator: Option<&str>,
) -> String {
    let file = FileOut {
        format: NAME,
        version: VERSION,
        offset_unit: OFFSET_UNIT,
        exported_at,
        annotator,
        document: DocOut {
            title: doc.title(),
            text: doc.text(),
            sha256: doc.sha256(),
            length: Length { code_points: doc.len(), utf16_units: doc.len_utf16(), utf8_bytes: doc.len_bytes() },
        },
        labels: labels
            .iter()
            .map(|l| LabelOut {
                id: l.id.as_str(),
                name: &l.name,
                colour: &l.colour,
                hotkey: l.hotkey.map(String::from).unwrap_or_default(),
            })
            .collect(),
        annotations: annotations
            .iter()
            .map(|a| AnnOut {
                id: a.id.as_str(),
                label: a.label.as_str(),
                start: a.span.start(),
                end: a.span.end(),
                text: doc.slice(a.span),
                prefix: doc.prefix(a.span),
                suffix: doc.suffix(a.span),
                created: a.created.map(Time::iso),
                annotators: &a.annotators,
            })
            .collect(),
    };
    // Serializing plain structs of strings and numbers to a String cannot fail.
    let mut out = serde_json::to_string_pretty(&file).unwrap_or_default();
    out.push('\n');
    out
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

/// Reads a spanmark file, checking every offset and quote against its own text.
pub fn parse(input: &str) -> Result<Project, ParseError> {
    let json_error = |e: serde_json::Error| {
        let message = e.to_string();
        // serde_json ends its message with the position, which the error carries apart.
        let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m).to_owned();
        ParseError::Json { line: e.line(), column: e.column(), message }
    };
    from_value(serde_json::from_str(input).map_err(json_error)?)
}

/// Reads a spanmark file already parsed as JSON (its strings are moved, not copied).
pub fn from_value(head: Value) -> Result<Project, ParseError> {
    // The header first, so that a file of another format or version is named as such.
    match head.get("format").and_then(|f| f.as_str()) {
        Some(NAME) => {}
        Some(other) => return Err(ParseError::UnknownFormat(other.to_owned())),
        None => return Err(ParseError::UnknownFormat("(missing)".to_owned())),
    }
    if let Some(v) = head.get("version").and_then(|v| v.as_u64()) {
        if v > u64::from(VERSION) {
            return Err(ParseError::NewerVersion(u32::try_from(v).unwrap_or(u32::MAX)));
        }
    }
    let mut file = Object::new(head, String::new())?;
    file.u32("version")?;
    let offset_unit = file.string("offset_unit")?;
    let mut document = file.object("document")?;
    let (title, text, sha256) = (document.string("title")?, document.string("text")?, document.string("sha256")?);
    let mut length = document.object("length")?;
    let length = [
        ("code_points", length.u32("code_points")?),
        ("utf16_units", length.u32("utf16_units")?),
        ("utf8_bytes", length.u32("utf8_bytes")?),
    ];
    let labels = read_labels(file.objects("labels")?)?;
    let annotator = annotator(&mut file)?;
    let annotations = file.objects("annotations")?;
    if offset_unit != OFFSET_UNIT {
        return Err(ParseError::UnknownOffsetUnit(offset_unit));
    }
    let doc = Document::new(title, text).map_err(|e| ParseError::Shape {
        path: "document.text".to_owned(),
        message: e.to_string(),
        field: "document.text".to_owned(),
    })?;
    if !sha256.eq_ignore_ascii_case(doc.sha256()) {
        return Err(ParseError::Sha256Mismatch { declared: sha256, actual: doc.sha256().to_owned() });
    }
    for ((field, declared), actual) in length.into_iter().zip([doc.len(), doc.len_utf16(), doc.len_bytes()]) {
        if declared != actual {
            return Err(ParseError::LengthMismatch { field, declared, actual });
        }
    }
    let mut set = AnnotationSet::new();
    for a in annotations {
        let mut a = a?;
        let (id, label, start, end, text) =
            (a.string("id")?, a.string("label")?, a.u32("start")?, a.u32("end")?, a.string("text")?);
        let created = created(&mut a)?;
        let annotators = if a.has("annotators") { a.strings("annotators")? } else { Vec::new() };
        let path = a.into_path();
        let span = Span::try_new(start, end).map_err(|e| ParseError::InvertedSpan {
            path: path.clone(),
            start: e.start,
            end: e.end,
        })?;
        if span.end() > doc.len() {
            return Err(ParseError::PastEnd { path, end: span.end(), len: doc.len() });
        }
        if doc.slice(span) != text {
            return Err(ParseError::TextMismatch { path, declared: text, actual: doc.slice(span).to_owned() });
        }
        let Some(label) = labels.by_id(&label) else {
            return Err(ParseError::UnknownLabel { path, label });
        };
        let annotation =
            Annotation { created, annotators, ..Annotation::new(AnnotationId::new(&id), label.id.clone(), span) };
        match set.insert(annotation) {
            Ok(()) => {}
            Err(Rejected::Empty) => return Err(ParseError::EmptySpan { path }),
            Err(Rejected::DuplicateId(id)) => return Err(ParseError::DuplicateId { path, id: id.as_str().to_owned() }),
            Err(Rejected::Duplicate(twin)) => {
                return Err(ParseError::DuplicateAnnotation { path, twin: twin.as_str().to_owned() })
            }
        }
    }
    Ok(Project { annotator, ..Project::new(doc, labels, set) })
}

/// An annotation's optional `created`: absent (files written before spanmark kept it) is none; a
/// value that is not an ISO 8601 date and time is refused, like any other wrong field.
fn created(a: &mut Object) -> Result<Option<Time>, ParseError> {
    let Ok(value) = a.take("created") else { return Ok(None) };
    let at = value.as_str().and_then(Time::parse_iso);
    match at {
        Some(at) => Ok(Some(at)),
        None => {
            let path = format!("{}.created", a.path());
            Err(ParseError::Shape {
                field: path.clone(),
                path,
                message: "expected an ISO 8601 date and time, such as \"2026-12-01T11:24:18Z\"".to_owned(),
            })
        }
    }
}

/// The file's optional top-level `annotator`: absent is none; a value that is not a string is
/// refused.
fn annotator(file: &mut Object) -> Result<Option<String>, ParseError> {
    let Ok(value) = file.take("annotator") else { return Ok(None) };
    match value {
        Value::String(name) => Ok(Some(name)),
        _ => Err(ParseError::Shape {
            path: "annotator".to_owned(),
            message: "expected a string, the annotator's name".to_owned(),
            field: "annotator".to_owned(),
        }),
    }
}

fn read_labels(input: impl Iterator<Item = Result<Object, ShapeError>>) -> Result<Labels, ParseError> {
    let mut labels = Vec::new();
    for l in input {
        let mut l = l?;
        let (id, name, colour, hotkey) = (l.string("id")?, l.string("name")?, l.string("colour")?, l.string("hotkey")?);
        let label = Label::from_parts(&id, name, colour, &hotkey)
            .map_err(|message| ParseError::BadLabel { path: l.into_path(), message })?;
        labels.push(label);
    }
    Labels::new(labels).map_err(|message| ParseError::BadLabel { path: "labels".to_owned(), message })
}
