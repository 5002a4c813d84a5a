//! Never lose work: stored records, and everything coming back after a reload.

use super::{doc, flush, label, open, picture, restored, SEED};
use crate::model::editor::{Action, Editor, Notice, SEED_ID};
use crate::model::label::Labels;
use crate::model::persist::Stored;
use crate::model::span::Span;

/// Records as earlier versions stored them (serde's encoding of the record types, which is
/// what storage keeps) are read back field by field; a record that does not fit says where.
#[test]
fn stored_records_keep_their_json() {
    use crate::model::persist::{AnnRecord, DocRecord, EditRecord, LabelRecord, Op, OpRecord, Record, WorkspaceRecord};
    let ann = |id: &str, start, end| AnnRecord {
        id: id.to_owned(),
        label: "actor".to_owned(),
        start,
        end,
        created: None,
        annotators: Vec::new(),
        note: None,
        attributes: Vec::new(),
    };
    assert_eq!(
        OpRecord::from_json(
            r#"{"doc":"d2","seq":7,"op":{"kind":"edit","edit":{"kind":"batch","edits":[
            {"kind":"add","id":"a1","label":"actor","start":0,"end":3},
            {"kind":"remove","id":"a2","label":"actor","start":4,"end":9},
            {"kind":"relabel","id":"a3","from":"actor","to":"claim"}]}}}"#
        ),
        Ok(OpRecord {
            doc: "d2".to_owned(),
            seq: 7,
            op: Op::Edit {
                edit: EditRecord::Batch {
                    edits: vec![
                        EditRecord::Add(ann("a1", 0, 3)),
                        EditRecord::Remove(ann("a2", 4, 9)),
                        EditRecord::Relabel { id: "a3".to_owned(), from: "actor".to_owned(), to: "claim".to_owned() },
                    ],
                },
            },
        })
    );
    assert_eq!(OpRecord::from_json(r#"{"doc":"d","seq":1,"op":{"kind":"undo"}}"#).map(|o| o.op), Ok(Op::Undo));
    assert_eq!(
        WorkspaceRecord::from_json(r#"{"order":["seed","d2"],"current":"d2","next_doc":3}"#),
        Ok(WorkspaceRecord { order: vec!["seed".to_owned(), "d2".to_owned()], current: "d2".to_owned(), next_doc: 3 })
    );
    let doc = r##"{"id":"d2","title":"t.txt","text":"abc","labels":[{"id":"actor","name":"Actor","colour":"#e69f00","hotkey":"1"}]}"##;
    let label = LabelRecord {
        id: "actor".to_owned(),
        name: "Actor".to_owned(),
        colour: "#e69f00".to_owned(),
        hotkey: "1".to_owned(),
        attributes: Vec::new(),
    };
    let record = DocRecord {
        id: "d2".to_owned(),
        title: "t.txt".to_owned(),
        text: "abc".to_owned(),
        labels: vec![label],
        definitions: None,
    };
    assert_eq!(serde_json::to_string(&record).expect("json"), doc);
    assert_eq!(DocRecord::from_json(doc), Ok(record));
    let refused = |json: &str| OpRecord::from_json(json).map_err(|e| e.to_string()).expect_err("must be refused");
    assert_eq!(refused(r#"{"doc":"d","seq":1,"op":{"kind":"sing"}}"#), "op: unknown kind \"sing\"");
    assert_eq!(
        refused(r#"{"doc":"d","seq":-1,"op":{"kind":"undo"}}"#),
        "seq: invalid type: expected a whole number from 0, found a number"
    );
    assert_eq!(
        refused(
            r#"{"doc":"d","seq":1,"op":{"kind":"edit","edit":{"kind":"batch","edits":[{"kind":"add","id":"a"}]}}}"#
        ),
        "op.edit.edits[0]: missing field `label`"
    );
    assert!(refused("{").starts_with("record: EOF"));
}

#[test]
fn everything_comes_back_after_a_reload() {
    let mut e = Editor::new(doc(SEED), Labels::news());
    let mut store = Stored::default();
    e.apply(Action::Annotate { label: label("actor"), span: Span::new(262, 272) });
    e.apply(Action::Annotate { label: label("location"), span: Span::new(55, 60) });
    flush(&mut e, &mut store);
    open(&mut e, "notes.txt", "Family 👩‍👩‍👦 in Daraa\r\nsecond line".as_bytes());
    e.apply(Action::Annotate { label: label("location"), span: Span::new(19, 24) });
    e.apply(Action::Annotate { label: label("event"), span: Span::new(0, 6) });
    e.apply(Action::Undo);
    e.apply(Action::RenameDocument { id: "d1".to_owned(), title: "Daraa notes".to_owned() });
    flush(&mut e, &mut store);
    let back = restored(&store);
    assert_eq!(picture(&back), picture(&e));
    assert_eq!(back.current().doc.title(), "Daraa notes");
    // The undo history came back too: redo brings back the Event, undo twice empties.
    let mut back = back;
    back.apply(Action::Redo);
    assert_eq!(back.annotations().len(), 2);
    back.apply(Action::Undo);
    back.apply(Action::Undo);
    assert_eq!(back.annotations().len(), 0);
    // Switching back to the seed is remembered.
    back.apply(Action::SwitchDocument(SEED_ID.to_owned()));
    flush(&mut back, &mut store);
    assert_eq!(restored(&store).current().id, SEED_ID);
}

#[test]
fn long_histories_survive_through_snapshots() {
    let mut e = Editor::new(doc(SEED), Labels::news());
    let mut store = Stored::default();
    // 12,000 steps: add and remove the same word, alternately, then undo a few.
    for i in 0..6000u32 {
        let span = Span::new(i % 3000, i % 3000 + 1);
        e.apply(Action::Annotate { label: label("actor"), span });
        let id = e
            .annotations()
            .iter()
            .find(|a| a.span == e.doc().tidy_selection(span).unwrap_or(span))
            .map(|a| a.id.clone());
        if let Some(id) = id {
            e.apply(Action::Remove(id));
        }
        if i % 1000 == 0 {
            flush(&mut e, &mut store);
        }
    }
    for _ in 0..3 {
        e.apply(Action::Undo);
    }
    flush(&mut e, &mut store);
    assert!(e.history().done().len() >= 10_000, "{} steps", e.history().done().len());
    assert!(store.ops.len() < 600, "ops are folded into snapshots ({} left)", store.ops.len());
    let back = restored(&store);
    assert_eq!(picture(&back), picture(&e));
}

#[test]
fn documents_open_rename_delete_and_come_back() {
    let mut e = Editor::new(doc(SEED), Labels::news());
    let mut store = Stored::default();
    open(&mut e, "a.txt", b"alpha text");
    open(&mut e, "b.md", b"# beta\n\ntext");
    e.apply(Action::NewDocument { title: "  pasted ".to_owned(), text: "gamma".to_owned() });
    assert_eq!(e.docs.iter().map(|d| d.doc.title()).collect::<Vec<_>>(), ["test", "a.txt", "b.md", "pasted"]);
    e.apply(Action::SwitchDocument("d1".to_owned()));
    e.apply(Action::Annotate { label: label("claim"), span: Span::new(0, 5) });
    e.apply(Action::DeleteDocument("d1".to_owned()));
    assert_eq!(e.notice, Some(Notice::Deleted("a.txt".to_owned())));
    assert_eq!(e.docs.len(), 3);
    flush(&mut e, &mut store);
    assert_eq!(restored(&store).docs.len(), 3);
    e.apply(Action::RestoreDocument);
    flush(&mut e, &mut store);
    let back = restored(&store);
    assert_eq!(picture(&back), picture(&e));
    assert_eq!(back.current().doc.title(), "a.txt");
    assert_eq!(back.annotations().len(), 1);
    // The seed cannot go; an empty paste is refused; the same text again switches to it.
    e.apply(Action::DeleteDocument(SEED_ID.to_owned()));
    assert_eq!(e.docs.len(), 4);
    e.apply(Action::NewDocument { title: "x".to_owned(), text: " \n ".to_owned() });
    assert!(matches!(e.notice, Some(Notice::Error(_))));
    open(&mut e, "again.txt", b"gamma");
    assert_eq!(e.current().doc.title(), "pasted");
    assert_eq!(e.docs.len(), 4);
}
