//! brat standoff: a `.txt` with the text and an `.ann` with one `T` line per span,
//! `T1<TAB>Actor 17 27<TAB>Ron Dermer`. Offsets are code points (brat's server is Python). A span
//! that crosses a line break becomes fragments, `0 5;6 12`, as brat writes them. Exported as an
//! uncompressed zip of the two; read from such a zip (each `.ann` with the `.txt` of its name
//! becomes a document) or from an `.ann` alone (its spans go onto the open document).

use super::coding::Keys;
use super::export::{left_out, Carries};
use super::registry::{utf8, Exporting, Format, NotText, Offsets, Read, ReadError, Reader, Record, Written};
use super::{error, label_name, zip, Foreign, ForeignAttribute, ForeignRelation, FormatError, Unit};
use crate::model::annotation::{AnnotationId, AnnotationSet};
use crate::model::document::Document;
use crate::model::label::Labels;
use crate::model::relation::Relations;
use crate::model::span::Span;
use crate::support::chars::map_chars;
use crate::support::order::Index;
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
            read: |text| {
                let (spans, relations) = parse_ann(text)?;
                Ok(Read::Onto { tool: FORMAT.tool, spans, relations })
            },
        },
    ],
    write: write_zip,
};

/// The zip: `{stem}.txt` and `{stem}.ann`. The document's categories have no place in brat.
fn write_zip(e: &Exporting<'_>) -> Written {
    let ann = ann(e.doc, e.labels, e.annotations, e.relations);
    let (txt_name, ann_name) = (format!("{}.txt", e.stem), format!("{}.ann", e.stem));
    let bytes = zip::write(&[(&txt_name, e.doc.text().as_bytes()), (&ann_name, ann.as_bytes())]);
    let carries = Carries { categories: false, ..Carries::ALL };
    Written { bytes, note: None }.noting(left_out(e, FORMAT.name, carries))
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
        let (spans, relations) = parse_ann(&ann)?;
        records.push(Record { title: Some(txt.0.clone()), text, spans, relations, attributes: Vec::new() });
    }
    if records.is_empty() {
        return Err(fail("it holds no .ann file".to_owned()));
    }
    Ok(Read::Documents { tool: FORMAT.tool, records })
}

/// The `.ann` file for `annotations` over `doc` (its spans alone).
pub fn serialize_ann(doc: &Document, labels: &Labels, annotations: &AnnotationSet) -> String {
    ann(doc, labels, annotations, &Relations::new())
}

/// The `.ann` file: a `T` line per annotation (in text order), then an `A` line per attribute
/// value set (`A1<TAB>stance T3 denies`), a `#` line per note (`#1<TAB>AnnotatorNotes T3<TAB>…`,
/// its line breaks as spaces) and an `R` line per relation (`R1<TAB>said_by Arg1:T3 Arg2:T1`,
/// the type's id). brat's names are single tokens: spaces in them are written `_`.
pub fn ann(doc: &Document, labels: &Labels, annotations: &AnnotationSet, relations: &Relations) -> String {
    let token = |s: &str| map_chars(s, |c| if c.is_whitespace() { '_' } else { c });
    let mut out = String::new();
    let (mut attributes, mut notes) = (String::new(), String::new());
    let (mut a_n, mut n_n) = (0, 0);
    for (n, a) in annotations.iter().enumerate() {
        let mut fragments: Vec<Span> = Vec::new();
        for p in doc.paragraphs() {
            fragments.extend(p.content.intersect(a.span));
        }
        let fragments = if fragments.is_empty() { vec![a.span] } else { fragments };
        let offsets: Vec<String> = fragments.iter().map(|f| format!("{} {}", f.start(), f.end())).collect();
        let quote: Vec<&str> = fragments.iter().map(|f| doc.slice(*f)).collect();
        let label = token(label_name(labels, &a.label));
        out.push_str(&format!("T{}\t{} {}\t{}\n", n + 1, label, offsets.join(";"), quote.join(" ")));
        for (name, value) in &a.attributes {
            a_n += 1;
            attributes.push_str(&format!("A{a_n}\t{} T{} {}\n", token(name), n + 1, token(value)));
        }
        if let Some(note) = &a.note {
            n_n += 1;
            let note = map_chars(note, |c| if c == '\n' || c == '\r' { ' ' } else { c });
            notes.push_str(&format!("#{n_n}\tAnnotatorNotes T{}\t{note}\n", n + 1));
        }
    }
    out.push_str(&attributes);
    out.push_str(&notes);
    let mut ids = Vec::with_capacity(annotations.len());
    for a in annotations.iter() {
        ids.push(a.id.as_str());
    }
    let index = Index::new(ids);
    let t = |id: &AnnotationId| index.find(id.as_str()).next().map(|i| i + 1);
    for (n, r) in relations.iter().enumerate() {
        if let (Some(from), Some(to)) = (t(&r.from), t(&r.to)) {
            out.push_str(&format!("R{}\t{} Arg1:T{from} Arg2:T{to}\n", n + 1, token(&r.kind)));
        }
    }
    out
}

