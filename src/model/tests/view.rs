//! What is drawn (paragraph heights, the window, list rows) and the app's own find.

use crate::model::document::Document;
use crate::model::span::Span;

proptest::proptest! {
    /// The Fenwick tree's tops and lookups agree with summing the heights one by one, through
    /// any sequence of measurements.
    #[test]
    fn heights_agree_with_a_running_sum(
        lines in proptest::collection::vec(0usize..300, 1..80),
        measures in proptest::collection::vec((0usize..80, 0.0f64..400.0), 0..40),
        probes in proptest::collection::vec(-50.0f64..20_000.0, 1..20),
    ) {
        use crate::model::layout::{Heights, Metrics};
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
    use crate::model::layout::{window, Heights, Metrics};
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
    use crate::model::layout::rows;
    assert_eq!(rows(40, 76.0, 2_000.0, 2_700.0, 10), 0..40, "short lists are drawn whole");
    assert_eq!(rows(41, 76.0, 2_000.0, 2_700.0, 10), 16..41);
    assert_eq!(rows(10_000, 76.0, 0.0, 700.0, 10), 0..20);
    assert_eq!(rows(10_000, 76.0, 76_000.0, 76_700.0, 10), 990..1020);
    assert_eq!(rows(10_000, 76.0, 10_000_000.0, 10_000_700.0, 10), 9_990..10_000, "past the end");
    assert_eq!(rows(10_000, 76.0, -300.0, 400.0, 10), 0..16, "above the start");
}

#[test]
fn find_ignores_case_and_counts_code_points() {
    use crate::model::search::find;
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

#[test]
fn matches_within_a_range_are_found_by_halving() {
    use crate::model::search::within;
    let m = [Span::new(0, 2), Span::new(5, 7), Span::new(10, 12)];
    let got = |s, e| within(&m, Span::new(s, e)).to_vec();
    assert_eq!(got(0, 20), m.to_vec(), "all");
    assert_eq!(got(2, 5), vec![], "between two");
    assert_eq!(got(6, 11), vec![Span::new(5, 7), Span::new(10, 12)], "touching both by one code point");
    assert_eq!(got(12, 30), vec![], "after the last");
    assert_eq!(within(&[], Span::new(0, 5)), &[] as &[Span], "no matches");
}

#[test]
fn strip_marks_sit_where_the_matches_are() {
    use crate::model::layout::{marks, Heights, Metrics};
    use crate::model::search::find;
    // Ten paragraphs of 20 px each; "x" at the start of paragraphs 0, 5 and 9, and twice in 9.
    let text = "x.\na\nb\nc\nd\nx\ne\nf\ng\nx x";
    let doc = Document::new("t", text).expect("a valid text");
    let metrics = Metrics { line: 10.0, gap: 10.0, blank: 5.0, per_line: 60.0 };
    let h = Heights::estimate(&doc, metrics);
    let found = find(doc.text(), "x");
    assert_eq!(found.matches.len(), 4);
    let got: Vec<(f64, usize)> = marks(&doc, &h, &found.matches, 100).iter().map(|m| (m.at, m.first)).collect();
    // The second x of the last paragraph, two code points into three, is 2/3 down it: row 96, after row 90.
    let expected = [(0.0, 0), (0.5, 1), (0.9, 2), (0.9 + 0.1 * 2.0 / 3.0, 3)];
    assert_eq!(got.len(), expected.len());
    for ((at, first), (want_at, want_first)) in got.iter().zip(expected) {
        assert!((at - want_at).abs() < 1e-9, "{at} against {want_at}");
        assert_eq!(*first, want_first);
    }
    // A strip of two rows: one mark for the top half, one for the bottom.
    let two: Vec<usize> = marks(&doc, &h, &found.matches, 2).iter().map(|m| m.first).collect();
    assert_eq!(two, [0, 1]);
    assert!(marks(&doc, &h, &[], 100).is_empty());
}

#[test]
fn hard_wrapped_lines_are_estimated_without_paragraph_gaps() {
    use crate::model::layout::{Heights, Metrics};
    let metrics = Metrics { line: 10.0, gap: 6.0, blank: 6.0, per_line: 60.0 };
    // (case, text, estimated total)
    let rows = [
        ("lines are paragraphs: each one line and a gap", "one\ntwo\nthree", 3.0 * 16.0),
        ("blank-separated: lines without gaps, the blank line is the gap", "one\ntwo\n\nthree", 3.0 * 10.0 + 6.0),
        // 70 characters: two lines of a 60-character measure, one of the wider one.
        ("a 70-character line is two lines", &"x".repeat(70), 10.0 * 2.0 + 6.0),
        ("a 70-character wrapped line is one line", &format!("{0}\n{0}\n\n{0}", "x".repeat(70)), 3.0 * 10.0 + 6.0),
    ];
    for (case, text, total) in rows {
        let doc = Document::new("t", text.to_owned()).expect("a valid text");
        assert_eq!(Heights::estimate(&doc, metrics).total(), total, "{case}");
    }
}
