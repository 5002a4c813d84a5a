use std::cell::RefCell;

use yew::prelude::*;

use crate::model::{AnnotationId, AnnotationSet, Document, LabelId, Labels};

/// What a screen reader hears about the selected span: "Actor: Ron Dermer" when a span is
/// selected (a new one is selected as it is made) or relabelled, "Removed Actor: Ron Dermer"
/// when the one that was selected is gone. The page puts it in a polite live region.
#[hook]
pub fn use_announcement(
    selected: Option<AnnotationId>,
    annotations: &AnnotationSet,
    labels: &Labels,
    doc: &Document,
) -> String {
    // The span last announced (its id, label and words) and what the region says now.
    let state = use_mut_ref(|| RefCell::new((None::<(AnnotationId, LabelId, String)>, String::new())));
    let cell = state.borrow();
    let mut inner = cell.borrow_mut();
    let (last, said) = &mut *inner;
    let now = selected.as_ref().and_then(|id| annotations.get(id));
    match now {
        Some(a) => {
            let name = labels.get(&a.label).map_or(a.label.as_str(), |l| l.name.as_str());
            if last.as_ref().is_none_or(|(id, label, _)| id != &a.id || label != &a.label) {
                let quote: String = doc.slice(a.span).chars().take(80).collect();
                let words = format!("{name}: {quote}");
                *said = words.clone();
                *last = Some((a.id.clone(), a.label.clone(), words));
            }
        }
        None => {
            if let Some((id, _, words)) = last.take() {
                if annotations.get(&id).is_none() {
                    *said = format!("Removed {words}");
                }
            }
        }
    }
    said.clone()
}
