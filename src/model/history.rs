//! Undo and redo, as a log of reversible edits.

use std::rc::Rc;

use super::annotation::{Annotation, AnnotationId, AnnotationSet};
use super::label::{LabelId, Labels};

/// One change to a document's annotations or labels, with what it takes to reverse it.
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
}

impl Edit {
    /// Applies the edit; `false` (and nothing changed) when it no longer fits the labels and
    /// the set. A change of labels fits only labels equal to its `before`, and only if no
    /// annotation keeps a label it removes.
    pub fn apply(&self, labels: &mut Rc<Labels>, set: &mut AnnotationSet) -> bool {
        match self {
            Edit::Add(a) => set.insert(a.clone()).is_ok(),
            Edit::Remove(a) => set.remove(&a.id).is_some(),
            Edit::Relabel { id, to, .. } => set.relabel(id, to.clone()).is_some(),
            Edit::Batch(edits) => {
                let before = (labels.clone(), set.clone());
                if edits.iter().all(|e| e.apply(labels, set)) {
                    true
                } else {
                    (*labels, *set) = before;
                    false
                }
            }
            Edit::Labels { before, after } => {
                let orphans = set.iter().any(|a| after.get(&a.label).is_none() && before.get(&a.label).is_some());
                if **labels != **before || orphans {
                    return false;
                }
                *labels = after.clone();
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
        }
    }

    /// The annotation the edit is about (a batch's first; none for a change of labels).
    pub fn subject(&self) -> Option<&AnnotationId> {
        match self {
            Edit::Add(a) | Edit::Remove(a) => Some(&a.id),
            Edit::Relabel { id, .. } => Some(id),
            Edit::Batch(edits) => edits.iter().find_map(Edit::subject),
            Edit::Labels { .. } => None,
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
    pub fn undo(&mut self, labels: &mut Rc<Labels>, set: &mut AnnotationSet) -> Option<Edit> {
        let edit = self.done.pop()?;
        if edit.inverse().apply(labels, set) {
            self.undone.push(edit.clone());
            Some(edit)
        } else {
            None
        }
    }

    /// Applies the last undone edit again; returns it.
    pub fn redo(&mut self, labels: &mut Rc<Labels>, set: &mut AnnotationSet) -> Option<Edit> {
        let edit = self.undone.pop()?;
        if edit.apply(labels, set) {
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
