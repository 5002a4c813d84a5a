use yew::prelude::*;

use super::arcs::type_name;
use super::details::DetailsProps;
use super::link_menu::named;
use crate::model::Action;

/// The selected span's relations, outgoing (→) then incoming (←): each the relation's type and
/// the other end's label and text, a button that selects the other end (the text brings it into
/// view, drawing it first when it is not drawn), and a × button that removes the relation (one
/// undo step). Buttons: Tab reaches them, Enter or Space presses them. A part of
/// [`super::details::details`], drawn with it (a function, not a component of its own).
pub fn relations_list(props: &DetailsProps) -> Html {
    let doc = &props.doc.0;
    let row = |r: &crate::model::Relation, out: bool| {
        let other = if out { &r.to } else { &r.from };
        let kind = type_name(&props.labels, &r.kind);
        let end = named(&props.labels, &props.annotations, doc, other);
        let text = if out { format!("{kind} → {end}") } else { format!("← {kind}: {end}") };
        let onjump = props.onaction.reform({
            let other = other.clone();
            move |_: MouseEvent| Action::Select(other.clone())
        });
        let onunlink = props.onaction.reform({
            let id = r.id.clone();
            move |_: MouseEvent| Action::Unlink(id.clone())
        });
        html! {
            <li class="relation" key={r.id.as_str().to_owned()}>
                <button class="relation-jump" title={format!("Go to {end}")} onclick={onjump}>{ text.clone() }</button>
                <button class="relation-unlink" aria-label={format!("Unlink {text}")} title="Unlink" onclick={onunlink}>{ "×" }</button>
            </li>
        }
    };
    let rows: Vec<Html> = props
        .relations
        .outgoing(&props.id)
        .map(|r| row(r, true))
        .chain(props.relations.incoming(&props.id).map(|r| row(r, false)))
        .collect();
    if rows.is_empty() {
        return html! { <p class="relations-none">{ "No relations. Link… (R) makes one." }</p> };
    }
    html! {
        <ul class="relations" aria-label="Relations">{ for rows }</ul>
    }
}
