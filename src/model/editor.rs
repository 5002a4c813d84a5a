//! The editor's state and the verbs that change it. Pure: the browser edge turns events into
//! [`Action`]s, and side effects (download, scrolling) happen outside [`Editor::apply`].

use std::rc::Rc;

use super::annotation::{Annotation, AnnotationId, AnnotationSet};
use super::document::Document;
use super::history::{Edit, History};
use super::label::{LabelId, Labels};
use super::span::Span;

#[derive(Clone, Debug)]
pub struct Editor {
    pub doc: Rc<Document>,
    pub labels: Rc<Labels>,
    pub annotations: AnnotationSet,
    pub history: History,
    /// The annotation the user picked (to relabel or remove).
    pub selected: Option<AnnotationId>,
    /// A label that tags the next text selection at once.
    pub armed: Option<LabelId>,
    /// An annotation to scroll to and flash; the number changes on every request.
    pub flash: Option<(AnnotationId, u32)>,
}

/// What a person can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// A label's hotkey or button. With text selected, tags it; else with an annotation selected,
    /// relabels it; else arms the label (or disarms it, if it was armed).
    Apply { label: LabelId, selection: Option<Span> },
    /// The mouse let go of a text selection: tagged at once if a label is armed.
    SelectText(Span),
    /// Tags `span` (tidied: snapped to graphemes, whitespace trimmed) with `label`.
    Annotate { label: LabelId, span: Span },
    Relabel { id: AnnotationId, label: LabelId },
    Remove(AnnotationId),
    /// Removes the selected annotation, if any (Delete, Backspace).
    RemoveSelected,
    /// A click on highlighted text at a code point: selects the outermost annotation there, and
    /// on further clicks the next one down.
    ClickAt(u32),
    /// Selects an annotation and brings it into view (from the list).
    Select(AnnotationId),
    /// Deselects (a click on plain text).
    Deselect,
    /// Disarms and deselects.
    Escape,
    Undo,
    Redo,
}

impl Editor {
    pub fn new(doc: Document, labels: Labels) -> Editor {
        Editor {
            doc: Rc::new(doc),
            labels: Rc::new(labels),
            annotations: AnnotationSet::new(),
            history: History::default(),
            selected: None,
            armed: None,
            flash: None,
        }
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Apply { label, selection } => {
                if self.labels.get(&label).is_none() {
                    return;
                }
                if let Some(span) = selection.filter(|s| !s.is_empty()) {
                    self.annotate(label, span);
                } else if let Some(id) = self.selected.clone() {
                    self.relabel(&id, label);
                } else if self.armed.as_ref() == Some(&label) {
                    self.armed = None;
                } else {
                    self.armed = Some(label);
                }
            }
            Action::SelectText(span) => {
                if let Some(label) = self.armed.clone() {
                    self.annotate(label, span);
                }
            }
            Action::Annotate { label, span } => {
                if self.labels.get(&label).is_some() {
                    self.annotate(label, span);
                }
            }
            Action::Relabel { id, label } => {
                if self.labels.get(&label).is_some() {
                    self.relabel(&id, label);
                }
            }
            Action::Remove(id) => {
                if let Some(removed) = self.annotations.remove(&id) {
                    self.history.record(Edit::Remove(removed));
                    if self.selected.as_ref() == Some(&id) {
                        self.selected = None;
                    }
                }
            }
            Action::RemoveSelected => {
                if let Some(id) = self.selected.clone() {
                    self.apply(Action::Remove(id));
                }
            }
            Action::ClickAt(at) => {
                let covering = self.annotations.covering(at);
                let here = self.selected.as_ref().and_then(|s| covering.iter().position(|a| &a.id == s));
                let next = match here {
                    Some(i) => covering.get((i + 1) % covering.len()),
                    None => covering.first(),
                };
                self.selected = next.map(|a| a.id.clone());
            }
            Action::Select(id) => {
                if self.annotations.get(&id).is_some() {
                    self.selected = Some(id.clone());
                    self.flash_on(id);
                }
            }
            Action::Deselect => self.selected = None,
            Action::Escape => {
                self.armed = None;
                self.selected = None;
            }
            Action::Undo => {
                if let Some(edit) = self.history.undo(&mut self.annotations) {
                    self.after_history(edit.subject().clone());
                }
            }
            Action::Redo => {
                if let Some(edit) = self.history.redo(&mut self.annotations) {
                    self.after_history(edit.subject().clone());
                }
            }
        }
    }

    fn annotate(&mut self, label: LabelId, span: Span) {
        let Some(span) = self.doc.tidy_selection(span) else { return };
        let id = self.annotations.fresh_id();
        let annotation = Annotation { id, label, span };
        if self.annotations.insert(annotation.clone()).is_ok() {
            self.history.record(Edit::Add(annotation));
        }
    }

    fn relabel(&mut self, id: &AnnotationId, label: LabelId) {
        match self.annotations.get(id) {
            Some(a) if a.label != label => {}
            _ => return,
        }
        if let Some(from) = self.annotations.relabel(id, label.clone()) {
            self.history.record(Edit::Relabel { id: id.clone(), from, to: label });
        }
    }

    /// After an undo or redo: show what changed, and drop a selection that no longer exists.
    fn after_history(&mut self, subject: AnnotationId) {
        if self.selected.as_ref().is_some_and(|s| self.annotations.get(s).is_none()) {
            self.selected = None;
        }
        if self.annotations.get(&subject).is_some() {
            self.flash_on(subject);
        }
    }

    fn flash_on(&mut self, id: AnnotationId) {
        let n = self.flash.as_ref().map_or(0, |(_, n)| n.wrapping_add(1));
        self.flash = Some((id, n));
    }
}
