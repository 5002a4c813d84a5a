//! The editor's state and the verbs that change it. Pure: the browser edge turns events into
//! [`Action`]s, and side effects (storage, download, scrolling) happen outside [`Editor::apply`],
//! which only *journals* what must be stored (see [`crate::model::persist`]).
//!
//! `apply` only dispatches: each group of verbs is a room of its own, an `impl Editor` block in
//! one file. A new group of verbs is a new file here and one arm per verb in `apply`.
//!
//! - `documents`: open a text, new, switch, rename, delete, bring a deleted one back;
//! - `annotate`: the label keys, tag, relabel, remove, click/select/deselect, undo and redo;
//! - `labels`: the open document's labels changed (the Labels dialog), as undoable edits;
//! - `relate`: relations (link, unlink), notes, attributes and the document's categories;
//! - `import`: opened files (spanmark, another tool's, spans onto the open text) and the
//!   replace/merge/copy question;
//! - `journal`: what must be stored, in order, and when a snapshot folds the ops;
//! - `restore`: the editor rebuilt from what storage kept;
//! - `adjudicate`: the adjudicated document the Compare view makes;
//! - `tabs`: read-only while another tab holds the writer lock, and taking over from it.

mod adjudicate;
mod annotate;
mod documents;
mod import;
mod journal;
mod labels;
mod relate;
mod restore;
mod tabs;

use std::rc::Rc;

use super::adjudication::Chosen;
use super::annotation::{AnnotationId, AnnotationSet};
use super::document::Document;
use super::history::{History, Work};
use super::input::{Options, Unit};
use super::label::{LabelId, Labels};
use super::label_edit::LabelChange;
use super::persist::Write;
use super::relation::{RelationId, Relations};
use super::span::Span;
use crate::support::time::Time;

pub use adjudicate::ADJUDICATED;
pub use import::{ImportChoice, PendingImport};
use journal::Journal;
pub use tabs::{Restored, READ_ONLY_NOTICE};

/// The id of the seed document, which is always there.
pub const SEED_ID: &str = "seed";

/// One open document with its annotations and undo history.
#[derive(Clone, Debug)]
pub struct DocState {
    pub id: String,
    pub doc: Rc<Document>,
    pub labels: Rc<Labels>,
    /// Shared between successive states: an edit copies one chunk of the set, a selection nothing.
    pub annotations: Rc<AnnotationSet>,
    /// The relations between `annotations` (both ends of each are there); shared like them.
    pub relations: Rc<Relations>,
    /// The document's own category values, sorted by name, only those set explicitly (one
    /// missing reads as its definition's default: [`Labels::doc_attribute`]).
    pub attributes: Rc<Vec<(String, String)>>,
    pub history: History,
    /// Ops journalled since this document's last snapshot (see `journal`).
    ops_since_snapshot: u32,
}

/// A message for the person, shown until dismissed or replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Error(String),
    /// A file that could not be opened: what is wrong and what to do, in a person's words, and
    /// the technical detail (a field path, a line and column) drawn smaller, when there is one.
    Refused {
        text: String,
        detail: Option<String>,
    },
    Info(String),
    /// A document was deleted; it can be brought back.
    Deleted(String),
}

/// Whether the work is safely stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saving {
    Saved,
    Pending,
    /// Storage failed or is missing: work is not being saved.
    Failed(String),
}

#[derive(Clone, Debug)]
pub struct Editor {
    pub docs: Vec<Rc<DocState>>,
    /// Index into `docs` of the open document; always valid (`docs` is never empty).
    current: usize,
    /// The annotation the user picked (to relabel or remove).
    pub selected: Option<AnnotationId>,
    /// A label that tags the next text selection at once.
    pub armed: Option<LabelId>,
    /// An annotation to scroll to and flash; the number changes on every request.
    pub flash: Option<(AnnotationId, u32)>,
    pub notice: Option<Notice>,
    pub pending: Option<PendingImport>,
    /// The last deleted document and where it stood, for undo.
    pub trash: Option<(usize, Rc<DocState>)>,
    pub saving: Saving,
    /// How files that cannot show their offset unit are read (and doccano files written).
    pub options: Options,
    /// Writes not yet confirmed stored.
    journal: Journal,
    /// The number the next document id (`d<n>`) gets.
    next_doc: u64,
    /// Another tab of this browser holds the writer lock. While true, every action that would
    /// change the work is refused with a notice, and nothing new is journalled.
    pub read_only: bool,
}

