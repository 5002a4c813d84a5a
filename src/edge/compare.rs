//! What the Compare view needs of the browser: annotators' files read as bytes, and the current
//! disagreement brought into view in its text.

use js_sys::Uint8Array;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, File, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

use crate::model::input;

/// `file`'s name and bytes, or why it cannot be read (too large, checked before reading; empty;
/// the browser refused).
pub async fn read(file: &File) -> (String, Result<Vec<u8>, String>) {
    let name = file.name();
    if let Err(e) = input::check_size(&name, file.size() as u64) {
        return (name, Err(e.to_string()));
    }
    let bytes = match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => Ok(Uint8Array::new(&buffer).to_vec()),
        Err(_) => Err(format!("{name} could not be read.")),
    };
    (name, bytes)
}

/// Scrolls the first element under `root` matching `selector` to the middle of its scrolling
/// parent, when it is not wholly in view there.
pub fn show(root: &Element, selector: &str) {
    let Ok(Some(target)) = root.query_selector(selector) else { return };
    let (t, r) = (target.get_bounding_client_rect(), root.get_bounding_client_rect());
    if t.top() >= r.top() && t.bottom() <= r.bottom() {
        return;
    }
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    options.set_behavior(ScrollBehavior::Instant);
    target.scroll_into_view_with_scroll_into_view_options(&options);
}
