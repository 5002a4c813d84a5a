//! Small DOM effects: bringing an annotation into view and flashing it.

use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

use super::viewport::inside;

use crate::model::AnnotationId;

/// The marks inside `root` whose `data-id` is `id`.
fn marks_of(root: &Element, id: &AnnotationId) -> Vec<Element> {
    let mut found = Vec::new();
    if let Ok(list) = root.query_selector_all(&format!("mark[data-id=\"{}\"]", css_string(id.as_str()))) {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                found.push(el);
            }
        }
    }
    found
}

/// `text` as the inside of a double-quoted CSS string: `\` and `"` escaped, and every control
/// character as a hex escape (ids come from files and may hold anything).
pub fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Flashes annotation `id`, first scrolling it to the middle of `root`'s scrolling parent when
/// it is not wholly in view there (an undo next to the mouse does not move the text). Under the
/// link banner (picking a relation's target) is not in view. False when none of its marks is
/// drawn.
pub fn reveal(root: &Element, id: &AnnotationId) -> bool {
    let marks = marks_of(root, id);
    // The ring goes on first: the position read below then restyles it with the layout it
    // needs anyway, before the frame, and the frame has only the painting left to do.
    flash(&marks);
    let banner = root.owner_document().and_then(|d| d.query_selector(".link-banner").ok().flatten());
    let in_view = |mark: &Element| {
        let Some(view) = root.parent_element().map(|r| r.get_bounding_client_rect()) else { return false };
        if let Some(banner) = &banner {
            view.set_height((banner.get_bounding_client_rect().top() - view.top()).min(view.height()));
        }
        inside(&mark.get_bounding_client_rect(), &view, 0.0)
    };
    if let Some(first) = marks.first().filter(|m| !in_view(m)) {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Center);
        options.set_behavior(ScrollBehavior::Instant);
        first.scroll_into_view_with_scroll_into_view_options(&options);
    }
    !marks.is_empty()
}

/// How long a revealed annotation keeps its ring, in ms.
const FLASH_MS: i32 = 900;

thread_local! {
    static FLASHES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Rings `marks` for [`FLASH_MS`]. A timer takes the ring off, not a CSS animation: an animation
/// restyles and repaints every ringed mark on every frame, and quick undos piled them up (half
/// of them then took a second frame to paint). A mark ringed again keeps its ring until the
/// later timer.
fn flash(marks: &[Element]) {
    let n = FLASHES
        .with(|f| {
            f.set(f.get().wrapping_add(1));
            f.get()
        })
        .to_string();
    for mark in marks {
        let _ = mark.class_list().add_1("flash");
        let _ = mark.set_attribute("data-flash", &n);
    }
    let marks = marks.to_vec();
    let unring = Closure::once_into_js(move || {
        for mark in marks.iter().filter(|m| m.get_attribute("data-flash").as_deref() == Some(n.as_str())) {
            let _ = mark.class_list().remove_1("flash");
            let _ = mark.remove_attribute("data-flash");
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(unring.unchecked_ref(), FLASH_MS);
    }
}

/// A view option remembered in this browser's localStorage (as `spanmark-view.<key>`, a key
/// the store's own records never use); `None` when it was never set or storage cannot be read.
pub fn view_option(key: &str) -> Option<String> {
    web_sys::window()?.local_storage().ok()??.get_item(&format!("spanmark-view.{key}")).ok()?
}

/// Remembers a view option (see [`view_option`]); nothing happens where storage cannot be used.
pub fn set_view_option(key: &str, value: &str) {
    if let Some(Ok(Some(local))) = web_sys::window().map(|w| w.local_storage()) {
        let _ = local.set_item(&format!("spanmark-view.{key}"), value);
    }
}
