//! Label Studio's JSON export: a list of tasks, each `data.text` with `annotations[].result[]`
//! items `{from_name: "label", to_name: "text", type: "labels", value: {start, end, text,
//! labels: […]}}`, offsets in code points. Reading also takes its JSON_MIN export, `[{"text",
//! "label": [{start, end, text, labels}]}]`. The labelling config to use with these files is in
//! docs/formats.md.

use serde::Serialize;
use serde_json::Value;

use super::coding::Keys;
use super::registry::{Format, Offsets, Read, Reader, Record, Written};
use super::{error, label_name, Foreign, ForeignAttribute, ForeignRelation, FormatError, Unit};
use crate::model::annotation::AnnotationSet;
use crate::model::definitions::AttributeDef;
use crate::model::document::Document;
use crate::model::label::Labels;
use crate::model::relation::Relations;
use crate::support::quote::Quoted;

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
        read: |tree| Ok(Read::Documents { tool: FORMAT.tool, records: parse(&tree)? }),
    }],
    write: |e| Written::text(serialize_with(e.doc, e.labels, e.annotations, e.relations, e.attributes)),
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

/// One result, as Label Studio writes each kind: a region (`labels`), a per-region `choices`
/// or `textarea` (the region's `id`, its `value` repeating the region's offsets), a `choices`
/// about the whole text (no offsets), or a `relation` (`from_id`, `to_id`, no `value`).
#[derive(Serialize, Default)]
struct Result<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    from_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to_name: Option<&'static str>,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<ResultValue<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    from_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    direction: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    labels: Option<[&'a str; 1]>,
}

