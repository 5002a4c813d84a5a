//! The figures of a document's annotations.

use super::{ann, doc, label, set};
use crate::model::label::Labels;
use crate::model::stats::Stats;

/// "Ron Dermer met Asaad al-Shaibani in Paris." — 8 words ("al", "Shaibani"), 42 code points.
const TEXT: &str = "Ron Dermer met Asaad al-Shaibani in Paris.";

fn figures(items: &[(&str, &str, u32, u32)]) -> Stats {
    let anns: Vec<_> = items.iter().map(|&(id, l, s, e)| ann(id, l, s, e)).collect();
    Stats::of(&doc(TEXT), &Labels::news(), &set(&anns))
}

macro_rules! cases {
    ($($name:ident: $items:expr => total $total:expr, covered $covered:expr, longest $longest:expr, shortest $shortest:expr;)*) => {$(
        #[test]
        fn $name() {
            let s = figures(&$items);
            assert_eq!(s.total, $total, "total");
            assert_eq!(s.covered, $covered, "covered");
            assert_eq!(s.longest.map(|e| e.chars), $longest, "longest");
            assert_eq!(s.shortest.map(|e| e.chars), $shortest, "shortest");
        }
    )*};
}

cases! {
    none: [] => total 0, covered 0, longest None, shortest None;
    one: [("a", "actor", 0, 10)] => total 1, covered 10, longest Some(10), shortest Some(10);
    apart: [("a", "actor", 0, 10), ("b", "location", 36, 41)] => total 2, covered 15, longest Some(10), shortest Some(5);
    nested_counts_once: [("a", "actor", 15, 32), ("b", "actor", 21, 32)] => total 2, covered 17, longest Some(17), shortest Some(11);
    crossing_counts_once: [("a", "claim", 0, 14), ("b", "event", 4, 20)] => total 2, covered 20, longest Some(16), shortest Some(14);
    inside_after_a_long_one: [("a", "claim", 0, 41), ("b", "actor", 4, 10), ("c", "location", 36, 41)] => total 3, covered 41, longest Some(41), shortest Some(5);
}

#[test]
fn counts_per_label_and_per_thousand_words_in_the_bars_order() {
    let s = figures(&[("a", "actor", 0, 10), ("b", "actor", 15, 32), ("c", "location", 36, 41)]);
    assert_eq!(s.words, 8);
    let rows: Vec<(&str, usize)> = s.labels.iter().map(|r| (r.label.as_str(), r.count)).collect();
    assert_eq!(rows, [("actor", 2), ("location", 1), ("claim", 0), ("event", 0)]);
    let actor = s.labels[0].per_thousand_words.unwrap_or_default();
    assert!((actor - 2000.0 / 8.0).abs() < 1e-9, "{actor}");
    assert!((s.coverage() - 32.0 / 42.0).abs() < 1e-9);
}

#[test]
fn a_label_the_bar_lacks_is_counted_after_the_bars() {
    let s = figures(&[("a", "organisation", 0, 10), ("b", "actor", 15, 32)]);
    let rows: Vec<(&str, usize)> = s.labels.iter().map(|r| (r.label.as_str(), r.count)).collect();
    assert_eq!(rows, [("actor", 1), ("location", 0), ("claim", 0), ("event", 0), ("organisation", 1)]);
    assert_eq!(label("organisation"), s.labels[4].label);
}

#[test]
fn a_text_without_words_has_no_density() {
    let s = Stats::of(&doc("… — !"), &Labels::news(), &set(&[]));
    assert_eq!((s.words, s.labels[0].per_thousand_words), (0, None));
    assert_eq!(Stats::of(&doc(""), &Labels::news(), &set(&[])).coverage(), 0.0);
}
