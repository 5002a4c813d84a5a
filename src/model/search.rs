//! The app's own find: every place a query occurs in the document, drawn or not.
//!
//! Matching ignores case (each character compared through its full lowercase mapping, so
//! "İSTANBUL" finds "i̇stanbul" and "ß" only "ß"), and nothing else: accents, spaces and
//! punctuation must be as typed. Results are code-point spans, in text order, not overlapping.

use super::span::Span;
use crate::support::case::lowercase;

/// At most this many matches are collected; the count says when there were more.
pub const MAX_MATCHES: usize = 100_000;

/// What a search found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    pub matches: Vec<Span>,
    /// True when there were more than [`MAX_MATCHES`].
    pub truncated: bool,
}

/// The occurrences of `query` in `text`, ignoring case. An empty query finds nothing.
pub fn find(text: &str, query: &str) -> Found {
    let needle: Vec<char> = query.chars().flat_map(lowercase).collect();
    let mut found = Found::default();
    let Some(&first) = needle.first() else { return found };
    // Each character of the text with its code-point index, lowered as it is reached.
    let chars: Vec<char> = text.chars().collect();
    let mut at = 0usize;
    while at < chars.len() {
        if lowercase(chars[at]).next() == Some(first) {
            if let Some(end) = match_at(&chars, at, &needle) {
                if found.matches.len() == MAX_MATCHES {
                    found.truncated = true;
                    break;
                }
                found.matches.push(Span::new(at as u32, end as u32));
                at = end;
                continue;
            }
        }
        at += 1;
    }
    found
}

/// Where a match of `needle` starting at character `at` ends, if there is one. A character of
/// the text whose lowercase is several characters must match all of them.
fn match_at(chars: &[char], at: usize, needle: &[char]) -> Option<usize> {
    let mut want = needle.iter();
    let mut i = at;
    loop {
        if want.as_slice().is_empty() {
            return Some(i);
        }
        let c = chars.get(i)?;
        for lower in lowercase(*c) {
            if want.next() != Some(&lower) {
                return None;
            }
        }
        i += 1;
    }
}

/// The matches (sorted and not overlapping, as [`find`] gives them) that share at least one
/// code point with `range`.
pub fn within(matches: &[Span], range: Span) -> &[Span] {
    let from = matches.partition_point(|m| m.end() <= range.start());
    let to = matches.partition_point(|m| m.start() < range.end()).max(from);
    &matches[from..to]
}
