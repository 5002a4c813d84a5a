//! Every export, as a file to download: a format of the registry writes the open document.

use super::registry::{Exporting, Format};
use super::Unit;
use crate::model::annotation::AnnotationSet;
use crate::model::document::{slug, Document};
use crate::model::label::Labels;
use crate::model::relation::Relations;

/// What an export writes of one document: the text, its tag set (labels and definitions),
/// annotations, relations and category values (sorted by name).
#[derive(Clone, Copy)]
pub struct Parts<'a> {
    pub doc: &'a Document,
    pub labels: &'a Labels,
    pub annotations: &'a AnnotationSet,
    pub relations: &'a Relations,
    pub attributes: &'a [(String, String)],
}

/// A file to download.
pub struct Output {
    /// The document's slug and the format's extension.
    pub filename: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
    /// Something the person should know about this export (what CoNLL had to drop).
    pub note: Option<String>,
}

/// `doc` with its labels and annotations written in `format` (an entry of [`super::FORMATS`]);
/// `doccano_unit` is the unit the person chose, for a format whose offsets are theirs to choose
/// (doccano). Names no annotator: see [`render_by`].
pub fn render(
    format: &Format,
    doc: &Document,
    labels: &Labels,
    annotations: &AnnotationSet,
    exported_at: &str,
    doccano_unit: Unit,
) -> Output {
    render_by(format, doc, labels, annotations, exported_at, doccano_unit, None)
}

/// As [`render`], naming the person who annotated (the "Your name" setting), for the formats
/// that record it (spanmark's top-level `annotator`); `None` or a blank name writes none. No
/// relations and no categories: see [`render_parts`].
pub fn render_by(
    format: &Format,
    doc: &Document,
    labels: &Labels,
    annotations: &AnnotationSet,
    exported_at: &str,
    doccano_unit: Unit,
    annotator: Option<&str>,
) -> Output {
    let relations = Relations::new();
    let parts = Parts { doc, labels, annotations, relations: &relations, attributes: &[] };
    render_parts(format, parts, exported_at, doccano_unit, annotator)
}

/// A document with everything it carries (`parts`) written in `format`, as [`render_by`].
pub fn render_parts(
    format: &Format,
    parts: Parts<'_>,
    exported_at: &str,
    doccano_unit: Unit,
    annotator: Option<&str>,
) -> Output {
    let stem = slug(parts.doc.title());
    let filename = format!("{stem}{}", format.extension);
    let written = (format.write)(&Exporting {
        doc: parts.doc,
        labels: parts.labels,
        annotations: parts.annotations,
        relations: parts.relations,
        attributes: parts.attributes,
        exported_at,
        unit: doccano_unit,
        annotator: annotator.filter(|n| !n.trim().is_empty()),
        stem: &stem,
        filename: &filename,
    });
    Output { filename, mime: format.mime, bytes: written.bytes, note: written.note }
}

/// What a format can hold beside spans and labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Carries {
    pub relations: bool,
    pub notes: bool,
    /// Annotations' attribute values.
    pub attributes: bool,
    /// The document's category values.
    pub categories: bool,
}

impl Carries {
    pub const ALL: Carries = Carries { relations: true, notes: true, attributes: true, categories: true };
    /// Spans and labels only (spaCy, CoNLL).
    pub const SPANS: Carries = Carries { relations: false, notes: false, attributes: false, categories: false };
}

/// What `e` holds that a format carrying `carries` leaves out, counted, as a sentence for the
/// person exporting ("doccano JSONL cannot hold notes or attributes: 2 notes and 3 attribute
/// values are not in x.doccano.jsonl."); `None` when nothing is left out.
pub fn left_out(e: &Exporting<'_>, format: &str, carries: Carries) -> Option<String> {
    let notes = e.annotations.iter().filter(|a| a.note.is_some()).count();
    let attributes = e.annotations.iter().map(|a| a.attributes.len()).sum();
    let rows = [
        (carries.relations, e.relations.len(), "relation", "relations"),
        (carries.notes, notes, "note", "notes"),
        (carries.attributes, attributes, "attribute value", "attribute values"),
        (carries.categories, e.attributes.len(), "document category", "document categories"),
    ];
    let mut dropped: Vec<&(bool, usize, &str, &str)> = Vec::new();
    for r in rows.iter().filter(|r| !r.0 && r.1 > 0) {
        dropped.push(r);
    }
    let (mut kinds, mut counted, mut total) = (String::new(), String::new(), 0);
    for (i, (_, n, one, many)) in dropped.iter().enumerate() {
        let last = i > 0 && i + 1 == dropped.len();
        let gap = |word: &str| {
            if last {
                format!(" {word} ")
            } else if i > 0 {
                ", ".to_owned()
            } else {
                String::new()
            }
        };
        kinds.push_str(&gap("or"));
        kinds.push_str(many);
        counted.push_str(&gap("and"));
        counted.push_str(&format!("{n} {}", if *n == 1 { one } else { many }));
        total += n;
    }
    (total > 0).then(|| {
        let verb = if total == 1 { "is" } else { "are" };
        format!("{format} cannot hold {kinds}: {counted} {verb} not in {}.", e.filename)
    })
}
