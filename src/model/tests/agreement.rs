//! Agreement figures on cases small enough to count by hand; `tests/check_agreement.py`
//! checks the same figures against scikit-learn and the `krippendorff` package on generated ones.

use super::{doc, sample_export, SEED};
use crate::model::agreement::{
    coder_of, figures, groups, read_coder, report_csv, report_json, Coded, Coder, Counts, Group, Keyed, Undefined, ALL,
};
use crate::model::formats::{brat, spanmark};
use crate::model::label::Labels;
use crate::model::Editor;

fn coder(name: &str, spans: &[(usize, usize, &str)]) -> Coder {
    Coder::new(name, spans.iter().map(|&(start, end, label)| Coded { start, end, label: label.to_owned() }).collect())
}

fn ids(labels: &[&str]) -> Vec<String> {
    labels.iter().map(|l| (*l).to_owned()).collect()
}

fn counts(tp: usize, fp: usize, fn_: usize) -> Counts {
    Counts { tp, fp, fn_ }
}

const FOUR: &str = "aa bb cc dd";

#[test]
fn counts_give_precision_recall_and_f1_or_none() {
    let c = counts(2, 1, 3);
    assert_eq!((c.precision(), c.recall(), c.f1()), (Some(2.0 / 3.0), Some(0.4), Some(0.5)));
    let none_from_b = counts(0, 0, 2);
    assert_eq!((none_from_b.precision(), none_from_b.recall(), none_from_b.f1()), (None, Some(0.0), Some(0.0)));
    assert_eq!(counts(0, 0, 0).f1(), None, "no spans: no F1, never 0 or 1");
}

#[test]
fn coders_are_sorted_without_duplicates() {
    let c = coder("x", &[(3, 5, "b"), (0, 2, "a"), (3, 5, "b"), (3, 5, "a")]);
    let got: Vec<(usize, usize, &str)> = c.spans.iter().map(|s| (s.start, s.end, s.label.as_str())).collect();
    assert_eq!(got, [(0, 2, "a"), (3, 5, "a"), (3, 5, "b")]);
}

/// (a's spans, b's spans) → (exact "all", overlap "all").
#[test]
fn exact_and_overlap_matching() {
    type Spans = &'static [(usize, usize, &'static str)];
    let cases: &[(&str, Spans, Spans, Counts, Counts)] = &[
        ("identical", &[(0, 2, "x"), (3, 5, "y")], &[(0, 2, "x"), (3, 5, "y")], counts(2, 0, 0), counts(2, 0, 0)),
        ("disjoint", &[(0, 2, "x")], &[(6, 8, "x")], counts(0, 1, 1), counts(0, 1, 1)),
        ("b has none", &[(0, 2, "x")], &[], counts(0, 0, 1), counts(0, 0, 1)),
        ("shifted end", &[(0, 5, "x")], &[(0, 4, "x")], counts(0, 1, 1), counts(1, 0, 0)),
        ("other label overlaps, no match", &[(0, 5, "x")], &[(0, 5, "y")], counts(0, 1, 1), counts(0, 1, 1)),
        // One long span of a against two short ones of b: matched once, the second left over.
        ("each matched once", &[(0, 10, "x")], &[(2, 4, "x"), (5, 8, "x")], counts(0, 2, 1), counts(1, 1, 0)),
        // Nested in a, crossing in b: in text order the outer takes the first, the inner the next.
        (
            "nested and crossing",
            &[(0, 10, "x"), (2, 4, "x")],
            &[(1, 3, "x"), (3, 12, "x")],
            counts(0, 2, 2),
            counts(2, 0, 0),
        ),
        // Touching is not overlapping ([0,3) and [3,5) share no code point).
        ("touching", &[(0, 3, "x")], &[(3, 5, "x")], counts(0, 1, 1), counts(0, 1, 1)),
        // Greedy in text order: a's first span takes b's first, so a's second finds none.
        ("greedy", &[(0, 4, "x"), (3, 6, "x")], &[(2, 5, "x")], counts(0, 1, 2), counts(1, 0, 1)),
    ];
    let d = doc("0123456789abcdef");
    for (name, a, b, exact, overlap) in cases {
        let f = figures(&d, &ids(&["x", "y"]), &[coder("a", a), coder("b", b)]);
        let pair = &f.pairs[0];
        assert_eq!((pair.exact[ALL], pair.overlap[ALL]), (*exact, *overlap), "{name}");
        let sum = |m: &Keyed<String, Counts>| ["x", "y"].iter().fold(Counts::default(), |s, l| s.plus(m[*l]));
        assert_eq!((sum(&pair.exact), sum(&pair.overlap)), (*exact, *overlap), "{name}: all is the labels' sum");
    }
}

