//! The tag set: what a span can be.

use std::rc::Rc;

use super::annotation::Annotation;
use super::definitions::{read_value, AttributeDef, RelationType};
use crate::support::quote::Quoted;

/// A label's stable id, as written in files (`actor`, `location`, …).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct LabelId(Rc<str>);

impl serde::Serialize for LabelId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl LabelId {
    pub fn new(id: &str) -> LabelId {
        LabelId(Rc::from(id))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Label {
    pub id: LabelId,
    pub name: String,
    /// A CSS colour, `#rrggbb`.
    pub colour: String,
    /// The key that applies it; none for a label beyond the keys there are (a file bringing
    /// more new labels than free keys). Files and stored records write none as `""`.
    pub hotkey: Option<char>,
    /// The attributes its annotations carry (names unique), in the order shown.
    pub attributes: Vec<AttributeDef>,
}

impl Label {
    /// A label from its fields as files write them (`""`: no hotkey); refused when the hotkey is
    /// more than one character.
    pub fn from_parts(id: &str, name: String, colour: String, hotkey: &str) -> Result<Label, String> {
        let mut keys = hotkey.chars();
        match (keys.next(), keys.next()) {
            (key, None) => Ok(Label { id: LabelId::new(id), name, colour, hotkey: key, attributes: Vec::new() }),
            _ => Err(format!("hotkey {} is not one character", Quoted(hotkey))),
        }
    }
}

/// A document's tag set: its labels, in the order they are shown, and the definitions that go
/// with them: the relation types and the document's categories (attributes of the document
/// itself). Invariants (kept by [`Labels::new`] and [`Labels::with_definitions`]): label ids and
/// hotkeys unique; attribute names unique per label; relation type ids unique and not empty;
/// category names unique.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Labels {
    list: Vec<Label>,
    relation_types: Vec<RelationType>,
    categories: Vec<AttributeDef>,
}

impl Labels {
    /// Actor, Location, Claim and Event on keys 1–4, in Okabe–Ito colours (told apart with every
    /// common colour-vision deficiency; black text on each passes WCAG AA).
    pub fn news() -> Labels {
        let label = |id: &str, name: &str, colour: &str, hotkey| Label {
            id: LabelId::new(id),
            name: name.to_owned(),
            colour: colour.to_owned(),
            hotkey: Some(hotkey),
            attributes: Vec::new(),
        };
        let list = vec![
            label("actor", "Actor", "#e69f00", '1'),
            label("location", "Location", "#56b4e9", '2'),
            label("claim", "Claim", "#cc79a7", '3'),
            label("event", "Event", "#009e73", '4'),
        ];
        Labels { list, relation_types: Vec::new(), categories: Vec::new() }.with_news_definitions()
    }

    /// These labels with the news defaults that fit them, by label id: Claim's `stance` and
    /// `verified`, Event's `status`; the relation types `said_by` (Claim → Actor),
    /// `takes_part_in` (Actor → Event), `happened_in` (Event → Location) and `about` (Claim →
    /// Event, Actor, Location), each kept when labels of both its ends are here (with the ends
    /// that are); and the categories `topic`, `genre` and `source`. A file or stored record
    /// from before relations (which says nothing of them) gets these.
    pub fn with_news_definitions(mut self) -> Labels {
        let def = |name: &str, values: &[&str]| AttributeDef {
            name: name.to_owned(),
            values: values.iter().map(|v| (*v).to_owned()).collect(),
            default: values[0].to_owned(),
        };
        for l in &mut self.list {
            if !l.attributes.is_empty() {
                continue;
            }
            l.attributes = match l.id.as_str() {
                "claim" => vec![
                    def("stance", &["asserts", "denies", "hedges"]),
                    def("verified", &["unknown", "true", "false", "misleading"]),
                ],
                "event" => vec![def("status", &["reported", "confirmed", "denied"])],
                _ => Vec::new(),
            };
        }
        if self.relation_types.is_empty() {
            let ids = |ids: &[&str]| -> Vec<LabelId> {
                let mut out = Vec::new();
                for id in ids.iter().map(|id| LabelId::new(id)) {
                    if self.get(&id).is_some() {
                        out.push(id);
                    }
                }
                out
            };
            let types = [
                ("said_by", "said by", &["claim"][..], &["actor"][..]),
                ("takes_part_in", "takes part in", &["actor"], &["event"]),
                ("happened_in", "happened in", &["event"], &["location"]),
                ("about", "about", &["claim"], &["event", "actor", "location"]),
            ];
            let mut kept = Vec::new();
            for (id, name, from, to) in types {
                let (from, to) = (ids(from), ids(to));
                if !from.is_empty() && !to.is_empty() {
                    kept.push(RelationType { id: id.to_owned(), name: name.to_owned(), from, to });
                }
            }
            self.relation_types = kept;
        }
        if self.categories.is_empty() {
            self.categories = vec![
                def("topic", &["unset", "politics", "conflict", "economy", "health", "climate", "society", "other"]),
                def("genre", &["unset", "report", "analysis", "opinion", "interview", "other"]),
                def("source", &["unset", "agency", "newspaper", "broadcast", "online", "official", "other"]),
            ];
        }
        self
    }

