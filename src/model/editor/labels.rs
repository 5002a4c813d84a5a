//! The open document's labels changed from the Labels dialog: checked by
//! [`Labels::changed`](crate::model::label::Labels::changed), then one undoable edit (a label
//! deleted with annotations becomes one batch: its annotations relabelled, then the set).
//!
//! A change of labels, done, undone or redone, also stores a fresh snapshot of the document,
//! which carries the labels as they stand: a restore starts from the snapshot's labels and
//! replays the ops after it, so the labels the document's record holds (as when it was opened
//! or renamed) never stand in for later ones.

use std::rc::Rc;

use super::{Editor, Notice};
use crate::model::contrast;
use crate::model::definitions::{value_of, RelationType};
use crate::model::history::Edit;
use crate::model::label::{Label, LabelId, Labels};
use crate::model::label_edit::{free_colour, free_hotkey, Holder, LabelChange};
use crate::model::persist::Write;
use crate::model::project::Project;
use crate::support::case::to_lowercase;

impl Editor {
    /// How many annotations of the open document carry `label`.
    pub fn uses_of(&self, label: &LabelId) -> usize {
        self.annotations().iter().filter(|a| &a.label == label).count()
    }

    pub(super) fn change_labels(&mut self, change: LabelChange) {
        let before = self.labels().clone();
        let after = match before.changed(&change, |id| self.uses_of(id)) {
            Ok(after) if after == *before => return,
            Ok(after) => Rc::new(after),
            Err(why) => {
                self.notice = Some(Notice::Error(why));
                return;
            }
        };
        let mut edits = Vec::new();
        match &change {
            LabelChange::Delete { id, reassign: Some(to) } => {
                for a in self.annotations().iter().filter(|a| &a.label == id) {
                    edits.push(Edit::Relabel { id: a.id.clone(), from: id.clone(), to: to.clone() });
                }
            }
            LabelChange::DeleteRelationType { id } => {
                edits.extend(self.relations().iter().filter(|r| &r.kind == id).cloned().map(Edit::Unlink));
            }
            LabelChange::AddAttribute { holder, name, .. } => self.values_moved(holder, name, None, &after, &mut edits),
            LabelChange::EditAttribute { holder, name, new_name, .. } => {
                self.values_moved(holder, name, Some(new_name.trim()), &after, &mut edits)
            }
            LabelChange::DeleteAttribute { holder, name } => self.values_moved(holder, name, None, &after, &mut edits),
            _ => {}
        }
        edits.push(Edit::Labels { before, after });
        let edit = if edits.len() == 1 { edits.remove(0) } else { Edit::Batch(edits) };
        self.edit_with_labels(edit);
    }

    /// The edits that keep every value set allowed when attribute `name` of `holder` changes
    /// to `after`'s definition named `to` (a rename, other values) or goes (`to` none, or a new
    /// attribute of that name): each value set under `name` is unset, then set again under
    /// `to` when `after` allows it there.
    fn values_moved(&self, holder: &Holder, name: &str, to: Option<&str>, after: &Labels, edits: &mut Vec<Edit>) {
        let def = |label: Option<&LabelId>| {
            let to = to?;
            match label {
                Some(l) => after.attribute_def(l, to),
                None => after.category(to),
            }
        };
        let moved = |v: &str, label: Option<&LabelId>| def(label).filter(|d| d.allows(v)).map(|d| d.name.clone());
        let owned = |v: Option<&str>| v.map(str::to_owned);
        match holder {
            Holder::Label(label) => {
                for a in self.annotations().iter().filter(|a| &a.label == label) {
                    let Some(v) = a.attribute(name) else { continue };
                    let to = moved(v, Some(label));
                    if to.as_deref() == Some(name) {
                        continue;
                    }
                    let (id, v) = (a.id.clone(), Some(v.to_owned()));
                    edits.push(Edit::Attribute {
                        id: id.clone(),
                        name: name.to_owned(),
                        before: v.clone(),
                        after: None,
                    });
                    if let Some(to) = to {
                        let before = owned(a.attribute(&to));
                        edits.push(Edit::Attribute { id, name: to, before, after: v });
                    }
                }
            }
            Holder::Document => {
                let values = &self.current().attributes;
                let Some(v) = value_of(values, name) else { return };
                let to = moved(v, None);
                if to.as_deref() == Some(name) {
                    return;
                }
                let v = Some(v.to_owned());
                edits.push(Edit::DocAttribute { name: name.to_owned(), before: v.clone(), after: None });
                if let Some(to) = to {
                    let before = owned(value_of(values, &to));
                    edits.push(Edit::DocAttribute { name: to, before, after: v });
                }
            }
        }
    }