#[test]
fn confusion_pairs_swapped_labels_after_the_matches() {
    let a = coder("a", &[(0, 2, "actor"), (3, 5, "actor"), (6, 8, "claim")]);
    let b = coder("b", &[(0, 2, "actor"), (3, 5, "location"), (9, 11, "claim")]);
    let f = figures(&doc(FOUR), &ids(&["actor", "location", "claim"]), &[a, b]);
    let got: Vec<((&str, &str), usize)> =
        f.pairs[0].confusion.iter().map(|((x, y), n)| ((x.as_str(), y.as_str()), *n)).collect();
    assert_eq!(got, [(("actor", "actor"), 1), (("actor", "location"), 1)]);
}

#[test]
fn kappa_and_alpha_by_hand() {
    // Tokens aa bb cc dd. a: x on aa, bb; b: x on aa, cc. n11 = n10 = n01 = n00 = 1: κ = 0.
    let a = coder("a", &[(0, 2, "x"), (3, 5, "x")]);
    let b = coder("b", &[(0, 2, "x"), (6, 8, "x")]);
    let f = figures(&doc(FOUR), &ids(&["x"]), &[a.clone(), b]);
    assert_eq!(f.tokens, 4);
    assert_eq!(f.pairs[0].token_kappa["x"], Ok(0.0));
    // α for a = [1,1,0,0], b = [1,0,1,0]: n = 8, pairs disagreeing on 2 tokens: observed 2·2 = 4,
    // n_0 = n_1 = 4: expected 64 − 32 = 32; α = 1 − 7·4 / 32 = 0.125.
    assert_eq!(f.alpha["x"], Ok(1.0 - 7.0 * 4.0 / 32.0));
    // a part of a token puts the whole token in: one code point of "cc".
    let c = coder("c", &[(0, 2, "x"), (3, 5, "x"), (7, 8, "x")]);
    let f = figures(&doc(FOUR), &ids(&["x"]), &[a.clone(), c]);
    // a = [1,1,0,0], c = [1,1,1,0]: N = 4, agreed 3, chance 2·3 + 2·1 = 8: κ = (12 − 8)/(16 − 8).
    assert_eq!(f.pairs[0].token_kappa["x"], Ok(0.5));
    // Identical coders: 1 wherever a label was used, undefined where none was.
    let f = figures(&doc(FOUR), &ids(&["x", "y"]), &[a.clone(), a.clone(), a]);
    assert_eq!(f.pairs.len(), 3);
    assert_eq!((f.pairs[2].token_kappa["x"], f.pairs[2].token_kappa[ALL]), (Ok(1.0), Ok(1.0)));
    assert_eq!(f.pairs[0].token_kappa["y"], Err(Undefined::NoVariation), "never 0 or 1");
    assert_eq!((f.alpha["x"], f.alpha["y"]), (Ok(1.0), Err(Undefined::NoVariation)));
}

#[test]
fn all_labels_take_the_set_covering_each_token() {
    // aa: {x} vs {x, y}; bb: {} vs {}; cc: {y} vs {y}; dd: {} vs {x}.
    let a = coder("a", &[(0, 2, "x"), (6, 8, "y")]);
    let b = coder("b", &[(0, 2, "x"), (0, 2, "y"), (6, 8, "y"), (9, 11, "x")]);
    let f = figures(&doc(FOUR), &ids(&["x", "y"]), &[a, b]);
    // Categories a: [{x}, {}, {y}, {}], b: [{x,y}, {}, {y}, {x}]. Agreed 2 of 4.
    // Rows: {x} 1, {} 2, {y} 1. Columns: {x,y} 1, {} 1, {y} 1, {x} 1. Chance: 1·1 + 2·1 + 1·1 = 4.
    assert_eq!(f.pairs[0].token_kappa[ALL], Ok((4.0 * 2.0 - 4.0) / (16.0 - 4.0)));
}

