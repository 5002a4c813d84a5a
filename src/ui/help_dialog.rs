use yew::prelude::*;

use super::modal::Modal;

#[derive(Properties, PartialEq)]
pub struct HelpDialogProps {
    pub onclose: Callback<()>,
}

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

/// The help overlay (`?`): every keyboard shortcut, grouped.
#[component]
pub fn HelpDialog(props: &HelpDialogProps) -> Html {
    let keys = |combo: &str| -> Html {
        let alternatives = combo.split(" / ").enumerate().map(|(i, alt)| {
            let held = alt.split('+').enumerate().map(|(j, key)| {
                html! { <>{ if j > 0 { "+" } else { "" } }<kbd>{ key }</kbd></> }
            });
            html! { <>{ if i > 0 { " / " } else { "" } }<span class="alt">{ for held }</span></> }
        });
        html! { <>{ for alternatives }</> }
    };
    let groups = GROUPS.iter().map(|(title, rows)| {
        let rows = rows.iter().map(|(combo, what)| {
            html! { <div class="help-row"><dt>{ keys(combo) }</dt><dd>{ *what }</dd></div> }
        });
        html! {
            <section class="help-group">
                <h3>{ *title }</h3>
                <dl>{ for rows }</dl>
            </section>
        }
    });
    html! {
        <Modal label="Keyboard shortcuts" class="help" onclose={props.onclose.clone()}>
            <h2>{ "Keyboard shortcuts" }</h2>
            <div class="help-groups">{ for groups }</div>
            <div class="dialog-buttons">
                <button class="tool primary" autofocus=true onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Close" }</button>
            </div>
        </Modal>
    }
}
