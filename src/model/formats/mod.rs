//! File formats, behind one registry ([`FORMATS`]): each format is one adapter file that
//! describes itself as a [`Format`] (its name, file extension, MIME type, offset unit), says whether
//! a file looks like its own (`detect`), reads one into spans or a
//! [`Project`](crate::model::project::Project) (`read`; none for an
//! export-only format) and writes a document with its labels and annotations (`write`). The
//! Open flow (`model::input::open`), the Export as… menu and the round-trip tests all iterate the
//! registry; nothing else lists the formats.
//!
//! The model knows nothing of any format: documents, labels, annotations and projects are domain
//! values (`model::project`); the editor reaches the formats only through `model::input` (opening a file,
//! which hands back `Opened` with [`Foreign`] spans and a [`Report`]) and through the registry
//! (exporting, `export::render`). What the adapters share is here: spans as other tools write them
//! ([`Foreign`]), and anchoring them on a text, in whatever unit the tool counted
//! ([`offsets`]), checked against the quote the tool stored.
//!
//! # Adding a format
//!
//! Write one adapter file here, `newformat.rs`, ending in `pub const FORMAT: Format = Format {…}`
//! (see `spacy.rs`, the smallest that reads and writes); below, declare it (`pub mod newformat;`)
//! and add the line `newformat::FORMAT,` to [`FORMATS`] where the Export as… menu should list
//! it. The menu, the Open flow (its `detect`, tried at its stage in registry order) and the round
//! trip in `tests/formats.rs` then cover it with no other change. (Tried with a throwaway
//! JSON-lines format: those two lines and its file were all it took, and the round trip named it
//! when its writer was broken.)

pub mod brat;
pub mod coding;
pub mod conll;
pub mod doccano;
pub mod export;
pub mod labelstudio;
pub mod offsets;
pub mod registry;
pub mod spacy;
pub mod spanmark;
mod spanmark_codes;
mod spanmark_error;
pub mod w3c;
pub mod zip;

use std::fmt;

use super::annotation::AnnotationSet;
use super::document::Document;
use super::label::{Label, LabelId, Labels};
use super::relation::Relations;
use super::span::Span;
use crate::support::quote::Quoted;
use crate::support::time::Time;

pub use coding::{ForeignAttribute, ForeignRelation};
pub use offsets::{from_cp, to_span, Unit};
pub use registry::Format;

/// Every format, in the order the Export as… menu lists them. Within each stage of the Open flow
/// (see [`registry::Reader`]) the readers are tried in this order too: the first whose `detect`
/// says yes reads the file.
pub static FORMATS: &[Format] = &[
    spanmark::FORMAT,    // the native file, lossless
    w3c::FORMAT,         // spans with quotes, no text (also Recogito's)
    brat::FORMAT,        // a zip of .txt and .ann (or an .ann alone)
    doccano::FORMAT,     // JSON lines, offsets in the unit the person chooses
    labelstudio::FORMAT, // a task list (or its JSON_MIN form)
    spacy::FORMAT,       // JSON lines, as spaCy and Prodigy read them
    conll::FORMAT,       // tokens and BIO tags, written only
];

/// A span as another tool wrote it: a label name, offsets in the tool's unit, and, where the tool
/// stored them, the quoted text and its context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Foreign {
    pub label: String,
    pub start: u64,
    pub end: u64,
    pub unit: Unit,
    pub quote: Option<String>,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
    /// When the tool says the span was made (W3C's `created`); none for tools that do not say.
    pub created: Option<Time>,
    /// The note the tool stored on the span (brat's `AnnotatorNotes`, a W3C `commenting` body,
    /// a Label Studio per-region `textarea`); none when it stored none or an empty one.
    pub note: Option<String>,
    /// The attribute values the tool stored on the span, in the file's order.
    pub attributes: Vec<ForeignAttribute>,
}

impl Foreign {
    /// A span with no quote, context, time, note or attributes.
    pub fn at(label: &str, start: u64, end: u64, unit: Unit) -> Foreign {
        Foreign {
            label: label.to_owned(),
            start,
            end,
            unit,
            quote: None,
            prefix: None,
            suffix: None,
            created: None,
            note: None,
            attributes: Vec::new(),
        }
    }
}

/// Where a foreign span landed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchored {
    /// At its own offsets (and on its quote, where it had one).
    AtOffsets(Span),
    /// Its offsets did not hold its quote; found by the quote and its context.
    ByQuote(Span),
    Lost,
}

