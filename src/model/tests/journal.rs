//! The journal while storage fails: it holds at most one copy of each document's text and one
//! snapshot per document, an editor's clone shares its records, and whatever the journal
//! dropped, a later successful save still brings back exactly the work.

use super::{doc, flush, label, open, picture, restored, SEED};
use crate::model::editor::{Action, Editor, ImportChoice};
use crate::model::label::Labels;
use crate::model::persist::{Stored, Write};
use crate::model::span::Span;

/// Bytes of document text the journal holds.
fn text_bytes(e: &Editor) -> usize {
    e.unsaved().iter().map(|(_, w)| if let Write::Doc(r) = w { r.text.len() } else { 0 }).sum()
}

/// Where a write's record keeps its data: a copy of the record would be somewhere else.
fn address(w: &Write) -> *const u8 {
    match w {
        Write::Workspace(r) => r.current.as_ptr(),
        Write::Doc(r) => r.text.as_ptr(),
        Write::DeleteDoc { id } => id.as_ptr(),
        Write::Op(r) => r.doc.as_ptr(),
        Write::Snapshot(r) => r.doc.as_ptr(),
    }
}

/// Annotates `n` words of the open document, one by one, undoing every tenth.
fn annotate_words(e: &mut Editor, n: u32) {
    for i in 0..n {
        let start = (i * 7) % (e.doc().len() - 6);
        e.apply(Action::Annotate { label: label("actor"), span: Span::new(start, start + 5) });
        if i % 10 == 9 {
            e.apply(Action::Undo);
        }
    }
}

/// A text of about `kb` kilobytes.
fn long_text(kb: usize, seed: &str) -> String {
    format!("{seed}\n{}", "Damascus talks resumed on Tuesday.\n".repeat(kb * 1024 / 35))
}

#[test]
fn a_failing_store_keeps_one_copy_of_each_text() {
    let mut e = Editor::new(doc(SEED), Labels::news());
    e.apply(Action::SaveFailed("QuotaExceededError".to_owned()));
    e.apply(Action::NewDocument { title: "long".to_owned(), text: long_text(200, "one") });
    e.apply(Action::NewDocument { title: "other".to_owned(), text: long_text(100, "two") });
    for i in 0..40 {
        e.apply(Action::RenameDocument { id: "d1".to_owned(), title: format!("long {i}") });
        e.apply(Action::RenameDocument { id: "d2".to_owned(), title: format!("other {i}") });
    }
    e.apply(Action::SwitchDocument("d1".to_owned()));
    annotate_words(&mut e, 1300);
    // A deleted document's records go: only the deletion stays.
    open(&mut e, "gone.txt", long_text(50, "three").as_bytes());
    annotate_words(&mut e, 20);
    e.apply(Action::DeleteDocument("d3".to_owned()));
    let texts: usize = e.docs.iter().map(|d| d.doc.text().len()).sum();
    assert!(text_bytes(&e) <= texts, "the journal holds {} bytes of text for {texts}", text_bytes(&e));
    for d in &e.docs {
        let of = |kind: fn(&Write, &str) -> bool| e.unsaved().iter().filter(|(_, w)| kind(w, &d.id)).count();
        assert!(of(|w, id| matches!(w, Write::Doc(r) if r.id == id)) <= 1, "{}: one document record", d.id);
        assert!(of(|w, id| matches!(w, Write::Snapshot(r) if r.doc == id)) <= 1, "{}: one snapshot", d.id);
        assert!(of(|w, id| matches!(w, Write::Op(r) if r.doc == id)) <= 500, "{}: ops after the snapshot", d.id);
    }
    assert_eq!(e.unsaved().iter().filter(|(_, w)| matches!(w, Write::Workspace(_))).count(), 1);
    assert!(!e.unsaved().iter().any(|(_, w)| matches!(w, Write::Doc(r) if r.id == "d3")));
}

#[test]
fn cloning_the_editor_copies_no_record() {
    let mut e = Editor::new(doc(SEED), Labels::news());
    e.apply(Action::SaveFailed("QuotaExceededError".to_owned()));
    e.apply(Action::NewDocument { title: "long".to_owned(), text: long_text(100, "one") });
    annotate_words(&mut e, 600);
    e.apply(Action::NewDocument { title: "gone".to_owned(), text: "short".to_owned() });
    e.apply(Action::DeleteDocument("d2".to_owned()));
    let copy = e.clone();
    assert_eq!(copy.unsaved().len(), e.unsaved().len());
    for kind in ["Workspace", "Doc", "DeleteDoc", "Op", "Snapshot"] {
        assert!(e.unsaved().iter().any(|(_, w)| format!("{w:?}").starts_with(kind)), "a {kind} write is tried");
    }
    for ((n, a), (m, b)) in e.unsaved().iter().zip(copy.unsaved()) {
        assert_eq!(n, m);
        assert_eq!(address(a), address(b), "write {n} was copied");
    }
}

