//! The app's own find: every place a query occurs in the document, drawn or not.
//!
//! A [`Query`] is plain text or a regular expression, with case ignored or matched, and
//! optionally whole words only. Plain text with case ignored compares each character through
//! its full lowercase mapping, so "İSTANBUL" finds "i̇stanbul" and "ß" only "ß"; accents, spaces
//! and punctuation must be as typed. A regular expression goes through an installed
//! [`Matcher`]: in the browser its own `RegExp` (JavaScript syntax, flag `u`; `\w`, `\d`, `\b`
//! ASCII), natively the regex-lite crate (nearly the same syntax); a crate in the wasm cost
//! more than the whole find (ARCHITECTURE.md, "What we wrote ourselves"). Whole words are UAX #29 words
//! ([`super::words`], the browser's `Intl.Segmenter` in the app): a match counts when it starts
//! and ends at a word boundary, so "Syria" is not found in "Syrian" nor in "Syria’s". Results
//! are code-point spans, in text order, not overlapping, never empty.

use std::cell::Cell;

use super::span::Span;
use super::words;
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

/// What to look for, and how.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Query {
    pub text: String,
    /// `text` is a regular expression.
    pub regex: bool,
    /// Upper and lower case must be as typed.
    pub case: bool,
    /// Only matches that start and end at word boundaries.
    pub whole: bool,
}

/// The matches of `query` in `text`, or what is wrong with the regular expression, in plain
/// words. An empty query finds nothing.
pub fn search(text: &str, query: &Query) -> Result<Found, String> {
    if query.text.is_empty() {
        return Ok(Found::default());
    }
    let found = if query.regex {
        by_regex(text, query)?
    } else if query.case {
        exact(text, &query.text, query.whole)
    } else {
        let mut found = find(text, &query.text);
        if query.whole {
            found.matches = whole_only(text, found.matches);
        }
        found
    };
    Ok(found)
}

