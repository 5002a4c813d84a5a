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
    let spans = w3c::parse(&v).expect("its own export");
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
    let spans = w3c::parse(&v).expect("still read");
    assert_eq!(
        spans.iter().map(|f| f.created.map(Time::iso)).collect::<Vec<_>>(),
        [Some("2026-12-01T11:24:18Z".to_owned()), None]
    );
}
