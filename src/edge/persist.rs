//! Storage the browser keeps: asking that the work not be cleared under storage pressure
//! (`navigator.storage.persist()`), and how much is stored of how much the browser allows
//! (`navigator.storage.estimate()`).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{StorageEstimate, StorageManager};

/// The browser's answer to the request for persistent storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    /// Not answered yet.
    Asking,
    /// The work is kept until the person clears it.
    Persistent,
    /// The browser may clear the work when it runs short of space.
    MayBeCleared,
    /// This browser or page cannot ask (no `navigator.storage`).
    Unknown,
}

/// How much the site stores and how much the browser allows it, in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Usage {
    pub stored: u64,
    pub allowed: u64,
}

fn manager() -> Option<StorageManager> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?.dyn_into().ok()
}

async fn answer(promise: Result<js_sys::Promise, JsValue>) -> Option<JsValue> {
    JsFuture::from(promise.ok()?).await.ok()
}

/// Asks for persistent storage, unless it is granted already (`persisted()`), and says what
/// the browser answered. Chromium answers without asking the person (by how the site is used:
/// installed, bookmarked); Firefox asks them.
pub async fn ask() -> Kept {
    let Some(manager) = manager() else { return Kept::Unknown };
    if answer(manager.persisted()).await.and_then(|v| v.as_bool()) == Some(true) {
        return Kept::Persistent;
    }
    match answer(manager.persist()).await.and_then(|v| v.as_bool()) {
        Some(true) => Kept::Persistent,
        Some(false) => Kept::MayBeCleared,
        None => Kept::Unknown,
    }
}

/// The browser's estimate of what the site stores and may store, when it gives one.
pub async fn estimate() -> Option<Usage> {
    let estimate: StorageEstimate = answer(manager()?.estimate()).await?.unchecked_into();
    // Whole bytes (the browser gives doubles); a negative or absent figure is no estimate.
    let bytes = |v: Option<f64>| v.filter(|v| *v >= 0.0).map(|v| v as u64);
    Some(Usage { stored: bytes(estimate.get_usage())?, allowed: bytes(estimate.get_quota())? })
}
