use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::contrast;
use crate::model::{Label, LabelChange, LabelId};

/// What one row of the Labels dialog shows and answers to.
pub struct LabelRowProps {
    pub label: Label,
    /// Its place in the bar, and how many labels there are (for the move buttons).
    pub index: usize,
    pub count: usize,
    /// How many annotations carry it.
    pub uses: usize,
    /// The labels its annotations can move to when it is deleted: id and name.
    pub others: Vec<(LabelId, String)>,
    /// Asking where its annotations go, before deleting it.
    pub deleting: bool,
    /// Why the last change to this label was refused.
    pub error: Option<AttrValue>,
    /// A change to check and make.
    pub onchange: Callback<LabelChange>,
    /// Delete was pressed (`true`), or the question of where its annotations go was put away.
    pub ondelete: Callback<bool>,
}

/// One label in the Labels dialog: its name, colour and key as fields (each change is made when
/// the field is left or Enter pressed), buttons to move it up or down and to delete it, advice
/// when its colour is hard to read on, and, when a label in use is deleted, where its spans go.
/// A function of the dialog's, not a component: it holds nothing of its own, and the dialog
/// draws every row anew on each change anyway (a component cost about 2 KB of raw wasm).
pub fn label_row(props: &LabelRowProps) -> Html {
    let l = &props.label;
    let id = l.id.clone();
    let value = |e: Event| e.target_dyn_into::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
    let change = |make: fn(LabelId, String) -> LabelChange| {
        let (id, onchange) = (id.clone(), props.onchange.clone());
        Callback::from(move |e: Event| onchange.emit(make(id.clone(), value(e))))
    };
    let onname = change(|id, name| LabelChange::Rename { id, name });
    let oncolour = change(|id, colour| LabelChange::Recolour { id, colour });
    let onkey = change(|id, hotkey| LabelChange::SetHotkey { id, hotkey });
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
            input.select();
        }
    });
    let moved = |up: bool| {
        let (id, onchange) = (id.clone(), props.onchange.clone());
        Callback::from(move |_: MouseEvent| onchange.emit(LabelChange::Move { id: id.clone(), up }))
    };
    let ondelete = props.ondelete.reform(|_: MouseEvent| true);
    let onkeep = props.ondelete.reform(|_: MouseEvent| false);
    // The label the spans move to: the question's own <select>, beside the button pressed.
    let onreassign = {
        let (id, onchange) = (id.clone(), props.onchange.clone());
        Callback::from(move |e: MouseEvent| {
            let to = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|b| b.closest(".label-delete").ok().flatten())
                .and_then(|group| group.query_selector("select.label-reassign").ok().flatten())
                .and_then(|s| s.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value())
                .unwrap_or_default();
            onchange.emit(LabelChange::Delete { id: id.clone(), reassign: Some(LabelId::new(&to)) });
        })
    };
    let rgb = contrast::parse(&l.colour);
    let advice = rgb.and_then(|rgb| Some((contrast::advice(rgb)?, contrast::format(contrast::nearest_passing(rgb)))));
    let name = l.name.clone();
    let field = |what: &str| format!("{what} of {name}");
    let row_id = format!("label-{}", props.index);
    html! {
        <li key={l.id.as_str().to_owned()} class="label-row" style={format!("--hl: {}", l.colour)} data-label={l.id.as_str().to_owned()}>
            <div class="label-fields">
                <span class="swatch" aria-hidden="true"></span>
                <input class="label-name" aria-label={field("Name")} value={l.name.clone()} onchange={onname} />
                <input class="label-colour" type="color" aria-label={field("Colour")} value={l.colour.clone()} onchange={oncolour} />
                <input class="label-key" aria-label={field("Key")} value={l.hotkey.map(String::from).unwrap_or_default()} size="2" onchange={onkey} onfocus={select_all} />
                <button class="mini" aria-label={format!("Move {name} up")} data-move={format!("{row_id}-up")} disabled={props.index == 0} onclick={moved(true)}>{ "↑" }</button>
                <button class="mini" aria-label={format!("Move {name} down")} data-move={format!("{row_id}-down")} disabled={props.index + 1 == props.count} onclick={moved(false)}>{ "↓" }</button>
                <button class="mini" aria-label={format!("Delete {name}")} onclick={ondelete}>{ "Delete" }</button>
                <span class="label-uses">{ uses(props.uses) }</span>
            </div>
            if let Some(error) = &props.error {
                <p class="label-error" role="alert">{ error.clone() }</p>
            }
            if let Some((advice, nearest)) = advice {
                <p class="label-contrast">
                    { advice }{ " " }
                    <button class="mini" style={format!("--hl: {nearest}")} onclick={props.onchange.reform({
                        let (id, nearest) = (id.clone(), nearest.clone());
                        move |_: MouseEvent| LabelChange::Recolour { id: id.clone(), colour: nearest.clone() }
                    })}>
                        <span class="swatch" aria-hidden="true"></span>{ format!(" Use {nearest}") }
                    </button>
                </p>
            }
            if props.deleting {
                <div class="label-delete" role="group" aria-label={format!("Delete {name}")}>
                    <label>
                        { format!("{name} tags {}. Move {} to", uses(props.uses), if props.uses == 1 { "it" } else { "them" }) }
                        <select class="label-reassign">
                            { for props.others.iter().map(|(id, name)| html! {
                                <option value={id.as_str().to_owned()}>{ name.clone() }</option>
                            }) }
                        </select>
                    </label>
                    <button class="tool danger small" onclick={onreassign}>{ format!("Move and delete {name}") }</button>
                    <button class="tool small" onclick={onkeep}>{ format!("Keep {name}") }</button>
                </div>
            }
        </li>
    }
}

fn uses(n: usize) -> String {
    format!("{n} annotation{}", if n == 1 { "" } else { "s" })
}
