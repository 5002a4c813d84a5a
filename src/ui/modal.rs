use yew::prelude::*;

use crate::edge;
use crate::support::markup::Markup;

#[derive(Properties, PartialEq)]
pub struct ModalProps {
    /// The dialog's accessible name.
    pub label: AttrValue,
    /// `"dialog"`, or `"alertdialog"` for a question that needs an answer (a deletion).
    #[prop_or(AttrValue::Static("dialog"))]
    pub role: AttrValue,
    /// Escape was pressed: the owner closes the dialog by no longer drawing it.
    pub onclose: Callback<()>,
    /// Where the focus goes on closing when what opened the dialog is gone (a CSS selector).
    #[prop_or_default]
    pub fallback: Option<AttrValue>,
    /// Classes beside `dialog`.
    #[prop_or_default]
    pub class: AttrValue,
    #[prop_or_default]
    pub children: Html,
}

/// A modal dialog: a native `<dialog>` shown with `showModal()` while it is drawn, so the page
/// behind it is inert. Focus goes to its `autofocus` control (else its first), Tab and Shift+Tab
/// go round inside it, Escape asks the owner to close it, and when it is no longer drawn focus
/// goes back to what had it when it opened.
#[component]
pub fn Modal(props: &ModalProps) -> Html {
    let node = use_node_ref();
    {
        let (node, fallback) = (node.clone(), props.fallback.clone());
        use_effect_with((), move |_| {
            let dialog = node.cast::<web_sys::HtmlDialogElement>();
            let opener = dialog.as_ref().and_then(edge::focus::open_modal);
            move || {
                if let Some(dialog) = dialog {
                    edge::focus::close_modal(&dialog, opener.as_ref(), fallback.as_deref());
                }
            }
        });
    }
    // Escape: the browser's `cancel`. Its own closing is stopped, so that the dialog stays as
    // long as the owner draws it.
    let oncancel = {
        let onclose = props.onclose.clone();
        Callback::from(move |e: Event| {
            e.prevent_default();
            onclose.emit(());
        })
    };
    let onkeydown = {
        let node = node.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(dialog) = node.cast::<web_sys::Element>() {
                edge::focus::keep_tab_inside(&dialog, &e);
            }
        })
    };
    html! {
        <dialog
            ref={node}
            class={format!("dialog {}", props.class)}
            role={(props.role != "dialog").then(|| props.role.clone())}
            aria-label={props.label.clone()}
            {oncancel}
            {onkeydown}
        >
            { props.children.clone() }
        </dialog>
    }
}

/// Markup written out in the source, with no listener and nothing that changes (headings and
/// hints): one raw node for the lot rather than an `html!` element each, which is its own code
/// in the wasm. Only for constants: anything from a file or a person goes through
/// `support::markup`, which escapes it.
pub fn fixed(html: &'static str) -> Html {
    Html::from_html_unchecked(AttrValue::Static(html))
}

/// One `<option>` written into `m` (`support::markup`, escaped), `selected` when it is the
/// chosen one: a select's options as one raw node rather than an `html!` element each. When the
/// choice changes the options are made anew with the new one marked, and the select shows it.
pub fn option(m: &mut Markup, value: &str, text: &str, selected: bool) {
    m.open("option", &[("value", value), (if selected { "selected" } else { "" }, "")]).text(text).close("option");
}

/// What was written into `m` (`support::markup`), as one raw node.
pub fn raw(m: Markup) -> Html {
    Html::from_html_unchecked(m.into_string().into())
}

/// The row of a dialog that only shows something: its Close button, focused on opening.
pub fn close_button(onclose: &Callback<()>) -> Html {
    html! {
        <div class="dialog-buttons">
            <button class="tool primary" autofocus=true onclick={onclose.reform(|_: MouseEvent| ())}>{ "Close" }</button>
        </div>
    }
}
