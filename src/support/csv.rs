//! CSV as RFC 4180 writes it: fields separated by commas, records ended by CRLF, a field quoted
//! when it holds a comma, a quote or a line break (a quote inside doubled). The one CSV writer of
//! the app: the agreement report and the events & claims tables both go through [`Csv`].

/// A CSV file being written, one record at a time.
///
/// A file meant for spreadsheets ([`Csv::for_spreadsheets`]) starts with a UTF-8 byte-order mark
/// (so Excel reads it as UTF-8, not as the system's code page) and neutralises every field that
/// a spreadsheet could run as a formula: one beginning with `=`, `+`, `-`, `@`, a tab or a
/// carriage return gets a `'` in front (OWASP's advice for CSV injection). A plain file
/// ([`Csv::new`]) writes fields as given (the agreement report's negative figures stay numbers).
pub struct Csv {
    out: String,
    /// Whether fields that look like formulas get a `'` in front.
    neutralise: bool,
}

impl Csv {
    /// A plain file whose first record is `header`.
    pub fn new(header: &[&str]) -> Csv {
        Csv::start(String::new(), false, header)
    }

    /// A file for spreadsheets: a byte-order mark, then `header`; formula-like fields neutralised.
    pub fn for_spreadsheets(header: &[&str]) -> Csv {
        Csv::start(String::from('\u{feff}'), true, header)
    }

    fn start(out: String, neutralise: bool, header: &[&str]) -> Csv {
        let mut csv = Csv { out, neutralise };
        csv.record(header.iter().copied());
        csv
    }

    /// Appends one record.
    pub fn record<'a>(&mut self, fields: impl IntoIterator<Item = &'a str>) {
        for (i, field) in fields.into_iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.field(field);
        }
        self.out.push_str("\r\n");
    }

    fn field(&mut self, s: &str) {
        let formula = self.neutralise && s.starts_with(['=', '+', '-', '@', '\t', '\r']);
        if !s.contains([',', '"', '\r', '\n']) {
            if formula {
                self.out.push('\'');
            }
            self.out.push_str(s);
            return;
        }
        self.out.push('"');
        if formula {
            self.out.push('\'');
        }
        for c in s.chars() {
            if c == '"' {
                self.out.push('"');
            }
            self.out.push(c);
        }
        self.out.push('"');
    }

    /// The file's text.
    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::Csv;

    #[test]
    fn fields_quoted_only_when_they_must_be() {
        let cases: &[(&str, &str)] = &[
            ("plain", "plain"),
            ("", ""),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("cr\rhere", "\"cr\rhere\""),
            ("-0.125", "-0.125"),
            ("=1+1", "=1+1"),
        ];
        for (field, want) in cases {
            let mut csv = Csv::new(&["h"]);
            csv.record([*field]);
            assert_eq!(csv.finish(), format!("h\r\n{want}\r\n"), "{field:?}");
        }
    }

    #[test]
    fn spreadsheet_fields_never_start_a_formula() {
        let cases: &[(&str, &str)] = &[
            ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@cmd", "'@cmd"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            ("=HYPERLINK(\"a\",\"b\")", "\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\""),
            ("a=b", "a=b"),
            ("", ""),
            ("Ron Dermer", "Ron Dermer"),
        ];
        for (field, want) in cases {
            let mut csv = Csv::for_spreadsheets(&["h"]);
            csv.record([*field]);
            assert_eq!(csv.finish(), format!("\u{feff}h\r\n{want}\r\n"), "{field:?}");
        }
    }

    #[test]
    fn records_end_with_crlf() {
        let mut csv = Csv::new(&["a", "b"]);
        csv.record(["1", "2"]);
        csv.record(["", "x,y"]);
        assert_eq!(csv.finish(), "a,b\r\n1,2\r\n,\"x,y\"\r\n");
    }
}
