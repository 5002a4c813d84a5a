//! Annotate all: what tagging every match of a find with one label would do, shown before it
//! is done (the preview) and then done as one undoable step (`Action::AnnotateAll`).

use super::annotation::AnnotationSet;
use super::document::Document;
use super::label::LabelId;
use super::span::Span;

/// One match as the preview lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    /// The match tidied as a selection would be (whitespace trimmed, whole graphemes): what
    /// would be tagged.
    pub span: Span,
    /// It already has the label: shown, and skipped.
    pub tagged: bool,
}

/// The matches that can be tagged with `label`, in text order, each once. A match of only
/// whitespace, or one tidied onto a span an earlier match gave, is left out.
pub fn plan(doc: &Document, matches: &[Span], annotations: &AnnotationSet, label: &LabelId) -> Vec<Planned> {
    let mut out: Vec<Planned> = Vec::with_capacity(matches.len());
    for &m in matches {
        let Some(span) = doc.tidy_selection(m) else { continue };
        if out.last().is_some_and(|p| p.span == span) {
            continue;
        }
        out.push(Planned { span, tagged: annotations.twin(span, label).is_some() });
    }
    out
}

/// The text before and after `span` on its line, at most `around` code points each side,
/// for a preview row: (before, the match, after).
pub fn context(doc: &Document, span: Span, around: u32) -> (String, String, String) {
    let line = doc.paragraphs().get(doc.paragraph_at(span.start())).map_or(doc.full(), |p| p.content);
    let from = span.start().saturating_sub(around).max(line.start()).min(span.start());
    let to = span.end().saturating_add(around).min(line.end()).max(span.end());
    let mut before = doc.slice(Span::new(from, span.start()));
    let mut after = doc.slice(Span::new(span.end(), to));
    // A cut side starts (ends) at a space, not inside a word, when it has one.
    if from > line.start() {
        before = before.find(' ').map_or(before, |i| &before[i + 1..]);
    }
    if to < line.end() {
        after = after.rfind(' ').filter(|&i| i > 0).map_or(after, |i| &after[..i]);
    }
    let ellipsis = |cut: bool| if cut { "…" } else { "" };
    (
        format!("{}{}", ellipsis(from > line.start()), before),
        doc.slice(span).to_owned(),
        format!("{}{}", after, ellipsis(to < line.end())),
    )
}
