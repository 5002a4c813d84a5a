use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::state::DocRef;
use crate::edge;
use crate::edge::selection::Show;
use crate::model::search::{find, Found};
use crate::model::Span;

#[derive(Properties, PartialEq)]
pub struct FindBarProps {
    pub doc: DocRef,
    /// The match to show (drawn, scrolled to, then marked or selected in the text); `None`
    /// when there is none.
    pub onfound: Callback<Option<(Span, Show)>>,
}

/// The app's own find, over the whole document (a long one is drawn only in part, so the
/// browser's find cannot see all of it). Ctrl+F comes here. Enter / Shift+Enter step through the
/// matches, each marked in the text; Escape selects the current one, so 1–4 then tags it.
#[component]
pub fn FindBar(props: &FindBarProps) -> Html {
    let input_ref = use_node_ref();
    let query = use_state(String::new);
    let current = use_state(|| 0usize);
    let found: Rc<Found> = use_memo((props.doc.clone(), (*query).clone()), |(doc, query)| find(doc.0.text(), query));

    // Ctrl+F / Cmd+F: here, not the browser's find.
    {
        let input_ref = input_ref.clone();
        use_effect_with((), move |_| {
            let listener = edge::keys::Listener::on_window("keydown", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                if edge::keys::is_find(event) {
                    if let Some(input) = input_ref.cast::<web_sys::HtmlInputElement>() {
                        event.prevent_default();
                        let _ = input.focus();
                        input.select();
                    }
                }
            });
            move || drop(listener)
        });
    }

    let show = {
        let (found, current, onfound) = (found.clone(), current.clone(), props.onfound.clone());
        move |index: usize| {
            if let Some(&span) = found.matches.get(index) {
                current.set(index);
                onfound.emit(Some((span, Show::Mark)));
            }
        }
    };
    let step = {
        let (found, current, show) = (found.clone(), current.clone(), show.clone());
        move |forward: bool| {
            let n = found.matches.len();
            if n > 0 {
                show(if forward { (*current + 1) % n } else { (*current + n - 1) % n });
            }
        }
    };
    let oninput = {
        let (query, current) = (query.clone(), current.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                current.set(0);
                query.set(input.value());
            }
        })
    };
    // A new query shows its first match.
    {
        let (show, onfound) = (show.clone(), props.onfound.clone());
        use_effect_with(found.clone(), move |found| {
            if found.matches.is_empty() {
                onfound.emit(None);
            } else {
                show(0);
            }
        });
    }
    let onkeydown = {
        let (step, input_ref, onfound) = (step.clone(), input_ref.clone(), props.onfound.clone());
        let here = found.matches.get(*current).copied();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                e.prevent_default();
                step(!e.shift_key());
            }
            "Escape" => {
                // Back to the text, with the match selected for a label key.
                if let Some(input) = input_ref.cast::<web_sys::HtmlElement>() {
                    let _ = input.blur();
                }
                onfound.emit(here.map(|span| (span, Show::Select)));
                e.stop_propagation();
            }
            _ => {}
        })
    };
    let status = match (found.matches.len(), query.is_empty()) {
        (_, true) => String::new(),
        (0, false) => "No matches".to_owned(),
        (n, false) => format!("{} of {}{}", *current + 1, n, if found.truncated { "+" } else { "" }),
    };
    let (prev, next) = (step.clone(), step);
    html! {
        <div class="find" role="search">
            <input
                ref={input_ref}
                type="search"
                class="find-input"
                placeholder="Find in text (Ctrl+F)"
                aria-label="Find in text"
                value={(*query).clone()}
                {oninput}
                {onkeydown}
            />
            <button class="tool small" onclick={Callback::from(move |_| prev(false))} disabled={found.matches.is_empty()} title="Previous match (Shift+Enter)" aria-label="Previous match">{ "↑" }</button>
            <button class="tool small" onclick={Callback::from(move |_| next(true))} disabled={found.matches.is_empty()} title="Next match (Enter)" aria-label="Next match">{ "↓" }</button>
            <span class="find-count" role="status" aria-live="polite">{ status }</span>
        </div>
    }
}
