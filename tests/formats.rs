//! Every format: round trips through our own writers, the peers' real exports read back onto the
//! right text, and offsets checked in each file's declared unit.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::rc::Rc;

use proptest::prelude::*;
use serde_json::Value;
use spanmark::model::formats::export::render;
use spanmark::model::formats::registry::Offsets;
use spanmark::model::formats::{
    brat, conll, doccano, labelstudio, spacy, spanmark as native, w3c, Format, Unit, FORMATS,
};
use spanmark::model::input::{self, Opened, Options};
use spanmark::model::{Action, AnnotationSet, Document, Editor, LabelId, Labels, Notice, Span};

const SEED: &str = include_str!("../assets/article.txt");

fn peers() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/peers")
}

fn peer(name: &str) -> Vec<u8> {
    std::fs::read(peers().join(name))
        .unwrap_or_else(|e| panic!("{name}: {e} (tests/fixtures/peers/ holds the peers' files)"))
}

/// (label, quote) of every annotation, sorted: what a person would check.
fn quotes(doc: &Document, labels: &Labels, set: &AnnotationSet) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = set
        .iter()
        .map(|a| {
            (labels.get(&a.label).map_or(a.label.as_str().to_owned(), |l| l.name.clone()), doc.slice(a.span).to_owned())
        })
        .collect();
    out.sort();
    out
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = list.iter().map(|(l, q)| (l.to_string(), q.to_string())).collect();
    out.sort();
    out
}

fn article_expected() -> Vec<(String, String)> {
    pairs(&[
        ("Actor", "Ron Dermer"),
        ("Actor", "Syria’s Foreign Minister, Asaad al-Shaibani"),
        ("Location", "Syria"),
        ("Location", "Paris"),
        ("Claim", "“de-escalation and non-interference in Syria’s internal affairs”"),
        ("Event", "deadly sectarian clashes"),
    ])
}

fn unicode_expected() -> Vec<(String, String)> {
    pairs(&[
        ("Location", "Amman"),
        ("Claim", "“The talks will resume.”"),
        ("Location", "Daraa"),
        ("Location", "درعا"),
        ("Event", "left Daraa"),
        ("Actor", "Noa Levi"),
        ("Actor", "נועה לוי"),
        ("Event", "denied it"),
    ])
}

fn unicode_text() -> String {
    String::from_utf8(peer("unicode_sample.txt")).expect("utf-8")
}

/// Opens a file from a peer tool; checks the documents and spans it gives.
fn check_imported(file: &str, options: Options, text: &str, expected: Vec<(String, String)>) {
    match input::open(file, &peer(file), options) {
        Ok(Opened::Imported { docs, .. }) => {
            assert_eq!(docs.len(), 1, "{file}");
            let (project, report) = &docs[0];
            assert_eq!(project.doc.text(), text, "{file}: the text");
            assert!(report.lost.is_empty(), "{file}: lost {:?}", report.lost);
            assert_eq!(quotes(&project.doc, &project.labels, &project.annotations), expected, "{file}");
        }
        other => panic!("{file}: expected documents, got {other:?}"),
    }
}

/// Opens a file of spans without text onto a document with `text`: every span must land on the
/// text its quote says, and the report says how many were re-anchored.
fn check_onto(file: &str, text: &str, expected: Vec<(String, String)>, reanchored: usize) {
    let mut e = Editor::new(Document::new("t.txt", text).expect("small"), Labels::news());
    e.apply(Action::OpenFile { name: file.to_owned(), bytes: Rc::new(peer(file)) });
    assert_eq!(quotes(e.doc(), e.labels(), e.annotations()), expected, "{file}: {:?}", e.notice);
    let Some(Notice::Info(note)) = &e.notice else { panic!("{file}: {:?}", e.notice) };
    if reanchored > 0 {
        assert!(note.contains(&format!("{reanchored} re-anchored")), "{file}: {note}");
    } else {
        assert!(!note.contains("re-anchored"), "{file}: {note}");
    }
}

