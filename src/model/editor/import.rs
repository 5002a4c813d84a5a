//! Opened files: a text, a spanmark file, another tool's file (with or without its text), and
//! the question asked when a file's text is already open (replace, merge, copy).

use std::rc::Rc;

use super::{labels, Editor, Notice};
use crate::model::annotation::{AnnotationId, AnnotationSet};
use crate::model::definitions::value_of;
use crate::model::history::Edit;
use crate::model::input::{self, place_coded, Foreign, ForeignRelation, Foreigns, InputError, Opened, Report};
use crate::model::label::{LabelId, Labels};
use crate::model::project::Project;
use crate::model::relation::{Relation, Relations};
use crate::model::title::visible;
use crate::support::order::Index;

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

impl Editor {
    /// A file's bytes: a text opens as a new document, a spanmark file resumes, another tool's
    /// file opens (or lands on the open text); a file that cannot be read only says why.
    pub(super) fn open_file(&mut self, name: String, bytes: &[u8]) {
        // The name titles documents and is quoted in messages: shown as a title is.
        let name = visible(&name);
        match input::open(&name, bytes, self.options) {
            Ok(Opened::Text { title, text }) => self.open_text(title, text),
            Ok(Opened::Project(project)) => self.open_project(name, *project),
            Ok(Opened::Imported { format, docs }) => self.open_imported(&name, format, docs),
            Ok(Opened::Onto { format, spans, relations }) => self.place_onto_current(&name, format, &spans, &relations),
            Err(e) => self.refuse(&e),
        }
    }

    /// Says why a file was not opened.
    pub(super) fn refuse(&mut self, e: &InputError) {
        self.notice = Some(Notice::Refused { text: e.to_string(), detail: e.detail() });
    }

    fn open_project(&mut self, name: String, project: Project) {
        if let Some(target) = self.docs.iter().find(|d| d.doc.sha256() == project.doc.sha256()) {
            self.pending = Some(PendingImport { name, target: target.id.clone(), project: Rc::new(project) });
            return;
        }
        if let Some(e) = self.no_room(&name, 1) {
            return self.refuse(&e);
        }
        self.notice = Some(Notice::Info(format!(
            "Opened {name}: {} annotation{}.",
            project.annotations.len(),
            if project.annotations.len() == 1 { "" } else { "s" }
        )));
        self.add_document(project);
    }

    /// Documents from another tool's file, each opened like a spanmark file (asking when its
    /// text is already open, once per file), with a note of how its spans were placed; the last
    /// one added is opened. Refused whole, before anything changes, when they would take the
    /// documents past [`MAX_DOCUMENTS`](crate::model::input::MAX_DOCUMENTS). Linear in the
    /// records: the texts already open are found by one sort of fingerprints, not a scan per
    /// record, the list of documents is written once, and records whose labels are the same
    /// share one label set.
    fn open_imported(&mut self, name: &str, format: &str, docs: Vec<(Project, Report)>) {
        let open = self.already_open(&docs);
        if let Some(e) = self.no_room(name, open.iter().filter(|o| !**o).count()) {
            return self.refuse(&e);
        }
        let before = self.docs.len();
        let mut shared: Option<Rc<Labels>> = None;
        for ((project, report), open) in docs.into_iter().zip(open) {
            let note = format!("Opened {name} ({format}): {report}.");
            if open {
                // One question at a time: a second same-text document waits to be opened again.
                if self.pending.is_none() {
                    self.open_project(name.to_owned(), project);
                    self.notice = Some(Notice::Info(note));
                }
                continue;
            }
            let labels = match shared.take() {
                Some(labels) if *labels == project.labels => labels,
                _ => Rc::new(project.labels.clone()),
            };
            shared = Some(labels.clone());
            self.push_document(project, labels);
            self.notice = Some(if report.lost.is_empty() && report.hint.is_none() {
                Notice::Info(note)
            } else {
                Notice::Error(note)
            });
        }
        if self.docs.len() > before {
            self.switch_to(self.docs.len() - 1);
        }
    }

