//! Limits: many documents from one file, and what is refused before anything changes.

use std::rc::Rc;

use super::{editor, flush, open, picture, restored, SEED};
use crate::model::editor::{Notice, SEED_ID};
use crate::model::input::MAX_DOCUMENTS;
use crate::model::persist::{Stored, Write};

/// A doccano file of `n` records, record `i` reading "Record {i+from}: Alice met Bob…" with one
/// span on "Alice".
fn records(from: usize, n: usize) -> Vec<u8> {
    let mut out = String::new();
    for i in from..from + n {
        let start = format!("Record {i}: ").chars().count();
        out.push_str(&format!(
            "{{\"text\": \"Record {i}: Alice met Bob in Paris.\", \"entities\": [{{\"id\": 1, \"label\": \"PER\", \"start_offset\": {start}, \"end_offset\": {}}}]}}\n",
            start + 5
        ));
    }
    out.into_bytes()
}

#[test]
fn many_records_become_documents_that_share_their_labels_and_one_list_write() {
    let mut e = editor(SEED);
    open(&mut e, "many.jsonl", &records(0, 2_000));
    assert_eq!(e.docs.len(), 2_001);
    assert_eq!(e.current().doc.title(), "many.jsonl (2000)");
    assert_eq!(e.annotations().len(), 1);
    // The list of documents is written once, not once per record (each a copy of the list).
    let lists = e.unsaved().iter().filter(|(_, w)| matches!(w, Write::Workspace(_))).count();
    assert_eq!(lists, 1);
    // Records with the same labels share one set.
    assert!(e.docs[1..].iter().all(|d| Rc::ptr_eq(&d.labels, &e.docs[1].labels)));
    assert!(e.docs[1].labels.by_id("per").is_some());
    // Stored and restored: every document, in order, with its span.
    let mut store = Stored::default();
    flush(&mut e, &mut store);
    assert_eq!(picture(&restored(&store)), picture(&e));
}

#[test]
fn a_record_whose_text_is_open_asks_once_and_the_rest_open() {
    let mut e = editor(SEED);
    open(&mut e, "first.jsonl", &records(0, 3));
    // Records 1 and 2 are open; 2 twice in the file; 3 and 4 are new.
    let mut file = records(1, 2);
    file.extend(records(2, 3));
    open(&mut e, "again.jsonl", &file);
    let titles: Vec<&str> = e.docs.iter().map(|d| d.doc.title()).collect();
    assert_eq!(
        titles,
        ["test", "first.jsonl (1)", "first.jsonl (2)", "first.jsonl (3)", "again.jsonl (4)", "again.jsonl (5)"]
    );
    let pending = e.pending.as_ref().map(|p| p.target.as_str());
    assert_eq!(pending, Some("d2"), "the first repeat (record 1's text) is asked about");
    assert_eq!(e.current().doc.title(), "again.jsonl (5)");
}

#[test]
fn a_file_past_the_document_limit_is_refused_before_anything_changes() {
    let mut e = editor(SEED);
    open(&mut e, "huge.jsonl", &records(0, MAX_DOCUMENTS + 1));
    assert_eq!(e.docs.len(), 1);
    assert!(e.unsaved().is_empty(), "nothing journalled");
    let Some(Notice::Refused { text, .. }) = &e.notice else { panic!("refused: {:?}", e.notice) };
    assert!(text.contains(&MAX_DOCUMENTS.to_string()), "{text}");
    assert!(text.contains("huge.jsonl holds 50001 documents"), "{text}");
}

#[test]
fn documents_past_the_limit_with_those_open_are_refused_whole() {
    let mut e = editor(SEED);
    let half = MAX_DOCUMENTS / 2;
    open(&mut e, "a.jsonl", &records(0, half));
    assert_eq!(e.docs.len(), half + 1);
    let before = e.unsaved().len();
    open(&mut e, "b.jsonl", &records(half, half));
    assert_eq!(e.docs.len(), half + 1, "none of b.jsonl opened");
    assert_eq!(e.unsaved().len(), before);
    assert_eq!(e.current().doc.title(), format!("a.jsonl ({half})"));
    let Some(Notice::Refused { text, .. }) = &e.notice else { panic!("refused: {:?}", e.notice) };
    assert!(text.contains(&format!("would add {half} documents to the {}", half + 1)), "{text}");
    assert!(text.contains(&MAX_DOCUMENTS.to_string()), "{text}");
    // One fewer fits exactly.
    open(&mut e, "c.jsonl", &records(half, half - 1));
    assert_eq!(e.docs.len(), MAX_DOCUMENTS);
    assert_eq!(e.docs[0].id, SEED_ID);
}
