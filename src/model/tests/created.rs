//! When each annotation was made: the time comes with the action (the model reads no clock), and
//! stays with the annotation through relabelling, undo and redo, storage, and files.

use super::{doc, flush, label, open, restored, sample_export, SEED};
use crate::model::annotation::AnnotationId;
use crate::model::editor::{Action, Editor};
use crate::model::formats::{self, spanmark, w3c};
use crate::model::label::Labels;
use crate::model::persist::{AnnRecord, EditRecord, Record, Stored};
use crate::model::span::Span;
use crate::support::time::Time;

fn at(ms: u64) -> Time {
    Time::from_millis(ms).expect("a time within range")
}

/// Each annotation's id and `created`, in text order.
fn created(e: &Editor) -> Vec<(String, Option<u64>)> {
    e.annotations().iter().map(|a| (a.id.as_str().to_owned(), a.created.map(Time::millis))).collect()
}

#[test]
fn an_annotation_is_created_when_its_action_says() {
    let mut e = Editor::new(doc(SEED), Labels::news());
    let tag = |l: &str, s, end| Action::Annotate { label: label(l), span: Span::new(s, end) };
    e.apply_at(tag("actor", 262, 272), at(1_796_124_258_007));
    e.apply_at(Action::Apply { label: label("location"), selection: Some(Span::new(55, 60)) }, at(1_796_124_260_000));
    // The tag left its span selected: Escape first, so that the key arms rather than relabels.
    e.apply(Action::Escape);
    e.apply_at(Action::Apply { label: label("claim"), selection: None }, at(1_796_124_261_000));
    e.apply_at(Action::SelectText(Span::new(432, 456)), at(1_796_124_262_000));
    e.apply(tag("event", 173, 216));
    let want = [
        ("a2".to_owned(), Some(1_796_124_260_000)),
        ("a4".to_owned(), None),
        ("a1".to_owned(), Some(1_796_124_258_007)),
        ("a3".to_owned(), Some(1_796_124_262_000)),
    ];
    assert_eq!(created(&e), want, "arming made none; tagged with no time known, none");
    // Relabelling, then undoing and redoing, keep the time.
    let a1 = AnnotationId::new("a1");
    e.apply_at(Action::Relabel { id: a1.clone(), label: label("event") }, at(1_900_000_000_000));
    e.apply(Action::Remove(a1.clone()));
    e.apply(Action::Undo);
    e.apply(Action::Undo);
    e.apply(Action::Redo);
    let a = e.annotations().get(&a1).expect("a1 is back");
    assert_eq!((a.label.as_str(), a.created), ("event", Some(at(1_796_124_258_007))));
}

#[test]
fn created_is_stored_and_restored_and_old_records_have_none() {
    let mut e = Editor::new(doc(SEED), Labels::news());
    let mut store = Stored::default();
    e.apply_at(Action::Annotate { label: label("actor"), span: Span::new(262, 272) }, at(1_796_124_258_007));
    e.apply(Action::Annotate { label: label("location"), span: Span::new(55, 60) });
    e.apply(Action::Undo);
    flush(&mut e, &mut store);
    let mut back = restored(&store);
    assert_eq!(created(&back), created(&e));
    back.apply(Action::Redo);
    e.apply(Action::Redo);
    assert_eq!(created(&back), created(&e));
    // In the record: milliseconds, and no field at all when not known.
    let record = |json: &str| EditRecord::from_json(json).expect("a stored edit");
    let with = r#"{"kind":"add","id":"a1","label":"actor","start":0,"end":3,"created":1796124258007}"#;
    let without = r#"{"kind":"add","id":"a1","label":"actor","start":0,"end":3}"#;
    let ann = |created| AnnRecord {
        id: "a1".to_owned(),
        label: "actor".to_owned(),
        start: 0,
        end: 3,
        created,
        annotators: Vec::new(),
        note: None,
        attributes: Vec::new(),
    };
    assert_eq!(record(with), EditRecord::Add(ann(Some(1_796_124_258_007))));
    assert_eq!(record(without), EditRecord::Add(ann(None)));
    assert_eq!(serde_json::to_string(&record(with)).expect("json"), with);
    assert_eq!(serde_json::to_string(&record(without)).expect("json"), without);
}

