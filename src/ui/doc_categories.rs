use yew::prelude::*;

use crate::model::{Action, Labels};

/// The open document's categories above its text (topic, genre, source…): one `<select>` each,
/// showing the value it reads as (its default until set; `values` are those set explicitly,
/// sorted by name: `DocState::attributes`). Choosing a value is [`Action::SetDocAttribute`], one
/// undo step. Nothing is drawn when no category is defined. A function of the app's, not a
/// component: the app keeps the group's `<select>`s showing their values after an undo
/// (`hooks::use_select_values` on `group`).
pub fn doc_categories(
    labels: &Labels,
    values: &[(String, String)],
    onaction: &Callback<Action>,
    group: &NodeRef,
) -> Html {
    let categories = labels.categories();
    if categories.is_empty() {
        return html! {};
    }
    let items = categories.iter().map(|def| {
        let value = labels.doc_attribute(values, &def.name).to_owned();
        let onchange = {
            let (name, onaction) = (def.name.clone(), onaction.clone());
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
        <div class="doc-categories" role="group" aria-label="Document categories" ref={group.clone()}>{ for items }</div>
    }
}
