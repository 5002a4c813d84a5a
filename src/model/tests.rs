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
        let got: Vec<(&str, &str)> =
            d.paragraphs().iter().map(|p| (d.slice(p.content), d.slice(p.terminator))).collect();
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
    // Past the end: clamped to the end, never a panic.
    assert_eq!(d.prefix(Span::new(5000, 5001)), d.prefix(Span::new(3024, 3024)));
    assert_eq!(d.suffix(Span::new(5000, 5001)), "");
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
    assert_eq!(
        s.insert(ann("a1", "event", 1, 2)),
        Err(super::annotation::Rejected::DuplicateId(AnnotationId::new("a1")))
    );
    assert_eq!(
        s.insert(ann("x", "actor", 10, 20)),
        Err(super::annotation::Rejected::Duplicate(AnnotationId::new("a1")))
    );
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
    let s =
        set(&[ann("outer", "actor", 173, 216), ann("inner", "location", 173, 178), ann("cross", "claim", 200, 230)]);
    let ids = |at| s.covering(at).iter().map(|a| a.id.as_str().to_owned()).collect::<Vec<_>>();
    assert_eq!(ids(175), ["outer", "inner"]);
    assert_eq!(ids(205), ["outer", "cross"]);
    assert_eq!(ids(220), ["cross"]);
    assert!(ids(300).is_empty());
    let over: Vec<&str> = s.overlapping(Span::new(178, 201)).map(|a| a.id.as_str()).collect();
    assert_eq!(over, ["outer", "cross"]);
}

/// A line longer than the snapping window: far from the line's start, half a flag in a run of
/// 300 flags still widens to its own flag (flags pair from the start of the run).
#[test]
fn snapping_on_a_long_line_pairs_flags_from_the_run_start() {
    let d = doc(&format!("x{}y", "🇮🇱".repeat(300)));
    for cp in [2, 3, 300, 401, 598, 600] {
        let first = if cp % 2 == 1 { cp } else { cp - 1 };
        assert_eq!(d.snap_to_graphemes(Span::new(cp, cp + 1)), (first, first + 2), "at {cp}");
    }
}

proptest::proptest! {
    /// Tidying segments only the lines around a selection's ends; it widens exactly as
    /// clusters found over the whole text say (and `grapheme_starts` lists those clusters).
    #[test]
    fn snapping_agrees_with_the_whole_text(
        pieces in proptest::collection::vec(proptest::sample::select(vec![
            "a", "e\u{301}", "👩\u{200d}👩\u{200d}👦", "🇮🇱", "\r\n", "\r", "\n", " ", "و", "🙅🏽\u{200d}♀\u{fe0f}", "\u{1100}\u{1161}",
        ]), 0..200),
        ends in (0u32..1200, 0u32..1200),
    ) {
        use unicode_segmentation::UnicodeSegmentation;
        let text: String = pieces.concat();
        let d = doc(&text);
        let starts: Vec<u32> = text
            .grapheme_indices(true)
            .map(|(b, _)| d.cp_of_byte(b))
            .chain([d.len()])
            .collect();
        proptest::prop_assert_eq!(d.grapheme_starts(), starts.as_slice());
        let (a, b) = (ends.0.min(ends.1).min(d.len()), ends.0.max(ends.1).min(d.len()));
        let before = starts.iter().rev().find(|&&s| s <= a).copied().unwrap_or(0);
        let after = starts.iter().find(|&&s| s >= b).copied().unwrap_or(d.len());
        proptest::prop_assert_eq!(d.snap_to_graphemes(Span::new(a, b)), (before, after));
    }
}

