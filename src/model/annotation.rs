//! Annotations and the set that holds a document's annotations in text order.

use std::cell::OnceCell;
use std::rc::Rc;

use super::label::LabelId;
use super::span::Span;
use crate::support::chunks::{At, Chunks};
use crate::support::max_ends::MaxEnds;
use crate::support::time::Time;

pub use crate::support::chunks::Iter;

/// An annotation's stable id: kept through relabel, undo and export.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct AnnotationId(Rc<str>);

impl serde::Serialize for AnnotationId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

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
    /// When it was made: the time the tagging action came with (the model reads no clock), or
    /// the time a file gave it; none when made without one (a file that did not say). Kept
    /// through relabelling, undo and redo; no part of the order, nor of what makes a duplicate.
    pub created: Option<Time>,
    /// Who had this annotation, by name (an adjudicated document's annotations record the
    /// annotators who agreed on them); empty when no one is recorded. Kept through relabelling,
    /// undo, storage and the spanmark file; no part of the order, nor of what makes a duplicate.
    pub annotators: Vec<String>,
    /// A free-text note; `None` when there is none (an empty note is never stored). No part of
    /// the order, nor of what makes a duplicate.
    pub note: Option<String>,
    /// The attribute values set explicitly, sorted by name, each one of its definition's
    /// values when set; an attribute not here reads as its definition's default
    /// ([`crate::model::label::Labels::attribute`]). Kept through relabelling (an attribute
    /// the new label does not define is kept, unused). No part of the order, nor of what
    /// makes a duplicate.
    pub attributes: Vec<(String, String)>,
}

impl Annotation {
    /// An annotation with nothing but its id, label and span (no time, annotators, note or
    /// attributes).
    pub fn new(id: AnnotationId, label: LabelId, span: Span) -> Annotation {
        Annotation { id, label, span, created: None, annotators: Vec::new(), note: None, attributes: Vec::new() }
    }

    /// The value of attribute `name` if it is set explicitly (see [`Annotation::attributes`]).
    pub fn attribute(&self, name: &str) -> Option<&str> {
        crate::model::definitions::value_of(&self.attributes, name)
    }

    /// The order of annotations everywhere: by start, then end, then label, then id.
    fn key(&self) -> (u32, u32, &LabelId, &AnnotationId) {
        (self.span.start(), self.span.end(), &self.label, &self.id)
    }
}

/// A document's annotations, kept sorted by (start, end, label, id).
///
/// Invariants: ids are unique; no two annotations have the same span and label; no annotation
/// is empty; `ids` holds exactly the annotations of `items`, in id order.
///
/// Both sequences are kept in chunks that the versions of a set share: an edit (on a clone,
/// as the editor makes one per change) copies the chunk it touches and the list of chunk
/// pointers, never the whole set.
#[derive(Clone, Debug, Default)]
pub struct AnnotationSet {
    /// In text order.
    items: Chunks<Annotation>,
    /// The same annotations in id order: an annotation by id is a search here.
    ids: Chunks<Annotation>,
    /// The number for the next generated id (`a<n>`).
    next: u64,
    /// Built on the first range query after a change; see [`MaxEnds`].
    ends: OnceCell<MaxEnds>,
}

impl PartialEq for AnnotationSet {
    fn eq(&self, other: &Self) -> bool {
        self.next == other.next && self.items.same(&other.items)
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
        self.items.len
    }

    pub fn is_empty(&self) -> bool {
        self.items.len == 0
    }