    /// For each of `docs`, whether its text is open already or comes earlier in `docs`: one
    /// index of the fingerprints (open documents first, then `docs` in order), not a scan of the
    /// open documents per record.
    fn already_open(&self, docs: &[(Project, Report)]) -> Vec<bool> {
        let open = self.docs.len();
        let mut hashes = Vec::with_capacity(open + docs.len());
        hashes.extend(self.docs.iter().map(|d| d.doc.sha256()));
        hashes.extend(docs.iter().map(|(p, _)| p.doc.sha256()));
        let mut repeat = vec![false; docs.len()];
        for at in Index::new(hashes).repeats() {
            if let Some(r) = at.checked_sub(open).and_then(|i| repeat.get_mut(i)) {
                *r = true;
            }
        }
        repeat
    }

    /// Spans that came without their text (W3C, Recogito, brat `.ann`): placed on the open
    /// document, by offsets and quote, with their notes, attributes and the relations between
    /// them, as one undoable step (with any label or definition they bring); refused whole,
    /// nothing changed, when a value does not fit its definition.
    fn place_onto_current(
        &mut self,
        name: &str,
        format: &'static str,
        spans: &[Foreign],
        relations: &[ForeignRelation],
    ) {
        let doc = self.doc().clone();
        let mut scratch: AnnotationSet = self.annotations().clone();
        let mut links: Relations = self.relations().clone();
        let file = Foreigns { spans, relations, categories: &[] };
        let placed = match place_coded(format, &doc, self.labels(), &mut scratch, &mut links, file) {
            Ok(placed) => placed,
            Err(error) => return self.refuse(&InputError::Format { name: name.to_owned(), error }),
        };
        let report = placed.report;
        if report.placed == 0 && report.relations == 0 {
            let why = if report.duplicates > 0 { "they are all there already" } else { "none fits its text" };
            self.notice = Some(Notice::Error(format!(
                "{name} ({format}) holds {} annotation{} for “{}”, but {why}: open the text they belong to first.",
                spans.len(),
                if spans.len() == 1 { "" } else { "s" },
                doc.title()
            )));
            return;
        }
        let mut edits: Vec<Edit> = Vec::new();
        if placed.labels != **self.labels() {
            edits.push(Edit::Labels { before: self.labels().clone(), after: Rc::new(placed.labels) });
        }
        edits.extend(placed.added.into_iter().map(Edit::Add));
        edits.extend(placed.linked.into_iter().map(Edit::Link));
        self.edit_with_labels(Edit::Batch(edits));
        self.selected = None;
        let note = format!("Added from {name} ({format}): {report}.");
        self.notice = Some(if report.lost.is_empty() { Notice::Info(note) } else { Notice::Error(note) });
    }

