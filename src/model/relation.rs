//! Relations between a document's annotations: directed and typed ("said by", "happened in").

use std::rc::Rc;

use serde::Serialize;

use super::annotation::AnnotationId;
use crate::support::chunks::{Chunks, Iter};
use crate::support::json::{Object, ShapeError};
use crate::support::time::Time;

/// A relation's stable id, `r<n>` when spanmark makes it; kept through undo, storage and files.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct RelationId(Rc<str>);

impl Serialize for RelationId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl RelationId {
    pub fn new(id: &str) -> RelationId {
        RelationId(Rc::from(id))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A directed, typed link from one annotation to another. Written (in files and stored
/// records alike) as `{id, from, to, type}`, with `created` (ISO 8601, UTC) when known.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct Relation {
    pub id: RelationId,
    pub from: AnnotationId,
    pub to: AnnotationId,
    /// The relation type's id (see [`crate::model::definitions::RelationType`]).
    #[serde(rename = "type")]
    pub kind: String,
    /// When the person linked the two (the time the Link action came with); none when not
    /// known: made without a time, or read from a file that does not say. Kept through undo,
    /// storage and files; never a clock read here.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "iso")]
    pub created: Option<Time>,
}

/// `created` as ISO 8601 (only called when there is one).
fn iso<S: serde::Serializer>(at: &Option<Time>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&at.map(Time::iso).unwrap_or_default())
}

impl Relation {
    /// A relation as files and stored records write it (its ends and type not checked here).
    /// An absent `created` (files and records written before spanmark kept it) is none; one that
    /// is not an ISO 8601 date and time is refused, by its path.
    pub fn read(mut o: Object) -> Result<Relation, ShapeError> {
        let created = match o.take("created") {
            Err(_) => None,
            Ok(v) => Some(v.as_str().and_then(Time::parse_iso).ok_or_else(|| {
                ShapeError::at(
                    format!("{}.created", o.path()),
                    "expected an ISO 8601 date and time, such as \"2026-12-01T11:24:18Z\"",
                )
            })?),
        };
        Ok(Relation {
            id: RelationId::new(&o.string("id")?),
            from: AnnotationId::new(&o.string("from")?),
            to: AnnotationId::new(&o.string("to")?),
            kind: o.string("type")?,
            created,
        })
    }
}

/// Why a relation was not added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RelationRejected {
    /// Both ends are the same annotation.
    SelfLink,
    DuplicateId(RelationId),
    /// The same (from, to, kind) is there already, under this id.
    Duplicate(RelationId),
}

/// A document's relations.
///
/// Invariants: ids are unique; no two relations have the same (from, to, kind); no relation
/// goes from an annotation to itself; `by_id`, `by_from` and `by_to` hold the same relations,
/// in id order, (from, id) order and (to, id) order. That both ends are annotations of the
/// document is kept by the editor: removing an annotation removes its relations first, in the
/// same undoable step.
///
/// The three sequences are chunked and shared between versions ([`Chunks`]): an edit on a clone
/// copies the chunks it touches and the chunk pointers, so 5,000 relations cost no more per edit
/// than 64.
#[derive(Clone, Debug, Default)]
pub struct Relations {
    by_id: Chunks<Rc<Relation>>,
    by_from: Chunks<Rc<Relation>>,
    by_to: Chunks<Rc<Relation>>,
    /// The number for the next generated id (`r<n>`).
    next: u64,
}

impl PartialEq for Relations {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl Eq for Relations {}

impl Relations {
    pub fn new() -> Relations {
        Relations::default()
    }

    pub fn len(&self) -> usize {
        self.by_id.len
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.len == 0
    }

    /// Every relation, in id order.
    pub fn iter(&self) -> impl Iterator<Item = &Relation> {
        let all: Iter<'_, Rc<Relation>> = self.by_id.iter_from(0);
        all.map(|r| &**r)
    }

