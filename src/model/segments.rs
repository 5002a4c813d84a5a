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
        let layers: Vec<usize> = order.iter().copied().filter(|&i| annotations[i].span.contains_span(span)).collect();
        match out.last_mut() {
            Some(last) if last.layers == layers => last.span = Span::new(last.span.start(), span.end()),
            _ => out.push(Segment { span, layers }),
        }
    }
    out
}
