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
    }
}
