//! Files: the spanmark export and its parser, bad files refused with a reason, resuming a file.

use super::{doc, label, open, picture, sample_export, SEED, TEXTS};
use crate::model::editor::{Action, Editor, ImportChoice, Notice};
use crate::model::formats::spanmark;
use crate::model::label::Labels;
use crate::model::span::Span;

#[test]
fn spanmark_export_quotes_every_span_in_code_points() {
    for text in TEXTS {
        let n = doc(text).len();
        let spans: Vec<(&str, u32, u32)> =
            (0..n.min(40)).step_by(3).map(|i| (["actor", "claim"][i as usize % 2], i, (i + 5).min(n))).collect();
        let (e, out) = sample_export(text, &spans);
        let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(v["document"]["length"]["code_points"], chars.len());
        assert_eq!(v["document"]["length"]["utf16_units"], text.encode_utf16().count());
        assert_eq!(v["document"]["length"]["utf8_bytes"], text.len());
        let anns = v["annotations"].as_array().expect("array");
        assert_eq!(anns.len(), e.annotations().len());
        for a in anns {
            let (s, end) = (a["start"].as_u64().expect("start") as usize, a["end"].as_u64().expect("end") as usize);
            let quote: String = chars[s..end].iter().collect();
            assert_eq!(a["text"], quote.as_str());
            let prefix: String = chars[s.saturating_sub(32)..s].iter().collect();
            assert_eq!(a["prefix"], prefix.as_str());
        }
        // Round trip: the same file, byte for byte.
        let back = spanmark::parse(&out).expect("its own export parses");
        assert_eq!(&back.annotations, e.annotations());
        assert_eq!(spanmark::serialize(&back.doc, &back.labels, &back.annotations, "2026-11-26T00:00:00.000Z"), out);
    }
}

#[test]
fn spanmark_export_is_deterministic_and_ordered() {
    let spans = [("event", 432, 456), ("actor", 173, 216), ("location", 173, 178), ("actor", 262, 272)];
    let (_, a) = sample_export(SEED, &spans);
    let mut reversed = spans;
    reversed.reverse();
    let (_, b) = sample_export(SEED, &reversed);
    // Ids follow the order of tagging, so compare all but the ids.
    let strip =
        |s: &str| s.lines().filter(|l| !l.trim_start().starts_with("\"id\": \"a")).collect::<Vec<_>>().join("\n");
    assert_eq!(strip(&a), strip(&b));
    let keys: Vec<&str> =
        a.lines().filter(|l| l.starts_with("  \"")).map(|l| l.trim().split('"').nth(1).unwrap_or("")).collect();
    let order = ["format", "version", "offset_unit", "exported_at", "document", "labels", "relation_types"];
    assert_eq!(keys, [&order[..], &["document_attributes", "annotations", "relations"]].concat());
    let v: serde_json::Value = serde_json::from_str(&a).expect("json");
    let starts: Vec<u64> =
        v["annotations"].as_array().expect("array").iter().map(|a| a["start"].as_u64().unwrap_or(0)).collect();
    assert_eq!(starts, [173, 173, 262, 432]);
}

#[test]
fn spanmark_parse_names_what_is_wrong() {
    let (_, good) = sample_export("Ron Dermer met al-Shaibani.", &[("actor", 0, 10)]);
    let v: serde_json::Value = serde_json::from_str(&good).expect("json");
    let with = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = v.clone();
        f(&mut v);
        spanmark::parse(&v.to_string()).map(|_| ()).map_err(|e| e.to_string())
    };
    let check = |result: Result<(), String>, needle: &str| {
        let message = result.expect_err("must be refused");
        assert!(message.contains(needle), "{message:?} should mention {needle:?}");
    };
    check(spanmark::parse("not json").map(|_| ()).map_err(|e| e.to_string()), "line 1, column 2: expected ident");
    check(spanmark::parse(&good[..good.len() / 2]).map(|_| ()).map_err(|e| e.to_string()), "EOF");
    check(spanmark::parse("[1,2]").map(|_| ()).map_err(|e| e.to_string()), "format");
    check(
        with(&|v| v["document"].as_object_mut().expect("object").remove("text").map(drop).unwrap_or(())),
        "document: missing field `text`",
    );
    check(
        with(&|v| v["annotations"][0]["start"] = "0".into()),
        "annotations[0].start: invalid type: expected a whole number",
    );
    check(with(&|v| v["annotations"][0]["end"] = (-3).into()), "annotations[0].end: invalid type");
    check(with(&|v| v["labels"][0] = 7.into()), "labels[0]: invalid type: expected an object, found a number");
    check(with(&|v| v["labels"] = serde_json::Value::Null), "labels: invalid type: expected an array, found null");
    check(
        with(&|v| v.as_object_mut().expect("object").remove("labels").map(drop).unwrap_or(())),
        "file: missing field `labels`",
    );
    check(with(&|v| v["format"] = "brat".into()), "\"brat\"");
    check(with(&|v| v["version"] = 3.into()), "version 3");
    check(with(&|v| v["annotations"][0]["end"] = 99.into()), "annotations[0]: end 99 is past the end");
    check(with(&|v| v["annotations"][0]["start"] = 12.into()), "start 12 is after end 10");
    check(with(&|v| v["annotations"][0]["text"] = "Ron Dermen".into()), "annotations[0].text");
    check(with(&|v| v["document"]["sha256"] = "00".into()), "sha256");
    check(with(&|v| v["annotations"][0]["label"] = "person".into()), "\"person\"");
    check(
        with(&|v| {
            let mut twin = v["annotations"][0].clone();
            twin["label"] = "event".into();
            v["annotations"].as_array_mut().expect("array").push(twin);
        }),
        "\"a1\" is used twice",
    );
    check(with(&|v| v["document"]["text"] = "changed".into()), "sha256");
    check(with(&|v| v["labels"][0]["hotkey"] = "12".into()), "labels[0]: hotkey \"12\" is not one character");
    assert_eq!(with(&|_| {}), Ok(()));
}

