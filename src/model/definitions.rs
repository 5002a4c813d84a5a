//! What a document's codes can be beyond labels: attributes with a closed set of values (a
//! label's, on its annotations; or the document's own categories) and relation types.

use super::label::LabelId;
use crate::support::quote::Quoted;

/// An attribute: a name, the values it can take, and the one it reads as until set.
/// Invariant (kept by [`AttributeDef::new`]): `values` is not empty, holds no value twice and
/// no empty value, and holds `default`; `name` is not empty.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct AttributeDef {
    pub name: String,
    pub values: Vec<String>,
    pub default: String,
}

impl AttributeDef {
    /// An attribute definition, or why it does not hold together.
    pub fn new(name: &str, values: Vec<String>, default: &str) -> Result<AttributeDef, String> {
        if name.trim().is_empty() {
            return Err("an attribute has an empty name".to_owned());
        }
        if values.is_empty() {
            return Err(format!("attribute {} has no values", Quoted(name)));
        }
        for (i, v) in values.iter().enumerate() {
            if v.is_empty() {
                return Err(format!("attribute {} has an empty value", Quoted(name)));
            }
            if values[..i].contains(v) {
                return Err(format!("attribute {} has value {} twice", Quoted(name), Quoted(v)));
            }
        }
        if !values.iter().any(|v| v == default) {
            return Err(format!("attribute {}: default {} is not among its values", Quoted(name), Quoted(default)));
        }
        Ok(AttributeDef { name: name.to_owned(), values, default: default.to_owned() })
    }

    /// Whether `value` is one of the values.
    pub fn allows(&self, value: &str) -> bool {
        self.values.iter().any(|v| v == value)
    }
}

/// A relation type: its id (as files write it), its name, and the label pairs it fits (from
/// one of `from` to one of `to`): offered first when linking, not enforced. An empty list fits
/// every label.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct RelationType {
    pub id: String,
    pub name: String,
    pub from: Vec<LabelId>,
    pub to: Vec<LabelId>,
}

impl RelationType {
    /// Whether a relation of this type from a span labelled `from` to one labelled `to` fits
    /// the pairs it is meant for.
    pub fn fits(&self, from: &LabelId, to: &LabelId) -> bool {
        (self.from.is_empty() || self.from.contains(from)) && (self.to.is_empty() || self.to.contains(to))
    }
}

/// The value `name` has among explicitly set `values` (sorted by name), if set.
pub fn value_of<'a>(values: &'a [(String, String)], name: &str) -> Option<&'a str> {
    values.binary_search_by(|(n, _)| n.as_str().cmp(name)).ok().map(|i| values[i].1.as_str())
}

/// `values` (sorted by name) with `name` set to `value`, or unset when `value` is `None`.
pub fn set_value(values: &mut Vec<(String, String)>, name: &str, value: Option<&str>) {
    match (values.binary_search_by(|(n, _)| n.as_str().cmp(name)), value) {
        (Ok(i), Some(v)) => values[i].1 = v.to_owned(),
        (Ok(i), None) => {
            values.remove(i);
        }
        (Err(i), Some(v)) => values.insert(i, (name.to_owned(), v.to_owned())),
        (Err(_), None) => {}
    }
}

/// What `name` reads as among `values`, given the definitions `defs`: the value set, else the
/// definition's default, else "" (no such attribute).
pub fn read_value<'a>(defs: &'a [AttributeDef], values: &'a [(String, String)], name: &str) -> &'a str {
    value_of(values, name).or_else(|| defs.iter().find(|d| d.name == name).map(|d| d.default.as_str())).unwrap_or("")
}
