use std::rc::Rc;

use yew::prelude::*;

use super::state::DocRef;
use crate::edge;
use crate::model::{Action, AnnotationId, AnnotationSet, Labels};

#[derive(Properties, PartialEq)]
pub struct SidePanelProps {
    pub doc: DocRef,
    pub labels: Rc<Labels>,
    pub annotations: Rc<AnnotationSet>,
    pub selected: Option<AnnotationId>,
    pub onaction: Callback<Action>,
}

/// Longest quote shown in the list, in characters.
const QUOTE_MAX: usize = 80;

/// Every annotation in text order, with a count per label.
#[component]
pub fn SidePanel(props: &SidePanelProps) -> Html {
    let list_ref = use_node_ref();
    // Keep the selected entry in view when it was picked in the text.
    {
        let list_ref = list_ref.clone();
        use_effect_with(props.selected.clone(), move |selected| {
            if let (Some(id), Some(list)) = (selected, list_ref.cast::<web_sys::Element>()) {
                let entry = list.query_selector_all("li[data-id]").ok().and_then(|all| {
                    (0..all.length()).filter_map(|i| all.item(i)).find_map(|n| {
                        use wasm_bindgen::JsCast;
                        n.dyn_into::<web_sys::Element>().ok().filter(|el| el.get_attribute("data-id").as_deref() == Some(id.as_str()))
                    })
                });
                if let Some(entry) = entry {
                    edge::dom::show(&entry);
                }
            }
        });
    }
    let doc = &props.doc.0;
    let counts = props.labels.iter().map(|l| {
        html! {
            <li class="count" style={format!("--hl:{}", l.colour)}>
                <span class="swatch"></span>{ &l.name }<b>{ props.annotations.count(&l.id) }</b>
            </li>
        }
    });
    let entries = props.annotations.iter().map(|a| {
        let label = props.labels.get(&a.label);
        let colour = label.map_or("#999999", |l| l.colour.as_str());
        let name = label.map_or(a.label.as_str(), |l| l.name.as_str());
        let quote = doc.slice(a.span);
        let shown: String = if quote.chars().count() > QUOTE_MAX {
            quote.chars().take(QUOTE_MAX - 1).chain(['…']).collect()
        } else {
            quote.to_owned()
        };
        let selected = props.selected.as_ref() == Some(&a.id);
        let onselect = {
            let (id, onaction) = (a.id.clone(), props.onaction.clone());
            Callback::from(move |_: MouseEvent| onaction.emit(Action::Select(id.clone())))
        };
        let onremove = {
            let (id, onaction) = (a.id.clone(), props.onaction.clone());
            Callback::from(move |_: MouseEvent| onaction.emit(Action::Remove(id.clone())))
        };
        html! {
            <li class={classes!("entry", selected.then_some("selected"))} data-id={a.id.as_str().to_owned()} style={format!("--hl:{colour}")}>
                <button class="entry-main" onclick={onselect} aria-current={selected.then_some("true")}>
                    <span class="entry-label"><span class="swatch"></span>{ name }</span>
                    <span class="entry-pos">{ format!("{}–{}", a.span.start(), a.span.end()) }</span>
                    <q class="entry-quote">{ shown }</q>
                </button>
                <button class="entry-remove" onclick={onremove} aria-label={format!("Remove {name} “{}”", quote.chars().take(40).collect::<String>())} title="Remove">{ "×" }</button>
            </li>
        }
    });
    html! {
        <aside class="panel" aria-label="Annotations">
            <h2>{ "Annotations " }<span class="total">{ props.annotations.len() }</span></h2>
            <ul class="counts">{ for counts }</ul>
            if props.annotations.is_empty() {
                <p class="empty">{ "No annotations yet. Select a phrase in the text and press 1–4." }</p>
            }
            <ol class="entries" ref={list_ref}>{ for entries }</ol>
        </aside>
    }
}
