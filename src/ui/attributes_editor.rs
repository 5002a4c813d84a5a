use yew::prelude::*;

use super::modal::{option, raw};
use crate::model::AttributeDef;
use crate::support::markup::Markup;

/// An attribute definition as typed: its name, its values, its default. The model checks it
/// ([`AttributeDef::new`]'s rules) before anything changes.
#[derive(Clone, PartialEq, Debug)]
pub struct Typed {
    pub name: String,
    pub values: Vec<String>,
    pub default: String,
}

/// What the editor asks for: a definition added, the one named `was` replaced, or one deleted.
#[derive(Clone, PartialEq, Debug)]
pub enum DefEdit {
    Add(Typed),
    Change { was: String, now: Typed },
    Delete(String),
}

/// Why the last edit of a part was refused: the definition's (or type's) name or id, `None` for
/// its Add form; and the message.
pub type Refused = Option<(Option<String>, AttrValue)>;

/// Attribute definitions with a closed set of values (a label's attributes, or the document's
/// categories): each one's name, values (comma-separated) and default as fields, changed when a
/// field is left, and deleted by its button; a form adds one. One function for both kinds (a
/// plain function, not a component: a component's lifecycle code is a few kilobytes of wasm).
/// `owner` is what they belong to (a label's name, or "the document"), `noun` "attribute" or
/// "category"; `onedit` checks and makes an edit and answers whether it was made.
pub fn attributes_editor(
    owner: &str,
    noun: &str,
    defs: &[AttributeDef],
    error: &Refused,
    onedit: &Callback<DefEdit, bool>,
) -> Html {
    let rows = defs.iter().map(|d| {
        let what = format!("{owner} {noun} {}", d.name);
        // Each field's change re-sends the whole definition with that field replaced.
        let change = |set: fn(&mut Typed, String)| {
            let (d, onedit) = (d.clone(), onedit.clone());
            Callback::from(move |e: Event| {
                let mut now = Typed { name: d.name.clone(), values: d.values.clone(), default: d.default.clone() };
                set(&mut now, value_of(&e));
                onedit.emit(DefEdit::Change { was: d.name.clone(), now });
            })
        };
        let ondelete = {
            let (name, onedit) = (d.name.clone(), onedit.clone());
            Callback::from(move |_: MouseEvent| {
                onedit.emit(DefEdit::Delete(name.clone()));
            })
        };
        html! {
            <li class="def-row" key={d.name.clone()}>
                <div class="def-fields">
                    <input class="def-name" aria-label={format!("Name of {what}")} value={d.name.clone()} onchange={change(|t, v| t.name = v)} />
                    <input class="def-values" aria-label={format!("Values of {what}")} value={d.values.join(", ")} onchange={change(|t, v| t.values = split(&v))} />
                    <label class="def-default">
                        { "Default" }
                        <select aria-label={format!("Default of {what}")} onchange={change(|t, v| t.default = v)}>
                            { options(&d.values, &d.default) }
                        </select>
                    </label>
                    <button class="mini" aria-label={format!("Delete {what}")} onclick={ondelete}>{ "Delete" }</button>
                </div>
                { refusal(error, Some(&d.name)) }
            </li>
        }
    });
    let onadd = {
        let onedit = onedit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(form) = e.target_dyn_into::<web_sys::Element>() else { return };
            let fields = inputs(&form);
            let [name, values, default] = fields.each_ref().map(|i| i.as_ref().map(|i| i.value()).unwrap_or_default());
            let values = split(&values);
            // No default typed: the first value.
            let default = Some(default).filter(|d| !d.trim().is_empty()).or_else(|| values.first().cloned());
            let typed = Typed { name, values, default: default.unwrap_or_default() };
            // Made: the form is emptied for the next one, its name field focused.
            if onedit.emit(DefEdit::Add(typed)) {
                clear(&form);
            }
        })
    };
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    let adding = format!("Add {article} {noun} to {owner}");
    html! {
        <div class="def-editor">
            <ul class="def-rows">{ for rows }</ul>
            <form class="def-add" aria-label={adding.clone()} onsubmit={onadd}>
                { Html::from_html_unchecked(add_fields(&adding).into()) }
                { refusal(error, None) }
            </form>
        </div>
    }
}

/// A select's options: each value, `chosen` selected.
fn options(values: &[String], chosen: &str) -> Html {
    let mut m = Markup::default();
    for v in values {
        option(&mut m, v, v, *v == chosen);
    }
    raw(m)
}

/// The refusal of the last edit, when it was about `about` (a definition's name or a relation
/// type's id; `None`: the Add form): a paragraph read out at once.
pub fn refusal(error: &Refused, about: Option<&str>) -> Html {
    match error {
        Some((name, why)) if name.as_deref() == about => {
            html! { <p class="label-error" role="alert">{ why.clone() }</p> }
        }
        _ => Html::default(),
    }
}

/// The Add form's fields and its button (named `adding`), as markup (`support::markup`): they
/// have no listener (the form's submit reads them).
fn add_fields(adding: &str) -> String {
    let mut m = Markup::default();
    m.open("div", &[("class", "def-fields")]);
    m.open("label", &[]).text("Name").open("input", &[("name", "name"), ("class", "def-name")]).close("label");
    m.open("label", &[]).text("Values");
    m.open("input", &[("name", "values"), ("class", "def-values"), ("placeholder", "yes, no")]).close("label");
    m.open("label", &[]).text("Default");
    m.open("input", &[("name", "default"), ("class", "def-default-input"), ("placeholder", "the first")]);
    m.close("label");
    m.el("button", &[("type", "submit"), ("class", "tool small"), ("aria-label", adding)], "Add");
    m.close("div");
    m.into_string()
}

/// Values typed comma-separated, trimmed; empty ones (a trailing comma) left out.
fn split(typed: &str) -> Vec<String> {
    typed.split(',').map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned).collect()
}

/// The Add form's name, values and default fields.
fn inputs(form: &web_sys::Element) -> [Option<web_sys::HtmlInputElement>; 3] {
    ["name", "values", "default"].map(|name| {
        form.query_selector(&format!("[name={name}]"))
            .ok()
            .flatten()
            .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(el).ok())
    })
}

/// Empties an Add form (this one's and the relation types') once what it made is added, and
/// puts the focus on its name (`.def-name`), ready for the next.
pub fn clear(form: &web_sys::Element) {
    let Ok(inputs) = form.query_selector_all("input") else { return };
    for i in 0..inputs.length() {
        if let Some(input) =
            inputs.item(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(n).ok())
        {
            if input.type_() == "checkbox" {
                input.set_checked(false);
            } else {
                input.set_value("");
            }
        }
    }
    if let Some(name) = form
        .query_selector(".def-name")
        .ok()
        .flatten()
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
    {
        crate::edge::focus::give(&name);
    }
}

fn value_of(e: &Event) -> String {
    if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
        return select.value();
    }
    e.target_dyn_into::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}
