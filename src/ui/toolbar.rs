use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub title: AttrValue,
    pub can_undo: bool,
    pub can_redo: bool,
    pub onundo: Callback<()>,
    pub onredo: Callback<()>,
    pub onexport: Callback<()>,
}

/// The top bar: the app, the open document, history and export.
#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let emit = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <header class="toolbar">
            <span class="brand">{ "spanmark" }</span>
            <span class="doc-title" title="Open document">{ props.title.clone() }</span>
            <span class="spacer"></span>
            <button class="tool" onclick={emit(&props.onundo)} disabled={!props.can_undo} title="Undo (Ctrl+Z)">{ "Undo" }</button>
            <button class="tool" onclick={emit(&props.onredo)} disabled={!props.can_redo} title="Redo (Ctrl+Shift+Z)">{ "Redo" }</button>
            <button class="tool primary" onclick={emit(&props.onexport)}>{ "Export JSON" }</button>
        </header>
    }
}