#[test]
fn label_studio_exports_land_on_their_quotes() {
    for (file, text, expected) in [
        ("labelstudio_article.json", SEED.to_owned(), article_expected()),
        ("labelstudio_unicode.json", unicode_text(), unicode_expected()),
        ("labelstudio_article.min.json", SEED.to_owned(), article_expected()),
        ("labelstudio_unicode.min.json", unicode_text(), unicode_expected()),
    ] {
        check_imported(file, Options::default(), &text, expected);
    }
}

#[test]
fn doccano_exports_land_in_utf16_when_told_and_say_so_when_not() {
    let utf16 = Options { doccano_unit: Unit::Utf16 };
    check_imported("doccano_article.jsonl", utf16, SEED, article_expected());
    check_imported("doccano_unicode.jsonl", utf16, &unicode_text(), unicode_expected());
    // Read as code points, the same file is wrong, and the import says what to do.
    let Ok(Opened::Imported { docs, .. }) =
        input::open("doccano_unicode.jsonl", &peer("doccano_unicode.jsonl"), Options::default())
    else {
        panic!("opens")
    };
    let hint = docs[0].1.hint.clone().unwrap_or_default();
    assert!(hint.contains("look like UTF-16 units"), "{hint}");
    // doccano's grapheme mode counts clusters (CRLF and 👩‍👩‍👦 are one each).
    check_imported(
        "doccano_unicode_grapheme.jsonl",
        Options { doccano_unit: Unit::Grapheme },
        &unicode_text(),
        unicode_expected(),
    );
    let Ok(Opened::Imported { docs, .. }) = input::open(
        "doccano_unicode_grapheme.jsonl",
        &peer("doccano_unicode_grapheme.jsonl"),
        Options { doccano_unit: Unit::Utf16 },
    ) else {
        panic!("opens")
    };
    let hint = docs[0].1.hint.clone().unwrap_or_default();
    assert!(hint.contains("look like grapheme clusters"), "{hint}");
}

#[test]
fn recogito_and_w3c_files_are_reanchored_by_their_quotes() {
    // The article is BMP only: positions agree in both units.
    check_onto("recogito_article_w3c.json", SEED, article_expected(), 0);
    check_onto("recogito_article_internal.json", SEED, article_expected(), 0);
    // On the unicode text, Recogito's W3C positions count UTF-16 against the spec: all 8 are
    // re-anchored by quote and context. Its internal format declares UTF-16, so none needs it.
    check_onto("recogito_unicode_w3c.json", &unicode_text(), unicode_expected(), 8);
    check_onto("recogito_unicode_internal.json", &unicode_text(), unicode_expected(), 0);
}

/// The units a format's file can be written in: every unit where the person chooses it.
fn units(format: &Format) -> Vec<Unit> {
    match format.offsets {
        Offsets::Chosen => vec![Unit::CodePoint, Unit::Utf16, Unit::Grapheme],
        _ => vec![Unit::CodePoint],
    }
}

/// Writes `doc` in `format` (counting `unit` where that is chosen) and opens the file again: the
/// (label, span) pairs it gives, or what went wrong.
fn write_and_read(
    format: &'static Format,
    unit: Unit,
    doc: &Document,
    labels: &Labels,
    set: &AnnotationSet,
) -> Result<Vec<(String, Span)>, String> {
    let pairs = |set: &AnnotationSet| set.iter().map(|a| (a.label.as_str().to_owned(), a.span)).collect();
    let out = render(format, doc, labels, set, "t", unit);
    match input::open(&out.filename, &out.bytes, Options { doccano_unit: unit }) {
        Ok(Opened::Project(p)) => Ok(pairs(&p.annotations)),
        Ok(Opened::Imported { docs, .. }) if docs.len() == 1 => {
            let project = &docs[0].0;
            if project.doc.text() == doc.text() {
                Ok(pairs(&project.annotations))
            } else {
                Err(format!("the text came back as {:?}", project.doc.text()))
            }
        }
        Ok(Opened::Onto { .. }) => {
            // Spans without their text: placed onto the same text, open.
            let mut onto = Editor::new(doc.retitled("same"), Labels::news());
            onto.apply(Action::OpenFile { name: out.filename.clone(), bytes: Rc::new(out.bytes.clone()) });
            Ok(pairs(onto.annotations()))
        }
        // A file with neither text nor spans (a W3C collection of none) is not recognised:
        // opened onto the text, it leaves it unchanged, as a round trip of nothing should.
        Err(error) if set.is_empty() => {
            let mut onto = Editor::new(doc.retitled("same"), Labels::news());
            onto.apply(Action::OpenFile { name: out.filename.clone(), bytes: Rc::new(out.bytes.clone()) });
            if onto.annotations().is_empty() {
                Ok(Vec::new())
            } else {
                Err(format!("{error}, yet it placed {:?}", pairs(onto.annotations())))
            }
        }
        other => Err(format!("opened as {other:?}")),
    }
}