    /// Applies an edit that may change the labels (alone or with annotations) as one undo step.
    pub(super) fn edit_with_labels(&mut self, edit: Edit) -> bool {
        let labels = edit.changes_labels();
        if !self.edit(edit) {
            return false;
        }
        if labels {
            self.labels_changed();
        }
        true
    }

    /// After the labels changed: the snapshot that carries them, and no armed label that is gone.
    pub(super) fn labels_changed(&mut self) {
        let seq = self.journal.last_op();
        let state = self.current_mut();
        state.ops_since_snapshot = 0;
        let snapshot = state.snapshot(seq);
        self.write(Write::snapshot(snapshot));
        if self.armed.as_ref().is_some_and(|l| self.labels().get(l).is_none()) {
            self.armed = None;
        }
    }
}

/// What merging `project` into a document with `labels` needs: the file's labels the document
/// has under another id (the same name, ignoring case), as (file's id, document's id), and the
/// labels to add for the rest, each with the file's colour and key unless the document uses
/// them (then a free one; none when no key is free: the label is added without one).
pub(super) fn missing(labels: &Labels, project: &Project) -> (Vec<(LabelId, LabelId)>, Vec<Label>) {
    let mut used: Vec<&LabelId> = Vec::new();
    for a in project.annotations.iter() {
        if labels.get(&a.label).is_none() && !used.contains(&&a.label) {
            used.push(&a.label);
        }
    }
    let (mut rename, mut extra) = (Vec::new(), Vec::<Label>::new());
    for id in used {
        let theirs = project.labels.get(id);
        let name = theirs.map_or_else(|| id.as_str().to_owned(), |l| l.name.clone());
        let lower = to_lowercase(&name);
        if let Some(ours) = labels.iter().find(|l| to_lowercase(&l.name) == lower) {
            rename.push((id.clone(), ours.id.clone()));
            continue;
        }
        let mut all: Vec<Label> = labels.iter().cloned().collect();
        all.extend(extra.iter().cloned());
        let hotkey = theirs
            .and_then(|l| l.hotkey)
            .filter(|k| all.iter().all(|l| l.hotkey != Some(*k)))
            .or_else(|| free_hotkey(&all));
        let colour = theirs
            .map(|l| l.colour.clone())
            .filter(|c| contrast::parse(c).is_some_and(contrast::passes))
            .filter(|c| all.iter().all(|l| !l.colour.eq_ignore_ascii_case(c)))
            .unwrap_or_else(|| free_colour(&all).to_owned());
        extra.push(Label {
            id: id.clone(),
            name,
            colour,
            hotkey,
            attributes: theirs.map(|l| l.attributes.clone()).unwrap_or_default(),
        });
    }
    (rename, extra)
}

/// `labels` with `extra` added after them and the relation types of `types` they lack (by
/// id), for a merge: the edit, or `None` when there are none.
pub(super) fn extended(labels: &Rc<Labels>, extra: Vec<Label>, types: &[RelationType]) -> Option<Edit> {
    let mut new_types: Vec<RelationType> = Vec::new();
    for t in types.iter().filter(|t| labels.relation_type(&t.id).is_none()) {
        new_types.push(t.clone());
    }
    if extra.is_empty() && new_types.is_empty() {
        return None;
    }
    let mut list = labels.to_vec();
    list.extend(extra);
    let mut all = labels.relation_types().to_vec();
    all.extend(new_types);
    let after = labels.relisted(list).ok()?.with_definitions(all, labels.categories().to_vec()).ok()?;
    Some(Edit::Labels { before: labels.clone(), after: Rc::new(after) })
}