proptest::proptest! {
    /// The indexed lookups (by id, by position, by range through the max-end tree over chunks)
    /// agree with a scan of the whole list, after any mix of inserts and removes over many
    /// chunks; and a copy taken before a change still holds what it held (chunks are shared,
    /// never changed under a copy).
    #[test]
    fn indexed_lookups_agree_with_a_scan(
        ops in proptest::collection::vec((0u32..2000, 1u32..60, 0usize..3, proptest::bool::weighted(0.7)), 1..400),
        queries in proptest::collection::vec((0u32..2100, 0u32..80), 1..12),
    ) {
        let labels = ["actor", "claim", "event"];
        let mut s = AnnotationSet::new();
        for (i, (start, len, label, add)) in ops.into_iter().enumerate() {
            let before = s.clone();
            let kept: Vec<Annotation> = before.iter().cloned().collect();
            let victim = s.iter().nth(start as usize % s.len().max(1)).map(|a| a.id.clone());
            if add {
                let id = AnnotationId::new(&format!("x{i}"));
                let _ = s.insert(Annotation { id, label: LabelId::new(labels[label]), span: Span::new(start, start + len) });
            } else if let Some(victim) = victim {
                proptest::prop_assert!(s.remove(&victim).is_some());
                proptest::prop_assert!(s.get(&victim).is_none());
                proptest::prop_assert!(before.get(&victim).is_some());
            }
            proptest::prop_assert_eq!(before.iter().cloned().collect::<Vec<_>>(), kept);
            if i % 16 != 0 {
                continue;
            }
            let all: Vec<&Annotation> = s.iter().collect();
            proptest::prop_assert_eq!(all.len(), s.len());
            proptest::prop_assert!(all.windows(2).all(|w| (w[0].span, &w[0].label, &w[0].id) < (w[1].span, &w[1].label, &w[1].id)));
            for (n, a) in all.iter().enumerate() {
                proptest::prop_assert_eq!(s.get(&a.id), Some(*a));
                proptest::prop_assert_eq!(s.position(&a.id), Some(n));
                proptest::prop_assert_eq!(s.twin(a.span, &a.label), Some(*a));
            }
            let from = start as usize % (all.len() + 1);
            proptest::prop_assert_eq!(s.iter_from(from).collect::<Vec<_>>(), all[from..].to_vec());
            for &(start, len) in &queries {
                let range = Span::new(start, start + len);
                let indexed: Vec<&Annotation> = s.overlapping(range).collect();
                let scanned: Vec<&Annotation> = s.iter().filter(|a| a.span.overlaps(range)).collect();
                proptest::prop_assert_eq!(indexed, scanned);
            }
            proptest::prop_assert_eq!(&s, &s.clone());
            proptest::prop_assert_eq!(s == before, all.iter().copied().eq(before.iter()));
        }
    }
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
        e.annotations().iter().map(|a| format!("{}:{}", a.label.as_str(), e.doc().slice(a.span))).collect();
    assert_eq!(got, expected.0);
    let selected = e.selected.as_ref().and_then(|id| e.annotations().get(id)).map(|a| e.doc().slice(a.span));
    assert_eq!(selected, expected.1);
    assert_eq!(e.armed.as_ref().map(LabelId::as_str), expected.2);
}

#[test]
fn editor_verbs() {
    use Action::*;
    let text = "Syria’s Foreign Minister, Asaad al-Shaibani met Ron Dermer.";
    let sel = |s, e| Some(Span::new(s, e));
    // A key with text selected tags it (trimmed).
    check_editor(
        text,
        vec![Apply { label: label("actor"), selection: sel(47, 58) }],
        (&["actor:Ron Dermer"], None, None),
    );
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
    check_editor(
        text,
        [nested(), vec![ClickAt(2)]].concat(),
        (both, Some("Syria’s Foreign Minister, Asaad al-Shaibani"), None),
    );
    check_editor(text, [nested(), vec![ClickAt(2), ClickAt(2)]].concat(), (both, Some("Syria"), None));
    check_editor(
        text,
        [nested(), vec![ClickAt(2), ClickAt(2), ClickAt(3)]].concat(),
        (both, Some("Syria’s Foreign Minister, Asaad al-Shaibani"), None),
    );
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
    let id = e.annotations().iter().next().map(|a| a.id.clone()).expect("added");
    e.apply(Remove(id.clone()));
    assert!(e.annotations().is_empty());
    e.apply(Undo);
    assert_eq!(e.annotations().iter().map(|a| a.id.clone()).collect::<Vec<_>>(), std::slice::from_ref(&id));
    e.apply(Redo);
    assert!(e.annotations().is_empty());
    e.apply(Undo);
    e.apply(Undo);
    assert!(e.annotations().is_empty());
    assert!(!e.history().can_undo());
    // Unknown labels and whitespace-only selections change nothing.
    check_editor(text, vec![Apply { label: label("nope"), selection: sel(0, 5) }], (&[], None, None));
    check_editor(text, vec![Apply { label: label("actor"), selection: sel(7, 8) }], (&[], None, None));
}

