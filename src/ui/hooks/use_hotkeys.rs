use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::use_window_listener;
use crate::edge::{self, keys::Key};
use crate::model::{Action, LabelId, Labels};

/// What the key listener reads on each press: as of the last render.
struct Current {
    labels: Rc<Labels>,
    modal: bool,
    onapply: Callback<LabelId>,
    onaction: Callback<Action>,
}

/// Keys anywhere on the page: a label's hotkey goes to `onapply`; Escape, Delete, undo, redo and
/// J/K (the next/previous annotation, unless a label has that key) become actions for
/// `onaction`; nothing while `modal` (a dialog is open). The text's own keys (caret motions,
/// Tab between annotations, Enter) are the article's.
///
/// One listener for the life of the page. It reads the labels, `modal` and the callbacks the
/// latest render gave, so a label an opened file adds to the open document works from its key
/// at once (a listener made with the labels of its time kept the old ones until the next
/// document switch).
#[hook]
pub fn use_hotkeys(labels: Rc<Labels>, modal: bool, onapply: Callback<LabelId>, onaction: Callback<Action>) {
    let current =
        use_mut_ref(|| Current { labels: labels.clone(), modal, onapply: onapply.clone(), onaction: onaction.clone() });
    *current.borrow_mut() = Current { labels, modal, onapply, onaction };
    use_window_listener(
        "keydown",
        Box::new(move |event| {
            let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
            let (labels, modal, onapply, onaction) = {
                let c = current.borrow();
                (c.labels.clone(), c.modal, c.onapply.clone(), c.onaction.clone())
            };
            if modal {
                return;
            }
            let action = match edge::keys::read(event) {
                Some(Key::Label(c)) => match labels.by_hotkey(c) {
                    Some(label) => {
                        event.prevent_default();
                        onapply.emit(label.id.clone());
                        return;
                    }
                    // J and K walk the annotations in text order, when no label has them.
                    None if c.eq_ignore_ascii_case(&'j') || c.eq_ignore_ascii_case(&'k') => {
                        Action::SelectNext { back: c.eq_ignore_ascii_case(&'k') }
                    }
                    None => return,
                },
                Some(Key::Escape) => {
                    edge::selection::clear();
                    Action::Escape
                }
                Some(Key::Delete) => Action::RemoveSelected,
                Some(Key::Undo) => Action::Undo,
                Some(Key::Redo) => Action::Redo,
                // The help dialog listens for its own key.
                Some(Key::Help) | None => return,
            };
            event.prevent_default();
            onaction.emit(action);
        }),
    );
}
