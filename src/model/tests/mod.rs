//! Table-driven tests of the model, one file per room or topic. Each table runs through one
//! `check` helper; the helpers shared between files are here.

mod adjudication;
mod agreement;
mod annotations;
mod annotators;
mod caret;
mod created;
mod document;
mod editor;
mod files;
mod find;
mod journal;
mod labels;
mod limits;
mod persist;
mod relations;
mod relations_files;
mod stats;
mod tabs;
mod view;

use std::rc::Rc;

use super::annotation::{Annotation, AnnotationId, AnnotationSet};
use super::document::Document;
use super::editor::{Action, Editor};
use super::formats::spanmark;
use super::label::{LabelId, Labels};
use super::persist::Stored;
use super::span::Span;

const SEED: &str = include_str!("../../../assets/article.txt");

fn doc(text: &str) -> Document {
    Document::new("test", text).expect("test texts are small")
}

/// Texts that break tools that count the wrong unit.
const TEXTS: &[&str] = &[
    SEED,
    "Flag 🇮🇱 here",
    "Family 👩‍👩‍👦 at home",
    "Cafe\u{301} au lait",
    "line one\r\nline two\r\n",
    "lone\rcr",
    "وزير الخارجية السوري أسعد الشيباني",
    "שר החוץ הסורי",
    "mixed 🙅🏽‍♀️ e\u{301} עברית\r\nend",
    "",
];

fn ann(id: &str, label: &str, start: u32, end: u32) -> Annotation {
    Annotation::new(AnnotationId::new(id), LabelId::new(label), Span::new(start, end))
}

fn set(items: &[Annotation]) -> AnnotationSet {
    let mut s = AnnotationSet::new();
    for a in items {
        s.insert(a.clone()).expect("test annotations are valid");
    }
    s
}

fn editor(text: &str) -> Editor {
    Editor::new(doc(text), Labels::news())
}

fn label(id: &str) -> LabelId {
    LabelId::new(id)
}

fn sample_export(text: &str, spans: &[(&str, u32, u32)]) -> (Editor, String) {
    let mut e = editor(text);
    for (l, s, end) in spans {
        e.apply(Action::Annotate { label: label(l), span: Span::new(*s, *end) });
    }
    let out = spanmark::serialize(e.doc(), e.labels(), e.annotations(), "2026-11-26T00:00:00.000Z");
    (e, out)
}

/// Stores everything the editor journalled, as the browser would, and confirms it.
fn flush(e: &mut Editor, store: &mut Stored) {
    let upto = e.unsaved().last().map(|(n, _)| *n);
    for (_, w) in e.unsaved() {
        store.apply(w);
    }
    if let Some(n) = upto {
        e.apply(Action::Saved(n));
    }
}

/// What a person sees of an editor: every document with its annotations, the open one, and
/// the undo/redo depth.
fn picture(e: &Editor) -> Vec<String> {
    let mut out: Vec<String> = e
        .docs
        .iter()
        .map(|d| {
            let anns: Vec<String> = d
                .annotations
                .iter()
                .map(|a| {
                    let mut out = format!("{}:{}:{}", a.id.as_str(), a.label.as_str(), d.doc.slice(a.span));
                    if let Some(note) = &a.note {
                        out.push_str(&format!(" note {note:?}"));
                    }
                    for (n, v) in &a.attributes {
                        out.push_str(&format!(" {n}={v}"));
                    }
                    out
                })
                .collect();
            let rels: Vec<String> = d
                .relations
                .iter()
                .map(|r| format!("{}:{}-{}->{}", r.id.as_str(), r.from.as_str(), r.kind, r.to.as_str()))
                .collect();
            format!(
                "{} [{}] rel [{}] doc {:?} undo {} redo {} {}",
                d.doc.title(),
                anns.join(", "),
                rels.join(", "),
                d.attributes,
                d.history.done().len(),
                d.history.undone().len(),
                d.doc.sha256()
            )
        })
        .collect();
    out.push(format!("open: {}", e.current().doc.title()));
    out
}

fn open(e: &mut Editor, name: &str, bytes: &[u8]) {
    e.apply(Action::OpenFile { name: name.to_owned(), bytes: Rc::new(bytes.to_vec()) });
}

fn restored(store: &Stored) -> Editor {
    Editor::restore(doc(SEED), Labels::news(), store.clone())
}
