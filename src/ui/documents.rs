use std::rc::Rc;

use yew::prelude::*;

use super::modal::Modal;
use super::storage_status::storage_status;
use crate::edge;
use crate::edge::persist::{Kept, Usage};
use crate::model::editor::{DocState, SEED_ID};
use crate::model::layout::rows;
use crate::model::Action;

/// The documents as the editor holds them, equal when they are the same states (compared by
/// pointer: building and comparing a summary of each of 20,000 documents on every render cost
/// more than drawing the few rows in view).
#[derive(Clone)]
pub struct DocList(pub Vec<Rc<DocState>>);

impl PartialEq for DocList {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len() && self.0.iter().zip(&other.0).all(|(a, b)| Rc::ptr_eq(a, b))
    }
}

#[derive(Properties, PartialEq)]
pub struct DocumentsProps {
    pub docs: DocList,
    pub current: String,
    pub onaction: Callback<Action>,
    /// Where the work is kept, drawn at the foot of the column (`storage_status`): the export
    /// of the open document (the same callback for the page's life, so that the column is not
    /// redrawn for a new one), the browser's answer and its estimate.
    pub onexport: Callback<()>,
    pub kept: Kept,
    pub usage: Option<Usage>,
}

/// Height of one row with the space below it, in CSS pixels (the stylesheet reads it as
/// `--row`): every row has this height, so a long list is drawn only where it is seen.
const ROW: u32 = 36;
/// Rows drawn beyond each edge of the visible part of a long list.
const SPARE: usize = 8;