/// Places a foreign span on `doc`: at its offsets when they hold its quote; otherwise at the
/// occurrence of its quote whose context matches best (nearest to the offsets on a tie).
pub fn anchor(doc: &Document, f: &Foreign) -> Anchored {
    let at = to_span(doc, f.unit, f.start, f.end);
    let Some(quote) = f.quote.as_deref().filter(|q| !q.is_empty()) else {
        return at.filter(|s| !s.is_empty()).map_or(Anchored::Lost, Anchored::AtOffsets);
    };
    if let Some(span) = at.filter(|s| doc.slice(*s) == quote) {
        return Anchored::AtOffsets(span);
    }
    // The quote somewhere else: score each occurrence by how much context agrees.
    let len = quote.chars().count() as u32;
    let guess = u32::try_from(f.start).unwrap_or(u32::MAX);
    let mut best: Option<(usize, u32, Span)> = None;
    for (byte, _) in doc.text().match_indices(quote) {
        let start = doc.cp_of_byte(byte);
        let span = Span::new(start, start + len);
        let before = f.prefix.as_deref().map_or(0, |p| common_suffix(doc.prefix(span), p));
        let after = f.suffix.as_deref().map_or(0, |s| common_prefix(doc.suffix(span), s));
        let score = before + after;
        let distance = start.abs_diff(guess);
        if best.is_none_or(|(s, d, _)| score > s || (score == s && distance < d)) {
            best = Some((score, distance, span));
        }
    }
    best.map_or(Anchored::Lost, |(_, _, span)| Anchored::ByQuote(span))
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// What importing foreign spans did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub placed: usize,
    /// Placed by their quote because their offsets did not hold it.
    pub reanchored: usize,
    /// Quotes not found anywhere in the text (or offsets outside it).
    pub lost: Vec<String>,
    /// Exact duplicates of another span, dropped.
    pub duplicates: usize,
    /// Advice when the offsets look wrong as a whole.
    pub hint: Option<String>,
    /// Relations placed between the spans.
    pub relations: usize,
    /// Relations not placed because a span at one of their ends could not be.
    pub relations_lost: usize,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} annotation{}", self.placed, if self.placed == 1 { "" } else { "s" })?;
        if self.reanchored > 0 {
            write!(f, ", {} re-anchored by their quote (their offsets were in another unit or off)", self.reanchored)?;
        }
        if self.relations > 0 {
            write!(f, ", {} relation{}", self.relations, if self.relations == 1 { "" } else { "s" })?;
        }
        if self.duplicates > 0 {
            write!(f, ", {} duplicate{} dropped", self.duplicates, if self.duplicates == 1 { "" } else { "s" })?;
        }
        if !self.lost.is_empty() {
            write!(
                f,
                "; {} could not be placed: {}",
                self.lost.len(),
                self.lost.iter().take(3).map(|q| Quoted(q).to_string()).collect::<Vec<_>>().join(", ")
            )?;
        }
        if self.relations_lost > 0 {
            let n = self.relations_lost;
            write!(
                f,
                "; {n} relation{} lost with {}",
                if n == 1 { "" } else { "s" },
                if n == 1 { "its span" } else { "their spans" }
            )?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "; {hint}")?;
        }
        Ok(())
    }
}

/// The label for `name`: an existing label whose id or name matches (ignoring case), or a new one
/// added to `labels` with the next free colour and hotkey (none once the keys are used up).
pub fn label_for(labels: &mut Vec<Label>, name: &str) -> LabelId {
    let wanted = name.trim();
    if let Some(l) =
        labels.iter().find(|l| l.id.as_str().eq_ignore_ascii_case(wanted) || l.name.eq_ignore_ascii_case(wanted))
    {
        return l.id.clone();
    }
    const COLOURS: [&str; 6] = ["#f0e442", "#d55e00", "#0072b2", "#999999", "#a6761d", "#66a61e"];
    const KEYS: &str = "56789qwertyuiop";
    let hotkey = KEYS.chars().find(|k| labels.iter().all(|l| l.hotkey != Some(*k)));
    let mut id = crate::support::chars::map_chars(&crate::support::case::to_lowercase(wanted), |c| {
        if c.is_alphanumeric() {
            c
        } else {
            '-'
        }
    });
    if id.is_empty() {
        id = "label".to_owned();
    }
    while labels.iter().any(|l| l.id.as_str() == id) {
        id.push('_');
    }
    let label = Label {
        id: LabelId::new(&id),
        name: if wanted.is_empty() { id.clone() } else { wanted.to_owned() },
        colour: COLOURS[labels.len() % COLOURS.len()].to_owned(),
        hotkey,
        attributes: Vec::new(),
    };
    labels.push(label.clone());
    label.id
}

/// Places foreign spans on a document: the annotations (ids `a1`, `a2`… in order), the labels
/// (the news labels plus any new names), and a report. Spans only (for comparing annotators):
/// their attributes are neither checked nor kept; notes are kept.
pub fn place(doc: &Document, base: &Labels, spans: &[Foreign]) -> (Labels, AnnotationSet, Report) {
    let bare: Vec<Foreign> = spans.iter().map(|f| Foreign { attributes: Vec::new(), ..f.clone() }).collect();
    let mut set = AnnotationSet::new();
    let coded = coding::Foreigns { spans: &bare, relations: &[], categories: &[] };
    match coding::place_coded("", doc, base, &mut set, &mut Relations::new(), coded) {
        Ok(placed) => (placed.labels, set, placed.report),
        // Only a value outside its definition is refused, and these spans have none.
        Err(_) => (base.clone(), set, Report::default()),
    }
}

/// Why a file in another tool's format cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    pub format: &'static str,
    /// Where: a line, or a JSON path.
    pub place: String,
    pub message: String,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place.is_empty() {
            write!(f, "{}: {}", self.format, self.message)
        } else {
            write!(f, "{} {}: {}", self.format, self.place, self.message)
        }
    }
}

pub(crate) fn error(format: &'static str, place: impl Into<String>, message: impl Into<String>) -> FormatError {
    FormatError { format, place: place.into(), message: message.into() }
}

/// A label's name for export (its name, or its id when the label is unknown).
pub(crate) fn label_name<'a>(labels: &'a Labels, id: &'a LabelId) -> &'a str {
    labels.get(id).map_or(id.as_str(), |l| l.name.as_str())
}
