//! Annotations and the set that holds a document's annotations in text order.

use std::cell::OnceCell;
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
        let ends = self.ends.get_or_init(|| MaxEnds::build(&self.items.chunks));
        let mut chunks = Vec::new();
        ends.ending_after(range.start(), (last + 1).min(self.items.chunks.len()), &mut chunks);
        chunks
            .into_iter()
            .flat_map(move |c| self.items.chunks[c].iter().take(if c == last { within } else { usize::MAX }))
            .filter(move |a| a.span.overlaps(range))
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
        self.iter().filter(|a| &a.label == label).count()
    }
}

/// Entries in a chunk at most: past this a chunk splits in two.
const CHUNK: usize = 64;

/// A place in a [`Chunks`]: (chunk, index in the chunk); `(chunks, 0)` is the end.
type At = (usize, usize);

/// A sorted sequence in chunks shared (`Rc`) between clones: changing it copies the chunk that
/// changes and the list of chunk pointers. No chunk is empty.
#[derive(Clone, Debug)]
struct Chunks<T> {
    chunks: Vec<Rc<Vec<T>>>,
    len: usize,
}

impl<T> Default for Chunks<T> {
    fn default() -> Self {
        Chunks { chunks: Vec::new(), len: 0 }
    }
}

impl<T: Clone + PartialEq> Chunks<T> {
    /// The first place whose entry is not `before` (`before` holds for a prefix of the entries).
    fn locate(&self, before: &mut dyn FnMut(&T) -> bool) -> At {
        let c = self.chunks.partition_point(|chunk| chunk.last().is_some_and(&mut *before));
        match self.chunks.get(c) {
            Some(chunk) => (c, chunk.partition_point(|x| before(x))),
            None => (self.chunks.len(), 0),
        }
    }

    fn get(&self, (c, i): At) -> Option<&T> {
        self.chunks.get(c)?.get(i)
    }

    /// The place after `at`.
    fn after(&self, (c, i): At) -> At {
        if self.chunks.get(c).is_some_and(|chunk| i + 1 < chunk.len()) {
            (c, i + 1)
        } else {
            (c + 1, 0)
        }
    }

    /// How many entries come before `at`.
    fn index_of(&self, (c, i): At) -> usize {
        self.chunks[..c.min(self.chunks.len())].iter().map(|chunk| chunk.len()).sum::<usize>() + i
    }

    fn insert(&mut self, (c, i): At, value: T) {
        self.len += 1;
        if c >= self.chunks.len() {
            // After the last entry: onto the last chunk while it has room (a file read in order
            // fills its chunks), else a new one.
            match self.chunks.last_mut() {
                Some(last) if last.len() < CHUNK => Rc::make_mut(last).push(value),
                _ => self.chunks.push(Rc::new(vec![value])),
            }
            return;
        }
        let chunk = Rc::make_mut(&mut self.chunks[c]);
        chunk.insert(i, value);
        if chunk.len() > CHUNK {
            let tail = chunk.split_off(chunk.len() / 2);
            self.chunks.insert(c + 1, Rc::new(tail));
        }
    }

    fn remove(&mut self, (c, i): At) -> Option<T> {
        let chunk = self.chunks.get_mut(c).filter(|chunk| i < chunk.len())?;
        let value = Rc::make_mut(chunk).remove(i);
        if chunk.is_empty() {
            self.chunks.remove(c);
        }
        self.len -= 1;
        Some(value)
    }

    /// The entries from the `index`th on.
    fn iter_from(&self, mut index: usize) -> Iter<'_, T> {
        let mut c = 0;
        while let Some(chunk) = self.chunks.get(c).filter(|chunk| chunk.len() <= index) {
            index -= chunk.len();
            c += 1;
        }
        let rest = self.chunks.get(c..).unwrap_or_default();
        match rest.split_first() {
            Some((first, rest)) => Iter { chunks: rest, inner: first.get(index..).unwrap_or_default().iter() },
            None => Iter { chunks: rest, inner: [].iter() },
        }
    }

    /// The same entries.
    fn same(&self, other: &Self) -> bool {
        self.len == other.len && self.iter_from(0).eq(other.iter_from(0))
    }
}

/// The entries of a [`Chunks`] in order, chunk after chunk.
#[derive(Clone, Debug)]
pub struct Iter<'a, T> {
    chunks: &'a [Rc<Vec<T>>],
    inner: std::slice::Iter<'a, T>,
}

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        loop {
            if let Some(item) = self.inner.next() {
                return Some(item);
            }
            let (first, rest) = self.chunks.split_first()?;
            self.chunks = rest;
            self.inner = first.iter();
        }
    }
}

/// A max-end segment tree over the chunks of annotations in text order: each node holds the
/// largest end in the chunks below it, so "which of the first `upto` chunks hold an annotation
/// ending after `at`" visits only the subtrees that hold an answer.
#[derive(Clone, Debug)]
struct MaxEnds {
    /// Leaves at `size..size + chunks`; node `i` covers its children `2i` and `2i + 1`.
    tree: Vec<u32>,
    size: usize,
}

impl MaxEnds {
    fn build(chunks: &[Rc<Vec<Annotation>>]) -> MaxEnds {
        let size = chunks.len().next_power_of_two().max(1);
        let mut tree = vec![0; 2 * size];
        for (leaf, chunk) in tree[size..].iter_mut().zip(chunks) {
            *leaf = chunk.iter().map(|a| a.span.end()).max().unwrap_or(0);
        }
        for i in (1..size).rev() {
            tree[i] = tree[2 * i].max(tree[2 * i + 1]);
        }
        MaxEnds { tree, size }
    }

    /// Pushes, in order, the chunk indexes `< upto` holding an end `> at`.
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
