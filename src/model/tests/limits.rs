//! Limits and bad input: many documents from one file, labels beyond the hotkeys, caps on
//! pasted text and titles, what titles may show; each refusal made before anything changes.

use std::rc::Rc;

use super::{editor, flush, open, picture, restored, SEED};
use crate::model::document::{slug, MAX_SLUG};
use crate::model::editor::{Action, ImportChoice, Notice, SEED_ID};
use crate::model::formats::export::render;
use crate::model::formats::{spanmark, Unit, FORMATS};
use crate::model::input::{MAX_DOCUMENTS, MAX_FILE_BYTES};
use crate::model::persist::{Stored, Write};
use crate::model::title::visible;

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

/// A doccano record tagged with `n` label names none of the news labels has.
fn many_labels(n: usize) -> Vec<u8> {
    let text: String = (0..n).map(|i| format!("w{i:02} ")).collect();
    let entities: Vec<String> = (0..n)
        .map(|i| format!("{{\"label\": \"Kind {i}\", \"start_offset\": {}, \"end_offset\": {}}}", i * 4, i * 4 + 3))
        .collect();
    format!("{{\"text\": \"{text}\", \"entities\": [{}]}}\n", entities.join(", ")).into_bytes()
}

#[test]
fn labels_beyond_the_hotkeys_have_none_and_nothing_is_lost() {
    let mut e = editor(SEED);
    open(&mut e, "kinds.jsonl", &many_labels(20));
    assert_eq!(e.docs.len(), 2);
    assert_eq!(e.labels().len(), 24, "the news labels and all twenty");
    let keys: Vec<Option<char>> = e.labels().iter().map(|l| l.hotkey).collect();
    let with_key = keys.iter().filter(|k| k.is_some()).count();
    assert_eq!(with_key, 4 + 15, "the spare keys are 5–9 and q–p");
    assert!(keys[19..].iter().all(Option::is_none), "{keys:?}");
    // Every span under its own label.
    assert_eq!(e.annotations().len(), 20);
    for a in e.annotations().iter() {
        // "w07" is tagged "Kind 7".
        let n: u32 = e.doc().slice(a.span)[1..].parse().expect("a number");
        let name = e.labels().get(&a.label).map(|l| l.name.clone());
        assert_eq!(name, Some(format!("Kind {n}")));
    }
    // Stored and restored: the labels and spans are all there, with no problem reported.
    let mut store = Stored::default();
    flush(&mut e, &mut store);
    let back = restored(&store);
    assert_eq!(back.notice, None);
    assert_eq!(picture(&back), picture(&e));
    assert_eq!(back.docs[1].labels, e.docs[1].labels);
    // Written as a spanmark file (no key written as "") and read again, the same.
    let out = spanmark::serialize(e.doc(), e.labels(), e.annotations(), "2026-12-01T00:00:00.000Z");
    let back = spanmark::parse(&out).expect("its own export reads");
    assert_eq!(back.labels, **e.labels());
    assert_eq!(&back.annotations, e.annotations());
}

#[test]
fn a_merge_bringing_more_labels_than_keys_adds_them_all() {
    let mut e = editor(SEED);
    open(&mut e, "kinds.jsonl", &many_labels(20));
    let out = spanmark::serialize(e.doc(), e.labels(), e.annotations(), "2026-12-01T00:00:00.000Z");
    // The same text with only the news labels: the file's twenty labels are merged in.
    let mut e2 = editor(SEED);
    open(&mut e2, "kinds.txt", e.doc().text().as_bytes());
    open(&mut e2, "kinds.spanmark.json", out.as_bytes());
    e2.apply(Action::ResolveImport(ImportChoice::Merge));
    assert_eq!(e2.labels().len(), 24);
    assert_eq!(e2.annotations().len(), 20);
    assert!(matches!(e2.notice, Some(Notice::Info(_))), "{:?}", e2.notice);
}

#[test]
fn a_paste_or_a_title_over_the_cap_is_refused_before_anything_changes() {
    let cap = MAX_FILE_BYTES as usize;
    let mut e = editor(SEED);
    let big = "a".repeat(cap + 1);
    for (title, text) in [("t", big.clone()), (big.as_str(), "Some text.".to_owned())] {
        e.apply(Action::NewDocument { title: title.to_owned(), text });
        assert_eq!(e.docs.len(), 1);
        assert!(e.unsaved().is_empty());
        let Some(Notice::Error(why)) = &e.notice else { panic!("refused: {:?}", e.notice) };
        assert!(why.contains("is 33 MB; spanmark takes up to 32 MB"), "{why}");
    }
    // Exactly at the cap, it opens.
    e.apply(Action::NewDocument { title: "at the cap".to_owned(), text: "b".repeat(cap) });
    assert_eq!(e.docs.len(), 2);
    let before = e.unsaved().len();
    e.apply(Action::RenameDocument { id: e.current().id.clone(), title: big.clone() });
    assert_eq!(e.doc().title(), "at the cap");
    assert_eq!(e.unsaved().len(), before);
    let Some(Notice::Error(why)) = &e.notice else { panic!("refused: {:?}", e.notice) };
    assert!(why.starts_with("The new title is 33 MB"), "{why}");
}

#[test]
fn control_and_bidi_characters_in_titles_are_shown_not_obeyed() {
    assert_eq!(visible("a\tb\nc\u{1b}[31m\u{7f}"), "a\u{2409}b\u{240a}c\u{241b}[31m\u{2421}");
    assert_eq!(
        visible("report\u{202e}fdp.exe\u{2066}x\u{2069}\u{85}"),
        "report\u{fffd}fdp.exe\u{fffd}x\u{fffd}\u{fffd}"
    );
    // Right-to-left text and its marks are text, kept.
    assert_eq!(visible("سوريا\u{200f} 2025"), "سوريا\u{200f} 2025");
    let mut e = editor(SEED);
    open(&mut e, "notes\u{202e}txt.exe", b"Some text.");
    assert_eq!(e.doc().title(), "notes\u{fffd}txt.exe");
    e.apply(Action::RenameDocument { id: e.current().id.clone(), title: "two\nlines".to_owned() });
    assert_eq!(e.doc().title(), "two\u{240a}lines");
    // A file's name in a message is shown the same way.
    open(&mut e, "bad\u{202e}.json", b"{");
    let Some(Notice::Refused { text, .. }) = &e.notice else { panic!("refused: {:?}", e.notice) };
    assert!(text.starts_with("bad\u{fffd}.json "), "{text}");
}

#[test]
fn download_names_are_cut_to_a_length_every_file_system_takes() {
    let long = "word ".repeat(1_000);
    let stem = slug(&format!("{long}.txt"));
    assert!(stem.len() <= MAX_SLUG && stem.len() > MAX_SLUG - 20, "{}", stem.len());
    assert!(stem.ends_with("word"), "cut at a hyphen: {stem}");
    let unbroken = slug(&"x".repeat(5_000));
    assert_eq!(unbroken.len(), MAX_SLUG);
    let mut e = editor(SEED);
    e.apply(Action::NewDocument { title: long.clone(), text: "Some text.".to_owned() });
    let out = render(&FORMATS[0], e.doc(), e.labels(), e.annotations(), "2026-12-01T00:00:00.000Z", Unit::CodePoint);
    assert!(out.filename.len() <= MAX_SLUG + ".spanmark.json".len(), "{}", out.filename);
    assert!(out.filename.ends_with(".spanmark.json"));
}
