//! Annotations and the set that holds a document's annotations in text order.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::label::LabelId;
use super::span::Span;

/// An annotation's stable id: kept through relabel, undo and export.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct AnnotationId(Rc<str>);

impl AnnotationId {
    pub fn new(id: &str) -> AnnotationId {
        AnnotationId(Rc::from(id))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A labelled span of a document.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Annotation {
    pub id: AnnotationId,
    pub label: LabelId,
    pub span: Span,
}

impl Annotation {
    /// The order of annotations everywhere: by start, then end, then label, then id.
    fn key(&self) -> (u32, u32, &LabelId, &AnnotationId) {
        (self.span.start(), self.span.end(), &self.label, &self.id)
    }
}

/// A document's annotations, kept sorted by (start, end, label, id).
///
/// Invariants: ids are unique; no two annotations have the same span and label; no annotation
/// is empty; `spans` maps exactly the ids of `items` to their spans.
#[derive(Clone, Debug, Default)]
pub struct AnnotationSet {
    items: Vec<Annotation>,
    /// Each id's span: finds an annotation by id with a binary search instead of a scan.
    spans: HashMap<AnnotationId, Span>,
    /// The number for the next generated id (`a<n>`).
    next: u64,
    /// Built on the first range query after a change; see [`MaxEnds`].
    ends: OnceCell<MaxEnds>,
}

impl PartialEq for AnnotationSet {
    fn eq(&self, other: &Self) -> bool {
        self.items == other.items && self.next == other.next
    }
}

impl Eq for AnnotationSet {}

/// Why an annotation was not added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejected {
    Empty,
    DuplicateId(AnnotationId),
    /// The same span with the same label is there already, under this id.
    Duplicate(AnnotationId),
}

impl AnnotationSet {
    pub fn new() -> AnnotationSet {
        AnnotationSet::default()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// All annotations in text order.
    pub fn iter(&self) -> std::slice::Iter<'_, Annotation> {
        self.items.iter()
    }

    pub fn get(&self, id: &AnnotationId) -> Option<&Annotation> {
        let at = self.position(id)?;
        self.items.get(at)
    }

    /// Where `id` sits in text order: O(log n + annotations with the same span).
    pub fn position(&self, id: &AnnotationId) -> Option<usize> {
        let span = *self.spans.get(id)?;
        let from = self.items.partition_point(|a| (a.span.start(), a.span.end()) < (span.start(), span.end()));
        self.items[from..].iter().take_while(|a| a.span == span).position(|a| &a.id == id).map(|i| from + i)
    }

    /// The annotations with exactly `span`, in order.
    fn with_span(&self, span: Span) -> &[Annotation] {
        let key = (span.start(), span.end());
        let from = self.items.partition_point(|a| (a.span.start(), a.span.end()) < key);
        let to = from + self.items[from..].partition_point(|a| (a.span.start(), a.span.end()) == key);
        &self.items[from..to]
    }

    /// A fresh id, unused in this set.
    pub fn fresh_id(&mut self) -> AnnotationId {
        loop {
            self.next += 1;
            let id = AnnotationId::new(&format!("a{}", self.next));
            if self.get(&id).is_none() {
                return id;
            }
        }
    }

    /// Adds `annotation` with the id it carries.
    pub fn insert(&mut self, annotation: Annotation) -> Result<(), Rejected> {
        if annotation.span.is_empty() {
            return Err(Rejected::Empty);
        }
        if self.spans.contains_key(&annotation.id) {
            return Err(Rejected::DuplicateId(annotation.id));
        }
        if let Some(twin) = self.with_span(annotation.span).iter().find(|a| a.label == annotation.label) {
            return Err(Rejected::Duplicate(twin.id.clone()));
        }
        // Keep generated ids clear of imported ones.
        if let Some(n) = annotation.id.as_str().strip_prefix('a').and_then(|n| n.parse::<u64>().ok()) {
            self.next = self.next.max(n);
        }
        let at = self.items.partition_point(|a| a.key() < annotation.key());
        self.spans.insert(annotation.id.clone(), annotation.span);
        self.items.insert(at, annotation);
        self.ends.take();
        Ok(())
    }

