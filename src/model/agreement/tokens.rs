//! Agreement over tokens: Cohen's κ for a pair, Krippendorff's α (nominal) for all annotators.
//!
//! Tokens are the text's UAX #29 words that hold a letter or a digit ([`words::pieces`]). A token
//! is in a span when they share a code point. Per label, a token's category is in or out of that
//! label's spans; for all labels together, it is the sorted set of labels covering it (or none).
//! Every annotator codes every token, so there are no missing values.

use std::collections::HashMap;

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

/// Which labels (by index into the figures' labels) cover each token, for each coder: each
/// token's set of labels, numbered densely across all coders (the same set, the same number).
pub struct Coverage {
    /// The distinct sets of labels, sorted label indices each, by number (the empty set first).
    sets: Vec<Vec<u32>>,
    /// `ids[coder][token]`: the number of the set of labels covering the token.
    ids: Vec<Vec<u32>>,
}

impl Coverage {
    pub fn new(tokens: &[(usize, usize)], coders: &[Coder], label_index: &HashMap<&str, u32>) -> Coverage {
        let mut numbers: HashMap<Vec<u32>, u32> = HashMap::from([(Vec::new(), 0)]);
        let mut sets = vec![Vec::new()];
        let ids = coders
            .iter()
            .map(|coder| {
                let mut cover: Vec<Vec<u32>> = vec![Vec::new(); tokens.len()];
                for span in &coder.spans {
                    let Some(&l) = label_index.get(span.label.as_str()) else { continue };
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
                        set.sort_unstable();
                        *numbers.entry(set).or_insert_with_key(|set| {
                            sets.push(set.clone());
                            sets.len() as u32 - 1
                        })
                    })
                    .collect()
            })
            .collect();
        Coverage { sets, ids }
    }

    /// Each coder's category for each token, `[coder][token]`: for `Some(label)`, 1 in that
    /// label's spans and 0 out; for `None`, the number of the set of labels covering it.
    pub fn categories(&self, label: Option<u32>) -> Vec<Vec<u32>> {
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
    let chance: i128 = rows.iter().zip(&cols).map(|(&r, &c)| i128::from(r) * i128::from(c)).sum();
    let n = n as i128;
    let den = n * n - chance;
    if den == 0 {
        return Err(Undefined::NoVariation);
    }
    Ok((n * i128::from(agreed) - chance) as f64 / den as f64)
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
    let mut observed: i128 = 0;
    let mut here: Vec<u32> = Vec::with_capacity(m);
    let m_ = m as i64;
    for u in 0..tokens {
        here.clear();
        here.extend(codings.iter().map(|c| c[u]));
        here.sort_unstable();
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
        observed += i128::from(m_ * m_ - squares);
    }
    let n = i128::from(m_) * tokens as i128;
    let expected = n * n - totals.iter().map(|&t| i128::from(t) * i128::from(t)).sum::<i128>();
    if expected == 0 {
        return Err(Undefined::NoVariation);
    }
    Ok(1.0 - ((n - 1) * observed) as f64 / (i128::from(m_ - 1) * expected) as f64)
}
