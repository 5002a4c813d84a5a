//! A max segment tree over a sequence of chunks: "which of the first `upto` chunks hold a value
//! greater than `at`" visits only the subtrees that hold an answer (the annotation set's range
//! queries, O(log n + matching chunks)).

/// A max segment tree over chunks (the annotation set's: each leaf the largest end in one chunk
/// of annotations in text order); each node holds the largest value below it.
#[derive(Clone, Debug)]
pub struct MaxEnds {
    /// Leaves at `size..size + chunks`; node `i` covers its children `2i` and `2i + 1`.
    tree: Vec<u32>,
    size: usize,
}

impl MaxEnds {
    pub fn build(maxima: impl ExactSizeIterator<Item = u32>) -> MaxEnds {
        let size = maxima.len().next_power_of_two().max(1);
        let mut tree = vec![0; 2 * size];
        for (leaf, max) in tree[size..].iter_mut().zip(maxima) {
            *leaf = max;
        }
        for i in (1..size).rev() {
            tree[i] = tree[2 * i].max(tree[2 * i + 1]);
        }
        MaxEnds { tree, size }
    }

    /// Pushes, in order, the chunk indexes `< upto` whose value is `> at`.
    pub fn ending_after(&self, at: u32, upto: usize, out: &mut Vec<usize>) {
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
