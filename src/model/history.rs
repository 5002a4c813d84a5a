//! Undo and redo, as a log of reversible edits.

use std::rc::Rc;

use super::annotation::{Annotation, AnnotationId, AnnotationSet};
use super::definitions::set_value;
use super::label::{LabelId, Labels};
use super::relation::{Relation, Relations};

/// What edits change: one document's labels (with their definitions), annotations, relations
/// and category values (sorted by name), each shared between versions (`Rc`): an edit copies
/// only what it changes, so a relation's edit leaves the annotations' `Rc` as it was.
pub struct Work<'a> {
    pub labels: &'a mut Rc<Labels>,
    pub annotations: &'a mut Rc<AnnotationSet>,
    pub relations: &'a mut Rc<Relations>,
    pub attributes: &'a mut Rc<Vec<(String, String)>>,
}

/// One change to a document's annotations, relations, attributes or labels, with what it takes
/// to reverse it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    Add(Annotation),
    Remove(Annotation),
    Relabel {
        id: AnnotationId,
        from: LabelId,
        to: LabelId,
    },
    /// Several edits as one step (replacing or merging a file's annotations; deleting a label
    /// after moving its annotations to another).
    Batch(Vec<Edit>),
    /// The tag set changed (a label added, renamed, recoloured, moved, deleted, or its hotkey):
    /// the whole set before and after, a few labels each.
    Labels {
        before: Rc<Labels>,
        after: Rc<Labels>,
    },
    /// A relation added; both its ends must be annotations of the document.
    Link(Relation),
    /// A relation removed.
    Unlink(Relation),
    /// An annotation's note changed (`None`: no note).
    Note {
        id: AnnotationId,
        before: Option<String>,
        after: Option<String>,
    },
    /// An annotation's attribute set (`Some`) or unset (`None`, it reads as its default).
    Attribute {
        id: AnnotationId,
        name: String,
        before: Option<String>,
        after: Option<String>,
    },
    /// A category of the document itself set or unset.
    DocAttribute {
        name: String,
        before: Option<String>,
        after: Option<String>,
    },
}

impl Edit {
    /// Applies the edit; `false` (and nothing changed) when it no longer fits. A change of
    /// labels fits only labels equal to its `before`, and only if no annotation keeps a label
    /// it removes and no relation a type it removes. An annotation is removed only when no
    /// relation touches it, a relation added only between two annotations there are, and a
    /// note or attribute changed only from the value it has: so relations never dangle.
    pub fn apply(&self, w: &mut Work<'_>) -> bool {
        match self {
            Edit::Add(a) => Rc::make_mut(w.annotations).insert(a.clone()).is_ok(),
            Edit::Remove(a) => {
                w.relations.touching(&a.id).next().is_none() && Rc::make_mut(w.annotations).remove(&a.id).is_some()
            }
            Edit::Relabel { id, to, .. } => Rc::make_mut(w.annotations).relabel(id, to.clone()).is_some(),
            Edit::Batch(edits) => {
                let before = (w.labels.clone(), w.annotations.clone(), w.relations.clone(), w.attributes.clone());
                if edits.iter().all(|e| e.apply(w)) {
                    true
                } else {
                    (*w.labels, *w.annotations, *w.relations, *w.attributes) = before;
                    false
                }
            }
            Edit::Labels { before, after } => {
                let orphans =
                    w.annotations.iter().any(|a| after.get(&a.label).is_none() && before.get(&a.label).is_some());
                let gone = |kind: &str| after.relation_type(kind).is_none() && before.relation_type(kind).is_some();
                if **w.labels != **before || orphans || w.relations.iter().any(|r| gone(&r.kind)) {
                    return false;
                }
                *w.labels = after.clone();
                true
            }
            Edit::Link(r) => {
                let ends = w.annotations.get(&r.from).is_some() && w.annotations.get(&r.to).is_some();
                ends && Rc::make_mut(w.relations).insert(r.clone()).is_ok()
            }
            Edit::Unlink(r) => match w.relations.get(&r.id) {
                Some(there) if there == r => Rc::make_mut(w.relations).remove(&r.id).is_some(),
                _ => false,
            },
            Edit::Note { id, before, after } => match w.annotations.get(id) {
                Some(a) if a.note == *before => {
                    let changed = Annotation { note: after.clone(), ..a.clone() };
                    Rc::make_mut(w.annotations).update(changed)
                }
                _ => false,
            },
            Edit::Attribute { id, name, before, after } => match w.annotations.get(id) {
                Some(a) if a.attribute(name) == before.as_deref() => {
                    let mut changed = a.clone();
                    set_value(&mut changed.attributes, name, after.as_deref());
                    Rc::make_mut(w.annotations).update(changed)
                }
                _ => false,
            },
            Edit::DocAttribute { name, before, after } => {
                if super::definitions::value_of(w.attributes, name) != before.as_deref() {
                    return false;
                }
                set_value(Rc::make_mut(w.attributes), name, after.as_deref());
                true
            }
        }
    }

