//! The diff: every distinct span any annotator has, with who has it.

use super::coder::Coder;
use crate::support::order::sort_by;

/// One distinct (start, end, label) and the annotators who have it.
///
/// Invariant: `by` holds coder indices in increasing order, at least one, no duplicate. Agreed by
/// all when `by.len()` is the number of coders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub by: Vec<usize>,
}

/// Every distinct span of `coders`, in text order (start, end, label), with who has it.
pub fn groups(coders: &[Coder]) -> Vec<Group> {
    // (coder, span) for every span, in text order then coder order: a stable sort of the coders'
    // spans one after another (each coder's are sorted and distinct).
    let mut all: Vec<(usize, usize)> = Vec::new();
    for (c, coder) in coders.iter().enumerate() {
        all.extend((0..coder.spans.len()).map(|i| (c, i)));
    }
    sort_by(&mut all, |&(c, i), &(d, j)| coders[c].spans[i].cmp(&coders[d].spans[j]));
    let mut out: Vec<Group> = Vec::new();
    for (c, i) in all {
        let span = &coders[c].spans[i];
        match out.last_mut() {
            Some(g) if g.start == span.start && g.end == span.end && g.label == span.label => g.by.push(c),
            _ => out.push(Group { start: span.start, end: span.end, label: span.label.clone(), by: vec![c] }),
        }
    }
    out
}
