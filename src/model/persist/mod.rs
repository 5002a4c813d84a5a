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

use std::ops::Deref;
use std::rc::Rc;

use serde::Serialize;

use crate::model::definitions::{AttributeDef, RelationType};
use crate::model::relation::Relation;

pub use read::Record;
pub use rebuild::{ann_record, definitions_record, edit_record, labels_record, rebuild, Rebuilt, RestoreError};

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
    /// The label's attributes; absent when none (and in records stored before spanmark had them).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<AttributeDef>,
}

/// What a tag set defines beside its labels. Stored wherever labels are (always, even when
/// empty); a record stored before spanmark had them has none, and its labels get the news
/// defaults that fit them (`Labels::with_news_definitions`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DefinitionsRecord {
    pub relation_types: Vec<RelationType>,
    pub categories: Vec<AttributeDef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocRecord {
    pub id: String,
    pub title: String,
    pub text: String,
    pub labels: Vec<LabelRecord>,
    /// The labels' definitions; absent in records stored before spanmark had them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub definitions: Option<DefinitionsRecord>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AnnRecord {
    pub id: String,
    pub label: String,
    pub start: u32,
    pub end: u32,
    /// When the annotation was made, in milliseconds since the Unix epoch; absent when not known
    /// (and in records stored before spanmark kept it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<u64>,
    /// Who had the annotation (see `Annotation::annotators`); absent when empty (and in records
    /// stored before spanmark kept it).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub annotators: Vec<String>,
    /// The note; absent when none (and in records stored before spanmark kept them).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The attribute values set, as `[name, value]` pairs sorted by name (pairs, not an object:
    /// `serde_wasm_bindgen` writes a map as a JS `Map`, which IndexedDB keeps but `JSON.stringify`
    /// empties); absent when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EditRecord {
    Add(AnnRecord),
    Remove(AnnRecord),
    Relabel {
        id: String,
        from: String,
        to: String,
    },
    Batch {
        edits: Vec<EditRecord>,
    },
    Labels {
        before: Vec<LabelRecord>,
        after: Vec<LabelRecord>,
        /// The definitions before and after; absent in records stored before spanmark had them.
        #[serde(skip_serializing_if = "Option::is_none")]
        before_definitions: Option<DefinitionsRecord>,
        #[serde(skip_serializing_if = "Option::is_none")]
        after_definitions: Option<DefinitionsRecord>,
    },
    Link(Relation),
    Unlink(Relation),
    /// A note changed; `before`/`after` absent: no note.
    Note {
        id: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        before: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        after: Option<String>,
    },
    /// An annotation's attribute changed; `before`/`after` absent: not set.
    Attribute {
        id: String,
        name: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        before: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        after: Option<String>,
    },
    /// A category of the document changed; `before`/`after` absent: not set.
    DocAttribute {
        name: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        before: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        after: Option<String>,
    },
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

/// A document's annotations and history after op `seq` (0: before any op), and its labels then.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SnapshotRecord {
    pub doc: String,
    pub seq: u64,
    /// The labels after op `seq`; absent in snapshots stored before labels could change, whose
    /// document record's labels are the ones.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<Vec<LabelRecord>>,
    /// The labels' definitions after op `seq`; absent in snapshots stored before spanmark had
    /// them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub definitions: Option<DefinitionsRecord>,
    pub annotations: Vec<AnnRecord>,
    /// The relations; absent when none (and in snapshots stored before spanmark had them).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<Relation>,
    /// The document's category values set, as `[name, value]` pairs (see
    /// `AnnRecord::attributes`); absent when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<(String, String)>,
    pub done: Vec<EditRecord>,
    pub undone: Vec<EditRecord>,
}

