//! Span matching between two annotators: exact (same start, end and label), by overlap (same
//! label, ranges that share a code point; each span matched at most once, in text order), and the
//! label confusion of overlapping spans. Labels are numbers here: indices into the figures'
//! labels (`label_of[i]` for span `i`).

use super::coder::Coded;
use super::counts::Counts;

/// One annotator's spans with each one's label number.
#[derive(Clone, Copy)]
pub struct Numbered<'a> {
    pub spans: &'a [Coded],
    pub label_of: &'a [usize],
}

/// What matching gives for a pair (a the reference, b the other), per label number.
pub struct Matched {
    pub exact: Vec<Counts>,
    pub overlap: Vec<Counts>,
    /// `confusion[x * labels + y]`: spans labelled x by a and y by b that overlap: first the
    /// same-label overlap matches (the diagonal, the overlap `tp`), then, among the spans both
    /// left unmatched, each of a's spans in text order with the first unmatched span of b in text
    /// order that overlaps it, whatever its label.
    pub confusion: Vec<usize>,
}

pub fn compare(a: Numbered, b: Numbered, labels: usize) -> Matched {
    let by_label = |n: Numbered| {
        let mut out: Vec<Vec<usize>> = vec![Vec::new(); labels];
        for (i, &l) in n.label_of.iter().enumerate() {
            out[l].push(i);
        }
        out
    };
    let (a_by, b_by) = (by_label(a), by_label(b));
    let mut exact = vec![Counts::default(); labels];
    let mut overlap = vec![Counts::default(); labels];
    let mut confusion = vec![0; labels * labels];
    let mut a_taken = vec![false; a.spans.len()];
    let mut b_taken = vec![false; b.spans.len()];
    for l in 0..labels {
        let xs: Vec<&Coded> = a_by[l].iter().map(|&i| &a.spans[i]).collect();
        let ys: Vec<&Coded> = b_by[l].iter().map(|&j| &b.spans[j]).collect();
        // Exact: the same matching where only the same range fits (spans are distinct, so this
        // counts the spans both have).
        let mut taken = vec![false; ys.len()];
        let tp = match_overlaps(&xs, &ys, &mut taken, true).iter().flatten().count();
        exact[l] = Counts { tp, fp: ys.len() - tp, fn_: xs.len() - tp };
        let mut taken = vec![false; ys.len()];
        let mut tp = 0;
        for (&i, partner) in a_by[l].iter().zip(match_overlaps(&xs, &ys, &mut taken, false)) {
            if let Some(k) = partner {
                a_taken[i] = true;
                b_taken[b_by[l][k]] = true;
                tp += 1;
            }
        }
        overlap[l] = Counts { tp, fp: ys.len() - tp, fn_: xs.len() - tp };
        confusion[l * labels + l] = tp;
    }
    // Then the label swaps among the spans left unmatched.
    let rest = |n: Numbered<'_>, taken: &[bool]| -> Vec<usize> {
        let mut out = Vec::new();
        for i in (0..n.spans.len()).filter(|&i| !taken[i]) {
            out.push(i);
        }
        out
    };
    let (rest_a, rest_b) = (rest(a, &a_taken), rest(b, &b_taken));
    let xs: Vec<&Coded> = rest_a.iter().map(|&i| &a.spans[i]).collect();
    let ys: Vec<&Coded> = rest_b.iter().map(|&j| &b.spans[j]).collect();
    let mut taken = vec![false; ys.len()];
    for (&i, partner) in rest_a.iter().zip(match_overlaps(&xs, &ys, &mut taken, false)) {
        if let Some(k) = partner {
            confusion[a.label_of[i] * labels + b.label_of[rest_b[k]]] += 1;
        }
    }
    Matched { exact, overlap, confusion }
}

/// Overlap matching: for each span of `a` in text order, the first span of `b` in text order
/// that is not `taken` yet and shares a code point with it (`same_range`: that has its start and
/// end; labels are the caller's business). Both must be sorted. Marks the matched spans of `b`
/// taken; returns each `a` span's partner.
fn match_overlaps(a: &[&Coded], b: &[&Coded], taken: &mut [bool], same_range: bool) -> Vec<Option<usize>> {
    // Spans of `b` before `lo` are taken or end before every later `a` span starts.
    let mut lo = 0;
    a.iter()
        .map(|x| {
            while lo < b.len() && (taken[lo] || b[lo].end <= x.start) {
                lo += 1;
            }
            let fits = |y: &Coded| if same_range { y.start == x.start && y.end == x.end } else { y.end > x.start };
            let k = (lo..b.len()).take_while(|&k| b[k].start < x.end).find(|&k| !taken[k] && fits(b[k]))?;
            taken[k] = true;
            Some(k)
        })
        .collect()
}
