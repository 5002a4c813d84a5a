//! Table-driven tests of the model. Each table runs through one `check` helper.

use super::annotation::{Annotation, AnnotationId, AnnotationSet};
use super::document::{slug, Document};
use super::editor::{Action, Editor};
use super::formats::spanmark;
use super::label::{LabelId, Labels};
use super::segments::segments;
use super::span::{Span, Utf16};

const SEED: &str = include_str!("../../assets/article.txt");

fn doc(text: &str) -> Document {
    Document::new("test", text).expect("test texts are small")
}

/// Texts that break tools that count the wrong unit.
const TEXTS: &[&str] = &[
    SEED,
    "Flag 🇮🇱 here",
    "Family 👩‍👩‍👦 at home",
    "Cafe\u{301} au lait",
    "line one\r\nline two\r\n",
    "lone\rcr",
    "وزير الخارجية السوري أسعد الشيباني",
    "שר החוץ הסורי",
    "mixed 🙅🏽‍♀️ e\u{301} עברית\r\nend",
    "",
];

/// Offsets in every unit agree with a count done the slow way, for every code point.
#[test]
fn offsets_agree_in_every_unit() {
    fn check(text: &str) {
        let d = doc(text);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(d.len() as usize, chars.len(), "{text:?}");
        assert_eq!(d.len_utf16() as usize, text.encode_utf16().count(), "{text:?}");
        assert_eq!(d.len_bytes() as usize, text.len());
        let (mut byte, mut utf16) = (0usize, 0u32);
        for (cp, c) in chars.iter().enumerate().map(|(i, c)| (i as u32, c)).chain([(chars.len() as u32, &'\0')]) {
            assert_eq!(d.byte_of(cp), byte, "byte of {cp} in {text:?}");
            assert_eq!(d.utf16_of(cp), Utf16(utf16), "utf16 of {cp} in {text:?}");
            assert_eq!(d.cp_of_utf16(Utf16(utf16)), cp, "cp of utf16 {utf16} in {text:?}");
            if c.len_utf16() == 2 && (cp as usize) < chars.len() {
                // The DOM can put a boundary between the two halves of a surrogate pair.
                assert_eq!(d.cp_of_utf16(Utf16(utf16 + 1)), cp, "mid-pair in {text:?}");
            }
            byte += c.len_utf8();
            utf16 += c.len_utf16() as u32;
        }
        assert_eq!(d.cp_of_utf16(Utf16(u32::MAX)), d.len());
    }
    for text in TEXTS {
        check(text);
    }
    let long: String = "a😀b".repeat(500);
    check(&long);
}

#[test]
fn the_seed_is_the_article() {
    let d = doc(SEED);
    assert_eq!(d.len(), 3024);
    assert_eq!(d.sha256(), "b554796afbc48bbfd58407b7d5a1a97d59e7681acaef40c2b5bef97df7b3cb8f");
    // The spans the peer tools recorded land on the words they quote.
    for (start, end, quote) in [
        (262, 272, "Ron Dermer"),
        (173, 216, "Syria’s Foreign Minister, Asaad al-Shaibani"),
        (173, 178, "Syria"),
        (55, 60, "Paris"),
        (432, 456, "deadly sectarian clashes"),
    ] {
        assert_eq!(d.slice(Span::new(start, end)), quote);
    }
}

#[test]
fn paragraphs_split_on_every_line_end() {
    fn check(text: &str, expected: &[(&str, &str)]) {
        let d = doc(text);
        let got: Vec<(&str, &str)> = d.paragraphs().iter().map(|p| (d.slice(p.content), d.slice(p.terminator))).collect();
        assert_eq!(got, expected, "{text:?}");
        // Together they are the whole text, in order.
        let joined: String = got.iter().flat_map(|(a, b)| [*a, *b]).collect();
        assert_eq!(joined, text);
    }
    check("", &[("", "")]);
    check("one", &[("one", "")]);
    check("one\ntwo", &[("one", "\n"), ("two", "")]);
    check("one\r\ntwo\r\n", &[("one", "\r\n"), ("two", "\r\n")]);
    check("a\rb\n\nc", &[("a", "\r"), ("b", "\n"), ("", "\n"), ("c", "")]);
    check("🇮🇱\r\n\r\nשלום", &[("🇮🇱", "\r\n"), ("", "\r\n"), ("שלום", "")]);
    assert_eq!(doc(SEED).paragraphs().len(), 20);
}

#[test]
fn paragraph_at_finds_the_line() {
    let d = doc("ab\r\ncd\ne");
    let at: Vec<usize> = (0..=d.len()).map(|cp| d.paragraph_at(cp)).collect();
    assert_eq!(at, [0, 0, 0, 0, 1, 1, 1, 2, 2]);
}

