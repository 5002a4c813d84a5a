//! Suggestions from a person's own tags: once a string is tagged, its other mentions in the
//! document (the same characters, case and all, as whole words) are offered with the same
//! label. A suggestion is not an annotation: it lives in the view only, never in the annotation
//! set, the history, storage or an export, until it is accepted (then it is an ordinary
//! `Action::Annotate`, or `Action::AnnotateAll` for "accept all").

use super::annotation::AnnotationSet;
use super::document::Document;
use super::label::LabelId;
use super::search::exact;
use super::span::Span;

/// At most this many distinct tagged strings are looked for (each is one pass over the text).
pub const MAX_STRINGS: usize = 200;

/// A mention that could be tagged as its string was elsewhere.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub span: Span,
    pub label: LabelId,
}

/// One tagged string and its untagged mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub text: String,
    pub label: LabelId,
    /// In text order, not overlapping.
    pub spans: Vec<Span>,
}

/// The suggestions for `doc`: for each distinct tagged string (the first tag of it in text
/// order gives the label), its whole-word mentions that no annotation covers with that label
/// and that no annotation has exactly, nor `rejected` holds. Groups in text order of their first
/// tag; a group without mentions is left out.
pub fn groups(doc: &Document, annotations: &AnnotationSet, rejected: &[Span]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for a in annotations.iter() {
        let text = doc.slice(a.span);
        if seen.contains(&text) {
            continue;
        }
        if seen.len() == MAX_STRINGS {
            break;
        }
        seen.push(text);
        let spans: Vec<Span> = exact(doc.text(), text, true)
            .matches
            .into_iter()
            .filter(|&m| {
                !rejected.contains(&m)
                    && !annotations
                        .overlapping(m)
                        .any(|b| b.span == m || (b.label == a.label && b.span.contains_span(m)))
            })
            .collect();
        if !spans.is_empty() {
            out.push(Group { text: text.to_owned(), label: a.label.clone(), spans });
        }
    }
    out
}

/// Every suggestion of `groups`, in text order (a mention two strings share, the earlier
/// group's).
pub fn flatten(groups: &[Group]) -> Vec<Suggestion> {
    let mut all: Vec<Suggestion> = Vec::new();
    for g in groups {
        for &span in &g.spans {
            all.push(Suggestion { span, label: g.label.clone() });
        }
    }
    crate::support::order::sort_by(&mut all, |a, b| a.span.start().cmp(&b.span.start()));
    let mut out: Vec<Suggestion> = Vec::with_capacity(all.len());
    for s in all {
        if out.last().is_none_or(|l: &Suggestion| l.span.end() <= s.span.start()) {
            out.push(s);
        }
    }
    out
}
