//! Agreement over tokens: Cohen's κ for a pair, Krippendorff's α (nominal) for all annotators.
//!
//! Tokens are the text's UAX #29 words that hold a letter or a digit ([`words::pieces`]). A token
//! is in a span when they share a code point. Per label, a token's category is in or out of that
//! label's spans; for all labels together, it is the sorted set of labels covering it (or none).
//! Every annotator codes every token, so there are no missing values.

use super::coder::Coder;
use super::counts::{Figure, Undefined};
use crate::model::document::Document;
use crate::model::words;

/// The tokens of `doc`'s text as `[start, end)` in code points, in order.
pub fn tokens(doc: &Document) -> Vec<(usize, usize)> {
    let text = doc.text();
    let mut out = Vec::new();
    // Byte → code point, counted forward as the pieces come in order.
    let (mut byte, mut cp) = (0, 0);
    let mut to_cp = |b: usize| {
        cp += text[byte..b].chars().count();
        byte = b;
        cp
    };
    for piece in words::pieces(text) {
        if piece.word {
            let start = to_cp(piece.start);
            let end = to_cp(piece.end);
            out.push((start, end));
        }
    }
    out
}

/// Which labels (by number: an index into the figures' labels) cover each token, for each
/// coder: each token's set of labels, numbered densely across all coders (the same set, the same
/// number; the empty set is 0).
pub struct Coverage {
    /// The distinct sets of labels, each sorted label numbers, by number.
    sets: Vec<Vec<usize>>,
    /// `ids[coder][token]`: the number of the set of labels covering the token.
    ids: Vec<Vec<u32>>,
}

impl Coverage {
    /// `label_of[coder][span]` is the label number of each coder's span.
    pub fn new(tokens: &[(usize, usize)], coders: &[Coder], label_of: &[Vec<usize>]) -> Coverage {
        let mut sets: Vec<Vec<usize>> = vec![Vec::new()];
        // The sets in order, with their numbers: a binary search finds a set's number.
        let mut sorted: Vec<(Vec<usize>, u32)> = vec![(Vec::new(), 0)];
        let ids = coders
            .iter()
            .zip(label_of)
            .map(|(coder, label_of)| {
                let mut cover: Vec<Vec<usize>> = vec![Vec::new(); tokens.len()];
                for (span, &l) in coder.spans.iter().zip(label_of) {
                    let mut t = tokens.partition_point(|&(_, end)| end <= span.start);
                    while t < tokens.len() && tokens[t].0 < span.end {
                        if !cover[t].contains(&l) {
                            cover[t].push(l);
                        }
                        t += 1;
                    }
                }
                cover
                    .into_iter()
                    .map(|mut set| {
                        small_sort(&mut set);
                        match sorted.binary_search_by(|(s, _)| s.cmp(&set)) {
                            Ok(at) => sorted[at].1,
                            Err(at) => {
                                let n = sets.len() as u32;
                                sets.push(set.clone());
                                sorted.insert(at, (set, n));
                                n
                            }
                        }
                    })
                    .collect()
            })
            .collect();
        Coverage { sets, ids }
    }

    /// Each coder's category for each token, `[coder][token]`: for `Some(label)`, 1 in that
    /// label's spans and 0 out; for `None`, the number of the set of labels covering it.
    pub fn categories(&self, label: Option<usize>) -> Vec<Vec<u32>> {
        match label {
            None => self.ids.clone(),
            Some(l) => {
                let inside: Vec<u32> = self.sets.iter().map(|set| u32::from(set.contains(&l))).collect();
                self.ids.iter().map(|coder| coder.iter().map(|&id| inside[id as usize]).collect()).collect()
            }
        }
    }
}

/// How many categories `codings` use: the largest number, plus one (categories are numbered
/// densely from 0 by [`Coverage::categories`]).
fn width<'a>(codings: impl IntoIterator<Item = &'a [u32]>) -> usize {
    codings.into_iter().flat_map(|c| c.iter().max()).max().map_or(0, |m| *m as usize + 1)
}

/// Cohen's κ of two codings of the same tokens: (p_o − p_e) / (1 − p_e), computed as
/// (N·agreed − Σ r_c·c_c) / (N² − Σ r_c·c_c) in integers, divided once.
pub fn kappa(a: &[u32], b: &[u32]) -> Figure {
    let n = a.len().min(b.len());
    if n == 0 {
        return Err(Undefined::NoTokens);
    }
    let k = width([a, b]);
    let (mut rows, mut cols) = (vec![0i64; k], vec![0i64; k]);
    let mut agreed: i64 = 0;
    for (&x, &y) in a.iter().zip(b) {
        rows[x as usize] += 1;
        cols[y as usize] += 1;
        agreed += i64::from(x == y);
    }
    // Counts in i64 (N² < 2^63 for any text under 4 GiB), the products in i128.
    let chance: i64 = rows.iter().zip(&cols).map(|(&r, &c)| r * c).sum();
    let n = n as i64;
    let den = n * n - chance;
    if den == 0 {
        return Err(Undefined::NoVariation);
    }
    Ok((i128::from(n) * i128::from(agreed) - i128::from(chance)) as f64 / den as f64)
}

/// Krippendorff's α, nominal, with no missing values: `codings[coder][token]`. With m coders,
/// N tokens, n = m·N values, n_c values of category c and n_uc of them on token u:
/// α = 1 − (n − 1)·Σ_u (m² − Σ_c n_uc²) / ((m − 1)·(n² − Σ_c n_c²)), in integers, divided once.
pub fn alpha(codings: &[Vec<u32>]) -> Figure {
    let m = codings.len();
    if m < 2 {
        return Err(Undefined::TooFewAnnotators);
    }
    let tokens = codings.iter().map(Vec::len).min().unwrap_or(0);
    if tokens == 0 {
        return Err(Undefined::NoTokens);
    }
    let mut totals = vec![0i64; width(codings.iter().map(Vec::as_slice))];
    // Counts in i64, the products in i128: exact for any text spanmark opens.
    let mut observed: i64 = 0;
    let mut here: Vec<u32> = Vec::with_capacity(m);
    let m_ = m as i64;
    for u in 0..tokens {
        here.clear();
        here.extend(codings.iter().map(|c| c[u]));
        small_sort(&mut here);
        let mut squares: i64 = 0;
        let mut run = 0i64;
        for (i, c) in here.iter().enumerate() {
            run += 1;
            if here.get(i + 1) != Some(c) {
                squares += run * run;
                totals[*c as usize] += run;
                run = 0;
            }
        }
        observed += m_ * m_ - squares;
    }
    let n = i128::from(m_) * tokens as i128;
    let expected = n * n - totals.iter().map(|&t| i128::from(t) * i128::from(t)).sum::<i128>();
    if expected == 0 {
        return Err(Undefined::NoVariation);
    }
    Ok(1.0 - ((n - 1) * i128::from(observed)) as f64 / (i128::from(m_ - 1) * expected) as f64)
}

/// Sorts a few items (a token's labels, its coders' categories) in place: an insertion sort,
/// which for these lengths is as quick as the standard sort and far smaller in the wasm.
fn small_sort<T: Ord + Copy>(items: &mut [T]) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && items[j - 1] > items[j] {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}
