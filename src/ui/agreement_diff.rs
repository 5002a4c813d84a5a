use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::agreement_figures::label_name;
use super::diff_markup;
use super::modal::{fixed, option, raw};
use super::state::DocRef;
use crate::edge;
use crate::model::adjudication::{step, Adjudication, Verdict};
use crate::model::Labels;
use crate::support::markup::Markup;
use crate::support::number::grouped;
use crate::support::order::sort_by;

/// Code points of text drawn on each side of the current disagreement (the whole text when it is
/// no longer than twice this): the view stays quick on a text of a million.
const HALF_WINDOW: u32 = 10_000;
/// Rows of the disagreements list drawn on each side of the current one.
const HALF_ROWS: usize = 60;

/// How the marks are drawn (see [`fixed`]), and the keys.
const LEGEND: &str = "<span class=\"legend\" aria-hidden=\"true\"><mark class=\"dg by-all\">all</mark> \
    <mark class=\"dg by-some\">some</mark> <mark class=\"dg by-one\">one</mark></span>";
const HELP: &str = "<p class=\"diff-help\">N / P: next / previous disagreement; A accept, X reject; \
    a label&#39;s key relabels; Shift+← → moves the end, Alt+Shift+← → the start.</p>";

#[derive(Properties)]
pub struct AgreementDiffProps {
    pub doc: DocRef,
    pub labels: Rc<Labels>,
    pub adjudication: Rc<Adjudication>,
    /// The decisions changed.
    pub onchange: Callback<Adjudication>,
}

/// By identity: a new decision is a new `Rc`.
impl PartialEq for AgreementDiffProps {
    fn eq(&self, other: &Self) -> bool {
        self.doc == other.doc
            && Rc::ptr_eq(&self.labels, &other.labels)
            && Rc::ptr_eq(&self.adjudication, &other.adjudication)
    }
}