    /// The person's answer to the pending question: the file's annotations replace or join the
    /// open document's (one undoable step), or the file opens as a copy, or nothing happens.
    pub(super) fn resolve_import(&mut self, choice: ImportChoice) {
        let Some(pending) = self.pending.take() else { return };
        let Some(index) = self.docs.iter().position(|d| d.id == pending.target) else { return };
        let project = &pending.project;
        if choice == ImportChoice::Cancel {
            return;
        }
        if choice == ImportChoice::Copy {
            if let Some(e) = self.no_room(&pending.name, 1) {
                return self.refuse(&e);
            }
            let title = format!("{} (copy)", project.doc.title());
            let doc = project.doc.retitled(&title);
            self.add_document(Project { doc, annotator: None, ..(**project).clone() });
            return;
        }
        self.switch_to(index);
        let (rename, extra) = labels::missing(self.labels(), project);
        let added_names: Vec<String> = extra.iter().map(|l| l.name.clone()).collect();
        let covered = |id: &LabelId| {
            self.labels().get(id).is_some()
                || rename.iter().any(|(from, _)| from == id)
                || extra.iter().any(|l| &l.id == id)
        };
        let all_covered = project.annotations.iter().all(|a| covered(&a.label));
        let mut edits = Vec::new();
        let labels_edit = labels::extended(self.labels(), extra, project.labels.relation_types());
        if !all_covered || labels_edit.is_none() && !added_names.is_empty() {
            self.notice = Some(Notice::Error(format!(
                "{} brings labels this document cannot take; open it as a copy instead.",
                pending.name
            )));
            return;
        }
        let after = match &labels_edit {
            Some(Edit::Labels { after, .. }) => after.clone(),
            _ => self.labels().clone(),
        };
        edits.extend(labels_edit);
        let (mut added, mut dropped) = (0, 0);
        let mut scratch: AnnotationSet = self.annotations().clone();
        let mut links: Relations = self.relations().clone();
        if choice == ImportChoice::Replace {
            edits.extend(self.relations().iter().cloned().map(Edit::Unlink));
            for a in self.annotations().iter() {
                edits.push(Edit::Remove(a.clone()));
            }
            scratch = AnnotationSet::new();
            links = Relations::new();
        }
        // The file's annotation ids, as they are in the document after the merge (a twin's, or
        // a fresh id where the file's is taken).
        let mut ids: Vec<(AnnotationId, AnnotationId)> = Vec::new();
        for a in project.annotations.iter() {
            let mut a = a.clone();
            if let Some((_, to)) = rename.iter().find(|(from, _)| *from == a.label) {
                a.label = to.clone();
            }
            let theirs = a.id.clone();
            if let Some(twin) = scratch.twin(a.span, &a.label) {
                ids.push((theirs, twin.id.clone()));
                dropped += 1;
                continue;
            }
            if scratch.get(&a.id).is_some() || self.annotations().get(&a.id).is_some() && choice == ImportChoice::Merge
            {
                a.id = scratch.fresh_id();
            }
            // Only the attribute values the document's definitions allow come along.
            let defs = after.get(&a.label).map_or(&[][..], |l| &l.attributes[..]);
            a.attributes.retain(|(n, v)| defs.iter().any(|d| &d.name == n && d.allows(v)));
            if scratch.insert(a.clone()).is_ok() {
                ids.push((theirs, a.id.clone()));
                edits.push(Edit::Add(a));
                added += 1;
            }
        }
        crate::support::order::sort_by(&mut ids, |a, b| a.0.cmp(&b.0));
        let ours =
            |id: &AnnotationId| ids.binary_search_by(|(theirs, _)| theirs.cmp(id)).ok().map(|i| ids[i].1.clone());
        for r in project.relations.iter() {
            let (Some(from), Some(to)) = (ours(&r.from), ours(&r.to)) else { continue };
            if from == to || after.relation_type(&r.kind).is_none() || links.twin(&from, &to, &r.kind).is_some() {
                continue;
            }
            let id = if links.get(&r.id).is_some() { links.next_id() } else { r.id.clone() };
            let r = Relation { id, from, to, kind: r.kind.clone(), created: r.created };
            if links.insert(r.clone()).is_ok() {
                edits.push(Edit::Link(r));
            }
        }
        // The file's categories: all of them on a replace, those the document has not set on a merge.
        let values = self.current().attributes.clone();
        for (name, value) in &project.attributes {
            let now = value_of(&values, name);
            let fits = after.category(name).is_some_and(|d| d.allows(value));
            if fits && now != Some(value) && (now.is_none() || choice == ImportChoice::Replace) {
                let before = now.map(str::to_owned);
                edits.push(Edit::DocAttribute { name: name.clone(), before, after: Some(value.clone()) });
            }
        }
        if choice == ImportChoice::Replace {
            for (name, value) in values.iter().filter(|(n, _)| value_of(&project.attributes, n).is_none()) {
                edits.push(Edit::DocAttribute { name: name.clone(), before: Some(value.clone()), after: None });
            }
        }
        if !edits.is_empty() {
            self.edit_with_labels(Edit::Batch(edits));
        }
        self.selected = None;
        let new_labels = match added_names.len() {
            0 => String::new(),
            1 => format!(" Label added: {}.", added_names[0]),
            _ => format!(" Labels added: {}.", added_names.join(", ")),
        };
        self.notice = Some(Notice::Info(match choice {
            ImportChoice::Replace => format!(
                "Replaced the annotations of {} with the {added} in {}.{new_labels}",
                self.doc().title(),
                pending.name
            ),
            _ => format!(
                "Merged {}: {added} added, {dropped} exact duplicate{} dropped.{new_labels}",
                pending.name,
                if dropped == 1 { "" } else { "s" }
            ),
        }));
    }
}
