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
use crate::model::history::Edit;
use crate::model::label::{Label, LabelId, Labels};
use crate::model::label_edit::{free_colour, free_hotkey, LabelChange};
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
        if let LabelChange::Delete { id, reassign: Some(to) } = &change {
            for a in self.annotations().iter().filter(|a| &a.label == id) {
                edits.push(Edit::Relabel { id: a.id.clone(), from: id.clone(), to: to.clone() });
            }
        }
        edits.push(Edit::Labels { before, after });
        let edit = if edits.len() == 1 { edits.remove(0) } else { Edit::Batch(edits) };
        self.edit_with_labels(edit);
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
        let all: Vec<Label> = labels.iter().cloned().chain(extra.iter().cloned()).collect();
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

/// `labels` with `extra` added after them, for a merge: the edit, or `None` when there are none.
pub(super) fn extended(labels: &Rc<Labels>, extra: Vec<Label>) -> Option<Edit> {
    if extra.is_empty() {
        return None;
    }
    let mut list = labels.to_vec();
    list.extend(extra);
    let after = labels.relisted(list).ok()?;
    Some(Edit::Labels { before: labels.clone(), after: Rc::new(after) })
}
