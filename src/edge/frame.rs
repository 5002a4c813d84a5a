//! Waiting for the frame: work that reads layout, or is heavy, and should not hold up the frame
//! that shows an edit (a large record stored, the article measured, the list kept in view).

use js_sys::Promise;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = "
export function after_paint(ms) {
  return new Promise((resolve) => {
    const idle = self.requestIdleCallback ? (f) => requestIdleCallback(f, { timeout: ms }) : setTimeout;
    requestAnimationFrame(() => idle(() => resolve()));
    setTimeout(resolve, ms);
  });
}")]
extern "C" {
    /// Resolves once the next frame has been painted and the page is idle after it (an idle
    /// callback asked for from an animation frame callback: it runs after that frame's
    /// rendering and after the tasks already waiting, such as the input that follows), or after
    /// `ms` at most: a hidden page paints no frames, and its work must still be done.
    fn after_paint(ms: u32) -> Promise;
}

/// The longest the work waits for a frame to be painted, in ms.
const PAINT_WAIT_MS: u32 = 100;

/// Once the next frame has been painted and the page is idle (or 100 ms at most, for a hidden
/// page): for work that reads layout and should not hold up the frame that shows an edit, nor
/// what the person does next.
pub async fn painted() {
    let _ = JsFuture::from(after_paint(PAINT_WAIT_MS)).await;
}
