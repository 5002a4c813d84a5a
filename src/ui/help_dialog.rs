use yew::prelude::*;

use super::modal::{close_button, Modal};
use crate::support::markup::Markup;

/// Every shortcut, grouped by where it works: `(keys, what they do)`; keys joined by `+` are
/// held together, and `/` separates alternatives.
const GROUPS: &[(&str, &[(&str, &str)])] = &[
    (
        "In the text",
        &[
            ("← / →", "Move the caret by one character"),
            ("Ctrl+← / Ctrl+→", "Move by one word"),
            ("Home / End", "To the start or end of the line"),
            ("Ctrl+Home / Ctrl+End", "To the start or end of the document"),
            ("Shift+any of these", "Extend or shrink the selection (a mouse selection too)"),
            ("Alt+drag", "Select exact characters, without snapping to words"),
            ("Tab / Shift+Tab", "Next or previous annotation (past the last, Tab leaves the text)"),
            ("Enter", "Go to the selected annotation in the list"),
        ],
    ),
    (
        "Labels and annotations",
        &[
            ("1 2 3 4", "Tag the selection with a label, relabel the selected annotation, or arm the label"),
            ("J / K", "Select the next or previous annotation and show it"),
            ("Delete / Backspace", "Remove the selected annotation"),
            ("R", "Link the selected annotation to another: click it (or Tab to it, Enter), then pick a type"),
            ("Escape", "Deselect and disarm"),
            ("Ctrl+Z", "Undo"),
            ("Ctrl+Shift+Z / Ctrl+Y", "Redo"),
        ],
    ),
    (
        "Find and the list",
        &[
            ("Ctrl+F", "Find in the text"),
            ("Enter / Shift+Enter", "Next or previous match (in the find box)"),
            ("↑ / ↓ / Home / End", "Move through the annotations list"),
            ("Delete", "Remove the annotation chosen in the list"),
        ],
    ),
    (
        "Compare",
        &[
            ("N / P", "Next or previous disagreement"),
            ("A / X", "Accept or reject it"),
            ("1–9", "Give it that label"),
            ("Shift+← / →", "Move its end"),
            ("Alt+Shift+← / →", "Move its start"),
        ],
    ),
    ("Anywhere", &[("?", "This list"), ("Escape", "Close a dialog or menu")]),
];

/// The help overlay (`?`): every keyboard shortcut, grouped. A plain function, not a component
/// (a component's lifecycle code is a few kilobytes of wasm); the groups are written as markup
/// (`support::markup`) in one loop, not an `html!` element each: they have no listener.
pub fn help_dialog(onclose: &Callback<()>) -> Html {
    html! {
        <Modal label="Keyboard shortcuts" class="help" onclose={onclose.clone()}>
            { Html::from_html_unchecked(groups().into()) }
            { close_button(onclose) }
        </Modal>
    }
}

/// The heading, then `<div class="help-groups">`: a section per group, a `dt` of keys (each
/// `kbd`, alternatives each in a `span.alt`) and a `dd` of what they do per row.
fn groups() -> String {
    let mut m = Markup::default();
    m.el("h2", &[], "Keyboard shortcuts").open("div", &[("class", "help-groups")]);
    for (title, rows) in GROUPS {
        m.open("section", &[("class", "help-group")]).el("h3", &[], title).open("dl", &[]);
        for (combo, what) in *rows {
            m.open("div", &[("class", "help-row")]).open("dt", &[]);
            for (i, alt) in combo.split(" / ").enumerate() {
                m.text(if i > 0 { " / " } else { "" }).open("span", &[("class", "alt")]);
                for (j, key) in alt.split('+').enumerate() {
                    m.text(if j > 0 { "+" } else { "" }).el("kbd", &[], key);
                }
                m.close("span");
            }
            m.close("dt").el("dd", &[], what).close("div");
        }
        m.close("dl").close("section");
    }
    m.close("div");
    m.into_string()
}
