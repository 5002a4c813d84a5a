//! brat standoff: a `.txt` with the text and an `.ann` with one `T` line per span,
//! `T1<TAB>Actor 17 27<TAB>Ron Dermer`. Offsets are code points (brat's server is Python). A span
//! that crosses a line break becomes fragments, `0 5;6 12`, as brat writes them. Exported as an
//! uncompressed zip of the two; read from such a zip (each `.ann` with the `.txt` of its name
//! becomes a document) or from an `.ann` alone (its spans go onto the open document).

use super::registry::{utf8, Format, NotText, Offsets, Read, ReadError, Reader, Record, Written};
use super::{error, label_name, zip, Foreign, FormatError, Unit};
use crate::model::annotation::AnnotationSet;
use crate::model::document::Document;
use crate::model::label::Labels;
use crate::model::span::Span;
use crate::support::quote::Quoted;

const NAME: &str = "brat .ann";

pub const FORMAT: Format = Format {
    id: "brat",
    tool: "brat",
    name: "brat standoff (.zip)",
    extension: ".brat.zip",
    mime: "application/zip",
    offsets: Offsets::In(Unit::CodePoint),
    read: &[
        Reader::Bytes { detect: zip::is_zip, read: read_zip },
        Reader::Text {
            detect: |name, body| name.to_ascii_lowercase().ends_with(".ann") || looks_like_ann(body),
            read: |text| Ok(Read::Onto { tool: FORMAT.tool, spans: parse_ann(text)? }),
        },
    ],
    write: write_zip,
};

/// The zip: `{stem}.txt` and `{stem}.ann`.
fn write_zip(e: &super::registry::Exporting<'_>) -> Written {
    let ann = serialize_ann(e.doc, e.labels, e.annotations);
    let (txt_name, ann_name) = (format!("{}.txt", e.stem), format!("{}.ann", e.stem));
    let bytes = zip::write(&[(&txt_name, e.doc.text().as_bytes()), (&ann_name, ann.as_bytes())]);
    Written { bytes, note: None }
}

/// A zip with a brat `.txt` and its `.ann`, or several: a document for each `.ann`, titled with
/// its `.txt`'s name.
fn read_zip(bytes: &[u8]) -> Result<Read, ReadError> {
    let fail = |message: String| ReadError::Format(error("brat zip", "", message));
    let entries = zip::read(bytes).map_err(fail)?;
    let mut records = Vec::new();
    for (ann_name, ann) in entries.iter().filter(|(n, _)| n.ends_with(".ann")) {
        let stem = &ann_name[..ann_name.len() - 4];
        let txt = entries
            .iter()
            .find(|(n, _)| n.strip_suffix(".txt") == Some(stem))
            .ok_or_else(|| fail(format!("{ann_name} has no {stem}.txt beside it")))?;
        let text = utf8(&txt.1).map_err(|problem| ReadError::Entry { name: txt.0.clone(), problem })?;
        // An empty `.ann` is a text without annotations.
        let ann = match utf8(ann) {
            Ok(ann) => ann,
            Err(NotText::Empty) => String::new(),
            Err(problem) => return Err(ReadError::Entry { name: ann_name.clone(), problem }),
        };
        records.push(Record { title: Some(txt.0.clone()), text, spans: parse_ann(&ann)? });
    }
    if records.is_empty() {
        return Err(fail("it holds no .ann file".to_owned()));
    }
    Ok(Read::Documents { tool: FORMAT.tool, records })
}

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
            return Err(error(NAME, place, "a T line needs a tab after its id"));
        };
        let quote = fields.next().map(str::to_owned);
        let (label, offsets) =
            middle.split_once(' ').ok_or_else(|| error(NAME, &place, "expected `Label start end` after the id"))?;
        let mut bounds = Vec::new();
        for fragment in offsets.split(';') {
            let mut nums = fragment.split_whitespace().map(str::parse::<u64>);
            match (nums.next(), nums.next(), nums.next()) {
                (Some(Ok(s)), Some(Ok(e)), None) if s <= e => bounds.push((s, e)),
                _ => return Err(error(NAME, &place, format!("{} is not `start end`", Quoted(fragment)))),
            }
        }
        let (Some(first), Some(last)) = (bounds.first(), bounds.last()) else {
            return Err(error(NAME, &place, "no offsets"));
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
            created: None,
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
