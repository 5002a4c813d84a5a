//! The native file, version 2: relations, notes, attributes, definitions and categories
//! written and read back; version 1 files still read; bad input named by its field; an
//! import that merges or replaces carries relations.

use super::{editor, label, open, picture};
use crate::model::annotation::AnnotationId;
use crate::model::editor::{Action, Editor, ImportChoice};
use crate::model::formats::export::Parts;
use crate::model::formats::spanmark;
use crate::model::span::Span;

const TEXT: &str = "Ron Dermer said the talks in Cairo will calm tensions.";
const STAMP: &str = "2026-12-01T00:00:00.000Z";

fn a(id: &str) -> AnnotationId {
    AnnotationId::new(id)
}

/// Four spans, three relations, a note, two attributes and a category.
fn coded() -> Editor {
    let mut e = editor(TEXT);
    for (l, word) in
        [("actor", "Ron Dermer"), ("location", "Cairo"), ("claim", "calm tensions"), ("event", "the talks")]
    {
        let start = TEXT.find(word).expect("in the text") as u32;
        e.apply(Action::Annotate { label: label(l), span: Span::new(start, start + word.chars().count() as u32) });
    }
    let link = |from: &str, to: &str, kind: &str| Action::Link { from: a(from), to: a(to), kind: kind.to_owned() };
    for action in [
        link("a3", "a1", "said_by"),
        link("a1", "a4", "takes_part_in"),
        link("a4", "a2", "happened_in"),
        Action::SetNote { id: a("a1"), note: "Israeli minister; \"quoted\"\nline two".to_owned() },
        Action::SetAttribute { id: a("a3"), name: "stance".to_owned(), value: "hedges".to_owned() },
        Action::SetAttribute { id: a("a3"), name: "verified".to_owned(), value: "misleading".to_owned() },
        Action::SetDocAttribute { name: "topic".to_owned(), value: "conflict".to_owned() },
    ] {
        e.apply(action);
    }
    assert_eq!(e.notice, None);
    e
}

fn write(e: &Editor) -> String {
    let d = e.current();
    let parts = Parts {
        doc: &d.doc,
        labels: &d.labels,
        annotations: &d.annotations,
        relations: &d.relations,
        attributes: &d.attributes,
    };
    spanmark::serialize_parts(parts, STAMP, None)
}

#[test]
fn version_2_round_trips_everything() {
    let e = coded();
    let out = write(&e);
    let back = spanmark::parse(&out).expect("its own file reads");
    assert_eq!(&back.labels, &**e.labels());
    assert_eq!(&back.annotations, e.annotations());
    assert_eq!(&back.relations, e.relations());
    assert_eq!(back.attributes, *e.current().attributes);
    assert_eq!(
        spanmark::serialize_parts(
            Parts {
                doc: &back.doc,
                labels: &back.labels,
                annotations: &back.annotations,
                relations: &back.relations,
                attributes: &back.attributes,
            },
            STAMP,
            None,
        ),
        out,
        "written again, the same bytes"
    );
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["version"], 2);
    assert_eq!(v["relations"][0], serde_json::json!({"id": "r1", "from": "a3", "to": "a1", "type": "said_by"}));
    assert_eq!(v["document"]["attributes"], serde_json::json!({"topic": "conflict"}));
    assert_eq!(v["relation_types"][0]["from"], serde_json::json!(["claim"]));
    assert_eq!(v["document_attributes"][0]["default"], "unset");
    assert_eq!(v["labels"][2]["attributes"][0]["values"], serde_json::json!(["asserts", "denies", "hedges"]));
    let claim = v["annotations"].as_array().expect("array").iter().find(|x| x["id"] == "a3").cloned();
    assert_eq!(
        claim.map(|c| c["attributes"].clone()),
        Some(serde_json::json!({"stance": "hedges", "verified": "misleading"}))
    );
    // Opened as a new document (no other has its text), everything comes back.
    let mut other = editor("something else");
    open(&mut other, "coded.spanmark.json", out.as_bytes());
    assert_eq!(other.notice.as_ref().map(|n| format!("{n:?}")).filter(|n| !n.contains("Opened")), None);
    assert_eq!(picture(&other)[1].split(" undo").next(), picture(&e)[0].split(" undo").next());
}

