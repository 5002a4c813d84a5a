//! Where each paragraph sits vertically, for drawing only the paragraphs near the viewport.
//!
//! A paragraph's height is an estimate from its length until the browser has drawn it once;
//! then it is the measured height. Heights live in a Fenwick tree, so the top of paragraph `i`
//! and the paragraph at height `y` are both O(log n), and a measurement is an O(log n) update.
//! Pixels are CSS pixels as `f64`; nothing here knows about the DOM.

use std::ops::Range;

use super::document::Document;

/// Only documents longer than this (in code points) are drawn in part: shorter ones are drawn
/// whole, so the browser's own find sees all of them. It is about what the window around the
/// viewport holds (three screens of some 2,000 characters on a laptop): a document drawn whole
/// past that lays out and paints more per edit than the window would (a 10,000-character one,
/// drawn whole, took 1 ms more per delete at p95 than drawn in part). The app's own find
/// (Ctrl+F) searches the model at any length.
pub const WHOLE_MAX_CHARS: u32 = 5_000;

/// What the estimate of an undrawn paragraph is made of, read from the page's styles.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    /// Height of one line of text.
    pub line: f64,
    /// Space below a paragraph with text.
    pub gap: f64,
    /// Height of an empty paragraph.
    pub blank: f64,
    /// Characters that fit on a line, on average (at least 1).
    pub per_line: f64,
}

impl Default for Metrics {
    /// The stylesheet's values at its default size (1.15rem × 1.8 lines, 29em measure).
    fn default() -> Metrics {
        Metrics { line: 33.1, gap: 16.6, blank: 16.6, per_line: 62.0 }
    }
}

/// The heights of a document's paragraphs.
#[derive(Clone, Debug)]
pub struct Heights {
    /// Fenwick tree over the heights (1-based inside).
    tree: Vec<f64>,
    /// Each paragraph's current height (estimated or measured).
    height: Vec<f64>,
}

impl Heights {
    /// Every paragraph of `doc` at its estimated height.
    pub fn estimate(doc: &Document, metrics: Metrics) -> Heights {
        let per_line = metrics.per_line.max(1.0);
        let height: Vec<f64> = doc
            .paragraphs()
            .iter()
            .map(|p| match p.content.len() {
                0 => metrics.blank,
                n => (f64::from(n) / per_line).ceil() * metrics.line + metrics.gap,
            })
            .collect();
        let mut tree = vec![0.0; height.len() + 1];
        for (i, &h) in height.iter().enumerate() {
            let k = i + 1;
            tree[k] += h;
            let parent = k + (k & k.wrapping_neg());
            if parent < tree.len() {
                tree[parent] += tree[k];
            }
        }
        Heights { tree, height }
    }

    pub fn len(&self) -> usize {
        self.height.len()
    }

    pub fn is_empty(&self) -> bool {
        self.height.is_empty()
    }

    /// Records the drawn height of paragraph `i`; returns whether anything changed.
    pub fn measure(&mut self, i: usize, h: f64) -> bool {
        let Some(old) = self.height.get(i).copied() else { return false };
        if !h.is_finite() || h < 0.0 || (old - h).abs() < 0.01 {
            return false;
        }
        self.height[i] = h;
        let mut k = i + 1;
        while k < self.tree.len() {
            self.tree[k] += h - old;
            k += k & k.wrapping_neg();
        }
        true
    }

    /// The sum of the heights of paragraphs `0..i` (`i` is clamped to the count).
    pub fn top(&self, i: usize) -> f64 {
        let mut k = i.min(self.len());
        let mut sum = 0.0;
        while k > 0 {
            sum += self.tree[k];
            k &= k - 1;
        }
        sum
    }

    pub fn total(&self) -> f64 {
        self.top(self.len())
    }

    /// The paragraph at height `y` (the last one for `y` past the end; 0 for none).
    pub fn at(&self, y: f64) -> usize {
        if self.is_empty() {
            return 0;
        }
        // Descend the tree: the largest prefix whose sum is <= y.
        let mut pos = 0;
        let mut left = y.max(0.0);
        let mut step = self.tree.len().next_power_of_two() / 2;
        while step > 0 {
            let next = pos + step;
            if next < self.tree.len() && self.tree[next] <= left {
                pos = next;
                left -= self.tree[next];
            }
            step /= 2;
        }
        pos.min(self.len() - 1)
    }

    /// The paragraphs that touch the band `top..bottom`, as a half-open range.
    pub fn touching(&self, top: f64, bottom: f64) -> Range<usize> {
        if self.is_empty() {
            return 0..0;
        }
        let first = self.at(top);
        let last = self.at(bottom.max(top));
        first..last + 1
    }
}

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
