use std::rc::Rc;

use yew::prelude::*;

use super::entry::Entry;
use super::state::DocRef;
use crate::edge;
use crate::model::layout::rows;
use crate::model::{Action, AnnotationId, AnnotationSet, Labels};

#[derive(Properties, PartialEq)]
pub struct SidePanelProps {
    pub doc: DocRef,
    pub labels: Rc<Labels>,
    pub annotations: Rc<AnnotationSet>,
    pub selected: Option<AnnotationId>,
    pub onaction: Callback<Action>,
}

/// Height of one entry with the space below it, in CSS pixels (the stylesheet reads it as
/// `--row`): every entry has this height, so a long list is drawn only where it is seen.
const ROW: u32 = 76;
/// Entries drawn beyond each edge of the visible part of a long list.
const SPARE: usize = 6;

/// Every annotation in text order, with a count per label. A long list draws only the entries
/// near its visible part, between padding as tall as the entries it stands for.
#[component]
pub fn SidePanel(props: &SidePanelProps) -> Html {
    let panel_ref = use_node_ref();
    let list_ref = use_node_ref();
    // The visible band of the list, in the list's own pixels.
    let band = use_state_eq(|| (0.0f64, 1_000.0f64));
    let onscroll = {
        let (band, panel_ref, list_ref) = (band.clone(), panel_ref.clone(), list_ref.clone());
        Callback::from(move |_: Event| {
            if let Some(b) = edge::viewport::band_of_refs(&panel_ref, &list_ref) {
                band.set(b);
            }
        })
    };
    // Keep the selected entry in view when it was picked in the text.
    {
        let (panel_ref, list_ref, annotations) = (panel_ref.clone(), list_ref.clone(), props.annotations.clone());
        use_effect_with(props.selected.clone(), move |selected| {
            if let Some(index) = selected.as_ref().and_then(|id| annotations.position(id)) {
                let (top, bottom) = (index as f64 * f64::from(ROW), (index + 1) as f64 * f64::from(ROW));
                edge::viewport::keep_in_view(&panel_ref, &list_ref, top, bottom);
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
    let total = props.annotations.len();
    let shown = rows(total, f64::from(ROW), band.0, band.1, SPARE);
    let entries = props.annotations.iter_from(shown.start).take(shown.len()).map(|a| {
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
    // Whole pixels: the stylesheet needs no fractions here, and the wasm no float formatting.
    let px = |rows: usize| rows.saturating_mul(ROW as usize);
    let style = format!("--row:{ROW}px;height:{}px;padding-top:{}px", px(total), px(shown.start));
    html! {
        <aside class="panel" aria-label="Annotations" ref={panel_ref} {onscroll}>
            <h2>{ "Annotations " }<span class="total">{ total }</span></h2>
            <ul class="counts">{ for counts }</ul>
            if props.annotations.is_empty() {
                <p class="empty">{ "No annotations yet. Select a phrase in the text and press 1–4." }</p>
            }
            <ol class="entries" ref={list_ref} {style} start={(shown.start + 1).to_string()}>{ for entries }</ol>
        </aside>
    }
}
