//! The editor rebuilt from what storage kept: the documents in their order, each replayed by
//! [`persist::rebuild`] (its record, its snapshot, then the ops after it), the open one, and
//! the counters for ids and ops. Records that no longer make sense are skipped, and a notice
//! says so.

use std::rc::Rc;

use super::{DocState, Editor, Notice, SEED_ID};
use crate::model::document::Document;
use crate::model::label::Labels;
use crate::model::persist::{self, OpRecord, Stored};
use crate::support::order::Index;

impl Editor {
    /// Rebuilds the editor from what storage kept, around the seed document. Records that no
    /// longer make sense are skipped, and a notice says so.
    pub fn restore(seed: Document, labels: Labels, stored: Stored) -> Editor {
        let mut editor = Editor::new(seed, labels);
        let mut problems = Vec::new();
        editor.journal.next_op =
            stored.ops.iter().map(|o| o.seq).chain(stored.snapshots.iter().map(|s| s.seq)).max().unwrap_or(0) + 1;
        let seed_record = editor.docs[0].record();
        let Stored { workspace, docs: records, snapshots: snaps, ops: all_ops } = stored;
        // Each document's records found through an index by document (a scan per document made
        // restoring 20,000 documents quadratic); its ops in the order stored, which is seq order.
        let by_id = Index::new(records.iter().map(|d| d.id.as_str()).collect());
        let snaps_by_doc = Index::new(snaps.iter().map(|s| s.doc.as_str()).collect());
        let ops_by_doc = Index::new(all_ops.iter().map(|o| o.doc.as_str()).collect());
        let mut order: Vec<String> = workspace.as_ref().map(|w| w.order.clone()).unwrap_or_default();
        if !order.iter().any(|id| id == SEED_ID) {
            order.insert(0, SEED_ID.to_owned());
        }
        // Documents missing from the order (a write cut short) still come back, at the end, in
        // the order they were stored.
        let listed = Index::new(order.iter().map(String::as_str).collect());
        let mut missing = Vec::new();
        for d in &records {
            if listed.find(&d.id).next().is_none() {
                missing.push(d.id.clone());
            }
        }
        order.extend(missing);
        let mut docs = Vec::new();
        for id in &order {
            let record = if id == SEED_ID { Some(&seed_record) } else { by_id.find(id).next().map(|i| &records[i]) };
            let Some(record) = record else { continue };
            let snapshot = snaps_by_doc.find(id).next().map(|i| &snaps[i]);
            let ops: Vec<&OpRecord> = ops_by_doc.find(id).map(|i| &all_ops[i]).collect();
            match persist::rebuild(record, snapshot, &ops, &mut problems) {
                Ok(r) => docs.push(Rc::new(DocState {
                    id: id.clone(),
                    doc: r.doc,
                    labels: r.labels,
                    annotations: r.annotations,
                    relations: r.relations,
                    attributes: r.attributes,
                    history: r.history,
                    ops_since_snapshot: ops.len() as u32,
                })),
                Err(e) => problems.push(format!("a stored document could not be read: {e}")),
            }
        }
        if let Some(w) = &workspace {
            editor.next_doc = w.next_doc;
        }
        editor.next_doc = editor.next_doc.max(
            docs.iter().filter_map(|d| d.id.strip_prefix('d').and_then(|n| n.parse::<u64>().ok())).max().unwrap_or(0)
                + 1,
        );
        editor.current = workspace.as_ref().and_then(|w| docs.iter().position(|d| d.id == w.current)).unwrap_or(0);
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
}
