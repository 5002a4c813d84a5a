//! Every figure between the annotators of one text.

use std::collections::{BTreeMap, HashMap};

use super::coder::Coder;
use super::counts::{Counts, Figure};
use super::spans;
use super::tokens::{alpha, kappa, tokens, Coverage};
use crate::model::document::Document;

/// The key of the figures over all labels together.
pub const ALL: &str = "all";

/// The figures of one pair of annotators. `a` is the reference of precision and recall (`fp`:
/// spans of `b` alone; `fn_`: spans of `a` alone); F1 and κ are symmetric.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    /// Coder indices, `a < b`.
    pub a: usize,
    pub b: usize,
    /// Keyed by label id and [`ALL`]: every label of [`Figures::labels`] has an entry.
    pub exact: BTreeMap<String, Counts>,
    pub overlap: BTreeMap<String, Counts>,
    pub token_kappa: BTreeMap<String, Figure>,
    /// (label in `a`, label in `b`) → overlapping spans: the diagonal holds the overlap matches,
    /// the rest the spans left unmatched that overlap one of another label (see `spans::Overlaps`).
    pub confusion: BTreeMap<(String, String), usize>,
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
    /// Keyed by label id and [`ALL`].
    pub alpha: BTreeMap<String, Figure>,
}

/// The figures between `coders` on `doc`'s text, for `labels` (ids, in the order to report them).
pub fn figures(doc: &Document, labels: &[String], coders: &[Coder]) -> Figures {
    let mut all_labels: Vec<String> = Vec::new();
    for l in labels {
        if !all_labels.contains(l) {
            all_labels.push(l.clone());
        }
    }
    let mut extra: Vec<&String> =
        coders.iter().flat_map(|c| c.spans.iter().map(|s| &s.label)).filter(|l| !all_labels.contains(l)).collect();
    extra.sort_unstable();
    extra.dedup();
    all_labels.extend(extra.into_iter().cloned());

    let spans_of_pairs: Vec<Pair> = (0..coders.len())
        .flat_map(|a| (a + 1..coders.len()).map(move |b| (a, b)))
        .map(|(a, b)| span_figures(a, b, coders, &all_labels))
        .collect();
    let mut pairs = spans_of_pairs;

    let tokens = tokens(doc);
    let index: HashMap<&str, u32> = all_labels.iter().enumerate().map(|(i, l)| (l.as_str(), i as u32)).collect();
    let coverage = Coverage::new(&tokens, coders, &index);
    let mut alphas = BTreeMap::new();
    let keys = all_labels.iter().enumerate().map(|(i, l)| (l.as_str(), Some(i as u32))).chain([(ALL, None)]);
    for (key, label) in keys {
        let cats = coverage.categories(label);
        alphas.insert(key.to_owned(), alpha(&cats));
        for pair in &mut pairs {
            pair.token_kappa.insert(key.to_owned(), kappa(&cats[pair.a], &cats[pair.b]));
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

/// The span figures of one pair (κ filled in later).
fn span_figures(a: usize, b: usize, coders: &[Coder], labels: &[String]) -> Pair {
    let (x, y) = (&coders[a].spans, &coders[b].spans);
    let exact_found = spans::exact(x, y);
    let overlaps = spans::overlaps(x, y);
    let per_label = |found: &BTreeMap<String, Counts>| {
        let mut out: BTreeMap<String, Counts> =
            labels.iter().map(|l| (l.clone(), found.get(l).copied().unwrap_or_default())).collect();
        let all = found.values().fold(Counts::default(), |sum, c| sum.plus(*c));
        out.insert(ALL.to_owned(), all);
        out
    };
    Pair {
        a,
        b,
        exact: per_label(&exact_found),
        overlap: per_label(&overlaps.counts),
        token_kappa: BTreeMap::new(),
        confusion: overlaps.confusion,
    }
}
