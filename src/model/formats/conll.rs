//! CoNLL BIO (export only): one token per line, `token<TAB>B-Label`, `I-Label` or `O`, a blank
//! line between paragraphs. Tokens are runs of non-space characters, cut at every span edge and
//! before trailing punctuation, so every span that is kept lands on whole tokens. BIO cannot
//! hold overlapping spans: where spans overlap, the longest keeps its tokens and the others are
//! dropped, and the count of dropped spans is returned so the UI can say so.

use crate::model::annotation::{outermost_first, Annotation, AnnotationSet};
use crate::model::document::Document;
use crate::model::label::Labels;
use crate::model::span::Span;
use crate::support::order::sort_by;

use super::export::{left_out, Carries};
use super::label_name;
use super::registry::{Exporting, Format, Offsets, Written};

pub const FORMAT: Format = Format {
    id: "conll",
    tool: "CoNLL",
    name: "CoNLL BIO",
    extension: ".conll",
    mime: "text/plain",
    offsets: Offsets::Tokens,
    read: &[],
    write,
};

/// The file, and a note naming what it left out.
fn write(e: &Exporting<'_>) -> Written {
    let (body, dropped) = serialize(e.doc, e.labels, e.annotations);
    let mut out = Written::text(body);
    if dropped > 0 {
        out.note = Some(format!(
            "CoNLL BIO cannot hold overlapping spans: {dropped} span{} overlapping a longer one {} left out of {}.",
            if dropped == 1 { "" } else { "s" },
            if dropped == 1 { "was" } else { "were" },
            e.filename
        ));
    }
    out.noting(left_out(e, FORMAT.name, Carries::SPANS))
}

/// The BIO text, and how many spans it had to drop.
pub fn serialize(doc: &Document, labels: &Labels, annotations: &AnnotationSet) -> (String, usize) {
    // Keep spans longest first, each only if it overlaps none kept before.
    let mut order: Vec<&Annotation> = Vec::with_capacity(annotations.len());
    for a in annotations.iter() {
        order.push(a);
    }
    sort_by(&mut order, |a, b| outermost_first(a, b));
    let mut kept: Vec<&Annotation> = Vec::new();
    for a in order {
        if kept.iter().all(|k| !k.span.overlaps(a.span)) {
            kept.push(a);
        }
    }
    let dropped = annotations.len() - kept.len();
    sort_by(&mut kept, |a, b| a.span.cmp(&b.span));
    let mut cuts: Vec<u32> = Vec::with_capacity(2 * kept.len());
    for a in &kept {
        cuts.extend([a.span.start(), a.span.end()]);
    }
    let mut out = String::new();
    for p in doc.paragraphs() {
        let mut any = false;
        for token in tokens(doc, p.content, &cuts) {
            let tag = match kept.iter().find(|a| a.span.contains_span(token)) {
                Some(a) if a.span.start() == token.start() => format!("B-{}", label_name(labels, &a.label)),
                Some(a) => format!("I-{}", label_name(labels, &a.label)),
                None => "O".to_owned(),
            };
            out.push_str(doc.slice(token));
            out.push('\t');
            out.push_str(&tag.replace(char::is_whitespace, "_"));
            out.push('\n');
            any = true;
        }
        if any {
            out.push('\n');
        }
    }
    (out, dropped)
}

fn is_punct(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '[' | ']' | '{' | '}')
}

/// The tokens of `range`: non-space runs, cut at `cuts` and around brackets and final punctuation.
fn tokens(doc: &Document, range: Span, cuts: &[u32]) -> Vec<Span> {
    let text = doc.slice(range);
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start: Option<u32> = None;
    for (i, &c) in chars.iter().enumerate() {
        let at = range.start() + i as u32;
        if let Some(s) = start {
            let next_is_space = chars.get(i + 1).is_none_or(|n| n.is_whitespace());
            let cut = cuts.contains(&at)
                || (is_punct(c) && (next_is_space || matches!(c, '(' | ')' | '[' | ']')))
                || (matches!(chars[i - 1], '(' | '['));
            if c.is_whitespace() || cut {
                out.push(Span::new(s, at));
                start = None;
            }
        }
        if !c.is_whitespace() && start.is_none() {
            start = Some(at);
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s, range.end()));
    }
    out.retain(|t| !t.is_empty());
    out
}
