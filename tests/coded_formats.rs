//! Relations, notes, attributes and the document's categories in the other tools' formats:
//! what each writes comes back when opened (as far as the format can hold it), the tools' own
//! file shapes are read, bad input is refused naming its field, and what a format cannot hold
//! is counted on export.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::rc::Rc;

use spanmark::model::formats::export::{render_parts, Output, Parts};
use spanmark::model::formats::{Format, Unit, FORMATS};
use spanmark::model::input::{self, InputError, Opened, Options};
use spanmark::model::relation::Relations;
use spanmark::model::{Action, AnnotationSet, Document, Editor, LabelId, Labels, Notice, Span};

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/coded").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn text() -> String {
    String::from_utf8(fixture("relations.txt")).expect("utf-8")
}

fn format(id: &str) -> &'static Format {
    FORMATS.iter().find(|f| f.id == id).expect("listed")
}

/// A span as a person checks it: label name, quote, note, attribute values set.
type SpanSeen = (String, String, Option<String>, Vec<(String, String)>);

/// What a document carries, as a person checks it.
#[derive(Debug, PartialEq, Eq)]
struct Coded {
    spans: Vec<SpanSeen>,
    /// (from's quote, to's quote, type id)
    relations: Vec<(String, String, String)>,
    categories: Vec<(String, String)>,
}

fn coded(
    doc: &Document,
    labels: &Labels,
    set: &AnnotationSet,
    relations: &Relations,
    categories: &[(String, String)],
) -> Coded {
    let quote = |id| set.get(id).map_or(String::new(), |a| doc.slice(a.span).to_owned());
    let mut spans: Vec<SpanSeen> = set
        .iter()
        .map(|a| {
            let name = labels.get(&a.label).map_or(a.label.as_str().to_owned(), |l| l.name.clone());
            (name, doc.slice(a.span).to_owned(), a.note.clone(), a.attributes.clone())
        })
        .collect();
    spans.sort();
    let mut relations: Vec<(String, String, String)> =
        relations.iter().map(|r| (quote(&r.from), quote(&r.to), r.kind.clone())).collect();
    relations.sort();
    Coded { spans, relations, categories: categories.to_vec() }
}

fn seen(e: &Editor) -> Coded {
    coded(e.doc(), e.labels(), e.annotations(), e.relations(), &e.current().attributes)
}

/// The fixture's text coded as an analyst would: four spans, three relations, a note, two
/// attribute values and a category.
fn coded_editor() -> Editor {
    let mut e = Editor::new(Document::new("relations.txt", text()).expect("small"), Labels::news());
    for (label, start, end) in [("actor", 0, 10), ("claim", 16, 54), ("event", 61, 72), ("location", 76, 81)] {
        e.apply(Action::Annotate { label: LabelId::new(label), span: Span::new(start, end) });
    }
    let id = |e: &Editor, start: u32| {
        e.annotations().iter().find(|a| a.span.start() == start).map(|a| a.id.clone()).expect("annotated")
    };
    let (actor, claim, event, place) = (id(&e, 0), id(&e, 16), id(&e, 61), id(&e, 76));
    for (from, to, kind) in [(&claim, &actor, "said_by"), (&event, &place, "happened_in"), (&claim, &event, "about")] {
        e.apply(Action::Link { from: from.clone(), to: to.clone(), kind: kind.to_owned() });
    }
    e.apply(Action::SetNote { id: event.clone(), note: "Reported by two agencies".to_owned() });
    e.apply(Action::SetAttribute { id: claim, name: "stance".to_owned(), value: "denies".to_owned() });
    e.apply(Action::SetAttribute { id: event, name: "status".to_owned(), value: "confirmed".to_owned() });
    e.apply(Action::SetDocAttribute { name: "topic".to_owned(), value: "conflict".to_owned() });
    assert_eq!((e.relations().len(), e.current().attributes.len()), (3, 1), "{:?}", e.notice);
    e
}