    pub fn inverse(&self) -> Edit {
        match self {
            Edit::Add(a) => Edit::Remove(a.clone()),
            Edit::Remove(a) => Edit::Add(a.clone()),
            Edit::Relabel { id, from, to } => Edit::Relabel { id: id.clone(), from: to.clone(), to: from.clone() },
            Edit::Batch(edits) => Edit::Batch(edits.iter().rev().map(Edit::inverse).collect()),
            Edit::Labels { before, after } => Edit::Labels { before: after.clone(), after: before.clone() },
            Edit::Link(r) => Edit::Unlink(r.clone()),
            Edit::Unlink(r) => Edit::Link(r.clone()),
            Edit::Note { id, before, after } => {
                Edit::Note { id: id.clone(), before: after.clone(), after: before.clone() }
            }
            Edit::Attribute { id, name, before, after } => {
                Edit::Attribute { id: id.clone(), name: name.clone(), before: after.clone(), after: before.clone() }
            }
            Edit::DocAttribute { name, before, after } => {
                Edit::DocAttribute { name: name.clone(), before: after.clone(), after: before.clone() }
            }
        }
    }

    /// The annotation the edit is about (a batch's first; a relation's `from`; none for a
    /// change of labels or of the document's categories).
    pub fn subject(&self) -> Option<&AnnotationId> {
        match self {
            Edit::Add(a) | Edit::Remove(a) => Some(&a.id),
            Edit::Relabel { id, .. } | Edit::Note { id, .. } | Edit::Attribute { id, .. } => Some(id),
            Edit::Link(r) | Edit::Unlink(r) => Some(&r.from),
            Edit::Batch(edits) => edits.iter().find_map(Edit::subject),
            Edit::Labels { .. } | Edit::DocAttribute { .. } => None,
        }
    }

    /// Whether the edit changes the labels (alone or in a batch).
    pub fn changes_labels(&self) -> bool {
        match self {
            Edit::Labels { .. } => true,
            Edit::Batch(edits) => edits.iter().any(Edit::changes_labels),
            _ => false,
        }
    }
}

/// A stack that shares its tail: pushing and popping are O(1), and cloning the history (as the
/// editor does on every change) copies nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Stack(Option<Rc<Node>>);

#[derive(Debug, PartialEq, Eq)]
struct Node {
    edit: Edit,
    len: usize,
    below: Stack,
}

impl Stack {
    fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |n| n.len)
    }

    fn push(&mut self, edit: Edit) {
        let below = std::mem::take(self);
        let len = below.len() + 1;
        *self = Stack(Some(Rc::new(Node { edit, len, below })));
    }

    fn pop(&mut self) -> Option<Edit> {
        let top = self.0.take()?;
        let edit = top.edit.clone();
        *self = top.below.clone();
        Some(edit)
    }

    /// Bottom first.
    fn to_vec(&self) -> Vec<Edit> {
        let mut out = Vec::with_capacity(self.len());
        let mut at = self.0.as_ref();
        while let Some(node) = at {
            out.push(node.edit.clone());
            at = node.below.0.as_ref();
        }
        out.reverse();
        out
    }

    fn from_vec(edits: Vec<Edit>) -> Stack {
        let mut stack = Stack::default();
        for e in edits {
            stack.push(e);
        }
        stack
    }
}

/// The edits that can be undone, and those undone that can be redone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History {
    done: Stack,
    undone: Stack,
}

impl History {
    /// A history restored from storage.
    pub fn from_parts(done: Vec<Edit>, undone: Vec<Edit>) -> History {
        History { done: Stack::from_vec(done), undone: Stack::from_vec(undone) }
    }

    /// Edits that can be undone, oldest first.
    pub fn done(&self) -> Vec<Edit> {
        self.done.to_vec()
    }

    /// Edits that can be redone, the next to redo last.
    pub fn undone(&self) -> Vec<Edit> {
        self.undone.to_vec()
    }

    pub fn depth(&self) -> usize {
        self.done.len()
    }

    /// Records an edit that was just applied; it clears what could be redone.
    pub fn record(&mut self, edit: Edit) {
        self.done.push(edit);
        self.undone = Stack::default();
    }

    /// Reverses the last edit; returns it.
    pub fn undo(&mut self, work: &mut Work<'_>) -> Option<Edit> {
        let edit = self.done.pop()?;
        if edit.inverse().apply(work) {
            self.undone.push(edit.clone());
            Some(edit)
        } else {
            None
        }
    }

    /// Applies the last undone edit again; returns it.
    pub fn redo(&mut self, work: &mut Work<'_>) -> Option<Edit> {
        let edit = self.undone.pop()?;
        if edit.apply(work) {
            self.done.push(edit.clone());
            Some(edit)
        } else {
            None
        }
    }

    pub fn can_undo(&self) -> bool {
        self.done.len() > 0
    }

    pub fn can_redo(&self) -> bool {
        self.undone.len() > 0
    }
}

impl Drop for Stack {
    /// Unlinks iteratively: a history of 100,000 steps must not overflow the stack when dropped.
    fn drop(&mut self) {
        let mut at = self.0.take();
        while let Some(node) = at {
            match Rc::try_unwrap(node) {
                Ok(mut node) => at = node.below.0.take(),
                Err(_) => break,
            }
        }
    }
}
