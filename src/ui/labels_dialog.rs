use std::rc::Rc;

use yew::prelude::*;

use super::attributes_editor::{attributes_editor, DefEdit};
use super::label_row::{label_row, LabelRowProps};
use super::modal::{fixed, raw, Modal};
use super::relation_types_editor::{relation_types_editor, TypeEdit};
use crate::edge;
use crate::model::label_edit::{free_colour, free_hotkey, Holder};
use crate::model::{Action, AnnotationSet, LabelChange, LabelId, Labels};
use crate::support::markup::Markup;

#[derive(Properties, PartialEq)]
pub struct LabelsDialogProps {
    /// The open document's labels and annotations.
    pub labels: Rc<Labels>,
    pub annotations: Rc<AnnotationSet>,
    pub onaction: Callback<Action>,
    pub onclose: Callback<()>,
}

/// Which part of the dialog a refusal belongs to: a label's row or the Add form (`None`), a
/// relation type's row or the Add form, a holder's attribute (by name) or its Add form.
#[derive(Clone, PartialEq)]
enum Place {
    Label(Option<LabelId>),
    Type(Option<String>),
    Attribute(Holder, Option<String>),
}

impl Place {
    fn of(change: &LabelChange) -> Place {
        match change {
            LabelChange::AddRelationType { .. } => Place::Type(None),
            LabelChange::EditRelationType { id, .. } | LabelChange::DeleteRelationType { id } => {
                Place::Type(Some(id.clone()))
            }
            LabelChange::AddAttribute { holder, .. } => Place::Attribute(holder.clone(), None),
            LabelChange::EditAttribute { holder, name, .. } | LabelChange::DeleteAttribute { holder, name } => {
                Place::Attribute(holder.clone(), Some(name.clone()))
            }
            other => Place::Label(other.label().cloned()),
        }
    }
}

type Refusal = (Place, AttrValue);

/// The dialog's fixed headings and hints (see [`fixed`]).
const HEAD: &str = "<h2>Labels</h2><p class=\"hint\">Changes are made as you leave a field. \
    Each can be undone with Ctrl+Z once the dialog is closed.</p>";
const COLOURS: &str = "<p class=\"hint\">Colours are checked in the light and the dark theme: \
    the text on a label button and on a highlight must reach 4.5:1.</p>";
const ATTRIBUTES: &str = "<h3 id=\"defs-attributes\">Attributes</h3><p class=\"hint\">A label&#39;s \
    attributes each take one of their values; a span reads as the default until one is chosen.</p>";
const RELATION_TYPES: &str = "<summary><h3>Relation types</h3></summary><p class=\"hint\">A type is \
    offered first when linking a span of a From label to one of a To label (none ticked: any).</p>";
const CATEGORIES: &str = "<summary><h3>Document categories</h3></summary><p class=\"hint\">Shown \
    above the text, and the documents list can be filtered by them.</p>";