/// A selection becomes: clamped, widened to whole graphemes, trimmed of whitespace.
#[test]
fn selections_are_tidied() {
    fn check(text: &str, (start, end): (u32, u32), expected: Option<&str>) {
        let d = doc(text);
        let got = d.tidy_selection(Span::new(start, end)).map(|s| d.slice(s));
        assert_eq!(got, expected, "{text:?} {start}..{end}");
    }
    check("  Ron Dermer  ", (0, 14), Some("Ron Dermer"));
    check("  Ron Dermer  ", (2, 5), Some("Ron"));
    check(" \n\t ", (0, 4), None);
    check("abc", (1, 1), None);
    check("abc", (2, 99), Some("c"));
    // Half a flag (one regional indicator) widens to the whole flag.
    check("Flag 🇮🇱 here", (5, 6), Some("🇮🇱"));
    check("Flag 🇮🇱 here", (6, 7), Some("🇮🇱"));
    // Inside a ZWJ family: the whole family.
    check("Family 👩‍👩‍👦 at", (9, 10), Some("👩‍👩‍👦"));
    // A letter without its combining accent takes the accent.
    check("Cafe\u{301} au", (0, 4), Some("Cafe\u{301}"));
    // Skin tone and gender: the whole person.
    check("x 🙅🏽‍♀️ y", (2, 3), Some("🙅🏽‍♀️"));
    // CRLF at an edge is trimmed, never half-kept.
    check("one\r\ntwo", (0, 4), Some("one"));
    check("one\r\ntwo", (4, 8), Some("two"));
    check("وزير الخارجية السوري", (5, 13), Some("الخارجية"));
    check("שר החוץ הסורי ", (3, 14), Some("החוץ הסורי"));
    check("a\u{a0}b\u{a0}", (1, 4), Some("b"));
}

#[test]
fn context_is_up_to_32_code_points() {
    let d = doc(SEED);
    let s = Span::new(262, 272);
    assert_eq!(d.prefix(s).chars().count(), 32);
    assert!(d.prefix(s).ends_with("Affairs Minister, "));
    assert_eq!(d.suffix(s), ", focused on “de-escalation and ");
    assert_eq!(d.prefix(Span::new(2, 3)), "Sy");
    assert_eq!(d.suffix(Span::new(3000, 3024)), "");
}

#[test]
fn slugs_are_file_safe() {
    for (name, expected) in [
        ("article.txt", "article"),
        ("My Notes (final).md", "my-notes-final"),
        ("سوريا.txt", "document"),
        ("..", "document"),
        ("news.2025.08.txt", "news-2025-08"),
    ] {
        assert_eq!(slug(name), expected, "{name}");
    }
}

fn ann(id: &str, label: &str, start: u32, end: u32) -> Annotation {
    Annotation { id: AnnotationId::new(id), label: LabelId::new(label), span: Span::new(start, end) }
}

fn set(items: &[Annotation]) -> AnnotationSet {
    let mut s = AnnotationSet::new();
    for a in items {
        s.insert(a.clone()).expect("test annotations are valid");
    }
    s
}

#[test]
fn the_set_keeps_text_order_and_refuses_twins() {
    let mut s = set(&[ann("a1", "actor", 10, 20), ann("a2", "location", 0, 5), ann("a3", "actor", 10, 15)]);
    let order: Vec<&str> = s.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(order, ["a2", "a3", "a1"]);
    assert_eq!(s.insert(ann("a1", "event", 1, 2)), Err(super::annotation::Rejected::DuplicateId(AnnotationId::new("a1"))));
    assert_eq!(s.insert(ann("x", "actor", 10, 20)), Err(super::annotation::Rejected::Duplicate(AnnotationId::new("a1"))));
    assert_eq!(s.insert(ann("x", "actor", 3, 3)), Err(super::annotation::Rejected::Empty));
    // Generated ids never collide with imported ones.
    assert_eq!(s.fresh_id().as_str(), "a4");
    // Relabelling onto a twin is refused and changes nothing.
    s.insert(ann("a5", "event", 10, 20)).expect("new");
    let before = s.clone();
    assert_eq!(s.relabel(&AnnotationId::new("a5"), LabelId::new("actor")), None);
    assert_eq!(s, before);
    assert_eq!(s.relabel(&AnnotationId::new("a5"), LabelId::new("claim")), Some(LabelId::new("event")));
    assert_eq!(s.count(&LabelId::new("claim")), 1);
}

