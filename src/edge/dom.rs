//! Small DOM effects: bringing an annotation into view and flashing it.

use wasm_bindgen::JsCast;
use web_sys::{DomRect, Element, HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

use yew::NodeRef;

use crate::model::AnnotationId;

/// The marks inside `root` whose `data-id` is `id` (ids are compared as strings, so no id needs
/// escaping into a selector).
fn marks_of(root: &Element, id: &AnnotationId) -> Vec<Element> {
    let mut found = Vec::new();
    if let Ok(list) = root.query_selector_all("mark[data-id]") {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                if el.get_attribute("data-id").as_deref() == Some(id.as_str()) {
                    found.push(el);
                }
            }
        }
    }
    found
}

/// Flashes annotation `id`, first scrolling it to the middle of `root`'s scrolling parent when
/// it is not wholly in view there (an undo next to the mouse does not move the text). False when
/// none of its marks is drawn.
pub fn reveal(root: &Element, id: &AnnotationId) -> bool {
    let marks = marks_of(root, id);
    let in_view = |mark: &Element| {
        let view = root.parent_element().map(|r| r.get_bounding_client_rect());
        view.is_some_and(|v| inside(&mark.get_bounding_client_rect(), &v, 0.0))
    };
    if let Some(first) = marks.first().filter(|m| !in_view(m)) {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Center);
        options.set_behavior(ScrollBehavior::Instant);
        first.scroll_into_view_with_scroll_into_view_options(&options);
    }
    for mark in &marks {
        let list = mark.class_list();
        let _ = list.remove_1("flash");
        // Reading layout restarts the CSS animation when the class comes back.
        if let Some(el) = mark.dyn_ref::<HtmlElement>() {
            let _ = el.offset_width();
        }
        let _ = list.add_1("flash");
    }
    !marks.is_empty()
}

/// Whether box `at` lies within `view`, at least `margin` pixels inside its top and bottom.
pub fn inside(at: &DomRect, view: &DomRect, margin: f64) -> bool {
    at.top() >= view.top() + margin && at.bottom() <= view.bottom() - margin
}

/// The band of `inner` that its scrolling ancestor `outer` shows, in `inner`'s own pixels
/// (from its top edge): `(top, bottom)`.
pub fn band_of(outer: &Element, inner: &Element) -> (f64, f64) {
    let from = outer.get_bounding_client_rect().top() - inner.get_bounding_client_rect().top();
    (from, from + f64::from(outer.client_height()))
}

/// The same, for two elements known by their `NodeRef`s (`None` until both are drawn).
pub fn band_of_refs(outer: &NodeRef, inner: &NodeRef) -> Option<(f64, f64)> {
    Some(band_of(&outer.cast::<Element>()?, &inner.cast::<Element>()?))
}
