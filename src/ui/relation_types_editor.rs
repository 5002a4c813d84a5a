use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::attributes_editor::{clear, refusal, Refused};
use crate::model::{LabelId, RelationType};
use crate::support::markup::Markup;

/// What the editor asks for: a relation type added (its id made from its name by the model),
/// one changed (name and the labels it fits), or one deleted.
#[derive(Clone, PartialEq, Debug)]
pub enum TypeEdit {
    Add { name: String, from: Vec<LabelId>, to: Vec<LabelId> },
    Change { id: String, name: String, from: Vec<LabelId>, to: Vec<LabelId> },
    Delete(String),
}

/// The relation types: each one's name as a field, the labels it is offered from and to as
/// tick boxes (offered first when linking, not enforced), a Delete button; a form adds one.
/// Each change is made as the field is left or the box ticked. `labels`: every label's id and
/// name (the ends a type can fit); `onedit` checks and makes an edit and answers whether it was
/// made. A plain function, as `attributes_editor` is.
pub fn relation_types_editor(
    types: &[RelationType],
    labels: &[(LabelId, String)],
    error: &Refused,
    onedit: &Callback<TypeEdit, bool>,
) -> Html {
    // The tick boxes of one end, each named by its label inside a group named "From" or "To".
    let ends = |end: &'static str, chosen: &[LabelId], onchange: &Callback<Event>| {
        html! {
            <fieldset class="def-ends">
                <legend>{ end }</legend>
                { for labels.iter().map(|(id, name)| html! {
                    <label class="def-end">
                        <input type="checkbox" data-end={end} value={id.as_str().to_owned()} checked={chosen.contains(id)} onchange={onchange.clone()} />
                        { name.clone() }
                    </label>
                }) }
            </fieldset>
        }
    };
    let rows = types.iter().map(|t| {
        // Any field of the row: the whole type is read back from the row and sent.
        let onchange = {
            let (id, onedit) = (t.id.clone(), onedit.clone());
            Callback::from(move |e: Event| {
                let Some(row) = e.target_dyn_into::<web_sys::Element>().and_then(|el| el.closest(".def-row").ok().flatten())
                else {
                    return;
                };
                let (name, from, to) = read(&row);
                onedit.emit(TypeEdit::Change { id: id.clone(), name, from, to });
            })
        };
        let ondelete = {
            let (id, onedit) = (t.id.clone(), onedit.clone());
            Callback::from(move |_: MouseEvent| {
                onedit.emit(TypeEdit::Delete(id.clone()));
            })
        };
        html! {
            <li class="def-row" key={t.id.clone()}>
                <div class="def-fields">
                    <input class="def-name" aria-label={format!("Name of relation type {}", t.name)} value={t.name.clone()} onchange={onchange.clone()} />
                    <button class="mini" aria-label={format!("Delete relation type {}", t.name)} onclick={ondelete}>{ "Delete" }</button>
                </div>
                <div class="def-fields">
                    { ends("From", &t.from, &onchange) }
                    { ends("To", &t.to, &onchange) }
                </div>
                { refusal(error, Some(&t.id)) }
            </li>
        }
    });
    let onadd = {
        let onedit = onedit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(form) = e.target_dyn_into::<web_sys::Element>() else { return };
            let (name, from, to) = read(&form);
            if onedit.emit(TypeEdit::Add { name, from, to }) {
                clear(&form);
            }
        })
    };
    html! {
        <div class="def-editor">
            <ul class="def-rows" aria-label="Relation types">{ for rows }</ul>
            <form class="def-add" aria-label="Add a relation type" onsubmit={onadd}>
                { Html::from_html_unchecked(add_fields(labels).into()) }
                { refusal(error, None) }
            </form>
        </div>
    }
}

/// The Add form's name field, its tick boxes for each end (as a row's, unticked) and its
/// button, as markup (`support::markup`): they have no listener (the form's submit reads them).
fn add_fields(labels: &[(LabelId, String)]) -> String {
    let mut m = Markup::default();
    m.open("label", &[("class", "def-add-name")]).text("Name").open("input", &[("class", "def-name")]);
    m.close("label").open("div", &[("class", "def-fields")]);
    for end in ["From", "To"] {
        m.open("fieldset", &[("class", "def-ends")]).el("legend", &[], end);
        for (id, name) in labels {
            m.open("label", &[("class", "def-end")]);
            m.open("input", &[("type", "checkbox"), ("data-end", end), ("value", id.as_str())]).text(name);
            m.close("label");
        }
        m.close("fieldset");
    }
    m.el("button", &[("type", "submit"), ("class", "tool small"), ("aria-label", "Add a relation type")], "Add");
    m.close("div");
    m.into_string()
}

/// A row's or the Add form's fields: the name, and the labels ticked for each end.
fn read(within: &web_sys::Element) -> (String, Vec<LabelId>, Vec<LabelId>) {
    let name = within
        .query_selector(".def-name")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default();
    let ticked = |end: &str| {
        let mut ids = Vec::new();
        if let Ok(boxes) = within.query_selector_all(&format!("input[data-end={end}]:checked")) {
            for i in 0..boxes.length() {
                if let Some(input) = boxes.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                    ids.push(LabelId::new(&input.value()));
                }
            }
        }
        ids
    };
    (name, ticked("From"), ticked("To"))
}
