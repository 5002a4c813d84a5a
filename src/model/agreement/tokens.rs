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

/// Which labels (by index into the figures' labels) cover each token, for each coder.
pub struct Coverage {
    /// `cover[coder][token]`: sorted label indices, no duplicate.
    pub cover: Vec<Vec<Vec<u32>>>,
}

impl Coverage {
    pub fn new(tokens: &[(usize, usize)], coders: &[Coder], label_index: &HashMap<&str, u32>) -> Coverage {
        let cover = coders
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
                for c in &mut cover {
                    c.sort_unstable();
                }
                cover
            })
            .collect();
        Coverage { cover }
    }

    /// Each coder's category for each token, `[coder][token]`: for `Some(label)`, 1 in that
    /// label's spans and 0 out; for `None`, a number for each distinct set of labels.
    pub fn categories(&self, label: Option<u32>) -> Vec<Vec<u32>> {
        let mut sets: HashMap<&[u32], u32> = HashMap::new();
        self.cover
            .iter()
            .map(|coder| {
                coder
                    .iter()
                    .map(|set| match label {
                        Some(l) => u32::from(set.contains(&l)),
                        None => {
                            let next = sets.len() as u32;
                            *sets.entry(set.as_slice()).or_insert(next)
                        }
                    })
                    .collect()
            })
            .collect()
    }
}

/// Cohen's κ of two codings of the same tokens: (p_o − p_e) / (1 − p_e), computed as
/// (N·agreed − Σ r_c·c_c) / (N² − Σ r_c·c_c) in integers.
pub fn kappa(a: &[u32], b: &[u32]) -> Figure {
    let n = a.len().min(b.len());
    if n == 0 {
        return Err(Undefined::NoTokens);
    }
    let mut rows: HashMap<u32, i128> = HashMap::new();
    let mut cols: HashMap<u32, i128> = HashMap::new();
    let mut agreed: i128 = 0;
    for (x, y) in a.iter().zip(b) {
        *rows.entry(*x).or_default() += 1;
        *cols.entry(*y).or_default() += 1;
        agreed += i128::from(x == y);
    }
    let chance: i128 = rows.iter().map(|(c, r)| r * cols.get(c).copied().unwrap_or(0)).sum();
    let n = n as i128;
    let den = n * n - chance;
    if den == 0 {
        return Err(Undefined::NoVariation);
    }
    Ok((n * agreed - chance) as f64 / den as f64)
}

/// Krippendorff's α, nominal, with no missing values: `codings[coder][token]`. With m coders,
/// N tokens, n = m·N values, n_c values of category c and n_uc of them on token u:
/// α = 1 − (n − 1)·Σ_u (m² − Σ_c n_uc²) / ((m − 1)·(n² − Σ_c n_c²)), in integers.
pub fn alpha(codings: &[Vec<u32>]) -> Figure {
    let m = codings.len();
    if m < 2 {
        return Err(Undefined::TooFewAnnotators);
    }
    let tokens = codings.iter().map(Vec::len).min().unwrap_or(0);
    if tokens == 0 {
        return Err(Undefined::NoTokens);
    }
    let mut totals: HashMap<u32, i128> = HashMap::new();
    let mut observed: i128 = 0;
    let mut here: Vec<u32> = Vec::with_capacity(m);
    let m_ = m as i128;
    for u in 0..tokens {
        here.clear();
        here.extend(codings.iter().map(|c| c[u]));
        here.sort_unstable();
        let mut squares: i128 = 0;
        let mut run = 0i128;
        for (i, c) in here.iter().enumerate() {
            run += 1;
            if here.get(i + 1) != Some(c) {
                squares += run * run;
                *totals.entry(*c).or_default() += run;
                run = 0;
            }
        }
        observed += m_ * m_ - squares;
    }
    let n = m_ * tokens as i128;
    let expected = n * n - totals.values().map(|t| t * t).sum::<i128>();
    if expected == 0 {
        return Err(Undefined::NoVariation);
    }
    Ok(1.0 - ((n - 1) * observed) as f64 / ((m_ - 1) * expected) as f64)
}
