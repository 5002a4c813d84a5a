use yew::prelude::*;

use super::modal::{fixed, Modal};
use crate::model::{Action, ImportChoice};

/// A spanmark file whose text is already open: replace, merge, or open a copy (a modal dialog;
/// focus starts on Cancel, and Escape cancels). `name` is the file being opened, `target` the
/// open document with the same text; `existing` and `incoming` count their annotations. A plain
/// function, not a component (a component's lifecycle code is a few kilobytes of wasm).
pub fn import_dialog(name: &str, target: &str, existing: usize, incoming: usize, onaction: &Callback<Action>) -> Html {
    let choose = |choice| onaction.reform(move |_: MouseEvent| Action::ResolveImport(choice));
    html! {
        <Modal label="Same text already open" onclose={onaction.reform(|_| Action::ResolveImport(ImportChoice::Cancel))}>
                { fixed("<h2>This text is already open</h2>") }
                <p>
                    { format!("{name} has the same text as “{target}”, which has {existing} annotation{}. The file has {incoming}.",
                        if existing == 1 { "" } else { "s" }) }
                </p>
                <div class="dialog-buttons">
                    <button class="tool" onclick={choose(ImportChoice::Cancel)} autofocus=true>{ "Cancel" }</button>
                    <button class="tool" onclick={choose(ImportChoice::Copy)}>{ "Open a copy" }</button>
                    <button class="tool" onclick={choose(ImportChoice::Merge)}>{ "Merge" }</button>
                    <button class="tool primary" onclick={choose(ImportChoice::Replace)}>{ "Replace" }</button>
                </div>
        </Modal>
    }
}
