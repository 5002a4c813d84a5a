//! The editor state as Yew holds it: one `Reducible` over the pure model.

use std::rc::Rc;

use yew::Reducible;

use crate::model::{Action, Document, Editor};
use crate::support::time::Time;

pub struct EditorState(pub Editor);

impl Reducible for EditorState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut editor = self.0.clone();
        // Time enters the model here, as a value: the model reads no clock.
        match Time::from_js(js_sys::Date::now()) {
            Some(now) => editor.apply_at(action, now),
            None => editor.apply(action),
        }
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
