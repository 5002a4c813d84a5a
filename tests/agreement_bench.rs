//! `make bench`'s agreement row (tools/bench.mjs runs it): the figures and the diff groups for
//! three annotators of 1,000 spans each on 100,000 characters, and of 10,000 spans each on
//! 1,000,000, natively. Ignored by a plain `cargo test`: it is a measurement, not a check.
//!
//!     cargo test --locked --release --test agreement_bench -- --ignored --nocapture
//!
//! prints one line `agreement-bench {json}` per case (median of 5 runs, ms).
#![cfg(not(target_arch = "wasm32"))]

use std::time::Instant;

use spanmark::model::agreement::{figures, groups, Coded, Coder};
use spanmark::model::Document;

/// A small fixed-seed generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "the",
    "minister",
    "said",
    "talks",
    "in",
    "Paris",
    "ceasefire",
    "July",
    "2025",
    "Syria’s",
    "Café",
    "envoy",
    "met",
    "on",
    "a",
    "border",
    "crossing",
    "reported",
    "officials",
    "👍🏽",
];
const LABELS: &[&str] = &["actor", "location", "claim", "event"];

/// A text of about `chars` code points, and where its words are (code points).
fn text(rng: &mut Rng, chars: usize) -> (String, Vec<(usize, usize)>) {
    let (mut text, mut words, mut at) = (String::new(), Vec::new(), 0);
    while at < chars {
        let w = WORDS[rng.below(WORDS.len())];
        let len = w.chars().count();
        words.push((at, at + len));
        text.push_str(w);
        let gap = if rng.below(12) == 0 { ".\r\n" } else { " " };
        text.push_str(gap);
        at += len + gap.chars().count();
    }
    (text, words)
}

/// Three annotators: `spans` spans of 1-4 words each, then each annotator keeps most, shifts,
/// relabels, drops and adds some.
fn coders(rng: &mut Rng, words: &[(usize, usize)], spans: usize) -> Vec<Coder> {
    let span = |rng: &mut Rng| {
        let first = rng.below(words.len() - 4);
        let last = first + rng.below(4);
        (words[first].0, words[last].1, LABELS[rng.below(LABELS.len())])
    };
    let base: Vec<(usize, usize, &str)> = (0..spans).map(|_| span(rng)).collect();
    ["ana", "ben", "cy"]
        .iter()
        .map(|name| {
            let mut own = Vec::new();
            for &(s, e, l) in &base {
                let coded = |s, e, l: &str| Coded { start: s, end: e, label: l.to_owned() };
                match rng.below(20) {
                    0 => {}
                    1 => own.push(coded(s, e, LABELS[rng.below(LABELS.len())])),
                    2 => own.push(coded(s + 1, e, l)),
                    3 => {
                        let (s, e, l) = span(rng);
                        own.push(coded(s, e, l));
                    }
                    _ => own.push(coded(s, e, l)),
                }
            }
            Coder::new(*name, own)
        })
        .collect()
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

#[test]
#[ignore = "a measurement: make bench runs it"]
fn agreement_bench() {
    for (name, chars, spans) in [("100k", 100_000, 1_000), ("1M", 1_000_000, 10_000)] {
        let mut rng = Rng(0x5eed_0017);
        let (text, words) = text(&mut rng, chars);
        let doc = Document::new("bench.txt", text).expect("under 4 GiB");
        let coders = coders(&mut rng, &words, spans);
        let labels: Vec<String> = LABELS.iter().map(|l| (*l).to_owned()).collect();
        let (mut fig_ms, mut group_ms) = (Vec::new(), Vec::new());
        let mut found = (0, 0);
        for _ in 0..5 {
            let t = Instant::now();
            let f = figures(&doc, &labels, &coders);
            fig_ms.push(t.elapsed().as_secs_f64() * 1000.0);
            let t = Instant::now();
            let g = groups(&coders);
            group_ms.push(t.elapsed().as_secs_f64() * 1000.0);
            found = (f.tokens, g.len());
        }
        println!(
            "agreement-bench {{\"case\":\"{name}\",\"chars\":{},\"annotators\":3,\"spans\":{spans},\"tokens\":{},\"groups\":{},\"figures_ms\":{:.1},\"groups_ms\":{:.1}}}",
            doc.len(),
            found.0,
            found.1,
            median(fig_ms),
            median(group_ms)
        );
    }
}
