//! The agreement report: JSON (`docs/agreement.md`, `schema/spanmark-agreement.schema.json`) and
//! CSV (RFC 4180).

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::counts::{Counts, Figure};
use super::figures::{Figures, ALL};

/// The value of the report's `format` field.
pub const FORMAT: &str = "spanmark-agreement";
pub const VERSION: u32 = 1;

/// A map written in the order given (labels as listed, then "all").
struct Ordered<T>(Vec<(String, T)>);

impl<T: Serialize> Serialize for Ordered<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[derive(serde::Serialize)]
struct CountsOut {
    tp: usize,
    fp: usize,
    #[serde(rename = "fn")]
    fn_: usize,
    precision: Option<f64>,
    recall: Option<f64>,
    f1: Option<f64>,
}

impl From<&Counts> for CountsOut {
    fn from(c: &Counts) -> CountsOut {
        CountsOut { tp: c.tp, fp: c.fp, fn_: c.fn_, precision: c.precision(), recall: c.recall(), f1: c.f1() }
    }
}

#[derive(serde::Serialize)]
struct DocOut<'a> {
    title: &'a str,
    sha256: &'a str,
}

#[derive(serde::Serialize)]
struct PairOut<'a> {
    a: &'a str,
    b: &'a str,
    exact: Ordered<CountsOut>,
    overlap: Ordered<CountsOut>,
    token_kappa: Ordered<Option<f64>>,
}

#[derive(serde::Serialize)]
struct ReportOut<'a> {
    format: &'a str,
    version: u32,
    document: DocOut<'a>,
    annotators: &'a [String],
    labels: &'a [String],
    pairs: Vec<PairOut<'a>>,
    alpha: Ordered<Option<f64>>,
}

/// The report keys: the labels in order, then "all".
fn keys(f: &Figures) -> impl Iterator<Item = &str> {
    f.labels.iter().map(String::as_str).chain([ALL])
}

fn figure(v: Option<&Figure>) -> Option<f64> {
    v.and_then(|v| v.ok())
}

/// The report as JSON: `format`, `version`, `document` {`title`, `sha256`}, `annotators`,
/// `labels`, `pairs` (by annotator name; `exact` and `overlap` counts with precision, recall and
/// F1, `token_kappa`), `alpha`; an undefined figure is `null`.
pub fn report_json(title: &str, sha256: &str, f: &Figures) -> String {
    let counts = |m: &std::collections::BTreeMap<String, Counts>| {
        Ordered(keys(f).map(|k| (k.to_owned(), CountsOut::from(&m.get(k).copied().unwrap_or_default()))).collect())
    };
    let name = |i: usize| f.annotators.get(i).map_or("", String::as_str);
    let report = ReportOut {
        format: FORMAT,
        version: VERSION,
        document: DocOut { title, sha256 },
        annotators: &f.annotators,
        labels: &f.labels,
        pairs: f
            .pairs
            .iter()
            .map(|p| PairOut {
                a: name(p.a),
                b: name(p.b),
                exact: counts(&p.exact),
                overlap: counts(&p.overlap),
                token_kappa: Ordered(keys(f).map(|k| (k.to_owned(), figure(p.token_kappa.get(k)))).collect()),
            })
            .collect(),
        alpha: Ordered(keys(f).map(|k| (k.to_owned(), figure(f.alpha.get(k)))).collect()),
    };
    // Plain structs of strings and numbers (no NaN: undefined figures are None) cannot fail.
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_default();
    out.push('\n');
    out
}

/// The CSV header.
pub const CSV_HEADER: &str = "a,b,label,measure,tp,fp,fn,precision,recall,f1,value,undefined";

/// The report as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, a quote or a
/// line break): one row per pair × label × measure (`exact`, `overlap`, `token_kappa`), then one
/// per label for `alpha` (with `a` and `b` empty). An undefined figure is an empty field, and
/// `undefined` says why.
pub fn report_csv(f: &Figures) -> String {
    let mut out = String::from(CSV_HEADER);
    out.push_str("\r\n");
    let num = |v: Option<f64>| v.map(number).unwrap_or_default();
    let name = |i: usize| f.annotators.get(i).map_or("", String::as_str);
    let mut row = |fields: [&str; 12]| {
        let line: Vec<String> = fields.iter().map(|s| csv_field(s)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    };
    for p in &f.pairs {
        for k in keys(f) {
            for (measure, m) in [("exact", &p.exact), ("overlap", &p.overlap)] {
                let c = m.get(k).copied().unwrap_or_default();
                let (tp, fp, fn_) = (c.tp.to_string(), c.fp.to_string(), c.fn_.to_string());
                let (pr, rc, f1) = (num(c.precision()), num(c.recall()), num(c.f1()));
                let why = if c.f1().is_none() { "no_spans" } else { "" };
                row([name(p.a), name(p.b), k, measure, &tp, &fp, &fn_, &pr, &rc, &f1, &f1, why]);
            }
            let kappa = p.token_kappa.get(k).copied();
            let (value, why) = split(kappa);
            row([name(p.a), name(p.b), k, "token_kappa", "", "", "", "", "", "", &value, why]);
        }
    }
    for k in keys(f) {
        let (value, why) = split(f.alpha.get(k).copied());
        row(["", "", k, "alpha", "", "", "", "", "", "", &value, why]);
    }
    out
}

fn split(v: Option<Figure>) -> (String, &'static str) {
    match v {
        Some(Ok(x)) => (number(x), ""),
        Some(Err(why)) => (String::new(), why.code()),
        None => (String::new(), ""),
    }
}

/// A figure as JSON writes it (shortest form that reads back the same).
fn number(x: f64) -> String {
    serde_json::to_string(&x).unwrap_or_default()
}

/// One CSV field, quoted when it must be.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}
