//! Caret motions, word snapping and the walk between annotations: one named test per row.
//! Texts mark the caret with `|` and a selection with `[` `]`; those never occur otherwise.

use super::{ann, doc, set};
use crate::model::annotation::AnnotationId;
use crate::model::caret::{neighbour, Caret, Motion};
use crate::model::span::Span;

/// The text without its markers, and the code points where each marker was.
fn parse(marked: &str) -> (String, Vec<(char, u32)>) {
    let mut text = String::new();
    let mut marks = Vec::new();
    let mut cp = 0u32;
    for c in marked.chars() {
        if matches!(c, '|' | '[' | ']') {
            marks.push((c, cp));
        } else {
            text.push(c);
            cp += 1;
        }
    }
    (text, marks)
}

fn at(marks: &[(char, u32)], which: char) -> u32 {
    marks.iter().find(|(c, _)| *c == which).map(|(_, cp)| *cp).expect("the marker is in the row")
}

macro_rules! motions {
    ($($name:ident: $from:expr, $motion:ident => $to:expr;)*) => {$(
        #[test]
        fn $name() {
            let (text, marks) = parse($from);
            let (expected, to) = parse($to);
            assert_eq!(text, expected, "the row's two texts differ");
            let d = doc(&text);
            let moved = Caret::at(at(&marks, '|')).moved(&d, Motion::$motion, false);
            assert_eq!(moved, Caret::at(at(&to, '|')), "{} → {}", $from, $to);
        }
    )*};
}

motions! {
    char_forward_one_letter: "a|bc", CharForward => "ab|c";
    char_forward_whole_emoji: "a|👩‍👩‍👦b", CharForward => "a👩‍👩‍👦|b";
    char_forward_whole_flag: "|🇮🇱x", CharForward => "🇮🇱|x";
    char_forward_letter_with_accent: "Cafe|\u{301}!", CharForward => "Cafe\u{301}|!";
    char_forward_before_accent: "Caf|e\u{301}!", CharForward => "Cafe\u{301}|!";
    char_forward_over_line_end: "ab|\ncd", CharForward => "ab\n|cd";
    char_forward_over_crlf_whole: "ab|\r\ncd", CharForward => "ab\r\n|cd";
    char_forward_at_end_stays: "ab|", CharForward => "ab|";
    char_back_one_letter: "ab|c", CharBack => "a|bc";
    char_back_whole_emoji: "a👩‍👩‍👦|b", CharBack => "a|👩‍👩‍👦b";
    char_back_over_crlf_whole: "ab\r\n|cd", CharBack => "ab|\r\ncd";
    char_back_at_start_stays: "|ab", CharBack => "|ab";
    char_back_arabic: "أسعد| الشيباني", CharBack => "أسع|د الشيباني";
    word_forward_to_word_end: "Ron| Dermer, said", WordForward => "Ron Dermer|, said";
    word_forward_inside_word: "Ro|n Dermer", WordForward => "Ron| Dermer";
    word_forward_skips_punctuation: "Paris|, “France”", WordForward => "Paris, “France|”";
    word_forward_over_line_end: "one|\n\ntwo", WordForward => "one\n\ntwo|";
    word_forward_nothing_left: "one|!!", WordForward => "one!!|";
    word_forward_hyphen_splits: "|de-escalation", WordForward => "de|-escalation";
    word_forward_apostrophe_inside: "|Syria’s talks", WordForward => "Syria’s| talks";
    word_forward_arabic: "|أسعد الشيباني", WordForward => "أسعد| الشيباني";
    word_back_to_word_start: "Ron Dermer|, said", WordBack => "Ron |Dermer, said";
    word_back_inside_word: "Ron Der|mer", WordBack => "Ron |Dermer";
    word_back_over_line_end: "one\n\n|two", WordBack => "|one\n\ntwo";
    word_back_nothing_before: "!!|one", WordBack => "|!!one";
    word_back_from_space: "Ron |Dermer", WordBack => "|Ron Dermer";
    doc_start: "ab\ncd|", DocStart => "|ab\ncd";
    doc_end: "|ab\ncd", DocEnd => "ab\ncd|";
}

macro_rules! extends {
    ($($name:ident: $from:expr, $motion:ident, $extend:expr => $to:expr;)*) => {$(
        /// `[` is the anchor and `]` the head, in either order.
        #[test]
        fn $name() {
            let (text, marks) = parse($from);
            let (_, to) = parse($to);
            let d = doc(&text);
            let from = Caret { anchor: at(&marks, '['), head: at(&marks, ']') };
            let expected = Caret { anchor: at(&to, '['), head: at(&to, ']') };
            assert_eq!(from.moved(&d, Motion::$motion, $extend), expected, "{} → {}", $from, $to);
        }
    )*};
}

