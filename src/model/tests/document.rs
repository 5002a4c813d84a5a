//! The document: offsets in every unit, paragraphs, tidied selections, grapheme snapping, slugs.

use super::{doc, SEED, TEXTS};
use crate::model::document::slug;
use crate::model::span::{Span, Utf16};

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
        ("article.txt — adjudicated", "article-txt-adjudicated"),
        ("Report v2.1 final", "report-v2-1-final"),
    ] {
        assert_eq!(slug(name), expected, "{name}");
    }
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

/// Hard-wrapped text: where a text has a blank line between two lines with text, its blank
/// lines separate paragraphs and no line is spaced; otherwise every line with text is.
#[test]
fn blank_lines_decide_what_a_line_break_is() {
    // (case, text, blank_separated, which paragraphs are spaced below)
    let rows: &[(&str, &str, bool, &[bool])] = &[
        ("one line", "one line", false, &[true]),
        ("lines without blank lines are paragraphs", "one\ntwo\nthree", false, &[true, true, true]),
        (
            "a wrapped paragraph, a blank line, another",
            "a b\nc d\n\ne f\ng",
            true,
            &[false, false, false, false, false],
        ),
        ("a blank line of spaces and tabs counts", "a\n \t \nb", true, &[false, false, false]),
        ("CRLF and a blank CRLF line", "a\r\nb\r\n\r\nc\r\n", true, &[false, false, false, false]),
        ("CR alone", "a\rb\r\rc", true, &[false, false, false, false]),
        ("a trailing blank line separates nothing", "one\ntwo\n\n", false, &[true, true, false]),
        ("leading blank lines separate nothing", "\n\none\ntwo", false, &[false, false, true, true]),
        ("only blank lines (one of a space, drawn as a line)", "\n \n\n", false, &[false, true, false]),
        ("the empty text", "", false, &[false]),
    ];
    for &(case, text, separated, spaced) in rows {
        let d = doc(text);
        assert_eq!(d.blank_separated(), separated, "{case}: blank_separated");
        let got: Vec<bool> = (0..d.paragraphs().len()).map(|i| d.spaced_after(i)).collect();
        assert_eq!(got, spaced, "{case}: spaced_after");
    }
    assert!(!doc(SEED).blank_separated(), "the seed keeps its paragraph spacing");
}
