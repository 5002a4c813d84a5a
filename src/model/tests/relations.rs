//! Relations, notes, attributes and the document's categories: the set, the editor's verbs,
//! undo and redo, refusals, the definitions changing, and storage.

use super::{doc, editor, flush, label, picture};
use crate::model::annotation::AnnotationId;
use crate::model::editor::{Action, Editor, Notice};
use crate::model::label_edit::{Holder, LabelChange};
use crate::model::persist::{OpRecord, Record, SnapshotRecord, Stored};
use crate::model::relation::{Relation, RelationId, RelationRejected, Relations};
use crate::model::span::Span;

const TEXT: &str = "Ron Dermer said the talks in Cairo will calm tensions.";

/// An editor over [`TEXT`] with Ron Dermer (a1, actor), Cairo (a2, location), "calm
/// tensions" (a3, claim) and "the talks" (a4, event).
fn tagged() -> Editor {
    let mut e = editor(TEXT);
    for (l, word) in
        [("actor", "Ron Dermer"), ("location", "Cairo"), ("claim", "calm tensions"), ("event", "the talks")]
    {
        let start = TEXT.find(word).expect("in the text") as u32;
        e.apply(Action::Annotate { label: label(l), span: Span::new(start, start + word.chars().count() as u32) });
    }
    e.apply(Action::Deselect);
    e
}

/// The editor storage holds, rebuilt around [`TEXT`] as the seed.
fn restored(store: &Stored) -> Editor {
    Editor::restore(doc(TEXT), crate::model::label::Labels::news(), store.clone())
}

/// The open document's picture without its redo depth (undo and redo change it).
fn seen(e: &Editor) -> String {
    let p = picture(e).remove(0);
    let at = p.find(" redo ").expect("a depth");
    let end = p[at + 6..].find(' ').map_or(p.len(), |i| at + 6 + i);
    format!("{}{}", &p[..at], &p[end..])
}

fn a(id: &str) -> AnnotationId {
    AnnotationId::new(id)
}

fn rel(id: &str, from: &str, to: &str, kind: &str) -> Relation {
    Relation { id: RelationId::new(id), from: a(from), to: a(to), kind: kind.to_owned(), created: None }
}

fn ids<'a>(it: impl Iterator<Item = &'a Relation>) -> Vec<&'a str> {
    it.map(|r| r.id.as_str()).collect()
}

#[test]
fn the_set_finds_relations_by_either_end() {
    let mut s = Relations::new();
    for r in
        [rel("r1", "a1", "a2", "x"), rel("r2", "a2", "a1", "x"), rel("r3", "a1", "a3", "y"), rel("r4", "a3", "a1", "x")]
    {
        s.insert(r).expect("valid");
    }
    assert_eq!(s.len(), 4);
    assert_eq!(ids(s.outgoing(&a("a1"))), ["r1", "r3"]);
    assert_eq!(ids(s.incoming(&a("a1"))), ["r2", "r4"]);
    assert_eq!(ids(s.touching(&a("a1"))), ["r1", "r3", "r2", "r4"]);
    assert_eq!(ids(s.touching(&a("a9"))), Vec::<&str>::new());
    assert_eq!(s.twin(&a("a1"), &a("a2"), "x").map(|r| r.id.as_str()), Some("r1"));
    assert_eq!(s.next_id().as_str(), "r5");
    // Refused, each with its reason; nothing changes.
    let cases = [
        ("from itself", rel("r9", "a1", "a1", "x"), RelationRejected::SelfLink),
        ("a taken id", rel("r1", "a2", "a3", "x"), RelationRejected::DuplicateId(RelationId::new("r1"))),
        ("the same ends and type", rel("r9", "a1", "a2", "x"), RelationRejected::Duplicate(RelationId::new("r1"))),
    ];
    for (name, r, why) in cases {
        assert_eq!(s.insert(r), Err(why), "{name}");
        assert_eq!(s.len(), 4, "{name}");
    }
    // The same ends with another type is another relation.
    s.insert(rel("r9", "a1", "a2", "y")).expect("another type");
    assert_eq!(s.remove(&RelationId::new("r1")).map(|r| r.to), Some(a("a2")));
    assert_eq!(s.remove(&RelationId::new("r1")), None);
    assert_eq!(ids(s.outgoing(&a("a1"))), ["r3", "r9"]);
    assert_eq!(ids(s.iter()), ["r2", "r3", "r4", "r9"]);
    // A clone is its own value: changing one leaves the other.
    let before = s.clone();
    s.remove(&RelationId::new("r2"));
    assert_eq!(before.len(), 4);
    assert_eq!(s.len(), 3);
}

