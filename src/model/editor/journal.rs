//! The journal: the writes that must reach storage, in order, numbered, until storage confirms
//! them; and the snapshot policy, which folds a document's ops into one record every
//! [`OPS_PER_SNAPSHOT`].

use super::{DocState, Editor, Saving};
use crate::model::persist::{self, DocRecord, Op, OpRecord, SnapshotRecord, Write};

/// After this many ops on one document, its snapshot is rewritten and the ops dropped.
const OPS_PER_SNAPSHOT: u32 = 500;

/// Writes not yet confirmed stored, numbered from 1 in the order made. Cloned with the editor
/// on every action: the entries share their records ([`crate::model::persist::Shared`]).
#[derive(Clone, Debug)]
pub(super) struct Journal {
    entries: Vec<(u64, Write)>,
    /// The number the next write gets.
    next: u64,
    /// The seq the next op gets; it grows across all documents.
    pub(super) next_op: u64,
    /// The last write storage confirmed (0 before any): it changes on every confirmation, even
    /// when what waits does not (a write made while the one before it was being stored can
    /// supersede it, leaving the same single entry before and after).
    stored: u64,
}

impl Default for Journal {
    fn default() -> Self {
        Journal { entries: Vec::new(), next: 1, next_op: 1, stored: 0 }
    }
}

impl Journal {
    pub(super) fn entries(&self) -> &[(u64, Write)] {
        &self.entries
    }

    /// The seq of the last op made (0 before any): a snapshot taken now stands after it.
    pub(super) fn last_op(&self) -> u64 {
        self.next_op - 1
    }

    /// Adds a write, dropping the earlier ones it supersedes (see [`Write::supersedes`]): while
    /// storage fails nothing drains, and this keeps what waits to at most, per document, one
    /// record (so one copy of its text), one snapshot and the ops after it (fewer than
    /// [`OPS_PER_SNAPSHOT`]), plus one deletion per deleted document and one workspace record.
    /// Storing what is left, over whatever part of the journal was stored already, gives what
    /// storing all of it would have.
    fn push(&mut self, write: Write) {
        self.entries.retain(|(_, earlier)| !write.supersedes(earlier));
        self.entries.push((self.next, write));
        self.next += 1;
    }

    /// Adds a write about a document made just now, which supersedes nothing written before it
    /// (ids are never reused): no search of what waits.
    fn push_fresh(&mut self, write: Write) {
        self.entries.push((self.next, write));
        self.next += 1;
    }

    /// Storage holds every write up to `upto`.
    fn saved(&mut self, upto: u64) {
        self.entries.retain(|(n, _)| *n > upto);
        self.stored = self.stored.max(upto);
    }

    pub(super) fn stored(&self) -> u64 {
        self.stored
    }
}

impl DocState {
    pub(super) fn record(&self) -> DocRecord {
        DocRecord {
            id: self.id.clone(),
            title: self.doc.title().to_owned(),
            text: self.doc.text().to_owned(),
            labels: persist::labels_record(&self.labels),
            definitions: Some(persist::definitions_record(&self.labels)),
        }
    }

    /// The document's annotations and history as they stand after op `seq`.
    pub(super) fn snapshot(&self, seq: u64) -> SnapshotRecord {
        let mut annotations = Vec::with_capacity(self.annotations.len());
        for a in self.annotations.iter() {
            annotations.push(persist::ann_record(a));
        }
        let mut relations = Vec::new();
        for r in self.relations.iter() {
            relations.push(r.clone());
        }
        SnapshotRecord {
            doc: self.id.clone(),
            seq,
            labels: Some(persist::labels_record(&self.labels)),
            definitions: Some(persist::definitions_record(&self.labels)),
            annotations,
            relations,
            attributes: (*self.attributes).clone(),
            done: self.history.done().iter().map(persist::edit_record).collect(),
            undone: self.history.undone().iter().map(persist::edit_record).collect(),
        }
    }
}

impl Editor {
    /// Journals `write`; nothing while read-only (the only writes an allowed action makes then
    /// are the open document's, in the workspace record: this tab's view, not the work).
    pub(super) fn write(&mut self, write: Write) {
        if self.read_only {
            return;
        }
        self.journal.push(write);
        if !matches!(self.saving, Saving::Failed(_)) {
            self.saving = Saving::Pending;
        }
    }

    /// [`Editor::write`] for a document made just now (see `Journal::push_fresh`).
    pub(super) fn write_fresh(&mut self, write: Write) {
        self.journal.push_fresh(write);
        if !matches!(self.saving, Saving::Failed(_)) {
            self.saving = Saving::Pending;
        }
    }

    /// Journals an op on the open document, and a fresh snapshot when its ops pile up.
    pub(super) fn log(&mut self, op: Op) {
        let seq = self.journal.next_op;
        self.journal.next_op += 1;
        let doc = self.current().id.clone();
        self.write(Write::op(OpRecord { doc, seq, op }));
        let state = self.current_mut();
        state.ops_since_snapshot += 1;
        if state.ops_since_snapshot >= OPS_PER_SNAPSHOT {
            state.ops_since_snapshot = 0;
            let snapshot = state.snapshot(seq);
            self.write(Write::snapshot(snapshot));
        }
    }

    /// A write went through, so storage works (again, after a failure).
    pub(super) fn saved(&mut self, upto: u64) {
        self.journal.saved(upto);
        self.saving = if self.journal.entries.is_empty() { Saving::Saved } else { Saving::Pending };
    }

    pub(super) fn save_failed(&mut self, reason: String) {
        self.saving = Saving::Failed(reason);
    }
}