/// Every occurrence of `needle` in `text`, case and all, in code points (not overlapping);
/// with `whole`, only those at word boundaries (a partial one does not hide a whole one after
/// it: the search goes on one character further).
pub fn exact(text: &str, needle: &str, whole: bool) -> Found {
    let mut found = Found::default();
    if needle.is_empty() {
        return found;
    }
    let mut cp = Counter::default();
    let mut words = Boundaries::default();
    let mut from = 0usize;
    while let Some(at) = text[from..].find(needle).map(|i| i + from) {
        let end = at + needle.len();
        if whole && !(words.at(text, at) && words.at(text, end)) {
            from = at + text[at..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        if found.matches.len() == MAX_MATCHES {
            found.truncated = true;
            break;
        }
        let start = cp.at(text, at);
        found.matches.push(Span::new(start, cp.at(text, end)));
        from = end;
    }
    found
}

/// Finds a regular expression's matches: the byte ranges of `text` that `pattern` matches, in
/// order, not overlapping (empty ones may be among them), at most [`MAX_MATCHES`] + 1; or the
/// engine's own words for what is wrong with the pattern.
pub type Matcher = fn(text: &str, pattern: &str, ignore_case: bool) -> Result<Vec<(usize, usize)>, String>;

thread_local! {
    static MATCHER: Cell<Option<Matcher>> = const { Cell::new(None) };
}

/// Makes `matcher` the one regular expressions go through (the edge installs the browser's
/// `RegExp` at start-up; natively, and before that, the regex-lite crate answers).
pub fn install(matcher: Matcher) {
    MATCHER.with(|m| m.set(Some(matcher)));
}

fn by_regex(text: &str, query: &Query) -> Result<Found, String> {
    let matcher = MATCHER.with(Cell::get).unwrap_or(builtin);
    let ranges = matcher(text, &query.text, !query.case).map_err(|e| plain_error(&e))?;
    let mut found = Found::default();
    let mut cp = Counter::default();
    let mut words = Boundaries::default();
    let mut last = 0usize;
    for (start, end) in ranges {
        // What the engine says is checked: in order, inside the text, on char boundaries.
        if start >= end || start < last || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if query.whole && !(words.at(text, start) && words.at(text, end)) {
            continue;
        }
        if found.matches.len() == MAX_MATCHES {
            found.truncated = true;
            break;
        }
        let from = cp.at(text, start);
        found.matches.push(Span::new(from, cp.at(text, end)));
        last = end;
    }
    Ok(found)
}

#[cfg(not(target_arch = "wasm32"))]
fn builtin(text: &str, pattern: &str, ignore_case: bool) -> Result<Vec<(usize, usize)>, String> {
    let re = regex_lite::RegexBuilder::new(pattern).case_insensitive(ignore_case).build().map_err(|e| e.to_string())?;
    Ok(re.find_iter(text).take(MAX_MATCHES + 1).map(|m| (m.start(), m.end())).collect())
}

#[cfg(target_arch = "wasm32")]
fn builtin(_: &str, _: &str, _: bool) -> Result<Vec<(usize, usize)>, String> {
    Err("this browser cannot search by regular expression".to_owned())
}

/// An engine's message (regex-lite's several lines ending "error: unclosed group", or the
/// browser's "Invalid regular expression: /(/giu: Unterminated group") as one line a person
/// reads: "Not a valid regular expression: unterminated group."
fn plain_error(message: &str) -> String {
    let last = message.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("");
    let reason = last.rsplit(": ").next().unwrap_or("").trim().trim_start_matches("error:").trim();
    let mut chars = reason.chars();
    match chars.next() {
        None => "Not a valid regular expression.".to_owned(),
        Some(first) => format!("Not a valid regular expression: {}{}.", first.to_ascii_lowercase(), chars.as_str()),
    }
}

/// Code points up to ascending byte offsets, counted once.
#[derive(Default)]
struct Counter {
    byte: usize,
    cp: u32,
}

impl Counter {
    /// The code point at byte `at` (a char boundary not before the last one asked).
    fn at(&mut self, text: &str, at: usize) -> u32 {
        if at < self.byte {
            *self = Counter::default();
        }
        self.cp += text[self.byte..at].chars().count() as u32;
        self.byte = at;
        self.cp
    }
}

/// Word boundaries, asked in ascending order: the line holding a place is segmented once (a
/// line break is always a boundary, so no word crosses one).
#[derive(Default)]
struct Boundaries {
    /// The line last segmented (byte range in the text) and the boundaries in it.
    line: (usize, usize),
    cuts: Vec<usize>,
}

impl Boundaries {
    /// Whether byte `at` of `text` is a word boundary: the text's ends, a line break's sides,
    /// or where one UAX #29 piece ends and the next starts.
    fn at(&mut self, text: &str, at: usize) -> bool {
        if at == 0 || at == text.len() {
            return true;
        }
        if !(self.line.0 <= at && at <= self.line.1) || self.cuts.is_empty() {
            let start = text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
            let end = text[at..].find(['\n', '\r']).map_or(text.len(), |i| i + at);
            self.line = (start, end);
            let pieces = words::pieces(&text[start..end]);
            self.cuts = Vec::with_capacity(pieces.len() + 1);
            self.cuts.extend(pieces.iter().map(|p| p.start + start));
            self.cuts.push(end);
            if self.cuts.is_empty() {
                self.cuts.push(start);
            }
        }
        at == self.line.0 || at == self.line.1 || self.cuts.binary_search(&at).is_ok()
    }
}

/// The matches (in text order) that start and end at word boundaries.
fn whole_only(text: &str, matches: Vec<Span>) -> Vec<Span> {
    let mut bytes = Bytes::default();
    let mut words = Boundaries::default();
    let mut whole = Vec::new();
    for m in matches {
        let (s, e) = (bytes.at(text, m.start()), bytes.at(text, m.end()));
        if words.at(text, s) && words.at(text, e) {
            whole.push(m);
        }
    }
    whole
}

/// Byte offsets of ascending code points, counted once.
#[derive(Default)]
struct Bytes {
    byte: usize,
    cp: u32,
}

impl Bytes {
    fn at(&mut self, text: &str, cp: u32) -> usize {
        if cp < self.cp {
            *self = Bytes::default();
        }
        for c in text[self.byte..].chars() {
            if self.cp == cp {
                break;
            }
            self.byte += c.len_utf8();
            self.cp += 1;
        }
        self.byte
    }
}

/// The occurrences of `query` in `text`, ignoring case. An empty query finds nothing.
pub fn find(text: &str, query: &str) -> Found {
    let mut needle: Vec<char> = Vec::with_capacity(query.len());
    for c in query.chars() {
        needle.extend(lowercase(c));
    }
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
