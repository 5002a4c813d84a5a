//! What other tools' files say beside their spans — relations between them, notes, attribute
//! values, the document's categories — as the readers find it ([`ForeignRelation`],
//! [`ForeignAttribute`]), before it is placed on a text.
//!
//! A reader resolves the file's own span ids (brat's `T3`, Label Studio's region ids, doccano's
//! entity ids, W3C annotation IRIs) itself: a relation names its ends by their place in the
//! reader's list of spans, and one whose end the file does not hold is refused by the reader,
//! naming the field (`relations[4].to_id`).

use super::{error, label_for, Anchored, Foreign, FormatError, Report};
use crate::model::annotation::{Annotation, AnnotationId, AnnotationSet};
use crate::model::definitions::{set_value, AttributeDef, RelationType};
use crate::model::document::Document;
use crate::model::label::{Label, Labels};
use crate::model::relation::{Relation, Relations};
use crate::support::order::Index;
use crate::support::quote::Quoted;
use crate::support::time::Time;

/// An attribute value a file gives a span (or a document), and where the file says it (named
/// when the value is refused).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForeignAttribute {
    pub name: String,
    pub value: String,
    /// The field that holds it (`line 7`, `task 1, annotations[0].result[3].value.choices`).
    pub place: String,
}

/// A relation as a file gives it: its ends by their index in the record's spans, its type by
/// the file's name for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForeignRelation {
    pub from: usize,
    pub to: usize,
    pub kind: String,
    /// When the file says it was made (W3C's `created`); none for tools that do not say.
    pub created: Option<Time>,
    /// The field that holds it.
    pub place: String,
}

/// The file's span ids, each with its span's index (a region with two labels is two spans:
/// its id stands for the first).
pub struct Keys<'a>(Index<'a>);

impl<'a> Keys<'a> {
    /// The ids of the spans, the `i`th standing for span `i` (`""` for a span the file gives no
    /// id: never found).
    pub fn new(ids: Vec<&'a str>) -> Keys<'a> {
        Keys(Index::new(ids))
    }

    /// The index of the (first) span the file calls `id`.
    pub fn find(&self, id: &str) -> Option<usize> {
        if id.is_empty() {
            return None;
        }
        self.0.find(id).next()
    }
}

/// What placing a file's spans, relations and categories on a text made.
#[derive(Debug)]
pub struct Placed {
    /// The labels, with any label, attribute, relation type or category the file brought.
    pub labels: Labels,
    /// The annotations added, in the file's order.
    pub added: Vec<Annotation>,
    /// The relations added, in the file's order.
    pub linked: Vec<Relation>,
    /// The document's category values, sorted by name.
    pub attributes: Vec<(String, String)>,
    pub report: Report,
}

/// What a file gives for one text: its spans, the relations between them (by index) and the
/// document's category values.
#[derive(Clone, Copy)]
pub struct Foreigns<'a> {
    pub spans: &'a [Foreign],
    pub relations: &'a [ForeignRelation],
    pub categories: &'a [ForeignAttribute],
}