fn sample_export(text: &str, spans: &[(&str, u32, u32)]) -> (Editor, String) {
    let mut e = editor(text);
    for (l, s, end) in spans {
        e.apply(Action::Annotate { label: label(l), span: Span::new(*s, *end) });
    }
    let out = spanmark::serialize(e.doc(), e.labels(), e.annotations(), "2026-11-26T00:00:00.000Z");
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
    assert_eq!(keys, ["format", "version", "offset_unit", "exported_at", "document", "labels", "annotations"]);
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
    check(with(&|v| v["labels"][0]["hotkey"] = "12".into()), "labels[0]: hotkey \"12\" is not one character");
    assert_eq!(with(&|_| {}), Ok(()));
}

// ---- Never lose work: storage, documents, files ----

use super::editor::{ImportChoice, Notice, SEED_ID};
use super::persist::Stored;
use std::rc::Rc;

/// Records as earlier versions stored them (serde's encoding of the record types, which is
/// what storage keeps) are read back field by field; a record that does not fit says where.
#[test]
fn stored_records_keep_their_json() {
    use super::persist::{AnnRecord, DocRecord, EditRecord, LabelRecord, Op, OpRecord, Record, WorkspaceRecord};
    let ann = |id: &str, start, end| AnnRecord { id: id.to_owned(), label: "actor".to_owned(), start, end };
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
    };
    let record =
        DocRecord { id: "d2".to_owned(), title: "t.txt".to_owned(), text: "abc".to_owned(), labels: vec![label] };
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

/// Stores everything the editor journalled, as the browser would, and confirms it.
fn flush(e: &mut Editor, store: &mut Stored) {
    let upto = e.unsaved().last().map(|(n, _)| *n);
    for (_, w) in e.unsaved() {
        store.apply(w);
    }
    if let Some(n) = upto {
        e.apply(Action::Saved(n));
    }
}

/// What a person sees of an editor: every document with its annotations, the open one, and
/// the undo/redo depth.
fn picture(e: &Editor) -> Vec<String> {
    let mut out: Vec<String> = e
        .docs
        .iter()
        .map(|d| {
            let anns: Vec<String> = d
                .annotations
                .iter()
                .map(|a| format!("{}:{}:{}", a.id.as_str(), a.label.as_str(), d.doc.slice(a.span)))
                .collect();
            format!(
                "{} [{}] undo {} redo {} {}",
                d.doc.title(),
                anns.join(", "),
                d.history.done().len(),
                d.history.undone().len(),
                d.doc.sha256()
            )
        })
        .collect();
    out.push(format!("open: {}", e.current().doc.title()));
    out
}

fn open(e: &mut Editor, name: &str, bytes: &[u8]) {
    e.apply(Action::OpenFile { name: name.to_owned(), bytes: Rc::new(bytes.to_vec()) });
}

