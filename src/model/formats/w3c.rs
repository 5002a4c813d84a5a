//! W3C Web Annotation (JSON-LD): each span an `Annotation` whose body is a `TextualBody` with
//! `purpose: "tagging"` and the label as `value`, and whose target carries a `TextQuoteSelector`
//! and a `TextPositionSelector` in code points, as the spec says. Reading also takes Recogito's
//! files, whose positions count UTF-16 units: where position and quote disagree, the quote and
//! its context decide (and the import says how many were re-anchored).
//!
//! The export passes every MUST of the W3C's conformance suite for the model, and the SHOULDs
//! spanmark has the data for (`docs/formats.md` lists the rest and why; `tests/check_w3c.py` runs
//! the suite): each annotation is whole on its own (`@context`, `motivation`, `created` when
//! known, `generator`), and the one page has an id, `partOf` and `startIndex`.

use std::borrow::Cow;

use serde::Serialize;
use serde_json::Value;

mod read;

pub use read::{items, looks_like, parse};

use super::export::{left_out, Carries};
use super::registry::{Format, Offsets, Read, Reader, Written};
use super::{label_name, Unit};
use crate::model::annotation::AnnotationSet;
use crate::model::document::Document;
use crate::model::label::Labels;
use crate::model::relation::Relations;
use crate::support::time::Time;

const NAME: &str = "W3C Web Annotation";

pub const FORMAT: Format = Format {
    id: "w3c",
    tool: NAME,
    name: NAME,
    extension: ".w3c.jsonld",
    mime: "application/ld+json",
    offsets: Offsets::In(Unit::CodePoint),
    read: &[Reader::Json { detect: looks_like, read: |tree| read(&tree) }],
    write: |e| {
        let carries = Carries { categories: false, ..Carries::ALL };
        Written::text(serialize_with(e.doc, e.labels, e.annotations, e.relations)).noting(left_out(e, NAME, carries))
    },
};

/// Spans for the open document, named after Recogito when they count UTF-16 units (its own
/// format) and after the W3C otherwise.
fn read(tree: &Value) -> Result<Read, super::registry::ReadError> {
    let (spans, relations) = parse(tree)?;
    let recogito = spans.first().is_some_and(|s| s.unit == Unit::Utf16);
    Ok(Read::Onto { tool: if recogito { "Recogito" } else { NAME }, spans, relations })
}

/// The JSON-LD context of the Web Annotation vocabulary: on the collection, and on each
/// annotation too, so that one taken out of the file alone is still a Web Annotation.
const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The media type of an annotation (a relation's target).
const LD: &str = "application/ld+json";

/// Who wrote the file: spanmark, by the name it gives its own ids (it has no web address of its
/// own to give).
const IDENTITY: &str = "urn:spanmark";

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'a str,
    total: usize,
    first: Page<'a>,
    /// The one page is also the last.
    last: String,
}

#[derive(Serialize)]
struct Page<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "partOf")]
    part_of: PartOf,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Annotation<'a>>,
}

#[derive(Serialize)]
struct PartOf {
    id: String,
}

#[derive(Serialize)]
struct Annotation<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    created: Option<String>,
    generator: &'a Generator,
    body: Vec<Body<'a>>,
    target: Targets<'a>,
}

/// A span's target (the text, by quote and position), or a relation's two (the annotations'
/// ids, from → to).
#[derive(Serialize)]
#[serde(untagged)]
enum Targets<'a> {
    Text(Target<'a>),
    Ends([End; 2]),
}

/// A relation's end: an annotation of the same file, by its id.
#[derive(Serialize)]
struct End {
    id: String,
    format: &'static str,
}

#[derive(Serialize)]
struct Generator {
    id: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    name: &'static str,
    nickname: &'static str,
    homepage: &'static str,
}

#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: Cow<'a, str>,
    format: &'static str,
}

impl<'a> Body<'a> {
    fn text(purpose: &'static str, value: impl Into<Cow<'a, str>>) -> Body<'a> {
        Body { kind: "TextualBody", purpose, value: value.into(), format: "text/plain" }
    }
}

