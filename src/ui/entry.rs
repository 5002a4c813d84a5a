use yew::prelude::*;

use crate::model::{Action, AnnotationId};

#[derive(Properties, PartialEq)]
pub struct EntryProps {
    pub id: AnnotationId,
    pub label: AttrValue,
    pub colour: AttrValue,
    pub quote: AttrValue,
    pub start: u32,
    pub end: u32,
    pub selected: bool,
    pub onaction: Callback<Action>,
}

/// Longest quote shown in the list, in characters.
const QUOTE_MAX: usize = 80;

/// One annotation in the side panel: re-rendered only when it changes.
#[component]
pub fn Entry(props: &EntryProps) -> Html {
    let shown: String = if props.quote.chars().count() > QUOTE_MAX {
        props.quote.chars().take(QUOTE_MAX - 1).chain(['…']).collect()
    } else {
        props.quote.to_string()
    };
    let onselect = {
        let (id, onaction) = (props.id.clone(), props.onaction.clone());
        Callback::from(move |_: MouseEvent| onaction.emit(Action::Select(id.clone())))
    };
    let onremove = {
        let (id, onaction) = (props.id.clone(), props.onaction.clone());
        Callback::from(move |_: MouseEvent| onaction.emit(Action::Remove(id.clone())))
    };
    let name = &props.label;
    html! {
        <li class={classes!("entry", props.selected.then_some("selected"))} data-id={props.id.as_str().to_owned()} style={format!("--hl:{}", props.colour)}>
            <button class="entry-main" onclick={onselect} aria-current={props.selected.then_some("true")}>
                <span class="entry-label"><span class="swatch"></span>{ name.clone() }</span>
                <span class="entry-pos">{ format!("{}–{}", props.start, props.end) }</span>
                <q class="entry-quote" title={props.quote.clone()}>{ shown }</q>
            </button>
            <button class="entry-remove" onclick={onremove} aria-label={format!("Remove {name} “{}”", props.quote.chars().take(40).collect::<String>())} title="Remove">{ "×" }</button>
        </li>
    }
}