/// Every format of the registry that reads and writes: what it writes for `text` and `spans`,
/// read back, is the same (label, span) set. Each failing format is named; one does not hide
/// the others.
fn round_trip(text: &str, spans: &[(&str, u32, u32)]) -> Result<(), String> {
    let mut e = Editor::new(Document::new("rt.txt", text).expect("small"), Labels::news());
    for (l, s, end) in spans {
        e.apply(Action::Annotate { label: LabelId::new(l), span: Span::new(*s, *end) });
    }
    let (doc, labels, set) = (e.doc().clone(), e.labels().clone(), e.annotations().clone());
    let want: Vec<(String, Span)> = set.iter().map(|a| (a.label.as_str().to_owned(), a.span)).collect();
    let mut failures = Vec::new();
    for format in FORMATS.iter().filter(|f| !f.read.is_empty()) {
        for unit in units(format) {
            match write_and_read(format, unit, &doc, &labels, &set) {
                Ok(got) if got == want => {}
                Ok(got) => failures.push(format!("{} in {unit:?}: got {got:?}, wrote {want:?}", format.id)),
                Err(why) => failures.push(format!("{} in {unit:?}: {why}", format.id)),
            }
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!("over {text:?}:\n{}", failures.join("\n")))
    }
}

#[test]
fn every_format_round_trips_on_hard_text() {
    let text = String::from_utf8(peer("unicode_sample.txt")).expect("utf-8");
    let results = [
        round_trip(
            &text,
            &[("location", 15, 20), ("event", 70, 80), ("location", 75, 80), ("actor", 140, 148), ("claim", 27, 51)],
        ),
        // A span across a CRLF (brat writes fragments).
        round_trip(&text, &[("event", 40, 60)]),
        round_trip(SEED, &[("actor", 173, 216), ("location", 173, 178), ("claim", 285, 349)]),
    ];
    let failures: Vec<String> = results.into_iter().filter_map(Result::err).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_registry_keeps_the_menus_formats_names_and_files() {
    // What the Export as… menu showed and the files it named before the registry, in that order;
    // a new format may come anywhere among them, with an id and extension of its own.
    let before = [
        ("spanmark", "spanmark JSON", ".spanmark.json", "application/json"),
        ("w3c", "W3C Web Annotation", ".w3c.jsonld", "application/ld+json"),
        ("brat", "brat standoff (.zip)", ".brat.zip", "application/zip"),
        ("doccano", "doccano JSONL", ".doccano.jsonl", "application/jsonl"),
        ("labelstudio", "Label Studio JSON", ".labelstudio.json", "application/json"),
        ("spacy", "spaCy JSONL", ".spacy.jsonl", "application/jsonl"),
        ("conll", "CoNLL BIO", ".conll", "text/plain"),
    ];
    let listed: Vec<(&str, &str, &str, &str)> = FORMATS
        .iter()
        .map(|f| (f.id, f.name, f.extension, f.mime))
        .filter(|f| before.iter().any(|b| b.0 == f.0))
        .collect();
    assert_eq!(listed, before);
    for key in [|f: &Format| f.id, |f: &Format| f.extension] {
        let mut keys: Vec<&str> = FORMATS.iter().map(key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), FORMATS.len(), "ids and extensions are unique");
    }
    assert_eq!(FORMATS[0].id, native::FORMAT.id, "the native format comes first");
    // CoNLL (tokens) is written only; the others read what they write.
    let conll = FORMATS.iter().find(|f| f.id == "conll").expect("listed");
    assert!(conll.read.is_empty() && conll.offsets == Offsets::Tokens);
}