/// One verb each: it changes the work, undo takes it back, redo does it again; the picture
/// (annotations with notes and attributes, relations, categories, depth) after each.
#[test]
fn each_verb_is_one_undoable_step() {
    let cases: Vec<(&str, Vec<Action>, &str)> = vec![
        (
            "link",
            vec![Action::Link { from: a("a3"), to: a("a1"), kind: "said_by".to_owned() }],
            "rel [r1:a3-said_by->a1]",
        ),
        (
            "unlink",
            vec![
                Action::Link { from: a("a3"), to: a("a1"), kind: "said_by".to_owned() },
                Action::Unlink(RelationId::new("r1")),
            ],
            "rel []",
        ),
        (
            "note",
            vec![Action::SetNote { id: a("a1"), note: "  Israeli minister ".to_owned() }],
            "note \"Israeli minister\"",
        ),
        (
            "note removed",
            vec![
                Action::SetNote { id: a("a1"), note: "x".to_owned() },
                Action::SetNote { id: a("a1"), note: " ".to_owned() },
            ],
            "Ron Dermer,",
        ),
        (
            "attribute",
            vec![Action::SetAttribute { id: a("a3"), name: "stance".to_owned(), value: "denies".to_owned() }],
            "stance=denies",
        ),
        (
            "category",
            vec![Action::SetDocAttribute { name: "topic".to_owned(), value: "conflict".to_owned() }],
            "doc [(\"topic\", \"conflict\")]",
        ),
    ];
    for (name, actions, expected) in cases {
        let mut e = tagged();
        let start = seen(&e);
        let depth = e.history().depth();
        let steps = actions.len();
        for action in actions {
            e.apply(action);
        }
        assert_eq!(e.notice, None, "{name}");
        let done = picture(&e);
        assert!(done[0].contains(expected), "{name}: {done:?}");
        assert_eq!(e.history().depth(), depth + steps, "{name}: one step each");
        for _ in 0..steps {
            e.apply(Action::Undo);
        }
        assert_eq!(seen(&e), start, "{name}: undone");
        for _ in 0..steps {
            e.apply(Action::Redo);
        }
        assert_eq!(picture(&e), done, "{name}: redone");
    }
}

/// What does not fit is refused with a notice, and nothing changes.
#[test]
fn verbs_that_do_not_fit_are_refused() {
    let mut linked = tagged();
    linked.apply(Action::Link { from: a("a3"), to: a("a1"), kind: "said_by".to_owned() });
    let link = |from: &str, to: &str, kind: &str| Action::Link { from: a(from), to: a(to), kind: kind.to_owned() };
    let attr = |id: &str, name: &str, value: &str| Action::SetAttribute {
        id: a(id),
        name: name.to_owned(),
        value: value.to_owned(),
    };
    let cases: Vec<(&str, Action, &str)> = vec![
        ("a missing end", link("a3", "a99", "said_by"), "That span is gone"),
        ("to itself", link("a3", "a3", "said_by"), "cannot be linked to itself"),
        ("an unknown type", link("a3", "a1", "loves"), "There is no relation type \"loves\""),
        ("a duplicate", link("a3", "a1", "said_by"), "already linked by “said by”"),
        ("unlink what is gone", Action::Unlink(RelationId::new("r7")), "gone already"),
        ("a note on a missing span", Action::SetNote { id: a("a99"), note: "x".to_owned() }, "That span is gone"),
        ("a value not in the set", attr("a3", "stance", "shouts"), "\"shouts\" is not a value of \"stance\""),
        ("an attribute the label lacks", attr("a1", "stance", "denies"), "Actor has no attribute \"stance\""),
        ("an attribute of a missing span", attr("a99", "stance", "denies"), "That span is gone"),
        (
            "a category value not in the set",
            Action::SetDocAttribute { name: "topic".to_owned(), value: "gossip".to_owned() },
            "\"gossip\" is not a value of \"topic\"",
        ),
        (
            "an unknown category",
            Action::SetDocAttribute { name: "mood".to_owned(), value: "x".to_owned() },
            "There is no category \"mood\"",
        ),
    ];
    for (name, action, message) in cases {
        let mut e = linked.clone();
        let before = picture(&e);
        e.apply(action);
        match &e.notice {
            Some(Notice::Error(text)) => assert!(text.contains(message), "{name}: {text:?}"),
            other => panic!("{name}: {other:?}"),
        }
        assert_eq!(picture(&e), before, "{name}: nothing changed");
    }
    // Read-only: refused the way every change is.
    let mut e = linked.clone();
    e.apply(Action::ReadOnly);
    let before = picture(&e);
    e.apply(link("a4", "a2", "happened_in"));
    assert_eq!(picture(&e), before);
}