#[derive(Serialize)]
struct Target<'a> {
    source: &'a Source,
    selector: (QuoteSelector<'a>, PositionSelector),
}

/// The annotated text: its id, and what spanmark knows of it (a document carries no language,
/// so none is given: spanmark does not guess one).
#[derive(Serialize)]
struct Source {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    format: &'static str,
}

#[derive(Serialize)]
struct QuoteSelector<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    exact: &'a str,
    prefix: &'a str,
    suffix: &'a str,
}

#[derive(Serialize)]
struct PositionSelector {
    #[serde(rename = "type")]
    kind: &'static str,
    start: u32,
    end: u32,
}

/// The IRI spanmark gives a text: its SHA-256.
pub fn source(doc: &Document) -> String {
    format!("urn:spanmark:sha256:{}", doc.sha256())
}

/// Writes the annotations as one `AnnotationCollection` whose one page (`first`, also `last`)
/// holds them all; each annotation is complete on its own (`@context`, `motivation`, `created`
/// where known, `generator`), as `docs/formats.md` shows. Without relations.
pub fn serialize(doc: &Document, labels: &Labels, annotations: &AnnotationSet) -> String {
    serialize_with(doc, labels, annotations, &Relations::new())
}

/// As [`serialize`], with what the annotations carry: a span's bodies are its label
/// (`tagging`), its note (`commenting`) and its attribute values (`describing`, `name=value`);
/// each relation is an annotation with motivation `linking`, the type's name as its `tagging`
/// body and its two ends (their ids, as JSON-LD) as its targets, from → to, after the spans.
pub fn serialize_with(doc: &Document, labels: &Labels, annotations: &AnnotationSet, relations: &Relations) -> String {
    let source = Source { id: source(doc), kind: "Text", format: "text/plain" };
    let collection = format!("{}/annotations", source.id);
    let page = format!("{collection}/page1");
    let generator = Generator {
        id: IDENTITY,
        kind: "Software",
        name: concat!("spanmark ", env!("CARGO_PKG_VERSION")),
        nickname: "spanmark",
        homepage: IDENTITY,
    };
    let iri = |id: &str| format!("{}#{id}", source.id);
    let mut items: Vec<Annotation> = Vec::with_capacity(annotations.len() + relations.len());
    for a in annotations.iter() {
        let mut body = vec![Body::text("tagging", label_name(labels, &a.label))];
        body.extend(a.note.as_deref().map(|n| Body::text("commenting", n)));
        body.extend(a.attributes.iter().map(|(n, v)| Body::text("describing", format!("{n}={v}"))));
        items.push(Annotation {
            context: CONTEXT,
            id: iri(a.id.as_str()),
            kind: "Annotation",
            motivation: "tagging",
            created: a.created.map(Time::iso),
            generator: &generator,
            body,
            target: Targets::Text(Target {
                source: &source,
                selector: (
                    QuoteSelector {
                        kind: "TextQuoteSelector",
                        exact: doc.slice(a.span),
                        prefix: doc.prefix(a.span),
                        suffix: doc.suffix(a.span),
                    },
                    PositionSelector { kind: "TextPositionSelector", start: a.span.start(), end: a.span.end() },
                ),
            }),
        });
    }
    for r in relations.iter() {
        items.push(Annotation {
            context: CONTEXT,
            id: iri(r.id.as_str()),
            kind: "Annotation",
            motivation: "linking",
            created: r.created.map(Time::iso),
            generator: &generator,
            body: vec![Body::text(
                "tagging",
                labels.relation_type(&r.kind).map_or(r.kind.as_str(), |t| t.name.as_str()),
            )],
            target: Targets::Ends([r.from.as_str(), r.to.as_str()].map(|id| End { id: iri(id), format: LD })),
        });
    }
    let collection = Collection {
        context: CONTEXT,
        id: collection.clone(),
        kind: "AnnotationCollection",
        label: doc.title(),
        total: items.len(),
        first: Page {
            id: page.clone(),
            kind: "AnnotationPage",
            part_of: PartOf { id: collection },
            start_index: 0,
            items,
        },
        last: page,
    };
    let mut out = serde_json::to_string_pretty(&collection).unwrap_or_default();
    out.push('\n');
    out
}
