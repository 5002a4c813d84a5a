//! Between the model and its records: the records of annotations, edits and labels, those read
//! back into the model, and one document rebuilt from its record, snapshot and ops.

use std::rc::Rc;

use crate::model::annotation::{Annotation, AnnotationId, AnnotationSet};
use crate::model::definitions::set_value;
use crate::model::document::Document;
use crate::model::history::{Edit, History, Work};
use crate::model::label::{Label, LabelId, Labels};
use crate::model::relation::Relations;
use crate::model::span::Span;
use crate::support::time::Time;

use super::{AnnRecord, DefinitionsRecord, DocRecord, EditRecord, LabelRecord, Op, OpRecord, SnapshotRecord};

pub fn ann_record(a: &Annotation) -> AnnRecord {
    AnnRecord {
        id: a.id.as_str().to_owned(),
        label: a.label.as_str().to_owned(),
        start: a.span.start(),
        end: a.span.end(),
        created: a.created.map(Time::millis),
        annotators: a.annotators.clone(),
        note: a.note.clone(),
        attributes: a.attributes.clone(),
    }
}

/// What `labels` define beside their labels.
pub fn definitions_record(labels: &Labels) -> DefinitionsRecord {
    DefinitionsRecord { relation_types: labels.relation_types().to_vec(), categories: labels.categories().to_vec() }
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
        Edit::Labels { before, after } => EditRecord::Labels {
            before: labels_record(before),
            after: labels_record(after),
            before_definitions: Some(definitions_record(before)),
            after_definitions: Some(definitions_record(after)),
        },
        Edit::Link(r) => EditRecord::Link(r.clone()),
        Edit::Unlink(r) => EditRecord::Unlink(r.clone()),
        Edit::Note { id, before, after } => {
            EditRecord::Note { id: id.as_str().to_owned(), before: before.clone(), after: after.clone() }
        }
        Edit::Attribute { id, name, before, after } => EditRecord::Attribute {
            id: id.as_str().to_owned(),
            name: name.clone(),
            before: before.clone(),
            after: after.clone(),
        },
        Edit::DocAttribute { name, before, after } => {
            EditRecord::DocAttribute { name: name.clone(), before: before.clone(), after: after.clone() }
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
            attributes: l.attributes.clone(),
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
        note: r.note.clone().filter(|n| !n.is_empty()),
        attributes: r.attributes.clone(),
    })
}

/// Every record as an edit, or the first that does not fit (one loop for batches and both
/// stacks of a snapshot).
fn edits_of(records: &[EditRecord]) -> Result<Vec<Edit>, RestoreError> {
    let mut out = Vec::with_capacity(records.len());
    for r in records {
        out.push(edit(r)?);
    }
    Ok(out)
}

fn edit(r: &EditRecord) -> Result<Edit, RestoreError> {
    Ok(match r {
        EditRecord::Add(a) => Edit::Add(annotation(a)?),
        EditRecord::Remove(a) => Edit::Remove(annotation(a)?),
        EditRecord::Relabel { id, from, to } => {
            Edit::Relabel { id: AnnotationId::new(id), from: LabelId::new(from), to: LabelId::new(to) }
        }
        EditRecord::Batch { edits } => Edit::Batch(edits_of(edits)?),
        EditRecord::Labels { before, after, before_definitions, after_definitions } => Edit::Labels {
            before: Rc::new(labels(before, before_definitions.as_ref())?),
            after: Rc::new(labels(after, after_definitions.as_ref())?),
        },
        EditRecord::Link(r) => Edit::Link(r.clone()),
        EditRecord::Unlink(r) => Edit::Unlink(r.clone()),
        EditRecord::Note { id, before, after } => {
            Edit::Note { id: AnnotationId::new(id), before: before.clone(), after: after.clone() }
        }
        EditRecord::Attribute { id, name, before, after } => Edit::Attribute {
            id: AnnotationId::new(id),
            name: name.clone(),
            before: before.clone(),
            after: after.clone(),
        },
        EditRecord::DocAttribute { name, before, after } => {
            Edit::DocAttribute { name: name.clone(), before: before.clone(), after: after.clone() }
        }
    })
}

