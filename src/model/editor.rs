//! The editor's state and the verbs that change it. Pure: the browser edge turns events into
//! [`Action`]s, and side effects (storage, download, scrolling) happen outside [`Editor::apply`],
//! which only *journals* what must be stored (see [`crate::model::persist`]).

use std::rc::Rc;

use super::annotation::{Annotation, AnnotationId, AnnotationSet};
use super::document::Document;
use super::formats::spanmark::Project;
use super::formats::{self, Foreign, Report, Unit};
use super::history::{Edit, History};
use super::input::{self, Opened, Options};
use super::label::{LabelId, Labels};
use super::persist::{self, DocRecord, Op, OpRecord, SnapshotRecord, Stored, WorkspaceRecord, Write};
use super::span::Span;
use crate::support::quote::Quoted;

/// The id of the seed document, which is always there.
pub const SEED_ID: &str = "seed";

/// After this many ops on one document, its snapshot is rewritten and the ops dropped.
const OPS_PER_SNAPSHOT: u32 = 500;

/// One open document with its annotations and undo history.
#[derive(Clone, Debug)]
pub struct DocState {
    pub id: String,
    pub doc: Rc<Document>,
    pub labels: Rc<Labels>,
    /// Shared between successive states: an edit copies one chunk of the set, a selection nothing.
    pub annotations: Rc<AnnotationSet>,
    pub history: History,
    ops_since_snapshot: u32,
}

/// A message for the person, shown until dismissed or replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Error(String),
    Info(String),
    /// A document was deleted; it can be brought back.
    Deleted(String),
}

/// A spanmark file whose text is already open: waiting for the person to choose.
#[derive(Clone, Debug)]
pub struct PendingImport {
    pub name: String,
    pub target: String,
    pub project: Rc<Project>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportChoice {
    /// The file's annotations replace the open document's.
    Replace,
    /// The file's annotations join the open document's (exact duplicates dropped).
    Merge,
    /// The file opens as a separate document.
    Copy,
    Cancel,
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
    /// Writes not yet confirmed stored, numbered.
    journal: Vec<(u64, Write)>,
    journal_next: u64,
    next_op: u64,
    next_doc: u64,
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
    /// Deselects (a click on plain text).
    Deselect,
    /// Disarms and deselects.
    Escape,
    Undo,
    Redo,
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
    ResolveImport(ImportChoice),
    /// The unit doccano offsets are read and written in.
    SetDoccanoUnit(Unit),
    Notify(Notice),
    DismissNotice,
    /// The journal is stored up to this number.
    Saved(u64),
    /// Storage failed: work is not being saved.
    SaveFailed(String),
}

impl DocState {
    fn new(id: String, doc: Document, labels: Labels) -> DocState {
        DocState {
            id,
            doc: Rc::new(doc),
            labels: Rc::new(labels),
            annotations: Rc::new(AnnotationSet::new()),
            history: History::default(),
            ops_since_snapshot: 0,
        }
    }

    fn record(&self) -> DocRecord {
        DocRecord {
            id: self.id.clone(),
            title: self.doc.title().to_owned(),
            text: self.doc.text().to_owned(),
            labels: persist::labels_record(&self.labels),
        }
    }

    fn snapshot(&self, seq: u64) -> SnapshotRecord {
        SnapshotRecord {
            doc: self.id.clone(),
            seq,
            annotations: self.annotations.iter().map(persist::ann_record).collect(),
            done: self.history.done().iter().map(persist::edit_record).collect(),
            undone: self.history.undone().iter().map(persist::edit_record).collect(),
        }
    }
}

impl Editor {
    /// An editor with one document, the seed.
    pub fn new(doc: Document, labels: Labels) -> Editor {
        Editor {
            docs: vec![Rc::new(DocState::new(SEED_ID.to_owned(), doc, labels))],
            current: 0,
            selected: None,
            armed: None,
            flash: None,
            notice: None,
            pending: None,
            trash: None,
            saving: Saving::Saved,
            options: Options::default(),
            journal: Vec::new(),
            journal_next: 1,
            next_op: 1,
            next_doc: 1,
        }
    }

