//! Changing the tag set: add, rename, recolour, set a hotkey, move, delete. Each change is
//! checked here and gives the new set or a refusal in a person's words; the editor makes an
//! accepted change one undoable edit (`model::editor::labels`), and the Labels dialog asks the
//! same question before it sends the change, to show the refusal beside the field.
//!
//! Rules: a name is not blank and not another label's (ignoring case, through
//! [`crate::support::case`]); a hotkey is one character, not a space, and not another label's
//! (the refusal names that label); a colour is `#rrggbb`; a rename keeps the label's id (so its
//! annotations keep it); a new label's id is made from its name and unique; the last label is
//! never deleted, and one that tags annotations only with another label to move them to.
//!
//! The definitions change here too (checked in `model::definitions`): relation types (a name
//! not blank and not another type's, ignoring case; its ends among the labels; an id made from
//! the name, kept through renames) and attributes, a label's or the document's (a name not
//! blank and not another of the same holder's; values trimmed, at least one, none blank or
//! twice; the default one of them, the first when blank). What a deleted relation type or
//! attribute, or a value no longer allowed, leaves behind, the editor removes in the same step.

use super::contrast;
use super::definitions::{check_attribute, check_relation_type};
use super::label::{Label, LabelId, Labels};
use crate::support::case::to_lowercase;
use crate::support::chars::map_chars;

/// Whose attribute: a label's (its annotations carry it) or the document's own (a category).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Holder {
    Label(LabelId),
    Document,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabelChange {
    Add {
        name: String,
        colour: String,
        hotkey: String,
    },
    Rename {
        id: LabelId,
        name: String,
    },
    Recolour {
        id: LabelId,
        colour: String,
    },
    SetHotkey {
        id: LabelId,
        hotkey: String,
    },
    /// One place earlier in the bar (`up`) or later; at either end, nothing changes.
    Move {
        id: LabelId,
        up: bool,
    },
    /// Its annotations, if it has any, move to `reassign`.
    Delete {
        id: LabelId,
        reassign: Option<LabelId>,
    },
    /// A new relation type, from spans of the `from` labels to spans of the `to` labels (empty:
    /// any); its id is made from its name.
    AddRelationType {
        name: String,
        from: Vec<LabelId>,
        to: Vec<LabelId>,
    },
    /// The relation type `id` renamed or given other ends (its id and relations kept).
    EditRelationType {
        id: String,
        name: String,
        from: Vec<LabelId>,
        to: Vec<LabelId>,
    },
    /// The relation type `id` and, in the same step, every relation of that type.
    DeleteRelationType {
        id: String,
    },
    /// A new attribute of a label, or a new category of the document.
    AddAttribute {
        holder: Holder,
        name: String,
        values: Vec<String>,
        default: String,
    },
    /// The attribute `name` renamed (`new_name`) or given other values or default; the values
    /// set that it still allows are kept (under the new name), the others unset.
    EditAttribute {
        holder: Holder,
        name: String,
        new_name: String,
        values: Vec<String>,
        default: String,
    },
    /// The attribute `name` and, in the same step, every value set for it.
    DeleteAttribute {
        holder: Holder,
        name: String,
    },
}

impl LabelChange {
    /// The label the change is about, if it is about one (a refusal is shown beside it).
    pub fn label(&self) -> Option<&LabelId> {
        match self {
            LabelChange::Rename { id, .. }
            | LabelChange::Recolour { id, .. }
            | LabelChange::SetHotkey { id, .. }
            | LabelChange::Move { id, .. }
            | LabelChange::Delete { id, .. } => Some(id),
            LabelChange::AddAttribute { holder: Holder::Label(id), .. }
            | LabelChange::EditAttribute { holder: Holder::Label(id), .. }
            | LabelChange::DeleteAttribute { holder: Holder::Label(id), .. } => Some(id),
            _ => None,
        }
    }
}