fn restored(store: &Stored) -> Editor {
    Editor::restore(doc(SEED), Labels::news(), store.clone())
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

/// Each bad file gets a message naming what is wrong, and changes nothing.
#[test]
fn bad_files_are_refused_with_a_reason() {
    let (_, good) = sample_export(SEED, &[("actor", 262, 272)]);
    let mutate = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_str(&good).expect("json");
        f(&mut v);
        serde_json::to_vec_pretty(&v).expect("json")
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("x.json", b"not json at all".to_vec(), "x.json is not valid JSON: line 1, column 2"),
        ("x.json", good.as_bytes()[..good.len() / 3].to_vec(), "EOF while parsing"),
        ("x.json", br#"{"hello": "world"}"#.to_vec(), "is JSON, but not a file spanmark reads"),
        ("x.json", b"[1, 2, 3]".to_vec(), "is JSON, but not a file spanmark reads"),
        ("x.json", mutate(&|v| v["format"] = "brat".into()), "format is \"brat\""),
        ("x.json", mutate(&|v| v["version"] = 7.into()), "version 7 is newer"),
        ("x.json", mutate(&|v| v["annotations"][0]["end"] = 5000.into()), "annotations[0]: end 5000 is past the end"),
        ("x.json", mutate(&|v| v["annotations"][0]["start"] = 300.into()), "start 300 is after end 272"),
        ("x.json", mutate(&|v| v["annotations"][0]["text"] = "Ron".into()), "annotations[0].text is \"Ron\""),
        ("x.json", mutate(&|v| v["document"]["sha256"] = "ab".into()), "document.sha256 is ab"),
        ("x.json", mutate(&|v| v["annotations"][0]["label"] = "person".into()), "label \"person\" is not among"),
        (
            "x.json",
            mutate(&|v| {
                let mut twin = v["annotations"][0].clone();
                twin["start"] = 263.into();
                twin["text"] = "on Dermer".into();
                v["annotations"].as_array_mut().expect("array").push(twin);
            }),
            "annotations[1].id \"a1\" is used twice",
        ),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), "photo.txt looks like a binary file"),
        ("latin1.txt", b"caf\xe9 au lait".to_vec(), "latin1.txt is not UTF-8 text: byte 0xE9 at offset 3"),
        ("empty.txt", Vec::new(), "empty.txt is empty"),
        ("blank.txt", b" \n\t\r\n".to_vec(), "blank.txt is empty"),
    ];
    for (name, bytes, expected) in cases {
        let mut e = Editor::new(doc(SEED), Labels::news());
        e.apply(Action::Annotate { label: label("actor"), span: Span::new(262, 272) });
        let before = picture(&e);
        let journal = e.unsaved().len();
        open(&mut e, name, &bytes);
        match &e.notice {
            Some(Notice::Error(message)) => assert!(message.contains(expected), "{message:?} should say {expected:?}"),
            other => panic!("{name} ({expected}): expected an error, got {other:?}"),
        }
        assert_eq!(picture(&e), before, "{expected}: the work changed");
        assert_eq!(e.unsaved().len(), journal, "{expected}: something was written");
    }
    assert_eq!(
        super::input::check_size("big.txt", 50 * 1024 * 1024).map_err(|e| e.to_string()),
        Err("big.txt is 50 MB; spanmark opens files up to 32 MB.".to_owned())
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

proptest::proptest! {
    /// The Fenwick tree's tops and lookups agree with summing the heights one by one, through
    /// any sequence of measurements.
    #[test]
    fn heights_agree_with_a_running_sum(
        lines in proptest::collection::vec(0usize..300, 1..80),
        measures in proptest::collection::vec((0usize..80, 0.0f64..400.0), 0..40),
        probes in proptest::collection::vec(-50.0f64..20_000.0, 1..20),
    ) {
        use super::layout::{Heights, Metrics};
        let text: String = lines.iter().map(|&n| "x".repeat(n) + "\n").collect();
        let doc = Document::new("t", text).expect("a valid text");
        let mut h = Heights::estimate(&doc, Metrics::default());
        let mut plain: Vec<f64> = (0..h.len()).map(|i| h.top(i + 1) - h.top(i)).collect();
        for (i, px) in measures {
            if i < plain.len() {
                if h.measure(i, px) {
                    plain[i] = px;
                }
                proptest::prop_assert!((plain[i] - px).abs() < 0.01);
            }
        }
        let mut sum = 0.0;
        for (i, &px) in plain.iter().enumerate() {
            proptest::prop_assert!((h.top(i) - sum).abs() < 1e-6);
            sum += px;
        }
        proptest::prop_assert!((h.total() - sum).abs() < 1e-6);
        for y in probes {
            let at = h.at(y);
            // The largest k whose first k paragraphs end at or above y, within the document.
            let mut prefix = 0.0;
            let mut expected = 0;
            for (k, &px) in plain.iter().enumerate() {
                prefix += px;
                if prefix <= y {
                    expected = k + 1;
                }
            }
            let expected = expected.min(plain.len() - 1);
            proptest::prop_assert_eq!(at, expected, "at({})", y);
        }
    }
}

#[test]
fn the_window_holds_still_while_the_view_is_inside_it() {
    use super::layout::{window, Heights, Metrics};
    let text = "line of text\n".repeat(1000);
    let doc = Document::new("t", text).expect("a valid text");
    let metrics = Metrics { line: 10.0, gap: 10.0, blank: 5.0, per_line: 60.0 };
    let h = Heights::estimate(&doc, metrics);
    // 20 px a paragraph (13 characters fit one line): a 400 px view with 400 px margin each way.
    assert_eq!(h.total(), 20_000.0);
    let first = window(&h, &(0..0), 0.0, 400.0, 400.0);
    assert_eq!(first, 0..41);
    assert_eq!(window(&h, &first, 200.0, 600.0, 400.0), first, "still inside: no redraw");
    assert_eq!(window(&h, &first, 700.0, 1100.0, 400.0), 15..76);
    assert_eq!(window(&h, &first, 19_600.0, 20_000.0, 400.0), 960..1000, "the end");
}

#[test]
fn list_rows_follow_the_band() {
    use super::layout::rows;
    assert_eq!(rows(40, 76.0, 2_000.0, 2_700.0, 10), 0..40, "short lists are drawn whole");
    assert_eq!(rows(41, 76.0, 2_000.0, 2_700.0, 10), 16..41);
    assert_eq!(rows(10_000, 76.0, 0.0, 700.0, 10), 0..20);
    assert_eq!(rows(10_000, 76.0, 76_000.0, 76_700.0, 10), 990..1020);
    assert_eq!(rows(10_000, 76.0, 10_000_000.0, 10_000_700.0, 10), 9_990..10_000, "past the end");
    assert_eq!(rows(10_000, 76.0, -300.0, 400.0, 10), 0..16, "above the start");
}

#[test]
fn find_ignores_case_and_counts_code_points() {
    use super::search::find;
    // Each match written as "start..end".
    fn check(text: &str, query: &str, expected: &[&str]) {
        let got: Vec<String> =
            find(text, query).matches.iter().map(|s| format!("{}..{}", s.start(), s.end())).collect();
        assert_eq!(got, expected, "find({query:?}) in {text:?}");
    }
    check("Damascus and damascus, DAMASCUS.", "damascus", &["0..8", "13..21", "23..31"]);
    check("no query", "", &[]);
    check("aaaa", "aa", &["0..2", "2..4"]);
    // After astral characters, offsets are still code points.
    check("🇸🇾 Syria 👨‍👩‍👧 syria", "SYRIA", &["3..8", "15..20"]);
    check("café cafe\u{301}", "café", &["0..4"]);
    check("e\u{301} then é", "e\u{301}", &["0..2"]);
    check("İstanbul", "i\u{307}stanbul", &["0..8"]);
    check("Straße STRASSE", "straße", &["0..6"]);
    check("سوريا وسوريا", "سوريا", &["0..5", "7..12"]);
    check("line\r\nnext", "e\r\nn", &["3..7"]);
}