fn text_strategy() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("word".to_owned()),
        Just(" ".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n".to_owned()),
        Just("👩‍👩‍👦".to_owned()),
        Just("🇮🇱".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("درعا".to_owned()),
        Just("“q”".to_owned()),
        Just("\t".to_owned()),
        "[a-z]{1,6}",
    ];
    proptest::collection::vec(pieces, 1..30).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn round_trips_hold_for_random_texts(text in text_strategy(), picks in proptest::collection::vec((0u32..200, 1u32..20, 0usize..4), 0..6)) {
        let n = text.chars().count() as u32;
        prop_assume!(!text.trim().is_empty());
        let labels = ["actor", "location", "claim", "event"];
        let spans: Vec<(&str, u32, u32)> = picks.iter().map(|&(s, len, l)| {
            let s = s % n.max(1);
            (labels[l], s, (s + len).min(n))
        }).collect();
        let result = round_trip(&text, &spans);
        prop_assert!(result.is_ok(), "{}", result.err().unwrap_or_default());
    }
}

#[test]
fn brat_writes_fragments_across_line_breaks() {
    let doc = Document::new("b.txt", "first line\r\nsecond line").expect("small");
    let mut set = AnnotationSet::new();
    set.insert(spanmark::model::Annotation::new(
        spanmark::model::AnnotationId::new("a1"),
        LabelId::new("event"),
        Span::new(6, 18),
    ))
    .expect("insert");
    assert_eq!(brat::serialize_ann(&doc, &Labels::news(), &set), "T1\tEvent 6 10;12 18\tline second\n");
}

#[test]
fn conll_keeps_the_longest_span_per_token_and_counts_the_rest() {
    let doc = Document::new("c.txt", "The family left Daraa (درعا) on Monday.").expect("small");
    let mut e = Editor::new(doc, Labels::news());
    for (l, s, end) in [("event", 11, 21), ("location", 16, 21), ("location", 23, 27)] {
        e.apply(Action::Annotate { label: LabelId::new(l), span: Span::new(s, end) });
    }
    let (out, dropped) = conll::serialize(e.doc(), e.labels(), e.annotations());
    assert_eq!(dropped, 1);
    assert_eq!(
        out,
        "The\tO\nfamily\tO\nleft\tB-Event\nDaraa\tI-Event\n(\tO\nدرعا\tB-Location\n)\tO\non\tO\nMonday\tO\n.\tO\n\n"
    );
}

#[test]
fn writers_declare_what_the_docs_say() {
    let mut e = Editor::new(Document::new("article.txt", SEED).expect("seed"), Labels::news());
    e.apply(Action::Annotate { label: LabelId::new("actor"), span: Span::new(262, 272) });
    let (doc, labels, set) = (e.doc(), e.labels(), e.annotations());
    let w: Value = serde_json::from_str(&w3c::serialize(doc, labels, set)).expect("json");
    assert_eq!(w["type"], "AnnotationCollection");
    let item = &w["first"]["items"][0];
    assert_eq!(item["body"][0]["purpose"], "tagging");
    assert_eq!(item["body"][0]["value"], "Actor");
    assert_eq!(item["target"]["selector"][0]["exact"], "Ron Dermer");
    assert_eq!(item["target"]["selector"][1]["start"], 262);
    let d: Value = serde_json::from_str(doccano::serialize(doc, labels, set, Unit::CodePoint).trim()).expect("json");
    assert_eq!(d["entities"][0]["start_offset"], 262);
    assert_eq!(d["relations"], serde_json::json!([]));
    let l: Value = serde_json::from_str(&labelstudio::serialize(doc, labels, set)).expect("json");
    let r = &l[0]["annotations"][0]["result"][0];
    assert_eq!(
        (r["from_name"].as_str(), r["to_name"].as_str(), r["type"].as_str()),
        (Some("label"), Some("text"), Some("labels"))
    );
    assert_eq!(r["value"]["text"], "Ron Dermer");
    let s: Value = serde_json::from_str(spacy::serialize(doc, labels, set).trim()).expect("json");
    assert_eq!(s["spans"][0], serde_json::json!({"start": 262, "end": 272, "label": "Actor"}));
    assert!(labelstudio::config(labels).contains("<Labels name=\"label\" toName=\"text\">"));
}
