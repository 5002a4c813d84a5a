//! The editor state as Yew holds it: one `Reducible` over the pure model.

use std::rc::Rc;

use yew::Reducible;

use crate::model::{Action, Document, Editor, Labels};

pub struct EditorState(pub Editor);

impl EditorState {
    pub fn seed() -> EditorState {
        let doc = match Document::new(super::SEED_TITLE, super::SEED_TEXT) {
            Ok(doc) => doc,
            // The seed is a few kilobytes; only a text of 4 GiB is refused.
            Err(e) => panic!("the seed article: {e}"),
        };
        EditorState(Editor::new(doc, Labels::news()))
    }
}

impl Reducible for EditorState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut editor = self.0.clone();
        editor.apply(action);
        Rc::new(EditorState(editor))
    }
}

/// Compares by identity: the document is immutable, so the same `Rc` means the same text.
#[derive(Clone)]
pub struct DocRef(pub Rc<Document>);

impl PartialEq for DocRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