fn export(e: &Editor, format: &Format, unit: Unit) -> Output {
    let parts = Parts {
        doc: e.doc(),
        labels: e.labels(),
        annotations: e.annotations(),
        relations: e.relations(),
        attributes: &e.current().attributes,
    };
    render_parts(format, parts, "2026-12-01T00:00:00Z", unit, None)
}

/// Opens `bytes` as `name`: a file with its text as that document, a file of spans onto a
/// document with the fixture's text.
fn open(name: &str, bytes: &[u8], unit: Unit) -> Result<Coded, String> {
    match input::open(name, bytes, Options { doccano_unit: unit }) {
        Ok(Opened::Imported { docs, .. }) if docs.len() == 1 => {
            let (p, report) = &docs[0];
            if !report.lost.is_empty() || report.relations_lost > 0 {
                return Err(format!("lost some: {report}"));
            }
            Ok(coded(&p.doc, &p.labels, &p.annotations, &p.relations, &p.attributes))
        }
        Ok(Opened::Onto { .. }) => {
            let mut onto = Editor::new(Document::new("same.txt", text()).expect("small"), Labels::news());
            onto.apply(Action::OpenFile { name: name.to_owned(), bytes: Rc::new(bytes.to_vec()) });
            match &onto.notice {
                Some(Notice::Info(_)) => Ok(seen(&onto)),
                other => Err(format!("{other:?}")),
            }
        }
        other => Err(format!("opened as {other:?}")),
    }
}

/// `all` without what a format cannot hold.
fn holdable(all: &Coded, notes: bool, attributes: bool, categories: bool) -> Coded {
    let spans = all
        .spans
        .iter()
        .map(|(l, q, n, a)| {
            (l.clone(), q.clone(), n.clone().filter(|_| notes), if attributes { a.clone() } else { Vec::new() })
        })
        .collect();
    let categories = if categories { all.categories.clone() } else { Vec::new() };
    Coded { spans, relations: all.relations.clone(), categories }
}

