//! A sorted sequence in chunks that the versions of a value share (`Rc`), so that an edit to
//! the annotation set copies one chunk of 64 entries and the chunk pointers, not the whole set
//! (why not a persistent-collection crate: ARCHITECTURE.md's table of what we wrote ourselves).

use std::rc::Rc;

/// Entries in a chunk at most: past this a chunk splits in two.
pub const CHUNK: usize = 64;

/// A place in a [`Chunks`]: (chunk, index in the chunk); `(chunks, 0)` is the end.
pub type At = (usize, usize);

/// A sorted sequence in chunks shared (`Rc`) between clones: changing it copies the chunk that
/// changes and the list of chunk pointers. No chunk is empty.
#[derive(Clone, Debug)]
pub struct Chunks<T> {
    pub chunks: Vec<Rc<Vec<T>>>,
    pub len: usize,
}

impl<T> Default for Chunks<T> {
    fn default() -> Self {
        Chunks { chunks: Vec::new(), len: 0 }
    }
}

impl<T: Clone + PartialEq> Chunks<T> {
    /// The first place whose entry is not `before` (`before` holds for a prefix of the entries).
    pub fn locate(&self, before: &mut dyn FnMut(&T) -> bool) -> At {
        let c = self.chunks.partition_point(|chunk| chunk.last().is_some_and(&mut *before));
        match self.chunks.get(c) {
            Some(chunk) => (c, chunk.partition_point(|x| before(x))),
            None => (self.chunks.len(), 0),
        }
    }

    pub fn get(&self, (c, i): At) -> Option<&T> {
        self.chunks.get(c)?.get(i)
    }

    /// The place after `at`.
    pub fn after(&self, (c, i): At) -> At {
        if self.chunks.get(c).is_some_and(|chunk| i + 1 < chunk.len()) {
            (c, i + 1)
        } else {
            (c + 1, 0)
        }
    }

    /// How many entries come before `at`.
    pub fn index_of(&self, (c, i): At) -> usize {
        self.chunks[..c.min(self.chunks.len())].iter().map(|chunk| chunk.len()).sum::<usize>() + i
    }

    pub fn insert(&mut self, (c, i): At, value: T) {
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

    pub fn remove(&mut self, (c, i): At) -> Option<T> {
        let chunk = self.chunks.get_mut(c).filter(|chunk| i < chunk.len())?;
        let value = Rc::make_mut(chunk).remove(i);
        if chunk.is_empty() {
            self.chunks.remove(c);
        }
        self.len -= 1;
        Some(value)
    }

    /// The entries from the `index`th on.
    pub fn iter_from(&self, mut index: usize) -> Iter<'_, T> {
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
    pub fn same(&self, other: &Self) -> bool {
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
