//! The browser's segmenters (`Intl.Segmenter`, graphemes and words), given to the model at
//! start-up so that the wasm carries no Unicode segmentation tables of its own
//! (`model::graphemes`, `model::words`).

use wasm_bindgen::prelude::wasm_bindgen;

// Each segmenter is made on first use (making one takes 10–20 ms, which would otherwise delay
// the first paint), or when the page is next idle after `warm`: graphemes, then words, each in
// an idle slice of its own (the first drag, word motion or snap would otherwise wait for it).
#[wasm_bindgen(inline_js = "
const made = {};
const get = (granularity) => made[granularity] ??= (typeof Intl === 'object' && Intl.Segmenter
  ? new Intl.Segmenter(undefined, { granularity }) : null);
export function starts(text, words) {
  const s = get(words ? 'word' : 'grapheme');
  if (!s) return null;
  const out = [];
  for (const x of s.segment(text)) out.push(x.index);
  return Uint32Array.from(out);
}
export function warm() {
  const idle = self.requestIdleCallback ?? setTimeout;
  idle(() => { get('grapheme'); idle(() => get('word')); });
}")]
extern "C" {
    /// The UTF-16 index where each grapheme cluster (or, with `words`, each piece between word
    /// boundaries) of `text` starts; `None` without `Intl.Segmenter`.
    fn starts(text: &str, words: bool) -> Option<Vec<u32>>;
    /// Makes the grapheme segmenter when the page is next idle, then the word segmenter.
    fn warm();
}

/// Makes the browser's segmenters the model's (where the browser has none, the model's own
/// rough rules stay: each code point a cluster, runs of letters and digits words).
pub fn install() {
    crate::model::graphemes::install(graphemes);
    crate::model::words::install(words);
}

/// Has the segmenters made once the page is idle, so that the first selection, word motion or
/// snap does not wait for one (called after the first draw).
pub fn warm_up() {
    warm();
}

fn graphemes(text: &str) -> Vec<usize> {
    segment(text, false)
}

fn words(text: &str) -> Vec<usize> {
    segment(text, true)
}

/// Byte offsets where the pieces of `text` start, from the browser's UTF-16 indices.
fn segment(text: &str, words: bool) -> Vec<usize> {
    let Some(units) = starts(text, words) else {
        return match words {
            false => text.char_indices().map(|(b, _)| b).collect(),
            true => crate::model::words::rough(text),
        };
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
