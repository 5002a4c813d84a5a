//! Storage the browser keeps: asking that the work not be cleared under storage pressure
//! (`navigator.storage.persist()`), and how much is stored of how much the browser allows
//! (`navigator.storage.estimate()`).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = "
export async function standing(ask) {
  const storage = navigator.storage;
  if (!storage) return [];
  let kept, estimate;
  try { if (ask) kept = (await storage.persisted()) || (await storage.persist()); } catch {}
  try { estimate = await storage.estimate(); } catch {}
  return [kept, estimate && estimate.usage, estimate && estimate.quota];
}")]
extern "C" {
    /// `[persisted, usage, quota]`, each undefined where the browser gives none (persisted only
    /// when `ask`).
    fn standing(ask: bool) -> js_sys::Promise;
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

/// With `ask`, asks for persistent storage unless it is granted already (`persisted()`), and
/// says what the browser answered (else `None`); and the browser's estimate of what the site
/// stores and may store, when it gives one. Chromium answers without asking the person (by how
/// the site is used: installed, bookmarked); Firefox asks them.
pub async fn standing_of(ask: bool) -> (Option<Kept>, Option<Usage>) {
    let answer: js_sys::Array =
        JsFuture::from(standing(ask)).await.ok().and_then(|v| v.dyn_into().ok()).unwrap_or_default();
    let kept = ask.then(|| match answer.get(0).as_bool() {
        Some(true) => Kept::Persistent,
        Some(false) => Kept::MayBeCleared,
        None => Kept::Unknown,
    });
    // Bytes as the browser gives them (doubles); a negative or absent figure is no estimate.
    let bytes = |i| answer.get(i).as_f64().filter(|v| *v >= 0.0);
    let usage = bytes(1).zip(bytes(2)).map(|(stored, allowed)| Usage {
        stored: (stored / 1e5).ceil() as u32,
        allowed: (allowed / 1e5).floor() as u32,
    });
    (kept, usage)
}