#[test]
fn covering_walks_from_outermost_down() {
    let s = set(&[ann("outer", "actor", 173, 216), ann("inner", "location", 173, 178), ann("cross", "claim", 200, 230)]);
    let ids = |at| s.covering(at).iter().map(|a| a.id.as_str().to_owned()).collect::<Vec<_>>();
    assert_eq!(ids(175), ["outer", "inner"]);
    assert_eq!(ids(205), ["outer", "cross"]);
    assert_eq!(ids(220), ["cross"]);
    assert!(ids(300).is_empty());
    let over: Vec<&str> = s.overlapping(Span::new(178, 201)).map(|a| a.id.as_str()).collect();
    assert_eq!(over, ["outer", "cross"]);
}

#[test]
fn segments_are_maximal_runs() {
    fn check(range: (u32, u32), anns: &[Annotation], expected: &[(u32, u32, &[&str])]) {
        let got = segments(Span::new(range.0, range.1), anns);
        let got: Vec<(u32, u32, Vec<&str>)> = got
            .iter()
            .map(|s| (s.span.start(), s.span.end(), s.layers.iter().map(|&i| anns[i].id.as_str()).collect()))
            .collect();
        let expected: Vec<(u32, u32, Vec<&str>)> = expected.iter().map(|(a, b, l)| (*a, *b, l.to_vec())).collect();
        assert_eq!(got, expected);
    }
    check((0, 10), &[], &[(0, 10, &[])]);
    // Nested: outer first.
    check(
        (0, 20),
        &[ann("in", "location", 2, 4), ann("out", "actor", 0, 10)],
        &[(0, 2, &["out"]), (2, 4, &["out", "in"]), (4, 10, &["out"]), (10, 20, &[])],
    );
    // Crossing spans.
    check(
        (0, 10),
        &[ann("a", "actor", 1, 6), ann("b", "claim", 4, 9)],
        &[(0, 1, &[]), (1, 4, &["a"]), (4, 6, &["a", "b"]), (6, 9, &["b"]), (9, 10, &[])],
    );
    // A span from the paragraph before is clipped to this one.
    check((10, 20), &[ann("a", "actor", 5, 12)], &[(10, 12, &["a"]), (12, 20, &[])]);
    // Touching spans stay apart.
    check((0, 4), &[ann("a", "actor", 0, 2), ann("b", "actor", 2, 4)], &[(0, 2, &["a"]), (2, 4, &["b"])]);
}

fn editor(text: &str) -> Editor {
    Editor::new(doc(text), Labels::news())
}

fn label(id: &str) -> LabelId {
    LabelId::new(id)
}

/// Runs `actions` on a fresh editor over `text`, then compares (annotations as
/// "label:quote", selected quote, armed label).
fn check_editor(text: &str, actions: Vec<Action>, expected: (&[&str], Option<&str>, Option<&str>)) {
    let mut e = editor(text);
    for a in actions {
        e.apply(a);
    }
    let got: Vec<String> =
        e.annotations.iter().map(|a| format!("{}:{}", a.label.as_str(), e.doc.slice(a.span))).collect();
    assert_eq!(got, expected.0);
    let selected = e.selected.as_ref().and_then(|id| e.annotations.get(id)).map(|a| e.doc.slice(a.span));
    assert_eq!(selected, expected.1);
    assert_eq!(e.armed.as_ref().map(LabelId::as_str), expected.2);
}

