//! Where grapheme clusters start: UAX #29 extended clusters, what a reader sees as one
//! character (👩‍👩‍👦, 🇮🇱, e + U+0301, CRLF). The rules need Unicode tables that were a sixth of the
//! wasm bundle; the browser already has them (`Intl.Segmenter`). So in the browser the edge
//! installs the browser's segmenter at start-up ([`install`]); natively the unicode-segmentation
//! crate answers. The model asks only through [`starts`], which checks whatever it is given.

use std::cell::Cell;

/// Byte offsets in a text where its clusters start, ascending.
pub type Segmenter = fn(&str) -> Vec<usize>;

thread_local! {
    static INSTALLED: Cell<Option<Segmenter>> = const { Cell::new(None) };
}

/// Makes `segmenter` the one [`starts`] asks (the edge does this once, at start-up).
pub fn install(segmenter: Segmenter) {
    INSTALLED.with(|s| s.set(Some(segmenter)));
}

/// Byte offsets where the clusters of `text` start: ascending, each on a char boundary, the
/// first 0 (none for ""). What a segmenter answers is held to that: an offset that is not a
/// char boundary or not after the one before is dropped, and 0 is always a start.
pub fn starts(text: &str) -> Vec<usize> {
    let found = match INSTALLED.with(Cell::get) {
        Some(segmenter) => segmenter(text),
        None => builtin(text),
    };
    checked(text, found)
}

/// What a segmenter answered for `text`, held to the rules of [`starts`] (shared with
/// [`super::words`]).
pub(crate) fn checked(text: &str, found: Vec<usize>) -> Vec<usize> {
    let mut out = Vec::with_capacity(found.len() + 1);
    if !text.is_empty() {
        out.push(0);
    }
    for b in found {
        if b > out.last().copied().unwrap_or(0) && b < text.len() && text.is_char_boundary(b) {
            out.push(b);
        }
    }
    out
}

#[cfg(not(target_arch = "wasm32"))]
fn builtin(text: &str) -> Vec<usize> {
    use unicode_segmentation::UnicodeSegmentation;
    text.grapheme_indices(true).map(|(b, _)| b).collect()
}

/// Before the edge installs the browser's segmenter: each code point is a cluster.
#[cfg(target_arch = "wasm32")]
fn builtin(text: &str) -> Vec<usize> {
    text.char_indices().map(|(b, _)| b).collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::starts;

    fn check(text: &str, expected: &[&str]) {
        let starts = starts(text);
        let mut clusters = Vec::new();
        for (i, &s) in starts.iter().enumerate() {
            clusters.push(&text[s..starts.get(i + 1).copied().unwrap_or(text.len())]);
        }
        assert_eq!(clusters, expected);
    }

    #[test]
    fn clusters_are_what_a_reader_sees() {
        check("", &[]);
        check("ab", &["a", "b"]);
        check("👩‍👩‍👦!", &["👩‍👩‍👦", "!"]);
        check("🇮🇱🇮🇱", &["🇮🇱", "🇮🇱"]);
        check("e\u{301}x", &["e\u{301}", "x"]);
        check("a\r\nb\rc\n", &["a", "\r\n", "b", "\r", "c", "\n"]);
        check("🙅🏽‍♀️ وزير", &["🙅🏽‍♀️", " ", "و", "ز", "ي", "ر"]);
    }

    #[test]
    fn what_a_segmenter_answers_is_checked() {
        super::install(|_| vec![0, 3, 1, 2, 4, 4, 5, 99]);
        // "aébc": 1 comes after 3, 2 is inside "é", 4 comes twice, 5 is the end, 99 past it.
        assert_eq!(starts("aébc"), [0, 3, 4]);
        assert_eq!(starts(""), Vec::<usize>::new());
        super::install(super::builtin);
    }
}
