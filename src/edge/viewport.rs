//! Measuring and scrolling: the only code that reads where things are on screen or moves a
//! scrolling element. What to draw and where to scroll is decided in the model
//! ([`crate::model::layout`]); this reads the numbers it needs and carries out its answers.

use web_sys::{DomRect, Element};
use yew::NodeRef;

use crate::model::layout::into_view;

/// The height of the browser's viewport in CSS pixels, or `fallback` when it cannot be read:
/// the most of a text that can be on screen at once.
pub fn viewport_height(fallback: f64) -> f64 {
    web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(fallback)
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

/// The band of the text that the reader (the article's scrolling parent) shows, in the text's
/// own coordinates: from the top of paragraph 0, where the top spacer `top` starts.
pub fn text_band(top: &NodeRef, article: &NodeRef) -> Option<(f64, f64)> {
    let reader = article.cast::<Element>()?.parent_element()?;
    Some(band_of(&reader, &top.cast::<Element>()?))
}

/// The drawn height of each paragraph element in `article`: `(index, height)`, in the order
/// they are drawn. Reads layout only.
pub fn paragraph_heights(article: &NodeRef) -> Vec<(usize, f64)> {
    let Some(article) = article.cast::<Element>() else { return Vec::new() };
    let children = article.children();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .filter_map(|p| Some((super::selection::index_of(&p)?, p.get_bounding_client_rect().height())))
        .collect()
}

/// Scrolls `element` by `by` pixels (down when positive): the one place that sets `scrollTop`.
fn scroll_by(element: &Element, by: f64) {
    element.set_scroll_top((f64::from(element.scroll_top()) + by).round() as i32);
}

/// Scrolls the article's reader by `by` pixels (down when positive).
pub fn scroll_reader_by(article: &NodeRef, by: f64) {
    if let Some(reader) = article.cast::<Element>().and_then(|a| a.parent_element()) {
        scroll_by(&reader, by);
    }
}

/// Scrolls `reader` so that `at` (a client rectangle) sits in its middle, unless `at` is already
/// inside it by `margin` pixels.
pub fn centre_unless_inside(reader: &Element, at: &DomRect, margin: f64) {
    let view = reader.get_bounding_client_rect();
    if !inside(at, &view, margin) {
        scroll_by(reader, (at.top() + at.bottom()) / 2.0 - (view.top() + view.bottom()) / 2.0);
    }
}

/// The band of the list `inner` that `outer` shows below its sticky header `head`, in `inner`'s
/// own pixels: [`band_of`] with the rows the header covers left out (`None` until all are drawn).
pub fn band_below(outer: &NodeRef, head: &NodeRef, inner: &NodeRef) -> Option<(f64, f64)> {
    let (outer, head, inner) = (outer.cast::<Element>()?, head.cast::<Element>()?, inner.cast::<Element>()?);
    let (from, to) = band_of(&outer, &inner);
    let under_head = head.get_bounding_client_rect().bottom() - inner.get_bounding_client_rect().top();
    Some((from.max(under_head).min(to), to))
}

/// Scrolls `outer` (a scrolling list's container) the least that brings `top..bottom` of
/// `inner` (the list, in its own pixels) wholly into view below `outer`'s sticky header `head`;
/// nothing when it is in view or any of them is not drawn.
pub fn keep_in_view(outer: &NodeRef, head: &NodeRef, inner: &NodeRef, top: f64, bottom: f64) {
    let (Some(panel), Some((from, to))) = (outer.cast::<Element>(), band_below(outer, head, inner)) else { return };
    if let Some(by) = into_view(top, bottom, from, to) {
        scroll_by(&panel, by);
    }
}

/// Shifts `popup` (a menu placed by CSS next to its button) sideways by as much as it sticks
/// out of the window, to 4 px inside the edge: a button that the toolbar has wrapped to the left
/// would otherwise open its right-aligned menu off the screen.
pub fn keep_inside_window(popup: &Element) {
    const MARGIN: f64 = 4.0;
    let _ = popup.remove_attribute("style");
    let Some(width) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .map(|e| f64::from(e.client_width()))
    else {
        return;
    };
    let at = popup.get_bounding_client_rect();
    let shift = if at.left() < 0.0 {
        MARGIN - at.left()
    } else if at.right() > width {
        width - MARGIN - at.right()
    } else {
        return;
    };
    // Whole pixels: no float formatting in the wasm (it costs some 5 KB gzip).
    let _ = popup.set_attribute("style", &format!("translate: {}px 0", shift.round() as i64));
}
