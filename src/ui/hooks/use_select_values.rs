use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::Labels;

/// Keeps the `<select>`s inside `group` showing the values they stand for: a `<select>` shows
/// what its options said when drawn; after an undo, or a switch to a document whose options are
/// the same, its value is set from its `data-value` (the document's categories:
/// `doc_categories`), whenever the labels or the values change.
#[hook]
pub fn use_select_values(group: &NodeRef, labels: Rc<Labels>, values: Rc<Vec<(String, String)>>) {
    let group = group.clone();
    use_effect_with(Shared(labels, values), move |_| {
        let Some(group) = group.cast::<web_sys::Element>() else { return };
        let Ok(selects) = group.query_selector_all("select") else { return };
        for i in 0..selects.length() {
            if let Some(select) = selects.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                select.set_value(&select.get_attribute("data-value").unwrap_or_default());
            }
        }
    });
}

/// The labels and values, equal when they are the same (compared by pointer, as the
/// component that held this effect compared its props).
struct Shared(Rc<Labels>, Rc<Vec<(String, String)>>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) && Rc::ptr_eq(&self.1, &other.1)
    }
}
