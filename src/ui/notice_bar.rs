use yew::prelude::*;

use crate::model::{Action, Notice, Saving};

/// What the messages are and what their buttons do.
pub struct NoticeBarProps {
    pub notice: Option<Notice>,
    pub saving: Saving,
    pub onaction: Callback<Action>,
    pub onexport: Callback<()>,
}

/// Messages for the person: what went wrong with a file (and, smaller, where in the file), what just happened, and a standing
/// warning while work is not being saved.
/// A function of the app's, not a component: it holds no state, and its `onexport` is new on
/// every render of the app.
pub fn notice_bar(props: &NoticeBarProps) -> Html {
    let dismiss = props.onaction.reform(|_: MouseEvent| Action::DismissNotice);
    let notice = props.notice.as_ref().map(|notice| match notice {
        Notice::Error(text) => html! {
            <div class="notice error" role="alert">
                <span class="notice-text">{ text }</span>
                <button class="mini" onclick={dismiss} aria-label="Dismiss">{ "×" }</button>
            </div>
        },
        Notice::Refused { text, detail } => html! {
            <div class="notice error" role="alert">
                <span class="notice-text">
                    { text }
                    if let Some(detail) = detail {
                        <small class="notice-detail">{ detail }</small>
                    }
                </span>
                <button class="mini" onclick={dismiss.clone()} aria-label="Dismiss">{ "×" }</button>
            </div>
        },
        Notice::Info(text) => html! {
            <div class="notice info" role="status">
                <span class="notice-text">{ text }</span>
                <button class="mini" onclick={dismiss} aria-label="Dismiss">{ "×" }</button>
            </div>
        },
        Notice::Deleted(title) => html! {
            <div class="notice info" role="status">
                <span class="notice-text">{ format!("Deleted “{title}”.") }</span>
                <button class="mini" onclick={props.onaction.reform(|_: MouseEvent| Action::RestoreDocument)}>{ "Undo delete" }</button>
                <button class="mini" onclick={dismiss} aria-label="Dismiss">{ "×" }</button>
            </div>
        },
    });
    let warning = match &props.saving {
        Saving::Failed(reason) => Some(html! {
            <div class="notice warning" role="alert">
                <span class="notice-text">
                    <strong>{ "Your work is not being saved. " }</strong>
                    { format!("The browser's storage failed ({reason}). Export to keep your annotations.") }
                </span>
                <button class="mini" onclick={props.onexport.reform(|_: MouseEvent| ())}>{ "Export now" }</button>
            </div>
        }),
        _ => None,
    };
    html! {
        <div class="notices">
            { for warning }
            { for notice }
        </div>
    }
}
