//! The adjudicated document (issue 17 point 5): the open document's text again, titled
//! "<title> — adjudicated", with the spans the person accepted in the Compare view, each
//! recording the annotators who had it. It is a document like any other: in the list, opened,
//! stored, its edits undoable, exported to every format.

use super::{labels, Editor, Notice};
use crate::model::adjudication::Chosen;
use crate::model::annotation::{Annotation, AnnotationSet};
use crate::model::label::LabelId;
use crate::model::project::Project;
use crate::model::span::Span;
use crate::support::time::Time;

/// What is added to a title to name its adjudicated copy.
pub const ADJUDICATED: &str = " — adjudicated";

impl Editor {
    /// Opens a new document with the open one's text and labels and `chosen` as its annotations.
    /// A label id no one here knows (a file's own) is added as a label, named by its id; spans
    /// outside the text are left out.
    pub(super) fn adjudicated(&mut self, chosen: &[Chosen], now: Option<Time>) {
        let title = format!("{}{ADJUDICATED}", self.doc().title());
        if let Some(e) = self.no_room(&title, 1) {
            return self.refuse(&e);
        }
        let doc = self.doc().retitled(&title);
        let len = doc.len();
        let mut set = AnnotationSet::new();
        for c in chosen.iter().filter(|c| c.span.end() <= len) {
            let id = set.fresh_id();
            let span = Span::new(c.span.start(), c.span.end());
            let annotation = Annotation {
                created: now,
                annotators: c.annotators.clone(),
                ..Annotation::new(id, LabelId::new(&c.label), span)
            };
            // A twin (the same span and label twice) is dropped: `chosen` holds none.
            let _ = set.insert(annotation);
        }
        let ours = self.labels().clone();
        let project = Project::new(doc, (*ours).clone(), set);
        let (rename, extra) = labels::missing(&ours, &project);
        let mut set = project.annotations;
        for (theirs, mine) in rename {
            let mut ids = Vec::new();
            for a in set.iter().filter(|a| a.label == theirs) {
                ids.push(a.id.clone());
            }
            for id in ids {
                set.relabel(&id, mine.clone());
            }
        }
        let mut list = ours.to_vec();
        list.extend(extra);
        let labels = ours.relisted(list).unwrap_or_else(|_| (*ours).clone());
        let count = set.len();
        self.add_document(Project::new(project.doc, labels, set));
        self.notice = Some(Notice::Info(format!(
            "{title} holds the {count} span{} you accepted.",
            if count == 1 { "" } else { "s" }
        )));
    }
}