#[test]
fn undefined_figures_say_why() {
    let f = figures(&doc("— ! 👍🏽"), &ids(&["x"]), &[coder("a", &[(0, 1, "x")]), coder("b", &[])]);
    assert_eq!(
        (f.tokens, f.pairs[0].token_kappa["x"], f.alpha[ALL]),
        (0, Err(Undefined::NoTokens), Err(Undefined::NoTokens))
    );
    let f = figures(&doc(FOUR), &ids(&["x"]), &[coder("a", &[(0, 2, "x")])]);
    assert_eq!((f.pairs.len(), f.alpha["x"]), (0, Err(Undefined::TooFewAnnotators)));
    for why in [Undefined::NoSpans, Undefined::NoTokens, Undefined::NoVariation, Undefined::TooFewAnnotators] {
        assert!(why.reason().ends_with('.') && why.to_string() == why.reason());
    }
}

#[test]
fn labels_asked_for_come_first_then_any_other_used() {
    let f = figures(&doc(FOUR), &ids(&["y", "x", "y"]), &[coder("a", &[(0, 2, "z")]), coder("b", &[(0, 2, "w")])]);
    assert_eq!(f.labels, ["y", "x", "w", "z"]);
    assert_eq!(f.pairs[0].exact["w"], counts(0, 1, 0));
    assert_eq!(f.pairs[0].exact["x"], counts(0, 0, 0));
    assert_eq!(f.annotators, ["a", "b"]);
}

#[test]
fn tokens_count_code_points_over_emoji_and_crlf() {
    // "👍🏽" is two code points and no word; CRLF two code points.
    let d = doc("ok 👍🏽 go\r\nnow");
    assert_eq!(crate::model::agreement::tokens(&d), [(0, 2), (6, 8), (10, 13)]);
}

#[test]
fn groups_list_each_distinct_span_with_who_has_it() {
    let a = coder("a", &[(0, 2, "x"), (3, 5, "x")]);
    let b = coder("b", &[(0, 2, "x"), (3, 5, "y")]);
    let c = coder("c", &[(0, 2, "x")]);
    let g = |start, end, label: &str, by: &[usize]| Group { start, end, label: label.to_owned(), by: by.to_vec() };
    assert_eq!(groups(&[a, b, c]), [g(0, 2, "x", &[0, 1, 2]), g(3, 5, "x", &[0]), g(3, 5, "y", &[1])]);
    assert_eq!(groups(&[]), []);
}

#[test]
fn the_open_document_is_a_coder() {
    let mut e = Editor::new(doc(SEED), Labels::news());
    for (l, s, end) in [("actor", 262, 272), ("location", 55, 60)] {
        e.apply(crate::model::Action::Annotate { label: super::label(l), span: crate::model::Span::new(s, end) });
    }
    let c = coder_of("me", e.doc(), e.annotations(), e.labels());
    assert_eq!(c, coder("me", &[(55, 60, "location"), (262, 272, "actor")]));
}

