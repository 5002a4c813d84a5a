use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::edge::{self, keys::Key};
use crate::model::{Action, LabelId, Labels};

/// What the key listener reads on each press: as of the last render.
struct Current {
    labels: Rc<Labels>,
    modal: bool,
    onapply: Callback<LabelId>,
    onaction: Callback<Action>,
}

/// Keys anywhere on the page: a label's hotkey goes to `onapply`; Escape, Delete, undo and
/// redo become actions for `onaction`; nothing while `modal` (a dialog is open).
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
    use_effect_with((), move |_| {
        let listener = edge::keys::Listener::on_window("keydown", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
            let (labels, modal, onapply, onaction) = {
                let c = current.borrow();
                (c.labels.clone(), c.modal, c.onapply.clone(), c.onaction.clone())
            };
            if modal {
                return;
            }
            let action = match edge::keys::read(event) {
                Some(Key::Label(c)) => {
                    if let Some(label) = labels.by_hotkey(c) {
                        event.prevent_default();
                        onapply.emit(label.id.clone());
                    }
                    return;
                }
                Some(Key::Escape) => {
                    edge::selection::clear();
                    Action::Escape
                }
                Some(Key::Delete) => Action::RemoveSelected,
                Some(Key::Undo) => Action::Undo,
                Some(Key::Redo) => Action::Redo,
                None => return,
            };
            event.prevent_default();
            onaction.emit(action);
        });
        move || drop(listener)
    });
}
