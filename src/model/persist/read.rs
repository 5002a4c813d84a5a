//! Stored records read back from the JSON they were stored as, field by field from the parsed
//! tree (no derived deserializer: see ARCHITECTURE.md).

use serde::Serialize;

use crate::support::json::{Object, ShapeError};
use crate::support::quote::Quoted;

use super::{AnnRecord, DocRecord, EditRecord, LabelRecord, Op, OpRecord, SnapshotRecord, WorkspaceRecord};

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
        })
    }
}

impl Record for DocRecord {
    fn read(mut o: Object) -> Result<Self, ShapeError> {
        Ok(DocRecord {
            id: o.string("id")?,
            title: o.string("title")?,
            text: o.string("text")?,
            labels: o.list("labels", LabelRecord::read)?,
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
        Ok(AnnRecord { id, label, start, end, created, annotators })
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
            annotations: o.list("annotations", AnnRecord::read)?,
            done: o.list("done", EditRecord::read)?,
            undone: o.list("undone", EditRecord::read)?,
        })
    }
}

fn unknown_kind(o: &Object, kind: &str) -> ShapeError {
    ShapeError::at(o.path(), format!("unknown kind {}", Quoted(kind)))
}
