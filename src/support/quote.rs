//! Text quoted in a message: `"…"` with quotes, backslashes and control characters escaped as
//! `{:?}` escapes them, without the standard library's Debug escaping in the wasm. Other
//! characters are shown as they are (a ZWJ stays inside its emoji, where `{:?}` writes `\u{200d}`).

use std::fmt;

/// Displays its text quoted: `Quoted("a\"b\n")` shows as `"a\"b\n"`.
pub struct Quoted<'a>(pub &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for c in self.0.chars() {
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                '\0' => f.write_str("\\0")?,
                c if c.is_control() => write!(f, "\\u{{{:x}}}", c as u32)?,
                c => write!(f, "{c}")?,
            }
        }
        f.write_str("\"")
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::Quoted;

    #[test]
    fn quotes_as_debug_does_for_text() {
        for text in ["", "Ron Dermer", "a\"b\\c", "line\r\nnext\ttab", "nul\0bell\u{7}", "🇮🇱 وزير שר"] {
            assert_eq!(Quoted(text).to_string(), format!("{text:?}"));
        }
        assert_eq!(Quoted("👩\u{200d}👦").to_string(), "\"👩\u{200d}👦\"");
    }
}
