//! Adjudication (issue 17 point 5): every distinct span the annotators have ([`groups`]), each
//! accepted, rejected or not yet decided, its label or boundaries fixable; the accepted ones
//! become the annotations of a new document ([`Chosen`], `Action::Adjudicated`).
//!
//! Pure: the Compare view holds an [`Adjudication`] as its state and asks it for the next
//! disagreement, the counts, and what to write.
//!
//! [`groups`]: super::agreement::groups

use super::agreement::Group;
use super::span::Span;
use crate::support::order::sort_by;

/// What the person decided about one span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Accept,
    Reject,
}

/// One distinct span with who had it, possibly fixed, and the decision about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// The span as the annotators had it (`by`: coder indices, increasing).
    pub group: Group,
    /// Where it ends up: the group's own span until its boundaries are fixed. Never empty.
    pub span: Span,
    /// The label it ends up with: the group's until fixed.
    pub label: String,
    pub verdict: Option<Verdict>,
}

impl Item {
    /// Whether every annotator had it.
    pub fn agreed(&self, coders: usize) -> bool {
        self.group.by.len() >= coders
    }
}

/// An accepted span for the adjudicated document, with the names of the annotators who had it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chosen {
    pub span: Span,
    pub label: String,
    pub annotators: Vec<String>,
}

/// The decisions over every group of one comparison.
///
/// Invariant: `items` are the groups in text order (as `groups` gives them); `coders` is the number
/// of annotators compared and `names` their names, index for index with the groups' `by`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Adjudication {
    pub items: Vec<Item>,
    pub coders: usize,
    pub names: Vec<String>,
}

impl Adjudication {
    /// Nothing decided yet. Groups whose offsets do not fit in a span (none can, from a document)
    /// are left out.
    pub fn new(groups: Vec<Group>, names: Vec<String>) -> Adjudication {
        let mut items = Vec::with_capacity(groups.len());
        for group in groups {
            let (Ok(start), Ok(end)) = (u32::try_from(group.start), u32::try_from(group.end)) else { continue };
            let Some(span) = Span::try_new(start, end).ok().filter(|s| !s.is_empty()) else { continue };
            let label = group.label.clone();
            items.push(Item { group, span, label, verdict: None });
        }
        Adjudication { items, coders: names.len(), names }
    }

    /// Accepts every span at least `k` annotators had (`k` = all: Accept all agreed); a decision
    /// already made about a span is left as it is. Returns how many were accepted.
    pub fn accept_at_least(&mut self, k: usize) -> usize {
        let mut n = 0;
        for item in self.items.iter_mut().filter(|i| i.verdict.is_none() && i.group.by.len() >= k.max(1)) {
            item.verdict = Some(Verdict::Accept);
            n += 1;
        }
        n
    }

    /// Decides item `i` (a second press of the same verdict undoes it).
    pub fn decide(&mut self, i: usize, verdict: Verdict) {
        if let Some(item) = self.items.get_mut(i) {
            item.verdict = if item.verdict == Some(verdict) { None } else { Some(verdict) };
        }
    }

    /// Gives item `i` another label; fixing it accepts it.
    pub fn relabel(&mut self, i: usize, label: &str) {
        if let Some(item) = self.items.get_mut(i) {
            item.label = label.to_owned();
            item.verdict = Some(Verdict::Accept);
        }
    }

    /// Moves item `i`'s start (`start` true) or end to `to`, within the text's `len` code points;
    /// a move that would leave it empty or inverted is ignored. Fixing it accepts it.
    pub fn resize(&mut self, i: usize, start: bool, to: u32, len: u32) {
        let Some(item) = self.items.get_mut(i) else { return };
        let (s, e) = if start { (to, item.span.end()) } else { (item.span.start(), to.min(len)) };
        if s < e {
            item.span = Span::new(s, e);
            item.verdict = Some(Verdict::Accept);
        }
    }

    /// Whether item `i` is a disagreement: not every annotator had it.
    pub fn disputed(&self, i: usize) -> bool {
        self.items.get(i).is_some_and(|item| !item.agreed(self.coders))
    }

    /// How many are accepted, rejected and undecided.
    pub fn tally(&self) -> (usize, usize, usize) {
        let count = |v: Option<Verdict>| self.items.iter().filter(|i| i.verdict == v).count();
        (count(Some(Verdict::Accept)), count(Some(Verdict::Reject)), count(None))
    }

    /// The accepted spans, each with the names of those who had it; two accepted items that end
    /// up the same (span and label) become one, with both groups' annotators.
    pub fn chosen(&self) -> Vec<Chosen> {
        let mut accepted: Vec<&Item> = Vec::new();
        for i in self.items.iter().filter(|i| i.verdict == Some(Verdict::Accept)) {
            accepted.push(i);
        }
        // A fixed span may now stand before its neighbours: in text order again, twins side by side.
        sort_by(&mut accepted, |a, b| {
            (a.span.start(), a.span.end(), &a.label).cmp(&(b.span.start(), b.span.end(), &b.label))
        });
        let mut out: Vec<Chosen> = Vec::new();
        for item in accepted {
            let names = item.group.by.iter().filter_map(|&c| self.names.get(c).cloned());
            match out.last_mut() {
                Some(twin) if twin.span == item.span && twin.label == item.label => {
                    for name in names {
                        if !twin.annotators.contains(&name) {
                            twin.annotators.push(name);
                        }
                    }
                }
                _ => out.push(Chosen { span: item.span, label: item.label.clone(), annotators: names.collect() }),
            }
        }
        out
    }
}

/// The next (or with `back`, the previous) of `candidates` (item indices in text order) after
/// `from`, wrapping round; the first (last) when `from` is none.
pub fn step(candidates: &[usize], from: Option<usize>, back: bool) -> Option<usize> {
    let first = if back { candidates.last() } else { candidates.first() };
    let Some(from) = from else { return first.copied() };
    let next = if back { candidates.iter().rev().find(|&&i| i < from) } else { candidates.iter().find(|&&i| i > from) };
    next.or(first).copied()
}