/// Each bad file gets a sentence saying what is wrong and what to do, the technical detail apart
/// (where there is one), and changes nothing.
#[test]
fn bad_files_are_refused_with_a_reason() {
    let (_, good) = sample_export(SEED, &[("actor", 262, 272)]);
    let mutate = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_str(&good).expect("json");
        f(&mut v);
        serde_json::to_vec_pretty(&v).expect("json")
    };
    let remove =
        |key: &'static str| mutate(&move |v| v.as_object_mut().expect("object").remove(key).map(drop).unwrap_or(()));
    // (file, bytes, what the sentence says, what the detail says or None)
    let cases: Vec<(&str, Vec<u8>, &str, Option<&str>)> = vec![
        (
            "x.json",
            b"not json at all".to_vec(),
            "x.json is not valid JSON: it may be cut short",
            Some("line 1, column 2"),
        ),
        (
            "x.json",
            good.as_bytes()[..good.len() / 3].to_vec(),
            "x.json is not valid JSON (it stops before its end)",
            Some("EOF while parsing"),
        ),
        ("x.json", br#"{"hello": "world"}"#.to_vec(), "is JSON, but not a file spanmark reads", None),
        ("x.json", b"[1, 2, 3]".to_vec(), "is JSON, but not a file spanmark reads", None),
        (
            "x.json",
            mutate(&|v| v["format"] = "brat".into()),
            "x.json is not a spanmark file",
            Some("format is \"brat\""),
        ),
        ("x.json", mutate(&|v| v["version"] = 7.into()), "was saved by a newer spanmark", Some("version 7 is newer")),
        (
            "x.json",
            remove("offset_unit"),
            "x.json does not say how it counts positions: the line \"offset_unit\": \"codepoint\" is missing",
            Some("file: missing field `offset_unit`"),
        ),
        (
            "x.json",
            mutate(&|v| v["offset_unit"] = "utf16".into()),
            "counts positions in a unit spanmark files do not use",
            Some("offset_unit is \"utf16\""),
        ),
        (
            "x.json",
            remove("labels"),
            "x.json is a spanmark file, but its list of labels is missing",
            Some("file: missing field `labels`"),
        ),
        (
            "x.json",
            mutate(&|v| v["annotations"][0]["start"] = "0".into()),
            "but where annotation 1 starts is not what spanmark expects",
            Some("annotations[0].start: invalid type"),
        ),
        (
            "x.json",
            mutate(&|v| v["annotations"][0]["end"] = 5000.into()),
            "In x.json, annotation 1 runs past the end of the text",
            Some("annotations[0]: end 5000 is past the end"),
        ),
        (
            "x.json",
            mutate(&|v| v["annotations"][0]["start"] = 300.into()),
            "annotation 1 ends before it starts",
            Some("start 300 is after end 272"),
        ),
        (
            "x.json",
            mutate(&|v| v["annotations"][0]["text"] = "Ron".into()),
            "annotation 1 quotes words that are not at its place",
            Some("annotations[0].text is \"Ron\""),
        ),
        (
            "x.json",
            mutate(&|v| v["document"]["sha256"] = "ab".into()),
            "The text in x.json was changed after it was saved",
            Some("document.sha256 is ab"),
        ),
        (
            "x.json",
            mutate(&|v| v["annotations"][0]["label"] = "person".into()),
            "has the label “person”, which is not in the file's list of labels",
            Some("label \"person\" is not among"),
        ),
        (
            "x.json",
            mutate(&|v| {
                let mut twin = v["annotations"][0].clone();
                twin["start"] = 263.into();
                twin["text"] = "on Dermer".into();
                v["annotations"].as_array_mut().expect("array").push(twin);
            }),
            "two annotations have the same id “a1”",
            Some("annotations[1].id \"a1\" is used twice"),
        ),
        (
            "x.jsonl",
            b"{\"text\": \"Ron Dermer\", \"label\": [[0, 3, \"actor\"]]}\n{\"label\": []}".to_vec(),
            "x.jsonl looks like a doccano JSONL file, but part of it is not written as spanmark expects",
            Some("doccano JSONL line 2: has no \"text\""),
        ),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), "photo.txt is not a text file", Some("NUL bytes")),
        (
            "latin1.txt",
            b"caf\xe9 au lait".to_vec(),
            "latin1.txt is not saved as UTF-8",
            Some("byte 0xE9 at offset 3 is not valid UTF-8"),
        ),
        ("empty.txt", Vec::new(), "empty.txt is empty", None),
        ("blank.txt", b" \n\t\r\n".to_vec(), "blank.txt is empty", None),
    ];
    for (name, bytes, says, detailed) in cases {
        let mut e = Editor::new(doc(SEED), Labels::news());
        e.apply(Action::Annotate { label: label("actor"), span: Span::new(262, 272) });
        let before = picture(&e);
        let journal = e.unsaved().len();
        open(&mut e, name, &bytes);
        match &e.notice {
            Some(Notice::Refused { text, detail }) => {
                assert!(text.contains(says), "{text:?} should say {says:?}");
                match (detailed, detail) {
                    (Some(want), Some(detail)) => assert!(detail.contains(want), "{detail:?} should say {want:?}"),
                    (None, None) => {}
                    (want, got) => panic!("{says}: detail {got:?}, expected one saying {want:?}"),
                }
            }
            other => panic!("{name} ({says}): expected a refusal, got {other:?}"),
        }
        assert_eq!(picture(&e), before, "{says}: the work changed");
        assert_eq!(e.unsaved().len(), journal, "{says}: something was written");
    }
    assert_eq!(
        crate::model::input::check_size("big.txt", 50 * 1024 * 1024).map_err(|e| e.to_string()),
        Err("big.txt is 50 MB; spanmark opens files up to 32 MB. Split it into smaller files and open those."
            .to_owned())
    );
    // A BOM and CRLF are fine, and kept.
    let mut e = Editor::new(doc(SEED), Labels::news());
    open(&mut e, "bom.txt", "\u{feff}one\r\ntwo".as_bytes());
    assert_eq!(e.doc().text(), "\u{feff}one\r\ntwo");
    // A text that starts with a bracket is still a text.
    open(&mut e, "wire.txt", b"[Reuters] Talks resumed.");
    assert_eq!(e.doc().text(), "[Reuters] Talks resumed.");
}

