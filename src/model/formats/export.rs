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
