//! Storage the browser keeps: asking that the work not be cleared under storage pressure
//! (`navigator.storage.persist()`), and how much is stored of how much the browser allows
//! (`navigator.storage.estimate()`).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "
export function watch(answer) {
  const storage = navigator.storage;
  if (!storage) return answer(undefined, undefined, undefined);
  const estimate = (kept) =>
    storage.estimate().then((e) => answer(kept, e.usage, e.quota), () => answer(kept, undefined, undefined));
  storage.persisted()
    .then((kept) => kept || storage.persist())
    .then(estimate, () => estimate(undefined));
  setInterval(() => document.visibilityState === 'visible' && estimate(null), 30000);
}")]
extern "C" {
    /// Asks for persistent storage unless it is granted already (`persisted()`), then calls
    /// `answer(kept, usage, quota)` with the browser's answer and estimate, then every 30 s
    /// while the page is shown with a new estimate (`kept` null). Undefined where the browser
    /// gives nothing.
    fn watch(answer: JsValue);
}

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

/// How much the site stores and how much the browser allows it, in tenths of a megabyte (10⁵
/// bytes; u32 holds 429 TB): what is stored rounded up (a few bytes show as 0.1 MB), what is
/// allowed rounded down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Usage {
    pub stored: u32,
    pub allowed: u32,
}

/// Asks once for persistent storage and calls `onanswer` with the answer and the browser's
/// estimate of what the site stores and may store (`None` where it gives none); then every 30 s
/// while the page is shown with a new estimate and no answer. Chromium answers without asking
/// the person (by how the site is used: installed, bookmarked); Firefox asks them. One listener
/// for the page's life.
pub fn watch_storage(onanswer: impl Fn(Option<Kept>, Option<Usage>) + 'static) {
    let answer =
        Closure::<dyn Fn(JsValue, JsValue, JsValue)>::new(move |kept: JsValue, usage: JsValue, quota: JsValue| {
            let kept = (!kept.is_null()).then(|| match kept.as_bool() {
                Some(true) => Kept::Persistent,
                Some(false) => Kept::MayBeCleared,
                None => Kept::Unknown,
            });
            // Bytes as the browser gives them (doubles); a negative or absent figure is no estimate.
            let bytes = |v: JsValue| v.as_f64().filter(|v| *v >= 0.0);
            let usage = bytes(usage).zip(bytes(quota)).map(|(stored, allowed)| Usage {
                stored: (stored / 1e5).ceil() as u32,
                allowed: (allowed / 1e5).floor() as u32,
            });
            onanswer(kept, usage);
        });
    watch(answer.into_js_value());
}
