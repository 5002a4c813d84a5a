use std::rc::Rc;

use yew::prelude::*;

use super::label_row::LabelRow;
use super::modal::Modal;
use crate::edge;
use crate::model::label_edit::{free_colour, free_hotkey};
use crate::model::{Action, AnnotationSet, LabelChange, LabelId, Labels};

#[derive(Properties, PartialEq)]
pub struct LabelsDialogProps {
    /// The open document's labels and annotations.
    pub labels: Rc<Labels>,
    pub annotations: Rc<AnnotationSet>,
    pub onaction: Callback<Action>,
    pub onclose: Callback<()>,
}

/// Which part of the dialog a refusal belongs to: a label's row, or the Add form.
type Refusal = (Option<LabelId>, AttrValue);

/// The Labels settings: every label of the open document as a row (name, colour, key, move up
/// and down, delete) and a form to add one. Each change is checked by the model first
/// ([`Labels::changed`]): a refusal is shown beside what caused it, an accepted change is sent
/// as [`Action::ChangeLabels`] and is one undo step.
#[component]
pub fn LabelsDialog(props: &LabelsDialogProps) -> Html {
    let refusal = use_state(|| None::<Refusal>);
    let deleting = use_state(|| None::<LabelId>);
    // A control to give the focus to once the rows are drawn with the labels given (a moved
    // row's button, which a move takes out of the page and puts back), or at once (`None`).
    let refocus = use_state(|| None::<(String, Option<Labels>)>);
    let (name_ref, colour_ref, key_ref) = (use_node_ref(), use_node_ref(), use_node_ref());
    {
        let refocus = refocus.clone();
        use_effect_with(((*refocus).clone(), props.labels.clone()), move |(wanted, labels)| {
            if let Some((selector, after)) = wanted {
                if after.as_ref().is_none_or(|after| after == &**labels) && edge::focus::give_first(selector) {
                    refocus.set(None);
                }
            }
        });
    }
    let counts: Rc<Vec<(LabelId, usize)>> = Rc::new(
        props
            .labels
            .iter()
            .map(|l| (l.id.clone(), props.annotations.iter().filter(|a| a.label == l.id).count()))
            .collect(),
    );
    let uses = {
        let counts = counts.clone();
        move |id: &LabelId| counts.iter().find(|(l, _)| l == id).map_or(0, |(_, n)| *n)
    };

    // Checks a change, then makes it or says why not.
    let onchange = {
        let (labels, onaction) = (props.labels.clone(), props.onaction.clone());
        let (refusal, deleting, refocus) = (refusal.clone(), deleting.clone(), refocus.clone());
        let (name_ref, colour_ref, key_ref) = (name_ref.clone(), colour_ref.clone(), key_ref.clone());
        let uses = uses.clone();
        Callback::from(move |change: LabelChange| {
            let about = change.label().cloned();
            match labels.changed(&change, &uses) {
                Err(why) => refusal.set(Some((about, why.into()))),
                Ok(after) => {
                    refusal.set(None);
                    deleting.set(None);
                    if let LabelChange::Move { id, up } = &change {
                        let at = after.rank(id);
                        // At an end the button pressed is disabled: the other one takes the focus.
                        let up = if *up { at > 0 } else { at + 1 == after.len() };
                        let selector = format!("[data-move=\"label-{at}-{}\"]", if up { "up" } else { "down" });
                        refocus.set(Some((selector, Some(after.clone()))));
                    }
                    if let LabelChange::Add { .. } = &change {
                        set_value(&name_ref, "");
                        set_value(&colour_ref, free_colour(&after.to_vec()));
                        set_value(&key_ref, &free_hotkey(&after.to_vec()).map(String::from).unwrap_or_default());
                        refocus.set(Some((".label-add-name".to_owned(), None)));
                    }
                    if after != *labels {
                        onaction.emit(Action::ChangeLabels(change));
                    }
                }
            }
        })
    };
    let onadd = {
        let onchange = onchange.clone();
        let (name_ref, colour_ref, key_ref) = (name_ref.clone(), colour_ref.clone(), key_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            onchange.emit(LabelChange::Add {
                name: get_value(&name_ref),
                colour: get_value(&colour_ref),
                hotkey: get_value(&key_ref),
            });
        })
    };
    let list = props.labels.to_vec();
    let count = list.len();
    let refused_for =
        |id: Option<&LabelId>| refusal.as_ref().filter(|(about, _)| about.as_ref() == id).map(|(_, why)| why.clone());
    let add_error = refused_for(None);
    let rows = list.iter().enumerate().map(|(index, l)| {
        let others: Vec<(LabelId, String)> =
            list.iter().filter(|o| o.id != l.id).map(|o| (o.id.clone(), o.name.clone())).collect();
        let ondelete = {
            let (id, onchange, deleting, refusal) = (l.id.clone(), onchange.clone(), deleting.clone(), refusal.clone());
            let refocus = refocus.clone();
            let (used, alone) = (uses(&l.id), count == 1);
            Callback::from(move |start: bool| {
                if !start {
                    deleting.set(None);
                } else if used == 0 || alone {
                    onchange.emit(LabelChange::Delete { id: id.clone(), reassign: None });
                } else {
                    refusal.set(None);
                    deleting.set(Some(id.clone()));
                    refocus.set(Some((".label-reassign".to_owned(), None)));
                }
            })
        };
        html! {
            <LabelRow
                key={l.id.as_str().to_owned()}
                label={l.clone()}
                {index}
                {count}
                uses={uses(&l.id)}
                {others}
                deleting={deleting.as_ref() == Some(&l.id)}
                error={refused_for(Some(&l.id))}
                onchange={onchange.clone()}
                {ondelete}
            />
        }
    });
    let default_colour = free_colour(&list);
    let default_key = free_hotkey(&list).map(String::from).unwrap_or_default();
    let onclose = props.onclose.reform(|_: MouseEvent| ());
    html! {
        <Modal label="Labels" class="labels-dialog" onclose={props.onclose.clone()}>
            <h2>{ "Labels" }</h2>
            <p class="hint">{ "Changes are made as you leave a field. Each can be undone with Ctrl+Z once the dialog is closed." }</p>
            <ol class="label-rows">{ for rows }</ol>
            <form class="label-add" onsubmit={onadd} aria-label="Add a label">
                <h3>{ "Add a label" }</h3>
                <div class="label-fields">
                    <label>{ "Name" }<input ref={name_ref} class="label-add-name" /></label>
                    <label>{ "Colour" }<input ref={colour_ref} class="label-colour" type="color" value={default_colour} /></label>
                    <label>{ "Key" }<input ref={key_ref} class="label-key" size="2" value={default_key} /></label>
                    <button type="submit" class="tool primary">{ "Add" }</button>
                </div>
                if let Some(error) = add_error {
                    <p class="label-error" role="alert">{ error }</p>
                }
            </form>
            <p class="hint">{ "Colours are checked in the light and the dark theme: the text on a label button and on a highlight must reach 4.5:1." }</p>
            <div class="dialog-buttons">
                <button class="tool" onclick={onclose}>{ "Close" }</button>
            </div>
        </Modal>
    }
}

fn get_value(node: &NodeRef) -> String {
    node.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

fn set_value(node: &NodeRef, value: &str) {
    if let Some(input) = node.cast::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    }
}