#[derive(Serialize, Default)]
struct ResultValue<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<u32>,
    /// The region's quote; a `textarea`'s lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<Text<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    labels: Option<[&'a str; 1]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    choices: Option<[&'a str; 1]>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Text<'a> {
    Quote(&'a str),
    Lines([&'a str; 1]),
}

/// A task list with one task: the document and its annotations, without relations.
pub fn serialize(doc: &Document, labels: &Labels, annotations: &AnnotationSet) -> String {
    serialize_with(doc, labels, annotations, &Relations::new(), &[])
}

/// A task list with one task: the document, its annotations (each a region whose `id` is the
/// annotation's; its attribute values per-region `choices` named by the attribute, its note a
/// per-region `textarea` named `note`), its relations (the type's name as the label) and its
/// category values (`choices` named by the category, about the whole text).
pub fn serialize_with(
    doc: &Document,
    labels: &Labels,
    annotations: &AnnotationSet,
    relations: &Relations,
    categories: &[(String, String)],
) -> String {
    let mut result = Vec::new();
    for a in annotations.iter() {
        let id = Some(a.id.as_str());
        let region = |text| ResultValue {
            start: Some(a.span.start()),
            end: Some(a.span.end()),
            text: Some(text),
            ..ResultValue::default()
        };
        let quote = Text::Quote(doc.slice(a.span));
        let labelled = ResultValue { labels: Some([label_name(labels, &a.label)]), ..region(quote) };
        let base = Result { id, to_name: Some("text"), ..Result::default() };
        result.push(Result { from_name: Some("label"), kind: "labels", value: Some(labelled), ..base });
        for (name, value) in &a.attributes {
            let chosen = ResultValue { choices: Some([value]), ..region(Text::Quote(doc.slice(a.span))) };
            result.push(Result {
                id,
                from_name: Some(name),
                to_name: Some("text"),
                kind: "choices",
                value: Some(chosen),
                ..Result::default()
            });
        }
        if let Some(note) = &a.note {
            let value = region(Text::Lines([note]));
            result.push(Result {
                id,
                from_name: Some("note"),
                to_name: Some("text"),
                kind: "textarea",
                value: Some(value),
                ..Result::default()
            });
        }
    }
    for (name, value) in categories {
        let chosen = ResultValue { choices: Some([value]), ..ResultValue::default() };
        result.push(Result {
            from_name: Some(name),
            to_name: Some("text"),
            kind: "choices",
            value: Some(chosen),
            ..Result::default()
        });
    }
    for r in relations.iter() {
        let kind = labels.relation_type(&r.kind).map_or(r.kind.as_str(), |t| t.name.as_str());
        result.push(Result {
            kind: "relation",
            from_id: Some(r.from.as_str()),
            to_id: Some(r.to.as_str()),
            direction: Some("right"),
            labels: Some([kind]),
            ..Result::default()
        });
    }
    let task = Task { data: Data { text: doc.text(), title: doc.title() }, annotations: [Annotation { result }] };
    let mut out = serde_json::to_string_pretty(&[task]).unwrap_or_default();
    out.push('\n');
    out
}

/// The labelling config that matches these files: the labels, the relation types, a per-region
/// choice for each attribute (shown for the labels that define it), a per-region note, and a
/// choice for each document category.
pub fn config(labels: &Labels) -> String {
    let mut out = String::from("<View>\n  <Labels name=\"label\" toName=\"text\">\n");
    for l in labels.iter() {
        out.push_str(&format!("    <Label value=\"{}\" background=\"{}\"/>\n", l.name, l.colour));
    }
    out.push_str("  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n");
    if !labels.relation_types().is_empty() {
        out.push_str("  <Relations>\n");
        for t in labels.relation_types() {
            out.push_str(&format!("    <Relation value=\"{}\"/>\n", t.name));
        }
        out.push_str("  </Relations>\n");
    }
    let choices = |out: &mut String, def: &AttributeDef, region: Option<&str>| {
        let per = region.map_or(String::new(), |l| {
            format!(" perRegion=\"true\" visibleWhen=\"region-selected\" whenLabelValue=\"{l}\"")
        });
        out.push_str(&format!("  <Choices name=\"{}\" toName=\"text\"{per}>\n", def.name));
        for v in &def.values {
            out.push_str(&format!("    <Choice value=\"{v}\"/>\n"));
        }
        out.push_str("  </Choices>\n");
    };
    for l in labels.iter() {
        for def in &l.attributes {
            choices(&mut out, def, Some(&l.name));
        }
    }
    out.push_str("  <TextArea name=\"note\" toName=\"text\" perRegion=\"true\" visibleWhen=\"region-selected\"/>\n");
    for def in labels.categories() {
        choices(&mut out, def, None);
    }
    out.push_str("</View>\n");
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

/// Each task as a record: its text, its spans, and what its results say about them — relation
/// results (`from_id` → `to_id`, the type the first of `labels`, `related` when it has none;
/// `direction: "left"` turned round), per-region `choices` (an attribute named by `from_name`,
/// of the region whose `id` they carry) and `textarea` (the region's note), and `choices` of no
/// region (the document's categories).
pub fn parse(value: &Value) -> std::result::Result<Vec<Record>, FormatError> {
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
        let mut record = Record::from((text, Vec::new()));
        if let Some(annotations) = task.get("annotations").and_then(Value::as_array) {
            // Every annotator's result; cancelled ones left out.
            for (n, a) in annotations.iter().enumerate() {
                if a.get("was_cancelled") == Some(&Value::Bool(true)) {
                    continue;
                }
                let results: &[Value] = a.get("result").and_then(Value::as_array).map_or(&[], Vec::as_slice);
                results_into(&mut record, results, &format!("{place}, annotations[{n}].result"))?;
            }
        } else if let Some(o) = task.as_object() {
            // JSON_MIN: the spans sit under the control's name ("label").
            for v in o.values().filter_map(Value::as_array).flatten().filter(|v| is_span(v)) {
                spans_of(&mut record.spans, v, &place)?;
            }
        }
        out.push(record);
    }
    Ok(out)
}

/// A region's spans (one per label) added to `spans`.
fn spans_of(spans: &mut Vec<Foreign>, v: &Value, place: &str) -> std::result::Result<(), FormatError> {
    let (Some(start), Some(end)) = (v.get("start").and_then(Value::as_u64), v.get("end").and_then(Value::as_u64))
    else {
        return Err(error(NAME, place, "a span's start and end must be whole numbers"));
    };
    for label in v.get("labels").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str) {
        let quote = v.get("text").and_then(Value::as_str).map(str::to_owned);
        spans.push(Foreign { quote, ..Foreign::at(label, start, end, Unit::CodePoint) });
    }
    Ok(())
}

/// One annotator's results into `record`: the regions first, then what refers to them by id.
fn results_into(record: &mut Record, results: &[Value], path: &str) -> std::result::Result<(), FormatError> {
    fn kind(r: &Value) -> &str {
        r.get("type").and_then(Value::as_str).unwrap_or("labels")
    }
    let first = record.spans.len();
    let mut ids: Vec<&str> = vec![""; first];
    for (j, r) in results.iter().enumerate().filter(|(_, r)| kind(r) == "labels") {
        if let Some(v) = r.get("value").filter(|v| is_span(v)) {
            spans_of(&mut record.spans, v, &format!("{path}[{j}].value"))?;
            ids.resize(record.spans.len(), r.get("id").and_then(Value::as_str).unwrap_or(""));
        }
    }
    let keys = Keys::new(ids);
    let id_of = |r: &Value, j: usize, field: &str| {
        let id = r.get(field).and_then(Value::as_str).unwrap_or("");
        keys.find(id).ok_or_else(|| {
            error(NAME, format!("{path}[{j}].{field}"), format!("no region of this annotation has id {}", Quoted(id)))
        })
    };
    for (j, r) in results.iter().enumerate() {
        let value = r.get("value");
        let strings = |key: &str| str_list(value.and_then(|v| v.get(key)));
        match kind(r) {
            "relation" => {
                let (mut from, mut to) = (id_of(r, j, "from_id")?, id_of(r, j, "to_id")?);
                if r.get("direction").and_then(Value::as_str) == Some("left") {
                    (from, to) = (to, from);
                }
                let labels = str_list(r.get("labels"));
                let place = format!("{path}[{j}].labels");
                for kind in if labels.is_empty() { vec!["related"] } else { labels } {
                    record.relations.push(ForeignRelation {
                        from,
                        to,
                        kind: kind.to_owned(),
                        created: None,
                        place: place.clone(),
                    });
                }
            }
            "choices" => {
                let place = format!("{path}[{j}].value.choices");
                let name = r.get("from_name").and_then(Value::as_str).unwrap_or("").to_owned();
                let [choice] = strings("choices")[..] else {
                    return Err(error(NAME, place, "holds other than one choice: a spanmark attribute has one value"));
                };
                let attribute = ForeignAttribute { name, value: choice.to_owned(), place };
                // Choices about a region carry its id; the others are about the whole text.
                let region = r.get("id").and_then(Value::as_str).and_then(|id| keys.find(id));
                match region {
                    Some(at) => record.spans[at].attributes.push(attribute),
                    None => record.attributes.push(attribute),
                }
            }
            "textarea" => {
                let Some(at) = r.get("id").and_then(Value::as_str).and_then(|id| keys.find(id)) else { continue };
                let note = strings("text").join("\n");
                if !note.is_empty() {
                    record.spans[at].note = Some(note);
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The strings of an array (its other items skipped); none when `value` is not an array.
fn str_list(value: Option<&Value>) -> Vec<&str> {
    let mut out = Vec::new();
    for item in value.and_then(Value::as_array).into_iter().flatten() {
        if let Some(s) = item.as_str() {
            out.push(s);
        }
    }
    out
}
