//! The text's caret and selection as a value, and the motions that move it: pure functions of
//! the document, tested natively. The edge reads the page's selection as a [`Caret`], moves it
//! here and writes it back (see `edge::selection::caret`, `edge::selection::place`).
//!
//! A character is a grapheme cluster (never split); a word is a UAX #29 piece holding a letter
//! or a digit ([`super::words`]); a line terminator is stepped over whole, as the reader never
//! sees it. Motions by visual line (Home, End, up, down) need the layout and are the browser's.

use super::annotation::{Annotation, AnnotationId, AnnotationSet};
use super::document::Document;
use super::span::Span;
use super::words;

/// A selection in code points: `anchor` stays where it began, `head` moves. Collapsed (a caret)
/// when they are equal. Both are at most the document's length once moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Caret {
    pub anchor: u32,
    pub head: u32,
}

/// Where a key moves the head.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    CharBack,
    CharForward,
    WordBack,
    WordForward,
    DocStart,
    DocEnd,
}

/// How far a word motion segments at a time (code points).
const WORD_WINDOW: u32 = 1024;

impl Caret {
    pub fn at(cp: u32) -> Caret {
        Caret { anchor: cp, head: cp }
    }

    /// The selected span (empty for a caret).
    pub fn span(&self) -> Span {
        Span::new(self.anchor.min(self.head), self.anchor.max(self.head))
    }

    pub fn is_collapsed(&self) -> bool {
        self.anchor == self.head
    }

    /// The caret after `motion`: the head moves and, with `extend` (Shift), the anchor stays;
    /// without it the selection collapses at the new head. A character motion without `extend`
    /// on a selection collapses it at its start or end, as text fields do.
    pub fn moved(self, doc: &Document, motion: Motion, extend: bool) -> Caret {
        let span = self.span();
        let head = self.head.min(doc.len());
        if !extend && !self.is_collapsed() {
            match motion {
                Motion::CharBack => return Caret::at(span.start()),
                Motion::CharForward => return Caret::at(span.end().min(doc.len())),
                _ => {}
            }
        }
        let to = target(doc, head, motion);
        if extend {
            Caret { anchor: self.anchor.min(doc.len()), head: to }
        } else {
            Caret::at(to)
        }
    }
}

/// Where `motion` takes a head at `at`.
pub fn target(doc: &Document, at: u32, motion: Motion) -> u32 {
    match motion {
        Motion::CharBack => char_back(doc, at),
        Motion::CharForward => char_forward(doc, at),
        Motion::WordBack => word_back(doc, at),
        Motion::WordForward => word_forward(doc, at),
        Motion::DocStart => 0,
        Motion::DocEnd => doc.len(),
    }
}

fn char_forward(doc: &Document, at: u32) -> u32 {
    let paragraphs = doc.paragraphs();
    let p = paragraphs[doc.paragraph_at(at)];
    if at >= p.content.end() {
        return p.terminator.end().max(at.min(doc.len()));
    }
    doc.cluster_around(at + 1).1
}

fn char_back(doc: &Document, at: u32) -> u32 {
    let index = doc.paragraph_at(at);
    let p = doc.paragraphs()[index];
    if at <= p.content.start() {
        return match index.checked_sub(1) {
            Some(i) => doc.paragraphs()[i].content.end(),
            None => 0,
        };
    }
    if at > p.content.end() {
        return p.content.end();
    }
    doc.cluster_around(at - 1).0
}

/// The words (start, end) of `from..to`, a range inside one line.
fn words_in(doc: &Document, from: u32, to: u32) -> Vec<(u32, u32)> {
    let base = doc.byte_of(from);
    let text = &doc.text()[base..doc.byte_of(to)];
    let mut out = Vec::new();
    let (mut cp, mut byte) = (from, 0usize);
    for piece in words::words(text) {
        cp += text[byte..piece.start].chars().count() as u32;
        let end = cp + text[piece.start..piece.end].chars().count() as u32;
        out.push((cp, end));
        cp = end;
        byte = piece.end;
    }
    out
}

/// To the end of the word the head is in, else of the next word (the end of the text if none).
fn word_forward(doc: &Document, at: u32) -> u32 {
    if let Some((_, end)) = doc.word_around(at) {
        return end;
    }
    let paragraphs = doc.paragraphs();
    let mut from = at.min(doc.len());
    let mut index = doc.paragraph_at(from);
    loop {
        let line = paragraphs[index].content;
        let start = from.max(line.start());
        if start < line.end() {
            let to = line.end().min(start.saturating_add(WORD_WINDOW));
            if let Some(&(_, end)) = words_in(doc, start, to).first() {
                return if end == to && to < line.end() { doc.word_around(end).map_or(end, |w| w.1) } else { end };
            }
            if to < line.end() {
                from = to;
                continue;
            }
        }
        index += 1;
        match paragraphs.get(index) {
            Some(next) => from = next.content.start(),
            None => return doc.len(),
        }
    }
}

/// To the start of the word the head is in, else of the previous word (the start if none).
fn word_back(doc: &Document, at: u32) -> u32 {
    if let Some((start, _)) = doc.word_around(at) {
        return start;
    }
    let paragraphs = doc.paragraphs();
    let mut upto = at.min(doc.len());
    let mut index = doc.paragraph_at(upto);
    loop {
        let line = paragraphs[index].content;
        let end = upto.min(line.end());
        if end > line.start() {
            let from = line.start().max(end.saturating_sub(WORD_WINDOW));
            if let Some(&(start, _)) = words_in(doc, from, end).last() {
                return if start == from && from > line.start() {
                    doc.word_around(start).map_or(start, |w| w.0)
                } else {
                    start
                };
            }
            if from > line.start() {
                upto = from;
                continue;
            }
        }
        match index.checked_sub(1) {
            Some(i) => {
                index = i;
                upto = paragraphs[i].content.end();
            }
            None => return 0,
        }
    }
}

/// The annotation after (or, with `back`, before) the `selected` one in text order; with none
/// selected (or one no longer there), the first starting at or after `at` (the last starting
/// before it). `None` past the last (before the first).
pub fn neighbour<'a>(
    set: &'a AnnotationSet,
    selected: Option<&AnnotationId>,
    at: u32,
    back: bool,
) -> Option<&'a Annotation> {
    if let Some(pos) = selected.and_then(|id| set.position(id)) {
        return if back { set.iter_from(pos.checked_sub(1)?).next() } else { set.iter_from(pos + 1).next() };
    }
    if back {
        set.iter().take_while(|a| a.span.start() < at).last()
    } else {
        set.iter().find(|a| a.span.start() >= at)
    }
}