#[test]
fn version_1_files_still_read() {
    let v1 = r##"{"format":"spanmark","version":1,"offset_unit":"codepoint","exported_at":"2026-11-26T00:00:00.000Z",
      "document":{"title":"t.txt","text":"Ron Dermer said","sha256":"SHA","length":{"code_points":15,"utf16_units":15,"utf8_bytes":15}},
      "labels":[{"id":"actor","name":"Actor","colour":"#e69f00","hotkey":"1"},{"id":"claim","name":"Claim","colour":"#cc79a7","hotkey":"3"}],
      "annotations":[{"id":"a1","label":"actor","start":0,"end":10,"text":"Ron Dermer","prefix":"","suffix":" said"}]}"##;
    let sha = crate::model::document::Document::new("t.txt", "Ron Dermer said").expect("small").sha256().to_owned();
    let project = spanmark::parse(&v1.replace("SHA", &sha)).expect("a version 1 file reads");
    assert_eq!(project.annotations.len(), 1);
    assert!(project.relations.is_empty());
    assert!(project.attributes.is_empty());
    let types: Vec<&str> = project.labels.relation_types().iter().map(|t| t.id.as_str()).collect();
    assert_eq!(types, ["said_by", "about"], "the news types that fit its labels");
    assert_eq!(project.labels.categories().len(), 3);
}

/// Each bad field is refused with its path, and nothing opens.
#[test]
fn bad_input_names_the_field() {
    let good = write(&coded());
    let v: serde_json::Value = serde_json::from_str(&good).expect("json");
    let claim = v["annotations"].as_array().expect("array").iter().position(|x| x["id"] == "a3").expect("a3");
    let actor = v["annotations"].as_array().expect("array").iter().position(|x| x["id"] == "a1").expect("a1");
    type Change = Box<dyn Fn(&mut serde_json::Value)>;
    let cases: Vec<(&str, Change, String)> = vec![
        (
            "a relation to a missing span",
            Box::new(|v| v["relations"][2]["to"] = "a99".into()),
            "relations[2].to: no annotation has id \"a99\"".to_owned(),
        ),
        (
            "a relation from a missing span",
            Box::new(|v| v["relations"][0]["from"] = "a0".into()),
            "relations[0].from: no annotation has id \"a0\"".to_owned(),
        ),
        (
            "an unknown relation type",
            Box::new(|v| v["relations"][1]["type"] = "loves".into()),
            "relations[1].type: unknown relation type \"loves\"".to_owned(),
        ),
        (
            "a relation to itself",
            Box::new(|v| v["relations"][0]["to"] = "a3".into()),
            "relations[0].to: a relation links an annotation to itself".to_owned(),
        ),
        (
            "a relation id twice",
            Box::new(|v| v["relations"][1]["id"] = "r1".into()),
            "relations[1].id: relation id \"r1\" is used twice".to_owned(),
        ),
        (
            "a relation's type missing",
            Box::new(|v| {
                if let Some(o) = v["relations"][0].as_object_mut() {
                    o.remove("type");
                }
            }),
            "relations[0]: missing field `type`".to_owned(),
        ),
        (
            "an attribute value not in its set",
            Box::new(move |v| v["annotations"][claim]["attributes"]["stance"] = "shouts".into()),
            format!("annotations[{claim}].attributes.stance: \"shouts\" is not among the values of \"stance\""),
        ),
        (
            "an attribute its label lacks",
            Box::new(move |v| v["annotations"][actor]["attributes"] = serde_json::json!({"stance": "denies"})),
            format!("annotations[{actor}].attributes.stance: label \"actor\" has no attribute \"stance\""),
        ),
        (
            "an attribute value that is not a string",
            Box::new(move |v| v["annotations"][claim]["attributes"]["stance"] = 3.into()),
            format!("annotations[{claim}].attributes.stance: invalid type"),
        ),
        (
            "a note that is not a string",
            Box::new(move |v| v["annotations"][actor]["note"] = serde_json::json!(["x"])),
            format!("annotations[{actor}].note: invalid type"),
        ),
        (
            "a category value not in its set",
            Box::new(|v| v["document"]["attributes"]["topic"] = "gossip".into()),
            "document.attributes.topic: \"gossip\" is not among the values of \"topic\"".to_owned(),
        ),
        (
            "an unknown category",
            Box::new(|v| v["document"]["attributes"]["mood"] = "calm".into()),
            "document.attributes.mood: the document has no attribute \"mood\"".to_owned(),
        ),
        (
            "a relation type's end not a label",
            Box::new(|v| v["relation_types"][0]["to"][0] = "person".into()),
            "relation_types[0].to[0]: no label has id \"person\"".to_owned(),
        ),
        (
            "a default not among the values",
            Box::new(|v| v["labels"][2]["attributes"][0]["default"] = "shouts".into()),
            "labels[2].attributes[0]: attribute \"stance\": default \"shouts\" is not among its values".to_owned(),
        ),
        (
            "a category defined twice",
            Box::new(|v| {
                let first = v["document_attributes"][0].clone();
                if let Some(d) = v["document_attributes"].as_array_mut() {
                    d.push(first);
                }
            }),
            "document_attributes[3].name: attribute \"topic\" is defined twice".to_owned(),
        ),
    ];
    for (name, change, message) in cases {
        let mut bad = v.clone();
        change(&mut bad);
        let got = spanmark::parse(&bad.to_string()).map(|_| ()).map_err(|e| e.to_string());
        let got = got.expect_err(name);
        assert!(got.starts_with(&message), "{name}: {got:?}, expected {message:?}");
        // In the editor: refused, nothing changes.
        let mut e = editor("other text");
        let before = picture(&e);
        open(&mut e, "bad.spanmark.json", bad.to_string().as_bytes());
        assert_eq!(picture(&e), before, "{name}");
        assert!(e.notice.is_some(), "{name}");
    }
}

