//! A project: one document with its labels and annotations. A domain value, whatever file it
//! came from or goes to: the spanmark format reads and writes it whole, the other formats' texts
//! become one each once their spans are placed, and the editor opens it as a document.

use super::annotation::AnnotationSet;
use super::document::Document;
use super::label::Labels;

/// A document, its labels and its annotations. Invariant: every annotation's label is among
/// `labels` (the spanmark reader refuses a file where one is not; placing another tool's spans
/// adds a label for each new name).
#[derive(Clone, Debug)]
pub struct Project {
    pub doc: Document,
    pub labels: Labels,
    pub annotations: AnnotationSet,
    /// Who made the annotations, as a spanmark file's top-level `annotator` names them; none
    /// for a file that does not say (and for every other format).
    pub annotator: Option<String>,
}