/// Deleting a span deletes its relations in the same step; one undo brings both back.
#[test]
fn removing_a_span_removes_its_relations_and_one_undo_brings_both() {
    let mut e = tagged();
    e.apply(Action::Link { from: a("a3"), to: a("a1"), kind: "said_by".to_owned() });
    e.apply(Action::Link { from: a("a1"), to: a("a4"), kind: "takes_part_in".to_owned() });
    e.apply(Action::Link { from: a("a4"), to: a("a2"), kind: "happened_in".to_owned() });
    let before = seen(&e);
    let depth = e.history().depth();
    e.apply(Action::Select(a("a1")));
    e.apply(Action::RemoveSelected);
    assert_eq!(e.history().depth(), depth + 1, "one step");
    assert!(e.annotations().get(&a("a1")).is_none());
    assert_eq!(ids(e.relations().iter()), ["r3"], "only the relation not touching it is left");
    e.apply(Action::Undo);
    assert_eq!(seen(&e), before);
    e.apply(Action::Redo);
    assert_eq!(e.relations().len(), 1);
}

#[test]
fn changing_the_definitions_keeps_relations_and_values_valid() {
    let mut e = tagged();
    e.apply(Action::Link { from: a("a3"), to: a("a1"), kind: "said_by".to_owned() });
    e.apply(Action::SetAttribute { id: a("a3"), name: "stance".to_owned(), value: "hedges".to_owned() });
    e.apply(Action::SetDocAttribute { name: "genre".to_owned(), value: "opinion".to_owned() });
    let start = seen(&e);
    let claim = Holder::Label(label("claim"));
    type Holds = dyn Fn(&Editor) -> bool;
    let steps: Vec<(&str, LabelChange, &Holds)> = vec![
        (
            "a new relation type, its id from its name",
            LabelChange::AddRelationType { name: "Quotes".to_owned(), from: vec![label("actor")], to: vec![] },
            &|e| e.labels().relation_type("quotes").is_some_and(|t| t.name == "Quotes"),
        ),
        (
            "renamed, keeping its id and relations",
            LabelChange::EditRelationType {
                id: "said_by".to_owned(),
                name: "stated by".to_owned(),
                from: vec![label("claim")],
                to: vec![label("actor")],
            },
            &|e| e.labels().relation_type("said_by").is_some_and(|t| t.name == "stated by") && e.relations().len() == 1,
        ),
        (
            "an attribute renamed carries its values",
            LabelChange::EditAttribute {
                holder: claim.clone(),
                name: "stance".to_owned(),
                new_name: "position".to_owned(),
                values: vec!["asserts".to_owned(), "hedges".to_owned()],
                default: String::new(),
            },
            &|e| {
                e.annotations()
                    .get(&a("a3"))
                    .is_some_and(|x| x.attributes == [("position".to_owned(), "hedges".to_owned())])
            },
        ),
        (
            "a value no longer allowed is unset",
            LabelChange::EditAttribute {
                holder: claim.clone(),
                name: "position".to_owned(),
                new_name: "position".to_owned(),
                values: vec!["asserts".to_owned()],
                default: "asserts".to_owned(),
            },
            &|e| e.annotations().get(&a("a3")).is_some_and(|x| x.attributes.is_empty()),
        ),
        (
            "a category deleted with its value",
            LabelChange::DeleteAttribute { holder: Holder::Document, name: "genre".to_owned() },
            &|e| e.current().attributes.is_empty() && e.labels().category("genre").is_none(),
        ),
        (
            "a relation type deleted with its relations",
            LabelChange::DeleteRelationType { id: "said_by".to_owned() },
            &|e| e.relations().is_empty() && e.labels().relation_type("said_by").is_none(),
        ),
    ];
    let n = steps.len();
    for (name, change, holds) in steps {
        let depth = e.history().depth();
        e.apply(Action::ChangeLabels(change));
        assert_eq!(e.notice, None, "{name}");
        assert!(holds(&e), "{name}: {:?}", picture(&e));
        assert_eq!(e.history().depth(), depth + 1, "{name}: one step");
    }
    for _ in 0..n {
        e.apply(Action::Undo);
    }
    assert_eq!(seen(&e), start, "all undone");
    // Refusals name what is wrong.
    let refused = [
        (LabelChange::AddRelationType { name: " ".to_owned(), from: vec![], to: vec![] }, "needs a name"),
        (
            LabelChange::AddRelationType { name: "About".to_owned(), from: vec![], to: vec![] },
            "already a relation type named about",
        ),
        (
            LabelChange::AddRelationType { name: "x".to_owned(), from: vec![label("ghost")], to: vec![] },
            "That label is gone",
        ),
        (
            LabelChange::AddAttribute {
                holder: claim.clone(),
                name: "tone".to_owned(),
                values: vec![],
                default: String::new(),
            },
            "needs at least one value",
        ),
        (
            LabelChange::AddAttribute {
                holder: claim.clone(),
                name: "tone".to_owned(),
                values: vec!["a".to_owned(), "a".to_owned()],
                default: String::new(),
            },
            "has the value a twice",
        ),
        (
            LabelChange::AddAttribute {
                holder: claim.clone(),
                name: "tone".to_owned(),
                values: vec!["a".to_owned()],
                default: "b".to_owned(),
            },
            "The default b is not one of the values",
        ),
        (
            LabelChange::AddAttribute {
                holder: claim,
                name: "verified".to_owned(),
                values: vec!["a".to_owned()],
                default: String::new(),
            },
            "already an attribute named verified",
        ),
    ];
    for (change, message) in refused {
        let before = picture(&e);
        e.apply(Action::ChangeLabels(change.clone()));
        match &e.notice {
            Some(Notice::Error(text)) => assert!(text.contains(message), "{change:?}: {text:?}"),
            other => panic!("{change:?}: {other:?}"),
        }
        assert_eq!(picture(&e), before);
    }
}

