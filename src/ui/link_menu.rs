//! Making a relation: the selected span is its `from`; R (or **Link…**) starts picking its
//! target (a click on a span, or Tab / Shift+Tab through the spans and Enter; Escape cancels),
//! then a menu of relation types, those whose label pair fits first, makes it: one undo step.

use yew::prelude::*;

use super::arcs::type_name;
use crate::edge::{self, focus, focus::Step};
use crate::model::{Action, AnnotationId, AnnotationSet, Labels};

/// Where the link flow is.
#[derive(Clone, PartialEq, Debug)]
pub enum Linking {
    /// Picking the target; `candidate` is the span Tab has reached, which Enter picks.
    Picking { from: AnnotationId, candidate: Option<AnnotationId> },
    /// Choosing the type of the relation from `from` to `to`.
    Choosing { from: AnnotationId, to: AnnotationId },
}

impl Linking {
    pub fn from(&self) -> &AnnotationId {
        match self {
            Linking::Picking { from, .. } | Linking::Choosing { from, .. } => from,
        }
    }

    pub fn candidate(&self) -> Option<&AnnotationId> {
        match self {
            Linking::Picking { candidate, .. } => candidate.as_ref(),
            Linking::Choosing { .. } => None,
        }
    }
}

/// A span as the flow names it: its label and its text, shortened, in quotation marks.
pub fn named(labels: &Labels, annotations: &AnnotationSet, doc: &crate::model::Document, id: &AnnotationId) -> String {
    let Some(a) = annotations.get(id) else { return String::new() };
    let label = labels.get(&a.label).map_or(a.label.as_str(), |l| l.name.as_str());
    // The quote's own marks are kept: none added where it has them (no doubled marks).
    let (quote, (open, close)) = super::entry::short(doc.slice(a.span));
    format!("{label} {}{quote}{}", if open { "" } else { "“" }, if close { "" } else { "”" })
}

/// The picking step said visibly and in a live region (`text`), with a way out (a plain
/// function, not a component: it has no state of its own).
pub fn link_banner(text: String, oncancel: &Callback<()>) -> Html {
    html! {
        <div class="link-banner">
            <p role="status" aria-live="polite">{ text }</p>
            <button class="mini" onclick={oncancel.reform(|_: MouseEvent| ())}>{ "Cancel" }</button>
        </div>
    }
}

/// The type menu's inputs: the spans' labels, the relation's ends, what choosing does, and the
/// menu's element (the text's effect places it under the target and focuses its first item).
pub struct LinkMenu<'a> {
    pub labels: &'a Labels,
    pub annotations: &'a AnnotationSet,
    pub from: &'a AnnotationId,
    pub to: &'a AnnotationId,
    pub menu: &'a NodeRef,
    pub onaction: &'a Callback<Action>,
    /// The flow ends (a type chosen, or cancelled): the focus goes back to the text.
    pub ondone: &'a Callback<()>,
}

/// Opens the drawn menu: under the target span, its first item focused.
pub fn open_menu(menu: &NodeRef, article: &NodeRef, to: &AnnotationId) {
    if let (Some(m), Some(a)) = (menu.cast::<web_sys::HtmlElement>(), article.cast::<web_sys::Element>()) {
        edge::arcs::place_menu(&m, &a, to);
        focus::move_in_menu(&m, Step::First);
    }
}

/// The relation types as a menu (role `menu`, one `menuitem` per type, named by it), those that
/// fit the two spans' labels first (see [`open_menu`]). Arrows move (wrapping), Home and End go
/// to the ends, Enter or a click makes the relation, Escape or Tab cancels. A function of the
/// text's, not a component: its one effect is the text's.
pub fn link_menu(props: LinkMenu<'_>) -> Html {
    let menu = props.menu.clone();
    let onkeydown = {
        let ondone = props.ondone.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            let Some(step) = Step::of_key(&key) else {
                if key == "Escape" || key == "Tab" {
                    e.prevent_default();
                    e.stop_propagation();
                    ondone.emit(());
                }
                return;
            };
            e.prevent_default();
            e.stop_propagation();
            if let Some(menu) = menu.cast::<web_sys::Element>() {
                focus::move_in_menu(&menu, step);
            }
        })
    };
    let label_of = |id: &AnnotationId| props.annotations.get(id).map(|a| a.label.clone());
    let (Some(from_label), Some(to_label)) = (label_of(props.from), label_of(props.to)) else {
        return Html::default();
    };
    let types = props.labels.relation_types();
    let fitting = types.iter().filter(|t| t.fits(&from_label, &to_label));
    let others = types.iter().filter(|t| !t.fits(&from_label, &to_label));
    let item = |id: &str, fits: bool| {
        let (onaction, ondone) = (props.onaction.clone(), props.ondone.clone());
        let (from, to, kind) = (props.from.clone(), props.to.clone(), id.to_owned());
        // The action made at each press from its parts (a clone of a whole `Action` kept its
        // Clone in the wasm for this one caller: about 3 KB raw).
        let onclick = Callback::from(move |_: MouseEvent| {
            onaction.emit(Action::Link { from: from.clone(), to: to.clone(), kind: kind.clone() });
            ondone.emit(());
        });
        html! {
            <button role="menuitem" tabindex="-1" class={classes!("menu-item", (!fits).then_some("unfit"))} {onclick}>
                { type_name(props.labels, id) }
            </button>
        }
    };
    let first: Vec<Html> = fitting.map(|t| item(&t.id, true)).collect();
    let rest: Vec<Html> = others.map(|t| item(&t.id, false)).collect();
    let rule = !first.is_empty() && !rest.is_empty();
    html! {
        <div class="menu link-menu" role="menu" aria-label="Relation type" ref={props.menu.clone()} {onkeydown}>
            { for first }
            if rule {
                <div role="separator" class="menu-rule"></div>
            }
            { for rest }
            if types.is_empty() {
                <p class="menu-help">{ "No relation types: add some in Labels." }</p>
            }
        </div>
    }
}
