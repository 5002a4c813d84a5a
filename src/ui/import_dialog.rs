use yew::prelude::*;

use super::modal::Modal;
use crate::model::{Action, ImportChoice};

#[derive(Properties, PartialEq)]
pub struct ImportDialogProps {
    /// The file being opened.
    pub name: AttrValue,
    /// The open document with the same text.
    pub target: AttrValue,
    pub existing: usize,
    pub incoming: usize,
    pub onaction: Callback<Action>,
}

/// A spanmark file whose text is already open: replace, merge, or open a copy (a modal dialog;
/// focus starts on Cancel, and Escape cancels).
#[component]
pub fn ImportDialog(props: &ImportDialogProps) -> Html {
    let choose = |choice| props.onaction.reform(move |_: MouseEvent| Action::ResolveImport(choice));
    html! {
        <Modal label="Same text already open" onclose={props.onaction.reform(|_| Action::ResolveImport(ImportChoice::Cancel))}>
                <h2>{ "This text is already open" }</h2>
                <p>
                    { format!("{} has the same text as “{}”, which has {} annotation{}. The file has {}.",
                        props.name, props.target, props.existing, if props.existing == 1 { "" } else { "s" }, props.incoming) }
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