/// Stored as ops, then folded into a snapshot: the editor rebuilt from storage has the same
/// relations, notes, attributes and categories, and undo still works after the rebuild.
#[test]
fn relations_notes_and_attributes_survive_storage() {
    let mut e = tagged();
    let mut store = Stored::default();
    e.apply(Action::Link { from: a("a3"), to: a("a1"), kind: "said_by".to_owned() });
    e.apply(Action::Link { from: a("a4"), to: a("a2"), kind: "happened_in".to_owned() });
    e.apply(Action::SetNote { id: a("a2"), note: "in Egypt".to_owned() });
    e.apply(Action::SetAttribute { id: a("a4"), name: "status".to_owned(), value: "confirmed".to_owned() });
    e.apply(Action::SetDocAttribute { name: "source".to_owned(), value: "agency".to_owned() });
    e.apply(Action::Unlink(RelationId::new("r2")));
    e.apply(Action::Undo);
    flush(&mut e, &mut store);
    // Each op as the JSON storage keeps, read back the same.
    assert!(store.ops.len() >= 7);
    for op in &store.ops {
        let json = serde_json::to_string(op).expect("records serialize");
        assert_eq!(OpRecord::from_json(&json).as_ref(), Ok(op));
    }
    // From the ops.
    let mut back = restored(&store);
    assert_eq!(back.notice, None);
    assert_eq!(picture(&back), picture(&e));
    back.apply(Action::Undo);
    back.apply(Action::Undo);
    e.apply(Action::Undo);
    e.apply(Action::Undo);
    assert_eq!(picture(&back), picture(&e), "undo after the rebuild");
    // From a snapshot: a change of labels writes one that carries everything.
    e.apply(Action::ChangeLabels(LabelChange::Rename { id: label("actor"), name: "Person".to_owned() }));
    flush(&mut e, &mut store);
    assert!(store.snapshots.iter().any(|s| !s.relations.is_empty()), "the snapshot holds the relations");
    // The snapshot as the JSON storage keeps, read back the same.
    for snapshot in &store.snapshots {
        let json = serde_json::to_string(snapshot).expect("records serialize");
        assert_eq!(SnapshotRecord::from_json(&json).as_ref(), Ok(snapshot));
    }
    let mut back = restored(&store);
    assert_eq!(back.notice, None);
    assert_eq!(picture(&back), picture(&e));
    assert_eq!(back.labels(), e.labels());
    for _ in 0..4 {
        back.apply(Action::Undo);
        e.apply(Action::Undo);
    }
    assert_eq!(picture(&back), picture(&e), "undo after the rebuild from the snapshot");
}

