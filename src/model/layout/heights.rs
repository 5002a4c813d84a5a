//! Where each paragraph sits vertically.
//!
//! A paragraph's height is an estimate from its length until the browser has drawn it once;
//! then it is the measured height. Heights live in a Fenwick tree, so the top of paragraph `i`
//! and the paragraph at height `y` are both O(log n), and a measurement is an O(log n) update.

use std::ops::Range;

use crate::model::document::Document;

/// What the estimate of an undrawn paragraph is made of, read from the page's styles.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    /// Height of one line of text.
    pub line: f64,
    /// Space below a paragraph with text (none in a text whose blank lines separate paragraphs:
    /// see `Document::spaced_after`).
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

/// How much wider the measure of a text whose blank lines separate paragraphs is
/// (`Document::blank_separated`; text.css gives it 40em against 29em): its lines, wrapped at
/// some 70–80 characters, fit whole, so more characters fit on a line.
pub const WIDER_MEASURE: f64 = 40.0 / 29.0;

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
        let wider = if doc.blank_separated() { WIDER_MEASURE } else { 1.0 };
        let per_line = (metrics.per_line * wider).max(1.0);
        let height: Vec<f64> = doc
            .paragraphs()
            .iter()
            .enumerate()
            .map(|(i, p)| match p.content.len() {
                0 => metrics.blank,
                n => {
                    let gap = if doc.spaced_after(i) { metrics.gap } else { 0.0 };
                    (f64::from(n) / per_line).ceil() * metrics.line + gap
                }
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
