//! Every export, as a file to download.

use super::{brat, conll, doccano, labelstudio, spacy, spanmark, w3c, zip, Unit};
use crate::model::annotation::AnnotationSet;
use crate::model::document::{slug, Document};
use crate::model::label::Labels;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Spanmark,
    W3c,
    Brat,
    Doccano,
    LabelStudio,
    Spacy,
    Conll,
}

impl Kind {
    pub const ALL: [Kind; 7] =
        [Kind::Spanmark, Kind::W3c, Kind::Brat, Kind::Doccano, Kind::LabelStudio, Kind::Spacy, Kind::Conll];

    /// What the menu calls it.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Spanmark => "spanmark JSON",
            Kind::W3c => "W3C Web Annotation",
            Kind::Brat => "brat standoff (.zip)",
            Kind::Doccano => "doccano JSONL",
            Kind::LabelStudio => "Label Studio JSON",
            Kind::Spacy => "spaCy JSONL",
            Kind::Conll => "CoNLL BIO",
        }
    }
}

/// A file to download.
pub struct Output {
    pub filename: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
    /// Something the person should know about this export (what CoNLL had to drop).
    pub note: Option<String>,
}

pub fn render(
    kind: Kind,
    doc: &Document,
    labels: &Labels,
    annotations: &AnnotationSet,
    exported_at: &str,
    doccano_unit: Unit,
) -> Output {
    let stem = slug(doc.title());
    let text = |suffix: &str, mime, body: String| Output {
        filename: format!("{stem}{suffix}"),
        mime,
        bytes: body.into_bytes(),
        note: None,
    };
    match kind {
        Kind::Spanmark => {
            text(".spanmark.json", "application/json", spanmark::serialize(doc, labels, annotations, exported_at))
        }
        Kind::W3c => text(".w3c.jsonld", "application/ld+json", w3c::serialize(doc, labels, annotations)),
        Kind::Doccano => {
            text(".doccano.jsonl", "application/jsonl", doccano::serialize(doc, labels, annotations, doccano_unit))
        }
        Kind::LabelStudio => {
            text(".labelstudio.json", "application/json", labelstudio::serialize(doc, labels, annotations))
        }
        Kind::Spacy => text(".spacy.jsonl", "application/jsonl", spacy::serialize(doc, labels, annotations)),
        Kind::Brat => {
            let ann = brat::serialize_ann(doc, labels, annotations);
            let (txt_name, ann_name) = (format!("{stem}.txt"), format!("{stem}.ann"));
            let bytes = zip::write(&[(&txt_name, doc.text().as_bytes()), (&ann_name, ann.as_bytes())]);
            Output { filename: format!("{stem}.brat.zip"), mime: "application/zip", bytes, note: None }
        }
        Kind::Conll => {
            let (body, dropped) = conll::serialize(doc, labels, annotations);
            let mut out = text(".conll", "text/plain", body);
            if dropped > 0 {
                out.note = Some(format!(
                    "CoNLL BIO cannot hold overlapping spans: {dropped} span{} overlapping a longer one {} left out of {}.",
                    if dropped == 1 { "" } else { "s" },
                    if dropped == 1 { "was" } else { "were" },
                    out.filename
                ));
            }
            out
        }
    }
}
