//! Find with options (regular expressions, case, whole words), annotate-all planning and
//! suggestions from one's own tags. One named test per row.

use super::{ann, doc, editor, label, set, SEED};
use crate::model::bulk::{context, plan};
use crate::model::search::{search, Query};
use crate::model::suggest::{flatten, groups};
use crate::model::{Action, Span};

/// Each match written as "start..end", or the error.
fn found(text: &str, q: &str, regex: bool, case: bool, whole: bool) -> Result<Vec<String>, String> {
    let query = Query { text: q.to_owned(), regex, case, whole };
    search(text, &query).map(|f| f.matches.iter().map(|s| format!("{}..{}", s.start(), s.end())).collect())
}

macro_rules! finds {
    ($($name:ident: $text:expr, $q:expr, regex $r:expr, case $c:expr, whole $w:expr => $expected:expr;)*) => {$(
        #[test]
        fn $name() {
            let expected: &[&str] = &$expected;
            assert_eq!(found($text, $q, $r, $c, $w), Ok(expected.iter().map(|s| s.to_string()).collect::<Vec<_>>()));
        }
    )*};
}

finds! {
    plain_ignores_case: "Syria syria SYRIA", "syria", regex false, case false, whole false => ["0..5", "6..11", "12..17"];
    plain_matches_case: "Syria syria SYRIA", "Syria", regex false, case true, whole false => ["0..5"];
    plain_case_counts_code_points: "🇸🇾 Syria 👨‍👩‍👧 Syria", "Syria", regex false, case true, whole false => ["3..8", "15..20"];
    whole_word_leaves_out_longer_words: "Syria, Syrian, Syria’s Syria", "Syria", regex false, case false, whole true => ["0..5", "23..28"];
    whole_word_with_case: "Syria syria Syrian", "Syria", regex false, case true, whole true => ["0..5"];
    whole_word_partial_does_not_hide_a_later_whole: "aaa aa", "aa", regex false, case true, whole true => ["4..6"];
    whole_word_arabic: "سوريا وسوريا سوريا", "سوريا", regex false, case false, whole true => ["0..5", "13..18"];
    whole_word_across_lines: "Syria\nSyria", "Syria", regex false, case false, whole true => ["0..5", "6..11"];
    regex_word_class: "Sweida, sweida and Sweidawi", "Swei\\w+", regex true, case true, whole false => ["0..6", "19..27"];
    regex_ignores_ascii_case: "Sweida, sweida", "swei\\w+", regex true, case false, whole false => ["0..6", "8..14"];
    regex_whole_word: "Syria Syrian", "Syri\\w", regex true, case false, whole true => ["0..5"];
    regex_offsets_are_code_points: "é👍 Damascus", "D\\w+", regex true, case true, whole false => ["3..11"];
    regex_empty_matches_are_skipped: "abc", "x*", regex true, case true, whole false => [];
    regex_alternation: "Israel and Syria", "Syria|Israel", regex true, case true, whole false => ["0..6", "11..16"];
    empty_query_finds_nothing: "text", "", regex true, case true, whole true => [];
}

#[test]
fn a_bad_regex_says_what_is_wrong_in_plain_words() {
    for bad in ["(", "[a-", "a{2,1}", "*"] {
        let got = found("text (", bad, true, false, false);
        let Err(message) = got else { panic!("{bad:?} was accepted") };
        assert!(message.starts_with("Not a valid regular expression"), "{bad:?}: {message}");
        assert!(!message.contains('\n') && !message.contains('^'), "{bad:?}: one line, no caret: {message}");
    }
}

#[test]
fn the_seed_has_seven_sweida() {
    assert_eq!(found(SEED, "Sweida", false, false, false).map(|m| m.len()), Ok(7));
    assert_eq!(found(SEED, "Swei\\w+", true, false, false).map(|m| m.len()), Ok(7));
}

#[test]
fn planning_skips_matches_already_tagged_with_the_label() {
    let d = doc("Sweida, then Sweida again; Sweida.");
    let anns = set(&[ann("a1", "location", 0, 6), ann("a2", "actor", 13, 19)]);
    let matches = [Span::new(0, 6), Span::new(13, 19), Span::new(27, 33)];
    let got: Vec<(u32, bool)> =
        plan(&d, &matches, &anns, &label("location")).iter().map(|p| (p.span.start(), p.tagged)).collect();
    assert_eq!(got, [(0, true), (13, false), (27, false)], "tagged with another label is not skipped");
}

#[test]
fn planning_tidies_and_drops_whitespace_matches() {
    let d = doc("a  Sweida  b");
    let matches = [Span::new(1, 3), Span::new(2, 10)];
    let got: Vec<Span> = plan(&d, &matches, &set(&[]), &label("location")).iter().map(|p| p.span).collect();
    assert_eq!(got, [Span::new(3, 9)]);
}

