use yew::prelude::*;

use crate::edge;
use crate::ui::drawer::Drawer;

/// Focus follows the open drawer: into its Close button when it opens, back to what had it
/// (the drawer's toolbar button) when it closes.
#[hook]
pub fn use_drawer_focus(open: Option<Drawer>) {
    use_effect_with(open, move |open| {
        let before = open.and_then(|drawer| {
            let before = edge::focus::active();
            edge::focus::give_first(drawer.close_button());
            before
        });
        move || {
            if let Some(el) = before {
                edge::focus::give(&el);
            }
        }
    });
}
