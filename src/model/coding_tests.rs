//! The events & claims tables from spans and relations, and their CSV.

use super::{csv, table, Linked, CLAIMS, EVENTS};
use crate::model::annotation::{Annotation, AnnotationId, AnnotationSet};
use crate::model::document::Document;
use crate::model::label::{LabelId, Labels};
use crate::model::relation::{Relation, RelationId, Relations};
use crate::model::span::Span;

const TEXT: &str = "Ron Dermer said, \"calm, then \"talks\"\n\" after the =SUM(A1) strike in Gaza. Hamas denied it.";

/// The spans of [`TEXT`] by id: (id, label, the text they cover; its first occurrence).
const SPANS: &[(&str, &str, &str)] = &[
    ("a1", "actor", "Ron Dermer"),
    ("a2", "claim", "calm, then \"talks\"\n\""),
    ("a3", "event", "=SUM(A1) strike"),
    ("a4", "location", "Gaza"),
    ("a5", "actor", "Hamas"),
    ("a6", "claim", "denied it"),
];

/// (from, to, type)
const LINKS: &[(&str, &str, &str)] = &[
    ("a2", "a1", "said_by"),
    ("a2", "a3", "about"),
    ("a5", "a3", "takes_part_in"),
    ("a1", "a3", "takes_part_in"),
    ("a3", "a4", "happened_in"),
    ("a6", "a5", "said_by"),
    ("a6", "a3", "about"),
    ("a6", "a5", "about"),
];

fn fixture() -> (Document, Labels, AnnotationSet, Relations) {
    let doc = Document::new("t", TEXT).expect("small");
    let mut annotations = AnnotationSet::new();
    for (id, label, quote) in SPANS {
        let byte = TEXT.find(quote).expect("in the text");
        let start = TEXT[..byte].chars().count() as u32;
        let span = Span::new(start, start + quote.chars().count() as u32);
        let mut a = Annotation::new(AnnotationId::new(id), LabelId::new(label), span);
        if *id == "a6" {
            a.attributes = vec![("stance".to_owned(), "denies".to_owned())];
        }
        annotations.insert(a).expect("distinct");
    }
    let mut relations = Relations::new();
    for (i, (from, to, kind)) in LINKS.iter().enumerate() {
        let r = Relation {
            id: RelationId::new(&format!("r{}", i + 1)),
            from: AnnotationId::new(from),
            to: AnnotationId::new(to),
            kind: (*kind).to_owned(),
            created: None,
        };
        relations.insert(r).expect("distinct");
    }
    (doc, Labels::news(), annotations, relations)
}

fn texts(doc: &Document, linked: &[Linked]) -> Vec<String> {
    linked.iter().map(|l| doc.slice(l.span).to_owned()).collect()
}

#[test]
fn one_row_per_event_with_participants_places_and_claims_in_text_order() {
    let (doc, labels, annotations, relations) = fixture();
    let t = table(&EVENTS, &labels, &annotations, &relations);
    assert_eq!(t.attributes, ["status"]);
    assert_eq!(t.rows.len(), 1);
    let row = &t.rows[0];
    assert_eq!(row.id.as_str(), "a3");
    let cells: Vec<Vec<String>> = row.linked.iter().map(|l| texts(&doc, l)).collect();
    assert_eq!(cells[0], ["Ron Dermer", "Hamas"], "participants, in text order not link order");
    assert_eq!(cells[1], ["Gaza"]);
    assert_eq!(cells[2], ["calm, then \"talks\"\n\"", "denied it"]);
    assert_eq!(row.values, ["reported"], "an unset attribute reads as its default");
}

#[test]
fn one_row_per_claim_with_who_said_it_what_it_is_about_and_attributes() {
    let (doc, labels, annotations, relations) = fixture();
    let t = table(&CLAIMS, &labels, &annotations, &relations);
    assert_eq!(t.attributes, ["stance", "verified"]);
    let rows: Vec<(String, Vec<Vec<String>>, Vec<String>)> = t
        .rows
        .iter()
        .map(|r| (r.id.as_str().to_owned(), r.linked.iter().map(|l| texts(&doc, l)).collect(), r.values.clone()))
        .collect();
    let want = |id: &str, said: &[&str], about: &[&str], values: &[&str]| {
        let strings = |s: &[&str]| s.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
        (id.to_owned(), vec![strings(said), strings(about)], strings(values))
    };
    assert_eq!(
        rows,
        [
            want("a2", &["Ron Dermer"], &["=SUM(A1) strike"], &["asserts", "unknown"]),
            want("a6", &["Hamas"], &["=SUM(A1) strike", "Hamas"], &["denies", "unknown"]),
        ]
    );
}

#[test]
fn a_relation_of_another_type_or_direction_is_no_cell() {
    let (_, labels, annotations, mut relations) = fixture();
    for (i, (from, to, kind)) in
        [("a4", "a3", "happened_in"), ("a3", "a2", "about"), ("a1", "a5", "knows")].iter().enumerate()
    {
        let id = RelationId::new(&format!("x{i}"));
        relations
            .insert(Relation {
                id,
                from: AnnotationId::new(from),
                to: AnnotationId::new(to),
                kind: (*kind).to_owned(),
                created: None,
            })
            .expect("distinct");
    }
    let events = table(&EVENTS, &labels, &annotations, &relations);
    let linked: Vec<usize> = events.rows[0].linked.iter().map(Vec::len).collect();
    assert_eq!(linked, [2, 1, 2], "a place linked into the event, an event about a claim: not read");
}

#[test]
fn no_events_and_no_claims_is_two_tables_of_headers() {
    let doc = Document::new("t", "nothing tagged").expect("small");
    let (labels, annotations, relations) = (Labels::news(), AnnotationSet::new(), Relations::new());
    let events = csv(&table(&EVENTS, &labels, &annotations, &relations), &doc);
    assert_eq!(events, "\u{feff}id,start,end,text,participants,places,claims,status\r\n");
    let claims = csv(&table(&CLAIMS, &labels, &annotations, &relations), &doc);
    assert_eq!(claims, "\u{feff}id,start,end,text,said_by,about,stance,verified\r\n");
}

#[test]
fn csv_quotes_and_neutralises_cells() {
    let (doc, labels, annotations, relations) = fixture();
    let events = csv(&table(&EVENTS, &labels, &annotations, &relations), &doc);
    assert_eq!(
        events,
        "\u{feff}id,start,end,text,participants,places,claims,status\r\n\
         a3,49,64,'=SUM(A1) strike,Ron Dermer; Hamas,Gaza,\"calm, then \"\"talks\"\"\n\"\"; denied it\",reported\r\n"
    );
    let claims = csv(&table(&CLAIMS, &labels, &annotations, &relations), &doc);
    let lines: Vec<&str> = claims.split("\r\n").collect();
    assert_eq!(lines[0], "\u{feff}id,start,end,text,said_by,about,stance,verified");
    assert_eq!(lines[1], "a2,18,38,\"calm, then \"\"talks\"\"\n\"\"\",Ron Dermer,'=SUM(A1) strike,asserts,unknown");
    assert_eq!(lines[2], "a6,80,89,denied it,Hamas,'=SUM(A1) strike; Hamas,denies,unknown");
}
