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

use std::rc::Rc;

use serde::Serialize;

use crate::support::json::{Object, ShapeError};
use crate::support::quote::Quoted;

use super::annotation::{Annotation, AnnotationId, AnnotationSet};
use super::document::Document;
use super::history::{Edit, History};
use super::label::{Label, LabelId, Labels};
use super::span::Span;

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

/// A record read back from the JSON it was stored as.
pub trait Record: Serialize + Sized {
    fn read(o: Object) -> Result<Self, ShapeError>;

    fn from_json(json: &str) -> Result<Self, ShapeError> {
        Self::read(parse(json)?)
    }
}

/// A stored record's JSON, parsed: one copy of this for every record type.
fn parse(json: &str) -> Result<Object, ShapeError> {
    let value =
        serde_json::from_str(json).map_err(|e| ShapeError { path: "record".to_owned(), message: e.to_string() })?;
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
        Ok(AnnRecord { id: o.string("id")?, label: o.string("label")?, start: o.u32("start")?, end: o.u32("end")? })
    }
}

impl Record for EditRecord {
    fn read(mut o: Object) -> Result<Self, ShapeError> {
        match o.string("kind")?.as_str() {
            "add" => Ok(EditRecord::Add(AnnRecord::read(o)?)),
            "remove" => Ok(EditRecord::Remove(AnnRecord::read(o)?)),
            "relabel" => Ok(EditRecord::Relabel { id: o.string("id")?, from: o.string("from")?, to: o.string("to")? }),
            "batch" => Ok(EditRecord::Batch { edits: o.list("edits", EditRecord::read)? }),
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
            annotations: o.list("annotations", AnnRecord::read)?,
            done: o.list("done", EditRecord::read)?,
            undone: o.list("undone", EditRecord::read)?,
        })
    }
}

fn unknown_kind(o: &Object, kind: &str) -> ShapeError {
    ShapeError { path: o.path().to_owned(), message: format!("unknown kind {}", Quoted(kind)) }
}

pub fn ann_record(a: &Annotation) -> AnnRecord {
    AnnRecord {
        id: a.id.as_str().to_owned(),
        label: a.label.as_str().to_owned(),
        start: a.span.start(),
        end: a.span.end(),
    }
}

pub fn edit_record(edit: &Edit) -> EditRecord {
    match edit {
        Edit::Add(a) => EditRecord::Add(ann_record(a)),
        Edit::Remove(a) => EditRecord::Remove(ann_record(a)),
        Edit::Relabel { id, from, to } => EditRecord::Relabel {
            id: id.as_str().to_owned(),
            from: from.as_str().to_owned(),
            to: to.as_str().to_owned(),
        },
        Edit::Batch(edits) => EditRecord::Batch { edits: edits.iter().map(edit_record).collect() },
    }
}

pub fn labels_record(labels: &Labels) -> Vec<LabelRecord> {
    labels
        .iter()
        .map(|l| LabelRecord {
            id: l.id.as_str().to_owned(),
            name: l.name.clone(),
            colour: l.colour.clone(),
            hotkey: l.hotkey.to_string(),
        })
        .collect()
}

/// Why a stored record could not be used.
pub type RestoreError = String;

pub fn annotation(r: &AnnRecord) -> Result<Annotation, RestoreError> {
    let span = Span::try_new(r.start, r.end).map_err(|e| format!("annotation {}: {e}", r.id))?;
    Ok(Annotation { id: AnnotationId::new(&r.id), label: LabelId::new(&r.label), span })
}

pub fn edit(r: &EditRecord) -> Result<Edit, RestoreError> {
    Ok(match r {
        EditRecord::Add(a) => Edit::Add(annotation(a)?),
        EditRecord::Remove(a) => Edit::Remove(annotation(a)?),
        EditRecord::Relabel { id, from, to } => {
            Edit::Relabel { id: AnnotationId::new(id), from: LabelId::new(from), to: LabelId::new(to) }
        }
        EditRecord::Batch { edits } => Edit::Batch(edits.iter().map(edit).collect::<Result<_, _>>()?),
    })
}

pub fn labels(records: &[LabelRecord]) -> Result<Labels, RestoreError> {
    let mut out = Vec::with_capacity(records.len());
    for r in records {
        let label = Label::from_parts(&r.id, r.name.clone(), r.colour.clone(), &r.hotkey);
        out.push(label.map_err(|e| format!("label {}: {e}", r.id))?);
    }
    Labels::new(out)
}

/// One document as stored, rebuilt: its text and labels, then its snapshot, then each later op.
/// Ops that no longer apply are skipped and counted in `problems`.
pub struct Rebuilt {
    pub doc: Rc<Document>,
    pub labels: Rc<Labels>,
    pub annotations: AnnotationSet,
    pub history: History,
}

pub fn rebuild(
    record: &DocRecord,
    snapshot: Option<&SnapshotRecord>,
    ops: &[&OpRecord],
    problems: &mut Vec<String>,
) -> Result<Rebuilt, RestoreError> {
    let doc = Document::new(record.title.clone(), record.text.clone()).map_err(|e| e.to_string())?;
    let labels = labels(&record.labels)?;
    let mut annotations = AnnotationSet::new();
    let mut history = History::default();
    let mut after = 0;
    if let Some(s) = snapshot {
        after = s.seq;
        for a in &s.annotations {
            match annotation(a) {
                Ok(a) if a.span.end() <= doc.len() && labels.get(&a.label).is_some() => {
                    if annotations.insert(a).is_err() {
                        problems.push(format!("{}: a stored annotation was a duplicate", record.title));
                    }
                }
                _ => problems.push(format!("{}: a stored annotation did not fit the text", record.title)),
            }
        }
        let done = s.done.iter().map(edit).collect::<Result<Vec<_>, _>>();
        let undone = s.undone.iter().map(edit).collect::<Result<Vec<_>, _>>();
        match (done, undone) {
            (Ok(done), Ok(undone)) if done.iter().chain(&undone).all(|e| fits(e, &doc, &labels)) => {
                history = History::from_parts(done, undone)
            }
            _ => problems.push(format!("{}: the undo history could not be read", record.title)),
        }
    }
    for op in ops.iter().filter(|o| o.seq > after) {
        let ok = match &op.op {
            Op::Edit { edit: r } => match edit(r) {
                Ok(e) if fits(&e, &doc, &labels) && e.apply(&mut annotations) => {
                    history.record(e);
                    true
                }
                _ => false,
            },
            Op::Undo => history.undo(&mut annotations).is_some(),
            Op::Redo => history.redo(&mut annotations).is_some(),
        };
        if !ok {
            problems.push(format!("{}: a stored change (#{}) could not be replayed", record.title, op.seq));
        }
    }
    Ok(Rebuilt { doc: Rc::new(doc), labels: Rc::new(labels), annotations, history })
}

/// Whether every span the edit touches lies inside the text and carries a known label.
fn fits(edit: &Edit, doc: &Document, labels: &Labels) -> bool {
    match edit {
        Edit::Add(a) | Edit::Remove(a) => {
            a.span.end() <= doc.len() && !a.span.is_empty() && labels.get(&a.label).is_some()
        }
        Edit::Relabel { from, to, .. } => labels.get(from).is_some() && labels.get(to).is_some(),
        Edit::Batch(edits) => edits.iter().all(|e| fits(e, doc, labels)),
    }
}
