//! The part of the spanmark file (version 2) that codes more than spans: the definitions
//! (`labels[].attributes`, `relation_types`, `document_attributes`), each annotation's `note`
//! and `attributes`, `document.attributes` and `relations`, written and read. Everything read
//! is checked against the definitions and the annotations, and a refusal names the field.

use serde::Serialize;
use serde_json::Value;

use super::spanmark::ParseError;
use crate::model::annotation::AnnotationSet;
use crate::model::definitions::{set_value, AttributeDef, RelationType};
use crate::model::label::Labels;
use crate::model::relation::{Relation, RelationRejected, Relations};
use crate::support::json::{invalid, Object};
use crate::support::quote::Quoted;

/// Name–value pairs written as one JSON object.
#[derive(Serialize)]
#[serde(transparent)]
pub(super) struct Pairs<'a>(#[serde(serialize_with = "as_map")] pub &'a [(String, String)]);

impl Pairs<'_> {
    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

fn as_map<S: serde::Serializer>(pairs: &&[(String, String)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(pairs.iter().map(|(k, v)| (k, v)))
}

/// A refusal of the field at `path`.
pub(super) fn at(path: String, message: String) -> ParseError {
    ParseError::Shape { field: path.clone(), path, message }
}

/// A list of attribute definitions (`labels[i].attributes`, `document_attributes`).
pub(super) fn read_attribute_defs(o: &mut Object, key: &str) -> Result<Vec<AttributeDef>, ParseError> {
    let mut out: Vec<AttributeDef> = Vec::new();
    for d in o.objects(key)? {
        let d = AttributeDef::read(d?)?;
        if out.iter().any(|o| o.name == d.name) {
            let path = format!("{}.{key}[{}].name", o.path(), out.len());
            return Err(at(path.replace("file.", ""), format!("attribute {} is defined twice", Quoted(&d.name))));
        }
        out.push(d);
    }
    Ok(out)
}

/// The file's definitions added to `labels`: version 1 files (which have none) get the news
/// defaults that fit their labels; a version 2 file's absent `relation_types` or
/// `document_attributes` is none.
pub(super) fn definitions(file: &mut Object, labels: Labels, version: u32) -> Result<Labels, ParseError> {
    if version < 2 {
        return Ok(labels.with_news_definitions());
    }
    let mut types: Vec<RelationType> = Vec::new();
    if file.has("relation_types") {
        for (i, t) in file.objects("relation_types")?.enumerate() {
            let t = RelationType::read(t?)?;
            let path = format!("relation_types[{i}]");
            if types.iter().any(|o| o.id == t.id) {
                return Err(at(format!("{path}.id"), format!("relation type id {} is used twice", Quoted(&t.id))));
            }
            for (key, ends) in [("from", &t.from), ("to", &t.to)] {
                if let Some((j, id)) = ends.iter().enumerate().find(|(_, id)| labels.get(id).is_none()) {
                    return Err(at(format!("{path}.{key}[{j}]"), format!("no label has id {}", Quoted(id.as_str()))));
                }
            }
            types.push(t);
        }
    }
    let categories =
        if file.has("document_attributes") { read_attribute_defs(file, "document_attributes")? } else { Vec::new() };
    labels.with_definitions(types, categories).map_err(|m| at("relation_types".to_owned(), m))
}

/// An optional object of values (`annotations[i].attributes`, `document.attributes`), each
/// checked against `defs` (the label's attributes, or the categories; `whose` names them).
pub(super) fn read_values(
    o: &mut Object,
    defs: &[AttributeDef],
    whose: &str,
) -> Result<Vec<(String, String)>, ParseError> {
    if !o.has("attributes") {
        return Ok(Vec::new());
    }
    let path = format!("{}.attributes", o.path());
    let Value::Object(map) = o.take("attributes")? else {
        return Err(at(path, "expected an object of attribute names and values".to_owned()));
    };
    let mut out = Vec::new();
    for (name, value) in &map {
        let field = format!("{path}.{name}");
        let Value::String(value) = value else { return Err(invalid(&field, "a string", value).into()) };
        let Some(def) = defs.iter().find(|d| &d.name == name) else {
            return Err(at(field, format!("{whose} has no attribute {}", Quoted(name))));
        };
        if !def.allows(value) {
            return Err(at(field, format!("{} is not among the values of {}", Quoted(value), Quoted(name))));
        }
        set_value(&mut out, name, Some(value));
    }
    Ok(out)
}

/// The document's `attributes` (its categories' values), checked against `categories`.
pub(super) fn read_doc_values(value: Value, categories: &[AttributeDef]) -> Result<Vec<(String, String)>, ParseError> {
    let mut holder = serde_json::Map::new();
    holder.insert("attributes".to_owned(), value);
    read_values(&mut Object::new(Value::Object(holder), "document".to_owned())?, categories, "the document")
}

/// An annotation's optional `note`: absent or `""` is none; a value that is not a string is
/// refused.
pub(super) fn read_note(o: &mut Object) -> Result<Option<String>, ParseError> {
    let Ok(value) = o.take("note") else { return Ok(None) };
    match value {
        Value::String(note) => Ok(Some(note).filter(|n| !n.is_empty())),
        other => Err(invalid(&format!("{}.note", o.path()), "a string", &other).into()),
    }
}

/// The file's `relations` (absent: none), each checked against the annotations and the
/// relation types.
pub(super) fn read_relations(
    file: &mut Object,
    annotations: &AnnotationSet,
    labels: &Labels,
) -> Result<Relations, ParseError> {
    let mut relations = Relations::new();
    if !file.has("relations") {
        return Ok(relations);
    }
    for r in file.objects("relations")? {
        let relation = Relation::read(r?)?;
        let path = format!("relations[{}]", relations.len());
        for (key, end) in [("from", &relation.from), ("to", &relation.to)] {
            if annotations.get(end).is_none() {
                return Err(at(format!("{path}.{key}"), format!("no annotation has id {}", Quoted(end.as_str()))));
            }
        }
        if labels.relation_type(&relation.kind).is_none() {
            return Err(at(format!("{path}.type"), format!("unknown relation type {}", Quoted(&relation.kind))));
        }
        let id = relation.id.clone();
        match relations.insert(relation) {
            Ok(()) => {}
            Err(RelationRejected::SelfLink) => {
                return Err(at(format!("{path}.to"), "a relation links an annotation to itself".to_owned()))
            }
            Err(RelationRejected::DuplicateId(_)) => {
                return Err(at(format!("{path}.id"), format!("relation id {} is used twice", Quoted(id.as_str()))))
            }
            Err(RelationRejected::Duplicate(twin)) => {
                let twin = Quoted(twin.as_str());
                return Err(at(path, format!("repeats relation {twin} (same ends, same type)")));
            }
        }
    }
    Ok(relations)
}
