//! The events & claims tables: what a document's spans and relations say, as an analyst writes it
//! up. One row per Event (its participants, places, and the claims about it) and one per Claim
//! (who said it, what it is about), each with its label's attributes; drawn by
//! `ui::events_claims_dialog` and written as CSV ([`csv`]).
//!
//! The tables follow the news definitions by id, whatever the labels and types are named: rows
//! are the annotations labelled `event` or `claim`, columns the relation types `takes_part_in`,
//! `happened_in`, `about` and `said_by`. A relation is read by its type only (types are offered
//! for label pairs, not enforced), so a `takes_part_in` from any span names a participant.

use super::annotation::{Annotation, AnnotationId, AnnotationSet};
use super::document::Document;
use super::label::{LabelId, Labels};
use super::relation::Relations;
use super::span::Span;
use crate::support::csv::Csv;
use crate::support::order::sort_by;

/// One column of linked spans: the spans at the other end of the row's relations of one type.
pub struct Column {
    /// The column's heading in the view.
    pub title: &'static str,
    /// Its heading in the CSV.
    pub field: &'static str,
    /// The relation type's id.
    pub kind: &'static str,
    /// Whether the row's span is the relation's `from` (else its `to`).
    pub outgoing: bool,
}

/// What one table lists: the annotations of one label, and the columns of linked spans.
pub struct Spec {
    /// "Events" or "Claims".
    pub title: &'static str,
    /// The CSV file's part of the name: `<slug>.<file>.csv`.
    pub file: &'static str,
    /// The label id of its rows.
    pub label: &'static str,
    pub columns: &'static [Column],
}

/// One row per Event: participants (`takes_part_in` into it), places (`happened_in` from it),
/// the claims about it (`about` into it).
pub const EVENTS: Spec = Spec {
    title: "Events",
    file: "events",
    label: "event",
    columns: &[
        Column { title: "Participants", field: "participants", kind: "takes_part_in", outgoing: false },
        Column { title: "Places", field: "places", kind: "happened_in", outgoing: true },
        Column { title: "Claims about it", field: "claims", kind: "about", outgoing: false },
    ],
};

/// One row per Claim: who said it (`said_by` from it), what it is about (`about` from it).
pub const CLAIMS: Spec = Spec {
    title: "Claims",
    file: "claims",
    label: "claim",
    columns: &[
        Column { title: "Said by", field: "said_by", kind: "said_by", outgoing: true },
        Column { title: "About", field: "about", kind: "about", outgoing: true },
    ],
};

/// A span at the other end of a relation.
#[derive(Clone, PartialEq, Debug)]
pub struct Linked {
    pub id: AnnotationId,
    pub span: Span,
}

/// One row: an annotation of the table's label.
#[derive(Clone, PartialEq, Debug)]
pub struct Row {
    pub id: AnnotationId,
    pub span: Span,
    /// Per column of the spec, the linked spans in text order.
    pub linked: Vec<Vec<Linked>>,
    /// Per attribute of the table (`Table::attributes`), the value it reads as.
    pub values: Vec<String>,
}

/// A table: its rows in text order.
pub struct Table {
    pub spec: &'static Spec,
    /// The names of the attributes its label defines, in the label's order (one column each).
    pub attributes: Vec<String>,
    pub rows: Vec<Row>,
}

impl Column {
    /// The spans linked to `a` through this column's relation type, in text order.
    fn linked(&self, a: &AnnotationId, annotations: &AnnotationSet, relations: &Relations) -> Vec<Linked> {
        let ends: Box<dyn Iterator<Item = &AnnotationId>> = if self.outgoing {
            Box::new(relations.outgoing(a).filter(|r| r.kind == self.kind).map(|r| &r.to))
        } else {
            Box::new(relations.incoming(a).filter(|r| r.kind == self.kind).map(|r| &r.from))
        };
        let mut linked = Vec::new();
        for o in ends.filter_map(|id| annotations.get(id)) {
            linked.push(Linked { id: o.id.clone(), span: o.span });
        }
        sort_by(&mut linked, |x, y| (x.span.start(), x.span.end()).cmp(&(y.span.start(), y.span.end())));
        linked
    }
}

/// The table `spec` asks for, of a document's annotations and relations.
pub fn table(spec: &'static Spec, labels: &Labels, annotations: &AnnotationSet, relations: &Relations) -> Table {
    let label = LabelId::new(spec.label);
    let attributes: Vec<String> =
        labels.get(&label).map(|l| l.attributes.iter().map(|d| d.name.clone()).collect()).unwrap_or_default();
    let row = |a: &Annotation| Row {
        id: a.id.clone(),
        span: a.span,
        linked: spec.columns.iter().map(|c| c.linked(&a.id, annotations, relations)).collect(),
        values: attributes.iter().map(|name| labels.attribute(a, name).to_owned()).collect(),
    };
    let mut rows = Vec::new();
    for a in annotations.iter().filter(|a| a.label == label) {
        rows.push(row(a));
    }
    Table { spec, attributes, rows }
}

/// Linked spans' texts in one cell: joined by "; ".
pub fn joined(doc: &Document, linked: &[Linked]) -> String {
    let mut out = String::new();
    for (i, l) in linked.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        out.push_str(doc.slice(l.span));
    }
    out
}

/// The table as CSV for spreadsheets ([`Csv::for_spreadsheets`]: a byte-order mark, CRLF,
/// formula-like cells neutralised): `id`, `start`, `end` (code points), `text`, a column per
/// linked column (texts joined by "; "), then one per attribute.
pub fn csv(t: &Table, doc: &Document) -> String {
    let mut header = vec!["id", "start", "end", "text"];
    header.extend(t.spec.columns.iter().map(|c| c.field));
    header.extend(t.attributes.iter().map(String::as_str));
    let mut out = Csv::for_spreadsheets(&header);
    for r in &t.rows {
        let (start, end) = (r.span.start().to_string(), r.span.end().to_string());
        let linked: Vec<String> = r.linked.iter().map(|l| joined(doc, l)).collect();
        let fields = [r.id.as_str(), &start, &end, doc.slice(r.span)].into_iter();
        out.record(fields.chain(linked.iter().map(String::as_str)).chain(r.values.iter().map(String::as_str)));
    }
    out.finish()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "coding_tests.rs"]
mod tests;
