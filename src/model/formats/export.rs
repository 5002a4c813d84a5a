//! Every export, as a file to download: a format of the registry writes the open document.

use super::registry::{Exporting, Format};
use super::Unit;
use crate::model::annotation::AnnotationSet;
use crate::model::document::{slug, Document};
use crate::model::label::Labels;

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
/// that record it (spanmark's top-level `annotator`); `None` or a blank name writes none.
pub fn render_by(
    format: &Format,
    doc: &Document,
    labels: &Labels,
    annotations: &AnnotationSet,
    exported_at: &str,
    doccano_unit: Unit,
    annotator: Option<&str>,
) -> Output {
    let stem = slug(doc.title());
    let filename = format!("{stem}{}", format.extension);
    let written = (format.write)(&Exporting {
        doc,
        labels,
        annotations,
        exported_at,
        unit: doccano_unit,
        annotator: annotator.filter(|n| !n.trim().is_empty()),
        stem: &stem,
        filename: &filename,
    });
    Output { filename, mime: format.mime, bytes: written.bytes, note: written.note }
}
