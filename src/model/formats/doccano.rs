//! doccano JSONL. Written as `{"text", "entities": [{"id", "label", "start_offset",
//! "end_offset"}], "relations": []}`; read in that form and the older `{"text", "label":
//! [[start, end, "Label"]]}`. No quote is stored, so the unit must be known: code points by
//! default, UTF-16 units for files from doccano's own UI (which counts JavaScript string indices).

use serde::Serialize;
use serde_json::Value;

use super::coding::Keys;
use super::export::{left_out, Carries};
use super::registry::{Format, Offsets, Reader, Record, Written};
use super::{error, label_name, Foreign, ForeignRelation, FormatError, Unit};
use crate::model::annotation::{AnnotationId, AnnotationSet};
use crate::model::document::Document;
use crate::model::label::Labels;
use crate::model::relation::Relations;
use crate::support::order::Index;
use crate::support::quote::Quoted;

const NAME: &str = "doccano JSONL";

pub const FORMAT: Format = Format {
    id: "doccano",
    tool: "doccano",
    name: NAME,
    extension: ".doccano.jsonl",
    mime: "application/jsonl",
    offsets: Offsets::Chosen,
    read: &[Reader::Records { detect: looks_like, read: parse_record }],
    write: |e| {
        let carries = Carries { relations: true, ..Carries::SPANS };
        Written::text(serialize_with(e.doc, e.labels, e.annotations, e.relations, e.unit))
            .noting(left_out(e, NAME, carries))
    },
};

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    entities: Vec<Entity<'a>>,
    relations: Vec<RelationOut<'a>>,
}

/// A relation as doccano writes it: between entities' ids.
#[derive(Serialize)]
struct RelationOut<'a> {
    id: usize,
    from_id: usize,
    to_id: usize,
    #[serde(rename = "type")]
    kind: &'a str,
}

#[derive(Serialize)]
struct Entity<'a> {
    id: usize,
    label: &'a str,
    start_offset: u32,
    end_offset: u32,
}

/// One JSONL line (with its newline) for `doc`, offsets in `unit`, without relations.
pub fn serialize(doc: &Document, labels: &Labels, annotations: &AnnotationSet, unit: Unit) -> String {
    serialize_with(doc, labels, annotations, &Relations::new(), unit)
}

/// One JSONL line (with its newline) for `doc`, offsets in `unit`: the entities numbered from 1
/// in text order, the relations between them by those numbers, of the type's name.
pub fn serialize_with(
    doc: &Document,
    labels: &Labels,
    annotations: &AnnotationSet,
    relations: &Relations,
    unit: Unit,
) -> String {
    let mut ids = Vec::with_capacity(annotations.len());
    for a in annotations.iter() {
        ids.push(a.id.as_str());
    }
    let index = Index::new(ids);
    let number = |id: &AnnotationId| index.find(id.as_str()).next().map(|i| i + 1);
    let starts: &[u32] = if unit == Unit::Grapheme { doc.grapheme_starts() } else { &[] };
    let at = |cp: u32| super::from_cp(doc, unit, cp, starts);
    let mut entities = Vec::with_capacity(annotations.len());
    for (i, a) in annotations.iter().enumerate() {
        entities.push(Entity {
            id: i + 1,
            label: label_name(labels, &a.label),
            start_offset: at(a.span.start()),
            end_offset: at(a.span.end()),
        });
    }
    let mut links = Vec::new();
    for r in relations.iter() {
        let kind = labels.relation_type(&r.kind).map_or(r.kind.as_str(), |t| t.name.as_str());
        if let (Some(from_id), Some(to_id)) = (number(&r.from), number(&r.to)) {
            links.push(RelationOut { id: links.len() + 1, from_id, to_id, kind });
        }
    }
    let line = Line { text: doc.text(), entities, relations: links };
    let mut out = serde_json::to_string(&line).unwrap_or_default();
    out.push('\n');
    out
}

/// Whether a JSONL record is doccano's: a text with `entities` or `label` spans.
pub fn looks_like(record: &Value) -> bool {
    record.get("text").is_some_and(Value::is_string)
        && (record.get("entities").is_some_and(Value::is_array)
            || record.get("label").and_then(Value::as_array).is_some_and(|l| l.iter().all(Value::is_array)))
}

/// The spans of one record, in `unit`, and its `relations` (`from_id` → `to_id`, of `type`),
/// whose ends are the `id`s of its entities.
pub fn parse_record(record: &Value, line: usize, unit: Unit) -> Result<Record, FormatError> {
    let place = format!("line {line}");
    let text = record.get("text").and_then(Value::as_str).ok_or_else(|| error(NAME, &place, "has no \"text\""))?;
    let mut spans = Vec::new();
    let mut ids = Vec::new();
    if let Some(entities) = record.get("entities").and_then(Value::as_array) {
        for (i, e) in entities.iter().enumerate() {
            let num = |k: &str| e.get(k).and_then(Value::as_u64);
            match (e.get("label").and_then(Value::as_str), num("start_offset"), num("end_offset")) {
                (Some(l), Some(s), Some(t)) => spans.push(Foreign::at(l, s, t, unit)),
                _ => {
                    return Err(error(
                        NAME,
                        format!("{place}, entities[{i}]"),
                        "needs label, start_offset and end_offset",
                    ))
                }
            }
            ids.push(e.get("id").map(id_text).unwrap_or_default());
        }
    } else if let Some(labels) = record.get("label").and_then(Value::as_array) {
        for (i, l) in labels.iter().enumerate() {
            match l.as_array().map(Vec::as_slice) {
                Some([s, e, name]) => match (s.as_u64(), e.as_u64(), name.as_str()) {
                    (Some(s), Some(e), Some(name)) => spans.push(Foreign::at(name, s, e, unit)),
                    _ => return Err(error(NAME, format!("{place}, label[{i}]"), "expected [start, end, \"Label\"]")),
                },
                _ => return Err(error(NAME, format!("{place}, label[{i}]"), "expected [start, end, \"Label\"]")),
            }
        }
    }
    let keys = Keys::new(ids.iter().map(String::as_str).collect());
    let mut relations = Vec::new();
    for (i, r) in record.get("relations").and_then(Value::as_array).into_iter().flatten().enumerate() {
        let field = format!("{place}, relations[{i}]");
        let end = |key: &str| {
            let id = r.get(key).map(id_text).unwrap_or_default();
            keys.find(&id)
                .ok_or_else(|| error(NAME, format!("{field}.{key}"), format!("no entity has id {}", Quoted(&id))))
        };
        let (from, to) = (end("from_id")?, end("to_id")?);
        let Some(kind) = r.get("type").and_then(Value::as_str) else {
            return Err(error(NAME, format!("{field}.type"), "a relation's type is a string"));
        };
        relations.push(ForeignRelation {
            from,
            to,
            kind: kind.to_owned(),
            created: None,
            place: format!("{field}.type"),
        });
    }
    Ok(Record { relations, ..Record::from((text.to_owned(), spans)) })
}

/// An entity's id as text (doccano's are numbers; a string is taken as it is).
fn id_text(id: &Value) -> String {
    match id {
        Value::String(s) => s.clone(),
        // Whole numbers only: a float's text would bring float formatting into the app.
        Value::Number(n) => n.as_u64().map_or(String::new(), |n| n.to_string()),
        _ => String::new(),
    }
}
