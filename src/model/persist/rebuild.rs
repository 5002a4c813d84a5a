//! Between the model and its records: the records of annotations, edits and labels, those read
//! back into the model, and one document rebuilt from its record, snapshot and ops.

use std::rc::Rc;

use crate::model::annotation::{Annotation, AnnotationId, AnnotationSet};
use crate::model::document::Document;
use crate::model::history::{Edit, History};
use crate::model::label::{Label, LabelId, Labels};
use crate::model::span::Span;
use crate::support::time::Time;

use super::{AnnRecord, DocRecord, EditRecord, LabelRecord, Op, OpRecord, SnapshotRecord};

pub fn ann_record(a: &Annotation) -> AnnRecord {
    AnnRecord {
        id: a.id.as_str().to_owned(),
        label: a.label.as_str().to_owned(),
        start: a.span.start(),
        end: a.span.end(),
        created: a.created.map(Time::millis),
        annotators: a.annotators.clone(),
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
        Edit::Labels { before, after } => {
            EditRecord::Labels { before: labels_record(before), after: labels_record(after) }
        }
    }
}

pub fn labels_record(labels: &Labels) -> Vec<LabelRecord> {
    labels
        .iter()
        .map(|l| LabelRecord {
            id: l.id.as_str().to_owned(),
            name: l.name.clone(),
            colour: l.colour.clone(),
            hotkey: l.hotkey.map(String::from).unwrap_or_default(),
        })
        .collect()
}

/// Why a stored record could not be used.
pub type RestoreError = String;

fn annotation(r: &AnnRecord) -> Result<Annotation, RestoreError> {
    let span = Span::try_new(r.start, r.end).map_err(|e| format!("annotation {}: {e}", r.id))?;
    let created = r.created.and_then(Time::from_millis);
    Ok(Annotation {
        id: AnnotationId::new(&r.id),
        label: LabelId::new(&r.label),
        span,
        created,
        annotators: r.annotators.clone(),
    })
}

fn edit(r: &EditRecord) -> Result<Edit, RestoreError> {
    Ok(match r {
        EditRecord::Add(a) => Edit::Add(annotation(a)?),
        EditRecord::Remove(a) => Edit::Remove(annotation(a)?),
        EditRecord::Relabel { id, from, to } => {
            Edit::Relabel { id: AnnotationId::new(id), from: LabelId::new(from), to: LabelId::new(to) }
        }
        EditRecord::Batch { edits } => Edit::Batch(edits.iter().map(edit).collect::<Result<_, _>>()?),
        EditRecord::Labels { before, after } => {
            Edit::Labels { before: Rc::new(labels(before)?), after: Rc::new(labels(after)?) }
        }
    })
}

fn labels(records: &[LabelRecord]) -> Result<Labels, RestoreError> {
    let mut out = Vec::with_capacity(records.len());
    for r in records {
        let label = Label::from_parts(&r.id, r.name.clone(), r.colour.clone(), &r.hotkey);
        out.push(label.map_err(|e| format!("label {}: {e}", r.id))?);
    }
    Labels::new(out)
}

/// One document as stored, rebuilt: its text and labels (the snapshot's when it has them, else
/// the record's), then its snapshot, then each later op. Ops that no longer apply are skipped
/// and counted in `problems`.
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
    let mut labels = Rc::new(match snapshot.and_then(|s| s.labels.as_deref()) {
        Some(records) => labels(records)?,
        None => labels(&record.labels)?,
    });
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
            (Ok(done), Ok(undone)) if history_fits(&done, &undone, &doc, &labels) => {
                history = History::from_parts(done, undone)
            }
            _ => problems.push(format!("{}: the undo history could not be read", record.title)),
        }
    }
    for op in ops.iter().filter(|o| o.seq > after) {
        let ok = match &op.op {
            Op::Edit { edit: r } => match edit(r) {
                Ok(e) if fits(&e, &doc, &known(&labels, &e)) && e.apply(&mut labels, &mut annotations) => {
                    history.record(e);
                    true
                }
                _ => false,
            },
            Op::Undo => history.undo(&mut labels, &mut annotations).is_some(),
            Op::Redo => history.redo(&mut labels, &mut annotations).is_some(),
        };
        if !ok {
            problems.push(format!("{}: a stored change (#{}) could not be replayed", record.title, op.seq));
        }
    }
    Ok(Rebuilt { doc: Rc::new(doc), labels, annotations, history })
}

/// The label ids edits may name: those of `labels` and of any set the edits change labels from
/// or to (an edit in the undo history may name a label since deleted: undoing the change of
/// labels brings it back first, and [`Edit::apply`] keeps the two in step).
fn known_in<'a>(labels: &Labels, edits: impl Iterator<Item = &'a Edit>) -> Vec<LabelId> {
    fn sets<'a>(edit: &'a Edit, out: &mut Vec<&'a Labels>) {
        match edit {
            Edit::Labels { before, after } => out.extend([&**before, &**after]),
            Edit::Batch(edits) => edits.iter().for_each(|e| sets(e, out)),
            _ => {}
        }
    }
    let mut all = vec![labels];
    for e in edits {
        sets(e, &mut all);
    }
    all.iter().flat_map(|l| l.iter().map(|l| l.id.clone())).collect()
}

fn known(labels: &Labels, edit: &Edit) -> Vec<LabelId> {
    known_in(labels, std::iter::once(edit))
}

/// Whether a stored undo history fits the text and names only labels it can bring back.
fn history_fits(done: &[Edit], undone: &[Edit], doc: &Document, labels: &Labels) -> bool {
    let known = known_in(labels, done.iter().chain(undone));
    done.iter().chain(undone).all(|e| fits(e, doc, &known))
}

/// Whether every span the edit touches lies inside the text and carries a known label.
fn fits(edit: &Edit, doc: &Document, known: &[LabelId]) -> bool {
    match edit {
        Edit::Add(a) | Edit::Remove(a) => a.span.end() <= doc.len() && !a.span.is_empty() && known.contains(&a.label),
        Edit::Relabel { from, to, .. } => known.contains(from) && known.contains(to),
        Edit::Batch(edits) => edits.iter().all(|e| fits(e, doc, known)),
        Edit::Labels { .. } => true,
    }
}
