//! HTML written as text, for the views' parts that are many elements and no listeners (Compare's
//! figures, the diff's text and list, the dialogs' fixed parts; `ui` hands it to Yew as raw HTML): each
//! element of `html!` is its own code in the wasm, these are one loop. Every text and attribute
//! value is escaped, so what a file brings (names, labels, the text) is shown as text, never
//! read as markup.

/// HTML under construction.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    /// `<tag a="v"…>`; an attribute with an empty name is left out (an optional one).
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Markup {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs.iter().filter(|(n, _)| !n.is_empty()) {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            escape(&mut self.0, value);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    pub fn text(&mut self, text: &str) -> &mut Markup {
        escape(&mut self.0, text);
        self
    }

    pub fn close(&mut self, tag: &str) -> &mut Markup {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// `<tag …>text</tag>`.
    pub fn el(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) -> &mut Markup {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// The HTML written.
    pub fn into_string(self) -> String {
        self.0
    }
}

fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// A label's colour for a style attribute: `#` and 3 to 8 hex digits, else a grey.
pub fn colour(c: &str) -> &str {
    let hex = c.strip_prefix('#').unwrap_or("");
    if (3..=8).contains(&hex.len()) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        c
    } else {
        "#999999"
    }
}

#[cfg(test)]
mod tests {
    use super::{colour, Markup};

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut m = Markup::default();
        m.open("td", &[("title", "a \"quoted\" <b>"), ("", "left out")])
            .text("<script>alert('x')</script> & co")
            .close("td");
        assert_eq!(
            m.into_string(),
            "<td title=\"a &quot;quoted&quot; &lt;b&gt;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co</td>"
        );
    }

    #[test]
    fn only_hex_colours_pass() {
        assert_eq!(colour("#e69f00"), "#e69f00");
        assert_eq!(colour("red;background:url(x)"), "#999999");
        assert_eq!(colour("#12"), "#999999");
    }
}
