//! The diff: every distinct span any annotator has, with who has it.

use std::collections::BTreeMap;

use super::coder::{Coded, Coder};

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
    let mut found: BTreeMap<&Coded, Vec<usize>> = BTreeMap::new();
    for (i, coder) in coders.iter().enumerate() {
        for span in &coder.spans {
            let by = found.entry(span).or_default();
            if by.last() != Some(&i) {
                by.push(i);
            }
        }
    }
    found.into_iter().map(|(c, by)| Group { start: c.start, end: c.end, label: c.label.clone(), by }).collect()
}
