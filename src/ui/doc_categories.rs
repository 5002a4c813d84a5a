use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::{Action, Labels};

#[derive(Properties)]
pub struct DocCategoriesProps {
    /// The open document's labels (its categories are defined there).
    pub labels: Rc<Labels>,
    /// Its category values set explicitly, sorted by name (`DocState::attributes`).
    pub values: Rc<Vec<(String, String)>>,
    pub onaction: Callback<Action>,
}

impl PartialEq for DocCategoriesProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.labels, &other.labels)
            && Rc::ptr_eq(&self.values, &other.values)
            && self.onaction == other.onaction
    }
}

/// The open document's categories above its text (topic, genre, source…): one `<select>` each,
/// showing the value it reads as (its default until set). Choosing a value is
/// [`Action::SetDocAttribute`], one undo step. Nothing is drawn when no category is defined.
#[component]
pub fn DocCategories(props: &DocCategoriesProps) -> Html {
    let group = use_node_ref();
    // A `<select>` shows what its options said when drawn; after an undo, or a switch to a
    // document whose options are the same, its value is set from `data-value` instead.
    {
        let group = group.clone();
        use_effect_with((props.labels.clone(), props.values.clone()), move |_| {
            let Some(group) = group.cast::<web_sys::Element>() else { return };
            let Ok(selects) = group.query_selector_all("select") else { return };
            for i in 0..selects.length() {
                if let Some(select) = selects.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                    select.set_value(&select.get_attribute("data-value").unwrap_or_default());
                }
            }
        });
    }
    let categories = props.labels.categories();
    if categories.is_empty() {
        return html! {};
    }
    let items = categories.iter().map(|def| {
        let value = props.labels.doc_attribute(&props.values, &def.name).to_owned();
        let onchange = {
            let (name, onaction) = (def.name.clone(), props.onaction.clone());
            Callback::from(move |e: Event| {
                if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                    onaction.emit(Action::SetDocAttribute { name: name.clone(), value: select.value() });
                }
            })
        };
        let unset = value == def.default;
        html! {
            <label class={classes!("category", unset.then_some("unset"))}>
                <span class="category-name">{ def.name.clone() }</span>
                <select data-value={value.clone()} {onchange}>
                    { for def.values.iter().map(|v| html! { <option value={v.clone()} selected={*v == value}>{ v.clone() }</option> }) }
                </select>
            </label>
        }
    });
    html! {
        <div class="doc-categories" role="group" aria-label="Document categories" ref={group}>{ for items }</div>
    }
}
