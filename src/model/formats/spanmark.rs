//! spanmark JSON, the native lossless format (documented in `docs/format.md`, schema in
//! `schema/spanmark.schema.json`). Offsets are code points.

use serde::Serialize;
use serde_json::Value;

use crate::support::json::{Object, ShapeError};
use crate::support::quote::Quoted;
use crate::support::time::Time;

use super::export::Parts;
use super::registry::{Format, Offsets, Read, ReadError, Reader, Written};
use super::spanmark_codes::{self as codes, Pairs};
use super::Unit;
use crate::model::annotation::{Annotation, AnnotationId, AnnotationSet, Rejected};
use crate::model::definitions::{AttributeDef, RelationType};
use crate::model::document::Document;
use crate::model::label::{Label, Labels};
use crate::model::relation::Relation;
use crate::model::relation::Relations;
use crate::model::span::Span;

/// What a spanmark file holds (a domain value, kept nameable here).
use crate::model::project::Project;

pub use super::spanmark_error::ParseError;

/// The value of a spanmark file's `format` field.
pub const NAME: &str = "spanmark";
pub const VERSION: u32 = 2;
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
    write: |e| {
        let parts = Parts {
            doc: e.doc,
            labels: e.labels,
            annotations: e.annotations,
            relations: e.relations,
            attributes: e.attributes,
        };
        Written::text(serialize_parts(parts, e.exported_at, e.annotator))
    },
};

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
    relation_types: &'a [RelationType],
    document_attributes: &'a [AttributeDef],
    annotations: Vec<AnnOut<'a>>,
    relations: Vec<&'a Relation>,
}

#[derive(Serialize)]
struct DocOut<'a> {
    title: &'a str,
    text: &'a str,
    sha256: &'a str,
    length: Length,
    /// The document's category values set; absent when none.
    #[serde(skip_serializing_if = "Pairs::is_empty")]
    attributes: Pairs<'a>,
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
    /// The label's attribute definitions; absent when none.
    #[serde(skip_serializing_if = "<[AttributeDef]>::is_empty")]
    attributes: &'a [AttributeDef],
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
    /// The note; absent when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    /// The attribute values set; absent when none (each reads as its default).
    #[serde(skip_serializing_if = "Pairs::is_empty")]
    attributes: Pairs<'a>,
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
    let relations = Relations::new();
    serialize_parts(Parts { doc, labels, annotations, relations: &relations, attributes: &[] }, exported_at, annotator)
}

/// A document with everything it carries (relations, notes, attributes, categories), as
/// [`serialize_by`] writes it.
pub fn serialize_parts(parts: Parts<'_>, exported_at: &str, annotator: Option<&str>) -> String {
    let Parts { doc, labels, annotations, relations, attributes } = parts;
    let mut outs = Vec::with_capacity(annotations.len());
    for a in annotations.iter() {
        outs.push(AnnOut {
            id: a.id.as_str(),
            label: a.label.as_str(),
            start: a.span.start(),
            end: a.span.end(),
            text: doc.slice(a.span),
            prefix: doc.prefix(a.span),
            suffix: doc.suffix(a.span),
            created: a.created.map(Time::iso),
            annotators: &a.annotators,
            note: a.note.as_deref(),
            attributes: Pairs(&a.attributes),
        });
    }
    let mut links = Vec::new();
    for r in relations.iter() {
        links.push(r);
    }
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
            attributes: Pairs(attributes),
        },
        labels: labels
            .iter()
            .map(|l| LabelOut {
                id: l.id.as_str(),
                name: &l.name,
                colour: &l.colour,
                hotkey: l.hotkey.map(String::from).unwrap_or_default(),
                attributes: &l.attributes,
            })
            .collect(),
        relation_types: labels.relation_types(),
        document_attributes: labels.categories(),
        annotations: outs,
        relations: links,
    };
    // Serializing plain structs of strings and numbers to a String cannot fail.
    let mut out = serde_json::to_string_pretty(&file).unwrap_or_default();
    out.push('\n');
    out
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
    let version = file.u32("version")?;
    let offset_unit = file.string("offset_unit")?;
    let mut document = file.object("document")?;
    let (title, text, sha256) = (document.string("title")?, document.string("text")?, document.string("sha256")?);
    let mut length = document.object("length")?;
    let length = [
        ("code_points", length.u32("code_points")?),
        ("utf16_units", length.u32("utf16_units")?),
        ("utf8_bytes", length.u32("utf8_bytes")?),
    ];
    let doc_attributes = if document.has("attributes") { Some(document.take("attributes")?) } else { None };
    let labels = read_labels(file.objects("labels")?, version)?;
    let labels = codes::definitions(&mut file, labels, version)?;
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
        let (annotation, path) = annotation(a?, &doc, &labels)?;
        match set.insert(annotation) {
            Ok(()) => {}
            Err(Rejected::Empty) => return Err(ParseError::EmptySpan { path }),
            Err(Rejected::DuplicateId(id)) => return Err(ParseError::DuplicateId { path, id: id.as_str().to_owned() }),
            Err(Rejected::Duplicate(twin)) => {
                return Err(ParseError::DuplicateAnnotation { path, twin: twin.as_str().to_owned() })
            }
        }
    }
    let relations = codes::read_relations(&mut file, &set, &labels)?;
    let attributes = match doc_attributes {
        Some(value) => codes::read_doc_values(value, labels.categories())?,
        None => Vec::new(),
    };
    Ok(Project { relations, attributes, annotator, ..Project::new(doc, labels, set) })
}

/// One annotation of the file, checked against the text and the labels; with its path, for the
/// refusals the set's insertion may give.
fn annotation(mut a: Object, doc: &Document, labels: &Labels) -> Result<(Annotation, String), ParseError> {
    let (id, label, start, end, text) =
        (a.string("id")?, a.string("label")?, a.u32("start")?, a.u32("end")?, a.string("text")?);
    let created = created(&mut a)?;
    let annotators = if a.has("annotators") { a.strings("annotators")? } else { Vec::new() };
    let note = codes::read_note(&mut a)?;
    let defs = labels.by_id(&label).map_or(&[][..], |l| &l.attributes[..]);
    let attributes = codes::read_values(&mut a, defs, &format!("label {}", Quoted(&label)))?;
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
    let annotation = Annotation {
        created,
        annotators,
        note,
        attributes,
        ..Annotation::new(AnnotationId::new(&id), label.id.clone(), span)
    };
    Ok((annotation, path))
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

/// The labels; in a version 2 file, each with its attributes.
fn read_labels(input: impl Iterator<Item = Result<Object, ShapeError>>, version: u32) -> Result<Labels, ParseError> {
    let mut labels = Vec::new();
    for l in input {
        let mut l = l?;
        let (id, name, colour, hotkey) = (l.string("id")?, l.string("name")?, l.string("colour")?, l.string("hotkey")?);
        let attributes = if version >= 2 && l.has("attributes") {
            codes::read_attribute_defs(&mut l, "attributes")?
        } else {
            Vec::new()
        };
        let mut label = Label::from_parts(&id, name, colour, &hotkey)
            .map_err(|message| ParseError::BadLabel { path: l.into_path(), message })?;
        label.attributes = attributes;
        labels.push(label);
    }
    Labels::new(labels).map_err(|message| ParseError::BadLabel { path: "labels".to_owned(), message })
}
