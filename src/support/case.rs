//! Lowercasing for find and for label ids, from a compact table that `build.rs` derives from the
//! standard library's own `char::to_lowercase` (which would bring a table three times the size
//! into the wasm). Same answers for every character: a test checks them all.

use std::iter::{once, Chain, Once};
use std::option;

include!(concat!(env!("OUT_DIR"), "/lowercase.rs"));

/// The lowercase of `c`: one character, or two (İ is i + U+0307), as `char::to_lowercase`.
pub fn lowercase(c: char) -> Chain<Once<char>, option::IntoIter<char>> {
    if c.is_ascii() {
        return once(c.to_ascii_lowercase()).chain(None);
    }
    if let Some(&(_, a, b)) = PAIRS.iter().find(|p| p.0 == c) {
        return once(a).chain(Some(b));
    }
    let code = c as u32;
    let at = RUNS.partition_point(|&(packed, _)| packed & 0x1f_ffff <= code);
    let lowered = at.checked_sub(1).and_then(|i| {
        let (packed, delta) = RUNS[i];
        let (first, stride, count) = (packed & 0x1f_ffff, (packed >> 21 & 1) + 1, packed >> 22);
        let k = (code - first) / stride;
        ((code - first) % stride == 0 && k < count).then(|| char::from_u32(code.wrapping_add_signed(delta)))
    });
    once(lowered.flatten().unwrap_or(c)).chain(None)
}

/// `text` lowercased, character by character.
pub fn to_lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        out.extend(lowercase(c));
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #[test]
    fn every_character_lowers_as_the_standard_library_does() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert!(super::lowercase(c).eq(c.to_lowercase()), "{c:?} (U+{:04X})", c as u32);
        }
        assert_eq!(super::to_lowercase("İSTANBUL ΣΑΣ Ǆ"), "i\u{307}stanbul σασ ǆ");
    }
}
