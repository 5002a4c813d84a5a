//! Annotations and the set that holds a document's annotations in text order.

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
/// is empty.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct AnnotationSet {
    items: Vec<Annotation>,
    /// The number for the next generated id (`a<n>`).
    next: u64,
}

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
        self.items.iter().find(|a| &a.id == id)
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
        if self.get(&annotation.id).is_some() {
            return Err(Rejected::DuplicateId(annotation.id));
        }
        if let Some(twin) = self.iter().find(|a| a.span == annotation.span && a.label == annotation.label) {
            return Err(Rejected::Duplicate(twin.id.clone()));
        }
        // Keep generated ids clear of imported ones.
        if let Some(n) = annotation.id.as_str().strip_prefix('a').and_then(|n| n.parse::<u64>().ok()) {
            self.next = self.next.max(n);
        }
        let at = self.items.partition_point(|a| a.key() < annotation.key());
        self.items.insert(at, annotation);
        Ok(())
    }

    pub fn remove(&mut self, id: &AnnotationId) -> Option<Annotation> {
        let at = self.items.iter().position(|a| &a.id == id)?;
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

    /// Annotations that share at least one code point with `range`, in text order.
    pub fn overlapping(&self, range: Span) -> impl Iterator<Item = &Annotation> {
        let upto = self.items.partition_point(|a| a.span.start() < range.end());
        self.items[..upto].iter().filter(move |a| a.span.overlaps(range))
    }

    /// For each of `ranges` (in text order, not overlapping), the annotations that share a code
    /// point with it, in text order: one sweep, O(ranges + annotations + answers).
    pub fn per_range(&self, ranges: &[Span]) -> Vec<Vec<&Annotation>> {
        let mut out = Vec::with_capacity(ranges.len());
        let mut active: Vec<&Annotation> = Vec::new();
        let mut next = 0;
        for &range in ranges {
            while next < self.items.len() && self.items[next].span.start() < range.end().max(range.start() + 1) {
                active.push(&self.items[next]);
                next += 1;
            }
            active.retain(|a| a.span.end() > range.start());
            out.push(active.iter().copied().filter(|a| a.span.overlaps(range)).collect());
        }
        out
    }

    /// Annotations that cover code point `at`, outermost (longest) first: the order in which
    /// repeated clicks on one spot walk down through nested spans.
    pub fn covering(&self, at: u32) -> Vec<&Annotation> {
        let mut found: Vec<&Annotation> = self.overlapping(Span::new(at, at.saturating_add(1))).collect();
        found.sort_by(|a, b| outermost_first(a, b));
        found
    }

    /// How many annotations carry `label`.
    pub fn count(&self, label: &LabelId) -> usize {
        self.items.iter().filter(|a| &a.label == label).count()
    }
}

/// Longer spans first; among equals, text order.
pub fn outermost_first(a: &Annotation, b: &Annotation) -> std::cmp::Ordering {
    b.span.len().cmp(&a.span.len()).then_with(|| a.key().cmp(&b.key()))
}
