//! A panic in WebAssembly stops the app. This hook keeps the page from going blank: it shows
//! what happened and how to get going again.

use std::panic::PanicHookInfo;

pub fn install() {
    yew::set_custom_panic_hook(Box::new(show));
}

fn show(info: &PanicHookInfo<'_>) {
    show_message(&info.to_string());
}

/// Puts the crash message over the page, with `detail` (what panicked, and where).
pub fn show_message(detail: &str) {
    web_sys::console::error_1(&detail.into());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(overlay) = document.create_element("div") else { return };
    overlay.set_id("crash");
    let _ = overlay.set_attribute("role", "alert");
    let _ = overlay.set_attribute("class", "crash");
    overlay.set_inner_html(
        "<h2>spanmark stopped because of an internal error</h2>\
         <p>The page can no longer respond. Every change up to the last one was saved in this \
         browser as you made it: reload the page to carry on from there. Please report what you \
         did just before this, with the details below.</p><pre></pre>",
    );
    if let Ok(Some(pre)) = overlay.query_selector("pre") {
        pre.set_text_content(Some(detail));
    }
    if let Some(body) = document.body() {
        let _ = body.append_child(&overlay);
    }
}