/// A file whose text is open: a merge carries its relations (ids remapped where the merge
/// renames the annotations), a replace brings exactly the file's; each is one undoable step.
#[test]
fn merge_and_replace_carry_relations() {
    let file = write(&coded());
    // The open document has the same text, its own two spans and one relation.
    let mut e = editor(TEXT);
    e.apply(Action::Annotate { label: label("event"), span: Span::new(16, 25) });
    e.apply(Action::Annotate { label: label("location"), span: Span::new(29, 34) });
    e.apply(Action::Link { from: a("a1"), to: a("a2"), kind: "happened_in".to_owned() });
    let before = picture(&e);
    let mut merged = e.clone();
    open(&mut merged, "coded.spanmark.json", file.as_bytes());
    merged.apply(Action::ResolveImport(ImportChoice::Merge));
    // Their "the talks" (a4) and "Cairo" (a2) are ours a1 and a2: their happened_in is ours.
    let rels: Vec<String> = merged
        .relations()
        .iter()
        .map(|r| {
            let q = |id: &AnnotationId| merged.annotations().get(id).map(|x| merged.doc().slice(x.span).to_owned());
            format!("{:?} {} {:?}", q(&r.from), r.kind, q(&r.to))
        })
        .collect();
    assert_eq!(
        rels,
        [
            "Some(\"the talks\") happened_in Some(\"Cairo\")",
            "Some(\"calm tensions\") said_by Some(\"Ron Dermer\")",
            "Some(\"Ron Dermer\") takes_part_in Some(\"the talks\")",
        ]
    );
    assert_eq!(merged.annotations().len(), 4);
    assert_eq!(*merged.current().attributes, vec![("topic".to_owned(), "conflict".to_owned())]);
    merged.apply(Action::Undo);
    assert_eq!(picture(&merged)[0].split(" undo").next(), before[0].split(" undo").next(), "one undo");
    let mut replaced = e.clone();
    open(&mut replaced, "coded.spanmark.json", file.as_bytes());
    replaced.apply(Action::ResolveImport(ImportChoice::Replace));
    assert_eq!(replaced.relations().len(), 3);
    assert_eq!(replaced.annotations().len(), 4);
    assert!(replaced.relations().iter().all(|r| replaced.annotations().get(&r.from).is_some()));
    replaced.apply(Action::Undo);
    assert_eq!(picture(&replaced)[0].split(" undo").next(), before[0].split(" undo").next(), "one undo");
}