/// The documents: switch, rename, delete (after a confirmation; a deletion can be undone). A
/// long list (a file of 20,000 records) draws only the rows near its visible part, between
/// padding as tall as the rows it stands for.
#[component]
pub fn Documents(props: &DocumentsProps) -> Html {
    // The document being renamed, or asked about before deletion.
    let renaming = use_state(|| None::<String>);
    let confirming = use_state(|| None::<String>);
    // The rename field takes the focus, its text selected, when it appears.
    let rename_ref = use_node_ref();
    {
        let rename_ref = rename_ref.clone();
        use_effect_with((*renaming).clone(), move |renaming| {
            if let (Some(_), Some(input)) = (renaming, rename_ref.cast::<web_sys::HtmlInputElement>()) {
                edge::focus::give(&input);
                input.select();
            }
        });
    }
    // The visible band of the list, in the list's own pixels.
    let band = use_state_eq(|| (0.0f64, 1_000.0f64));
    let (nav_ref, head_ref, list_ref) = (use_node_ref(), use_node_ref(), use_node_ref());
    let onscroll = {
        let (band, nav_ref, head_ref, list_ref) = (band.clone(), nav_ref.clone(), head_ref.clone(), list_ref.clone());
        Callback::from(move |_: Event| {
            if let Some(b) = edge::viewport::band_below(&nav_ref, &head_ref, &list_ref) {
                band.set(b);
            }
        })
    };
    // The documents whose category `filter.0` reads as `filter.1`, or all of them.
    let filter = use_state(|| None::<(String, String)>);
    let choices = categories(&props.docs.0, &props.current);
    let shown: Vec<&Rc<DocState>> = match &*filter {
        None => props.docs.0.iter().collect(),
        Some((name, value)) => {
            props.docs.0.iter().filter(|d| d.labels.doc_attribute(&d.attributes, name) == value).collect()
        }
    };
    let onfilter = {
        let (filter, choices) = (filter.clone(), choices.clone());
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() else { return };
            filter.set(select.value().parse::<usize>().ok().and_then(|i| choices.get(i).cloned()));
        })
    };
    let total = shown.len();
    let drawn = rows(total, f64::from(ROW), band.0, band.1, SPARE);
    let items = shown[drawn.clone()].iter().map(|d| {
        let current = d.id == props.current;
        let d = Summary { id: d.id.clone(), title: AttrValue::from(d.doc.title().to_owned()), annotations: d.annotations.len() };
        let title = d.title.clone();
        let body = if renaming.as_deref() == Some(d.id.as_str()) {
            let onsubmit = {
                let (id, onaction, renaming) = (d.id.clone(), props.onaction.clone(), renaming.clone());
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let input = e
                        .target_dyn_into::<web_sys::HtmlElement>()
                        .and_then(|form| form.query_selector("input").ok().flatten())
                        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(el).ok());
                    if let Some(input) = input {
                        onaction.emit(Action::RenameDocument { id: id.clone(), title: input.value() });
                    }
                    renaming.set(None);
                })
            };
            let onkeydown = {
                let renaming = renaming.clone();
                Callback::from(move |e: KeyboardEvent| {
                    if e.key() == "Escape" {
                        renaming.set(None);
                    }
                })
            };
            html! {
                <form class="rename" {onsubmit}>
                    <input ref={rename_ref.clone()} value={title.clone()} aria-label="New title" {onkeydown} />
                    <button type="submit" class="mini">{ "Save" }</button>
                </form>
            }
        } else {
            html! {
                <>
                    <button class="doc-open" data-act="open" aria-current={current.then_some("true")}>
                        <span class="doc-name">{ title.clone() }</span>
                        <span class="doc-count">{ d.annotations }</span>
                    </button>
                    <button class="mini" data-act="rename" aria-label={format!("Rename {title}")} title="Rename">{ "✎" }</button>
                    if d.id != SEED_ID {
                        <button class="mini" data-act="delete" aria-label={format!("Delete {title}")} title="Delete">{ "×" }</button>
                    }
                </>
            }
        };
        html! {
            <li key={d.id.clone()} class={classes!("doc", current.then_some("current"))} data-doc={d.id.clone()}>{ body }</li>
        }
    });
    // One listener for the rows' buttons (not three closures per row): the button's `data-act`
    // on its row's document (`data-doc`).
    let onclick = {
        let (onaction, renaming, confirming) = (props.onaction.clone(), renaming.clone(), confirming.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(button) =
                e.target_dyn_into::<web_sys::Element>().and_then(|t| t.closest("[data-act]").ok().flatten())
            else {
                return;
            };
            let Some(id) = button.closest("[data-doc]").ok().flatten().and_then(|row| row.get_attribute("data-doc"))
            else {
                return;
            };
            match button.get_attribute("data-act").as_deref() {
                Some("open") => onaction.emit(Action::SwitchDocument(id)),
                Some("rename") => renaming.set(Some(id)),
                Some("delete") => confirming.set(Some(id)),
                _ => {}
            }
        })
    };
    // The question before a deletion, as a modal dialog; Cancel has the focus.
    let confirm = confirming.as_deref().and_then(|id| props.docs.0.iter().find(|d| d.id == id)).map(|d| {
        let onyes = {
            let (id, onaction, confirming) = (d.id.clone(), props.onaction.clone(), confirming.clone());
            Callback::from(move |_: MouseEvent| {
                confirming.set(None);
                onaction.emit(Action::DeleteDocument(id.clone()));
            })
        };
        let onno = {
            let confirming = confirming.clone();
            Callback::from(move |_| confirming.set(None))
        };
        let title = d.doc.title();
        let n = d.annotations.len();
        html! {
            <Modal
                label={format!("Delete {title}?")}
                role="alertdialog"
                class="confirm"
                fallback={AttrValue::Static("nav.documents .doc.current .doc-open")}
                onclose={onno.clone()}
            >
                <h2>{ format!("Delete “{title}” and its {n} annotation{}?", if n == 1 { "" } else { "s" }) }</h2>
                <p>{ "You can bring it back with Undo delete in the message that follows." }</p>
                <div class="dialog-buttons">
                    <button class="tool" onclick={onno.reform(|_: MouseEvent| ())} autofocus=true>{ "Cancel" }</button>
                    <button class="tool danger" onclick={onyes}>{ "Delete" }</button>
                </div>
            </Modal>
        }
    });
    // Whole pixels: the stylesheet needs no fractions here, and the wasm no float formatting.
    let px = |rows: usize| rows.saturating_mul(ROW as usize);
    let style = format!("--row:{ROW}px;height:{}px;padding-top:{}px", px(total), px(drawn.start));
    html! {
        <nav class="documents" aria-label="Documents" ref={nav_ref} {onscroll}>
            <div class="documents-head" ref={head_ref}>
                <h2>{ "Documents" }</h2>
                if !choices.is_empty() {
                    <label class="doc-filter">
                        <span class="visually-hidden">{ "Show documents by category" }</span>
                        <select onchange={onfilter} title="Show only the documents with this category value">
                            <option value="" selected={filter.is_none()}>{ "All documents" }</option>
                            { for groups(&choices, filter.as_ref()) }
                        </select>
                    </label>
                    if filter.is_some() {
                        <p class="doc-filtered" role="status">{ format!("{total} of {}", props.docs.0.len()) }</p>
                    }
                }
            </div>
            <ul ref={list_ref} style={style} {onclick}>{ for items }</ul>
            // Always there, so that the question coming and going redraws nothing around it
            // (the delete button it gives the focus back to among them).
            <div class="doc-question">{ for confirm }</div>
            <p class="drop-hint">{ "Open or drop texts (.txt, .md) and annotation files: spanmark, W3C, brat, doccano, Label Studio, spaCy." }</p>
            { storage_status(&props.onexport, props.kept, props.usage) }
        </nav>
    }
}

/// Every (category, value) the open document's labels define, to filter by: the definitions are
/// read from the open document only (reading all of 20,000 documents' on each edit would cost
/// more than it shows; documents made with the same labels share them).
fn categories(docs: &[Rc<DocState>], current: &str) -> Rc<Vec<(String, String)>> {
    let Some(d) = docs.iter().find(|d| d.id == current) else { return Rc::default() };
    let pairs = d.labels.categories().iter().flat_map(|c| c.values.iter().map(|v| (c.name.clone(), v.clone())));
    Rc::new(pairs.collect())
}

/// The filter's options, an `<optgroup>` per category; an option's value is its index in `choices`.
fn groups<'a>(
    choices: &'a [(String, String)],
    chosen: Option<&'a (String, String)>,
) -> impl Iterator<Item = Html> + 'a {
    let mut at = 0;
    std::iter::from_fn(move || {
        let name = &choices.get(at)?.0;
        let start = at;
        while choices.get(at).is_some_and(|(n, _)| n == name) {
            at += 1;
        }
        let options = (start..at).map(|i| {
            let (_, value) = &choices[i];
            html! { <option value={i.to_string()} selected={chosen == Some(&choices[i])}>{ format!("{name}: {value}") }</option> }
        });
        Some(html! { <optgroup label={name.clone()}>{ for options }</optgroup> })
    })
}

/// What a row shows of one document.
struct Summary {
    id: String,
    title: AttrValue,
    annotations: usize,
}
