use std::rc::Rc;

use yew::prelude::*;

use crate::model::suggest::Group;
use crate::model::{Action, Labels};

/// Suggestions from the person's own tags (`hooks::use_suggestions`): a toggle (remembered,
/// `on` and `ontoggle`), and while it is on, one row per tagged string with untagged mentions —
/// "Syria → Location, 4 more" and **Accept all**, which tags them as one undoable step. The
/// mentions themselves are drawn in the text (`suggestion_marks`), where each is accepted or
/// rejected on its own. A function of the find bar's, which holds the hook.
pub fn suggest_bar(
    on: bool,
    ontoggle: Callback<Event>,
    found: &[Group],
    labels: &Labels,
    onaction: &Callback<Action>,
) -> Html {
    let rows = found.iter().map(|g| {
        let name = labels.get(&g.label).map_or(g.label.as_str(), |l| l.name.as_str()).to_owned();
        let onaccept = {
            let (onaction, label, spans) = (onaction.clone(), g.label.clone(), g.spans.clone());
            Callback::from(move |_: MouseEvent| {
                onaction.emit(Action::AnnotateAll { label: label.clone(), spans: Rc::new(spans.clone()) })
            })
        };
        html! {
            <li class="suggest-row">
                <span class="suggest-text">{ format!("“{}” → {name}, {} more", g.text, g.spans.len()) }</span>
                <button class="tool small" onclick={onaccept} aria-label={format!("Accept all {} suggestions of “{}” as {name}", g.spans.len(), g.text)}>{ "Accept all" }</button>
            </li>
        }
    });
    html! {
        <div class="suggest-bar">
            <label class="find-option" title="Once a string is tagged, show its other mentions as suggestions (Tab or click one; Enter or a label's key accepts it, X rejects it)">
                <input type="checkbox" checked={on} onchange={ontoggle} />
                { "Suggest from my tags" }
            </label>
            if !found.is_empty() {
                <ul class="suggest-groups" aria-label="Suggestions">{ for rows }</ul>
            }
        </div>
    }
}
