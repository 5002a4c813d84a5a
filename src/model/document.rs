//! A document: its text, its paragraphs, and conversions between the units that count it.

use std::cell::OnceCell;
use std::fmt;

use super::graphemes;
use super::span::{Span, Utf16};
use super::title::visible;
use super::words;
use sha2::{Digest, Sha256};

/// How many code points lie between two checkpoints of the offset index.
const STRIDE: u32 = 64;

/// Code points on each side of a point that snapping to grapheme clusters looks at: a cluster
/// longer than this (a letter under hundreds of combining marks) is cut at the window's edge.
const CLUSTER_REACH: u32 = 256;

/// Code points on each side of a point that snapping to words looks at: a longer word is cut
/// at the window's edge.
const WORD_REACH: u32 = 128;

/// Code points of context kept on each side of a quote (as in a W3C TextQuoteSelector).
pub const CONTEXT: u32 = 32;

/// A text to annotate. Immutable once made; every offset into it is a code point.
#[derive(Clone)]
pub struct Document {
    title: String,
    text: String,
    /// `checkpoints[i]` = (byte offset, UTF-16 offset) of code point `i * STRIDE`.
    checkpoints: Vec<(u32, u32)>,
    len_chars: u32,
    len_utf16: u32,
    paragraphs: Vec<Paragraph>,
    /// Whether a blank line (empty or only whitespace) lies between two lines with text: then
    /// the blank lines separate paragraphs and a single line break is only a line break.
    blank_separated: bool,
    sha256: String,
    /// Where each grapheme cluster starts, then the end; found when first asked for.
    graphemes: OnceCell<Vec<u32>>,
}

/// One line of the text: its content, and the line terminator after it (`\n`, `\r\n`, `\r`, or
/// nothing for the last line).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// The content, without the terminator.
    pub content: Span,
    /// The terminator (empty on the last line).
    pub terminator: Span,
}

/// Why a text cannot be a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentError {
    /// Offsets are 32-bit: a text of 4 GiB or more is refused.
    TooLarge { bytes: usize },
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocumentError::TooLarge { bytes } => {
                write!(f, "the text is {bytes} bytes; spanmark opens texts under 4 GiB")
            }
        }
    }
}

