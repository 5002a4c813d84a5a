//! doccano JSONL. Written as `{"text", "entities": [{"id", "label", "start_offset",
//! "end_offset"}], "relations": []}`; read in that form and the older `{"text", "label":
//! [[start, end, "Label"]]}`. No quote is stored, so the unit must be known: code points by
//! default, UTF-16 units for files from doccano's own UI (which counts JavaScript string indices).

use serde::Serialize;
use serde_json::Value;

use super::{error, label_name, Foreign, FormatError, Unit};
use crate::model::annotation::AnnotationSet;
use crate::model::document::Document;
use crate::model::label::Labels;
use crate::model::span::Span;

const FORMAT: &str = "doccano JSONL";

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
    let text = record.get("text").and_then(Value::as_str).ok_or_else(|| error(FORMAT, &place, "has no \"text\""))?;
    let mut spans = Vec::new();
    let span = |label: &str, start: u64, end: u64| Foreign {
        label: label.to_owned(),
        start,
        end,
        unit,
        quote: None,
        prefix: None,
        suffix: None,
    };
    if let Some(entities) = record.get("entities").and_then(Value::as_array) {
        for (i, e) in entities.iter().enumerate() {
            let num = |k: &str| e.get(k).and_then(Value::as_u64);
            match (e.get("label").and_then(Value::as_str), num("start_offset"), num("end_offset")) {
                (Some(l), Some(s), Some(t)) => spans.push(span(l, s, t)),
                _ => {
                    return Err(error(
                        FORMAT,
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
                    _ => return Err(error(FORMAT, format!("{place}, label[{i}]"), "expected [start, end, \"Label\"]")),
                },
                _ => return Err(error(FORMAT, format!("{place}, label[{i}]"), "expected [start, end, \"Label\"]")),
            }
        }
    }
    Ok((text.to_owned(), spans))
}

/// Guesses the unit of a doccano record whose text has characters outside the BMP (elsewhere the
/// units agree): the unit in which the spans fit the text and cut fewer words in half or start or
/// end on a space. `None` when none is clearly better.
pub fn guess_unit(doc: &Document, spans: &[Foreign]) -> Option<Unit> {
    if (doc.len() == doc.len_utf16() && doc.grapheme_starts().len() as u32 == doc.len() + 1) || spans.is_empty() {
        return None;
    }
    let score = |unit: Unit| -> Option<usize> {
        let mut bad = 0;
        for s in spans {
            let span = super::to_span(doc, unit, s.start, s.end)?;
            let before = doc.slice(Span::new(span.start().saturating_sub(1), span.start())).chars().next();
            let after = doc.slice(Span::new(span.end(), (span.end() + 1).min(doc.len()))).chars().next();
            let quote = doc.slice(span);
            let (first, last) = (quote.chars().next(), quote.chars().next_back());
            let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            let space = |c: Option<char>| c.is_some_and(char::is_whitespace);
            bad += usize::from(word(before) && word(first)) + usize::from(word(last) && word(after));
            bad += usize::from(space(first)) + usize::from(space(last));
        }
        Some(bad)
    };
    // The unit whose spans fit and cut the fewest words; none when two tie for the best.
    let mut scores: Vec<(usize, Unit)> =
        [Unit::CodePoint, Unit::Utf16, Unit::Grapheme].into_iter().filter_map(|u| score(u).map(|s| (s, u))).collect();
    crate::support::order::sort_by(&mut scores, |a, b| a.0.cmp(&b.0));
    match scores.as_slice() {
        [(_, unit)] => Some(*unit),
        [(best, unit), (next, _), ..] if best < next => Some(*unit),
        _ => None,
    }
}