    pub fn get(&self, id: &RelationId) -> Option<&Relation> {
        self.by_id.get(self.by_id.locate(&mut |r| &r.id < id)).filter(|r| &r.id == id).map(|r| &**r)
    }

    /// The relations going out of `id` (it is their `from`), in id order.
    pub fn outgoing(&self, id: &AnnotationId) -> impl Iterator<Item = &Relation> + '_ {
        ends(&self.by_from, id.clone(), |r| &r.from)
    }

    /// The relations coming into `id` (it is their `to`), in id order.
    pub fn incoming(&self, id: &AnnotationId) -> impl Iterator<Item = &Relation> + '_ {
        ends(&self.by_to, id.clone(), |r| &r.to)
    }

    /// The relations with `id` at either end: outgoing, then incoming.
    pub fn touching(&self, id: &AnnotationId) -> impl Iterator<Item = &Relation> + '_ {
        self.outgoing(id).chain(self.incoming(id))
    }

    /// The relation from `from` to `to` of type `kind`, if there is one.
    pub fn twin(&self, from: &AnnotationId, to: &AnnotationId, kind: &str) -> Option<&Relation> {
        self.outgoing(from).find(|r| &r.to == to && r.kind == kind)
    }

    /// How many relations are of type `kind`.
    pub fn count(&self, kind: &str) -> usize {
        self.iter().filter(|r| r.kind == kind).count()
    }

    /// Adds `relation` with the id it carries. Does not check that its ends exist (the editor
    /// and the readers do: they know the annotations).
    pub fn insert(&mut self, relation: Relation) -> Result<(), RelationRejected> {
        if relation.from == relation.to {
            return Err(RelationRejected::SelfLink);
        }
        if self.get(&relation.id).is_some() {
            return Err(RelationRejected::DuplicateId(relation.id));
        }
        if let Some(twin) = self.twin(&relation.from, &relation.to, &relation.kind) {
            return Err(RelationRejected::Duplicate(twin.id.clone()));
        }
        if let Some(n) = relation.id.as_str().strip_prefix('r').and_then(|n| n.parse::<u64>().ok()) {
            self.next = self.next.max(n);
        }
        let r = Rc::new(relation);
        let at = self.by_id.locate(&mut |x| x.id < r.id);
        self.by_id.insert(at, r.clone());
        let at = self.by_from.locate(&mut |x| (&x.from, &x.id) < (&r.from, &r.id));
        self.by_from.insert(at, r.clone());
        let at = self.by_to.locate(&mut |x| (&x.to, &x.id) < (&r.to, &r.id));
        self.by_to.insert(at, r);
        Ok(())
    }

    pub fn remove(&mut self, id: &RelationId) -> Option<Relation> {
        let r = self.get(id)?.clone();
        self.by_id.remove(self.by_id.locate(&mut |x| &x.id < id));
        self.by_from.remove(self.by_from.locate(&mut |x| (&x.from, &x.id) < (&r.from, id)));
        self.by_to.remove(self.by_to.locate(&mut |x| (&x.to, &x.id) < (&r.to, id)));
        Some(r)
    }

    /// A fresh id (`r<n>`), unused here. Does not reserve it: the next insert does.
    pub fn next_id(&self) -> RelationId {
        let mut n = self.next;
        loop {
            n += 1;
            let id = RelationId::new(&format!("r{n}"));
            if self.get(&id).is_none() {
                return id;
            }
        }
    }
}

/// The run of `seq` (sorted by `end`, then id) whose `end` is `id`.
fn ends(
    seq: &Chunks<Rc<Relation>>,
    id: AnnotationId,
    end: fn(&Relation) -> &AnnotationId,
) -> impl Iterator<Item = &Relation> + '_ {
    let at = seq.locate(&mut |r| end(r) < &id);
    seq.iter_from(seq.index_of(at)).map(|r| &**r).take_while(move |r| end(r) == &id)
}