    /// Rebuilds the editor from what storage kept, around the seed document. Records that no
    /// longer make sense are skipped, and a notice says so.
    pub fn restore(seed: Document, labels: Labels, stored: Stored) -> Editor {
        let mut editor = Editor::new(seed, labels);
        let mut problems = Vec::new();
        editor.next_op =
            stored.ops.iter().map(|o| o.seq).chain(stored.snapshots.iter().map(|s| s.seq)).max().unwrap_or(0) + 1;
        let seed_record = editor.docs[0].record();
        let mut order: Vec<String> = stored.workspace.as_ref().map(|w| w.order.clone()).unwrap_or_default();
        if !order.iter().any(|id| id == SEED_ID) {
            order.insert(0, SEED_ID.to_owned());
        }
        // Documents missing from the order (a write cut short) still come back, at the end.
        for d in &stored.docs {
            if !order.contains(&d.id) {
                order.push(d.id.clone());
            }
        }
        let mut docs = Vec::new();
        for id in &order {
            let record = if id == SEED_ID { Some(&seed_record) } else { stored.docs.iter().find(|d| &d.id == id) };
            let Some(record) = record else { continue };
            let snapshot = stored.snapshots.iter().find(|s| &s.doc == id);
            let ops: Vec<&OpRecord> = stored.ops.iter().filter(|o| &o.doc == id).collect();
            match persist::rebuild(record, snapshot, &ops, &mut problems) {
                Ok(r) => docs.push(Rc::new(DocState {
                    id: id.clone(),
                    doc: r.doc,
                    labels: r.labels,
                    annotations: Rc::new(r.annotations),
                    history: r.history,
                    ops_since_snapshot: ops.len() as u32,
                })),
                Err(e) => problems.push(format!("a stored document could not be read: {e}")),
            }
        }
        if let Some(w) = &stored.workspace {
            editor.next_doc = w.next_doc;
        }
        editor.next_doc = editor.next_doc.max(
            docs.iter().filter_map(|d| d.id.strip_prefix('d').and_then(|n| n.parse::<u64>().ok())).max().unwrap_or(0)
                + 1,
        );
        editor.current =
            stored.workspace.as_ref().and_then(|w| docs.iter().position(|d| d.id == w.current)).unwrap_or(0);
        if !docs.is_empty() {
            editor.docs = docs;
        }
        if !problems.is_empty() {
            editor.notice = Some(Notice::Error(format!(
                "Some saved work could not be restored ({} problem{}): {}",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" },
                problems.into_iter().take(3).collect::<Vec<_>>().join("; ")
            )));
        }
        editor
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

    pub fn history(&self) -> &History {
        &self.current().history
    }

    /// Writes not yet confirmed stored, in order, with their numbers.
    pub fn unsaved(&self) -> &[(u64, Write)] {
        &self.journal
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Apply { label, selection } => {
                if self.labels().get(&label).is_none() {
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
                if self.labels().get(&label).is_some() {
                    self.annotate(label, span);
                }
            }
            Action::Relabel { id, label } => {
                if self.labels().get(&label).is_some() {
                    self.relabel(&id, label);
                }
            }
            Action::Remove(id) => {
                if let Some(removed) = self.annotations().get(&id).cloned() {
                    self.edit(Edit::Remove(removed));
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
                let covering = self.annotations().covering(at);
                let here = self.selected.as_ref().and_then(|s| covering.iter().position(|a| &a.id == s));
                let next = match here {
                    Some(i) => covering.get((i + 1) % covering.len()),
                    None => covering.first(),
                };
                self.selected = next.map(|a| a.id.clone());
            }
            Action::Select(id) => {
                if self.annotations().get(&id).is_some() {
                    self.selected = Some(id.clone());
                    self.flash_on(id);
                }
            }
            Action::Deselect => self.selected = None,
            Action::Escape => {
                self.armed = None;
                self.selected = None;
            }
            Action::Undo => self.step(Op::Undo),
            Action::Redo => self.step(Op::Redo),
            Action::OpenFile { name, bytes } => match input::open(&name, &bytes, self.options) {
                Ok(Opened::Text { title, text }) => self.open_text(title, text),
                Ok(Opened::Project(project)) => self.open_project(name, *project),
                Ok(Opened::Imported { format, docs }) => {
                    for (project, report) in docs {
                        self.open_imported(&name, format, project, report);
                    }
                }
                Ok(Opened::Onto { format, spans }) => self.place_onto_current(&name, format, &spans),
                Err(e) => self.notice = Some(Notice::Error(e.to_string())),
            },
            Action::SetDoccanoUnit(unit) => self.options.doccano_unit = unit,
            Action::NewDocument { title, text } => {
                if text.trim().is_empty() {
                    self.notice = Some(Notice::Error("The new document has no text: paste some first.".to_owned()));
                } else {
                    let title = if title.trim().is_empty() { "Untitled".to_owned() } else { title.trim().to_owned() };
                    self.open_text(title, text);
                }
            }
            Action::SwitchDocument(id) => {
                if let Some(i) = self.docs.iter().position(|d| d.id == id) {
                    self.switch_to(i);
                }
            }
            Action::RenameDocument { id, title } => {
                let title = title.trim();
                if title.is_empty() {
                    return;
                }
                if let Some(i) = self.docs.iter().position(|d| d.id == id) {
                    let state = Rc::make_mut(&mut self.docs[i]);
                    if state.doc.title() != title {
                        state.doc = Rc::new(state.doc.retitled(title));
                        let record = state.record();
                        self.write(Write::Doc(record));
                    }
                }
            }
            Action::DeleteDocument(id) => self.delete_document(&id),
            Action::RestoreDocument => {
                if let Some((at, state)) = self.trash.take() {
                    let at = at.min(self.docs.len());
                    let seq = self.next_op - 1;
                    self.write(Write::Doc(state.record()));
                    self.write(Write::Snapshot(state.snapshot(seq)));
                    self.docs.insert(at, state);
                    self.switch_to(at);
                    self.notice = None;
                }
            }
            Action::ResolveImport(choice) => self.resolve_import(choice),
            Action::Notify(notice) => self.notice = Some(notice),
            Action::DismissNotice => self.notice = None,
            Action::Saved(upto) => {
                // A write went through, so storage works (again, after a failure).
                self.journal.retain(|(n, _)| *n > upto);
                self.saving = if self.journal.is_empty() { Saving::Saved } else { Saving::Pending };
            }
            Action::SaveFailed(reason) => self.saving = Saving::Failed(reason),
        }
    }

    fn current_mut(&mut self) -> &mut DocState {
        Rc::make_mut(&mut self.docs[self.current])
    }

    fn write(&mut self, write: Write) {
        self.journal.push((self.journal_next, write));
        self.journal_next += 1;
        if !matches!(self.saving, Saving::Failed(_)) {
            self.saving = Saving::Pending;
        }
    }

    /// Journals an op on the open document, and a fresh snapshot when its ops pile up.
    fn log(&mut self, op: Op) {
        let seq = self.next_op;
        self.next_op += 1;
        let doc = self.current().id.clone();
        self.write(Write::Op(OpRecord { doc, seq, op }));
        let state = self.current_mut();
        state.ops_since_snapshot += 1;
        if state.ops_since_snapshot >= OPS_PER_SNAPSHOT {
            state.ops_since_snapshot = 0;
            let snapshot = state.snapshot(seq);
            self.write(Write::Snapshot(snapshot));
        }
    }

    /// Applies and records an edit to the open document.
    fn edit(&mut self, edit: Edit) -> bool {
        let state = self.current_mut();
        if !edit.apply(Rc::make_mut(&mut state.annotations)) {
            return false;
        }
        state.history.record(edit.clone());
        self.log(Op::Edit { edit: persist::edit_record(&edit) });
        true
    }

    fn step(&mut self, op: Op) {
        let state = self.current_mut();
        let done = match op {
            Op::Undo => state.history.undo(Rc::make_mut(&mut state.annotations)),
            _ => state.history.redo(Rc::make_mut(&mut state.annotations)),
        };
        if let Some(edit) = done {
            self.log(op);
            if self.selected.as_ref().is_some_and(|s| self.annotations().get(s).is_none()) {
                self.selected = None;
            }
            if let Some(subject) = edit.subject().filter(|s| self.annotations().get(s).is_some()) {
                self.flash_on(subject.clone());
            }
        }
    }

    fn annotate(&mut self, label: LabelId, span: Span) {
        let Some(span) = self.doc().tidy_selection(span) else { return };
        let id = Rc::make_mut(&mut self.current_mut().annotations).fresh_id();
        let annotation = Annotation { id, label, span };
        if self.annotations().twin(span, &annotation.label).is_some() {
            return;
        }
        self.edit(Edit::Add(annotation));
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

    fn switch_to(&mut self, index: usize) {
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
        self.write(Write::Workspace(record));
    }

    /// Adds a document after the others and opens it.
    fn add_document(&mut self, doc: Document, labels: Labels, annotations: AnnotationSet) {
        let id = format!("d{}", self.next_doc);
        self.next_doc += 1;
        let mut state = DocState::new(id, doc, labels);
        state.annotations = Rc::new(annotations);
        self.write(Write::Doc(state.record()));
        if !state.annotations.is_empty() {
            let seq = self.next_op - 1;
            self.write(Write::Snapshot(state.snapshot(seq)));
        }
        self.docs.push(Rc::new(state));
        self.switch_to(self.docs.len() - 1);
    }

    fn open_text(&mut self, title: String, text: String) {
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
        self.notice = None;
        let labels = Labels::news();
        self.add_document(doc, labels, AnnotationSet::new());
    }

    fn open_project(&mut self, name: String, project: Project) {
        if let Some(target) = self.docs.iter().find(|d| d.doc.sha256() == project.doc.sha256()) {
            self.pending = Some(PendingImport { name, target: target.id.clone(), project: Rc::new(project) });
            return;
        }
        self.notice = Some(Notice::Info(format!(
            "Opened {name}: {} annotation{}.",
            project.annotations.len(),
            if project.annotations.len() == 1 { "" } else { "s" }
        )));
        self.add_document(project.doc, project.labels, project.annotations);
    }

    /// A document from another tool's file: opened like a spanmark file (asking when its text is
    /// already open), with a note of how its spans were placed.
    fn open_imported(&mut self, name: &str, format: &str, project: Project, report: Report) {
        let note = format!("Opened {name} ({format}): {report}.");
        if self.docs.iter().any(|d| d.doc.sha256() == project.doc.sha256()) {
            // One question at a time: a second same-text document waits to be opened again.
            if self.pending.is_none() {
                self.open_project(name.to_owned(), project);
                self.notice = Some(Notice::Info(note));
            }
            return;
        }
        self.add_document(project.doc, project.labels, project.annotations);
        self.notice = Some(if report.lost.is_empty() && report.hint.is_none() {
            Notice::Info(note)
        } else {
            Notice::Error(note)
        });
    }

    /// Spans that came without their text (W3C, Recogito, brat `.ann`): placed on the open
    /// document, by offsets and quote, as one undoable step.
    fn place_onto_current(&mut self, name: &str, format: &str, spans: &[Foreign]) {
        let doc = self.doc().clone();
        let mut labels: Vec<super::label::Label> = self.labels().iter().cloned().collect();
        let mut scratch: AnnotationSet = self.annotations().clone();
        let (report, added) = formats::place_into(&doc, &mut labels, &mut scratch, spans);
        let edits: Vec<Edit> = added.into_iter().map(Edit::Add).collect();
        if report.placed == 0 {
            let why = if report.duplicates > 0 { "they are all there already" } else { "none fits its text" };
            self.notice = Some(Notice::Error(format!(
                "{name} ({format}) holds {} annotation{} for “{}”, but {why}: open the text they belong to first.",
                spans.len(),
                if spans.len() == 1 { "" } else { "s" },
                doc.title()
            )));
            return;
        }
        if labels.len() != self.labels().iter().count() {
            if let Ok(labels) = Labels::new(labels) {
                let state = self.current_mut();
                state.labels = Rc::new(labels);
                let record = state.record();
                self.write(Write::Doc(record));
            }
        }
        self.edit(Edit::Batch(edits));
        self.selected = None;
        let note = format!("Added from {name} ({format}): {report}.");
        self.notice = Some(if report.lost.is_empty() { Notice::Info(note) } else { Notice::Error(note) });
    }

    fn resolve_import(&mut self, choice: ImportChoice) {
        let Some(pending) = self.pending.take() else { return };
        let Some(index) = self.docs.iter().position(|d| d.id == pending.target) else { return };
        let project = &pending.project;
        if choice == ImportChoice::Cancel {
            return;
        }
        if choice == ImportChoice::Copy {
            let title = format!("{} (copy)", project.doc.title());
            let doc = project.doc.retitled(&title);
            self.add_document(doc, project.labels.clone(), project.annotations.clone());
            return;
        }
        self.switch_to(index);
        let unknown: Vec<&str> = project
            .annotations
            .iter()
            .filter(|a| self.labels().get(&a.label).is_none())
            .map(|a| a.label.as_str())
            .collect();
        if let Some(label) = unknown.first() {
            self.notice = Some(Notice::Error(format!(
                "{} uses label {}, which {} does not have; open it as a copy instead.",
                pending.name,
                Quoted(label),
                self.doc().title()
            )));
            return;
        }
        let mut edits = Vec::new();
        let (mut added, mut dropped) = (0, 0);
        let mut scratch: AnnotationSet = self.annotations().clone();
        if choice == ImportChoice::Replace {
            for a in self.annotations().iter() {
                edits.push(Edit::Remove(a.clone()));
            }
            scratch = AnnotationSet::new();
        }
        for a in project.annotations.iter() {
            if scratch.iter().any(|b| b.span == a.span && b.label == a.label) {
                dropped += 1;
                continue;
            }
            let mut a = a.clone();
            if scratch.get(&a.id).is_some() || self.annotations().get(&a.id).is_some() && choice == ImportChoice::Merge
            {
                a.id = scratch.fresh_id();
            }
            if scratch.insert(a.clone()).is_ok() {
                edits.push(Edit::Add(a));
                added += 1;
            }
        }
        if !edits.is_empty() {
            self.edit(Edit::Batch(edits));
        }
        self.selected = None;
        self.notice = Some(Notice::Info(match choice {
            ImportChoice::Replace => {
                format!("Replaced the annotations of {} with the {added} in {}.", self.doc().title(), pending.name)
            }
            _ => format!(
                "Merged {}: {added} added, {dropped} exact duplicate{} dropped.",
                pending.name,
                if dropped == 1 { "" } else { "s" }
            ),
        }));
    }

    fn delete_document(&mut self, id: &str) {
        if id == SEED_ID {
            self.notice = Some(Notice::Error("The seed article cannot be deleted.".to_owned()));
            return;
        }
        let Some(index) = self.docs.iter().position(|d| d.id == id) else { return };
        let state = self.docs.remove(index);
        let title = state.doc.title().to_owned();
        self.write(Write::DeleteDoc { id: state.id.clone() });
        self.trash = Some((index, state));
        if self.current >= index && self.current > 0 {
            self.current -= 1;
        }
        self.selected = None;
        self.armed = None;
        self.write_workspace();
        self.notice = Some(Notice::Deleted(title));
    }
}