/// What a person can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// A label's hotkey or button. With text selected, tags it; else with an annotation selected,
    /// relabels it; else arms the label (or disarms it, if it was armed).
    Apply {
        label: LabelId,
        selection: Option<Span>,
    },
    /// The mouse let go of a text selection: tagged at once if a label is armed.
    SelectText(Span),
    /// Tags `span` (tidied: snapped to graphemes, whitespace trimmed) with `label`.
    Annotate {
        label: LabelId,
        span: Span,
    },
    /// Tags each of `spans` (tidied) with `label` as one undoable step, skipping those that
    /// already have it (Annotate all, accept all suggestions).
    AnnotateAll {
        label: LabelId,
        spans: Rc<Vec<Span>>,
    },
    Relabel {
        id: AnnotationId,
        label: LabelId,
    },
    Remove(AnnotationId),
    /// Removes the selected annotation, if any (Delete, Backspace).
    RemoveSelected,
    /// A click on highlighted text at a code point: selects the outermost annotation there, and
    /// on further clicks the next one down.
    ClickAt(u32),
    /// Selects an annotation and brings it into view (from the list).
    Select(AnnotationId),
    /// Selects the next annotation in text order after the selected one (or, with `back`, the
    /// one before), else the first (the last), and brings it into view (J, K).
    SelectNext {
        back: bool,
    },
    /// Deselects (a click on plain text).
    Deselect,
    /// Disarms and deselects.
    Escape,
    Undo,
    Redo,
    /// A relation of type `kind` from one annotation to another: one undoable step, or a
    /// notice (nothing changed) when an end is missing, the type unknown, or it is there already.
    Link {
        from: AnnotationId,
        to: AnnotationId,
        kind: String,
    },
    /// Removes a relation.
    Unlink(RelationId),
    /// Sets an annotation's note; `""` (or only whitespace) removes it.
    SetNote {
        id: AnnotationId,
        note: String,
    },
    /// Sets an attribute of an annotation to one of the values its label defines for it.
    SetAttribute {
        id: AnnotationId,
        name: String,
        value: String,
    },
    /// Sets one of the document's categories to one of its values.
    SetDocAttribute {
        name: String,
        value: String,
    },
    /// A change to the open document's labels (the Labels dialog): one undoable step, or a
    /// notice saying why not.
    ChangeLabels(LabelChange),
    /// A file's bytes, read by the edge: a text opens as a new document, a spanmark file resumes.
    OpenFile {
        name: String,
        bytes: Rc<Vec<u8>>,
    },
    /// Text pasted into the New document dialog.
    NewDocument {
        title: String,
        text: String,
    },
    SwitchDocument(String),
    RenameDocument {
        id: String,
        title: String,
    },
    DeleteDocument(String),
    /// Brings back the last deleted document.
    RestoreDocument,
    /// Opens "<title> — adjudicated": the open document's text with these spans (Compare).
    Adjudicated(Rc<Vec<Chosen>>),
    ResolveImport(ImportChoice),
    /// The unit doccano offsets are read and written in.
    SetDoccanoUnit(Unit),
    Notify(Notice),
    DismissNotice,
    /// The journal is stored up to this number.
    Saved(u64),
    /// Storage failed: work is not being saved.
    SaveFailed(String),
    /// Another tab took the writer lock: this one only shows the work from now on.
    ReadOnly,
    /// This tab took the writer lock: the editor storage holds now replaces this one's.
    TakeOver(Restored),
}

impl DocState {
    fn new(id: String, doc: Document, labels: Rc<Labels>) -> DocState {
        DocState {
            id,
            doc: Rc::new(doc),
            labels,
            annotations: Rc::new(AnnotationSet::new()),
            relations: Rc::new(Relations::new()),
            attributes: Rc::new(Vec::new()),
            history: History::default(),
            ops_since_snapshot: 0,
        }
    }

    /// What its edits change, to apply one.
    pub(super) fn work(&mut self) -> (Work<'_>, &mut History) {
        let work = Work {
            labels: &mut self.labels,
            annotations: &mut self.annotations,
            relations: &mut self.relations,
            attributes: &mut self.attributes,
        };
        (work, &mut self.history)
    }
}

impl Editor {
    /// An editor with one document, the seed.
    pub fn new(doc: Document, labels: Labels) -> Editor {
        Editor {
            docs: vec![Rc::new(DocState::new(SEED_ID.to_owned(), doc, Rc::new(labels)))],
            current: 0,
            selected: None,
            armed: None,
            flash: None,
            notice: None,
            pending: None,
            trash: None,
            saving: Saving::Saved,
            options: Options::default(),
            journal: Journal::default(),
            next_doc: 1,
            read_only: false,
        }
    }

