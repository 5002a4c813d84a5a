//! Annotating the open document: the label keys (tag, relabel, arm), removing, picking an
//! annotation (click, list, Escape), and undo/redo. Every change goes through [`Editor::edit`],
//! which applies it, records it for undo and journals it.

use std::rc::Rc;

use super::Editor;
use crate::model::annotation::{Annotation, AnnotationId};
use crate::model::history::Edit;
use crate::model::label::LabelId;
use crate::model::persist::{self, Op};
use crate::model::span::Span;
use crate::support::time::Time;

impl Editor {
    /// A label's key or button: tags the selection (and selects the new annotation, so another
    /// key relabels it), else relabels the selected annotation, else arms the label (or disarms
    /// it). A label the document does not have does nothing.
    pub(super) fn apply_label(&mut self, label: LabelId, selection: Option<Span>, now: Option<Time>) {
        if self.labels().get(&label).is_none() {
            return;
        }
        if let Some(span) = selection.filter(|s| !s.is_empty()) {
            self.annotate(label, span, now);
        } else if let Some(id) = self.selected.clone() {
            self.relabel(&id, label);
        } else if self.armed.as_ref() == Some(&label) {
            self.armed = None;
        } else {
            self.armed = Some(label);
        }
    }

    /// A text selection let go of: tagged at once with the armed label, if any (and selected).
    pub(super) fn select_text(&mut self, span: Span, now: Option<Time>) {
        if let Some(label) = self.armed.clone() {
            self.annotate(label, span, now);
        }
    }

    /// Tags `span` with `label` if the document has that label, made at `now` (if known).
    pub(super) fn annotate_checked(&mut self, label: LabelId, span: Span, now: Option<Time>) {
        if self.labels().get(&label).is_some() {
            self.annotate(label, span, now);
        }
    }

    /// Tags every one of `spans` with `label` (if the document has it) as ONE edit, made at
    /// `now`: one undo removes them all. Spans tidied to nothing, or onto one that already has
    /// the label (or onto the one the span before gave), are skipped; nothing is selected.
    pub(super) fn annotate_all(&mut self, label: LabelId, spans: &[Span], now: Option<Time>) {
        if self.labels().get(&label).is_none() {
            return;
        }
        let mut edits = Vec::new();
        let mut taken: Option<Span> = None;
        for &span in spans {
            let Some(span) = self.doc().tidy_selection(span) else { continue };
            if self.annotations().twin(span, &label).is_some() || taken == Some(span) {
                continue;
            }
            taken = Some(span);
            let id = Rc::make_mut(&mut self.current_mut().annotations).fresh_id();
            edits.push(Edit::Add(Annotation { created: now, ..Annotation::new(id, label.clone(), span) }));
        }
        if !edits.is_empty() {
            self.selected = None;
            self.edit(Edit::Batch(edits));
        }
    }

    /// Relabels `id` as `label` if the document has that label.
    pub(super) fn relabel_checked(&mut self, id: &AnnotationId, label: LabelId) {
        if self.labels().get(&label).is_some() {
            self.relabel(id, label);
        }
    }

    /// Removes `id` and, in the same undoable step, the relations that touch it (first).
    pub(super) fn remove(&mut self, id: &AnnotationId) {
        if let Some(removed) = self.annotations().get(id).cloned() {
            let mut edits: Vec<Edit> = Vec::new();
            for r in self.relations().touching(id) {
                edits.push(Edit::Unlink(r.clone()));
            }
            edits.push(Edit::Remove(removed));
            self.edit(if edits.len() == 1 { edits.remove(0) } else { Edit::Batch(edits) });
            if self.selected.as_ref() == Some(id) {
                self.selected = None;
            }
        }
    }

    pub(super) fn remove_selected(&mut self) {
        if let Some(id) = self.selected.clone() {
            self.remove(&id);
        }
    }

    /// Selects the outermost annotation covering `at`, or the next one down if one there is
    /// selected already (wrapping round); nothing when none covers it.
    pub(super) fn click_at(&mut self, at: u32) {
        let covering = self.annotations().covering(at);
        let here = self.selected.as_ref().and_then(|s| covering.iter().position(|a| &a.id == s));
        let next = match here {
            Some(i) => covering.get((i + 1) % covering.len()),
            None => covering.first(),
        };
        self.selected = next.map(|a| a.id.clone());
    }

    pub(super) fn select(&mut self, id: AnnotationId) {
        if self.annotations().get(&id).is_some() {
            self.selected = Some(id.clone());
            self.flash_on(id);
        }
    }

    /// The annotation after (before) the selected one in text order, else the first (last).
    pub(super) fn select_next(&mut self, back: bool) {
        let from = if back { self.doc().len().saturating_add(1) } else { 0 };
        let next = crate::model::caret::neighbour(self.annotations(), self.selected.as_ref(), from, back);
        if let Some(id) = next.map(|a| a.id.clone()) {
            self.select(id);
        }
    }

    pub(super) fn escape(&mut self) {
        self.armed = None;
        self.selected = None;
    }

    pub(super) fn undo(&mut self) {
        self.step(Op::Undo);
    }

    pub(super) fn redo(&mut self) {
        self.step(Op::Redo);
    }

    /// Applies and records an edit to the open document.
    pub(super) fn edit(&mut self, edit: Edit) -> bool {
        let (mut work, history) = self.current_mut().work();
        if !edit.apply(&mut work) {
            return false;
        }
        history.record(edit.clone());
        self.log(Op::Edit { edit: persist::edit_record(&edit) });
        true
    }

    fn step(&mut self, op: Op) {
        let (mut work, history) = self.current_mut().work();
        let done = match op {
            Op::Undo => history.undo(&mut work),
            _ => history.redo(&mut work),
        };
        if let Some(edit) = done {
            self.log(op);
            if edit.changes_labels() {
                self.labels_changed();
            }
            if self.selected.as_ref().is_some_and(|s| self.annotations().get(s).is_none()) {
                self.selected = None;
            }
            if let Some(subject) = edit.subject().filter(|s| self.annotations().get(s).is_some()) {
                self.flash_on(subject.clone());
            }
        }
    }

    /// Tags `span` with `label`, made at `now` (if known), and selects the annotation, so that a
    /// wrong key is put right by one more (another label relabels it, Delete removes it, Escape
    /// deselects). When the same span already has that label, that annotation is selected.
    fn annotate(&mut self, label: LabelId, span: Span, now: Option<Time>) {
        let Some(span) = self.doc().tidy_selection(span) else { return };
        if let Some(twin) = self.annotations().twin(span, &label) {
            self.selected = Some(twin.id.clone());
            return;
        }
        let id = Rc::make_mut(&mut self.current_mut().annotations).fresh_id();
        if self.edit(Edit::Add(Annotation { created: now, ..Annotation::new(id.clone(), label, span) })) {
            self.selected = Some(id);
        }
    }

    fn relabel(&mut self, id: &AnnotationId, label: LabelId) {
        let from = match self.annotations().get(id) {
            Some(a) if a.label != label => a.label.clone(),
            _ => return,
        };
        self.edit(Edit::Relabel { id: id.clone(), from, to: label });
    }

    fn flash_on(&mut self, id: AnnotationId) {
        let n = self.flash.as_ref().map_or(0, |(_, n)| n.wrapping_add(1));
        self.flash = Some((id, n));
    }
}
