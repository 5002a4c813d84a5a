//! The agreement report: JSON (`docs/agreement.md`, `schema/spanmark-agreement.schema.json`) and
//! CSV (RFC 4180, through [`Csv`]). Both are written by hand, numbers by integer arithmetic ([`decimal`]): serde
//! and float formatting would each add kilobytes to the wasm for these two files.

use super::counts::{Counts, Figure};
use super::figures::{Figures, ALL};
use super::keyed::Keyed;
use crate::support::csv::Csv;

/// The value of the report's `format` field.
pub const FORMAT: &str = "spanmark-agreement";
pub const VERSION: u32 = 1;

/// The CSV header.
pub const CSV_HEADER: [&str; 12] =
    ["a", "b", "label", "measure", "tp", "fp", "fn", "precision", "recall", "f1", "value", "undefined"];

/// Places after the decimal point that [`decimal`] keeps.
const PLACES: u32 = 15;

/// A figure as the report writes it: at most 15 places after the point, rounded, trailing zeros
/// dropped (`1`, `0.5`, `0.666666666666667`, `-0.125`): within 5·10⁻¹⁶ of the figure, written by
/// integer arithmetic. Figures are finite and small (|x| ≤ 2 or so); the point is kept for any
/// below 18,000.
pub fn decimal(x: f64) -> String {
    let unit = 10u64.pow(PLACES);
    // `as` rounds toward zero and saturates: +0.5 first rounds half up.
    let scaled = (x.abs() * unit as f64 + 0.5) as u64;
    let (whole, frac) = (scaled / unit, scaled % unit);
    let mut out = String::new();
    if x < 0.0 && scaled != 0 {
        out.push('-');
    }
    out.push_str(&whole.to_string());
    if frac != 0 {
        let digits = format!("{frac:015}");
        out.push('.');
        out.push_str(digits.trim_end_matches('0'));
    }
    out
}

/// `s` as a JSON string: quotes, backslashes and control characters escaped.
fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                for shift in [4, 0] {
                    out.push(char::from(b"0123456789abcdef"[((c as u32) >> shift & 0xf) as usize]));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn number_or_null(out: &mut String, x: Option<f64>) {
    match x {
        Some(x) => out.push_str(&decimal(x)),
        None => out.push_str("null"),
    }
}

fn strings(out: &mut String, items: &[String]) {
    out.push('[');
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        string(out, s);
    }
    out.push(']');
}

/// The keys of every per-label map: the labels in order, then "all".
fn keys(f: &Figures) -> impl Iterator<Item = &str> {
    f.labels.iter().map(String::as_str).chain([ALL])
}

/// `{ "key": value, … }` over the report's keys, one per line at `indent`.
fn per_label(out: &mut String, f: &Figures, indent: &str, value: &dyn Fn(&mut String, &str)) {
    out.push_str("{\n");
    for (i, k) in keys(f).enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        out.push_str(indent);
        out.push_str("  ");
        string(out, k);
        out.push_str(": ");
        value(out, k);
    }
    out.push('\n');
    out.push_str(indent);
    out.push('}');
}

fn counts(out: &mut String, c: Counts) {
    out.push_str(&format!("{{\"tp\": {}, \"fp\": {}, \"fn\": {}, \"precision\": ", c.tp, c.fp, c.fn_));
    number_or_null(out, c.precision());
    out.push_str(", \"recall\": ");
    number_or_null(out, c.recall());
    out.push_str(", \"f1\": ");
    number_or_null(out, c.f1());
    out.push('}');
}

fn name(f: &Figures, i: usize) -> &str {
    f.annotators.get(i).map_or("", String::as_str)
}

