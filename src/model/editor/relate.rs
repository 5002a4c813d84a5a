//! Relations, notes, attributes and the document's categories: each verb checked against the
//! open document's annotations and definitions, then one undoable edit; refused with a notice
//! (nothing changed) when it does not fit.

use super::{Editor, Notice};
use crate::model::annotation::AnnotationId;
use crate::model::definitions::value_of;
use crate::model::history::Edit;
use crate::model::relation::{Relation, RelationId};
use crate::support::quote::Quoted;
use crate::support::time::Time;

impl Editor {
    /// A relation of type `kind` from `from` to `to`, selected-end first: refused when an end
    /// is missing, both ends are one annotation, the type is not the document's, or the same
    /// relation is there. The relation is `created` at `now`, the action's time.
    pub(super) fn link(&mut self, from: AnnotationId, to: AnnotationId, kind: String, now: Option<Time>) {
        let why = if self.annotations().get(&from).is_none() || self.annotations().get(&to).is_none() {
            Some("That span is gone: pick another to link.".to_owned())
        } else if from == to {
            Some("A span cannot be linked to itself: pick another span.".to_owned())
        } else if self.labels().relation_type(&kind).is_none() {
            Some(format!("There is no relation type {}: add it in the label settings.", Quoted(&kind)))
        } else if self.relations().twin(&from, &to, &kind).is_some() {
            let name = self.labels().relation_type(&kind).map_or(kind.as_str(), |t| t.name.as_str());
            Some(format!("These spans are already linked by “{name}”."))
        } else {
            None
        };
        if let Some(why) = why {
            self.notice = Some(Notice::Error(why));
            return;
        }
        let id = self.relations().next_id();
        self.edit(Edit::Link(Relation { id, from, to, kind, created: now }));
    }

    pub(super) fn unlink(&mut self, id: &RelationId) {
        match self.relations().get(id).cloned() {
            Some(r) => {
                self.edit(Edit::Unlink(r));
            }
            None => self.notice = Some(Notice::Error("That relation is gone already.".to_owned())),
        }
    }

    /// Sets the note of `id` (trimmed; blank removes it). The same note again changes nothing.
    pub(super) fn set_note(&mut self, id: &AnnotationId, note: &str) {
        let Some(a) = self.annotations().get(id) else {
            self.notice = Some(Notice::Error("That span is gone: its note was not kept.".to_owned()));
            return;
        };
        let after = Some(note.trim()).filter(|n| !n.is_empty()).map(str::to_owned);
        if a.note == after {
            return;
        }
        let before = a.note.clone();
        self.edit(Edit::Note { id: id.clone(), before, after });
    }

    /// Sets attribute `name` of `id` to `value`, one of those its label defines. Setting the
    /// value it already reads as changes nothing.
    pub(super) fn set_attribute(&mut self, id: &AnnotationId, name: &str, value: &str) {
        let Some(a) = self.annotations().get(id) else {
            self.notice = Some(Notice::Error("That span is gone: the attribute was not set.".to_owned()));
            return;
        };
        let why = match self.labels().attribute_def(&a.label, name) {
            None => Some(format!("{} has no attribute {}.", self.label_name(&a.label), Quoted(name))),
            Some(def) if !def.allows(value) => Some(format!("{} is not a value of {}.", Quoted(value), Quoted(name))),
            Some(_) => None,
        };
        if let Some(why) = why {
            self.notice = Some(Notice::Error(why));
            return;
        }
        if self.labels().attribute(a, name) == value && a.attribute(name).is_some() {
            return;
        }
        let edit = Edit::Attribute {
            id: id.clone(),
            name: name.to_owned(),
            before: a.attribute(name).map(str::to_owned),
            after: Some(value.to_owned()),
        };
        self.edit(edit);
    }

    /// Sets the document's category `name` to `value`, one of its values.
    pub(super) fn set_doc_attribute(&mut self, name: &str, value: &str) {
        let why = match self.labels().category(name) {
            None => Some(format!("There is no category {}: add it in the label settings.", Quoted(name))),
            Some(def) if !def.allows(value) => Some(format!("{} is not a value of {}.", Quoted(value), Quoted(name))),
            Some(_) => None,
        };
        if let Some(why) = why {
            self.notice = Some(Notice::Error(why));
            return;
        }
        let before = value_of(&self.current().attributes, name).map(str::to_owned);
        if before.as_deref() == Some(value) {
            return;
        }
        self.edit(Edit::DocAttribute { name: name.to_owned(), before, after: Some(value.to_owned()) });
    }

    fn label_name(&self, id: &crate::model::label::LabelId) -> String {
        self.labels().get(id).map_or_else(|| id.as_str().to_owned(), |l| l.name.clone())
    }
}
