use yew::prelude::*;

use super::export_menu::ExportMenu;
use crate::edge;
use crate::model::formats::{spanmark, Format, Unit};
use crate::model::Saving;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub title: AttrValue,
    pub saving: Saving,
    pub can_undo: bool,
    pub can_redo: bool,
    pub onundo: Callback<()>,
    pub onredo: Callback<()>,
    pub onexport: Callback<&'static Format>,
    pub doccano_unit: Unit,
    pub onunit: Callback<Unit>,
    /// Files picked with Open.
    pub onfiles: Callback<Vec<web_sys::File>>,
    /// Opens the New document dialog.
    pub onnew: Callback<bool>,
}

/// The top bar: the app, the open document, whether work is saved, files, history and export.
#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let input_ref = use_node_ref();
    let emit = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let onopen = {
        let input_ref = input_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = input_ref.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        })
    };
    let onchange = {
        let onfiles = props.onfiles.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
            let files = edge::files::list(input.files());
            // Let the same file be chosen again later.
            input.set_value("");
            if !files.is_empty() {
                onfiles.emit(files);
            }
        })
    };
    let onnew = props.onnew.reform(|_: MouseEvent| true);
    let (status, class) = match &props.saving {
        Saving::Saved => ("Saved", "saved"),
        Saving::Pending => ("Saving…", "pending"),
        Saving::Failed(_) => ("Not saved", "failed"),
    };
    html! {
        <header class="toolbar">
            <h1 class="brand">{ "spanmark" }</h1>
            <span class="doc-title" title="Open document">{ props.title.clone() }</span>
            <span class={classes!("save-status", class)} role="status" aria-live="polite">{ status }</span>
            <span class="spacer"></span>
            <button class="tool" onclick={onopen} title="Open a text (.txt, .md) or annotations (spanmark, W3C, brat, doccano, Label Studio, spaCy); or drop files on the page">{ "Open" }</button>
            <input
                ref={input_ref}
                type="file"
                class="file-input"
                accept=".txt,.md,.json,.jsonl,.jsonld,.ann,.zip,text/plain,text/markdown,application/json"
                multiple=true
                {onchange}
                tabindex="-1"
                aria-hidden="true"
            />
            <button class="tool" onclick={onnew}>{ "New document" }</button>
            <button class="tool" onclick={emit(&props.onundo)} disabled={!props.can_undo} title="Undo (Ctrl+Z)">{ "Undo" }</button>
            <button class="tool" onclick={emit(&props.onredo)} disabled={!props.can_redo} title="Redo (Ctrl+Shift+Z)">{ "Redo" }</button>
            <ExportMenu doccano_unit={props.doccano_unit} onexport={props.onexport.clone()} onunit={props.onunit.clone()} />
            <button class="tool primary" onclick={props.onexport.reform(|_: MouseEvent| &spanmark::FORMAT)}>{ "Export JSON" }</button>
        </header>
    }
}
