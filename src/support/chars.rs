//! A text with each character replaced: one function for every caller, where
//! `text.chars().map(f).collect::<String>()` was a copy of the collecting loop per closure.

/// `text` with every character `c` replaced by `f(c)`.
pub fn map_chars(text: &str, f: fn(char) -> char) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        out.push(f(c));
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #[test]
    fn replaces_each_character() {
        assert_eq!(super::map_chars("a b\tc", |c| if c.is_whitespace() { '_' } else { c }), "a_b_c");
        assert_eq!(super::map_chars("", |c| c), "");
    }
}
