use yew::prelude::*;

use super::modal::Modal;
use crate::model::Action;

#[derive(Properties, PartialEq)]
pub struct NewDocumentDialogProps {
    pub onaction: Callback<Action>,
    pub onclose: Callback<()>,
}

/// Paste a text to annotate, with a title: a modal dialog, focus on the title.
#[component]
pub fn NewDocumentDialog(props: &NewDocumentDialogProps) -> Html {
    let title_ref = use_node_ref();
    let text_ref = use_node_ref();
    let oncreate = {
        let (title_ref, text_ref) = (title_ref.clone(), text_ref.clone());
        let (onaction, onclose) = (props.onaction.clone(), props.onclose.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let title = title_ref.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let text = text_ref.cast::<web_sys::HtmlTextAreaElement>().map(|t| t.value()).unwrap_or_default();
            onaction.emit(Action::NewDocument { title, text });
            onclose.emit(());
        })
    };
    let oncancel = props.onclose.reform(|_: MouseEvent| ());
    html! {
        <Modal label="New document" onclose={props.onclose.clone()}>
            <form class="dialog-body" onsubmit={oncreate}>
                <h2>{ "New document" }</h2>
                <label>{ "Title" }<input ref={title_ref} placeholder="Untitled" autofocus=true /></label>
                <label>{ "Text" }<textarea ref={text_ref} rows="14" placeholder="Paste the text to annotate here" /></label>
                <div class="dialog-buttons">
                    <button type="button" class="tool" onclick={oncancel}>{ "Cancel" }</button>
                    <button type="submit" class="tool primary">{ "Create" }</button>
                </div>
            </form>
        </Modal>
    }
}
