//! Spans of text, measured in Unicode code points.

use std::fmt;

/// A half-open range `[start, end)` of a document's text, in **Unicode code points**
/// (what Python's `text[start:end]` and the W3C TextPositionSelector count).
///
/// A UTF-16 position (what the DOM speaks) is a different type: [`Utf16`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    // Invariant: start <= end.
    start: u32,
    end: u32,
}

/// Why a pair of offsets is not a span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvertedSpan {
    pub start: u32,
    pub end: u32,
}

impl fmt::Display for InvertedSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "start {} is after end {}", self.start, self.end)
    }
}

impl Span {
    /// Creates a span. Panics if `start > end`: use [`Span::try_new`] for offsets that come from
    /// a user or a file.
    pub fn new(start: u32, end: u32) -> Span {
        match Span::try_new(start, end) {
            Ok(span) => span,
            Err(e) => panic!("Span::new: {e}"),
        }
    }

    /// Creates a span, or says why `start..end` is not one.
    pub fn try_new(start: u32, end: u32) -> Result<Span, InvertedSpan> {
        if start <= end {
            Ok(Span { start, end })
        } else {
            Err(InvertedSpan { start, end })
        }
    }

    /// The empty span at `offset`.
    pub fn empty(offset: u32) -> Span {
        Span { start: offset, end: offset }
    }

    pub fn start(self) -> u32 {
        self.start
    }

    pub fn end(self) -> u32 {
        self.end
    }

    pub fn len(self) -> u32 {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether the two spans share at least one code point.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies wholly inside `self`.
    pub fn contains_span(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The part of `self` inside `other`, if they overlap.
    pub fn intersect(self, other: Span) -> Option<Span> {
        let start = self.start.max(other.start);
        let end = self.end.min(other.end);
        (start < end).then_some(Span { start, end })
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// A position counted in UTF-16 code units, as the DOM counts (`Range.startOffset`,
/// `String.length`). Never mixed with code-point offsets: convert with
/// [`crate::model::Document::cp_of_utf16`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Utf16(pub u32);

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn constructor_checks_the_invariant() {
        assert_eq!(Span::try_new(3, 2), Err(InvertedSpan { start: 3, end: 2 }));
        assert_eq!(Span::try_new(2, 2).map(Span::is_empty), Ok(true));
        assert!(std::panic::catch_unwind(|| Span::new(5, 1)).is_err());
    }

    #[test]
    fn overlap_and_intersection_are_half_open() {
        let a = Span::new(0, 5);
        assert!(!a.overlaps(Span::new(5, 9)));
        assert!(a.overlaps(Span::new(4, 9)));
        assert_eq!(a.intersect(Span::new(3, 9)), Some(Span::new(3, 5)));
        assert_eq!(a.intersect(Span::new(5, 9)), None);
        assert!(a.contains_span(Span::new(0, 5)));
        assert!(!a.contains_span(Span::new(0, 6)));
    }
}
