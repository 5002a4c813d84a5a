//! The browser's `RegExp`, given to the model at start-up as find's regular-expression engine
//! (`model::search::install`), so that the wasm carries no regex engine of its own.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use crate::model::search::MAX_MATCHES;

// Flag `u`: the pattern is read by code points (an emoji is one `.`), and with `i` case is
// ignored by Unicode's simple folding. An empty match steps on by one code point.
#[wasm_bindgen(inline_js = "
export function find_all(text, pattern, flags, most) {
  let re;
  try { re = new RegExp(pattern, flags); } catch (e) { return String(e && e.message || e); }
  const out = [];
  let m;
  while (out.length < 2 * most && (m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex = m.index + ((text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    out.push(m.index, m.index + m[0].length);
  }
  return Uint32Array.from(out);
}")]
extern "C" {
    /// UTF-16 start and end of each match, flattened, at most `most` of them; or, for a pattern
    /// the browser cannot read, its message.
    fn find_all(text: &str, pattern: &str, flags: &str, most: u32) -> JsValue;
}

/// Makes the browser's `RegExp` the model's.
pub fn install() {
    crate::model::search::install(matches);
}

/// Byte ranges of `pattern`'s matches in `text`, from the browser's UTF-16 indices.
fn matches(text: &str, pattern: &str, ignore_case: bool) -> Result<Vec<(usize, usize)>, String> {
    let got = find_all(text, pattern, if ignore_case { "giu" } else { "gu" }, (MAX_MATCHES + 1) as u32);
    if let Some(message) = got.as_string() {
        return Err(message);
    }
    let units = js_sys::Uint32Array::from(got).to_vec();
    // Each UTF-16 index (ascending: starts and ends alternate in text order) to a byte offset.
    let mut bytes = Vec::with_capacity(units.len());
    let mut wanted = units.iter().copied().peekable();
    let mut utf16 = 0u32;
    for (byte, c) in text.char_indices().chain([(text.len(), '\0')]) {
        while let Some(w) = wanted.next_if(|&w| w <= utf16) {
            bytes.push(if w == utf16 { byte } else { usize::MAX });
        }
        if wanted.peek().is_none() {
            break;
        }
        utf16 += c.len_utf16() as u32;
    }
    bytes.extend(wanted.map(|_| usize::MAX));
    // An index inside a character (or past the text) becomes usize::MAX: the model drops it.
    Ok(bytes.chunks_exact(2).map(|p| (p[0], p[1])).collect())
}
