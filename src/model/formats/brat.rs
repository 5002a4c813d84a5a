//! brat standoff: a `.txt` with the text and an `.ann` with one `T` line per span,
//! `T1<TAB>Actor 17 27<TAB>Ron Dermer`. Offsets are code points (brat's server is Python). A span
//! that crosses a line break becomes fragments, `0 5;6 12`, as brat writes them.

use super::{error, label_name, Foreign, FormatError, Unit};
use crate::model::annotation::AnnotationSet;
use crate::model::document::Document;
use crate::model::label::Labels;
use crate::model::span::Span;
use crate::support::quote::Quoted;

const FORMAT: &str = "brat .ann";

/// The `.ann` file for `annotations` over `doc`.
pub fn serialize_ann(doc: &Document, labels: &Labels, annotations: &AnnotationSet) -> String {
    let mut out = String::new();
    for (n, a) in annotations.iter().enumerate() {
        let fragments: Vec<Span> = doc.paragraphs().iter().filter_map(|p| p.content.intersect(a.span)).collect();
        let fragments = if fragments.is_empty() { vec![a.span] } else { fragments };
        let offsets: Vec<String> = fragments.iter().map(|f| format!("{} {}", f.start(), f.end())).collect();
        let quote: Vec<&str> = fragments.iter().map(|f| doc.slice(*f)).collect();
        // brat types are single tokens.
        let label: String =
            label_name(labels, &a.label).chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect();
        out.push_str(&format!("T{}\t{} {}\t{}\n", n + 1, label, offsets.join(";"), quote.join(" ")));
    }
    out
}

/// The `T` lines of an `.ann` file as spans; other lines (relations, events, notes) are skipped.
/// A span in fragments becomes one span from its first start to its last end.
pub fn parse_ann(input: &str) -> Result<Vec<Foreign>, FormatError> {
    let mut out = Vec::new();
    for (i, line) in input.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if !line.starts_with('T') {
            continue;
        }
        let place = format!("line {}", i + 1);
        let mut fields = line.splitn(3, '\t');
        let (_, Some(middle)) = (fields.next(), fields.next()) else {
            return Err(error(FORMAT, place, "a T line needs a tab after its id"));
        };
        let quote = fields.next().map(str::to_owned);
        let (label, offsets) =
            middle.split_once(' ').ok_or_else(|| error(FORMAT, &place, "expected `Label start end` after the id"))?;
        let mut bounds = Vec::new();
        for fragment in offsets.split(';') {
            let mut nums = fragment.split_whitespace().map(str::parse::<u64>);
            match (nums.next(), nums.next(), nums.next()) {
                (Some(Ok(s)), Some(Ok(e)), None) if s <= e => bounds.push((s, e)),
                _ => return Err(error(FORMAT, &place, format!("{} is not `start end`", Quoted(fragment)))),
            }
        }
        let (Some(first), Some(last)) = (bounds.first(), bounds.last()) else {
            return Err(error(FORMAT, &place, "no offsets"));
        };
        out.push(Foreign {
            label: label.to_owned(),
            start: first.0,
            end: last.1,
            unit: Unit::CodePoint,
            // A fragmented span's quote joins its pieces with spaces: it cannot be checked whole.
            quote: if bounds.len() == 1 { quote } else { None },
            prefix: None,
            suffix: None,
        });
    }
    Ok(out)
}

/// Whether `input` looks like an `.ann` file: its first non-empty line is a brat annotation.
pub fn looks_like_ann(input: &str) -> bool {
    input.lines().map(str::trim).find(|l| !l.is_empty()).is_some_and(|l| {
        let mut parts = l.split('\t');
        let id = parts.next().unwrap_or("");
        let kind = id.chars().next();
        matches!(kind, Some('T' | 'R' | 'E' | 'A' | 'M' | 'N' | '#' | '*'))
            && id[1..].chars().all(|c| c.is_ascii_digit())
            && parts.next().is_some()
    })
}
