//! Span matching between two annotators: exact (same start, end and label), by overlap (same
//! label, ranges that share a code point; each span matched at most once, in text order), and the
//! label confusion of overlapping spans.

use std::collections::BTreeMap;

use super::coder::Coded;
use super::counts::Counts;

/// Per label (by id), spans of `a` and `b` that match exactly. `a` is the reference: `fp` counts
/// `b`'s unmatched spans, `fn_` `a`'s.
pub fn exact(a: &[Coded], b: &[Coded]) -> BTreeMap<String, Counts> {
    let mut out: BTreeMap<String, Counts> = BTreeMap::new();
    // Both are sorted and without duplicates: a merge.
    let (mut i, mut j) = (0, 0);
    loop {
        match (a.get(i), b.get(j)) {
            (None, None) => break,
            (Some(x), Some(y)) if x == y => {
                out.entry(x.label.clone()).or_default().tp += 1;
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if y < x => {
                out.entry(y.label.clone()).or_default().fp += 1;
                j += 1;
            }
            (None, Some(y)) => {
                out.entry(y.label.clone()).or_default().fp += 1;
                j += 1;
            }
            (Some(x), _) => {
                out.entry(x.label.clone()).or_default().fn_ += 1;
                i += 1;
            }
        }
    }
    out
}

/// Overlap matching: for each span of `a` in text order, the first span of `b` in text order
/// that is not `taken` yet and shares a code point with it (labels are the caller's business).
/// Both must be sorted. Marks the matched spans of `b` taken; returns each `a` span's partner.
fn match_overlaps(a: &[&Coded], b: &[&Coded], taken: &mut [bool]) -> Vec<Option<usize>> {
    // Spans of `b` before `lo` are taken or end before every later `a` span starts.
    let mut lo = 0;
    a.iter()
        .map(|x| {
            while lo < b.len() && (taken[lo] || b[lo].end <= x.start) {
                lo += 1;
            }
            let k = (lo..b.len()).take_while(|&k| b[k].start < x.end).find(|&k| !taken[k] && b[k].end > x.start)?;
            taken[k] = true;
            Some(k)
        })
        .collect()
}

/// What overlap matching gives for a pair: counts per label, and the confusion of labels.
pub struct Overlaps {
    pub counts: BTreeMap<String, Counts>,
    /// (label in `a`, label in `b`) → how many overlapping spans pair them: first the same-label
    /// matches (the diagonal, equal to the counts' `tp`), then, among the spans still unmatched,
    /// each of `a`'s spans in text order with the first unmatched span of `b` it overlaps, of any
    /// label.
    pub confusion: BTreeMap<(String, String), usize>,
}

/// Overlap matching of `a` (the reference) and `b`, label by label, then the label swaps.
pub fn overlaps(a: &[Coded], b: &[Coded]) -> Overlaps {
    let mut by_label: BTreeMap<&str, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (i, x) in a.iter().enumerate() {
        by_label.entry(&x.label).or_default().0.push(i);
    }
    for (j, y) in b.iter().enumerate() {
        by_label.entry(&y.label).or_default().1.push(j);
    }
    let mut counts = BTreeMap::new();
    let mut confusion = BTreeMap::new();
    let mut a_taken = vec![false; a.len()];
    let mut b_taken = vec![false; b.len()];
    for (label, (ai, bj)) in &by_label {
        let xs: Vec<&Coded> = ai.iter().map(|&i| &a[i]).collect();
        let ys: Vec<&Coded> = bj.iter().map(|&j| &b[j]).collect();
        let mut taken = vec![false; ys.len()];
        let partners = match_overlaps(&xs, &ys, &mut taken);
        let mut tp = 0;
        for (&i, partner) in ai.iter().zip(&partners) {
            if let Some(k) = partner {
                a_taken[i] = true;
                b_taken[bj[*k]] = true;
                tp += 1;
            }
        }
        counts.insert((*label).to_owned(), Counts { tp, fp: ys.len() - tp, fn_: xs.len() - tp });
        if tp > 0 {
            confusion.insert(((*label).to_owned(), (*label).to_owned()), tp);
        }
    }
    // Then the label swaps among the spans left unmatched.
    let rest_a: Vec<&Coded> = a.iter().zip(&a_taken).filter(|(_, t)| !**t).map(|(x, _)| x).collect();
    let rest_b: Vec<&Coded> = b.iter().zip(&b_taken).filter(|(_, t)| !**t).map(|(y, _)| y).collect();
    let mut taken = vec![false; rest_b.len()];
    for (x, partner) in rest_a.iter().zip(match_overlaps(&rest_a, &rest_b, &mut taken)) {
        if let Some(k) = partner {
            *confusion.entry((x.label.clone(), rest_b[k].label.clone())).or_insert(0) += 1;
        }
    }
    Overlaps { counts, confusion }
}
