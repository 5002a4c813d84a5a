//! The spanmark file's `annotator` (who annotated) and each annotation's `annotators` (who had
//! it): written only when there is one, read back, kept through open → autosave → export.

use super::{doc, flush, open, restored, sample_export, set, SEED};
use crate::model::annotation::Annotation;
use crate::model::formats::export::render_by;
use crate::model::formats::{spanmark, Unit, FORMATS};
use crate::model::label::{LabelId, Labels};
use crate::model::persist::Stored;
use crate::model::Editor;

const STAMP: &str = "2026-12-01T00:00:00.000Z";

fn adjudicated() -> (crate::model::Document, crate::model::AnnotationSet) {
    let with = |id: &str, label: &str, s, e, who: &[&str]| Annotation {
        annotators: who.iter().map(|w| (*w).to_owned()).collect(),
        ..super::ann(id, label, s, e)
    };
    let d = doc(SEED);
    let anns = set(&[with("a1", "actor", 262, 272, &["ana", "ben"]), with("a2", "location", 55, 60, &[])]);
    (d, anns)
}

#[test]
fn annotators_are_written_only_where_known_and_read_back() {
    let (d, anns) = adjudicated();
    let out = spanmark::serialize_by(&d, &Labels::news(), &anns, STAMP, Some("cy"));
    assert!(out.contains("\"annotator\": \"cy\""), "{out}");
    assert_eq!(out.matches("\"annotators\"").count(), 1, "written only when non-empty: {out}");
    let back = spanmark::parse(&out).expect("its own file");
    assert_eq!(back.annotator.as_deref(), Some("cy"));
    assert_eq!(&back.annotations, &anns);
    // Without a name, no `annotator` at all.
    let plain = spanmark::serialize(&d, &Labels::news(), &anns, STAMP);
    assert!(!plain.contains("\"annotator\""));
    assert!(plain.contains("\"version\": 2"));
    assert_eq!(spanmark::parse(&plain).expect("reads").annotator, None);
    // A blank name from the setting writes none.
    let blank = render_by(&FORMATS[0], &d, &Labels::news(), &anns, STAMP, Unit::CodePoint, Some("  "));
    assert!(!String::from_utf8_lossy(&blank.bytes).contains("\"annotator\""));
}

#[test]
fn a_wrong_annotator_field_is_named() {
    let (_, old) = sample_export(SEED, &[("actor", 262, 272)]);
    let bad = old.replacen("\"exported_at\"", "\"annotator\": 7,\n  \"exported_at\"", 1);
    let message = spanmark::parse(&bad).map(|_| ()).map_err(|e| e.to_string()).expect_err("refused");
    assert!(message.starts_with("annotator: expected a string"), "{message}");
    let bad = old.replacen("\"label\": \"actor\"", "\"label\": \"actor\", \"annotators\": [\"ana\", 3]", 1);
    let message = spanmark::parse(&bad).map(|_| ()).map_err(|e| e.to_string()).expect_err("refused");
    assert!(message.contains("annotators[1]"), "{message}");
}

#[test]
fn annotators_survive_open_autosave_restore_relabel_undo_and_export() {
    let (d, anns) = adjudicated();
    let file = spanmark::serialize_by(&d, &Labels::news(), &anns, STAMP, Some("ana"));
    let mut e = Editor::new(doc("other"), Labels::news());
    let mut store = Stored::default();
    open(&mut e, "adjudicated.spanmark.json", file.as_bytes());
    let who = |e: &Editor| -> Vec<(String, Vec<String>)> {
        e.annotations().iter().map(|a| (a.label.as_str().to_owned(), a.annotators.clone())).collect()
    };
    let want = vec![("location".to_owned(), vec![]), ("actor".to_owned(), vec!["ana".to_owned(), "ben".to_owned()])];
    assert_eq!(who(&e), want);
    flush(&mut e, &mut store);
    let mut back = restored(&store);
    assert_eq!(who(&back), want, "through storage");
    let a1 = back.annotations().iter().find(|a| !a.annotators.is_empty()).map(|a| a.id.clone()).expect("a1");
    back.apply(crate::model::Action::Relabel { id: a1.clone(), label: LabelId::new("claim") });
    back.apply(crate::model::Action::Remove(a1.clone()));
    back.apply(crate::model::Action::Undo);
    flush(&mut back, &mut store);
    let again = restored(&store);
    let a = again.annotations().get(&a1).expect("back");
    assert_eq!((a.label.as_str(), a.annotators.len()), ("claim", 2), "relabel and undo keep them, through storage");
    let out = spanmark::serialize(again.doc(), again.labels(), again.annotations(), STAMP);
    assert!(out.contains("\"annotators\": [\n        \"ana\",\n        \"ben\"\n      ]"), "{out}");
}
