//! doccano JSONL. Written as `{"text", "entities": [{"id", "label", "start_offset",
//! "end_offset"}], "relations": []}`; read in that form and the older `{"text", "label":
//! [[start, end, "Label"]]}`. No quote is stored, so the unit must be known: code points by
//! default, UTF-16 units for files from doccano's own UI (which counts JavaScript string indices).

use serde::Serialize;
use serde_json::Value;

use super::registry::{Format, Offsets, Reader, Record, Written};
use super::{error, label_name, Foreign, FormatError, Unit};
use crate::model::annotation::AnnotationSet;
use crate::model::document::Document;
use crate::model::label::Labels;

const NAME: &str = "doccano JSONL";

pub const FORMAT: Format = Format {
    id: "doccano",
    tool: "doccano",
    name: NAME,
    extension: ".doccano.jsonl",
    mime: "application/jsonl",
    offsets: Offsets::Chosen,
    read: &[Reader::Records {
        detect: looks_like,
        read: |record, line, unit| parse_record(record, line, unit).map(Record::from),
    }],
    write: |e| Written::text(serialize(e.doc, e.labels, e.annotations, e.unit)),
};

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    entities: Vec<Entity<'a>>,
    relations: [u8; 0],
}

#[derive(Serialize)]
struct Entity<'a> {
    id: usize,
    label: &'a str,
    start_offset: u32,
    end_offset: u32,
}

/// One JSONL line (with its newline) for `doc`, offsets in `unit`.
pub fn serialize(doc: &Document, labels: &Labels, annotations: &AnnotationSet, unit: Unit) -> String {
    let starts: &[u32] = if unit == Unit::Grapheme { doc.grapheme_starts() } else { &[] };
    let at = |cp: u32| super::from_cp(doc, unit, cp, starts);
    let line = Line {
        text: doc.text(),
        entities: annotations
            .iter()
            .enumerate()
            .map(|(i, a)| Entity {
                id: i + 1,
                label: label_name(labels, &a.label),
                start_offset: at(a.span.start()),
                end_offset: at(a.span.end()),
            })
            .collect(),
        relations: [],
    };
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

/// The spans of one record, in `unit`.
pub fn parse_record(record: &Value, line: usize, unit: Unit) -> Result<(String, Vec<Foreign>), FormatError> {
    let place = format!("line {line}");
    let text = record.get("text").and_then(Value::as_str).ok_or_else(|| error(NAME, &place, "has no \"text\""))?;
    let mut spans = Vec::new();
    let span = |label: &str, start: u64, end: u64| Foreign {
        label: label.to_owned(),
        start,
        end,
        unit,
        quote: None,
        prefix: None,
        suffix: None,
        created: None,
    };
    if let Some(entities) = record.get("entities").and_then(Value::as_array) {
        for (i, e) in entities.iter().enumerate() {
            let num = |k: &str| e.get(k).and_then(Value::as_u64);
            match (e.get("label").and_then(Value::as_str), num("start_offset"), num("end_offset")) {
                (Some(l), Some(s), Some(t)) => spans.push(span(l, s, t)),
                _ => {
                    return Err(error(
                        NAME,
                        format!("{place}, entities[{i}]"),
                        "needs label, start_offset and end_offset",
                    ))
                }
            }
        }
    } else if let Some(labels) = record.get("label").and_then(Value::as_array) {
        for (i, l) in labels.iter().enumerate() {
            match l.as_array().map(Vec::as_slice) {
                Some([s, e, name]) => match (s.as_u64(), e.as_u64(), name.as_str()) {
                    (Some(s), Some(e), Some(name)) => spans.push(span(name, s, e)),
                    _ => return Err(error(NAME, format!("{place}, label[{i}]"), "expected [start, end, \"Label\"]")),
                },
                _ => return Err(error(NAME, format!("{place}, label[{i}]"), "expected [start, end, \"Label\"]")),
            }
        }
    }
    Ok((text.to_owned(), spans))
}
