//! What to draw of a long text and a long list, and where it sits: pixels are CSS pixels as
//! `f64`, and nothing here knows about the DOM (the browser edge measures and scrolls; the
//! components draw what this says).
//!
//! - `heights`: where each paragraph sits vertically ([`Heights`]).
//! - `viewport`: which paragraphs are drawn, as a state machine fed with measurements and
//!   events ([`Viewport`]).
//! - `marks`: where a find's matches sit in the whole text, for the strip beside the
//!   scrollbar ([`marks`]).
//! - `arcs`: where the relations' arcs and stubs go over the drawn text ([`arcs::place`]).
//! - here: the window's rule ([`window`]), the list's rows ([`rows`]) and the scroll that brings
//!   a row into view ([`into_view`]).

pub mod arcs;
mod heights;
mod marks;
mod viewport;

use std::ops::Range;

pub use heights::{Heights, Metrics};
pub use marks::{marks, Mark};
pub use viewport::{Page, Viewport};

/// Only documents longer than this (in code points) are drawn in part: shorter ones are drawn
/// whole, so the browser's own find sees all of them. It is about what the window around the
/// viewport holds (three screens of some 2,000 characters on a laptop): a document drawn whole
/// past that lays out and paints more per edit than the window would (a 10,000-character one,
/// drawn whole, took 1 ms more per delete at p95 than drawn in part). The app's own find
/// (Ctrl+F) searches the model at any length.
pub const WHOLE_MAX_CHARS: u32 = 5_000;

/// Which paragraphs to draw.
///
/// `shown` is the current window; `top..bottom` the visible band of the text (in the text's own
/// coordinates) and `margin` how far beyond it to draw. The window stays as it is while the
/// visible band is inside it (so scrolling does not redraw on every frame); otherwise it becomes
/// the band widened by `margin` on both sides.
pub fn window(heights: &Heights, shown: &Range<usize>, top: f64, bottom: f64, margin: f64) -> Range<usize> {
    let visible = heights.touching(top, bottom);
    if shown.start <= visible.start && visible.end <= shown.end && !shown.is_empty() {
        return shown.clone();
    }
    heights.touching(top - margin, bottom + margin)
}

/// Lists of more entries than this are drawn in part (see [`rows`]). Low, because every drawn
/// row costs each edit: with 100 rows drawn, a 10 k document's edits took 21–48 ms to paint
/// (p95), with 40 at most 15–19.
pub const WHOLE_MAX_ROWS: usize = 40;

/// Which of `count` rows of `row` pixels each to draw when the band `top..bottom` of the list
/// is visible: the rows touching it and `spare` more on each side; all of them up to
/// [`WHOLE_MAX_ROWS`].
pub fn rows(count: usize, row: f64, top: f64, bottom: f64, spare: usize) -> Range<usize> {
    if count <= WHOLE_MAX_ROWS || row <= 0.0 {
        return 0..count;
    }
    let row_at = |y: f64| ((y.max(0.0) / row) as usize).min(count);
    let first = row_at(top).saturating_sub(spare).min(count);
    let last = (row_at(bottom.max(top)) + 1 + spare).min(count);
    first..last
}

/// How far to scroll a list whose band `from..to` is visible so that the row `top..bottom` is
/// wholly in view: up (negative) when it is above, down when below, `None` when it already is.
pub fn into_view(top: f64, bottom: f64, from: f64, to: f64) -> Option<f64> {
    if top < from {
        Some(top - from)
    } else if bottom > to {
        Some(bottom - to)
    } else {
        None
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::into_view;

    #[test]
    fn a_row_comes_into_view_by_the_least_scroll() {
        // The list shows 760..1_520; rows are 76 px.
        assert_eq!(into_view(760.0, 836.0, 760.0, 1_520.0), None, "the first visible row");
        assert_eq!(into_view(1_444.0, 1_520.0, 760.0, 1_520.0), None, "the last visible row");
        assert_eq!(into_view(0.0, 76.0, 760.0, 1_520.0), Some(-760.0), "above: up to its top");
        assert_eq!(into_view(1_520.0, 1_596.0, 760.0, 1_520.0), Some(76.0), "below: down to its bottom");
        assert_eq!(into_view(700.0, 776.0, 760.0, 1_520.0), Some(-60.0), "half above");
    }
}
