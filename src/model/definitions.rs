//! What a document's codes can be beyond labels: attributes with a closed set of values (a
//! label's, on its annotations; or the document's own categories) and relation types.

use serde::Serialize;

use super::label::{LabelId, Labels};
use crate::support::case::to_lowercase;
use crate::support::chars::map_chars;
use crate::support::json::{Object, ShapeError};
use crate::support::quote::Quoted;

/// An attribute: a name, the values it can take, and the one it reads as until set.
/// Invariant (kept by [`AttributeDef::new`]): `values` is not empty, holds no value twice and
/// no empty value, and holds `default`; `name` is not empty.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
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

    /// A definition as files and stored records write it (`{name, values, default}`),
    /// checked.
    pub fn read(mut o: Object) -> Result<AttributeDef, ShapeError> {
        let (name, values, default) = (o.string("name")?, o.strings("values")?, o.string("default")?);
        AttributeDef::new(&name, values, &default).map_err(|m| ShapeError::at(o.into_path(), m))
    }

    /// Whether `value` is one of the values.
    pub fn allows(&self, value: &str) -> bool {
        self.values.iter().any(|v| v == value)
    }
}

/// A relation type: its id (as files write it), its name, and the label pairs it fits (from
/// one of `from` to one of `to`): offered first when linking, not enforced. An empty list fits
/// every label.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct RelationType {
    pub id: String,
    pub name: String,
    pub from: Vec<LabelId>,
    pub to: Vec<LabelId>,
}

impl RelationType {
    /// A relation type as files and stored records write it (`{id, name, from, to}`, the ends
    /// label ids, not checked here); refused when its id or name is empty.
    pub fn read(mut o: Object) -> Result<RelationType, ShapeError> {
        let (id, name) = (o.string("id")?, o.string("name")?);
        let ids = |ids: Vec<String>| ids.iter().map(|id| LabelId::new(id)).collect();
        let (from, to) = (ids(o.strings("from")?), ids(o.strings("to")?));
        if id.is_empty() || name.trim().is_empty() {
            return Err(ShapeError::at(o.into_path(), "a relation type needs an id and a name"));
        }
        Ok(RelationType { id, name, from, to })
    }

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

/// What `name` reads as among `values`, given the definitions `defs`: the value set if its
/// definition allows it, else the definition's default; "" when there is no such definition.
/// (A value set under another label's definition, kept through a relabel, reads as the
/// default where the new label's definition does not allow it.)
pub fn read_value<'a>(defs: &'a [AttributeDef], values: &'a [(String, String)], name: &str) -> &'a str {
    let Some(def) = defs.iter().find(|d| d.name == name) else { return "" };
    value_of(values, name).filter(|v| def.allows(v)).unwrap_or(&def.default)
}

/// A relation type named `name` from `from` to `to`, checked against the other `types`
/// (`except`: the id of the one being edited, which keeps it); a new one's id is made from the
/// name: lowercase, letters and digits kept, anything else `_`, and `_2`, `_3`… while taken.
pub fn check_relation_type(
    except: Option<&String>,
    name: &str,
    from: &[LabelId],
    to: &[LabelId],
    types: &[RelationType],
    labels: &Labels,
) -> Result<RelationType, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("A relation type needs a name.".to_owned());
    }
    let lower = to_lowercase(name);
    if let Some(other) = types.iter().find(|t| Some(&t.id) != except && to_lowercase(&t.name) == lower) {
        return Err(format!("There is already a relation type named {}.", other.name));
    }
    if from.iter().chain(to).any(|id| labels.get(id).is_none()) {
        return Err("That label is gone.".to_owned());
    }
    let id = match except {
        Some(id) => id.clone(),
        None => {
            let base = map_chars(&lower, |c| if c.is_alphanumeric() { c } else { '_' });
            let base = if base.trim_matches('_').is_empty() { "relation".to_owned() } else { base };
            let (mut id, mut n) = (base.clone(), 1);
            while types.iter().any(|t| t.id == id) {
                n += 1;
                id = format!("{base}_{n}");
            }
            id
        }
    };
    Ok(RelationType { id, name: name.to_owned(), from: from.to_vec(), to: to.to_vec() })
}

/// An attribute named `name` with `values` and `default`, checked against the other `defs` of
/// its holder (`except`: the name of the one being edited).
pub fn check_attribute(
    except: Option<&String>,
    name: &str,
    values: &[String],
    default: &str,
    defs: &[AttributeDef],
) -> Result<AttributeDef, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("An attribute needs a name.".to_owned());
    }
    if defs.iter().any(|d| Some(&d.name) != except && d.name == name) {
        return Err(format!("There is already an attribute named {name}."));
    }
    let values: Vec<String> = values.iter().map(|v| v.trim().to_owned()).collect();
    if values.is_empty() {
        return Err(format!("{name} needs at least one value."));
    }
    if values.iter().any(String::is_empty) {
        return Err(format!("A value of {name} is blank: give it a name or remove it."));
    }
    if let Some((_, v)) = values.iter().enumerate().find(|(i, v)| values[..*i].contains(v)) {
        return Err(format!("{name} has the value {v} twice."));
    }
    let default = match default.trim() {
        "" => values[0].clone(),
        d if values.iter().any(|v| v == d) => d.to_owned(),
        d => return Err(format!("The default {d} is not one of the values of {name}.")),
    };
    Ok(AttributeDef { name: name.to_owned(), values, default })
}
