use std::rc::Rc;

use yew::prelude::*;

use super::entry::Entry;
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

/// Every annotation in text order, with a count per label.
#[component]
pub fn SidePanel(props: &SidePanelProps) -> Html {
    let list_ref = use_node_ref();
    // Keep the selected entry in view when it was picked in the text.
    {
        let list_ref = list_ref.clone();
        use_effect_with(props.selected.clone(), move |selected| {
            if let (Some(id), Some(list)) = (selected, list_ref.cast::<web_sys::Element>()) {
                if let Some(entry) = edge::dom::with_data_id(&list, "li[data-id]", id).first() {
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
        html! {
            <Entry
                key={a.id.as_str().to_owned()}
                id={a.id.clone()}
                label={AttrValue::from(label.map_or(a.label.as_str(), |l| l.name.as_str()).to_owned())}
                colour={AttrValue::from(label.map_or("#999999", |l| l.colour.as_str()).to_owned())}
                quote={AttrValue::from(doc.slice(a.span).to_owned())}
                start={a.span.start()}
                end={a.span.end()}
                selected={props.selected.as_ref() == Some(&a.id)}
                onaction={props.onaction.clone()}
            />
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