impl Document {
    pub fn new(title: impl Into<String>, text: impl Into<String>) -> Result<Document, DocumentError> {
        let text = text.into();
        if u32::try_from(text.len()).is_err() {
            return Err(DocumentError::TooLarge { bytes: text.len() });
        }
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE as usize + 1);
        let mut paragraphs = Vec::new();
        let (mut chars, mut utf16) = (0u32, 0u32);
        let mut line_start = 0u32;
        let mut after_cr = false;
        // For `blank_separated`: the current line has only whitespace so far; a line with text
        // was seen; a blank line followed it.
        let (mut line_blank, mut seen_text, mut blank_after_text, mut blank_separated) = (true, false, false, false);
        let mut end_line = |blank: bool| {
            if blank {
                blank_after_text |= seen_text;
            } else {
                blank_separated |= blank_after_text;
                seen_text = true;
            }
        };
        for (byte, c) in text.char_indices() {
            if chars % STRIDE == 0 {
                checkpoints.push((byte as u32, utf16));
            }
            match c {
                '\n' if after_cr => {
                    // CRLF: the CR already ended the line; widen its terminator.
                    if let Some(last) = paragraphs.last_mut() {
                        let p: &mut Paragraph = last;
                        p.terminator = Span::new(p.terminator.start(), chars + 1);
                    }
                    line_start = chars + 1;
                }
                '\n' | '\r' => {
                    paragraphs.push(Paragraph {
                        content: Span::new(line_start, chars),
                        terminator: Span::new(chars, chars + 1),
                    });
                    line_start = chars + 1;
                    end_line(line_blank);
                    line_blank = true;
                }
                c => line_blank &= c.is_whitespace(),
            }
            after_cr = c == '\r';
            chars += 1;
            utf16 += c.len_utf16() as u32;
        }
        if chars % STRIDE == 0 {
            checkpoints.push((text.len() as u32, utf16));
        }
        if line_start < chars || paragraphs.is_empty() {
            paragraphs.push(Paragraph { content: Span::new(line_start, chars), terminator: Span::empty(chars) });
            end_line(line_blank);
        }
        let sha256 = hex(&Sha256::digest(text.as_bytes()));
        Ok(Document {
            title: visible(&title.into()),
            text,
            checkpoints,
            len_chars: chars,
            len_utf16: utf16,
            paragraphs,
            blank_separated,
            sha256,
            graphemes: OnceCell::new(),
        })
    }

    /// The same text under another title.
    /// The same text under another title (its control and bidirectional formatting characters
    /// made visible, as in [`Document::new`]).
    pub fn retitled(&self, title: &str) -> Document {
        Document { title: visible(title), ..self.clone() }
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Length in code points.
    pub fn len(&self) -> u32 {
        self.len_chars
    }

    pub fn is_empty(&self) -> bool {
        self.len_chars == 0
    }

    pub fn len_utf16(&self) -> u32 {
        self.len_utf16
    }

    pub fn len_bytes(&self) -> u32 {
        self.text.len() as u32
    }

    /// Lower-case hex SHA-256 of the UTF-8 text.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    /// Whether the text separates its paragraphs with blank lines (a blank line, empty or only
    /// whitespace, lies between two lines with text). Then a single line break, as in
    /// hard-wrapped wire copy or a licence, is drawn as a line break, not a paragraph.
    pub fn blank_separated(&self) -> bool {
        self.blank_separated
    }

    /// Whether paragraph `i` is drawn with paragraph spacing below it: a line with text in a
    /// text that is not [`blank_separated`](Self::blank_separated). In a blank-separated text
    /// no line has it; its blank lines (drawn as tall as the spacing) make the gaps.
    pub fn spaced_after(&self, i: usize) -> bool {
        !self.blank_separated && self.paragraphs.get(i).is_some_and(|p| !p.content.is_empty())
    }

    /// The span of the whole text.
    pub fn full(&self) -> Span {
        Span::new(0, self.len_chars)
    }

    /// The byte offset of code point `cp` (clamped to the end of the text).
    pub fn byte_of(&self, cp: u32) -> usize {
        if cp >= self.len_chars {
            return self.text.len();
        }
        let (byte, _) = self.checkpoints[(cp / STRIDE) as usize];
        let skip = (cp % STRIDE) as usize;
        let rest = &self.text[byte as usize..];
        byte as usize + rest.char_indices().nth(skip).map_or(rest.len(), |(b, _)| b)
    }

    /// The UTF-16 offset of code point `cp` (clamped to the end of the text).
    pub fn utf16_of(&self, cp: u32) -> Utf16 {
        if cp >= self.len_chars {
            return Utf16(self.len_utf16);
        }
        let (byte, utf16) = self.checkpoints[(cp / STRIDE) as usize];
        let skip = (cp % STRIDE) as usize;
        let extra: usize = self.text[byte as usize..].chars().take(skip).map(char::len_utf16).sum();
        Utf16(utf16 + extra as u32)
    }

    /// The code point at UTF-16 offset `at`. An offset inside a surrogate pair (which the DOM can
    /// produce) rounds down to the pair's start; an offset past the end clamps to the end.
    pub fn cp_of_utf16(&self, at: Utf16) -> u32 {
        if at.0 >= self.len_utf16 {
            return self.len_chars;
        }
        // The last checkpoint at or before `at`.
        let i = self.checkpoints.partition_point(|&(_, u)| u <= at.0).saturating_sub(1);
        let (byte, mut utf16) = self.checkpoints[i];
        let mut cp = i as u32 * STRIDE;
        for c in self.text[byte as usize..].chars() {
            let next = utf16 + c.len_utf16() as u32;
            if next > at.0 {
                break;
            }
            utf16 = next;
            cp += 1;
        }
        cp
    }

    /// The code point that starts at byte `byte` (or the one holding it).
    pub fn cp_of_byte(&self, byte: usize) -> u32 {
        if byte >= self.text.len() {
            return self.len_chars;
        }
        let i = self.checkpoints.partition_point(|&(b, _)| (b as usize) <= byte).saturating_sub(1);
        let (start, _) = self.checkpoints[i];
        let cp = i as u32 * STRIDE;
        cp + self.text[start as usize..].char_indices().take_while(|(b, _)| start as usize + b < byte).count() as u32
    }

    /// The text of `span` (clamped to the document).
    pub fn slice(&self, span: Span) -> &str {
        let start = self.byte_of(span.start());
        let end = self.byte_of(span.end()).max(start);
        &self.text[start..end]
    }

    /// Up to `CONTEXT` code points before `span`.
    pub fn prefix(&self, span: Span) -> &str {
        let start = span.start().min(self.len_chars);
        self.slice(Span::new(start.saturating_sub(CONTEXT), start))
    }

    /// Up to `CONTEXT` code points after `span`.
    pub fn suffix(&self, span: Span) -> &str {
        let start = span.end().min(self.len_chars);
        self.slice(Span::new(start, start.saturating_add(CONTEXT).min(self.len_chars)))
    }

    /// The index of the paragraph whose content or terminator holds `cp` (the last paragraph for
    /// the end of the text).
    pub fn paragraph_at(&self, cp: u32) -> usize {
        self.paragraphs.partition_point(|p| p.terminator.end() <= cp).min(self.paragraphs.len() - 1)
    }

    /// What a selection becomes as an annotation: clamped to the text, widened to whole grapheme
    /// clusters (never half an emoji or a letter without its accent), then stripped of
    /// whitespace at both edges. `None` when nothing but whitespace is left.
    pub fn tidy_selection(&self, span: Span) -> Option<Span> {
        let span = Span::new(span.start().min(self.len_chars), span.end().min(self.len_chars));
        let (mut start, mut end) = self.snap_to_graphemes(span);
        let bytes = |cp| self.byte_of(cp);
        let mut lead = self.text[bytes(start)..bytes(end)].chars();
        while lead.next().is_some_and(char::is_whitespace) {
            start += 1;
        }
        let mut trail = self.text[bytes(start)..bytes(end)].chars();
        while start < end && trail.next_back().is_some_and(char::is_whitespace) {
            end -= 1;
        }
        (start < end).then(|| Span::new(start, end))
    }

    /// What a selection becomes with snapping on: [`Document::tidy_selection`], then each end
    /// that falls inside a word (a UAX #29 piece holding a letter or digit) moved outward to the
    /// word's edge (except at an apostrophe: "Syria" of "Syria’s" stays), then whole clusters of
    /// punctuation ([`is_punctuation`]) dropped from both ends: "Paris," gives "Paris", "“de-escalation" keeps the hyphen and drops the
    /// quote mark. When only punctuation was selected, it is kept (the tidied selection).
    pub fn snap_selection(&self, span: Span) -> Option<Span> {
        let tidy = self.tidy_selection(span)?;
        // An end at an apostrophe stays: "Syria" of "Syria’s" is a word a person may mean.
        let apostrophe = |c: Option<char>| matches!(c, Some('\'' | '’'));
        let before = |cp: u32| self.text[..self.byte_of(cp)].chars().next_back();
        let at = |cp: u32| self.text[self.byte_of(cp)..].chars().next();
        let start = match self.word_around(tidy.start()) {
            Some((s, _)) if !apostrophe(before(tidy.start())) => s,
            _ => tidy.start(),
        };
        let end = match self.word_around(tidy.end()) {
            Some((_, e)) if !apostrophe(at(tidy.end())) => e,
            _ => tidy.end(),
        };
        // A cluster of punctuation (or spaces) only; a letter, digit, emoji or symbol stays.
        let wordish = |from: u32, to: u32| {
            !self.text[self.byte_of(from)..self.byte_of(to)].chars().all(|c| is_punctuation(c) || c.is_whitespace())
        };
        let (mut s, mut e) = (start, end);
        while s < e {
            let (_, next) = self.cluster_around(s + 1);
            if wordish(s, next) {
                break;
            }
            s = next;
        }
        while s < e {
            let (prev, _) = self.cluster_around(e - 1);
            if wordish(prev, e) {
                break;
            }
            e = prev;
        }
        Some(if s < e { Span::new(s, e) } else { tidy })
    }

    /// The word (start, end) that `cp` lies strictly inside, looking at most [`WORD_REACH`] code
    /// points each side within `cp`'s line; `None` at a word's edge or between words.
    pub(crate) fn word_around(&self, cp: u32) -> Option<(u32, u32)> {
        let line = self.paragraphs[self.paragraph_at(cp)].content;
        if cp <= line.start() || cp >= line.end() {
            return None;
        }
        let from = line.start().max(cp.saturating_sub(WORD_REACH));
        let to = line.end().min(cp.saturating_add(WORD_REACH));
        let base = self.byte_of(from);
        let window = &self.text[base..self.byte_of(to)];
        let target = self.byte_of(cp) - base;
        let piece = words::pieces(window).into_iter().find(|p| p.start < target && target < p.end)?;
        let cps = |b: usize| from + window[..b].chars().count() as u32;
        piece.word.then(|| (cps(piece.start), cps(piece.end)))
    }

    /// `span` widened outward to grapheme cluster boundaries, as (start, end) code points.
    pub(crate) fn snap_to_graphemes(&self, span: Span) -> (u32, u32) {
        (self.cluster_around(span.start()).0, self.cluster_around(span.end()).1)
    }

    /// The cluster boundaries nearest `cp`: (the last at or before it, the first at or after it).
    /// Only `cp`'s line is segmented (a line break always ends a cluster), and of a long line
    /// only [`CLUSTER_REACH`] code points on each side (more before, over a run of flags).
    pub(crate) fn cluster_around(&self, cp: u32) -> (u32, u32) {
        let line = self.paragraphs[self.paragraph_at(cp)];
        let mut from = line.content.start().max(cp.saturating_sub(CLUSTER_REACH));
        // Flags pair up regional indicators from the start of their run: start before the run.
        let regional = |c: char| ('\u{1f1e6}'..='\u{1f1ff}').contains(&c);
        while from > line.content.start() && self.text[..self.byte_of(from)].chars().next_back().is_some_and(regional) {
            from -= 1;
        }
        let to = line.terminator.end().min(cp.saturating_add(CLUSTER_REACH)).max(cp);
        let base = self.byte_of(from);
        let window = &self.text[base..self.byte_of(to)];
        let target = self.byte_of(cp) - base;
        // The window's ends count as boundaries: a line's ends are.
        let mut bounds = graphemes::starts(window);
        bounds.push(window.len());
        let before = bounds.iter().rev().find(|&&b| b <= target).copied().unwrap_or(0);
        let after = bounds.iter().find(|&&b| b >= target).copied().unwrap_or(window.len());
        let cps = |b: usize| from + window[..b].chars().count() as u32;
        (cps(before), cps(after))
    }

    /// The code point where each grapheme cluster starts, and the end of the text last.
    pub fn grapheme_starts(&self) -> &[u32] {
        self.graphemes.get_or_init(|| {
            let mut out = Vec::new();
            let (mut cp, mut byte) = (0u32, 0usize);
            for start in graphemes::starts(&self.text) {
                cp += self.text[byte..start].chars().count() as u32;
                byte = start;
                out.push(cp);
            }
            out.push(self.len_chars);
            out
        })
    }
}

