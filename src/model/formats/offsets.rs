//! Offsets as other tools count them: the unit ([`Unit`]), converting to and from code points,
//! and guessing the unit of a file that does not say.

use crate::model::document::Document;
use crate::model::span::{Span, Utf16};

use super::Foreign;

/// The unit a tool counted offsets in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Unicode code points: Python, Label Studio, spaCy, brat, the W3C spec, spanmark.
    CodePoint,
    /// UTF-16 code units: JavaScript, doccano's UI, Recogito, Hypothesis.
    Utf16,
    /// Extended grapheme clusters: doccano with its grapheme mode on (CRLF and 👩‍👩‍👦 count 1).
    Grapheme,
}

impl Unit {
    pub fn name(self) -> &'static str {
        match self {
            Unit::CodePoint => "code points",
            Unit::Utf16 => "UTF-16 units",
            Unit::Grapheme => "grapheme clusters",
        }
    }
}

/// Converts offsets counted in `unit` to a code-point span, if they lie inside the text.
pub fn to_span(doc: &Document, unit: Unit, start: u64, end: u64) -> Option<Span> {
    let (start, end) = (u32::try_from(start).ok()?, u32::try_from(end).ok()?);
    match unit {
        Unit::CodePoint => (end <= doc.len()).then(|| Span::try_new(start, end).ok()).flatten(),
        Unit::Utf16 => {
            if end > doc.len_utf16() {
                return None;
            }
            let (s, e) = (doc.cp_of_utf16(Utf16(start)), doc.cp_of_utf16(Utf16(end)));
            // Offsets inside a surrogate pair are not a real UTF-16 boundary.
            (doc.utf16_of(s) == Utf16(start) && doc.utf16_of(e) == Utf16(end))
                .then(|| Span::try_new(s, e).ok())
                .flatten()
        }
        Unit::Grapheme => {
            let bounds = doc.grapheme_starts();
            let at = |g: u32| bounds.get(g as usize).copied();
            Span::try_new(at(start)?, at(end)?).ok()
        }
    }
}

/// `cp` counted in `unit` (for a grapheme unit, `starts` from [`Document::grapheme_starts`]; a code point
/// inside a cluster counts as the cluster's start).
pub fn from_cp(doc: &Document, unit: Unit, cp: u32, starts: &[u32]) -> u32 {
    match unit {
        Unit::CodePoint => cp,
        Unit::Utf16 => doc.utf16_of(cp).0,
        Unit::Grapheme => starts.partition_point(|&s| s <= cp).saturating_sub(1) as u32,
    }
}

/// Guesses the unit of a record (a doccano one: no quote, no declared unit) whose text has characters outside the BMP (elsewhere the
/// units agree): the unit in which the spans fit the text and cut fewer words in half or start or
/// end on a space. `None` when none is clearly better.
pub fn guess_unit(doc: &Document, spans: &[Foreign]) -> Option<Unit> {
    if (doc.len() == doc.len_utf16() && doc.grapheme_starts().len() as u32 == doc.len() + 1) || spans.is_empty() {
        return None;
    }
    let score = |unit: Unit| -> Option<usize> {
        let mut bad = 0;
        for s in spans {
            let span = to_span(doc, unit, s.start, s.end)?;
            let before = doc.slice(Span::new(span.start().saturating_sub(1), span.start())).chars().next();
            let after = doc.slice(Span::new(span.end(), (span.end() + 1).min(doc.len()))).chars().next();
            let quote = doc.slice(span);
            let (first, last) = (quote.chars().next(), quote.chars().next_back());
            let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            let space = |c: Option<char>| c.is_some_and(char::is_whitespace);
            bad += usize::from(word(before) && word(first)) + usize::from(word(last) && word(after));
            bad += usize::from(space(first)) + usize::from(space(last));
        }
        Some(bad)
    };
    // The unit whose spans fit and cut the fewest words; none when two tie for the best.
    let mut scores: Vec<(usize, Unit)> = Vec::new();
    for u in [Unit::CodePoint, Unit::Utf16, Unit::Grapheme] {
        scores.extend(score(u).map(|s| (s, u)));
    }
    crate::support::order::sort_by(&mut scores, |a, b| a.0.cmp(&b.0));
    match scores.as_slice() {
        [(_, unit)] => Some(*unit),
        [(best, unit), (next, _), ..] if best < next => Some(*unit),
        _ => None,
    }
}