/// Keys offered to new labels, in order.
const KEYS: &str = "1234567890qwertyuiopasdfghjklzxcvbnm";

/// Colours offered to new labels, in order: each passes [`contrast::passes`] (a test checks).
pub const PALETTE: [&str; 10] =
    ["#e69f00", "#56b4e9", "#cc79a7", "#009e73", "#d55e00", "#0072b2", "#999999", "#a6761d", "#66a61e", "#b07aa1"];

/// The first key in [`KEYS`] no label has.
pub fn free_hotkey(labels: &[Label]) -> Option<char> {
    KEYS.chars().find(|k| labels.iter().all(|l| l.hotkey != Some(*k)))
}

/// The first colour in [`PALETTE`] no label has (the first, when all are taken).
pub fn free_colour(labels: &[Label]) -> &'static str {
    PALETTE.iter().find(|c| labels.iter().all(|l| !l.colour.eq_ignore_ascii_case(c))).unwrap_or(&PALETTE[0])
}

/// An id for a label named `name`: lowercase, letters and digits kept, anything else a hyphen,
/// and `-2`, `-3`… after it while another label has it.
pub fn id_for(name: &str, labels: &[Label]) -> LabelId {
    let base = map_chars(&to_lowercase(name.trim()), |c| if c.is_alphanumeric() { c } else { '-' });
    let base = if base.trim_matches('-').is_empty() { "label".to_owned() } else { base };
    let mut id = base.clone();
    let mut n = 1;
    while labels.iter().any(|l| l.id.as_str() == id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    LabelId::new(&id)
}

/// `name` checked against the other labels (`except` is the one being renamed).
fn check_name(name: &str, labels: &[Label], except: Option<&LabelId>) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("A label needs a name.".to_owned());
    }
    let lower = to_lowercase(name);
    match labels.iter().find(|l| Some(&l.id) != except && to_lowercase(&l.name) == lower) {
        Some(other) => Err(format!("There is already a label named {}.", other.name)),
        None => Ok(name.to_owned()),
    }
}

fn check_hotkey(hotkey: &str, labels: &[Label], except: Option<&LabelId>) -> Result<char, String> {
    let mut chars = hotkey.chars();
    let key = match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_whitespace() => c,
        (None, _) => return Err("A hotkey is one character: type one.".to_owned()),
        (Some(c), None) if c.is_whitespace() => return Err("A hotkey cannot be a space.".to_owned()),
        _ => return Err(format!("A hotkey is one character, not {}.", hotkey.trim())),
    };
    match labels.iter().find(|l| Some(&l.id) != except && l.hotkey == Some(key)) {
        Some(other) => Err(format!("Key {key} already tags {}: choose another key.", other.name)),
        None => Ok(key),
    }
}

fn check_colour(colour: &str) -> Result<String, String> {
    match contrast::parse(colour.trim()) {
        Some(rgb) => Ok(contrast::format(rgb)),
        None => Err(format!("{} is not a colour written #rrggbb.", colour.trim())),
    }
}