    pub fn remove(&mut self, id: &AnnotationId) -> Option<Annotation> {
        let at = self.position(id)?;
        self.spans.remove(id);
        self.ends.take();
        Some(self.items.remove(at))
    }

    /// Gives `id` the label `label`; returns the label it had. Refused (`None`) when the
    /// annotation is missing or another one has the same span with `label`.
    pub fn relabel(&mut self, id: &AnnotationId, label: LabelId) -> Option<LabelId> {
        let old = self.remove(id)?;
        let renamed = Annotation { label, ..old.clone() };
        match self.insert(renamed) {
            Ok(()) => Some(old.label),
            Err(_) => {
                let restored = self.insert(old);
                debug_assert!(restored.is_ok());
                None
            }
        }
    }

    /// Annotations that share at least one code point with `range`, in text order:
    /// O(log n + k log n) for k answers, through the max-end tree.
    pub fn overlapping(&self, range: Span) -> impl Iterator<Item = &Annotation> {
        let upto = self.items.partition_point(|a| a.span.start() < range.end().max(range.start() + 1));
        let ends = self.ends.get_or_init(|| MaxEnds::build(&self.items));
        let mut found = Vec::new();
        ends.ending_after(range.start(), upto, &mut found);
        found.into_iter().map(|i| &self.items[i]).filter(move |a| a.span.overlaps(range))
    }

    /// For each of `ranges`, the annotations that share a code point with it, in text order.
    pub fn per_range(&self, ranges: &[Span]) -> Vec<Vec<&Annotation>> {
        ranges.iter().map(|&r| self.overlapping(r).collect()).collect()
    }

    /// Annotations that cover code point `at`, outermost (longest) first: the order in which
    /// repeated clicks on one spot walk down through nested spans.
    pub fn covering(&self, at: u32) -> Vec<&Annotation> {
        let mut found: Vec<&Annotation> = self.overlapping(Span::new(at, at.saturating_add(1))).collect();
        crate::model::order::sort_by(&mut found, |a, b| outermost_first(a, b));
        found
    }

    /// How many annotations carry `label`.
    pub fn count(&self, label: &LabelId) -> usize {
        self.items.iter().filter(|a| &a.label == label).count()
    }
}

/// A max-end segment tree over the annotations in text order: each node holds the largest end
/// among the annotations below it, so "which of the first `upto` annotations end after `at`"
/// visits only the subtrees that hold an answer.
#[derive(Clone, Debug)]
struct MaxEnds {
    /// Leaves at `size..size + n`; node `i` covers its children `2i` and `2i + 1`.
    tree: Vec<u32>,
    size: usize,
}

impl MaxEnds {
    fn build(items: &[Annotation]) -> MaxEnds {
        let size = items.len().next_power_of_two().max(1);
        let mut tree = vec![0; 2 * size];
        for (i, a) in items.iter().enumerate() {
            tree[size + i] = a.span.end();
        }
        for i in (1..size).rev() {
            tree[i] = tree[2 * i].max(tree[2 * i + 1]);
        }
        MaxEnds { tree, size }
    }

    /// Pushes, in order, the indexes `< upto` whose end is `> at`.
    fn ending_after(&self, at: u32, upto: usize, out: &mut Vec<usize>) {
        // (node, first index it covers, how many it covers)
        let mut stack = vec![(1usize, 0usize, self.size)];
        while let Some((node, lo, width)) = stack.pop() {
            if lo >= upto || self.tree[node] <= at {
                continue;
            }
            if width == 1 {
                out.push(lo);
                continue;
            }
            let half = width / 2;
            stack.push((2 * node + 1, lo + half, half));
            stack.push((2 * node, lo, half));
        }
    }
}

/// Longer spans first; among equals, text order.
pub fn outermost_first(a: &Annotation, b: &Annotation) -> std::cmp::Ordering {
    b.span.len().cmp(&a.span.len()).then_with(|| a.key().cmp(&b.key()))
}
