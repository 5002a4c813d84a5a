//! The figures of a document's annotations: how many of each label, how dense, how long, how
//! much of the text they cover.

use super::annotation::{Annotation, AnnotationSet};
use super::document::Document;
use super::label::{LabelId, Labels};
use super::words;

/// One label's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelStats {
    pub label: LabelId,
    pub count: usize,
    /// Spans of this label per 1,000 words of the text (`None` for a text without words).
    pub per_thousand_words: Option<f64>,
}

/// A span picked out (the longest, the shortest), in characters.
#[derive(Clone, Debug, PartialEq)]
pub struct Extreme {
    pub annotation: Annotation,
    pub chars: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stats {
    /// In the label bar's order; then any label the set uses that the bar does not have.
    pub labels: Vec<LabelStats>,
    pub total: usize,
    /// Words in the text (UAX #29 pieces holding a letter or digit).
    pub words: usize,
    pub longest: Option<Extreme>,
    pub shortest: Option<Extreme>,
    /// Code points of the text inside at least one span.
    pub covered: u32,
    /// Code points of the text.
    pub length: u32,
}

impl Stats {
    /// The figures of `annotations` on `doc`. Time: one pass over the text's words and one over
    /// the set (which is in text order, so the covered length needs no sort).
    pub fn of(doc: &Document, labels: &Labels, annotations: &AnnotationSet) -> Stats {
        let words = words::words(doc.text()).count();
        let per_thousand = |count: usize| (words > 0).then(|| count as f64 * 1000.0 / words as f64);
        let mut rows: Vec<LabelStats> = labels
            .iter()
            .map(|l| {
                let count = annotations.count(&l.id);
                LabelStats { label: l.id.clone(), count, per_thousand_words: per_thousand(count) }
            })
            .collect();
        let (mut longest, mut shortest) = (None::<Extreme>, None::<Extreme>);
        let (mut covered, mut reach) = (0u32, 0u32);
        for a in annotations.iter() {
            if labels.get(&a.label).is_none() && !rows.iter().any(|r| r.label == a.label) {
                let count = annotations.count(&a.label);
                rows.push(LabelStats { label: a.label.clone(), count, per_thousand_words: per_thousand(count) });
            }
            let chars = a.span.end() - a.span.start();
            if longest.as_ref().is_none_or(|e| chars > e.chars) {
                longest = Some(Extreme { annotation: a.clone(), chars });
            }
            if shortest.as_ref().is_none_or(|e| chars < e.chars) {
                shortest = Some(Extreme { annotation: a.clone(), chars });
            }
            // Spans come by start: what this one adds is the part past the furthest end so far.
            let from = a.span.start().max(reach);
            if a.span.end() > from {
                covered += a.span.end() - from;
                reach = a.span.end();
            }
        }
        Stats { labels: rows, total: annotations.len(), words, longest, shortest, covered, length: doc.len() }
    }

    /// The share of the text inside a span, 0–1 (0 for an empty text).
    pub fn coverage(&self) -> f64 {
        if self.length == 0 {
            0.0
        } else {
            f64::from(self.covered) / f64::from(self.length)
        }
    }
}
