use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::drawer::Drawer;
use super::export_menu::export_menu;
use super::hooks::MenuState;
use crate::edge;
use crate::edge::persist::Kept;
use crate::edge::theme::Theme;
use crate::model::formats::{spanmark, Format, Unit};
use crate::model::Saving;

/// What the top bar shows and does.
pub struct ToolbarProps {
    pub title: AttrValue,
    pub saving: Saving,
    /// The browser's answer to the request to keep the work: when it may clear it, the bar says
    /// so beside the save status, and a click exports (spanmark JSON, as Export JSON does).
    pub kept: Kept,
    pub can_undo: bool,
    pub can_redo: bool,
    pub onundo: Callback<()>,
    pub onredo: Callback<()>,
    pub onexport: Callback<&'static Format>,
    pub doccano_unit: Unit,
    pub onunit: Callback<Unit>,
    /// The Export as… menu's state (`hooks::use_export_menu`, in the app).
    pub export_menu: MenuState,
    /// Files picked with Open.
    pub onfiles: Callback<Vec<web_sys::File>>,
    /// Opens the New document dialog.
    pub onnew: Callback<()>,
    /// Opens the Labels dialog.
    pub onlabels: Callback<()>,
    /// Opens Compare (annotators' agreement and adjudication).
    pub oncompare: Callback<()>,
    /// Opens Events & claims (the coding tables and their CSV).
    pub oncoding: Callback<()>,
    pub theme: Theme,
    /// The theme button: the next theme.
    pub ontheme: Callback<Theme>,
    /// The drawer open on a narrow screen.
    pub drawer: Option<Drawer>,
    /// A drawer's button: opens it, or closes it when it is open.
    pub ondrawer: Callback<Drawer>,
}

/// The top bar: the app, the open document, whether work is saved, files, history and export.
/// A function of the app's, not a component: it holds no state, and its props change on every
/// render of the app anyway (undo and redo are new callbacks each time).
pub fn toolbar(props: &ToolbarProps) -> Html {
    let emit = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    // Open clicks the hidden file input of the bar.
    let onopen = Callback::from(|e: MouseEvent| {
        let input = e
            .target_dyn_into::<web_sys::Element>()
            .and_then(|el| el.closest(".toolbar").ok().flatten())
            .and_then(|bar| bar.query_selector(".file-input").ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(input) = input {
            input.click();
        }
    });
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
    let ontheme = {
        let (ontheme, next) = (props.ontheme.clone(), props.theme.next());
        Callback::from(move |_: MouseEvent| ontheme.emit(next))
    };
    // Shown only on a narrow screen, where the side columns fold into drawers.
    let drawer_button = |drawer: Drawer| {
        let open = props.drawer == Some(drawer);
        html! {
            <button
                class="tool drawer-toggle"
                aria-expanded={open.to_string()}
                aria-controls={drawer.id()}
                onclick={props.ondrawer.reform(move |_: MouseEvent| drawer)}
            >{ named(drawer.name(), drawer.short()) }</button>
        }
    };
    let (status, class) = match &props.saving {
        Saving::Saved => ("Saved", "saved"),
        Saving::Pending => ("Saving…", "pending"),
        Saving::Failed(_) => ("Not saved", "failed"),
    };
    let at_risk = props.kept == Kept::MayBeCleared;
    html! {
        <header class={classes!("toolbar", at_risk.then_some("at-risk"))}>
            <h1 class="brand">{ "spanmark" }</h1>
            <span class="doc-title" title="Open document">{ props.title.clone() }</span>
            <span class={classes!("save-status", class)} role="status" aria-live="polite">{ status }</span>
            if at_risk {
                <button
                    class="mini may-clear"
                    title="The browser may clear your work when it runs short of space. Click to export a copy."
                    onclick={props.onexport.reform(|_: MouseEvent| &spanmark::FORMAT)}
                >{ "May be cleared" }</button>
            }
            <span class="spacer"></span>
            { drawer_button(Drawer::Documents) }
            { drawer_button(Drawer::Annotations) }
            <button class="tool" onclick={onopen} title="Open a text (.txt, .md) or annotations (spanmark, W3C, brat, doccano, Label Studio, spaCy); or drop files on the page">{ "Open" }</button>
            <input
                type="file"
                class="file-input"
                accept=".txt,.md,.json,.jsonl,.jsonld,.ann,.zip,text/plain,text/markdown,application/json"
                multiple=true
                {onchange}
                tabindex="-1"
                aria-hidden="true"
            />
            <button class="tool new" onclick={emit(&props.onnew)} aria-label="New document">{ named("New document", "New") }</button>
            <button class="tool" onclick={emit(&props.onlabels)} title="Add, rename, recolour, reorder or delete labels and set their keys">{ "Labels" }</button>
            <button class="tool coding" onclick={emit(&props.oncoding)} title="Events with their participants, places and claims; claims with who said them: tables to read and download as CSV">{ named("Events & claims", "Events") }</button>
            <button class="tool" onclick={emit(&props.oncompare)} title="Compare annotators' files of this text: agreement figures, differences, adjudication">{ named("Compare", "⇄") }</button>
            <button class="tool undo" onclick={emit(&props.onundo)} disabled={!props.can_undo} title="Undo (Ctrl+Z)">{ named("Undo", "↶") }</button>
            <button class="tool undo" onclick={emit(&props.onredo)} disabled={!props.can_redo} title="Redo (Ctrl+Shift+Z)">{ named("Redo", "↷") }</button>
            { export_menu(&props.export_menu, props.doccano_unit, &props.onexport, &props.onunit) }
            <button class="tool primary json" onclick={props.onexport.reform(|_: MouseEvent| &spanmark::FORMAT)}>{ named("Export JSON", "JSON") }</button>
            <button class="tool theme" onclick={ontheme} title="Colour theme: system, light or dark (remembered)">
                { named(&format!("Theme: {}", props.theme.name()), "◐") }
            </button>
        </header>
    }
}

/// A button's words, and the shorter form a narrow screen draws instead (the words stay its
/// accessible name there: hidden from sight, not from a screen reader).
fn named(long: &str, short: &'static str) -> Html {
    html! {
        <>
            <span class="long">{ long.to_owned() }</span>
            <span class="short" aria-hidden="true">{ short }</span>
        </>
    }
}
