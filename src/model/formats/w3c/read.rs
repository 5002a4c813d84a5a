//! Reading W3C Web Annotation files (and Recogito's own): spans with their notes and
//! attributes, and the relations between them.

use serde_json::Value;

use super::super::coding::Keys;
use super::super::{error, Foreign, ForeignAttribute, ForeignRelation, FormatError, Unit};
use super::NAME;
use crate::support::quote::Quoted;
use crate::support::time::Time;

/// The annotations of a W3C file: an `AnnotationCollection` (with `first.items` or `items`), an
/// `AnnotationPage`, a JSON array of annotations, or one annotation.
pub fn items(value: &Value) -> Option<&Vec<Value>> {
    match value {
        Value::Array(items) => Some(items),
        Value::Object(o) => {
            o.get("items").or_else(|| o.get("first").and_then(|f| f.get("items"))).and_then(Value::as_array)
        }
        _ => None,
    }
}

/// Whether `value` is a W3C annotation file (or Recogito's own): its items have a `target`.
pub fn looks_like(value: &Value) -> bool {
    let single = value.get("type").and_then(Value::as_str) == Some("Annotation");
    single || items(value).and_then(|i| i.first()).is_some_and(|a| a.get("target").is_some())
}

/// The string at `key` of `v`.
fn field<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn as_list(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v) => vec![v],
        None => Vec::new(),
    }
}

/// Reads the spans and the relations between them. Positions count code points (the spec),
/// except in Recogito's own format (`bodies`, selectors with `quote`), which counts UTF-16 units.
/// A span's `commenting` body is its note, its `describing` bodies `name=value` its attributes;
/// an annotation with motivation `linking` and two targets (span annotations' ids, from → to)
/// is a relation whose type its `tagging` body names.
pub fn parse(value: &Value) -> Result<(Vec<Foreign>, Vec<ForeignRelation>), FormatError> {
    let single = [value.clone()];
    let annotations: &[Value] = if value.get("type").and_then(Value::as_str) == Some("Annotation") {
        &single
    } else {
        items(value).ok_or_else(|| {
            error(NAME, "", "expected an AnnotationCollection, an AnnotationPage or an array of annotations")
        })?
    };
    let linking = |a: &Value| as_list(a.get("motivation")).iter().any(|m| m.as_str() == Some("linking"));
    let mut out = Vec::new();
    let mut ids: Vec<&str> = Vec::new();
    for (i, a) in annotations.iter().enumerate().filter(|(_, a)| !linking(a)) {
        let path = format!("annotation {}", i + 1);
        let bodies = as_list(a.get("body").or_else(|| a.get("bodies")));
        let tag = bodies
            .iter()
            .find(|b| field(b, "purpose").is_none_or(|p| p == "tagging" || p == "classifying"))
            .and_then(|b| field(b, "value"));
        let Some(label) = tag else {
            return Err(error(NAME, path, "has no tagging body with a value (the label)"));
        };
        let note = bodies
            .iter()
            .filter(|b| field(b, "purpose") == Some("commenting"))
            .filter_map(|b| field(b, "value"))
            .next();
        let mut attributes = Vec::new();
        for (j, b) in bodies.iter().enumerate().filter(|(_, b)| field(b, "purpose") == Some("describing")) {
            let Some((name, v)) = field(b, "value").and_then(|v| v.split_once('=')) else {
                return Err(error(NAME, format!("{path}, body[{j}].value"), "a describing body is `name=value`"));
            };
            let place = format!("{path}, body[{j}].value");
            attributes.push(ForeignAttribute { name: name.to_owned(), value: v.to_owned(), place });
        }
        let mut selectors: Vec<&Value> = Vec::new();
        for t in as_list(a.get("target")) {
            selectors.extend(as_list(t.get("selector")));
        }
        let kind = |s: &&Value, k: &str| s.get("type").and_then(Value::as_str) == Some(k);
        let quote = selectors.iter().find(|s| kind(s, "TextQuoteSelector"));
        let position = selectors.iter().find(|s| kind(s, "TextPositionSelector"));
        // Recogito's own format: one untyped selector with quote, start and end, in UTF-16 units.
        let recogito = selectors.iter().find(|s| s.get("quote").is_some() && s.get("start").is_some());
        let text =
            |s: Option<&&Value>, key: &str| s.and_then(|s| s.get(key)).and_then(Value::as_str).map(str::to_owned);
        let number = |s: Option<&&Value>, key: &str| s.and_then(|s| s.get(key)).and_then(Value::as_u64);
        let coded = |f: Foreign| Foreign {
            // When it was made, if the file says so in a form spanmark reads (else not at all).
            created: a.get("created").and_then(Value::as_str).and_then(Time::parse_iso),
            note: note.filter(|n| !n.is_empty()).map(str::to_owned),
            attributes: attributes.clone(),
            ..f
        };
        let foreign = if let Some(r) = recogito.filter(|_| position.is_none()) {
            let at = Foreign::at(
                label,
                number(Some(r), "start").unwrap_or(0),
                number(Some(r), "end").unwrap_or(0),
                Unit::Utf16,
            );
            coded(Foreign { quote: text(Some(r), "quote"), ..at })
        } else {
            let (start, end) = match (number(position, "start"), number(position, "end")) {
                (Some(s), Some(e)) => (s, e),
                // Quote only: found by the quote alone.
                _ if quote.is_some() => (u64::MAX, u64::MAX),
                _ => return Err(error(NAME, path, "has neither a TextPositionSelector nor a TextQuoteSelector")),
            };
            coded(Foreign {
                quote: text(quote, "exact"),
                prefix: text(quote, "prefix"),
                suffix: text(quote, "suffix"),
                ..Foreign::at(label, start, end, Unit::CodePoint)
            })
        };
        ids.push(a.get("id").and_then(Value::as_str).unwrap_or(""));
        out.push(foreign);
    }
    let keys = Keys::new(ids);
    let mut relations = Vec::new();
    for (i, a) in annotations.iter().enumerate().filter(|(_, a)| linking(a)) {
        let path = format!("annotation {}", i + 1);
        let targets = as_list(a.get("target"));
        let [from, to] = targets.as_slice() else {
            return Err(error(NAME, format!("{path}, target"), "a linking annotation has two targets: from, to"));
        };
        let end = |t: &Value, n: usize| {
            let id = t.as_str().or_else(|| t.get("id").and_then(Value::as_str)).unwrap_or("");
            keys.find(id).ok_or_else(|| {
                error(NAME, format!("{path}, target[{n}]"), format!("no annotation in the file has id {}", Quoted(id)))
            })
        };
        let (from, to) = (end(from, 0)?, end(to, 1)?);
        let kind = as_list(a.get("body"))
            .iter()
            .find(|b| b.get("purpose").and_then(Value::as_str).is_none_or(|p| p == "tagging"))
            .and_then(|b| b.get("value").and_then(Value::as_str))
            .ok_or_else(|| error(NAME, &path, "has no tagging body with a value (the relation's type)"))?;
        let created = a.get("created").and_then(Value::as_str).and_then(Time::parse_iso);
        relations.push(ForeignRelation { from, to, kind: kind.to_owned(), created, place: path });
    }
    Ok((out, relations))
}
