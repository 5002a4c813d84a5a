//! The list of documents: a text opened or pasted, switching, renaming, deleting and bringing
//! the last deleted one back. Each change to the list journals the workspace record.

use std::rc::Rc;

use super::{DocState, Editor, Notice, SEED_ID};
use crate::model::annotation::AnnotationSet;
use crate::model::document::Document;
use crate::model::input::{InputError, MAX_DOCUMENTS};
use crate::model::label::Labels;
use crate::model::persist::{WorkspaceRecord, Write};
use crate::model::project::Project;
use crate::model::title::{over_cap, visible};

impl Editor {
    /// Text pasted into the New document dialog; an empty paste is refused, and so are a text
    /// or a title over the cap of opened files (`title::over_cap`).
    pub(super) fn new_document(&mut self, title: &str, text: String) {
        let over = over_cap("The pasted text", text.len()).or_else(|| over_cap("The title", title.len()));
        if let Some(why) = over {
            self.notice = Some(Notice::Error(why));
        } else if text.trim().is_empty() {
            self.notice = Some(Notice::Error("The new document has no text: paste some first.".to_owned()));
        } else {
            let title = if title.trim().is_empty() { "Untitled".to_owned() } else { title.trim().to_owned() };
            self.open_text(title, text);
        }
    }

    pub(super) fn switch_document(&mut self, id: &str) {
        if let Some(i) = self.docs.iter().position(|d| d.id == id) {
            self.switch_to(i);
        }
    }

    /// A blank title, or the same one, changes nothing; one over the cap is refused.
    pub(super) fn rename_document(&mut self, id: &str, title: &str) {
        let title = title.trim();
        if title.is_empty() {
            return;
        }
        if let Some(why) = over_cap("The new title", title.len()) {
            self.notice = Some(Notice::Error(why));
            return;
        }
        if let Some(i) = self.docs.iter().position(|d| d.id == id) {
            let state = Rc::make_mut(&mut self.docs[i]);
            if state.doc.title() != visible(title) {
                state.doc = Rc::new(state.doc.retitled(title));
                let record = state.record();
                self.write(Write::doc(record));
            }
        }
    }

    /// Deletes a document (not the seed), keeping it in the trash for [`Editor::restore_deleted`].
    pub(super) fn delete_document(&mut self, id: &str) {
        if id == SEED_ID {
            self.notice = Some(Notice::Error("The seed article cannot be deleted.".to_owned()));
            return;
        }
        let Some(index) = self.docs.iter().position(|d| d.id == id) else { return };
        let state = self.docs.remove(index);
        let title = state.doc.title().to_owned();
        self.write(Write::delete_doc(&state.id));
        self.trash = Some((index, state));
        if self.current >= index && self.current > 0 {
            self.current -= 1;
        }
        self.selected = None;
        self.armed = None;
        self.write_workspace();
        self.notice = Some(Notice::Deleted(title));
    }

    /// Brings back the last deleted document where it stood, with its annotations and history.
    pub(super) fn restore_deleted(&mut self) {
        if let Some((at, state)) = self.trash.take() {
            let at = at.min(self.docs.len());
            let seq = self.journal.last_op();
            self.write(Write::doc(state.record()));
            self.write(Write::snapshot(state.snapshot(seq)));
            self.docs.insert(at, state);
            self.switch_to(at);
            self.notice = None;
        }
    }

    /// Opens a text as a new document, or switches to the open one with the same text.
    pub(super) fn open_text(&mut self, title: String, text: String) {
        let doc = match Document::new(title, text) {
            Ok(doc) => doc,
            Err(e) => {
                self.notice = Some(Notice::Error(e.to_string()));
                return;
            }
        };
        if let Some(i) = self.docs.iter().position(|d| d.doc.sha256() == doc.sha256()) {
            self.notice = Some(Notice::Info(format!(
                "{} has the same text as {}, which is open now.",
                doc.title(),
                self.docs[i].doc.title()
            )));
            self.switch_to(i);
            return;
        }
        if let Some(e) = self.no_room(doc.title(), 1) {
            return self.refuse(&e);
        }
        self.notice = None;
        let labels = Labels::news();
        self.add_document(Project::new(doc, labels, AnnotationSet::new()));
    }

    /// Adds a document after the others and opens it.
    pub(super) fn add_document(&mut self, project: Project) {
        let labels = Rc::new(project.labels.clone());
        self.push_document(project, labels);
        self.switch_to(self.docs.len() - 1);
    }

    /// Adds a document after the others without opening it or writing the workspace record (a
    /// file of many records adds them all, then writes the list once: a record per document
    /// holding the whole list made opening 20,000 of them quadratic). The document's id is new,
    /// so its writes supersede nothing in the journal and skip the search for what they would.
    /// The project's labels are `labels` (shared between the documents of one file).
    pub(super) fn push_document(&mut self, project: Project, labels: Rc<Labels>) {
        let id = format!("d{}", self.next_doc);
        self.next_doc += 1;
        let mut state = DocState::new(id, project.doc, labels);
        state.annotations = Rc::new(project.annotations);
        state.relations = Rc::new(project.relations);
        state.attributes = Rc::new(project.attributes);
        self.write_fresh(Write::doc(state.record()));
        if !state.annotations.is_empty() || !state.attributes.is_empty() {
            let seq = self.journal.last_op();
            self.write_fresh(Write::snapshot(state.snapshot(seq)));
        }
        self.docs.push(Rc::new(state));
    }

    /// Why `adding` more documents cannot be opened now, or `None` when there is room: checked
    /// before anything changes.
    pub(super) fn no_room(&self, name: &str, adding: usize) -> Option<InputError> {
        (self.docs.len().saturating_add(adding) > MAX_DOCUMENTS).then(|| InputError::TooManyDocuments {
            name: name.to_owned(),
            documents: adding,
            open: self.docs.len(),
        })
    }

    /// Opens the document at `index`; a different one drops the selection and the armed label.
    pub(super) fn switch_to(&mut self, index: usize) {
        if index != self.current {
            self.selected = None;
            self.armed = None;
        }
        self.current = index;
        self.write_workspace();
    }

    fn write_workspace(&mut self) {
        let record = WorkspaceRecord {
            order: self.docs.iter().map(|d| d.id.clone()).collect(),
            current: self.current().id.clone(),
            next_doc: self.next_doc,
        };
        self.write(Write::workspace(record));
    }
}
