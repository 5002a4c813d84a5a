//! spaCy / Prodigy JSONL: `{"text", "spans": [{"start", "end", "label"}]}`, offsets in code points
//! (Python string indices), so `doc.char_span(start, end)` finds each span.

use serde::Serialize;
use serde_json::Value;

use super::export::{left_out, Carries};
use super::registry::{Format, Offsets, Reader, Record, Written};
use super::{error, label_name, Foreign, FormatError, Unit};
use crate::model::annotation::AnnotationSet;
use crate::model::document::Document;
use crate::model::label::Labels;

const NAME: &str = "spaCy JSONL";

pub const FORMAT: Format = Format {
    id: "spacy",
    tool: "spaCy",
    name: NAME,
    extension: ".spacy.jsonl",
    mime: "application/jsonl",
    offsets: Offsets::In(Unit::CodePoint),
    read: &[Reader::Records {
        detect: looks_like,
        read: |record, line, _| parse_record(record, line).map(Record::from),
    }],
    write: |e| Written::text(serialize(e.doc, e.labels, e.annotations)).noting(left_out(e, NAME, Carries::SPANS)),
};

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    spans: Vec<SpanOut<'a>>,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    start: u32,
    end: u32,
    label: &'a str,
}

pub fn serialize(doc: &Document, labels: &Labels, annotations: &AnnotationSet) -> String {
    let mut spans = Vec::with_capacity(annotations.len());
    for a in annotations.iter() {
        spans.push(SpanOut { start: a.span.start(), end: a.span.end(), label: label_name(labels, &a.label) });
    }
    let line = Line { text: doc.text(), spans };
    let mut out = serde_json::to_string(&line).unwrap_or_default();
    out.push('\n');
    out
}

pub fn looks_like(record: &Value) -> bool {
    record.get("text").is_some_and(Value::is_string) && record.get("spans").is_some_and(Value::is_array)
}

pub fn parse_record(record: &Value, line: usize) -> Result<(String, Vec<Foreign>), FormatError> {
    let place = format!("line {line}");
    let text = record.get("text").and_then(Value::as_str).ok_or_else(|| error(NAME, &place, "has no \"text\""))?;
    let mut spans = Vec::new();
    for (i, s) in record.get("spans").and_then(Value::as_array).into_iter().flatten().enumerate() {
        let num = |k: &str| s.get(k).and_then(Value::as_u64);
        match (num("start"), num("end"), s.get("label").and_then(Value::as_str)) {
            (Some(start), Some(end), Some(label)) => spans.push(Foreign {
                quote: s.get("text").and_then(Value::as_str).map(str::to_owned),
                ..Foreign::at(label, start, end, Unit::CodePoint)
            }),
            _ => return Err(error(NAME, format!("{place}, spans[{i}]"), "needs start, end and label")),
        }
    }
    Ok((text.to_owned(), spans))
}
