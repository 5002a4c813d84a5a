use std::rc::Rc;

use yew::prelude::*;

use super::use_view_option;
use crate::model::suggest::{flatten, groups, Group, Suggestion};
use crate::model::{AnnotationSet, Span};
use crate::ui::state::DocRef;

/// Suggestions from the person's own tags: whether they are on (a view option, remembered), the
/// toggle's `onchange`, and while on, one group per tagged string with untagged mentions (none
/// of those `rejected`). Every suggestion, in text order, goes to `onsuggestions` for the text
/// to draw when they change (none after none is not news: an edit with the toggle off must not
/// cost the app a second render).
#[hook]
pub fn use_suggestions(
    doc: DocRef,
    annotations: Rc<AnnotationSet>,
    rejected: Rc<Vec<Span>>,
    onsuggestions: Callback<Rc<Vec<Suggestion>>>,
) -> (bool, Callback<Event>, Rc<Vec<Group>>) {
    let (on, ontoggle) = use_view_option("suggest", ("on", "off"), false);
    let found: Rc<Vec<Group>> = use_memo((on, doc, annotations, rejected), |(on, doc, annotations, rejected)| {
        if *on {
            groups(&doc.0, annotations, rejected)
        } else {
            Vec::new()
        }
    });
    let none_shown = use_mut_ref(|| true);
    use_effect_with(found.clone(), move |found| {
        if !(found.is_empty() && *none_shown.borrow()) {
            *none_shown.borrow_mut() = found.is_empty();
            onsuggestions.emit(Rc::new(flatten(found)));
        }
    });
    (on, ontoggle, found)
}
