//! Sorting through one copy of the standard library's stable sort. The sort is large in wasm
//! and each element type and comparator would get its own copy (eight of them were 24 KB);
//! here every caller sorts a vector of indices with one comparator type, then the items are
//! moved into place.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, stably (equal items keep their order).
pub fn sort_by<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &mut |a, b| cmp(&items[a], &items[b]));
    permute(items, &mut order);
}

/// The one instance of the sort.
#[inline(never)]
fn sort_indices(order: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Moves `items[order[i]]` to `i` for every `i`, following each cycle once (`order` is used
/// up: each visited slot is marked by pointing at itself).
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let next = order[at];
            order[at] = at;
            if next == start || next == at {
                break;
            }
            items.swap(at, next);
            at = next;
        }
    }
}

/// Items found by a string key: each key with the position of its item, sorted by key and, among
/// equal keys, by position. One instance for every caller (restoring documents, finding texts
/// already open), where a sort and a search per item type cost 0.8 KB gzip (measured).
pub struct Index<'a>(Vec<(&'a str, usize)>);

impl<'a> Index<'a> {
    /// The index of `keys`, the `i`th key standing for the item at position `i`.
    pub fn new(keys: Vec<&'a str>) -> Index<'a> {
        let mut pairs: Vec<(&str, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
        sort_by(&mut pairs, |a, b| a.0.cmp(b.0));
        Index(pairs)
    }

    /// The positions of the items whose key is `key`, ascending.
    pub fn find(&self, key: &str) -> impl Iterator<Item = usize> + '_ {
        let from = self.0.partition_point(|(k, _)| *k < key);
        let to = self.0.partition_point(|(k, _)| *k <= key);
        self.0[from..to].iter().map(|(_, i)| *i)
    }

    /// Every position whose key an earlier position has too.
    pub fn repeats(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.windows(2).filter(|w| w[0].0 == w[1].0).map(|w| w[1].1)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            super::sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = items;
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn an_index_finds_every_position_of_a_key(keys in proptest::collection::vec(0u8..8, 0..100)) {
            let names: Vec<String> = keys.iter().map(|k| format!("k{k}")).collect();
            let index = super::Index::new(names.iter().map(String::as_str).collect());
            for name in &names {
                let found: Vec<usize> = index.find(name).collect();
                let expected: Vec<usize> = (0..names.len()).filter(|i| &names[*i] == name).collect();
                prop_assert_eq!(found, expected);
            }
            let mut repeats: Vec<usize> = index.repeats().collect();
            repeats.sort_unstable();
            let expected: Vec<usize> = (0..names.len()).filter(|i| names[..*i].contains(&names[*i])).collect();
            prop_assert_eq!(repeats, expected);
        }
    }
}