    /// The open document.
    pub fn current(&self) -> &DocState {
        &self.docs[self.current]
    }

    pub fn doc(&self) -> &Rc<Document> {
        &self.current().doc
    }

    pub fn labels(&self) -> &Rc<Labels> {
        &self.current().labels
    }

    pub fn annotations(&self) -> &AnnotationSet {
        &self.current().annotations
    }

    pub fn relations(&self) -> &Relations {
        &self.current().relations
    }

    pub fn history(&self) -> &History {
        &self.current().history
    }

    /// Writes not yet confirmed stored, in order, with their numbers.
    pub fn unsaved(&self) -> &[(u64, Write)] {
        self.journal.entries()
    }

    /// What the autosave runs again on: the first and last write waiting, and the last one
    /// storage confirmed (0 before any). The confirmation is part of it because after one what
    /// waits may look the same as before it (a write made while its predecessor was being
    /// stored can supersede it), yet need storing.
    pub fn unsaved_mark(&self) -> (Option<u64>, Option<u64>, u64) {
        let unsaved = self.journal.entries();
        (unsaved.first().map(|(n, _)| *n), unsaved.last().map(|(n, _)| *n), self.journal.stored())
    }

    /// Does what the person did at `now`: one call into the room that knows how. The model reads
    /// no clock; the time comes with the action (the Yew reducer passes the browser's), and an
    /// annotation or relation made by the action is `created` then.
    pub fn apply_at(&mut self, action: Action, now: Time) {
        self.dispatch(action, Some(now));
    }

    /// [`Editor::apply_at`] with no time known (tests, replays): an annotation or relation made
    /// by the action has no `created`.
    pub fn apply(&mut self, action: Action) {
        self.dispatch(action, None);
    }

    fn dispatch(&mut self, action: Action, now: Option<Time>) {
        if self.read_only && !tabs::allowed_read_only(&action, self.armed.is_some()) {
            self.refuse_read_only();
            return;
        }
        match action {
            Action::Apply { label, selection } => self.apply_label(label, selection, now),
            Action::SelectText(span) => self.select_text(span, now),
            Action::Annotate { label, span } => self.annotate_checked(label, span, now),
            Action::AnnotateAll { label, spans } => self.annotate_all(label, &spans, now),
            Action::Relabel { id, label } => self.relabel_checked(&id, label),
            Action::Remove(id) => self.remove(&id),
            Action::RemoveSelected => self.remove_selected(),
            Action::ClickAt(at) => self.click_at(at),
            Action::Select(id) => self.select(id),
            Action::SelectNext { back } => self.select_next(back),
            Action::Deselect => self.selected = None,
            Action::Escape => self.escape(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Link { from, to, kind } => self.link(from, to, kind, now),
            Action::Unlink(id) => self.unlink(&id),
            Action::SetNote { id, note } => self.set_note(&id, &note),
            Action::SetAttribute { id, name, value } => self.set_attribute(&id, &name, &value),
            Action::SetDocAttribute { name, value } => self.set_doc_attribute(&name, &value),
            Action::ChangeLabels(change) => self.change_labels(change),
            Action::OpenFile { name, bytes } => self.open_file(name, &bytes),
            Action::SetDoccanoUnit(unit) => self.options.doccano_unit = unit,
            Action::NewDocument { title, text } => self.new_document(&title, text),
            Action::SwitchDocument(id) => self.switch_document(&id),
            Action::RenameDocument { id, title } => self.rename_document(&id, &title),
            Action::DeleteDocument(id) => self.delete_document(&id),
            Action::RestoreDocument => self.restore_deleted(),
            Action::Adjudicated(chosen) => self.adjudicated(&chosen, now),
            Action::ResolveImport(choice) => self.resolve_import(choice),
            Action::Notify(notice) => self.notice = Some(notice),
            Action::DismissNotice => self.notice = None,
            Action::Saved(upto) => self.saved(upto),
            Action::SaveFailed(reason) => self.save_failed(reason),
            Action::ReadOnly => self.become_read_only(),
            Action::TakeOver(restored) => self.take_over(&restored),
        }
    }

    fn current_mut(&mut self) -> &mut DocState {
        Rc::make_mut(&mut self.docs[self.current])
    }
}
