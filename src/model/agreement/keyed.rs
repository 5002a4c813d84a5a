//! A small map kept in the order its entries were put in: the figures per label (in the
//! figures' label order, then "all") and the label confusion. Looked up by a linear scan, which
//! for a tag set's few labels is as quick as a tree, and costs the bundle next to nothing (each
//! `BTreeMap` or `HashMap` of another type is kilobytes of wasm).

use std::borrow::Borrow;
use std::ops::Index;

/// Entries in insertion order; a key is there at most once.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyed<K, V>(Vec<(K, V)>);

impl<K, V> Default for Keyed<K, V> {
    fn default() -> Self {
        Keyed(Vec::new())
    }
}

impl<K: PartialEq, V> Keyed<K, V> {
    pub fn new() -> Self {
        Keyed(Vec::new())
    }

    /// Puts `value` under `key`, replacing what was there (where it was), else at the end.
    pub fn insert(&mut self, key: K, value: V) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => self.0.push((key, value)),
        }
    }

    /// Puts an entry at the end; the caller knows `key` is not there yet.
    pub(super) fn push(&mut self, key: K, value: V) {
        self.0.push((key, value));
    }

    pub fn get<Q: PartialEq + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.0.iter().find(|(k, _)| k.borrow() == key).map(|(_, v)| v)
    }

    /// The entries, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<K: PartialEq, V> FromIterator<(K, V)> for Keyed<K, V> {
    /// From entries; a repeated key keeps its first place and its last value.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(items: I) -> Self {
        let mut out = Keyed::new();
        for (k, v) in items {
            out.insert(k, v);
        }
        out
    }
}

/// `map[key]`; panics when `key` is missing, as `BTreeMap`'s does (every figures map has a key
/// for each of the figures' labels and "all").
impl<K: PartialEq + Borrow<Q>, Q: PartialEq + ?Sized, V> Index<&Q> for Keyed<K, V> {
    type Output = V;

    fn index(&self, key: &Q) -> &V {
        match self.get(key) {
            Some(v) => v,
            None => panic!("no such key among the figures"),
        }
    }
}
