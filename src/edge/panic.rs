//! A panic in WebAssembly stops the app. This hook keeps the page from going blank: it shows
//! what happened and how to get going again. A trap (a `WebAssembly.RuntimeError`: `unreachable`,
//! as an allocation that finds no memory ends, or an access out of bounds) is not a panic, and
//! no hook runs for it: it reaches the page as an uncaught exception (`error`) or, when the
//! wasm ran in a future, a rejected promise (`unhandledrejection`). Two listeners show the same
//! message for those.

use std::panic::PanicHookInfo;

use js_sys::{Reflect, WebAssembly};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

pub fn install() {
    yew::set_custom_panic_hook(Box::new(show));
    listen_for_traps();
}

fn show(info: &PanicHookInfo<'_>) {
    show_message(&info.to_string());
}

/// Puts the crash message over the page, with `detail` (what panicked, and where).
pub fn show_message(detail: &str) {
    web_sys::console::error_1(&detail.into());
    if let Some(pre) = overlay() {
        pre.set_text_content(Some(detail));
    }
}

/// Shows the crash message for a trap, the error's stack (or the error itself) as the detail.
/// The listeners make no Rust string, so allocate nothing in the wasm: after a trap for want of
/// memory, an allocation could trap again. Once only: a panic ends in a trap too (`unreachable`,
/// after the hook has shown its message), and the panic's message says more.
fn listen_for_traps() {
    let Some(window) = web_sys::window() else { return };
    for (event, field) in [("error", "error"), ("unhandledrejection", "reason")] {
        let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
            let error = Reflect::get(&e, &JsValue::from_str(field)).unwrap_or(JsValue::UNDEFINED);
            if !error.is_instance_of::<WebAssembly::RuntimeError>() || shown() {
                return;
            }
            web_sys::console::error_1(&error);
            let stack = Reflect::get(&error, &JsValue::from_str("stack")).ok().filter(JsValue::is_string);
            if let Some(pre) = overlay() {
                let _ = Reflect::set(&pre, &JsValue::from_str("textContent"), &stack.unwrap_or(error));
            }
        });
        let _ = window.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        // Listeners for the life of the page.
        listener.forget();
    }
}

fn document() -> Option<Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Whether the crash message is already on the page.
fn shown() -> bool {
    document().and_then(|d| d.get_element_by_id("crash")).is_some()
}

/// The crash message put over the page; its `<pre>`, for the detail.
fn overlay() -> Option<Element> {
    let document = document()?;
    let overlay = document.create_element("div").ok()?;
    overlay.set_id("crash");
    let _ = overlay.set_attribute("role", "alert");
    let _ = overlay.set_attribute("class", "crash");
    overlay.set_inner_html(
        "<h2>spanmark stopped because of an internal error</h2>\
         <p>The page can no longer respond. Every change up to the last one was saved in this \
         browser as you made it: reload the page to carry on from there. Please report what you \
         did just before this, with the details below.</p><pre></pre>",
    );
    document.body()?.append_child(&overlay).ok()?;
    overlay.query_selector("pre").ok().flatten()
}
