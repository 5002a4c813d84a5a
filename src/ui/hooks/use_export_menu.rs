use yew::prelude::*;

use crate::edge;
use crate::edge::focus::{self, Step};
use crate::edge::keys::Listener;

/// The Export as… menu's state (`export_menu`): whether it is open, and which item takes the
/// focus when it is drawn; its button, the menu and the element around both.
#[derive(Clone)]
pub struct MenuState {
    pub open: UseStateHandle<Option<Step>>,
    pub button: NodeRef,
    pub menu: NodeRef,
    pub root: NodeRef,
}

/// The Export as… menu's state, held by the app (the toolbar that draws the menu is a function
/// of the app's). When the menu opens, the focus goes onto an item; while it is open, a press
/// outside closes it.
#[hook]
pub fn use_export_menu() -> MenuState {
    let open = use_state(|| None::<Step>);
    let (button, menu, root) = (use_node_ref(), use_node_ref(), use_node_ref());
    {
        let (menu, root, open) = (menu.clone(), root.clone(), open.clone());
        use_effect_with(open.is_some(), move |is_open| {
            let mut outside = None;
            if *is_open {
                if let (Some(menu), Some(step)) = (menu.cast::<web_sys::Element>(), *open) {
                    edge::viewport::keep_inside_window(&menu);
                    focus::move_in_menu(&menu, step);
                }
                outside = Listener::on_window("pointerdown", move |e| {
                    let target = e.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok());
                    let inside = root.cast::<web_sys::Node>().is_some_and(|r| r.contains(target.as_ref()));
                    if !inside {
                        open.set(None);
                    }
                });
            }
            move || drop(outside)
        });
    }
    MenuState { open, button, menu, root }
}