impl Labels {
    /// The set after `change`, or why it is refused. `uses` counts the annotations with a label.
    /// A move at either end gives the same set.
    pub fn changed(&self, change: &LabelChange, uses: impl Fn(&LabelId) -> usize) -> Result<Labels, String> {
        let mut list = self.to_vec();
        let at = |id: &LabelId| list.iter().position(|l| &l.id == id).ok_or_else(|| "That label is gone.".to_owned());
        match change {
            LabelChange::Add { name, colour, hotkey } => {
                let name = check_name(name, &list, None)?;
                let hotkey = check_hotkey(hotkey, &list, None)?;
                let colour = check_colour(colour)?;
                let id = id_for(&name, &list);
                list.push(Label { id, name, colour, hotkey: Some(hotkey), attributes: Vec::new() });
            }
            LabelChange::Rename { id, name } => {
                let i = at(id)?;
                list[i].name = check_name(name, &list, Some(id))?;
            }
            LabelChange::Recolour { id, colour } => {
                let i = at(id)?;
                list[i].colour = check_colour(colour)?;
            }
            LabelChange::SetHotkey { id, hotkey } => {
                let i = at(id)?;
                list[i].hotkey = Some(check_hotkey(hotkey, &list, Some(id))?);
            }
            LabelChange::Move { id, up } => {
                let i = at(id)?;
                match (up, i) {
                    (true, 0) => {}
                    (true, _) => list.swap(i, i - 1),
                    (false, _) if i + 1 < list.len() => list.swap(i, i + 1),
                    (false, _) => {}
                }
            }
            LabelChange::Delete { id, reassign } => {
                let i = at(id)?;
                let name = list[i].name.clone();
                if list.len() == 1 {
                    return Err(format!("{name} is the only label: add another before deleting it."));
                }
                let used = uses(id);
                match reassign {
                    _ if used == 0 => {}
                    None => {
                        return Err(format!(
                            "{name} tags {used} annotation{}: choose a label to move {} to.",
                            if used == 1 { "" } else { "s" },
                            if used == 1 { "it" } else { "them" }
                        ))
                    }
                    Some(to) if to == id || list.iter().all(|l| &l.id != to) => {
                        return Err(format!("Choose another label to move the annotations of {name} to."))
                    }
                    Some(_) => {}
                }
                list.remove(i);
            }
            _ => return self.definitions_changed(change),
        }
        self.relisted(list)
    }

    /// The set after a change of its relation types or attributes, or why it is refused.
    fn definitions_changed(&self, change: &LabelChange) -> Result<Labels, String> {
        let (mut list, mut types, mut categories) =
            (self.to_vec(), self.relation_types().to_vec(), self.categories().to_vec());
        let gone = || "That relation type is gone.".to_owned();
        match change {
            LabelChange::AddRelationType { name, from, to } => {
                types.push(check_relation_type(None, name, from, to, &types, self)?);
            }
            LabelChange::EditRelationType { id, name, from, to } => {
                let i = types.iter().position(|t| &t.id == id).ok_or_else(gone)?;
                types[i] = check_relation_type(Some(id), name, from, to, &types, self)?;
            }
            LabelChange::DeleteRelationType { id } => {
                let i = types.iter().position(|t| &t.id == id).ok_or_else(gone)?;
                types.remove(i);
            }
            LabelChange::AddAttribute { holder, name, values, default } => {
                let defs = holder_defs(holder, &mut list, &mut categories)?;
                defs.push(check_attribute(None, name, values, default, defs)?);
            }
            LabelChange::EditAttribute { holder, name, new_name, values, default } => {
                let defs = holder_defs(holder, &mut list, &mut categories)?;
                let i = defs.iter().position(|d| &d.name == name).ok_or("That attribute is gone.")?;
                defs[i] = check_attribute(Some(name), new_name, values, default, defs)?;
            }
            LabelChange::DeleteAttribute { holder, name } => {
                let defs = holder_defs(holder, &mut list, &mut categories)?;
                let i = defs.iter().position(|d| &d.name == name).ok_or("That attribute is gone.")?;
                defs.remove(i);
            }
            _ => return Err("That change is not about the definitions.".to_owned()),
        }
        Labels::new(list)?.with_definitions(types, categories)
    }
}

/// The attribute definitions of `holder`, to change.
fn holder_defs<'a>(
    holder: &Holder,
    list: &'a mut [Label],
    categories: &'a mut Vec<super::definitions::AttributeDef>,
) -> Result<&'a mut Vec<super::definitions::AttributeDef>, String> {
    match holder {
        Holder::Document => Ok(categories),
        Holder::Label(id) => match list.iter_mut().find(|l| &l.id == id) {
            Some(l) => Ok(&mut l.attributes),
            None => Err("That label is gone.".to_owned()),
        },
    }
}
