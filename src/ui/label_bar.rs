use std::rc::Rc;

use yew::prelude::*;

use crate::model::{LabelId, Labels};

/// What the label bar shows and does.
pub struct LabelBarProps {
    pub labels: Rc<Labels>,
    /// The label that stays on (tags every selection), if any.
    pub armed: Option<LabelId>,
    /// The label of the selected annotation, if one is selected (a label key then relabels it).
    pub selected: Option<LabelId>,
    pub onapply: Callback<LabelId>,
}

/// The label buttons, each with its colour and hotkey, and a line saying what a press does now.
/// A button is pressed (`aria-pressed="true"`) when its label stays on or is the selected span's.
/// A function of the app's, not a component: it holds no state, and its `onapply` is new on every
/// render of the app.
pub fn label_bar(props: &LabelBarProps) -> Html {
    let buttons = props.labels.iter().map(|label| {
        let id = label.id.clone();
        let onapply = props.onapply.clone();
        let armed = props.armed.as_ref() == Some(&label.id);
        let current = props.selected.as_ref() == Some(&label.id);
        html! {
            <button
                class={classes!("label", armed.then_some("armed"), current.then_some("current"))}
                style={format!("--hl:{}", label.colour)}
                aria-pressed={(armed || current).to_string()}
                // Keep the text selection: a button takes focus on mousedown, which could drop it.
                onmousedown={Callback::from(|e: MouseEvent| e.prevent_default())}
                onclick={Callback::from(move |_| onapply.emit(id.clone()))}
            >
                <span class="label-name">{ &label.name }</span>
                if let Some(key) = label.hotkey {
                    <kbd>{ key }</kbd>
                }
            </button>
        }
    });
    let name_of = |id: &LabelId| props.labels.get(id).map_or(id.as_str().to_owned(), |l| l.name.clone());
    // "1–4" when the hotkeys run in order, else each of them.
    let hotkeys: Vec<char> = props.labels.iter().filter_map(|l| l.hotkey).collect();
    let in_a_run = hotkeys.windows(2).all(|w| u32::from(w[0]) + 1 == u32::from(w[1]));
    let keys = match (hotkeys.first(), hotkeys.last()) {
        (Some(first), Some(last)) if in_a_run && hotkeys.len() > 2 => format!("{first}–{last}"),
        _ => hotkeys.iter().map(char::to_string).collect::<Vec<_>>().join(", "),
    };
    let hint = match (&props.armed, &props.selected) {
        (Some(id), _) => {
            let name = name_of(id);
            format!("{name} stays on: each selection you make is tagged {name}. Esc turns it off.")
        }
        (None, Some(id)) => {
            format!("Selected: {}. Press another label to change it, Delete to remove it, Esc to deselect.", name_of(id))
        }
        (None, None) => format!(
            "Select text, then press {keys} or click a label. A label pressed with no text selected stays on for every selection."
        ),
    };
    html! {
        <nav class="labelbar" aria-label="Labels">
            <div class="labels">{ for buttons }</div>
            <p class="hint" aria-live="polite">{ hint }</p>
        </nav>
    }
}
