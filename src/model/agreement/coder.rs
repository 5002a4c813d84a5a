//! An annotator's spans of one text: from the open document, or from a file of any format
//! spanmark opens, checked to be of the same text.

use crate::model::annotation::AnnotationSet;
use crate::model::document::Document;
use crate::model::formats::{self, FORMATS};
use crate::model::input::{self, Opened, Options, Report};
use crate::model::label::Labels;
use crate::model::project::Project;
use crate::support::order::sort_by;
use crate::support::quote::Quoted;

/// One annotator's spans of one text, in code points, labelled by label id.
///
/// Invariant: `spans` is sorted (by start, end, label) and holds no duplicate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coder {
    pub name: String,
    pub spans: Vec<Coded>,
}

impl Coder {
    /// A coder from spans in any order, sorted and with duplicates removed.
    pub fn new(name: impl Into<String>, mut spans: Vec<Coded>) -> Coder {
        sort_by(&mut spans, Coded::cmp);
        spans.dedup();
        Coder { name: name.into(), spans }
    }
}

/// One span: `[start, end)` in code points, and its label's id. Ordered by start, end, label.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Coded {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

/// The open document's own annotations as a coder named `name`. (`labels` is the document's
/// tag set; the annotations already carry its ids.)
pub fn coder_of(name: &str, doc: &Document, annotations: &AnnotationSet, labels: &Labels) -> Coder {
    let _ = (doc, labels);
    let mut spans = Vec::with_capacity(annotations.len());
    for a in annotations.iter() {
        spans.push(Coded {
            start: a.span.start() as usize,
            end: a.span.end() as usize,
            label: a.label.as_str().to_owned(),
        });
    }
    Coder::new(name, spans)
}

/// Reads a file of any format spanmark opens (through the same registry as Open) as the spans of
/// `doc`'s text. A file that holds its text (spanmark, doccano, Label Studio, spaCy, a brat zip)
/// must hold the same text (by SHA-256): otherwise the error names both titles. A file of spans
/// alone (W3C, a brat `.ann`) is anchored on `doc`, and refused if a span cannot be placed on it
/// (as when the `.ann` is of another text). Labels are matched to `labels` by id or name
/// (ignoring ASCII case); a label spanmark does not know keeps its own id.
///
/// The coder is named by a spanmark file's `annotator`, else by the file name without its
/// extension(s) (`ben.spanmark.json` → `ben`).
pub fn read_coder(file_name: &str, bytes: &[u8], doc: &Document, labels: &Labels) -> Result<Coder, String> {
    let opened = input::open(file_name, bytes, Options::default()).map_err(|e| e.to_string())?;
    let fallback = base_name(file_name);
    match opened {
        Opened::Project(project) => {
            let name = project.annotator.clone().filter(|n| !n.trim().is_empty()).unwrap_or(fallback);
            same_text(file_name, &project, doc)?;
            Ok(spans_of(name, &project.annotations, &project.labels, labels))
        }
        Opened::Imported { docs, .. } => {
            let Some((project, report)) = docs.iter().find(|(p, _)| p.doc.sha256() == doc.sha256()) else {
                let first = docs.first().map_or("", |(p, _)| p.doc.title());
                return Err(other_text(file_name, first, doc));
            };
            all_placed(file_name, report, doc)?;
            Ok(spans_of(fallback, &project.annotations, &project.labels, labels))
        }
        Opened::Onto { spans, .. } => {
            let (placed_labels, set, report) = formats::place(doc, labels, &spans);
            all_placed(file_name, &report, doc)?;
            Ok(spans_of(fallback, &set, &placed_labels, labels))
        }
        Opened::Text { .. } => Err(format!(
            "{file_name} is a plain text, not annotations: add a file of annotations of {}",
            Quoted(doc.title())
        )),
    }
}

/// Refuses a file some of whose spans could not be placed on the text: its figures would count
/// an annotator's spans as missing that are only lost. (Spans found by their quote are kept.)
fn all_placed(file_name: &str, report: &Report, doc: &Document) -> Result<(), String> {
    if report.lost.is_empty() {
        return Ok(());
    }
    let total = report.placed + report.duplicates + report.lost.len();
    let mut message = format!(
        "{file_name} does not fit {}: {} of its {total} spans are not in the text",
        Quoted(doc.title()),
        report.lost.len()
    );
    if let Some(hint) = &report.hint {
        message.push_str("; ");
        message.push_str(hint);
    }
    Err(message)
}

fn same_text(file_name: &str, project: &Project, doc: &Document) -> Result<(), String> {
    if project.doc.sha256() == doc.sha256() {
        Ok(())
    } else {
        Err(other_text(file_name, project.doc.title(), doc))
    }
}

/// "ben.json is of "other.txt", not "article.txt"".
fn other_text(file_name: &str, theirs: &str, doc: &Document) -> String {
    format!("{file_name} is of {}, not {}", Quoted(theirs), Quoted(doc.title()))
}

/// A file's annotations as a coder, their labels (`own`, the file's) mapped onto `labels` by id
/// or name.
fn spans_of(name: String, annotations: &AnnotationSet, own: &Labels, labels: &Labels) -> Coder {
    let mut spans = Vec::with_capacity(annotations.len());
    for a in annotations.iter() {
        let own = own.get(&a.label);
        let known = labels.iter().find(|l| {
            l.id.as_str().eq_ignore_ascii_case(a.label.as_str())
                || own.is_some_and(|o| l.name.eq_ignore_ascii_case(&o.name))
        });
        let label = known.map_or(a.label.as_str(), |l| l.id.as_str()).to_owned();
        spans.push(Coded { start: a.span.start() as usize, end: a.span.end() as usize, label });
    }
    Coder::new(name, spans)
}

/// The file name without a format's extension (`.spanmark.json`, `.doccano.jsonl`…) or, if it
/// has none of them, without its last extension; the whole name if that would leave nothing.
fn base_name(file_name: &str) -> String {
    let lower = file_name.to_ascii_lowercase();
    let known = FORMATS.iter().map(|f| f.extension).filter(|e| lower.ends_with(*e)).max_by_key(|e| e.len());
    let cut = match known {
        Some(ext) => file_name.len() - ext.len(),
        None => file_name.rfind('.').unwrap_or(file_name.len()),
    };
    let base = file_name.get(..cut).unwrap_or(file_name);
    if base.is_empty() { file_name } else { base }.to_owned()
}

#[cfg(test)]
mod tests {
    use super::base_name;

    #[test]
    fn names_drop_their_extensions() {
        assert_eq!(base_name("ben.spanmark.json"), "ben");
        assert_eq!(base_name("ben.json"), "ben");
        assert_eq!(base_name("ana.ann"), "ana");
        assert_eq!(base_name("cy.doccano.jsonl"), "cy");
        assert_eq!(base_name("dee"), "dee");
        assert_eq!(base_name(".json"), ".json");
    }
}