/// Records stored before relations existed still restore, and their labels get the news
/// definitions.
#[test]
fn records_from_before_relations_restore_with_the_defaults() {
    use crate::model::persist::{DocRecord, Write};
    let doc = r##"{"id":"d1","title":"t.txt","text":"Ron Dermer said","labels":[{"id":"actor","name":"Actor","colour":"#e69f00","hotkey":"1"},{"id":"claim","name":"Claim","colour":"#cc79a7","hotkey":"3"}]}"##;
    let snapshot =
        r#"{"doc":"d1","seq":0,"annotations":[{"id":"a1","label":"actor","start":0,"end":10}],"done":[],"undone":[]}"#;
    let mut store = Stored::default();
    store.apply(&Write::doc(DocRecord::from_json(doc).expect("an old record reads")));
    store.apply(&Write::snapshot(SnapshotRecord::from_json(snapshot).expect("an old snapshot reads")));
    let e = restored(&store);
    assert_eq!(e.notice, None);
    let d = &e.docs[1];
    assert_eq!(d.annotations.len(), 1);
    assert!(d.relations.is_empty());
    assert_eq!(d.labels.relation_types().iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), ["said_by", "about"]);
    assert_eq!(d.labels.attribute_def(&label("claim"), "stance").map(|s| s.default.as_str()), Some("asserts"));
}

/// 5,000 relations among 10,000 spans: links and unlinks in a scrambled order, checked after
/// each against a plain list (the index by either end must agree with a scan).
#[test]
fn thousands_of_relations_stay_consistent() {
    let mut s = Relations::new();
    let mut plain: Vec<Relation> = Vec::new();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let kinds = ["said_by", "about", "happened_in"];
    let mut n = 0;
    for step in 0..9_000 {
        let remove = step >= 6_000 && next() % 3 == 0 && !plain.is_empty();
        if remove {
            let victim = plain.swap_remove((next() % plain.len() as u64) as usize);
            assert_eq!(s.remove(&victim.id), Some(victim.clone()));
            continue;
        }
        let (from, to) = (next() % 10_000, next() % 10_000);
        n += 1;
        let r = rel(&format!("r{n}"), &format!("a{from}"), &format!("a{to}"), kinds[(next() % 3) as usize]);
        let expected = if from == to {
            Err(RelationRejected::SelfLink)
        } else if let Some(twin) = plain.iter().find(|p| p.from == r.from && p.to == r.to && p.kind == r.kind) {
            Err(RelationRejected::Duplicate(twin.id.clone()))
        } else {
            Ok(())
        };
        let got = s.insert(r.clone());
        assert_eq!(got, expected);
        if got.is_ok() {
            plain.push(r);
        }
    }
    assert!(s.len() >= 5_000, "{}", s.len());
    assert_eq!(s.len(), plain.len());
    for probe in (0..10_000).step_by(97) {
        let id = a(&format!("a{probe}"));
        let mut out: Vec<&str> = plain.iter().filter(|r| r.from == id).map(|r| r.id.as_str()).collect();
        let mut inc: Vec<&str> = plain.iter().filter(|r| r.to == id).map(|r| r.id.as_str()).collect();
        out.sort();
        inc.sort();
        assert_eq!(ids(s.outgoing(&id)), out, "outgoing {probe}");
        assert_eq!(ids(s.incoming(&id)), inc, "incoming {probe}");
    }
    for r in &plain {
        assert_eq!(s.get(&r.id), Some(r));
    }
    assert!(s.get(&s.next_id()).is_none());
}

