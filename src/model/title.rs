//! What a title may hold and how it is shown. A title is one line a person reads: control
//! characters and the bidirectional formatting characters (embeddings, overrides, isolates) in
//! it are replaced by visible ones when a document is made or renamed, so that a file name such
//! as `report\u{202e}fdp.exe` reads as it is rather than reordered, and a title carries no line
//! break or escape into the page, a message or a file name. Pasted text and titles share the cap
//! of opened files ([`MAX_FILE_BYTES`]), checked before anything changes ([`over_cap`]).

use super::input::MAX_FILE_BYTES;

/// `s` with every control character shown by its Control Pictures symbol (U+0000–U+001F as
/// ␀–␟, U+007F as ␡) and every C1 control, line or paragraph separator and bidirectional
/// embedding, override or isolate (U+202A–U+202E, U+2066–U+2069) as U+FFFD; the rest as it is.
pub fn visible(s: &str) -> String {
    crate::support::chars::map_chars(s, |c| match c {
        '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        '\u{80}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => '\u{fffd}',
        c => c,
    })
}

/// Why `what` (a pasted text, a title) of `bytes` bytes is refused, naming the cap it is over
/// (that of opened files); `None` when it is within it.
pub fn over_cap(what: &str, bytes: usize) -> Option<String> {
    const MB: u64 = 1024 * 1024;
    let bytes = bytes as u64;
    (bytes > MAX_FILE_BYTES).then(|| {
        format!(
            "{what} is {} MB; spanmark takes up to {} MB, as for an opened file, so nothing was changed. \
             Split it into parts of that size.",
            bytes.div_ceil(MB),
            MAX_FILE_BYTES / MB
        )
    })
}
