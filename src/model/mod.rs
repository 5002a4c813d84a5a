//! The pure model: document, spans, labels, annotations, history, formats. No browser crate is
//! imported anywhere below this module; everything here is tested natively with `cargo test`.

pub mod adjudication;
pub mod agreement;
pub mod annotation;
pub mod bulk;
pub mod caret;
pub mod contrast;
pub mod definitions;
pub mod document;
pub mod editor;
pub mod formats;
pub mod graphemes;
pub mod history;
pub mod input;
pub mod label;
pub mod label_edit;
pub mod layout;
pub mod persist;
pub mod project;
mod refusal;
pub mod relation;
pub mod search;
pub mod segments;
pub mod span;
pub mod stats;
pub mod suggest;
pub mod title;
pub mod words;

pub use annotation::{Annotation, AnnotationId, AnnotationSet};
pub use definitions::{AttributeDef, RelationType};
pub use document::{Document, Paragraph};
pub use editor::{Action, DocState, Editor, ImportChoice, Notice, Restored, Saving, READ_ONLY_NOTICE};
pub use label::{Label, LabelId, Labels};
pub use label_edit::LabelChange;
pub use project::Project;
pub use relation::{Relation, RelationId, Relations};
pub use span::{Span, Utf16};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
