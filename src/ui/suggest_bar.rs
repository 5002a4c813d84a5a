use std::rc::Rc;

use yew::prelude::*;

use super::hooks::use_view_option;
use super::state::DocRef;
use crate::model::suggest::{flatten, groups, Group, Suggestion};
use crate::model::{Action, AnnotationSet, Labels, Span};

#[derive(Properties, PartialEq)]
pub struct SuggestBarProps {
    pub doc: DocRef,
    pub labels: Rc<Labels>,
    pub annotations: Rc<AnnotationSet>,
    /// Mentions the person rejected (view state: never stored, never exported).
    pub rejected: Rc<Vec<Span>>,
    pub onaction: Callback<Action>,
    /// Every suggestion, in text order, for the text to draw (empty while the toggle is off).
    pub onsuggestions: Callback<Rc<Vec<Suggestion>>>,
}

/// Suggestions from the person's own tags: a toggle (remembered), and while it is on, one row
/// per tagged string with untagged mentions — "Syria → Location, 4 more" and **Accept all**,
/// which tags them as one undoable step. The mentions themselves are drawn in the text
/// (`suggestion_marks`), where each is accepted or rejected on its own.
#[component]
pub fn SuggestBar(props: &SuggestBarProps) -> Html {
    let (on, ontoggle) = use_view_option("suggest", ("on", "off"), false);
    let found: Rc<Vec<Group>> = use_memo(
        (on, props.doc.clone(), props.annotations.clone(), props.rejected.clone()),
        |(on, doc, annotations, rejected)| if *on { groups(&doc.0, annotations, rejected) } else { Vec::new() },
    );
    // Handed to the text when they change; none after none is not news (an edit with the
    // toggle off must not cost the app a second render).
    let none_shown = use_mut_ref(|| true);
    {
        let onsuggestions = props.onsuggestions.clone();
        use_effect_with(found.clone(), move |found| {
            if !(found.is_empty() && *none_shown.borrow()) {
                *none_shown.borrow_mut() = found.is_empty();
                onsuggestions.emit(Rc::new(flatten(found)));
            }
        });
    }
    let rows = found.iter().map(|g| {
        let name = props.labels.get(&g.label).map_or(g.label.as_str(), |l| l.name.as_str()).to_owned();
        let onaccept = {
            let (onaction, label, spans) = (props.onaction.clone(), g.label.clone(), g.spans.clone());
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
