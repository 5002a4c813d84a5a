use std::rc::Rc;

use yew::prelude::*;

use super::modal::Modal;
use super::state::DocRef;
use crate::edge;
use crate::model::coding::{self, Linked, Table, CLAIMS, EVENTS};
use crate::model::document::slug;
use crate::model::{Action, AnnotationId, AnnotationSet, Document, Labels, Notice, Relations, Span};

#[derive(Properties, PartialEq)]
pub struct EventsClaimsDialogProps {
    pub doc: DocRef,
    pub labels: Rc<Labels>,
    pub annotations: Rc<AnnotationSet>,
    pub relations: Rc<Relations>,
    /// Selects a span (a row's or a linked one's) and brings it into view; a failed download's
    /// notice.
    pub onaction: Callback<Action>,
    pub onclose: Callback<()>,
}

/// Rows drawn per table; the rest are counted in one line (the CSV has them all).
const SHOWN: usize = 200;
/// Code points of a span's text drawn in a cell (the CSV has it whole).
const QUOTE: usize = 160;

/// Events & claims: one table of the document's Events (participants, places, the claims about
/// it) and one of its Claims (who said it, what it is about), each with its label's attributes
/// ([`coding::table`]). Every span in them is a button that closes the view and selects it in
/// the text. Download CSV writes both tables (`<slug>.events.csv`, `<slug>.claims.csv`).
#[component]
pub fn EventsClaimsDialog(props: &EventsClaimsDialogProps) -> Html {
    let tables = use_memo((props.labels.clone(), props.annotations.clone(), props.relations.clone()), |(l, a, r)| {
        [coding::table(&EVENTS, l, a, r), coding::table(&CLAIMS, l, a, r)]
    });
    let onjump = {
        let (onaction, onclose) = (props.onaction.clone(), props.onclose.clone());
        Callback::from(move |id: AnnotationId| {
            onclose.emit(());
            onaction.emit(Action::Select(id));
        })
    };
    let ondownload = {
        let (tables, doc, onaction) = (tables.clone(), props.doc.clone(), props.onaction.clone());
        Callback::from(move |_: MouseEvent| {
            let stem = slug(doc.0.title());
            for t in tables.iter() {
                let name = format!("{stem}.{}.csv", t.spec.file);
                let csv = coding::csv(t, &doc.0);
                if edge::download::download(&name, "text/csv;charset=utf-8", csv.as_bytes()).is_err() {
                    onaction.emit(Action::Notify(Notice::Error(format!("{name} could not be downloaded."))));
                }
            }
        })
    };
    let [events, claims] = &*tables;
    html! {
        <Modal label="Events & claims" class="coding" onclose={props.onclose.clone()}>
            <div class="coding-head">
                <h2>{ "Events & claims" }</h2>
                <p class="hint">{ format!("{} and {}. Choose a span to show it in the text.", count(events.rows.len(), "event"), count(claims.rows.len(), "claim")) }</p>
            </div>
            { section(events, &props.doc.0, &onjump) }
            { section(claims, &props.doc.0, &onjump) }
            <div class="dialog-buttons">
                <button class="tool" onclick={ondownload} title="Two files for spreadsheets: <document>.events.csv and <document>.claims.csv">{ "Download CSV" }</button>
                <button class="tool primary" autofocus=true onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Close" }</button>
            </div>
        </Modal>
    }
}

/// One table: a row per span of its label; the headings repeated on each cell (`data-th`) for
/// the narrow layout, where each row is a card.
fn section(t: &Table, doc: &Document, onjump: &Callback<AnnotationId>) -> Html {
    let span = |id: &AnnotationId, s: Span| {
        let onclick = onjump.reform({
            let id = id.clone();
            move |_: MouseEvent| id.clone()
        });
        html! { <button class="link" {onclick}>{ quote(doc.slice(s)) }</button> }
    };
    // An empty cell stays `:empty` (the narrow layout draws no heading for it).
    let linked = |items: &[Linked]| {
        if items.is_empty() {
            return html! {};
        }
        html! { <ul class="linked">{ for items.iter().map(|l| html! { <li>{ span(&l.id, l.span) }</li> }) }</ul> }
    };
    let spec = t.spec;
    let rows = t.rows.iter().take(SHOWN).map(|r| {
        html! {
            <tr>
                <th scope="row" data-th="Text">{ span(&r.id, r.span) }</th>
                { for spec.columns.iter().zip(&r.linked).map(|(c, items)| html! { <td data-th={c.title}>{ linked(items) }</td> }) }
                { for t.attributes.iter().zip(&r.values).map(|(name, value)| html! { <td data-th={name.clone()}>{ value.clone() }</td> }) }
            </tr>
        }
    });
    let more = t.rows.len().saturating_sub(SHOWN);
    html! {
        <section class="coding-section" aria-label={spec.title}>
            <table class="coding-table">
                <caption>{ spec.title }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Text" }</th>
                        { for spec.columns.iter().map(|c| html! { <th scope="col">{ c.title }</th> }) }
                        { for t.attributes.iter().map(|name| html! { <th scope="col">{ name.clone() }</th> }) }
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
            if t.rows.is_empty() {
                <p class="hint">{ format!("No {} yet: tag a span {} and link it.", spec.title.to_ascii_lowercase(), &spec.title[..spec.title.len() - 1]) }</p>
            }
            if more > 0 {
                <p class="hint">{ format!("and {more} more (all in the CSV).") }</p>
            }
        </section>
    }
}

/// `s` cut to [`QUOTE`] code points, with "…" when cut.
fn quote(s: &str) -> String {
    match s.char_indices().nth(QUOTE) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_owned(),
    }
}

fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}
