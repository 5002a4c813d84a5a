//! Label Studio's JSON export: a list of tasks, each `data.text` with `annotations[].result[]`
//! items `{from_name: "label", to_name: "text", type: "labels", value: {start, end, text,
//! labels: […]}}`, offsets in code points. Reading also takes its JSON_MIN export, `[{"text",
//! "label": [{start, end, text, labels}]}]`. The labelling config to use with these files is in
//! docs/formats.md.

use serde::Serialize;
use serde_json::Value;

use super::registry::{Format, Offsets, Read, Reader, Record, Written};
use super::{error, label_name, Foreign, FormatError, Unit};
use crate::model::annotation::AnnotationSet;
use crate::model::document::Document;
use crate::model::label::Labels;

const NAME: &str = "Label Studio JSON";

pub const FORMAT: Format = Format {
    id: "labelstudio",
    tool: "Label Studio",
    name: NAME,
    extension: ".labelstudio.json",
    mime: "application/json",
    offsets: Offsets::In(Unit::CodePoint),
    read: &[Reader::Json {
        detect: looks_like,
        read: |tree| {
            let records = parse(&tree)?.into_iter().map(Record::from).collect();
            Ok(Read::Documents { tool: FORMAT.tool, records })
        },
    }],
    write: |e| Written::text(serialize(e.doc, e.labels, e.annotations)),
};

#[derive(Serialize)]
struct Task<'a> {
    data: Data<'a>,
    annotations: [Annotation<'a>; 1],
}

#[derive(Serialize)]
struct Data<'a> {
    text: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct Annotation<'a> {
    result: Vec<Result<'a>>,
}

#[derive(Serialize)]
struct Result<'a> {
    id: &'a str,
    from_name: &'static str,
    to_name: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: SpanValue<'a>,
}

#[derive(Serialize)]
struct SpanValue<'a> {
    start: u32,
    end: u32,
    text: &'a str,
    labels: [&'a str; 1],
}

/// A task list with one task: the document and its annotations.
pub fn serialize(doc: &Document, labels: &Labels, annotations: &AnnotationSet) -> String {
    let task = Task {
        data: Data { text: doc.text(), title: doc.title() },
        annotations: [Annotation {
            result: annotations
                .iter()
                .map(|a| Result {
                    id: a.id.as_str(),
                    from_name: "label",
                    to_name: "text",
                    kind: "labels",
                    value: SpanValue {
                        start: a.span.start(),
                        end: a.span.end(),
                        text: doc.slice(a.span),
                        labels: [label_name(labels, &a.label)],
                    },
                })
                .collect(),
        }],
    };
    let mut out = serde_json::to_string_pretty(&[task]).unwrap_or_default();
    out.push('\n');
    out
}

/// The labelling config that matches these files.
pub fn config(labels: &Labels) -> String {
    let mut out = String::from("<View>\n  <Labels name=\"label\" toName=\"text\">\n");
    for l in labels.iter() {
        out.push_str(&format!("    <Label value=\"{}\" background=\"{}\"/>\n", l.name, l.colour));
    }
    out.push_str("  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n</View>\n");
    out
}

fn is_span(v: &Value) -> bool {
    v.get("start").is_some() && v.get("end").is_some() && v.get("labels").is_some_and(Value::is_array)
}

/// Whether `value` is a Label Studio export (JSON or JSON_MIN).
pub fn looks_like(value: &Value) -> bool {
    let Some(first) = value.as_array().and_then(|a| a.first()) else { return false };
    let full =
        first.get("data").is_some() && (first.get("annotations").is_some() || first.get("predictions").is_some());
    let min =
        first.as_object().is_some_and(|o| o.values().any(|v| v.as_array().is_some_and(|a| a.iter().any(is_span))));
    full || min
}

/// Each task's text and spans.
pub fn parse(value: &Value) -> std::result::Result<Vec<(String, Vec<Foreign>)>, FormatError> {
    let tasks = value.as_array().ok_or_else(|| error(NAME, "", "expected a list of tasks"))?;
    let mut out = Vec::new();
    for (i, task) in tasks.iter().enumerate() {
        let place = format!("task {}", i + 1);
        let text_of = |o: &Value| {
            o.get("text")
                .and_then(Value::as_str)
                .or_else(|| o.as_object().and_then(|o| o.values().find_map(Value::as_str)))
                .map(str::to_owned)
        };
        let text = task
            .get("data")
            .and_then(text_of)
            .or_else(|| task.get("text").and_then(Value::as_str).map(str::to_owned))
            .ok_or_else(|| error(NAME, &place, "has no text"))?;
        let mut values: Vec<&Value> = Vec::new();
        if let Some(annotations) = task.get("annotations").and_then(Value::as_array) {
            // Every annotator's result; cancelled ones left out.
            for a in annotations.iter().filter(|a| a.get("was_cancelled") != Some(&Value::Bool(true))) {
                for r in a.get("result").and_then(Value::as_array).into_iter().flatten() {
                    if r.get("type").and_then(Value::as_str).is_none_or(|t| t == "labels") {
                        if let Some(v) = r.get("value").filter(|v| is_span(v)) {
                            values.push(v);
                        }
                    }
                }
            }
        } else if let Some(o) = task.as_object() {
            // JSON_MIN: the spans sit under the control's name ("label").
            for v in o.values().filter_map(Value::as_array).flatten().filter(|v| is_span(v)) {
                values.push(v);
            }
        }
        let mut spans = Vec::new();
        for v in values {
            let (Some(start), Some(end)) =
                (v.get("start").and_then(Value::as_u64), v.get("end").and_then(Value::as_u64))
            else {
                return Err(error(NAME, &place, "a span's start and end must be whole numbers"));
            };
            for label in v.get("labels").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str) {
                spans.push(Foreign {
                    label: label.to_owned(),
                    start,
                    end,
                    unit: Unit::CodePoint,
                    quote: v.get("text").and_then(Value::as_str).map(str::to_owned),
                    prefix: None,
                    suffix: None,
                    created: None,
                });
            }
        }
        out.push((text, spans));
    }
    Ok(out)
}
