//! The browser's grapheme segmenter (`Intl.Segmenter`), given to the model at start-up so that
//! the wasm carries no Unicode segmentation tables of its own (`model::graphemes`).

use wasm_bindgen::prelude::wasm_bindgen;

// The segmenter is made on first use (making one takes 10–20 ms, which would otherwise delay
// the first paint), or when the page is next idle after `warm`.
#[wasm_bindgen(inline_js = "
let segmenter;
const get = () => segmenter ??= (typeof Intl === 'object' && Intl.Segmenter
  ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null);
export function grapheme_starts(text) {
  const s = get();
  if (!s) return null;
  const out = [];
  for (const x of s.segment(text)) out.push(x.index);
  return Uint32Array.from(out);
}
export function warm() {
  (self.requestIdleCallback ?? setTimeout)(get);
}")]
extern "C" {
    /// The UTF-16 index where each cluster of `text` starts; `None` without `Intl.Segmenter`.
    fn grapheme_starts(text: &str) -> Option<Vec<u32>>;
    /// Makes the segmenter when the page is next idle.
    fn warm();
}

/// Makes the browser's segmenter the model's (where the browser has none, each code point stays
/// its own cluster).
pub fn install() {
    crate::model::graphemes::install(segment);
}

/// Has the segmenter made once the page is idle, so that the first selection does not wait for it
/// (called after the first draw).
pub fn warm_up() {
    warm();
}

/// Byte offsets where the clusters of `text` start, from the browser's UTF-16 indices.
fn segment(text: &str) -> Vec<usize> {
    let Some(units) = grapheme_starts(text) else {
        return text.char_indices().map(|(b, _)| b).collect();
    };
    let mut out = Vec::with_capacity(units.len());
    let mut wanted = units.into_iter().peekable();
    let mut utf16 = 0u32;
    for (byte, c) in text.char_indices() {
        while wanted.next_if(|&w| w < utf16).is_some() {}
        if wanted.next_if_eq(&utf16).is_some() {
            out.push(byte);
        }
        utf16 += c.len_utf16() as u32;
    }
    out
}
