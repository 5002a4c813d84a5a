//! Stored records read back from the JSON they were stored as, field by field from the parsed
//! tree (no derived deserializer: see ARCHITECTURE.md).

use serde::Serialize;

use serde_json::Value;

use crate::model::definitions::set_value;
use crate::support::json::{Object, ShapeError};
use crate::support::quote::Quoted;

use super::{
    AnnRecord, DefinitionsRecord, DocRecord, EditRecord, LabelRecord, Op, OpRecord, SnapshotRecord, WorkspaceRecord,
};
use crate::model::definitions::{AttributeDef, RelationType};
use crate::model::relation::Relation;

/// A record read back from the JSON it was stored as.
pub trait Record: Serialize + Sized {
    fn read(o: Object) -> Result<Self, ShapeError>;

    fn from_json(json: &str) -> Result<Self, ShapeError> {
        Self::read(parse(json)?)
    }
}

/// A stored record's JSON, parsed: one copy of this for every record type.
fn parse(json: &str) -> Result<Object, ShapeError> {
    let value = serde_json::from_str(json).map_err(|e| ShapeError::at("record", e.to_string()))?;
    Object::new(value, String::new())
}

impl Record for WorkspaceRecord {
    fn read(mut o: Object) -> Result<Self, ShapeError> {
        Ok(WorkspaceRecord { order: o.strings("order")?, current: o.string("current")?, next_doc: o.u64("next_doc")? })
    }
}

impl Record for LabelRecord {
    fn read(mut o: Object) -> Result<Self, ShapeError> {
        Ok(LabelRecord {
            id: o.string("id")?,
            name: o.string("name")?,
            colour: o.string("colour")?,
            hotkey: o.string("hotkey")?,
            attributes: if o.has("attributes") { o.list("attributes", AttributeDef::read)? } else { Vec::new() },
        })
    }
}

impl Record for DefinitionsRecord {
    fn read(mut o: Object) -> Result<Self, ShapeError> {
        Ok(DefinitionsRecord {
            relation_types: o.list("relation_types", RelationType::read)?,
            categories: o.list("categories", AttributeDef::read)?,
        })
    }
}

/// An optional field: absent is `None`.
fn optional<T>(o: &mut Object, key: &str, read: fn(Object) -> Result<T, ShapeError>) -> Result<Option<T>, ShapeError> {
    if !o.has(key) {
        return Ok(None);
    }
    let path = format!("{}.{key}", o.path());
    Ok(Some(read(Object::new(o.take(key)?, path)?)?))
}

/// An optional string field: absent is `None`.
fn optional_string(o: &mut Object, key: &str) -> Result<Option<String>, ShapeError> {
    if o.has(key) {
        o.string(key).map(Some)
    } else {
        Ok(None)
    }
}

/// An optional list of `[name, value]` pairs, sorted by name; absent is empty. Read leniently,
/// as stored records are: a pair that is not two strings is dropped.
fn pairs(o: &mut Object, key: &str) -> Vec<(String, String)> {
    let Ok(Value::Array(items)) = o.take(key) else { return Vec::new() };
    let mut out = Vec::new();
    for pair in &items {
        if let Some([Value::String(name), Value::String(value)]) = pair.as_array().map(Vec::as_slice) {
            set_value(&mut out, name, Some(value));
        }
    }
    out
}

impl Record for DocRecord {
    fn read(mut o: Object) -> Result<Self, ShapeError> {
        Ok(DocRecord {
            id: o.string("id")?,
            title: o.string("title")?,
            text: o.string("text")?,
            labels: o.list("labels", LabelRecord::read)?,
            definitions: optional(&mut o, "definitions", DefinitionsRecord::read)?,
        })
    }
}

