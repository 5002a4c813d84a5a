//! Properties of the agreement figures over random annotators of random texts (emoji, CRLF,
//! nested and crossing spans, labels the document does not have), and `read_coder` over damaged
//! files: counts add up, figures stay in range, swapping a pair swaps precision and recall,
//! identical annotators agree fully, the diff holds every span once, and nothing panics.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use spanmark::model::agreement::{figures, groups, read_coder, report_csv, report_json, Coded, Coder, Counts, ALL};
use spanmark::model::formats::spanmark as native;
use spanmark::model::{Action, Document, Editor, LabelId, Labels, Span};

fn cases(default: u32) -> ProptestConfig {
    let n = std::env::var("SPANMARK_FUZZ_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(default);
    ProptestConfig { cases: n, failure_persistence: None, ..ProptestConfig::default() }
}

const PIECES: &[&str] = &["ana", " ", "met", ", ", "Ben", "\r\n", "👩‍👩‍👦", "Café", "3.5", "—", "أسعد", "x"];
const LABELS: &[&str] = &["actor", "location", "claim", "other"];

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(0..PIECES.len(), 0..30).prop_map(|ps| ps.into_iter().map(|p| PIECES[p]).collect())
}

/// Spans as (start, length, label) fractions, placed once the text's length is known.
fn raw_coders() -> impl Strategy<Value = Vec<Vec<(u16, u8, usize)>>> {
    proptest::collection::vec(proptest::collection::vec((any::<u16>(), 1u8..20, 0..LABELS.len()), 0..12), 1..5)
}

fn place(len: usize, raw: &[Vec<(u16, u8, usize)>]) -> Vec<Coder> {
    raw.iter()
        .enumerate()
        .map(|(i, spans)| {
            let spans = if len == 0 {
                Vec::new()
            } else {
                spans
                    .iter()
                    .map(|&(s, l, label)| {
                        let start = s as usize % len;
                        Coded { start, end: (start + l as usize).min(len), label: LABELS[label].to_owned() }
                    })
                    .filter(|c| c.start < c.end)
                    .collect()
            };
            Coder::new(format!("c{i}"), spans)
        })
        .collect()
}

fn of_label(c: &Coder, key: &str) -> usize {
    c.spans.iter().filter(|s| key == ALL || s.label == key).count()
}

proptest! {
    #![proptest_config(cases(2_000))]

    #[test]
    fn figures_hold_together(text in text(), raw in raw_coders()) {
        let doc = Document::new("t.txt", text.clone()).expect("small");
        let coders = place(text.chars().count(), &raw);
        let asked: Vec<String> = LABELS[..3].iter().map(|l| (*l).to_owned()).collect();
        let f = figures(&doc, &asked, &coders);
        let keys: Vec<&str> = f.labels.iter().map(String::as_str).chain([ALL]).collect();
        prop_assert_eq!(&f.labels[..3], &asked[..]);
        prop_assert_eq!(f.pairs.len(), coders.len() * (coders.len() - 1) / 2);
        for p in &f.pairs {
            let (a, b) = (&coders[p.a], &coders[p.b]);
            for map in [&p.exact, &p.overlap] {
                prop_assert_eq!(map.keys().map(String::as_str).collect::<Vec<_>>(), keys.clone());
                let mut sum = Counts::default();
                for &k in &keys {
                    let c = map[k];
                    prop_assert_eq!(c.tp + c.fn_, of_label(a, k), "{}", k);
                    prop_assert_eq!(c.tp + c.fp, of_label(b, k), "{}", k);
                    if k != ALL {
                        sum = sum.plus(c);
                    }
                }
                prop_assert_eq!(sum, map[ALL]);
            }
            for &k in &keys {
                prop_assert!(p.overlap[k].tp >= p.exact[k].tp);
                if let Ok(kappa) = p.token_kappa[k] {
                    prop_assert!(kappa.is_finite() && (-1.0 - 1e-12..=1.0 + 1e-12).contains(&kappa), "κ {}", kappa);
                }
            }
            let diagonal: usize = p.confusion.iter().filter(|((x, y), _)| x == y).map(|(_, n)| *n).sum();
            prop_assert_eq!(diagonal, p.overlap[ALL].tp);
            // Swapped, precision and recall swap; F1 and κ stay.
            let swapped = figures(&doc, &asked, &[b.clone(), a.clone()]);
            let q = &swapped.pairs[0];
            // (A label only another annotator used is not among the swapped pair's.)
            for k in q.exact.keys() {
                let k = k.as_str();
                prop_assert_eq!((q.exact[k].precision(), q.exact[k].f1()), (p.exact[k].recall(), p.exact[k].f1()));
                prop_assert_eq!(q.token_kappa[k], p.token_kappa[k]);
            }
        }
        for &k in &keys {
            if let Ok(alpha) = f.alpha[k] {
                prop_assert!(alpha.is_finite() && alpha <= 1.0 + 1e-12, "α {}", alpha);
            }
        }
        // The diff: every span once, in text order, with who has it.
        let g = groups(&coders);
        prop_assert_eq!(g.iter().map(|g| g.by.len()).sum::<usize>(), coders.iter().map(|c| c.spans.len()).sum::<usize>());
        prop_assert!(g.windows(2).all(|w| (w[0].start, w[0].end, &w[0].label) < (w[1].start, w[1].end, &w[1].label)));
        for group in &g {
            prop_assert!(group.by.windows(2).all(|w| w[0] < w[1]));
            for &c in &group.by {
                let wanted = Coded { start: group.start, end: group.end, label: group.label.clone() };
                prop_assert!(coders[c].spans.contains(&wanted));
            }
        }
        // The report reads as JSON, and the CSV has its rows.
        let json: serde_json::Value = serde_json::from_str(&report_json("t", doc.sha256(), &f)).expect("json");
        prop_assert_eq!(json["pairs"].as_array().map(Vec::len), Some(f.pairs.len()));
        let rows = report_csv(&f).matches("\r\n").count();
        prop_assert_eq!(rows, 1 + f.pairs.len() * keys.len() * 3 + keys.len());
        // Identical annotators: every defined figure is 1.
        let same = figures(&doc, &asked, &[coders[0].clone(), coders[0].clone()]);
        for k in same.labels.iter().map(String::as_str).chain([ALL]) {
            for c in [same.pairs[0].exact[k], same.pairs[0].overlap[k]] {
                prop_assert!(c.f1().is_none_or(|x| x == 1.0));
            }
            prop_assert!(same.pairs[0].token_kappa[k].is_err() || same.pairs[0].token_kappa[k] == Ok(1.0));
            prop_assert!(same.alpha[k].is_err() || same.alpha[k] == Ok(1.0));
        }
    }

    #[test]
    fn damaged_files_are_refused_or_read_never_a_panic(cut in any::<usize>(), at in any::<usize>(), byte in any::<u8>()) {
        let text = "Family 👩‍👩‍👦 in Daraa\r\ne\u{301} وزير";
        let mut e = Editor::new(Document::new("t.txt", text).expect("small"), Labels::news());
        e.apply(Action::Annotate { label: LabelId::new("actor"), span: Span::new(0, 6) });
        let file = native::serialize_by(e.doc(), e.labels(), e.annotations(), "2026-12-01T00:00:00Z", Some("ana"));
        let mut bytes = file.into_bytes();
        let len = bytes.len();
        bytes[at % len] = byte;
        bytes.truncate(len - cut % 40);
        let _ = read_coder("ana.spanmark.json", &bytes, e.doc(), e.labels());
    }
}