#[test]
fn spanmark_files_carry_created_and_older_files_still_open() {
    let mut e = Editor::new(doc(SEED), Labels::news());
    e.apply_at(Action::Annotate { label: label("actor"), span: Span::new(262, 272) }, at(1_796_124_258_007));
    e.apply(Action::Annotate { label: label("location"), span: Span::new(55, 60) });
    let out = spanmark::serialize(e.doc(), e.labels(), e.annotations(), "2026-12-01T12:00:00Z");
    assert!(out.contains(r#""created": "2026-12-01T11:24:18.007Z""#), "{out}");
    assert_eq!(out.matches("\"created\"").count(), 1, "none written where not known");
    let back = spanmark::parse(&out).expect("its own file");
    assert_eq!(&back.annotations, e.annotations());
    // A file from before `created` (as every earlier export) opens as before, with none.
    let (_, old) = sample_export(SEED, &[("actor", 262, 272)]);
    assert!(!old.contains("created"));
    let mut resumed = Editor::new(doc("other"), Labels::news());
    open(&mut resumed, "old.spanmark.json", old.as_bytes());
    assert_eq!(created(&resumed), [("a1".to_owned(), None)]);
    // Resuming a file keeps its times.
    let mut resumed = Editor::new(doc("other"), Labels::news());
    open(&mut resumed, "new.spanmark.json", out.as_bytes());
    assert_eq!(created(&resumed), created(&e));
    // A `created` that is not a date and time is named.
    let bad = out.replace("2026-12-01T11:24:18.007Z", "yesterday");
    let message = spanmark::parse(&bad).map(|_| ()).map_err(|e| e.to_string()).expect_err("refused");
    assert!(message.starts_with("annotations[1].created: expected an ISO 8601"), "{message}");
}

#[test]
fn w3c_exports_created_where_known_and_reads_it_back() {
    let mut e = Editor::new(doc(SEED), Labels::news());
    e.apply_at(Action::Annotate { label: label("actor"), span: Span::new(262, 272) }, at(1_796_124_258_007));
    e.apply(Action::Annotate { label: label("location"), span: Span::new(55, 60) });
    let out = w3c::serialize(e.doc(), e.labels(), e.annotations());
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let items = v["first"]["items"].as_array().expect("items");
    let times: Vec<Option<&str>> = items.iter().map(|a| a.get("created").and_then(|c| c.as_str())).collect();
    assert_eq!(times, [None, Some("2026-12-01T11:24:18.007Z")]);
    let (spans, _) = w3c::parse(&v).expect("its own export");
    assert_eq!(spans.iter().map(|f| f.created.map(Time::millis)).collect::<Vec<_>>(), [None, Some(1_796_124_258_007)]);
    // Placed back onto the text: the same spans, labels and times.
    let (_, placed, report) = formats::place(e.doc(), e.labels(), &spans);
    assert_eq!(report.placed, 2);
    let summary = |a: &crate::model::annotation::Annotation| (a.span, a.label.clone(), a.created);
    assert_eq!(placed.iter().map(summary).collect::<Vec<_>>(), e.annotations().iter().map(summary).collect::<Vec<_>>());
    // Placed onto a text, the file's times stay; an offset in another zone is read in UTC; a
    // time spanmark cannot read is left out rather than refusing the file.
    let mut v = v;
    v["first"]["items"][0]["created"] = "2026-12-01T13:24:18+02:00".into();
    v["first"]["items"][1]["created"] = "last Tuesday".into();
    let (spans, _) = w3c::parse(&v).expect("still read");
    assert_eq!(
        spans.iter().map(|f| f.created.map(Time::iso)).collect::<Vec<_>>(),
        [Some("2026-12-01T11:24:18Z".to_owned()), None]
    );
}

const LINKED: &str = "Ron Dermer said the talks in Cairo will calm tensions.";

/// An editor over [`LINKED`] with Ron Dermer (a1, actor) and "calm tensions" (a2, claim).
fn two_spans() -> Editor {
    let mut e = Editor::new(doc(LINKED), Labels::news());
    e.apply(Action::Annotate { label: label("actor"), span: Span::new(0, 10) });
    e.apply(Action::Annotate { label: label("claim"), span: Span::new(40, 53) });
    e.apply(Action::Deselect);
    e
}

fn link(from: &str, to: &str, kind: &str) -> Action {
    Action::Link { from: AnnotationId::new(from), to: AnnotationId::new(to), kind: kind.to_owned() }
}

/// Each relation's id and `created`, in id order.
fn linked(e: &Editor) -> Vec<(String, Option<u64>)> {
    e.relations().iter().map(|r| (r.id.as_str().to_owned(), r.created.map(Time::millis))).collect()
}

/// A relation is created when its Link action says, and keeps that time through undo and redo,
/// storage (ops and a snapshot), the native file, and the W3C export read back onto the text;
/// one linked with no time known has none, in each of them.
#[test]
fn a_relation_is_created_when_linked_and_keeps_it_everywhere() {
    const T: u64 = 1_796_124_258_007;
    let mut e = two_spans();
    e.apply_at(link("a2", "a1", "said_by"), at(T));
    e.apply(link("a1", "a2", "about"));
    let want = [("r1".to_owned(), Some(T)), ("r2".to_owned(), None)];
    assert_eq!(linked(&e), want, "the action's time; none without one");
    e.apply(Action::Undo);
    e.apply(Action::Undo);
    assert!(e.relations().is_empty());
    e.apply(Action::Redo);
    e.apply(Action::Redo);
    assert_eq!(linked(&e), want, "undo and redo keep it");

    // Storage: from the ops, then from a snapshot (a change of labels writes one).
    let mut store = Stored::default();
    flush(&mut e, &mut store);
    let rebuilt = |store: &Stored| Editor::restore(doc(LINKED), Labels::news(), store.clone());
    let mut back = rebuilt(&store);
    assert_eq!((back.notice.clone(), linked(&back)), (None, want.to_vec()), "rebuilt from the ops");
    back.apply(Action::Undo);
    back.apply(Action::Redo);
    assert_eq!(linked(&back), want, "its history rebuilt too");
    e.apply(Action::ChangeLabels(crate::model::label_edit::LabelChange::Rename {
        id: label("actor"),
        name: "Person".to_owned(),
    }));
    flush(&mut e, &mut store);
    assert!(store.snapshots.iter().any(|s| s.relations.iter().any(|r| r.created == Some(at(T)))));
    assert_eq!(linked(&rebuilt(&store)), want, "rebuilt from the snapshot");

    // The native file: ISO 8601, written only when known, read back the same.
    let d = e.current();
    let parts = formats::export::Parts {
        doc: &d.doc,
        labels: &d.labels,
        annotations: &d.annotations,
        relations: &d.relations,
        attributes: &d.attributes,
    };
    let file = spanmark::serialize_parts(parts, "2026-12-01T12:00:00Z", None);
    let v: serde_json::Value = serde_json::from_str(&file).expect("json");
    assert_eq!(v["relations"][0]["created"], "2026-12-01T11:24:18.007Z");
    assert_eq!(v["relations"][1].get("created"), None, "none written where not known");
    let project = spanmark::parse(&file).expect("its own file");
    assert_eq!(&project.relations, e.relations());
    let mut resumed = Editor::new(doc("other"), Labels::news());
    open(&mut resumed, "linked.spanmark.json", file.as_bytes());
    assert_eq!(linked(&resumed), want, "opened as a document");

    // The W3C export: the linking annotation's `created`, read back onto the text.
    let out = w3c::serialize_with(&d.doc, &d.labels, &d.annotations, &d.relations);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let links: Vec<Option<&str>> = v["first"]["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|a| a["motivation"] == "linking")
        .map(|a| a.get("created").and_then(|c| c.as_str()))
        .collect();
    assert_eq!(links, [Some("2026-12-01T11:24:18.007Z"), None]);
    let mut onto = Editor::new(doc(LINKED), Labels::news());
    open(&mut onto, "linked.w3c.jsonld", out.as_bytes());
    assert_eq!(linked(&onto), want, "placed onto the text with their times");
}

/// Older stored records and files (no `created`) read as before, with none; a `created` that is
/// not a date and time is named by its path.
#[test]
fn a_relation_without_created_reads_as_before() {
    let record = |json: &str| EditRecord::from_json(json);
    let without = r#"{"kind":"link","id":"r1","from":"a2","to":"a1","type":"said_by"}"#;
    let with =
        r#"{"kind":"link","id":"r1","from":"a2","to":"a1","type":"said_by","created":"2026-12-01T11:24:18.007Z"}"#;
    for json in [without, with] {
        let read = record(json).expect("a stored link");
        assert_eq!(serde_json::to_string(&read).expect("json"), json, "written back the same");
    }
    let bad = with.replace("2026-12-01T11:24:18.007Z", "yesterday");
    let why = record(&bad).map(|_| ()).expect_err("refused").to_string();
    assert!(why.contains("created: expected an ISO 8601"), "{why}");

    let mut e = two_spans();
    e.apply(link("a2", "a1", "said_by"));
    let d = e.current();
    let parts = formats::export::Parts {
        doc: &d.doc,
        labels: &d.labels,
        annotations: &d.annotations,
        relations: &d.relations,
        attributes: &d.attributes,
    };
    let file = spanmark::serialize_parts(parts, "2026-12-01T12:00:00Z", None);
    assert!(!file.contains("created"), "nothing known, nothing written");
    let bad = file.replace(r#""type": "said_by""#, r#""type": "said_by", "created": 12"#);
    let message = spanmark::parse(&bad).map(|_| ()).map_err(|e| e.to_string()).expect_err("refused");
    assert!(message.starts_with("relations[0].created: expected an ISO 8601"), "{message}");
}