/// Places a file's spans on `doc` into `set` (fresh ids; exact duplicates of what is there
/// dropped, a relation to one going to its twin), with their notes and attributes, then the
/// relations between them into `relations` (fresh ids) and the document's category values.
///
/// A label, attribute name, relation type or category the labels do not have is added (a
/// name spanmark does not know is the file's vocabulary, as a new label is: refusing it would
/// refuse every file of another project); a new attribute or category is defined with the
/// values the file uses, after `unset`, its default. A value outside the values an attribute
/// or category is defined with is refused, naming its field, and nothing is placed. A
/// relation whose end could not be placed is counted in the report as lost with it.
pub fn place_coded(
    format: &'static str,
    doc: &Document,
    base: &Labels,
    set: &mut AnnotationSet,
    relations: &mut Relations,
    file: Foreigns<'_>,
) -> Result<Placed, FormatError> {
    let Foreigns { spans, relations: foreign, categories } = file;
    let mut list: Vec<Label> = base.iter().cloned().collect();
    let mut report = Report::default();
    let mut added = Vec::new();
    // Where each span landed: its annotation (a duplicate's twin), or none when lost.
    let mut ids: Vec<Option<AnnotationId>> = Vec::with_capacity(spans.len());
    for f in spans {
        let span = match super::anchor(doc, f) {
            Anchored::AtOffsets(s) => s,
            Anchored::ByQuote(s) => {
                report.reanchored += 1;
                s
            }
            Anchored::Lost => {
                report.lost.push(f.quote.clone().unwrap_or_else(|| format!("{}–{}", f.start, f.end)));
                ids.push(None);
                continue;
            }
        };
        let label = label_for(&mut list, &f.label);
        let mut attributes = Vec::new();
        if let Some(l) = list.iter_mut().find(|l| l.id == label) {
            for a in &f.attributes {
                allow(format, &mut l.attributes, a)?;
                set_value(&mut attributes, &a.name, Some(&a.value));
            }
        }
        if let Some(twin) = set.twin(span, &label) {
            report.duplicates += 1;
            ids.push(Some(twin.id.clone()));
            continue;
        }
        let id = set.fresh_id();
        let annotation = Annotation {
            created: f.created,
            note: f.note.clone().filter(|n| !n.is_empty()),
            attributes,
            ..Annotation::new(id.clone(), label, span)
        };
        if set.insert(annotation.clone()).is_ok() {
            report.placed += 1;
            added.push(annotation);
            ids.push(Some(id));
        } else {
            report.duplicates += 1;
            ids.push(None);
        }
    }
    let mut types = base.relation_types().to_vec();
    let mut linked = Vec::new();
    for r in foreign {
        let (Some(Some(from)), Some(Some(to))) = (ids.get(r.from), ids.get(r.to)) else {
            report.relations_lost += 1;
            continue;
        };
        let kind = type_for(&mut types, &r.kind);
        let relation =
            Relation { id: relations.next_id(), from: from.clone(), to: to.clone(), kind, created: r.created };
        // A relation the document has already, or from a span to itself (two spans of the file
        // landing on one annotation), is dropped.
        if relations.insert(relation.clone()).is_ok() {
            report.relations += 1;
            linked.push(relation);
        }
    }
    let mut defs = base.categories().to_vec();
    let mut attributes = Vec::new();
    for a in categories {
        allow(format, &mut defs, a)?;
        set_value(&mut attributes, &a.name, Some(&a.value));
    }
    let labels =
        base.relisted(list).and_then(|l| l.with_definitions(types, defs)).map_err(|why| error(format, "", why))?;
    Ok(Placed { labels, added, linked, attributes, report })
}

/// Checks `a` against its definition among `defs`, adding one (`unset` and the value) or the
/// value to one this file made, when there is none.
fn allow(format: &'static str, defs: &mut Vec<AttributeDef>, a: &ForeignAttribute) -> Result<(), FormatError> {
    if a.name.trim().is_empty() || a.value.is_empty() {
        return Err(error(format, &a.place, "an attribute needs a name and a value"));
    }
    match defs.iter_mut().find(|d| d.name == a.name) {
        Some(d) if d.allows(&a.value) => Ok(()),
        Some(d) => Err(error(
            format,
            &a.place,
            format!(
                "{} is not a value of {} (one of {})",
                Quoted(&a.value),
                Quoted(&a.name),
                d.values.iter().map(|v| Quoted(v).to_string()).collect::<Vec<_>>().join(", ")
            ),
        )),
        None => {
            let values = if a.value == UNSET { vec![a.value.clone()] } else { vec![UNSET.to_owned(), a.value.clone()] };
            defs.push(AttributeDef { name: a.name.clone(), values, default: UNSET.to_owned() });
            Ok(())
        }
    }
}

/// The default of an attribute or category a file brings.
const UNSET: &str = "unset";

/// The id of the relation type a file calls `name`: one whose id or name it is (ignoring ASCII
/// case, `_` read as a space), else a new one (fitting every label) added to `types`.
fn type_for(types: &mut Vec<RelationType>, name: &str) -> String {
    let same = |a: &str, b: &str| a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| fold(x) == fold(y));
    let wanted = name.trim();
    if let Some(t) = types.iter().find(|t| same(&t.id, wanted) || same(&t.name, wanted)) {
        return t.id.clone();
    }
    let mut id = crate::support::chars::map_chars(wanted, |c| if c.is_whitespace() { '_' } else { c });
    if id.is_empty() {
        id = "related".to_owned();
    }
    while types.iter().any(|t| t.id == id) {
        id.push('_');
    }
    let name = if wanted.is_empty() { id.clone() } else { wanted.replace('_', " ") };
    types.push(RelationType { id: id.clone(), name, from: Vec::new(), to: Vec::new() });
    id
}

fn fold(b: u8) -> u8 {
    if b == b'_' {
        b' '
    } else {
        b.to_ascii_lowercase()
    }
}
