use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::relations_list::relations_list;
use super::state::DocRef;
use crate::model::definitions::value_of;
use crate::model::{Action, AnnotationId, AnnotationSet, Labels, Relations};

/// What the details show and do.
pub struct DetailsProps {
    pub doc: DocRef,
    pub labels: Rc<Labels>,
    pub annotations: Rc<AnnotationSet>,
    pub relations: Rc<Relations>,
    /// The selected span.
    pub id: AnnotationId,
    pub onaction: Callback<Action>,
    /// Starts linking from the selected span (R in the text does the same).
    pub onlink: Callback<AnnotationId>,
}

/// The selected span's details in the side panel: **Link…** (R), its relations, its note (a
/// text field, kept on Enter or when the focus leaves it: one undo step) and its label's
/// attributes (one `<select>` each, its value shown; a change is one undo step). A function of
/// the side panel's, not a component: it has no state of its own.
pub fn details(props: &DetailsProps) -> Html {
    let Some(a) = props.annotations.get(&props.id) else { return Html::default() };
    let label = props.labels.get(&a.label);
    let onlink = props.onlink.reform({
        let id = props.id.clone();
        move |_: MouseEvent| id.clone()
    });
    let note = a.note.clone().unwrap_or_default();
    // The field's text kept when it differs from the note.
    let keep = {
        let (id, onaction, note) = (props.id.clone(), props.onaction.clone(), note.clone());
        move |input: HtmlInputElement| {
            let value = input.value();
            if value.trim() != note {
                onaction.emit(Action::SetNote { id: id.clone(), note: value.trim().to_owned() });
            }
        }
    };
    let onblur = {
        let keep = keep.clone();
        Callback::from(move |e: FocusEvent| keep(e.target_unchecked_into()))
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            e.prevent_default();
            keep(e.target_unchecked_into());
        }
    });
    let attributes = label.map(|l| l.attributes.as_slice()).unwrap_or_default().iter().map(|def| {
        let value = value_of(&a.attributes, &def.name).unwrap_or(&def.default);
        let onchange = {
            let (id, name, onaction) = (props.id.clone(), def.name.clone(), props.onaction.clone());
            Callback::from(move |e: Event| {
                let select: HtmlSelectElement = e.target_unchecked_into();
                onaction.emit(Action::SetAttribute { id: id.clone(), name: name.clone(), value: select.value() });
            })
        };
        let options = def.values.iter().map(|v| {
            html! { <option value={v.clone()} selected={v == value}>{ v }</option> }
        });
        html! {
            <label class="field attribute" key={def.name.clone()}>
                <span>{ &def.name }</span>
                <select {onchange}>{ for options }</select>
            </label>
        }
    });
    html! {
        <section class="details" aria-label="Selected annotation">
            <div class="details-row">
                <button class="mini link-start" aria-keyshortcuts="R" onclick={onlink}>{ "Link… (R)" }</button>
                { for attributes }
            </div>
            { relations_list(props) }
            <label class="field note">
                <span>{ "Note" }</span>
                <input key={props.id.as_str().to_owned()} type="text" value={note} placeholder="Add a note" {onblur} {onkeydown} />
            </label>
        </section>
    }
}