#[test]
fn editor_verbs() {
    use Action::*;
    let text = "Syria’s Foreign Minister, Asaad al-Shaibani met Ron Dermer.";
    let sel = |s, e| Some(Span::new(s, e));
    // A key with text selected tags it (trimmed).
    check_editor(text, vec![Apply { label: label("actor"), selection: sel(47, 58) }], (&["actor:Ron Dermer"], None, None));
    // With nothing selected, a label arms; the next selection is tagged; Escape disarms.
    check_editor(
        text,
        vec![Apply { label: label("location"), selection: None }, SelectText(Span::new(0, 5))],
        (&["location:Syria"], None, Some("location")),
    );
    check_editor(
        text,
        vec![Apply { label: label("location"), selection: None }, Escape, SelectText(Span::new(0, 5))],
        (&[], None, None),
    );
    // Pressing the armed label again disarms it.
    check_editor(
        text,
        vec![Apply { label: label("claim"), selection: None }, Apply { label: label("claim"), selection: None }],
        (&[], None, None),
    );
    // Nested: the first click selects the outer span, the second the inner, the third wraps.
    let nested = || {
        vec![
            Apply { label: label("actor"), selection: sel(0, 43) },
            Apply { label: label("location"), selection: sel(0, 5) },
        ]
    };
    let both: &[&str] = &["location:Syria", "actor:Syria’s Foreign Minister, Asaad al-Shaibani"];
    check_editor(text, [nested(), vec![ClickAt(2)]].concat(), (both, Some("Syria’s Foreign Minister, Asaad al-Shaibani"), None));
    check_editor(text, [nested(), vec![ClickAt(2), ClickAt(2)]].concat(), (both, Some("Syria"), None));
    check_editor(text, [nested(), vec![ClickAt(2), ClickAt(2), ClickAt(3)]].concat(), (both, Some("Syria’s Foreign Minister, Asaad al-Shaibani"), None));
    check_editor(text, [nested(), vec![ClickAt(50)]].concat(), (both, None, None));
    check_editor(text, [nested(), vec![ClickAt(2), Deselect]].concat(), (both, None, None));
    // Delete removes the selected annotation only.
    check_editor(text, [nested(), vec![ClickAt(2), ClickAt(2), RemoveSelected]].concat(), (&both[1..], None, None));
    check_editor(text, [nested(), vec![RemoveSelected]].concat(), (both, None, None));
    // With an annotation selected, a key relabels it.
    check_editor(
        text,
        [nested(), vec![ClickAt(2), ClickAt(2), Apply { label: label("event"), selection: None }]].concat(),
        (&["event:Syria", "actor:Syria’s Foreign Minister, Asaad al-Shaibani"], Some("Syria"), None),
    );
    // Undo brings back a removed annotation under its id; redo removes it again.
    let mut e = editor(text);
    e.apply(Apply { label: label("actor"), selection: sel(47, 57) });
    let id = e.annotations.iter().next().map(|a| a.id.clone()).expect("added");
    e.apply(Remove(id.clone()));
    assert!(e.annotations.is_empty());
    e.apply(Undo);
    assert_eq!(e.annotations.iter().map(|a| a.id.clone()).collect::<Vec<_>>(), [id.clone()]);
    e.apply(Redo);
    assert!(e.annotations.is_empty());
    e.apply(Undo);
    e.apply(Undo);
    assert!(e.annotations.is_empty());
    assert!(!e.history.can_undo());
    // Unknown labels and whitespace-only selections change nothing.
    check_editor(text, vec![Apply { label: label("nope"), selection: sel(0, 5) }], (&[], None, None));
    check_editor(text, vec![Apply { label: label("actor"), selection: sel(7, 8) }], (&[], None, None));
}

fn sample_export(text: &str, spans: &[(&str, u32, u32)]) -> (Editor, String) {
    let mut e = editor(text);
    for (l, s, end) in spans {
        e.apply(Action::Annotate { label: label(l), span: Span::new(*s, *end) });
    }
    let out = spanmark::serialize(&e.doc, &e.labels, &e.annotations, "2026-11-26T00:00:00.000Z");
    (e, out)
}

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
        assert_eq!(anns.len(), e.annotations.len());
        for a in anns {
            let (s, end) = (a["start"].as_u64().expect("start") as usize, a["end"].as_u64().expect("end") as usize);
            let quote: String = chars[s..end].iter().collect();
            assert_eq!(a["text"], quote.as_str());
            let prefix: String = chars[s.saturating_sub(32)..s].iter().collect();
            assert_eq!(a["prefix"], prefix.as_str());
        }
        // Round trip: the same file, byte for byte.
        let back = spanmark::parse(&out).expect("its own export parses");
        assert_eq!(back.annotations, e.annotations);
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
    let strip = |s: &str| s.lines().filter(|l| !l.trim_start().starts_with("\"id\": \"a")).collect::<Vec<_>>().join("\n");
    assert_eq!(strip(&a), strip(&b));
    let keys: Vec<&str> = a.lines().filter(|l| l.starts_with("  \"")).map(|l| l.trim().split('"').nth(1).unwrap_or("")).collect();
    assert_eq!(keys, ["format", "version", "offset_unit", "exported_at", "document", "labels", "annotations"]);
    let v: serde_json::Value = serde_json::from_str(&a).expect("json");
    let starts: Vec<u64> = v["annotations"].as_array().expect("array").iter().map(|a| a["start"].as_u64().unwrap_or(0)).collect();
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
    check(with(&|v| v["document"].as_object_mut().expect("object").remove("text").map(drop).unwrap_or(())), "document: missing field `text`");
    check(with(&|v| v["annotations"][0]["start"] = "0".into()), "annotations[0].start: invalid type");
    check(with(&|v| v["format"] = "brat".into()), "\"brat\"");
    check(with(&|v| v["version"] = 2.into()), "version 2");
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
    assert_eq!(with(&|_| {}), Ok(()));
}
