use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::modal::{fixed, Modal};
use crate::model::Action;

/// Paste a text to annotate, with a title: a modal dialog, focus on the title. A plain function,
/// not a component (a component's lifecycle code is a few kilobytes of wasm): the form's submit
/// reads its two fields.
pub fn new_document_dialog(onaction: &Callback<Action>, onclose: &Callback<()>) -> Html {
    let oncreate = {
        let (onaction, onclose) = (onaction.clone(), onclose.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(form) = e.target_dyn_into::<web_sys::Element>() else { return };
            let field = |selector: &str| form.query_selector(selector).ok().flatten();
            let title = field("input").and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok());
            let text = field("textarea").and_then(|el| el.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
            let (title, text) = (title.map(|i| i.value()), text.map(|t| t.value()));
            onaction.emit(Action::NewDocument { title: title.unwrap_or_default(), text: text.unwrap_or_default() });
            onclose.emit(());
        })
    };
    html! {
        <Modal label="New document" onclose={onclose.clone()}>
            <form class="dialog-body" onsubmit={oncreate}>
                { fixed("<h2>New document</h2>") }
                <label>{ "Title" }<input placeholder="Untitled" autofocus=true /></label>
                <label>{ "Text" }<textarea rows="14" placeholder="Paste the text to annotate here" /></label>
                <div class="dialog-buttons">
                    <button type="button" class="tool" onclick={onclose.reform(|_: MouseEvent| ())}>{ "Cancel" }</button>
                    <button type="submit" class="tool primary">{ "Create" }</button>
                </div>
            </form>
        </Modal>
    }
}
