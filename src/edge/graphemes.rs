//! The browser's grapheme segmenter (`Intl.Segmenter`), given to the model at start-up so that
//! the wasm carries no Unicode segmentation tables of its own (`model::graphemes`).

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(inline_js = "
const segmenter = typeof Intl === 'object' && Intl.Segmenter
  ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
export function grapheme_starts(text) {
  if (!segmenter) return null;
  const out = [];
  for (const s of segmenter.segment(text)) out.push(s.index);
  return Uint32Array.from(out);
}")]
extern "C" {
    /// The UTF-16 index where each cluster of `text` starts; `None` without `Intl.Segmenter`.
    fn grapheme_starts(text: &str) -> Option<Vec<u32>>;
}

/// Makes the browser's segmenter the model's (where the browser has none, each code point stays
/// its own cluster).
pub fn install() {
    crate::model::graphemes::install(segment);
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
