use std::rc::Rc;

use yew::prelude::*;

use crate::model::{LabelId, Labels};

#[derive(Properties, PartialEq)]
pub struct LabelBarProps {
    pub labels: Rc<Labels>,
    pub armed: Option<LabelId>,
    /// Whether an annotation is selected (so a label relabels it).
    pub selected: bool,
    pub onapply: Callback<LabelId>,
}

/// The label buttons, each with its colour and hotkey, and a line saying what a press does now.
#[component]
pub fn LabelBar(props: &LabelBarProps) -> Html {
    let buttons = props.labels.iter().map(|label| {
        let id = label.id.clone();
        let onapply = props.onapply.clone();
        let armed = props.armed.as_ref() == Some(&label.id);
        html! {
            <button
                class={classes!("label", armed.then_some("armed"))}
                style={format!("--hl:{}", label.colour)}
                aria-pressed={armed.to_string()}
                // Keep the text selection: a button takes focus on mousedown, which could drop it.
                onmousedown={Callback::from(|e: MouseEvent| e.prevent_default())}
                onclick={Callback::from(move |_| onapply.emit(id.clone()))}
            >
                <span class="label-name">{ &label.name }</span>
                <kbd>{ label.hotkey }</kbd>
            </button>
        }
    });
    let hint = match (&props.armed, props.selected) {
        (Some(id), _) => {
            let name = props.labels.get(id).map_or(id.as_str(), |l| l.name.as_str());
            format!("{name} is armed: every selection is tagged {name}. Esc to stop.")
        }
        (None, true) => "Press a label to relabel the selected span; Delete removes it; Esc deselects.".to_owned(),
        (None, false) => {
            "Select text, then press 1–4 or click a label. With nothing selected, a label arms itself.".to_owned()
        }
    };
    html! {
        <nav class="labelbar" aria-label="Labels">
            <div class="labels">{ for buttons }</div>
            <p class="hint" aria-live="polite">{ hint }</p>
        </nav>
    }
}