    /// A tag set; refused when two labels share an id or a hotkey, or a colour is not `#rrggbb`.
    pub fn new(labels: Vec<Label>) -> Result<Labels, String> {
        for (i, l) in labels.iter().enumerate() {
            let hex = l.colour.strip_prefix('#').filter(|h| h.len() == 6 && h.chars().all(|c| c.is_ascii_hexdigit()));
            if hex.is_none() {
                return Err(format!("label {} has colour {}, not #rrggbb", Quoted(l.id.as_str()), Quoted(&l.colour)));
            }
            if l.id.as_str().is_empty() {
                return Err("a label has an empty id".to_owned());
            }
            for earlier in &labels[..i] {
                if earlier.id == l.id {
                    return Err(format!("label id {} is used twice", Quoted(l.id.as_str())));
                }
                if let Some(key) = l.hotkey.filter(|k| earlier.hotkey == Some(*k)) {
                    return Err(format!("hotkey {} is used twice", Quoted(&key.to_string())));
                }
            }
        }
        Ok(Labels { list: labels, relation_types: Vec::new(), categories: Vec::new() })
    }

    /// These labels with `relation_types` and `categories` (replacing theirs); refused when two
    /// relation types share an id or one has an empty id or name, when two categories share a
    /// name, or when a label has two attributes of one name.
    pub fn with_definitions(
        mut self,
        relation_types: Vec<RelationType>,
        categories: Vec<AttributeDef>,
    ) -> Result<Labels, String> {
        for l in &self.list {
            if let Some(name) = repeated(l.attributes.iter().map(|a| a.name.as_str())) {
                return Err(format!("label {} has attribute {} twice", Quoted(l.id.as_str()), Quoted(name)));
            }
        }
        if let Some(t) = relation_types.iter().find(|t| t.id.is_empty() || t.name.trim().is_empty()) {
            return Err(format!("relation type {} needs an id and a name", Quoted(&t.id)));
        }
        if let Some(id) = repeated(relation_types.iter().map(|t| t.id.as_str())) {
            return Err(format!("relation type id {} is used twice", Quoted(id)));
        }
        if let Some(name) = repeated(categories.iter().map(|c| c.name.as_str())) {
            return Err(format!("category {} is defined twice", Quoted(name)));
        }
        self.relation_types = relation_types;
        self.categories = categories;
        Ok(self)
    }

    /// `list` as the labels, with these definitions; a relation type's ends lose the labels no
    /// longer in `list`. Refused as [`Labels::new`] and [`Labels::with_definitions`] refuse.
    pub fn relisted(&self, list: Vec<Label>) -> Result<Labels, String> {
        let mut types = self.relation_types.clone();
        for t in &mut types {
            t.from.retain(|id| list.iter().any(|l| &l.id == id));
            t.to.retain(|id| list.iter().any(|l| &l.id == id));
        }
        Labels::new(list)?.with_definitions(types, self.categories.clone())
    }

    /// The relation types, in the order offered.
    pub fn relation_types(&self) -> &[RelationType] {
        &self.relation_types
    }

    /// The relation types in the order a link from a span labelled `from` to one labelled `to`
    /// offers them: those meant for that pair first, then the rest, each group in its order.
    pub fn relation_types_for(&self, from: &LabelId, to: &LabelId) -> Vec<&RelationType> {
        let (mut fit, rest): (Vec<&RelationType>, Vec<&RelationType>) =
            self.relation_types.iter().partition(|t| t.fits(from, to));
        fit.extend(rest);
        fit
    }

    pub fn relation_type(&self, id: &str) -> Option<&RelationType> {
        self.relation_types.iter().find(|t| t.id == id)
    }

    /// The document's categories (attributes of the document itself), in the order shown.
    pub fn categories(&self) -> &[AttributeDef] {
        &self.categories
    }

    pub fn category(&self, name: &str) -> Option<&AttributeDef> {
        self.categories.iter().find(|c| c.name == name)
    }

    /// The definition of attribute `name` of label `label`.
    pub fn attribute_def(&self, label: &LabelId, name: &str) -> Option<&AttributeDef> {
        self.get(label)?.attributes.iter().find(|a| a.name == name)
    }

    /// What attribute `name` of `annotation` reads as: its value if set, else its label's
    /// default for it, else "" (its label has no such attribute).
    pub fn attribute<'a>(&'a self, annotation: &'a Annotation, name: &str) -> &'a str {
        let defs = self.get(&annotation.label).map_or(&[][..], |l| &l.attributes[..]);
        read_value(defs, &annotation.attributes, name)
    }

    /// What category `name` of a document whose values are `values` reads as (see
    /// [`Labels::attribute`]).
    pub fn doc_attribute<'a>(&'a self, values: &'a [(String, String)], name: &str) -> &'a str {
        read_value(&self.categories, values, name)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Label> {
        self.list.iter()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The labels as a list, to change (the result goes back through [`Labels::relisted`], which
    /// keeps the definitions).
    pub fn to_vec(&self) -> Vec<Label> {
        self.list.clone()
    }

    pub fn get(&self, id: &LabelId) -> Option<&Label> {
        self.list.iter().find(|l| &l.id == id)
    }

    pub fn by_id(&self, id: &str) -> Option<&Label> {
        self.list.iter().find(|l| l.id.as_str() == id)
    }

    pub fn by_hotkey(&self, key: char) -> Option<&Label> {
        self.list.iter().find(|l| l.hotkey == Some(key))
    }

    /// The position of `id` in the bar (labels not in the set sort last).
    pub fn rank(&self, id: &LabelId) -> usize {
        self.list.iter().position(|l| &l.id == id).unwrap_or(self.list.len())
    }
}

/// The first item of `items` that comes twice.
fn repeated<'a>(items: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut seen: Vec<&str> = Vec::new();
    for item in items {
        if seen.contains(&item) {
            return Some(item);
        }
        seen.push(item);
    }
    None
}