/// The Labels settings: every label of the open document as a row (name, colour, key, move up
/// and down, delete) and a form to add one; then, each folded under its heading, the labels'
/// attributes, the relation types and the document's categories. Each change is checked by the
/// model first ([`Labels::changed`]): a refusal is shown beside what caused it, an accepted
/// change is sent as [`Action::ChangeLabels`] and is one undo step.
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
        Callback::from(move |change: LabelChange| -> bool {
            match labels.changed(&change, &uses) {
                Err(why) => {
                    refusal.set(Some((Place::of(&change), why.into())));
                    false
                }
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
                    true
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
    // A label row's changes (it needs no answer).
    let onlabel = {
        let onchange = onchange.clone();
        Callback::from(move |change: LabelChange| {
            onchange.emit(change);
        })
    };
    let attribute_edit = |holder: Holder| {
        let onchange = onchange.clone();
        Callback::from(move |edit: DefEdit| {
            let holder = holder.clone();
            onchange.emit(match edit {
                DefEdit::Add(t) => {
                    LabelChange::AddAttribute { holder, name: t.name, values: t.values, default: t.default }
                }
                DefEdit::Change { was, now } => LabelChange::EditAttribute {
                    holder,
                    name: was,
                    new_name: now.name,
                    values: now.values,
                    default: now.default,
                },
                DefEdit::Delete(name) => LabelChange::DeleteAttribute { holder, name },
            })
        })
    };
    let ontype = onchange.reform(|edit: TypeEdit| match edit {
        TypeEdit::Add { name, from, to } => LabelChange::AddRelationType { name, from, to },
        TypeEdit::Change { id, name, from, to } => LabelChange::EditRelationType { id, name, from, to },
        TypeEdit::Delete(id) => LabelChange::DeleteRelationType { id },
    });
    let attribute_error = |holder: &Holder| match &*refusal {
        Some((Place::Attribute(h, name), why)) if h == holder => Some((name.clone(), why.clone())),
        _ => None,
    };
    let type_error = match &*refusal {
        Some((Place::Type(id), why)) => Some((id.clone(), why.clone())),
        _ => None,
    };
    let list = props.labels.to_vec();
    let count = list.len();
    let attributes = list.iter().map(|l| {
        let holder = Holder::Label(l.id.clone());
        let names: Vec<&str> = l.attributes.iter().map(|a| a.name.as_str()).collect();
        html! {
            <details class="def-group" key={l.id.as_str().to_owned()} style={format!("--hl: {}", l.colour)}>
                { raw(summary(&l.name, &names)) }
                { attributes_editor(&l.name, "attribute", &l.attributes, &attribute_error(&holder), &attribute_edit(holder.clone())) }
            </details>
        }
    });
    let label_names: Vec<(LabelId, String)> = list.iter().map(|l| (l.id.clone(), l.name.clone())).collect();
    let refused_for = |id: Option<&LabelId>| {
        refusal.as_ref().filter(|(about, _)| *about == Place::Label(id.cloned())).map(|(_, why)| why.clone())
    };
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
        label_row(&LabelRowProps {
            label: l.clone(),
            index,
            count,
            uses: uses(&l.id),
            others,
            deleting: deleting.as_ref() == Some(&l.id),
            error: refused_for(Some(&l.id)),
            onchange: onlabel.clone(),
            ondelete,
        })
    });
    let default_colour = free_colour(&list);
    let default_key = free_hotkey(&list).map(String::from).unwrap_or_default();
    let onclose = props.onclose.reform(|_: MouseEvent| ());
    html! {
        <Modal label="Labels" class="labels-dialog" onclose={props.onclose.clone()}>
            { fixed(HEAD) }
            <ol class="label-rows">{ for rows }</ol>
            <form class="label-add" onsubmit={onadd} aria-label="Add a label">
                { fixed("<h3>Add a label</h3>") }
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
            { fixed(COLOURS) }
            <section class="defs" aria-labelledby="defs-attributes">
                { fixed(ATTRIBUTES) }
                { for attributes }
            </section>
            <details class="defs">
                { fixed(RELATION_TYPES) }
                { relation_types_editor(props.labels.relation_types(), &label_names, &type_error, &ontype) }
            </details>
            <details class="defs">
                { fixed(CATEGORIES) }
                { attributes_editor("the document", "category", props.labels.categories(), &attribute_error(&Holder::Document), &attribute_edit(Holder::Document)) }
            </details>
            <div class="dialog-buttons">
                <button class="tool" onclick={onclose}>{ "Close" }</button>
            </div>
        </Modal>
    }
}

/// A label's fold of attributes: its name and theirs ("none"), as markup (`support::markup`).
fn summary(label: &str, names: &[&str]) -> Markup {
    let mut m = Markup::default();
    m.open("summary", &[]).text(label);
    m.el("span", &[("class", "def-summary")], &if names.is_empty() { "none".to_owned() } else { names.join(", ") });
    m.close("summary");
    m
}

fn get_value(node: &NodeRef) -> String {
    node.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

fn set_value(node: &NodeRef, value: &str) {
    if let Some(input) = node.cast::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    }
}