/// The report as JSON: `format`, `version`, `document` {`title`, `sha256`}, `annotators`,
/// `labels`, `pairs` (by annotator name; `exact` and `overlap` counts with precision, recall and
/// F1, `token_kappa`), `alpha`; every per-label map keyed by the labels in order, then "all"; an
/// undefined figure is `null`.
pub fn report_json(title: &str, sha256: &str, f: &Figures) -> String {
    let mut out = String::from("{\n  \"format\": ");
    string(&mut out, FORMAT);
    out.push_str(&format!(",\n  \"version\": {VERSION},\n  \"document\": {{\"title\": "));
    string(&mut out, title);
    out.push_str(", \"sha256\": ");
    string(&mut out, sha256);
    out.push_str("},\n  \"annotators\": ");
    strings(&mut out, &f.annotators);
    out.push_str(",\n  \"labels\": ");
    strings(&mut out, &f.labels);
    out.push_str(",\n  \"pairs\": [");
    for (i, p) in f.pairs.iter().enumerate() {
        out.push_str(if i > 0 { ",\n    {\n      \"a\": " } else { "\n    {\n      \"a\": " });
        string(&mut out, name(f, p.a));
        out.push_str(",\n      \"b\": ");
        string(&mut out, name(f, p.b));
        for (field, map) in [("exact", &p.exact), ("overlap", &p.overlap)] {
            out.push_str(&format!(",\n      \"{field}\": "));
            per_label(&mut out, f, "      ", &|out, k| counts(out, map.get(k).copied().unwrap_or_default()));
        }
        out.push_str(",\n      \"token_kappa\": ");
        per_label(&mut out, f, "      ", &|out, k| number_or_null(out, defined(&p.token_kappa, k)));
        out.push_str("\n    }");
    }
    out.push_str(if f.pairs.is_empty() { "],\n  \"alpha\": " } else { "\n  ],\n  \"alpha\": " });
    per_label(&mut out, f, "  ", &|out, k| number_or_null(out, defined(&f.alpha, k)));
    out.push_str("\n}\n");
    out
}

fn defined(map: &Keyed<String, Figure>, key: &str) -> Option<f64> {
    map.get(key).and_then(|v| v.ok())
}

/// The report as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, a quote or a
/// line break): one row per pair × label (and "all") × measure (`exact`, `overlap`, with F1 as
/// the `value`; `token_kappa`), then one per label for `alpha` (with `a` and `b` empty). An
/// undefined figure is an empty field, and `undefined` says why.
pub fn report_csv(f: &Figures) -> String {
    let mut csv = Csv::new(&CSV_HEADER);
    let num = |v: Option<f64>| v.map(decimal).unwrap_or_default();
    let mut row = |fields: [&str; 12]| csv.record(fields);
    for p in &f.pairs {
        let (a, b) = (name(f, p.a), name(f, p.b));
        for k in keys(f) {
            for (measure, m) in [("exact", &p.exact), ("overlap", &p.overlap)] {
                let c = m.get(k).copied().unwrap_or_default();
                let (tp, fp, fn_) = (c.tp.to_string(), c.fp.to_string(), c.fn_.to_string());
                let (pr, rc, f1) = (num(c.precision()), num(c.recall()), num(c.f1()));
                let why = if c.f1().is_none() { "no_spans" } else { "" };
                row([a, b, k, measure, &tp, &fp, &fn_, &pr, &rc, &f1, &f1, why]);
            }
            let (value, why) = split(p.token_kappa.get(k).copied());
            row([a, b, k, "token_kappa", "", "", "", "", "", "", &value, why]);
        }
    }
    for k in keys(f) {
        let (value, why) = split(f.alpha.get(k).copied());
        row(["", "", k, "alpha", "", "", "", "", "", "", &value, why]);
    }
    csv.finish()
}

fn split(v: Option<Figure>) -> (String, &'static str) {
    match v {
        Some(Ok(x)) => (decimal(x), ""),
        Some(Err(why)) => (String::new(), why.code()),
        None => (String::new(), ""),
    }
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn decimals_by_integer_arithmetic() {
        let cases: &[(f64, &str)] = &[
            (1.0, "1"),
            (0.0, "0"),
            (-0.0, "0"),
            (0.5, "0.5"),
            (2.0 / 3.0, "0.666666666666667"),
            (-0.125, "-0.125"),
            (1e-16, "0"),
            (-1e-16, "0"),
            (0.1 + 0.2, "0.3"),
            (-1.5, "-1.5"),
            (12.0, "12"),
            (1e-15, "0.000000000000001"),
            (0.999_999_999_999_999_9, "1"),
        ];
        for (x, want) in cases {
            assert_eq!(decimal(*x), *want, "{x}");
        }
    }
}