/// The editor at 10,000 spans and 5,000 relations: deleting a span with relations and
/// undoing it keeps every relation's ends in the set.
#[test]
fn the_editor_keeps_relation_ends_at_scale() {
    let text = "word ".repeat(10_000);
    let mut e = editor(&text);
    let spans: Vec<Span> = (0..10_000).map(|i| Span::new(i * 5, i * 5 + 4)).collect();
    e.apply(Action::AnnotateAll { label: label("claim"), spans: std::rc::Rc::new(spans) });
    assert_eq!(e.annotations().len(), 10_000);
    let ids: Vec<AnnotationId> = e.annotations().iter().map(|a| a.id.clone()).collect();
    for i in 0..5_000 {
        e.apply(Action::Link { from: ids[i].clone(), to: ids[(i * 7 + 1) % 10_000].clone(), kind: "about".to_owned() });
    }
    assert_eq!(e.notice, None);
    assert_eq!(e.relations().len(), 5_000);
    let victim = ids[1].clone();
    let touching = e.relations().touching(&victim).count();
    assert!(touching >= 2, "{touching}");
    e.apply(Action::Remove(victim.clone()));
    assert_eq!(e.relations().len(), 5_000 - touching);
    let ends_there = |e: &Editor| {
        e.relations().iter().all(|r| e.annotations().get(&r.from).is_some() && e.annotations().get(&r.to).is_some())
    };
    assert!(ends_there(&e));
    e.apply(Action::Undo);
    assert_eq!(e.relations().len(), 5_000);
    assert!(ends_there(&e));
    e.apply(Action::Unlink(RelationId::new("r10")));
    assert_eq!(e.relations().len(), 4_999);
}

/// A note or attribute changes an annotation in place: finding annotations by range still
/// agrees with a scan afterwards (the max-end tree over the chunks stays true).
#[test]
fn notes_leave_range_queries_true() {
    let text = "word ".repeat(300);
    let mut e = editor(&text);
    let spans: Vec<Span> = (0..300).map(|i| Span::new(i * 5, i * 5 + 4 + (i % 3) * 5)).collect();
    e.apply(Action::AnnotateAll { label: label("claim"), spans: std::rc::Rc::new(spans) });
    let ids: Vec<AnnotationId> = e.annotations().iter().map(|a| a.id.clone()).collect();
    for (n, id) in ids.iter().enumerate().step_by(3) {
        e.apply(Action::SetNote { id: id.clone(), note: format!("note {n}") });
        e.apply(Action::SetAttribute { id: id.clone(), name: "verified".to_owned(), value: "true".to_owned() });
    }
    assert_eq!(e.notice, None);
    for start in (0..1_500).step_by(37) {
        let range = Span::new(start, start + 12);
        let found: Vec<&str> = e.annotations().overlapping(range).map(|a| a.id.as_str()).collect();
        let scan: Vec<&str> =
            e.annotations().iter().filter(|a| a.span.overlaps(range)).map(|a| a.id.as_str()).collect();
        assert_eq!(found, scan, "{range:?}");
    }
    assert_eq!(e.annotations().iter().filter(|a| a.note.is_some()).count(), 100);
}

/// A link offers the types meant for its pair of labels first.
#[test]
fn types_meant_for_a_pair_come_first() {
    let labels = crate::model::label::Labels::news();
    let order = |from: &str, to: &str| -> Vec<String> {
        labels.relation_types_for(&label(from), &label(to)).iter().map(|t| t.id.clone()).collect()
    };
    assert_eq!(order("claim", "actor"), ["said_by", "about", "takes_part_in", "happened_in"]);
    assert_eq!(order("event", "location"), ["happened_in", "said_by", "takes_part_in", "about"]);
    assert_eq!(order("actor", "claim"), ["said_by", "takes_part_in", "happened_in", "about"], "none fits: as defined");
}
