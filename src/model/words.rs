//! Words: UAX #29 word boundaries, as a reader would split a line into words, spaces and
//! punctuation ("de-escalation" is "de", "-", "escalation"; "Syria’s" one word; Arabic and
//! Hebrew words whole). As with [`super::graphemes`], the rules need Unicode tables the browser
//! already has: the edge installs `Intl.Segmenter` (granularity "word") at start-up, natively
//! the unicode-segmentation crate answers, and the model asks only through [`pieces`].
//!
//! A piece is a *word* when it holds a letter or a digit; the model decides that from the text,
//! so the browser's and the crate's answers mean the same.

use std::cell::Cell;

use super::graphemes::{self, Segmenter};

thread_local! {
    static INSTALLED: Cell<Option<Segmenter>> = const { Cell::new(None) };
}

/// Makes `segmenter` (byte offsets where word-boundary pieces start) the one [`pieces`] asks.
pub fn install(segmenter: Segmenter) {
    INSTALLED.with(|s| s.set(Some(segmenter)));
}

/// One run between two word boundaries, in byte offsets of the text it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    pub start: usize,
    /// Greater than `start`; the next piece starts here.
    pub end: usize,
    /// Holds a letter or a digit.
    pub word: bool,
}

/// The pieces of `text` between word boundaries, in order, covering it exactly.
pub fn pieces(text: &str) -> Vec<Piece> {
    let found = match INSTALLED.with(Cell::get) {
        Some(segmenter) => segmenter(text),
        None => builtin(text),
    };
    let starts = graphemes::checked(text, found);
    let ends = starts.iter().skip(1).copied().chain([text.len()]);
    starts
        .iter()
        .zip(ends)
        .map(|(&start, end)| Piece { start, end, word: text[start..end].chars().any(char::is_alphanumeric) })
        .collect()
}

/// The pieces of `text` that are words.
pub fn words(text: &str) -> impl Iterator<Item = Piece> {
    pieces(text).into_iter().filter(|p| p.word)
}

#[cfg(not(target_arch = "wasm32"))]
fn builtin(text: &str) -> Vec<usize> {
    use unicode_segmentation::UnicodeSegmentation;
    text.split_word_bound_indices().map(|(b, _)| b).collect()
}

#[cfg(target_arch = "wasm32")]
fn builtin(text: &str) -> Vec<usize> {
    rough(text)
}

/// Where pieces start by a rough rule, for a browser without a word segmenter: runs of letters
/// and digits are words, and every other code point is a piece of its own.
pub fn rough(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut in_word = false;
    for (b, c) in text.char_indices() {
        let word = c.is_alphanumeric();
        if !(word && in_word) {
            out.push(b);
        }
        in_word = word;
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::{pieces, words};

    macro_rules! cases {
        ($($name:ident: $text:expr => $expected:expr;)*) => {$(
            #[test]
            fn $name() {
                let text: &str = $text;
                let got: Vec<(&str, bool)> = pieces(text).iter().map(|p| (&text[p.start..p.end], p.word)).collect();
                let expected: &[(&str, bool)] = &$expected;
                assert_eq!(got, expected);
            }
        )*};
    }

    cases! {
        empty: "" => [];
        punctuation_apart: "Paris, France." => [("Paris", true), (",", false), (" ", false), ("France", true), (".", false)];
        hyphen_splits: "“de-escalation" => [("“", false), ("de", true), ("-", false), ("escalation", true)];
        apostrophe_inside: "Syria’s talks" => [("Syria’s", true), (" ", false), ("talks", true)];
        digits_are_words: "13 July 1948" => [("13", true), (" ", false), ("July", true), (" ", false), ("1948", true)];
        arabic_whole: "أسعد الشيباني" => [("أسعد", true), (" ", false), ("الشيباني", true)];
        emoji_not_a_word: "ok 👍🏽!" => [("ok", true), (" ", false), ("👍🏽", false), ("!", false)];
    }

    #[test]
    fn words_are_the_pieces_with_letters_or_digits() {
        let text = "Ron Dermer, 2025.";
        let got: Vec<&str> = words(text).map(|p| &text[p.start..p.end]).collect();
        assert_eq!(got, ["Ron", "Dermer", "2025"]);
    }
}
