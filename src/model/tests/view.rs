//! What is drawn (paragraph heights, the window, list rows) and the app's own find.

use crate::model::document::Document;

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
