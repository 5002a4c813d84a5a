//! Every export, as a file to download: a format of the registry writes the open document.

use super::registry::{Exporting, Format};
use super::{spanmark, Unit};
use crate::model::annotation::AnnotationSet;
use crate::model::document::{slug, Document};
use crate::model::label::Labels;

/// A format chosen for export: a handle on an entry of [`super::FORMATS`] (what the Export as…
/// menu emits). Two kinds are the same when their formats' ids are.
#[derive(Clone, Copy, Debug)]
pub struct Kind(pub &'static Format);

impl Kind {
    /// The native format: the toolbar's "Export JSON" and the notice bar's export.
    #[allow(non_upper_case_globals)]
    pub const Spanmark: Kind = Kind(&spanmark::FORMAT);

    /// What the menu calls it.
    pub fn name(self) -> &'static str {
        self.0.name
    }
}

impl PartialEq for Kind {
    fn eq(&self, other: &Kind) -> bool {
        self.0.id == other.0.id
    }
}

impl Eq for Kind {}

/// A file to download.
pub struct Output {
    /// The document's slug and the format's extension.
    pub filename: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
    /// Something the person should know about this export (what CoNLL had to drop).
    pub note: Option<String>,
}

/// `doc` with its labels and annotations written in `kind`'s format; `doccano_unit` is the unit
/// the person chose, for a format whose offsets are theirs to choose (doccano).
pub fn render(
    kind: Kind,
    doc: &Document,
    labels: &Labels,
    annotations: &AnnotationSet,
    exported_at: &str,
    doccano_unit: Unit,
) -> Output {
    let format = kind.0;
    let stem = slug(doc.title());
    let filename = format!("{stem}{}", format.extension);
    let written = (format.write)(&Exporting {
        doc,
        labels,
        annotations,
        exported_at,
        unit: doccano_unit,
        stem: &stem,
        filename: &filename,
    });
    Output { filename, mime: format.mime, bytes: written.bytes, note: written.note }
}
