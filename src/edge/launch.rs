//! Files the installed app is opened with (the File Handling API: the manifest's
//! `file_handlers` name `.txt` and `.spanmark.json`; the browser hands them to
//! `window.launchQueue`). Where the browser has no `launchQueue`, nothing happens.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::File;

/// Calls `open` with the files of each launch (the one that opened the app, and any later one
/// the browser sends to this window), in the order given. One consumer for the page's life.
pub fn on_files(open: impl Fn(Vec<File>) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let Ok(queue) = js_sys::Reflect::get(&window, &JsValue::from_str("launchQueue")) else { return };
    let Ok(set_consumer) = js_sys::Reflect::get(&queue, &JsValue::from_str("setConsumer")) else { return };
    let Ok(set_consumer) = set_consumer.dyn_into::<js_sys::Function>() else { return };
    let open = std::rc::Rc::new(open);
    let consumer = Closure::<dyn Fn(JsValue)>::new(move |params: JsValue| {
        let open = open.clone();
        spawn_local(async move {
            let handles = js_sys::Reflect::get(&params, &JsValue::from_str("files")).unwrap_or(JsValue::UNDEFINED);
            let mut files = Vec::new();
            let handles = handles.dyn_into::<js_sys::Array>().unwrap_or_default();
            for handle in handles.iter() {
                if let Some(file) = file_of(&handle).await {
                    files.push(file);
                }
            }
            if !files.is_empty() {
                open(files);
            }
        });
    });
    if set_consumer.call1(&queue, consumer.as_ref()).is_ok() {
        consumer.forget();
    }
}

/// The file behind a `FileSystemFileHandle` (`getFile()`), or `None` when it cannot be read.
async fn file_of(handle: &JsValue) -> Option<File> {
    let get_file: js_sys::Function =
        js_sys::Reflect::get(handle, &JsValue::from_str("getFile")).ok()?.dyn_into().ok()?;
    let promise: js_sys::Promise = get_file.call0(handle).ok()?.dyn_into().ok()?;
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}