impl fmt::Debug for Document {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Document({:?}, {} code points)", self.title, self.len_chars)
    }
}

/// The longest slug [`slug`] makes, in bytes (ASCII, so characters too): with the longest
/// extension a download gets (`.labelstudio.json`) a name stays far below the 255 bytes every
/// common file system takes.
pub const MAX_SLUG: usize = 100;

/// `name` without its extension, as a file-name-safe slug: lower-case ASCII letters and digits
/// joined by single hyphens ("document" when nothing is left), cut to [`MAX_SLUG`] bytes (at a
/// hyphen when there is one in its last 20).
pub fn slug(name: &str) -> String {
    // An extension is a short run of letters and digits after the last dot: in "article.txt —
    // adjudicated" or "Report v2.1 final" the dot ends no stem.
    let stem = match name.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty() && (1..=8).contains(&ext.len()) && ext.bytes().all(|b| b.is_ascii_alphanumeric()) =>
        {
            stem
        }
        _ => name,
    };
    let mut out = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    if out.len() > MAX_SLUG {
        let cut = out[MAX_SLUG - 20..=MAX_SLUG].rfind('-').map_or(MAX_SLUG, |at| MAX_SLUG - 20 + at);
        out.truncate(cut);
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "document".to_owned()
    } else {
        out.to_owned()
    }
}

/// Punctuation that snapping leaves out at a selection's edges: ASCII's, general punctuation
/// (quotes, dashes, ellipsis), Latin-1's (« » ¡ ¿ · §), Armenian, Hebrew and Arabic marks, CJK
/// brackets and stops. A short list of blocks rather than Unicode's General_Category table,
/// which the wasm does not carry; an emoji or a symbol (€, ©) is kept, as a person may tag it.
pub(crate) fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c,
            '\u{a1}' | '\u{a7}' | '\u{ab}' | '\u{b6}' | '\u{b7}' | '\u{bb}' | '\u{bf}'
            | '\u{55a}'..='\u{55f}' | '\u{589}' | '\u{5be}' | '\u{5c0}' | '\u{5c3}' | '\u{5c6}' | '\u{5f3}' | '\u{5f4}'
            | '\u{60c}' | '\u{60d}' | '\u{61b}' | '\u{61e}' | '\u{61f}' | '\u{66a}'..='\u{66d}' | '\u{6d4}'
            | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}'
            | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301f}')
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}
