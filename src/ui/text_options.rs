use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::help_dialog::help_dialog;
use super::hooks::use_view_option;
use crate::edge;
use crate::edge::keys::{Key, Listener};

/// Under the find bar: whether selections snap to whole words (remembered as the view option
/// `snap`, which `edge::selection::snapping` reads), and the keyboard shortcuts, opened by its
/// button or by `?` anywhere outside a field, a dialog or a menu.
#[component]
pub fn TextOptions() -> Html {
    let (snap, onsnap) = use_view_option("snap", ("words", "off"), true);
    let help = use_state_eq(|| false);
    {
        let open = help.setter();
        use_effect_with((), move |_| {
            let listener = Listener::on_window("keydown", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                if edge::keys::read(e) == Some(Key::Help) {
                    e.prevent_default();
                    open.set(true);
                }
            });
            move || drop(listener)
        });
    }
    let onhelp = {
        let help = help.clone();
        Callback::from(move |_: MouseEvent| help.set(true))
    };
    let onclose = {
        let help = help.clone();
        Callback::from(move |_: ()| help.set(false))
    };
    html! {
        <div class="text-options">
            <label class="find-option" title="A selection grows to whole words and leaves punctuation at its edges out; hold Alt while dragging for exact characters">
                <input type="checkbox" checked={snap} onchange={onsnap} />
                { "Snap to words" }
            </label>
            <button class="mini" onclick={onhelp} aria-keyshortcuts="?" title="Keyboard shortcuts (?)">{ "Shortcuts " }<kbd>{ "?" }</kbd></button>
            if *help {
                { help_dialog(&onclose) }
            }
        </div>
    }
}