extends! {
    shift_right_grows: "[Ro]n Dermer", CharForward, true => "[Ron] Dermer";
    shift_left_shrinks: "[Ron] Dermer", CharBack, true => "[Ro]n Dermer";
    shift_ctrl_right_twice_from_space: "Minister,[] Ron Dermer", WordForward, true => "Minister,[ Ron] Dermer";
    shift_ctrl_right_adds_word: "[ Ron] Dermer,", WordForward, true => "[ Ron Dermer],";
    shift_left_past_anchor_flips: "a[b]c", CharBack, true => "a][bc";
    right_collapses_at_end: "[Ron] Dermer", CharForward, false => "Ron[] Dermer";
    left_collapses_at_start: "[Ron] Dermer", CharBack, false => "[]Ron Dermer";
    ctrl_shift_end_extends_to_end: "a[]b\ncd", DocEnd, true => "a[b\ncd]";
}

macro_rules! snaps {
    ($($name:ident: $from:expr => $to:expr;)*) => {$(
        #[test]
        fn $name() {
            let (text, marks) = parse($from);
            let (_, to) = parse($to);
            let d = doc(&text);
            let got = d.snap_selection(Span::new(at(&marks, '['), at(&marks, ']')));
            let expected = to.iter().any(|(c, _)| *c == '[').then(|| Span::new(at(&to, '['), at(&to, ']')));
            assert_eq!(got, expected, "{} → {}", $from, $to);
        }
    )*};
}

snaps! {
    snap_drops_trailing_comma: "in [Paris,] pledging" => "in [Paris], pledging";
    snap_drops_quote_keeps_hyphen: "on [“de-escalation] and" => "on “[de-escalation] and";
    snap_widens_word_start: "Ron D[ermer] said" => "Ron [Dermer] said";
    snap_widens_word_end: "[Ron Der]mer said" => "[Ron Dermer] said";
    snap_widens_both_ends: "R[on Derm]er" => "[Ron Dermer]";
    snap_inside_one_word: "Pa[ri]s" => "[Paris]";
    snap_trims_whitespace_too: "[ Paris, ]x" => " [Paris], x";
    snap_keeps_inner_punctuation: "[Syria’s Foreign Minister, Asaad]" => "[Syria’s Foreign Minister, Asaad]";
    snap_only_punctuation_kept: "a [,;] b" => "a [,;] b";
    snap_only_space_is_nothing: "a [ ] b" => "a   b";
    snap_accent_kept_with_letter: "[Cafe]\u{301} au" => "[Cafe\u{301}] au";
    snap_arabic_word: "أس[عد] الشيباني" => "[أسعد] الشيباني";
    snap_digits_are_words: "on 1[3 Ju]ly" => "on [13 July]";
    snap_stops_at_apostrophe: "in [Syria]’s talks" => "in [Syria]’s talks";
    snap_widens_over_apostrophe: "in [Syr]ia’s talks" => "in [Syria’s] talks";
    snap_keeps_emoji_at_edge: "[mother 🙋🏽‍♀️] left" => "[mother 🙋🏽‍♀️] left";
    snap_drops_guillemets: "dit [«Paris»] hier" => "dit «[Paris]» hier";
    snap_drops_arabic_comma: "[درعا،] ثم" => "[درعا]، ثم";
    snap_drops_spanish_marks: "[¿Dónde?]" => "¿[Dónde]?";
    snap_drops_ellipsis_and_dash: "[—wait…]" => "—[wait]…";
    snap_keeps_currency: "[€40]" => "[€40]";
    snap_across_lines: "o[ne\ntw]o" => "[one\ntwo]";
}

/// An emoji selected alone is kept whole (it has no letter, so it is not trimmed away).
#[test]
fn snap_emoji_alone_kept_whole() {
    let d = doc("x 👩‍👩‍👦 y");
    // Half the family: the cluster is widened, never split.
    assert_eq!(d.snap_selection(Span::new(2, 4)), Some(Span::new(2, 7)));
}

macro_rules! walks {
    ($($name:ident: $selected:expr, $at:expr, $back:expr => $expected:expr;)*) => {$(
        #[test]
        fn $name() {
            let s = set(&[ann("a1", "actor", 10, 20), ann("a2", "place", 0, 5), ann("a3", "actor", 10, 14)]);
            let selected: Option<&str> = $selected;
            let id = selected.map(AnnotationId::new);
            let got = neighbour(&s, id.as_ref(), $at, $back).map(|a| a.id.as_str().to_owned());
            let expected: Option<&str> = $expected;
            assert_eq!(got.as_deref(), expected);
        }
    )*};
}

walks! {
    walk_first_from_start: None, 0, false => Some("a2");
    walk_from_caret: None, 6, false => Some("a3");
    walk_back_from_caret: None, 6, true => Some("a2");
    walk_next_in_text_order: Some("a3"), 0, false => Some("a1");
    walk_back_in_text_order: Some("a1"), 0, true => Some("a3");
    walk_past_last_is_none: Some("a1"), 0, false => None;
    walk_before_first_is_none: Some("a2"), 0, true => None;
    walk_removed_selection_uses_caret: Some("gone"), 11, false => None;
}