#[test]
fn resuming_a_file_restores_it_exactly_or_asks() {
    let (exported, file) = sample_export(SEED, &[("actor", 262, 272), ("location", 55, 60), ("claim", 285, 349)]);
    let stamp = "2026-11-26T00:00:00.000Z";
    let reexport = |e: &Editor| spanmark::serialize(e.doc(), e.labels(), e.annotations(), stamp);
    // Into a workspace where the seed is untouched: the same text is open, so it asks.
    let mut e = Editor::new(doc(SEED), Labels::news());
    e.apply(Action::Annotate { label: label("actor"), span: Span::new(262, 272) });
    e.apply(Action::Annotate { label: label("event"), span: Span::new(432, 456) });
    open(&mut e, "article.spanmark.json", file.as_bytes());
    assert!(e.pending.is_some());
    let asked = e.clone();
    // Merge: the exact duplicate (Ron Dermer, Actor) is dropped.
    e.apply(Action::ResolveImport(ImportChoice::Merge));
    let got: Vec<String> =
        e.annotations().iter().map(|a| format!("{}:{}", a.label.as_str(), e.doc().slice(a.span))).collect();
    assert_eq!(
        got,
        [
            "location:Paris",
            "actor:Ron Dermer",
            "claim:“de-escalation and non-interference in Syria’s internal affairs”",
            "event:deadly sectarian clashes"
        ]
    );
    assert_eq!(
        e.notice,
        Some(Notice::Info("Merged article.spanmark.json: 2 added, 1 exact duplicate dropped.".to_owned()))
    );
    // One undo takes the whole merge back.
    e.apply(Action::Undo);
    assert_eq!(e.annotations().len(), 2);
    // Replace: the file's annotations, exactly, so the export is the same bytes.
    let mut r = asked.clone();
    r.apply(Action::ResolveImport(ImportChoice::Replace));
    assert_eq!(reexport(&r), file);
    assert_eq!(r.annotations(), exported.annotations());
    // Copy: a new document with the file's annotations; the original is untouched.
    let mut c = asked.clone();
    c.apply(Action::ResolveImport(ImportChoice::Copy));
    assert_eq!(c.docs.len(), 2);
    assert_eq!(c.doc().title(), "test (copy)");
    assert_eq!(c.docs[0].annotations.len(), 2);
    // Cancel: nothing changes.
    let mut n = asked.clone();
    n.apply(Action::ResolveImport(ImportChoice::Cancel));
    assert_eq!(picture(&n), picture(&asked));
    // A file whose text is not open yet opens as a new document, and exports the same bytes.
    let (_, other) = sample_export("Family 👩‍👩‍👦 in Daraa\r\nCRLF", &[("location", 17, 22), ("event", 0, 6)]);
    let mut o = Editor::new(doc(SEED), Labels::news());
    open(&mut o, "daraa.spanmark.json", other.as_bytes());
    assert_eq!(o.docs.len(), 2);
    assert_eq!(reexport(&o), other);
}
