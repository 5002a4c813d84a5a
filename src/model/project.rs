//! A project: one document with its labels and annotations. A domain value, whatever file it
//! came from or goes to: the spanmark format reads and writes it whole, the other formats' texts
//! become one each once their spans are placed, and the editor opens it as a document.

use super::annotation::AnnotationSet;
use super::document::Document;
use super::label::Labels;
use super::relation::Relations;

/// A document, its labels (with their definitions), annotations, relations and categories.
/// Invariants: every annotation's label is among `labels` (the spanmark reader refuses a file
/// where one is not; placing another tool's spans adds a label for each new name); both ends
/// of every relation are among `annotations`, and its type among `labels`' relation types;
/// every value set (an annotation's attribute, a category) is one its definition allows.
#[derive(Clone, Debug)]
pub struct Project {
    pub doc: Document,
    pub labels: Labels,
    pub annotations: AnnotationSet,
    pub relations: Relations,
    /// The document's category values, sorted by name, only those set.
    pub attributes: Vec<(String, String)>,
    /// Who made the annotations, as a spanmark file's top-level `annotator` names them; none
    /// for a file that does not say (and for every other format).
    pub annotator: Option<String>,
}

impl Project {
    /// A project with no relations, no category set and no annotator.
    pub fn new(doc: Document, labels: Labels, annotations: AnnotationSet) -> Project {
        Project { doc, labels, annotations, relations: Relations::new(), attributes: Vec::new(), annotator: None }
    }
}