/// Labels from their records and definitions; none stored (a record from before spanmark had
/// them): the news defaults that fit the labels.
fn labels(records: &[LabelRecord], definitions: Option<&DefinitionsRecord>) -> Result<Labels, RestoreError> {
    let mut out = Vec::with_capacity(records.len());
    for r in records {
        let mut label = Label::from_parts(&r.id, r.name.clone(), r.colour.clone(), &r.hotkey)
            .map_err(|e| format!("label {}: {e}", r.id))?;
        label.attributes = r.attributes.clone();
        out.push(label);
    }
    let labels = Labels::new(out)?;
    let Some(d) = definitions else { return Ok(labels.with_news_definitions()) };
    labels.with_definitions(d.relation_types.clone(), d.categories.clone())
}

/// One document as stored, rebuilt: its text and labels (the snapshot's when it has them, else
/// the record's), then its snapshot, then each later op. Ops that no longer apply are skipped
/// and counted in `problems`.
pub struct Rebuilt {
    pub doc: Rc<Document>,
    pub labels: Rc<Labels>,
    pub annotations: Rc<AnnotationSet>,
    pub relations: Rc<Relations>,
    pub attributes: Rc<Vec<(String, String)>>,
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
        Some(records) => labels(records, snapshot.and_then(|s| s.definitions.as_ref()))?,
        None => labels(&record.labels, record.definitions.as_ref())?,
    });
    let mut annotations = AnnotationSet::new();
    let mut relations = Relations::new();
    let mut attributes = Vec::new();
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
        for r in s.relations.iter().cloned() {
            let ends = annotations.get(&r.from).is_some() && annotations.get(&r.to).is_some();
            if !ends || relations.insert(r).is_err() {
                problems.push(format!("{}: a stored relation did not fit the annotations", record.title));
            }
        }
        for (name, value) in &s.attributes {
            set_value(&mut attributes, name, Some(value));
        }
        let (done, undone) = (edits_of(&s.done), edits_of(&s.undone));
        match (done, undone) {
            (Ok(done), Ok(undone)) if history_fits(&done, &undone, &doc, &labels) => {
                history = History::from_parts(done, undone)
            }
            _ => problems.push(format!("{}: the undo history could not be read", record.title)),
        }
    }
    let (mut annotations, mut relations, mut attributes) =
        (Rc::new(annotations), Rc::new(relations), Rc::new(attributes));
    for op in ops.iter().filter(|o| o.seq > after) {
        let mut work = Work {
            labels: &mut labels,
            annotations: &mut annotations,
            relations: &mut relations,
            attributes: &mut attributes,
        };
        let ok = match &op.op {
            Op::Edit { edit: r } => match edit(r) {
                Ok(e) if fits(&e, &doc, &known(work.labels, &e)) && e.apply(&mut work) => {
                    history.record(e);
                    true
                }
                _ => false,
            },
            Op::Undo => history.undo(&mut work).is_some(),
            Op::Redo => history.redo(&mut work).is_some(),
        };
        if !ok {
            problems.push(format!("{}: a stored change (#{}) could not be replayed", record.title, op.seq));
        }
    }
    Ok(Rebuilt { doc: Rc::new(doc), labels, annotations, relations, attributes, history })
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
    let mut ids = Vec::new();
    for l in all.iter().flat_map(|l| l.iter()) {
        ids.push(l.id.clone());
    }
    ids
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
        // Checked when applied: both ends there, the values they change from.
        Edit::Labels { .. }
        | Edit::Link(_)
        | Edit::Unlink(_)
        | Edit::Note { .. }
        | Edit::Attribute { .. }
        | Edit::DocAttribute { .. } => true,
    }
}