/// Storage fails for a while (some batches half applied, one confirmed while more work came
/// in), then works: what it holds then restores to exactly the live editor.
#[test]
fn a_retry_after_failures_stores_the_work_exactly() {
    let mut e = Editor::new(doc(SEED), Labels::news());
    let mut store = Stored::default();
    e.apply(Action::Annotate { label: label("actor"), span: Span::new(262, 272) });
    open(&mut e, "a.txt", long_text(20, "alpha").as_bytes());
    annotate_words(&mut e, 30);
    flush(&mut e, &mut store);
    e.apply(Action::SaveFailed("QuotaExceededError".to_owned()));
    // A store that took part of each failed batch before failing (localStorage writes in order).
    let mut partial = store.clone();
    let mut half_applied = |e: &Editor| {
        let n = e.unsaved().len() / 2;
        for (_, w) in &e.unsaved()[..n] {
            partial.apply(w);
        }
    };
    annotate_words(&mut e, 700);
    half_applied(&e);
    e.apply(Action::RenameDocument { id: "d1".to_owned(), title: "alpha notes".to_owned() });
    open(&mut e, "b.txt", long_text(10, "beta").as_bytes());
    annotate_words(&mut e, 40);
    e.apply(Action::DeleteDocument("d1".to_owned()));
    half_applied(&e);
    e.apply(Action::RestoreDocument);
    annotate_words(&mut e, 520);
    e.apply(Action::SwitchDocument("seed".to_owned()));
    let (_, file) = super::sample_export(SEED, &[("claim", 285, 349), ("actor", 262, 272)]);
    open(&mut e, "article.spanmark.json", file.as_bytes());
    e.apply(Action::ResolveImport(ImportChoice::Merge));
    half_applied(&e);
    open(&mut e, "c.txt", b"gamma text");
    e.apply(Action::DeleteDocument("d3".to_owned()));
    // A batch that was in flight is confirmed while more work has come in.
    let in_flight: Vec<(u64, Write)> = e.unsaved().to_vec();
    e.apply(Action::SwitchDocument("d1".to_owned()));
    annotate_words(&mut e, 480);
    e.apply(Action::RenameDocument { id: "d1".to_owned(), title: "alpha, final".to_owned() });
    for (_, w) in &in_flight {
        store.apply(w);
        partial.apply(w);
    }
    if let Some((upto, _)) = in_flight.last() {
        e.apply(Action::Saved(*upto));
    }
    annotate_words(&mut e, 30);
    e.apply(Action::Undo);
    // Storage works again: everything left is written, on either store.
    for (_, w) in e.unsaved() {
        partial.apply(w);
    }
    flush(&mut e, &mut store);
    assert!(e.unsaved().is_empty());
    assert_eq!(restored(&store).notice, None);
    assert_eq!(picture(&restored(&store)), picture(&e));
    assert_eq!(restored(&partial).notice, None);
    assert_eq!(picture(&restored(&partial)), picture(&e));
}

/// What the autosave keys on (`Editor::unsaved_mark`, `use_autosave`): the first and last write
/// waiting and the last confirmed. A label change journals one snapshot; its undo, made while that snapshot is being
/// stored, journals another that supersedes it. Confirming the first leaves the same one entry
/// waiting, so only the confirmation's mark tells the autosave to write it.
#[test]
fn a_write_superseded_while_stored_still_moves_the_autosave_on() {
    use crate::model::label_edit::LabelChange;
    let mut e = Editor::new(doc(SEED), Labels::news());
    let mut store = Stored::default();
    flush(&mut e, &mut store);
    let add = LabelChange::Add { name: "Person".to_owned(), colour: "#0072b2".to_owned(), hotkey: "5".to_owned() };
    e.apply(Action::ChangeLabels(add));
    let in_flight: Vec<(u64, Write)> = e.unsaved().to_vec();
    assert_eq!(in_flight.len(), 1, "one snapshot carries the new label: {in_flight:?}");
    e.apply(Action::Undo);
    let before = e.unsaved_mark();
    for (_, w) in &in_flight {
        store.apply(w);
    }
    e.apply(Action::Saved(in_flight[in_flight.len() - 1].0));
    assert_eq!(e.unsaved().len(), 1, "the undo's snapshot still waits");
    assert_ne!(e.unsaved_mark(), before, "and the autosave sees something to do");
    flush(&mut e, &mut store);
    assert_eq!(picture(&restored(&store)), picture(&e), "the undo is what storage holds");
}
