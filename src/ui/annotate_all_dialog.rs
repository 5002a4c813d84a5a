use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::modal::{raw, Modal};
use super::state::DocRef;
use crate::model::bulk::{context, plan, Planned};
use crate::model::{Action, AnnotationSet, LabelId, Labels, Span};
use crate::support::markup::Markup;

#[derive(Properties, PartialEq)]
pub struct AnnotateAllDialogProps {
    pub doc: DocRef,
    pub labels: Rc<Labels>,
    pub annotations: Rc<AnnotationSet>,
    /// The label every ticked match gets.
    pub label: LabelId,
    /// The find's matches, in text order.
    pub matches: Rc<Vec<Span>>,
    pub onaction: Callback<Action>,
    pub onclose: Callback<()>,
}

/// At most this many rows are drawn; the rest are summed up in one line and tagged with them.
const SHOWN: usize = 200;
/// Code points of context on each side of a match.
const AROUND: u32 = 40;

/// Annotate all: every match of the find with its context and a tick box (all ticked; those
/// that already have the label shown and skipped). Confirming tags the ticked ones as one
/// undoable step (`Action::AnnotateAll`). Only the first [`SHOWN`] rows are drawn, so the
/// dialog opens as quickly for 10,000 matches; the ones beyond are tagged too.
#[component]
pub fn AnnotateAllDialog(props: &AnnotateAllDialogProps) -> Html {
    let planned: Rc<Vec<Planned>> =
        use_memo((), |_| plan(&props.doc.0, &props.matches, &props.annotations, &props.label));
    // Unticked rows, by index into `planned`.
    let unticked = use_state(Vec::<usize>::new);
    let name = props.labels.get(&props.label).map_or(props.label.as_str(), |l| l.name.as_str()).to_owned();
    let tagged = planned.iter().filter(|p| p.tagged).count();
    let to_tag = planned.len() - tagged - unticked.len();
    let rows = planned.iter().enumerate().take(SHOWN).map(|(i, p)| {
        let (before, hit, after) = context(&props.doc.0, p.span, AROUND);
        let onchange = {
            let unticked = unticked.clone();
            Callback::from(move |e: Event| {
                let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
                    return;
                };
                let mut now = (*unticked).clone();
                now.retain(|&j| j != i);
                if !input.checked() {
                    now.push(i);
                }
                unticked.set(now);
            })
        };
        html! {
            <li class={if p.tagged { "all-row tagged" } else { "all-row" }}>
                <label>
                    <input type="checkbox" checked={!p.tagged && !unticked.contains(&i)} disabled={p.tagged} {onchange} />
                    { raw(row_text(&before, &hit, &after, p.tagged.then_some(&name))) }
                </label>
            </li>
        }
    });
    let more = planned.len().saturating_sub(SHOWN);
    let onconfirm = {
        let (planned, unticked, label) = (planned.clone(), unticked.clone(), props.label.clone());
        let (onaction, onclose) = (props.onaction.clone(), props.onclose.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let spans: Vec<Span> = planned
                .iter()
                .enumerate()
                .filter(|(i, p)| !p.tagged && !unticked.contains(i))
                .map(|(_, p)| p.span)
                .collect();
            if !spans.is_empty() {
                onaction.emit(Action::AnnotateAll { label: label.clone(), spans: Rc::new(spans) });
            }
            onclose.emit(());
        })
    };
    let summary = match (planned.len(), tagged) {
        (0, _) => "No match can be tagged.".to_owned(),
        (n, 0) => format!("{n} {}.", plural(n, "match", "matches")),
        (n, t) => format!("{n} {}, {t} already {name} (skipped).", plural(n, "match", "matches")),
    };
    html! {
        <Modal label={format!("Annotate all as {name}")} onclose={props.onclose.clone()} class="annotate-all">
            <form class="dialog-body" onsubmit={onconfirm}>
                <h2>{ format!("Annotate all as {name}") }</h2>
                <p class="all-summary">{ summary }</p>
                <ul class="all-list" aria-label="Matches">{ for rows }</ul>
                if more > 0 {
                    <p class="all-more">{ format!("and {more} more {}, tagged with the ticked ones.", plural(more, "match", "matches")) }</p>
                }
                <div class="dialog-buttons">
                    <button type="button" class="tool" onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Cancel" }</button>
                    <button type="submit" class="tool primary" disabled={to_tag == 0} autofocus=true>{ format!("Tag {to_tag} as {name}") }</button>
                </div>
            </form>
        </Modal>
    }
}

/// A row's match in its context, and "already <label>" when it has the label: markup
/// (`support::markup`), as they have no listener.
fn row_text(before: &str, hit: &str, after: &str, already: Option<&str>) -> Markup {
    let mut m = Markup::default();
    m.open("span", &[("class", "all-context")]).text(before).el("mark", &[("class", "all-hit")], hit);
    m.text(after).close("span");
    if let Some(name) = already {
        m.el("span", &[("class", "all-note")], &format!("already {name}"));
    }
    m
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}