/// The diff and its adjudication: the text (read-only) with every distinct span marked by how
/// many annotators have it (all: solid underline, some: dashed, one: dotted; who in its title),
/// filters by label and by annotator, the disagreements listed beside it. N and P step through
/// them, A accepts and X rejects the current one, a label's key relabels it, Shift+← / Shift+→
/// move its end and Alt+Shift+← / → its start (by grapheme cluster).
#[component]
pub fn AgreementDiff(props: &AgreementDiffProps) -> Html {
    let adj = &props.adjudication;
    let doc = &props.doc.0;
    let label_filter = use_state_eq(String::new);
    let coder_filter = use_state_eq(|| usize::MAX);
    let current = use_state_eq(|| None::<usize>);
    let k = use_state_eq(|| 2usize);
    let text_ref = use_node_ref();
    let list_ref = use_node_ref();

    let shown = |i: usize| {
        let item = &adj.items[i];
        (label_filter.is_empty() || item.group.label == *label_filter)
            && (*coder_filter == usize::MAX || item.group.by.contains(&coder_filter))
    };
    let disputed: Vec<usize> = (0..adj.items.len()).filter(|&i| adj.disputed(i) && shown(i)).collect();
    let cur = current.filter(|&i| i < adj.items.len());
    {
        let (text_ref, list_ref) = (text_ref.clone(), list_ref.clone());
        use_effect_with(cur, move |_| {
            if let Some(root) = text_ref.cast::<web_sys::Element>() {
                edge::compare::show(&root, "mark.current");
            }
            if let Some(root) = list_ref.cast::<web_sys::Element>() {
                edge::compare::show(&root, "li.current");
            }
        });
    }

    let change = {
        let (onchange, adj) = (props.onchange.clone(), adj.clone());
        move |f: &dyn Fn(&mut Adjudication)| {
            let mut next = (*adj).clone();
            f(&mut next);
            onchange.emit(next);
        }
    };
    let onkeydown = {
        let (change, current, disputed, labels, doc) =
            (change.clone(), current.clone(), disputed.clone(), props.labels.clone(), doc.clone());
        let adj = adj.clone();
        Callback::from(move |e: KeyboardEvent| {
            let typing = e
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"));
            if typing || e.ctrl_key() || e.meta_key() {
                return;
            }
            let key = e.key();
            let handled = match (key.as_str(), cur) {
                ("n", _) => {
                    current.set(step(&disputed, cur, false));
                    true
                }
                ("p", _) => {
                    current.set(step(&disputed, cur, true));
                    true
                }
                ("a", Some(i)) => {
                    change(&|a| a.decide(i, Verdict::Accept));
                    true
                }
                ("x", Some(i)) => {
                    change(&|a| a.decide(i, Verdict::Reject));
                    true
                }
                ("ArrowLeft" | "ArrowRight", Some(i)) if e.shift_key() => {
                    let span = adj.items[i].span;
                    let start = e.alt_key();
                    let at = if start { span.start() } else { span.end() };
                    let to = cluster_step(doc.grapheme_starts(), at, key == "ArrowRight");
                    let len = doc.len();
                    change(&|a| a.resize(i, start, to, len));
                    true
                }
                (k, Some(i)) if !e.alt_key() && k.chars().count() == 1 => {
                    let label = k.chars().next().and_then(|c| labels.by_hotkey(c)).map(|l| l.id.as_str().to_owned());
                    match label {
                        Some(label) => {
                            change(&|a| a.relabel(i, &label));
                            true
                        }
                        None => false,
                    }
                }
                _ => false,
            };
            if handled {
                e.prevent_default();
            }
        })
    };

    // The text: a window around the current disagreement, every shown span marked; the
    // disagreements list: rows near the current one.
    let (ws, we) = window(doc.len(), cur.map(|i| adj.items[i].span.start()));
    let visible: Vec<usize> = (0..adj.items.len())
        .filter(|&i| shown(i) && adj.items[i].span.start() < we && adj.items[i].span.end() > ws)
        .collect();
    let text = Html::from_html_unchecked(diff_markup::text(doc, adj, &props.labels, &visible, cur, (ws, we)).into());
    let at = cur.and_then(|c| disputed.iter().position(|&i| i == c)).unwrap_or(0);
    let from = at.saturating_sub(HALF_ROWS);
    let rows = &disputed[from..disputed.len().min(from + 2 * HALF_ROWS)];
    let list = Html::from_html_unchecked(diff_markup::list(doc, adj, &props.labels, rows, from, cur).into());
    // One listener for the text and the list: a mark or a row picks its span, a row's buttons
    // accept or reject it.
    let onclick = {
        let (current, change) = (current.clone(), change.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(el) = e.target_dyn_into::<web_sys::Element>() else { return };
            let Some(hit) = el.closest("[data-i]").ok().flatten() else { return };
            let Some(i) = hit.get_attribute("data-i").and_then(|n| n.parse::<usize>().ok()) else { return };
            // The list is drawn anew: the keys stay with the view, on the list itself.
            if let Some(list) =
                hit.closest(".diff-list").ok().flatten().and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok())
            {
                edge::focus::give(&list);
            }
            match hit.get_attribute("data-v").as_deref() {
                Some("a") => change(&|a| a.decide(i, Verdict::Accept)),
                Some("x") => change(&|a| a.decide(i, Verdict::Reject)),
                _ => current.set(Some(i)),
            }
        })
    };

    let on_label = {
        let f = label_filter.clone();
        Callback::from(move |e: Event| f.set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()))
    };
    let on_coder = {
        let f = coder_filter.clone();
        Callback::from(move |e: Event| {
            f.set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value().parse().unwrap_or(usize::MAX))
        })
    };
    let on_k = {
        let k = k.clone();
        Callback::from(move |e: Event| {
            if let Ok(n) = e.target_unchecked_into::<web_sys::HtmlInputElement>().value().parse::<usize>() {
                k.set(n.max(1));
            }
        })
    };
    let accept = |at_least: usize| {
        let change = change.clone();
        Callback::from(move |_: MouseEvent| {
            change(&|a| {
                a.accept_at_least(at_least);
            })
        })
    };
    let (accepted, rejected, open) = adj.tally();
    let used: Vec<&String> = {
        let mut ids: Vec<&String> = adj.items.iter().map(|i| &i.group.label).collect();
        sort_by(&mut ids, |a, b| a.cmp(b));
        ids.dedup();
        ids
    };
    let mut m = Markup::default();
    for id in &used {
        option(&mut m, id, &label_name(&props.labels, id), **id == *label_filter);
    }
    let label_options = raw(m);
    let mut m = Markup::default();
    for (i, n) in adj.names.iter().enumerate() {
        option(&mut m, &i.to_string(), n, *coder_filter == i);
    }
    let coder_options = raw(m);
    let position = cur.and_then(|c| disputed.iter().position(|&i| i == c)).map_or(0, |p| p + 1);
    html! {
        <div class="agreement-diff" {onkeydown}>
            <div class="adjudicate-bar">
                <button class="tool" onclick={accept(adj.coders)}>{ "Accept all agreed" }</button>
                <label>
                    { "Accept spans at least " }
                    <input type="number" min="1" max={adj.coders.to_string()} value={k.to_string()} onchange={on_k} class="k" />
                    { " annotators have" }
                </label>
                <button class="tool" onclick={accept(*k)}>{ "Accept" }</button>
                <span class="tally" role="status">{ format!("{} accepted, {} rejected, {} undecided", grouped(accepted as u64), grouped(rejected as u64), grouped(open as u64)) }</span>
            </div>
            <div class="diff-filters">
                <label>{ "Label " }
                    <select onchange={on_label}>
                        <option value="" selected={label_filter.is_empty()}>{ "All" }</option>
                        { label_options }
                    </select>
                </label>
                <label>{ "Annotator " }
                    <select onchange={on_coder}>
                        <option value="" selected={*coder_filter == usize::MAX}>{ "All" }</option>
                        { coder_options }
                    </select>
                </label>
                { fixed(LEGEND) }
            </div>
            { fixed(HELP) }
            <div class="diff-columns" {onclick}>
                <div class="diff-text" ref={text_ref} tabindex="0" role="region" aria-label="Compared text">{ text }</div>
                <div class="diff-list" ref={list_ref} tabindex="-1">
                    <h4>{ format!("Disagreements: {} of {}", grouped(position as u64), grouped(disputed.len() as u64)) }</h4>
                    { list }
                </div>
            </div>
        </div>
    }
}

/// The drawn window `[start, end)` around `at` (the whole text when short).
fn window(len: u32, at: Option<u32>) -> (u32, u32) {
    if len <= 2 * HALF_WINDOW {
        return (0, len);
    }
    let at = at.unwrap_or(0).min(len);
    let start = at.saturating_sub(HALF_WINDOW).min(len - 2 * HALF_WINDOW);
    (start, start + 2 * HALF_WINDOW)
}

/// The grapheme cluster boundary after (`forward`) or before `at` in `starts` (ascending, the text's
/// end last); `at` itself when there is none.
fn cluster_step(starts: &[u32], at: u32, forward: bool) -> u32 {
    if forward {
        starts.get(starts.partition_point(|&s| s <= at)).copied().unwrap_or(at)
    } else {
        starts.partition_point(|&s| s < at).checked_sub(1).and_then(|i| starts.get(i)).copied().unwrap_or(at)
    }
}