/// A record shared, never copied, between the journals of successive editor states (the Yew
/// state clones the editor on every action): a clone is a pointer. Serializes as the record.
#[derive(Debug, PartialEq, Eq)]
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    pub fn new(record: T) -> Shared<T> {
        Shared(Rc::new(record))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// What to write, in order. Each write sets or deletes keys (one record, or a document's ops
/// up to a seq); storing a write again, or a batch again after part of it was stored, leaves
/// the same as storing it once. Cloning a write copies pointers, not records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Write {
    Workspace(Shared<WorkspaceRecord>),
    Doc(Shared<DocRecord>),
    /// Deletes the document, its snapshot and its ops.
    DeleteDoc {
        id: Rc<str>,
    },
    Op(Shared<OpRecord>),
    /// Replaces the document's snapshot and deletes its ops up to `seq`.
    Snapshot(Shared<SnapshotRecord>),
}

impl Write {
    pub fn workspace(record: WorkspaceRecord) -> Write {
        Write::Workspace(Shared::new(record))
    }

    pub fn doc(record: DocRecord) -> Write {
        Write::Doc(Shared::new(record))
    }

    pub fn delete_doc(id: &str) -> Write {
        Write::DeleteDoc { id: Rc::from(id) }
    }

    pub fn op(record: OpRecord) -> Write {
        Write::Op(Shared::new(record))
    }

    pub fn snapshot(record: SnapshotRecord) -> Write {
        Write::Snapshot(Shared::new(record))
    }

    /// Whether storing `self` after `earlier` leaves storage as storing `self` alone (in
    /// `earlier`'s place) would, whatever was stored before or between: every key `earlier`
    /// sets, `self` sets or deletes again. Then the journal can drop `earlier`:
    ///
    /// - a workspace record, or a document's record, replaces the one before;
    /// - a snapshot replaces the document's snapshot and deletes its ops up to `seq`, so an
    ///   earlier snapshot (at a seq no later) and the ops it folds are covered;
    /// - a deletion deletes everything the document had.
    pub fn supersedes(&self, earlier: &Write) -> bool {
        match (self, earlier) {
            (Write::Workspace(_), Write::Workspace(_)) => true,
            (Write::Doc(new), Write::Doc(old)) => new.id == old.id,
            (Write::Snapshot(new), Write::Snapshot(old)) => new.doc == old.doc && old.seq <= new.seq,
            (Write::Snapshot(new), Write::Op(op)) => new.doc == op.doc && op.seq <= new.seq,
            (Write::DeleteDoc { id }, earlier) => earlier.doc_id() == Some(&**id),
            _ => false,
        }
    }

    /// The document the write is about (none for the workspace).
    pub fn doc_id(&self) -> Option<&str> {
        match self {
            Write::Workspace(_) => None,
            Write::Doc(r) => Some(&r.id),
            Write::DeleteDoc { id } => Some(id),
            Write::Op(r) => Some(&r.doc),
            Write::Snapshot(r) => Some(&r.doc),
        }
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
            Write::Workspace(w) => self.workspace = Some((**w).clone()),
            Write::Doc(d) => match self.docs.iter_mut().find(|x| x.id == d.id) {
                Some(x) => *x = (**d).clone(),
                None => self.docs.push((**d).clone()),
            },
            Write::DeleteDoc { id } => {
                self.docs.retain(|d| *d.id != **id);
                self.snapshots.retain(|s| *s.doc != **id);
                self.ops.retain(|o| *o.doc != **id);
            }
            // Keyed by (document, seq), kept in seq order, as IndexedDB keeps them: storing an
            // op again replaces it.
            Write::Op(op) => {
                let at = self.ops.partition_point(|o| o.seq < op.seq);
                match self.ops.get_mut(at) {
                    Some(o) if o.seq == op.seq && o.doc == op.doc => *o = (**op).clone(),
                    _ => self.ops.insert(at, (**op).clone()),
                }
            }
            Write::Snapshot(s) => {
                self.snapshots.retain(|x| x.doc != s.doc);
                self.snapshots.push((**s).clone());
                self.ops.retain(|o| o.doc != s.doc || o.seq > s.seq);
            }
        }
    }
}