#[test]
fn files_are_read_as_coders_of_the_same_text_only() {
    let d = doc(SEED);
    let labels = Labels::news();
    let (e, file) = sample_export(SEED, &[("actor", 262, 272)]);
    // Named by the file name, or by the file's annotator.
    let c = read_coder("ben.spanmark.json", file.as_bytes(), &d, &labels).expect("same text");
    assert_eq!(c, coder("ben", &[(262, 272, "actor")]));
    let named = spanmark::serialize_by(e.doc(), e.labels(), e.annotations(), "2026-12-01T00:00:00Z", Some("Ana"));
    assert_eq!(read_coder("x.json", named.as_bytes(), &d, &labels).map(|c| c.name), Ok("Ana".to_owned()));
    // Another text: refused, naming both titles.
    let (_, other) = sample_export("other words", &[("actor", 0, 5)]);
    let message = read_coder("ben.json", other.as_bytes(), &d, &labels).expect_err("another text");
    assert_eq!(message, "ben.json is of \"test\", not \"test\"");
    let titled = doc("x").retitled("article.txt");
    let message = read_coder("ben.json", other.as_bytes(), &titled, &labels).expect_err("another text");
    assert_eq!(message, "ben.json is of \"test\", not \"article.txt\"");
    // A brat .ann has no text: anchored on the document; its label names map onto the ids.
    let ann = brat::serialize_ann(e.doc(), e.labels(), e.annotations());
    let c = read_coder("cy.ann", ann.as_bytes(), &d, &labels).expect("anchored");
    assert_eq!(c, coder("cy", &[(262, 272, "actor")]));
    // An .ann of another text: its spans are not in this one.
    let (o, _) = sample_export("zzyzx qwfpg here", &[("actor", 0, 5), ("event", 6, 11)]);
    let foreign = brat::serialize_ann(o.doc(), o.labels(), o.annotations());
    let message = read_coder("dee.ann", foreign.as_bytes(), &d, &labels).expect_err("not of this text");
    assert_eq!(message, "dee.ann does not fit \"test\": 2 of its 2 spans are not in the text");
    // A plain text, and a file that does not open, say so.
    assert!(read_coder("notes.txt", b"just words", &d, &labels).expect_err("text").contains("plain text"));
    assert!(read_coder("bad.json", b"{", &d, &labels).is_err());
}

#[test]
fn the_report_has_every_figure_and_null_for_undefined() {
    let a = coder("ana", &[(0, 2, "x"), (3, 5, "x")]);
    let b = coder("ben, \"b\"", &[(0, 2, "x")]);
    let f = figures(&doc(FOUR), &ids(&["x", "y"]), &[a, b]);
    let json: serde_json::Value = serde_json::from_str(&report_json("t", "abc", &f)).expect("json");
    assert_eq!(json["format"], "spanmark-agreement");
    assert_eq!(json["version"], 1);
    assert_eq!(json["document"], serde_json::json!({"title": "t", "sha256": "abc"}));
    assert_eq!(json["annotators"], serde_json::json!(["ana", "ben, \"b\""]));
    assert_eq!(json["labels"], serde_json::json!(["x", "y"]));
    let pair = &json["pairs"][0];
    assert_eq!((&pair["a"], &pair["b"]), (&serde_json::json!("ana"), &serde_json::json!("ben, \"b\"")));
    assert_eq!(
        pair["exact"]["x"],
        serde_json::json!({"tp": 1, "fp": 0, "fn": 1, "precision": 1, "recall": 0.5, "f1": 0.666666666666667})
    );
    assert_eq!(
        pair["overlap"]["y"],
        serde_json::json!({"tp": 0, "fp": 0, "fn": 0, "precision": null, "recall": null, "f1": null})
    );
    assert!(pair["token_kappa"]["y"].is_null() && pair["token_kappa"]["x"].is_number());
    let text = report_json("t", "abc", &f);
    let (x, y, all) = (text.rfind("\"x\": "), text.rfind("\"y\": "), text.rfind("\"all\": "));
    assert!(x < y && y < all, "labels in order, then all: {text}");
    assert_eq!(json["alpha"].as_object().map(|o| o.len()), Some(3));
    let csv = report_csv(&f);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "a,b,label,measure,tp,fp,fn,precision,recall,f1,value,undefined");
    // 1 pair × 3 keys × 3 measures, 3 alpha rows, the header, and the empty string after the last CRLF.
    assert_eq!(lines.len(), 1 + 9 + 3 + 1);
    assert!(lines.contains(&"ana,\"ben, \"\"b\"\"\",y,token_kappa,,,,,,,,no_variation"), "{csv}");
    assert!(lines.contains(&",,x,alpha,,,,,,,0.533333333333333,"), "{csv}");
}