impl Record for AnnRecord {
    fn read(mut o: Object) -> Result<Self, ShapeError> {
        let (id, label, start, end) = (o.string("id")?, o.string("label")?, o.u32("start")?, o.u32("end")?);
        // Optional: records stored before spanmark kept it have none; a value that is not a
        // whole number is dropped rather than refusing the record.
        let created = o.take("created").ok().and_then(|v| v.as_u64());
        // Optional too; a value that is not a list of strings is dropped the same way.
        let annotators = if o.has("annotators") { o.strings("annotators").unwrap_or_default() } else { Vec::new() };
        let note = o.take("note").ok().and_then(|v| v.as_str().map(str::to_owned)).filter(|n| !n.is_empty());
        let attributes = pairs(&mut o, "attributes");
        Ok(AnnRecord { id, label, start, end, created, annotators, note, attributes })
    }
}

impl Record for EditRecord {
    fn read(mut o: Object) -> Result<Self, ShapeError> {
        match o.string("kind")?.as_str() {
            "add" => Ok(EditRecord::Add(AnnRecord::read(o)?)),
            "remove" => Ok(EditRecord::Remove(AnnRecord::read(o)?)),
            "relabel" => Ok(EditRecord::Relabel { id: o.string("id")?, from: o.string("from")?, to: o.string("to")? }),
            "batch" => Ok(EditRecord::Batch { edits: o.list("edits", EditRecord::read)? }),
            "labels" => Ok(EditRecord::Labels {
                before: o.list("before", LabelRecord::read)?,
                after: o.list("after", LabelRecord::read)?,
                before_definitions: optional(&mut o, "before_definitions", DefinitionsRecord::read)?,
                after_definitions: optional(&mut o, "after_definitions", DefinitionsRecord::read)?,
            }),
            "link" => Ok(EditRecord::Link(Relation::read(o)?)),
            "unlink" => Ok(EditRecord::Unlink(Relation::read(o)?)),
            "note" => Ok(EditRecord::Note {
                id: o.string("id")?,
                before: optional_string(&mut o, "before")?,
                after: optional_string(&mut o, "after")?,
            }),
            "attribute" => Ok(EditRecord::Attribute {
                id: o.string("id")?,
                name: o.string("name")?,
                before: optional_string(&mut o, "before")?,
                after: optional_string(&mut o, "after")?,
            }),
            "doc_attribute" => Ok(EditRecord::DocAttribute {
                name: o.string("name")?,
                before: optional_string(&mut o, "before")?,
                after: optional_string(&mut o, "after")?,
            }),
            other => Err(unknown_kind(&o, other)),
        }
    }
}

impl Record for OpRecord {
    fn read(mut o: Object) -> Result<Self, ShapeError> {
        let (doc, seq) = (o.string("doc")?, o.u64("seq")?);
        let mut op = o.object("op")?;
        let op = match op.string("kind")?.as_str() {
            "edit" => Op::Edit { edit: EditRecord::read(op.object("edit")?)? },
            "undo" => Op::Undo,
            "redo" => Op::Redo,
            other => return Err(unknown_kind(&op, other)),
        };
        Ok(OpRecord { doc, seq, op })
    }
}

impl Record for SnapshotRecord {
    fn read(mut o: Object) -> Result<Self, ShapeError> {
        Ok(SnapshotRecord {
            doc: o.string("doc")?,
            seq: o.u64("seq")?,
            labels: if o.has("labels") { Some(o.list("labels", LabelRecord::read)?) } else { None },
            definitions: optional(&mut o, "definitions", DefinitionsRecord::read)?,
            annotations: o.list("annotations", AnnRecord::read)?,
            relations: if o.has("relations") { o.list("relations", Relation::read)? } else { Vec::new() },
            attributes: pairs(&mut o, "attributes"),
            done: o.list("done", EditRecord::read)?,
            undone: o.list("undone", EditRecord::read)?,
        })
    }
}

fn unknown_kind(o: &Object, kind: &str) -> ShapeError {
    ShapeError::at(o.path(), format!("unknown kind {}", Quoted(kind)))
}
