use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::edge;

/// A view option a checkbox turns on and off, remembered across visits (`edge::dom::view_option`
/// under `name`, stored as `on` or `off`; `default` when nothing is stored). Returns whether it
/// is on and the checkbox's `onchange`.
#[hook]
pub fn use_view_option(
    name: &'static str,
    values: (&'static str, &'static str),
    default: bool,
) -> (bool, Callback<Event>) {
    let (on, off) = values;
    let state = use_state_eq(move || match edge::dom::view_option(name).as_deref() {
        Some(v) if v == on => true,
        Some(v) if v == off => false,
        _ => default,
    });
    let onchange = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                edge::dom::set_view_option(name, if input.checked() { on } else { off });
                state.set(input.checked());
            }
        })
    };
    (*state, onchange)
}
