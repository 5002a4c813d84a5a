//! The tag set: what a span can be.

use std::rc::Rc;

use crate::support::quote::Quoted;

/// A label's stable id, as written in files (`actor`, `location`, …).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct LabelId(Rc<str>);

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
}

impl Label {
    /// A label from its fields as files write them (`""`: no hotkey); refused when the hotkey is
    /// more than one character.
    pub fn from_parts(id: &str, name: String, colour: String, hotkey: &str) -> Result<Label, String> {
        let mut keys = hotkey.chars();
        match (keys.next(), keys.next()) {
            (key, None) => Ok(Label { id: LabelId::new(id), name, colour, hotkey: key }),
            _ => Err(format!("hotkey {} is not one character", Quoted(hotkey))),
        }
    }
}

/// The labels of a project, in the order they are shown.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Labels(Vec<Label>);

impl Labels {
    /// Actor, Location, Claim and Event on keys 1–4, in Okabe–Ito colours (told apart with every
    /// common colour-vision deficiency; black text on each passes WCAG AA).
    pub fn news() -> Labels {
        let label = |id: &str, name: &str, colour: &str, hotkey| Label {
            id: LabelId::new(id),
            name: name.to_owned(),
            colour: colour.to_owned(),
            hotkey: Some(hotkey),
        };
        Labels(vec![
            label("actor", "Actor", "#e69f00", '1'),
            label("location", "Location", "#56b4e9", '2'),
            label("claim", "Claim", "#cc79a7", '3'),
            label("event", "Event", "#009e73", '4'),
        ])
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
        Ok(Labels(labels))
    }

    pub fn iter(&self) -> impl Iterator<Item = &Label> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The labels as a list, to change (the result goes back through [`Labels::new`]).
    pub fn to_vec(&self) -> Vec<Label> {
        self.0.clone()
    }

    pub fn get(&self, id: &LabelId) -> Option<&Label> {
        self.0.iter().find(|l| &l.id == id)
    }

    pub fn by_id(&self, id: &str) -> Option<&Label> {
        self.0.iter().find(|l| &*l.id.0 == id)
    }

    pub fn by_hotkey(&self, key: char) -> Option<&Label> {
        self.0.iter().find(|l| l.hotkey == Some(key))
    }

    /// The position of `id` in the bar (labels not in the set sort last).
    pub fn rank(&self, id: &LabelId) -> usize {
        self.0.iter().position(|l| &l.id == id).unwrap_or(self.0.len())
    }
}
