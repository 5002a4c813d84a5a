//! What is kept in the browser between visits, as plain serializable records, and how the
//! editor is rebuilt from them. The edge stores the records (IndexedDB, or localStorage as a
//! fallback) in the order the editor journals them; nothing here knows how.
//!
//! Kept: one [`WorkspaceRecord`] (the list of documents and the open one), a [`DocRecord`] per
//! document (title, text, labels), and per document a [`SnapshotRecord`] (annotations and undo
//! history as of op `seq`) plus the [`OpRecord`]s after it (each edit, undo and redo), so an edit
//! writes one small record, never the whole document.
//!
//! Records are written with serde (`Serialize`) and read back with [`Record::from_json`], field
//! by field from the parsed tree: the stored JSON is the serde encoding of these types.
//!
//! Here: the records, [`Write`] and [`Stored`] (the reference store); in `read` the records
//! read back from JSON; in `rebuild` the conversions to and from the model and one document
//! rebuilt. The editor's journal and its restore are in `model::editor` (`journal`, `restore`).

mod read;
mod rebuild;

use serde::Serialize;

pub use read::Record;
pub use rebuild::{ann_record, annotation, edit, edit_record, labels, labels_record, rebuild, Rebuilt, RestoreError};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WorkspaceRecord {
    /// Document ids, in the order of the list.
    pub order: Vec<String>,
    pub current: String,
    pub next_doc: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LabelRecord {
    pub id: String,
    pub name: String,
    pub colour: String,
    pub hotkey: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocRecord {
    pub id: String,
    pub title: String,
    pub text: String,
    pub labels: Vec<LabelRecord>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AnnRecord {
    pub id: String,
    pub label: String,
    pub start: u32,
    pub end: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EditRecord {
    Add(AnnRecord),
    Remove(AnnRecord),
    Relabel { id: String, from: String, to: String },
    Batch { edits: Vec<EditRecord> },
}

/// One change to one document, in the order made. `seq` grows across all documents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OpRecord {
    pub doc: String,
    pub seq: u64,
    pub op: Op,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Op {
    Edit { edit: EditRecord },
    Undo,
    Redo,
}

/// A document's annotations and history after op `seq` (0: before any op).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SnapshotRecord {
    pub doc: String,
    pub seq: u64,
    pub annotations: Vec<AnnRecord>,
    pub done: Vec<EditRecord>,
    pub undone: Vec<EditRecord>,
}

/// What to write, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Write {
    Workspace(WorkspaceRecord),
    Doc(DocRecord),
    /// Deletes the document, its snapshot and its ops.
    DeleteDoc {
        id: String,
    },
    Op(OpRecord),
    /// Replaces the document's snapshot and deletes its ops up to `seq`.
    Snapshot(SnapshotRecord),
}

impl Write {
    pub fn workspace(record: WorkspaceRecord) -> Write {
        Write::Workspace(record)
    }

    pub fn doc(record: DocRecord) -> Write {
        Write::Doc(record)
    }

    pub fn op(record: OpRecord) -> Write {
        Write::Op(record)
    }

    pub fn snapshot(record: SnapshotRecord) -> Write {
        Write::Snapshot(record)
    }
}

/// Everything read back from storage.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stored {
    pub workspace: Option<WorkspaceRecord>,
    pub docs: Vec<DocRecord>,
    pub snapshots: Vec<SnapshotRecord>,
    pub ops: Vec<OpRecord>,
}

impl Stored {
    /// Applies a write the way a store must: this is the reference the browser stores follow,
    /// and what the model's tests store into.
    pub fn apply(&mut self, write: &Write) {
        match write {
            Write::Workspace(w) => self.workspace = Some(w.clone()),
            Write::Doc(d) => match self.docs.iter_mut().find(|x| x.id == d.id) {
                Some(x) => *x = d.clone(),
                None => self.docs.push(d.clone()),
            },
            Write::DeleteDoc { id } => {
                self.docs.retain(|d| &d.id != id);
                self.snapshots.retain(|s| &s.doc != id);
                self.ops.retain(|o| &o.doc != id);
            }
            Write::Op(op) => self.ops.push(op.clone()),
            Write::Snapshot(s) => {
                self.snapshots.retain(|x| x.doc != s.doc);
                self.snapshots.push(s.clone());
                self.ops.retain(|o| o.doc != s.doc || o.seq > s.seq);
            }
        }
    }
}
