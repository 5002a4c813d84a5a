use yew::prelude::*;

use super::modal::Modal;
use crate::edge;
use crate::model::editor::SEED_ID;
use crate::model::Action;

/// What the list shows of one document.
#[derive(Clone, PartialEq)]
pub struct DocSummary {
    pub id: String,
    pub title: AttrValue,
    pub annotations: usize,
}

#[derive(Properties, PartialEq)]
pub struct DocumentsProps {
    pub docs: Vec<DocSummary>,
    pub current: String,
    pub onaction: Callback<Action>,
    /// Drawn at the foot of the column (where the work is kept: `StorageStatus`).
    #[prop_or_default]
    pub children: Html,
}

/// The documents: switch, rename, delete (after a confirmation; a deletion can be undone).
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
    let items = props.docs.iter().map(|d| {
        let current = d.id == props.current;
        let onswitch = {
            let (id, onaction) = (d.id.clone(), props.onaction.clone());
            Callback::from(move |_: MouseEvent| onaction.emit(Action::SwitchDocument(id.clone())))
        };
        let onrename = {
            let (id, renaming) = (d.id.clone(), renaming.clone());
            Callback::from(move |_: MouseEvent| renaming.set(Some(id.clone())))
        };
        let ondelete = {
            let (id, confirming) = (d.id.clone(), confirming.clone());
            Callback::from(move |_: MouseEvent| confirming.set(Some(id.clone())))
        };
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
                    <button class="doc-open" onclick={onswitch} aria-current={current.then_some("true")}>
                        <span class="doc-name">{ title.clone() }</span>
                        <span class="doc-count">{ d.annotations }</span>
                    </button>
                    <button class="mini" onclick={onrename} aria-label={format!("Rename {title}")} title="Rename">{ "✎" }</button>
                    if d.id != SEED_ID {
                        <button class="mini" onclick={ondelete} aria-label={format!("Delete {title}")} title="Delete">{ "×" }</button>
                    }
                </>
            }
        };
        html! {
            <li class={classes!("doc", current.then_some("current"))} data-doc={d.id.clone()}>{ body }</li>
        }
    });
    // The question before a deletion, as a modal dialog; Cancel has the focus.
    let confirm = confirming.as_deref().and_then(|id| props.docs.iter().find(|d| d.id == id)).map(|d| {
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
        let title = &d.title;
        let n = d.annotations;
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
    html! {
        <nav class="documents" aria-label="Documents">
            <h2>{ "Documents" }</h2>
            <ul>{ for items }</ul>
            // Always there, so that the question coming and going redraws nothing around it
            // (the delete button it gives the focus back to among them).
            <div class="doc-question">{ for confirm }</div>
            <p class="drop-hint">{ "Open or drop texts (.txt, .md) and annotation files: spanmark, W3C, brat, doccano, Label Studio, spaCy." }</p>
            { props.children.clone() }
        </nav>
    }
}