#[test]
fn each_format_gives_back_the_relations_notes_and_attributes_it_wrote() {
    let e = coded_editor();
    let all = seen(&e);
    let cases = [
        ("w3c", holdable(&all, true, true, false), vec![Unit::CodePoint]),
        ("brat", holdable(&all, true, true, false), vec![Unit::CodePoint]),
        ("labelstudio", holdable(&all, true, true, true), vec![Unit::CodePoint]),
        ("doccano", holdable(&all, false, false, false), vec![Unit::CodePoint, Unit::Utf16, Unit::Grapheme]),
    ];
    let mut failures = Vec::new();
    for (id, want, units) in cases {
        for unit in units {
            let out = export(&e, format(id), unit);
            match open(&out.filename, &out.bytes, unit) {
                Ok(got) if got == want => {}
                Ok(got) => failures.push(format!("{id} in {unit:?}: got {got:#?}\nwanted {want:#?}")),
                Err(why) => failures.push(format!("{id} in {unit:?}: {why}")),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn span(label: &str, quote: &str, note: Option<&str>, attributes: &[(&str, &str)]) -> SpanSeen {
    let attributes = attributes.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect();
    (label.to_owned(), quote.to_owned(), note.map(str::to_owned), attributes)
}

fn relations(list: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> =
        list.iter().map(|(f, t, k)| (f.to_string(), t.to_string(), k.to_string())).collect();
    out.sort();
    out
}

const CLAIM: &str = "the talks in Paris would calm tensions";

#[test]
fn the_tools_own_file_shapes_are_read() {
    let both = relations(&[(CLAIM, "Ron Dermer", "said_by"), ("the clashes", "Syria", "happened_in")]);
    // Label Studio: per-region choices and textarea, a relation written `direction: "left"`,
    // and a choice about the whole text.
    let ls = open("relations.labelstudio.json", &fixture("labelstudio_relations.json"), Unit::CodePoint);
    let mut spans = vec![
        span("Actor", "Ron Dermer", None, &[]),
        span("Claim", CLAIM, None, &[("stance", "hedges")]),
        span("Event", "the clashes", Some("Reported by two agencies;\nnot confirmed."), &[]),
        span("Location", "Syria", None, &[]),
    ];
    spans.sort();
    let categories = vec![("topic".to_owned(), "conflict".to_owned())];
    assert_eq!(ls, Ok(Coded { spans: spans.clone(), relations: both.clone(), categories }));
    // doccano: relations between its entities' ids.
    let plain: Vec<SpanSeen> = spans.iter().map(|(l, q, _, _)| (l.clone(), q.clone(), None, Vec::new())).collect();
    let doccano = open("relations.doccano.jsonl", &fixture("doccano_relations.jsonl"), Unit::CodePoint);
    assert_eq!(doccano, Ok(Coded { spans: plain, relations: both.clone(), categories: Vec::new() }));
    // brat: R, A (with a value, and binary) and AnnotatorNotes lines, onto the open text.
    let mut spans = vec![
        span("Actor", "Ron Dermer", None, &[]),
        span("Claim", CLAIM, None, &[("stance", "hedges")]),
        span("Event", "the clashes", Some("Reported by two agencies"), &[("Uncertain", "true")]),
        span("Location", "Syria", None, &[]),
    ];
    spans.sort();
    let brat = open("relations.ann", &fixture("relations.ann"), Unit::CodePoint);
    assert_eq!(brat, Ok(Coded { spans: spans.clone(), relations: both.clone(), categories: Vec::new() }));
    // W3C: linking annotations (targets as IRIs and as objects), describing and commenting bodies.
    spans.iter_mut().for_each(|s| s.3.retain(|(n, _)| n != "Uncertain"));
    let w3c = open("relations.w3c.jsonld", &fixture("w3c_relations.jsonld"), Unit::CodePoint);
    assert_eq!(w3c, Ok(Coded { spans, relations: both, categories: Vec::new() }));
}

#[test]
fn a_binary_brat_attribute_and_a_new_relation_type_join_the_definitions() {
    let mut e = Editor::new(Document::new("relations.txt", text()).expect("small"), Labels::news());
    let ann = String::from_utf8(fixture("relations.ann")).expect("utf-8").replace("said_by", "quotes");
    e.apply(Action::OpenFile { name: "r.ann".to_owned(), bytes: Rc::new(ann.into_bytes()) });
    let quotes = e.labels().relation_type("quotes").expect("added");
    assert_eq!((quotes.name.as_str(), quotes.from.len(), quotes.to.len()), ("quotes", 0, 0));
    let event = e.labels().get(&LabelId::new("event")).expect("news");
    let uncertain = event.attributes.iter().find(|a| a.name == "Uncertain").expect("defined");
    assert_eq!(
        (uncertain.values.clone(), uncertain.default.as_str()),
        (vec!["unset".to_owned(), "true".to_owned()], "unset")
    );
    // One undo takes the whole file back, definitions and all.
    e.apply(Action::Undo);
    assert!(e.annotations().is_empty() && e.relations().is_empty());
    assert!(e.labels().relation_type("quotes").is_none());
}

/// The message of a refused file.
fn refusal(name: &str, bytes: &[u8]) -> String {
    match input::open(name, bytes, Options::default()) {
        Err(InputError::Format { error, .. }) => error.to_string(),
        other => panic!("{name}: expected a refusal, got {other:?}"),
    }
}

/// The notice of a file of spans refused onto the open text, which must not change.
fn refusal_onto(name: &str, bytes: &str) -> String {
    let mut e = Editor::new(Document::new("relations.txt", text()).expect("small"), Labels::news());
    let before = e.labels().clone();
    e.apply(Action::OpenFile { name: name.to_owned(), bytes: Rc::new(bytes.as_bytes().to_vec()) });
    assert!(e.annotations().is_empty() && e.relations().is_empty(), "{name}: it changed");
    assert_eq!(*e.labels(), before, "{name}: the labels changed");
    match &e.notice {
        Some(Notice::Refused { text, detail }) => format!("{text} {}", detail.clone().unwrap_or_default()),
        Some(Notice::Error(text)) => text.clone(),
        other => panic!("{name}: expected a refusal, got {other:?}"),
    }
}

#[test]
fn bad_input_is_refused_naming_its_field() {
    let doccano = String::from_utf8(fixture("doccano_relations.jsonl")).expect("utf-8");
    let missing = doccano.replace("\"to_id\": 101", "\"to_id\": 999");
    let why = refusal("r.jsonl", missing.as_bytes());
    assert!(why.contains("line 1, relations[0].to_id") && why.contains("\"999\""), "{why}");

    let ls = String::from_utf8(fixture("labelstudio_relations.json")).expect("utf-8");
    let missing = ls.replace("\"to_id\": \"hK3xQ9aLm2\"", "\"to_id\": \"gone\"");
    let why = refusal("r.json", missing.as_bytes());
    assert!(why.contains("task 1, annotations[0].result[7].to_id"), "{why}");
    let not_in_set = ls.replace("\"hedges\"", "\"maybe\"");
    let why = refusal("r.json", not_in_set.as_bytes());
    assert!(why.contains("task 1, annotations[0].result[4].value.choices"), "{why}");
    assert!(why.contains("\"maybe\" is not a value of \"stance\""), "{why}");
    let two = ls.replace("\"hedges\"\n", "\"hedges\", \"denies\"\n");
    assert!(two != ls, "the fixture holds the choice");
    let why = refusal("r.json", two.as_bytes());
    assert!(why.contains("result[4].value.choices"), "{why}");

    let ann = String::from_utf8(fixture("relations.ann")).expect("utf-8");
    let why = refusal_onto("r.ann", &ann.replace("Arg2:T1", "Arg2:T9"));
    assert!(why.contains("line 5") && why.contains("T9"), "{why}");
    let why = refusal_onto("r.ann", &ann.replace("stance T2 hedges", "stance T2 maybe"));
    assert!(why.contains("line 7") && why.contains("\"maybe\""), "{why}");

    let w3c = String::from_utf8(fixture("w3c_relations.jsonld")).expect("utf-8");
    let why =
        refusal_onto("r.jsonld", &w3c.replace("\"http://example.org/anno/1\"\n", "\"http://example.org/anno/9\"\n"));
    assert!(why.contains("annotation 5, target[1]"), "{why}");
    let why = refusal_onto("r.jsonld", &w3c.replace("stance=hedges", "stance=maybe"));
    assert!(why.contains("annotation 2, body[1].value"), "{why}");
}

#[test]
fn what_a_format_cannot_hold_is_counted_on_export() {
    let e = coded_editor();
    let note = |id: &str| export(&e, format(id), Unit::CodePoint).note.unwrap_or_default();
    assert_eq!(
        note("spacy"),
        "spaCy JSONL cannot hold relations, notes, attribute values or document categories: 3 relations, \
         1 note, 2 attribute values and 1 document category are not in relations.spacy.jsonl."
    );
    assert!(note("conll").ends_with("1 document category are not in relations.conll."), "{}", note("conll"));
    assert_eq!(
        note("doccano"),
        "doccano JSONL cannot hold notes, attribute values or document categories: 1 note, 2 attribute \
         values and 1 document category are not in relations.doccano.jsonl."
    );
    for id in ["w3c", "brat"] {
        assert!(
            note(id).contains("cannot hold document categories: 1 document category is not in relations."),
            "{}",
            note(id)
        );
    }
    assert_eq!(note("labelstudio"), "");
    assert_eq!(note("spanmark"), "");
}

#[test]
fn the_label_studio_config_names_what_the_files_hold() {
    let config = spanmark::model::formats::labelstudio::config(&Labels::news());
    for part in [
        "<Relation value=\"said by\"/>",
        "<Choices name=\"stance\" toName=\"text\" perRegion=\"true\" visibleWhen=\"region-selected\" whenLabelValue=\"Claim\">",
        "<TextArea name=\"note\" toName=\"text\" perRegion=\"true\"",
        "<Choices name=\"topic\" toName=\"text\">",
    ] {
        assert!(config.contains(part), "{part} in {config}");
    }
}
