//! Every figure between the annotators of one text.

use super::coder::Coder;
use super::counts::{Counts, Figure};
use super::keyed::Keyed;
use super::spans::{compare, Numbered};
use super::tokens::{alpha, kappa, tokens, Coverage};
use crate::model::document::Document;
use crate::support::order::sort_by;

/// The key of the figures over all labels together.
pub const ALL: &str = "all";

/// The figures of one pair of annotators. `a` is the reference of precision and recall (`fp`:
/// spans of `b` alone; `fn_`: spans of `a` alone); F1 and κ are symmetric.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    /// Coder indices, `a < b`.
    pub a: usize,
    pub b: usize,
    /// Keyed by label id, in the order of [`Figures::labels`], then [`ALL`]: every label has an
    /// entry.
    pub exact: Keyed<String, Counts>,
    pub overlap: Keyed<String, Counts>,
    pub token_kappa: Keyed<String, Figure>,
    /// (label in `a`, label in `b`) → overlapping spans, only counts above 0, in label order: the
    /// diagonal holds the overlap matches, the rest the spans both left unmatched that overlap
    /// one of another label (each of `a`'s in text order with the first such of `b`'s).
    pub confusion: Keyed<(String, String), usize>,
}

/// The figures of all annotators of one text.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    /// The coders' names, in the coders' order.
    pub annotators: Vec<String>,
    /// The label ids asked for, then any other the coders used (sorted), each once.
    pub labels: Vec<String>,
    /// How many tokens κ and α count.
    pub tokens: usize,
    /// Every pair `a < b`, in order (0,1), (0,2)…, (1,2)…
    pub pairs: Vec<Pair>,
    /// Keyed by label id, in the order of [`Figures::labels`], then [`ALL`].
    pub alpha: Keyed<String, Figure>,
}

/// The figures between `coders` on `doc`'s text, for `labels` (ids, in the order to report them).
pub fn figures(doc: &Document, labels: &[String], coders: &[Coder]) -> Figures {
    let mut all_labels: Vec<String> = Vec::new();
    for l in labels {
        if !all_labels.contains(l) {
            all_labels.push(l.clone());
        }
    }
    let mut extra: Vec<&String> = Vec::new();
    for l in coders.iter().flat_map(|c| c.spans.iter().map(|s| &s.label)) {
        if !all_labels.contains(l) && !extra.contains(&l) {
            extra.push(l);
        }
    }
    sort_by(&mut extra, |a, b| a.cmp(b));
    all_labels.extend(extra.into_iter().cloned());
    let k = all_labels.len();
    // Every span's label as a number, once.
    let label_of: Vec<Vec<usize>> = coders
        .iter()
        .map(|c| c.spans.iter().map(|s| all_labels.iter().position(|l| *l == s.label).unwrap_or(0)).collect())
        .collect();
    let numbered = |i: usize| Numbered { spans: &coders[i].spans, label_of: &label_of[i] };
    // Per label, then all: the keys are distinct.
    let keyed = |values: &[Counts]| -> Keyed<String, Counts> {
        let mut out = Keyed::new();
        let mut all = Counts::default();
        for (label, c) in all_labels.iter().zip(values) {
            out.push(label.clone(), *c);
            all = all.plus(*c);
        }
        out.push(ALL.to_owned(), all);
        out
    };
    let mut pairs: Vec<Pair> = Vec::new();
    for a in 0..coders.len() {
        for b in a + 1..coders.len() {
            let m = compare(numbered(a), numbered(b), k);
            let mut confusion = Keyed::new();
            for (cell, &n) in m.confusion.iter().enumerate().filter(|(_, n)| **n > 0) {
                confusion.push((all_labels[cell / k].clone(), all_labels[cell % k].clone()), n);
            }
            let (exact, overlap) = (keyed(&m.exact), keyed(&m.overlap));
            pairs.push(Pair { a, b, exact, overlap, token_kappa: Keyed::new(), confusion });
        }
    }

    let tokens = tokens(doc);
    let coverage = Coverage::new(&tokens, coders, &label_of);
    let mut alphas = Keyed::new();
    let keys = all_labels.iter().map(String::as_str).enumerate().map(|(i, l)| (l, Some(i))).chain([(ALL, None)]);
    for (key, label) in keys {
        let cats = coverage.categories(label);
        alphas.push(key.to_owned(), alpha(&cats));
        for pair in &mut pairs {
            pair.token_kappa.push(key.to_owned(), kappa(&cats[pair.a], &cats[pair.b]));
        }
    }
    Figures {
        annotators: coders.iter().map(|c| c.name.clone()).collect(),
        labels: all_labels,
        tokens: tokens.len(),
        pairs,
        alpha: alphas,
    }
}