    /// All annotations in text order.
    pub fn iter(&self) -> Iter<'_, Annotation> {
        self.items.iter_from(0)
    }

    /// The annotations in text order from the `index`th on (whole chunks skipped at once).
    pub fn iter_from(&self, index: usize) -> Iter<'_, Annotation> {
        self.items.iter_from(index)
    }

    pub fn get(&self, id: &AnnotationId) -> Option<&Annotation> {
        self.ids.get(self.ids.locate(&mut |a| &a.id < id)).filter(|a| &a.id == id)
    }

    /// Where `id` sits in text order.
    pub fn position(&self, id: &AnnotationId) -> Option<usize> {
        self.find(id).map(|at| self.items.index_of(at))
    }

    /// Where `id` is in `items`: O(log n + annotations with the same span).
    fn find(&self, id: &AnnotationId) -> Option<At> {
        let span = self.get(id)?.span;
        let key = (span.start(), span.end());
        let mut at = self.items.locate(&mut |a| (a.span.start(), a.span.end()) < key);
        while let Some(a) = self.items.get(at).filter(|a| a.span == span) {
            if &a.id == id {
                return Some(at);
            }
            at = self.items.after(at);
        }
        None
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

    /// The annotation with exactly `span` and `label`, if there is one.
    pub fn twin(&self, span: Span, label: &LabelId) -> Option<&Annotation> {
        let key = (span.start(), span.end(), label);
        let at = self.items.locate(&mut |a| (a.span.start(), a.span.end(), &a.label) < key);
        self.items.get(at).filter(|a| a.span == span && &a.label == label)
    }

    /// Adds `annotation` with the id it carries.
    pub fn insert(&mut self, annotation: Annotation) -> Result<(), Rejected> {
        if annotation.span.is_empty() {
            return Err(Rejected::Empty);
        }
        if self.get(&annotation.id).is_some() {
            return Err(Rejected::DuplicateId(annotation.id));
        }
        if let Some(twin) = self.twin(annotation.span, &annotation.label) {
            return Err(Rejected::Duplicate(twin.id.clone()));
        }
        // Keep generated ids clear of imported ones.
        if let Some(n) = annotation.id.as_str().strip_prefix('a').and_then(|n| n.parse::<u64>().ok()) {
            self.next = self.next.max(n);
        }
        let at = self.ids.locate(&mut |a| a.id < annotation.id);
        self.ids.insert(at, annotation.clone());
        let at = self.items.locate(&mut |a| a.key() < annotation.key());
        self.items.insert(at, annotation);
        self.ends.take();
        Ok(())
    }

    pub fn remove(&mut self, id: &AnnotationId) -> Option<Annotation> {
        let at = self.find(id)?;
        self.ids.remove(self.ids.locate(&mut |a| &a.id < id));
        self.ends.take();
        self.items.remove(at)
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

    /// Annotations that share at least one code point with `range`, in text order: the chunks
    /// that can hold one come from the max-end tree over chunks, O(log n + matching chunks · 64).
    pub fn overlapping(&self, range: Span) -> impl Iterator<Item = &Annotation> {
        let upto = range.end().max(range.start() + 1);
        let (last, within) = self.items.locate(&mut |a| a.span.start() < upto);
        let ends = self.ends.get_or_init(|| {
            MaxEnds::build(self.items.chunks.iter().map(|c| c.iter().map(|a| a.span.end()).max().unwrap_or(0)))
        });
        let mut chunks = Vec::new();
        ends.ending_after(range.start(), (last + 1).min(self.items.chunks.len()), &mut chunks);
        chunks
            .into_iter()
            .flat_map(move |c| self.items.chunks[c].iter().take(if c == last { within } else { usize::MAX }))
            .filter(move |a| a.span.overlaps(range))
    }

    /// For each of `ranges`, the annotations that share a code point with it, in text order.
    pub fn per_range(&self, ranges: &[Span]) -> Vec<Vec<&Annotation>> {
        let mut out = Vec::with_capacity(ranges.len());
        for &r in ranges {
            out.push(self.overlapping_list(r));
        }
        out
    }

    /// [`Self::overlapping`] as a list, filled in one loop (a `collect` over the filter was a
    /// second copy of it).
    fn overlapping_list(&self, range: Span) -> Vec<&Annotation> {
        let mut found = Vec::new();
        for a in self.overlapping(range) {
            found.push(a);
        }
        found
    }

    /// Annotations that cover code point `at`, outermost (longest) first: the order in which
    /// repeated clicks on one spot walk down through nested spans.
    pub fn covering(&self, at: u32) -> Vec<&Annotation> {
        let mut found = self.overlapping_list(Span::new(at, at.saturating_add(1)));
        crate::support::order::sort_by(&mut found, |a, b| outermost_first(a, b));
        found
    }

    /// Replaces the annotation with `changed`'s id by `changed`, which has the same span and
    /// label (a note or an attribute set); `false` (nothing changed) when there is no such
    /// annotation or its span or label differ.
    pub fn update(&mut self, changed: Annotation) -> bool {
        let Some(at) = self.find(&changed.id) else { return false };
        match self.items.get(at) {
            Some(a) if a.span == changed.span && a.label == changed.label => {}
            _ => return false,
        }
        // In place: the chunks keep their sizes, so the max-end tree over them stays true.
        let by_id = self.ids.locate(&mut |a| a.id < changed.id);
        for (seq, (c, i)) in [(&mut self.items, at), (&mut self.ids, by_id)] {
            if let Some(slot) = seq.chunks.get_mut(c).map(Rc::make_mut).and_then(|chunk| chunk.get_mut(i)) {
                *slot = changed.clone();
            }
        }
        true
    }

    /// How many annotations carry `label`.
    pub fn count(&self, label: &LabelId) -> usize {
        self.iter().filter(|a| &a.label == label).count()
    }
}

/// Longer spans first; among equals, text order.
pub fn outermost_first(a: &Annotation, b: &Annotation) -> std::cmp::Ordering {
    b.span.len().cmp(&a.span.len()).then_with(|| a.key().cmp(&b.key()))
}