#[test]
fn context_is_cut_at_the_line_and_at_spaces_with_ellipses() {
    let d = doc("first line\nthe long road to Sweida and back home\nlast");
    let at = d.text().find("Sweida").unwrap() as u32;
    let (before, hit, after) = context(&d, Span::new(at, at + 6), 8);
    assert_eq!((before.as_str(), hit.as_str(), after.as_str()), ("…to ", "Sweida", " and…"));
    let (before, _, after) = context(&d, Span::new(0, 5), 40);
    assert_eq!((before.as_str(), after.as_str()), ("", " line"), "no ellipsis at the line's ends");
}

#[test]
fn annotate_all_is_one_undo_step_and_skips_tagged() {
    let mut e = editor("Sweida, Sweida, Sweida and  Sweida");
    e.apply(Action::Annotate { label: label("location"), span: Span::new(0, 6) });
    let spans = vec![Span::new(0, 6), Span::new(8, 14), Span::new(16, 22), Span::new(27, 34)];
    e.apply(Action::AnnotateAll { label: label("location"), spans: spans.into() });
    let tagged: Vec<(u32, u32)> = e.annotations().iter().map(|a| (a.span.start(), a.span.end())).collect();
    assert_eq!(tagged, [(0, 6), (8, 14), (16, 22), (28, 34)], "the first once; the last tidied");
    e.apply(Action::Undo);
    assert_eq!(e.annotations().len(), 1, "one undo removes the whole batch");
    e.apply(Action::Redo);
    assert_eq!(e.annotations().len(), 4);
}

#[test]
fn annotate_all_with_an_unknown_label_does_nothing() {
    let mut e = editor("Sweida");
    e.apply(Action::AnnotateAll { label: label("nope"), spans: vec![Span::new(0, 6)].into() });
    assert!(e.annotations().is_empty());
    assert!(!e.history().can_undo());
}

#[test]
fn annotate_all_of_nothing_new_records_no_step() {
    let mut e = editor("Sweida");
    e.apply(Action::Annotate { label: label("location"), span: Span::new(0, 6) });
    e.apply(Action::AnnotateAll { label: label("location"), spans: vec![Span::new(0, 6)].into() });
    e.apply(Action::Undo);
    assert!(e.annotations().is_empty(), "the one undo undid the first tag, not an empty batch");
}

/// Suggestions as "text@start label", in text order.
fn suggested(text: &str, tags: &[(&str, u32, u32)], rejected: &[Span]) -> Vec<String> {
    let d = doc(text);
    let anns = set(&tags.iter().enumerate().map(|(i, (l, s, e))| ann(&format!("a{i}"), l, *s, *e)).collect::<Vec<_>>());
    flatten(&groups(&d, &anns, rejected))
        .iter()
        .map(|s| format!("{}@{} {}", d.slice(s.span), s.span.start(), s.label.as_str()))
        .collect()
}

macro_rules! suggests {
    ($($name:ident: $text:expr, $tags:expr, rejected $rej:expr => $expected:expr;)*) => {$(
        #[test]
        fn $name() {
            let expected: &[&str] = &$expected;
            assert_eq!(suggested($text, &$tags, &$rej), expected);
        }
    )*};
}

suggests! {
    suggest_other_exact_mentions: "Syria and Syria, then Syria.", [("location", 0, 5)], rejected [] => ["Syria@10 location", "Syria@22 location"];
    suggest_whole_words_only: "Syria, Syrian, Syria’s, Syria", [("location", 0, 5)], rejected [] => ["Syria@24 location"];
    suggest_case_exact: "Syria SYRIA syria", [("location", 0, 5)], rejected [] => [];
    suggest_none_without_tags: "Syria Syria", [], rejected [] => [];
    suggest_skips_spans_tagged_with_any_label: "Syria Syria Syria", [("location", 0, 5), ("actor", 6, 11)], rejected [] => ["Syria@12 location"];
    suggest_skips_rejected: "Syria Syria Syria", [("location", 0, 5)], rejected [Span::new(6, 11)] => ["Syria@12 location"];
    suggest_inside_another_labels_span: "Syria talks. Syria", [("event", 0, 11), ("location", 13, 18)], rejected [] => ["Syria@0 location"];
    suggest_not_inside_a_span_of_its_label: "Damascus Syria. Syria", [("location", 0, 14), ("location", 16, 21)], rejected [] => [];
    suggest_first_tag_gives_the_label: "Syria Syria Syria", [("location", 0, 5), ("actor", 12, 17)], rejected [] => ["Syria@6 location"];
    suggest_two_strings: "Ron Dermer met Syria; Dermer and Syria", [("actor", 4, 10), ("location", 15, 20)], rejected [] => ["Dermer@22 actor", "Syria@33 location"];
}
