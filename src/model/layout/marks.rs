//! Where a find's matches sit in the whole text, for the marks beside the reader's scrollbar: a
//! long text is drawn only near the viewport, so the places come from the model's heights.

use super::heights::Heights;
use crate::model::document::Document;
use crate::model::span::Span;

/// A mark on the strip: where it sits, as a fraction of the text's height (0 at the top, 1 at
/// the bottom), and the first match it stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    pub at: f64,
    pub first: usize,
}

/// The marks for `matches` (in text order) on a strip cut into `rows` rows: one mark per row
/// that holds a match, standing for the first match in it, so a strip never draws more than
/// `rows` marks however many matches there are. A match's height is its paragraph's top plus
/// the part of its paragraph before it.
pub fn marks(doc: &Document, heights: &Heights, matches: &[Span], rows: usize) -> Vec<Mark> {
    let total = heights.total();
    let rows = rows.max(1);
    let mut out: Vec<Mark> = Vec::new();
    let mut last_row = None;
    for (index, span) in matches.iter().enumerate() {
        let i = doc.paragraph_at(span.start());
        let Some(p) = doc.paragraphs().get(i) else { continue };
        let (top, bottom) = (heights.top(i), heights.top(i + 1));
        let inside = f64::from(span.start().saturating_sub(p.content.start())) / f64::from(p.content.len().max(1));
        let at = if total > 0.0 { ((top + inside.min(1.0) * (bottom - top)) / total).clamp(0.0, 1.0) } else { 0.0 };
        let row = ((at * rows as f64) as usize).min(rows - 1);
        if last_row != Some(row) {
            last_row = Some(row);
            out.push(Mark { at, first: index });
        }
    }
    out
}
