//! Two tabs: a read-only tab refuses every change with a notice and journals nothing; what it
//! may do (look, walk, switch) changes no work; taking over goes on from what storage holds,
//! numbering new documents and ops after the other tab's.

use std::rc::Rc;

use super::{doc, flush, label, picture, restored, SEED};
use crate::model::editor::{Action, Editor, ImportChoice, Notice, Restored, READ_ONLY_NOTICE};
use crate::model::label::Labels;
use crate::model::label_edit::LabelChange;
use crate::model::persist::Stored;
use crate::model::span::Span;

/// A writer tab with two spans stored, and the read-only tab that opened on the same storage.
fn two_tabs() -> (Editor, Editor, Stored) {
    let mut store = Stored::default();
    let mut a = Editor::new(doc(SEED), Labels::news());
    a.apply(Action::Annotate { label: label("actor"), span: Span::new(0, 5) });
    a.apply(Action::Annotate { label: label("location"), span: Span::new(10, 15) });
    a.apply(Action::NewDocument { title: "notes".into(), text: "Talks in Paris.".into() });
    a.apply(Action::SwitchDocument("seed".into()));
    flush(&mut a, &mut store);
    let mut b = restored(&store);
    b.apply(Action::ReadOnly);
    (a, b, store)
}

#[test]
fn a_read_only_tab_refuses_every_change_and_says_why() {
    let (_, b, _) = two_tabs();
    let refused: Vec<Action> = vec![
        Action::Apply { label: label("actor"), selection: Some(Span::new(20, 25)) },
        Action::Apply { label: label("actor"), selection: None },
        Action::Annotate { label: label("actor"), span: Span::new(20, 25) },
        Action::AnnotateAll { label: label("actor"), spans: Rc::new(vec![Span::new(20, 25)]) },
        Action::Relabel { id: b.annotations().iter().next().expect("a stored span").id.clone(), label: label("claim") },
        Action::Remove(b.annotations().iter().next().expect("a stored span").id.clone()),
        Action::RemoveSelected,
        Action::Undo,
        Action::Redo,
        Action::ChangeLabels(LabelChange::Rename { id: label("actor"), name: "person".into() }),
        Action::OpenFile { name: "more.txt".into(), bytes: Rc::new(b"More text.".to_vec()) },
        Action::NewDocument { title: "other".into(), text: "Other text.".into() },
        Action::RenameDocument { id: "seed".into(), title: "renamed".into() },
        Action::DeleteDocument("d1".into()),
        Action::RestoreDocument,
        Action::ResolveImport(ImportChoice::Merge),
    ];
    for action in refused {
        let mut tab = b.clone();
        tab.apply(Action::Select(b.annotations().iter().next().expect("a stored span").id.clone()));
        let before = picture(&tab);
        tab.apply(action.clone());
        assert_eq!(picture(&tab), before, "{action:?} changed the work");
        assert!(tab.unsaved().is_empty(), "{action:?} journalled a write");
        assert_eq!(tab.notice, Some(Notice::Info(READ_ONLY_NOTICE.to_owned())), "{action:?} did not say why");
        assert_eq!(tab.armed, None, "{action:?} armed a label");
    }
}

#[test]
fn a_read_only_tab_may_look_walk_and_switch_without_writing() {
    let (_, mut b, _) = two_tabs();
    let work = |e: &Editor| picture(e)[..2].to_vec();
    let before = work(&b);
    b.apply(Action::SelectNext { back: false });
    assert!(b.selected.is_some(), "J selects");
    b.apply(Action::Escape);
    b.apply(Action::ClickAt(2));
    assert!(b.selected.is_some(), "a click selects");
    b.apply(Action::SelectText(Span::new(20, 25)));
    b.apply(Action::SwitchDocument("d1".into()));
    assert_eq!(b.doc().title(), "notes", "switching shows the other document");
    b.apply(Action::ResolveImport(ImportChoice::Cancel));
    assert_eq!(work(&b), before, "nothing changed in the work");
    assert!(b.unsaved().is_empty(), "nothing journalled, not even the open document");
    assert_eq!(b.notice, None, "nothing refused");
}

#[test]
fn a_writer_that_turns_read_only_keeps_what_it_journalled_and_drops_the_armed_label() {
    let mut a = Editor::new(doc(SEED), Labels::news());
    a.apply(Action::Annotate { label: label("actor"), span: Span::new(0, 5) });
    a.apply(Action::Deselect);
    a.apply(Action::Apply { label: label("claim"), selection: None });
    assert_eq!(a.armed, Some(label("claim")));
    let waiting = a.unsaved().len();
    a.apply(Action::ReadOnly);
    assert_eq!(a.armed, None, "the armed label is dropped");
    assert_eq!(a.unsaved().len(), waiting, "what waited to be stored still waits");
    a.apply(Action::SelectText(Span::new(20, 25)));
    assert_eq!(a.annotations().len(), 1, "a selection tags nothing");
    a.apply(Action::Saved(a.unsaved().last().map_or(0, |(n, _)| *n)));
    assert!(a.unsaved().is_empty(), "storage's answer still goes through");
}

#[test]
fn taking_over_goes_on_from_storage_and_loses_neither_tabs_work() {
    let (mut a, mut b, mut store) = two_tabs();
    // B takes over: it rebuilds from storage, then tags and makes a document of its own.
    a.apply(Action::ReadOnly);
    b.apply(Action::TakeOver(Restored(Rc::new(restored(&store)))));
    assert!(!b.read_only, "B writes now");
    b.apply(Action::Annotate { label: label("claim"), span: Span::new(30, 40) });
    b.apply(Action::NewDocument { title: "second".into(), text: "A second new text.".into() });
    flush(&mut b, &mut store);
    // A takes it back, and makes one more document.
    b.apply(Action::ReadOnly);
    a.apply(Action::TakeOver(Restored(Rc::new(restored(&store)))));
    a.apply(Action::NewDocument { title: "third".into(), text: "A third new text.".into() });
    a.apply(Action::SwitchDocument("seed".into()));
    a.apply(Action::Annotate { label: label("event"), span: Span::new(50, 60) });
    flush(&mut a, &mut store);
    let again = restored(&store);
    let titles: Vec<&str> = again.docs.iter().map(|d| d.doc.title()).collect();
    assert_eq!(titles, ["test", "notes", "second", "third"], "every tab's documents, none overwritten");
    let spans: Vec<(u32, u32)> = again.annotations().iter().map(|a| (a.span.start(), a.span.end())).collect();
    assert_eq!(spans.len(), 4, "both tabs' spans on the seed: {spans:?}");
    assert_eq!(picture(&again), picture(&a), "what A shows is what storage holds");
}