/// What an `.ann` file holds: its spans (`T` lines, with the notes of `#` lines and the
/// attributes of `A`/`M` lines on them) and its relations (`R` lines). Events, normalisations
/// and equivalences are skipped. A span in fragments becomes one span from its first start to
/// its last end. A relation, attribute or note naming a `T` id the file does not have is refused
/// with its line.
pub fn parse_ann(input: &str) -> Result<(Vec<Foreign>, Vec<ForeignRelation>), FormatError> {
    let mut out = Vec::new();
    let mut ids: Vec<&str> = Vec::new();
    for (i, line) in input.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if !line.starts_with('T') {
            continue;
        }
        let place = format!("line {}", i + 1);
        let mut fields = line.splitn(3, '\t');
        let (Some(id), Some(middle)) = (fields.next(), fields.next()) else {
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
        ids.push(id);
        out.push(Foreign {
            // A fragmented span's quote joins its pieces with spaces: it cannot be checked whole.
            quote: if bounds.len() == 1 { quote } else { None },
            ..Foreign::at(label, first.0, last.1, Unit::CodePoint)
        });
    }
    let keys = Keys::new(ids);
    let mut relations = Vec::new();
    for (i, line) in input.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        let place = format!("line {}", i + 1);
        let mut fields = line.splitn(3, '\t');
        let (Some(id), Some(middle)) = (fields.next(), fields.next()) else { continue };
        let mut words = middle.split(' ').filter(|w| !w.is_empty());
        let kind = words.next().unwrap_or("");
        // The span a line is about: an id the file's T lines have.
        let span = |id: &str, what: &str| {
            keys.find(id).ok_or_else(|| error(NAME, &place, format!("{what} {} is not a T line's id", Quoted(id))))
        };
        match id.chars().next() {
            Some('R') => {
                // `R1<TAB>said_by Arg1:T3 Arg2:T1`: from the first argument to the second.
                let mut args = words.map(|w| w.split_once(':').map_or(w, |(_, id)| id));
                let (Some(from), Some(to)) = (args.next(), args.next()) else {
                    return Err(error(NAME, place, "a relation needs `Type Arg1:T1 Arg2:T2`"));
                };
                let (from, to) = (span(from, "Arg1")?, span(to, "Arg2")?);
                relations.push(ForeignRelation { from, to, kind: kind.to_owned(), created: None, place });
            }
            Some('A' | 'M') => {
                // `A1<TAB>stance T3 denies`; a binary attribute has no value: `A2<TAB>Negated T3`.
                let Some(target) = words.next() else {
                    return Err(error(NAME, place, "an attribute needs `Name T1 [value]`"));
                };
                if !target.starts_with('T') {
                    continue; // on an event or a relation: spanmark has none
                }
                let at = span(target, "the attribute's span")?;
                let value = words.next().unwrap_or("true").to_owned();
                out[at].attributes.push(ForeignAttribute { name: kind.to_owned(), value, place });
            }
            Some('#') if kind == "AnnotatorNotes" => {
                let Some(target) = words.next().filter(|t| t.starts_with('T')) else { continue };
                let at = span(target, "the note's span")?;
                let note = fields.next().unwrap_or("").trim();
                if !note.is_empty() {
                    let joined = match out[at].note.take() {
                        Some(before) => format!("{before}\n{note}"),
                        None => note.to_owned(),
                    };
                    out[at].note = Some(joined);
                }
            }
            _ => {}
        }
    }
    Ok((out, relations))
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
