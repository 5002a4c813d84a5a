//! Cutting a paragraph into the runs that rendering draws.

use super::annotation::{outermost_first, Annotation};
use super::span::Span;
use crate::support::order::sort_by;

/// A maximal run of a paragraph covered by the same set of annotations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub span: Span,
    /// Indices into the annotations given to [`segments`], outermost (longest) first: the order
    /// in which their highlight elements nest.
    pub layers: Vec<usize>,
}

/// Cuts `range` into segments. `annotations` are those overlapping `range` (others are ignored);
/// the segments cover `range` exactly, in order, with no empty segment.
pub fn segments(range: Span, annotations: &[Annotation]) -> Vec<Segment> {
    let mut cuts = vec![range.start(), range.end()];
    for a in annotations {
        if let Some(part) = a.span.intersect(range) {
            cuts.push(part.start());
            cuts.push(part.end());
        }
    }
    sort_by(&mut cuts, u32::cmp);
    cuts.dedup();
    let mut order: Vec<usize> = (0..annotations.len()).collect();
    sort_by(&mut order, |&i, &j| outermost_first(&annotations[i], &annotations[j]));
    let mut out: Vec<Segment> = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        let span = Span::new(pair[0], pair[1]);
        let mut layers: Vec<usize> = Vec::new();
        for &i in &order {
            if annotations[i].span.contains_span(span) {
                layers.push(i);
            }
        }
        match out.last_mut() {
            Some(last) if last.layers == layers => last.span = Span::new(last.span.start(), span.end()),
            _ => out.push(Segment { span, layers }),
        }
    }
    out
}

/// Where a span's label chip goes, and whether it is always shown (see [`chips`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Chip {
    /// The span shares text with another of those given (nested in it, holding it, or
    /// crossing it): its chip is always shown.
    pub overlaps: bool,
    /// The spans (indices into the annotations given) that start where this one does and come
    /// before it, outermost first: their chips sit to the left of its chip, in this order.
    pub before: Vec<usize>,
}

/// One [`Chip`] per annotation of `annotations`. Spans starting at the same point all overlap
/// (no span is empty), so their chips are always shown together, side by side.
pub fn chips(annotations: &[Annotation]) -> Vec<Chip> {
    let mut out = vec![Chip::default(); annotations.len()];
    let mut order: Vec<usize> = (0..annotations.len()).collect();
    sort_by(&mut order, |&i, &j| {
        let (a, b) = (&annotations[i], &annotations[j]);
        a.span.start().cmp(&b.span.start()).then_with(|| outermost_first(a, b))
    });
    // Sweep in order of start: a span overlaps an earlier one exactly when it starts before the
    // furthest end so far, and then it overlaps the span holding that end.
    let mut furthest: Option<usize> = None;
    let mut group: Vec<usize> = Vec::new();
    for &i in &order {
        let span = annotations[i].span;
        if let Some(h) = furthest {
            let held = annotations[h].span;
            if span.start() < held.end() {
                out[i].overlaps = true;
                out[h].overlaps = true;
            }
            if span.end() > held.end() {
                furthest = Some(i);
            }
        } else {
            furthest = Some(i);
        }
        if group.first().is_some_and(|&g| annotations[g].span.start() != span.start()) {
            group.clear();
        }
        out[i].before = group.clone();
        group.push(i);
    }
    out
}
