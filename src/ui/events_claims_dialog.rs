use std::rc::Rc;

use yew::prelude::*;

use super::modal::{fixed, Modal};
use crate::edge;
use crate::model::coding::{self, Table, CLAIMS, EVENTS};
use crate::model::document::slug;
use crate::model::{Action, AnnotationId, AnnotationSet, Document, Labels, Notice, Relations, Span};
use crate::support::markup::Markup;

/// Rows drawn per table; the rest are counted in one line (the CSV has them all).
const SHOWN: usize = 200;
/// Code points of a span's text drawn in a cell (the CSV has it whole).
const QUOTE: usize = 160;

/// Events & claims: one table of the document's Events (participants, places, the claims about
/// it) and one of its Claims (who said it, what it is about), each with its label's attributes
/// ([`coding::table`]). Every span in them is a button that closes the view and selects it in
/// the text. Download CSV writes both tables (`<slug>.events.csv`, `<slug>.claims.csv`).
/// A plain function, not a component (a component's lifecycle code is a few kilobytes of wasm):
/// the app draws it while the view is open, and the tables are made again when the app draws.
/// `onaction` selects a span (and says when a download failed); `onclose` closes the view.
pub fn events_claims_dialog(
    doc: &Rc<Document>,
    labels: &Labels,
    annotations: &AnnotationSet,
    relations: &Relations,
    onaction: &Callback<Action>,
    onclose: &Callback<()>,
) -> Html {
    let tables = Rc::new([
        coding::table(&EVENTS, labels, annotations, relations),
        coding::table(&CLAIMS, labels, annotations, relations),
    ]);
    // One listener for both tables: a span's button selects it in the text.
    let onclick = {
        let (onaction, onclose) = (onaction.clone(), onclose.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(el) = e.target_dyn_into::<web_sys::Element>() else { return };
            let Some(id) = el.closest("[data-id]").ok().flatten().and_then(|b| b.get_attribute("data-id")) else {
                return;
            };
            onclose.emit(());
            onaction.emit(Action::Select(AnnotationId::new(&id)));
        })
    };
    let ondownload = {
        let (tables, doc, onaction) = (tables.clone(), doc.clone(), onaction.clone());
        Callback::from(move |_: MouseEvent| {
            let stem = slug(doc.title());
            for t in tables.iter() {
                let name = format!("{stem}.{}.csv", t.spec.file);
                let csv = coding::csv(t, &doc);
                if edge::download::download(&name, "text/csv;charset=utf-8", csv.as_bytes()).is_err() {
                    onaction.emit(Action::Notify(Notice::Error(format!("{name} could not be downloaded."))));
                }
            }
        })
    };
    let [events, claims] = &*tables;
    html! {
        <Modal label="Events & claims" class="coding" onclose={onclose.clone()}>
            <div class="coding-head">
                { fixed("<h2>Events &amp; claims</h2>") }
                <p class="hint">{ format!("{} and {}. Choose a span to show it in the text.", count(events.rows.len(), "event"), count(claims.rows.len(), "claim")) }</p>
            </div>
            <div class="coding-tables" {onclick}>
                { Html::from_html_unchecked(section(events, doc).into()) }
                { Html::from_html_unchecked(section(claims, doc).into()) }
            </div>
            <div class="dialog-buttons">
                <button class="tool" onclick={ondownload} title="Two files for spreadsheets: <document>.events.csv and <document>.claims.csv">{ "Download CSV" }</button>
                <button class="tool primary" autofocus=true onclick={onclose.reform(|_: MouseEvent| ())}>{ "Close" }</button>
            </div>
        </Modal>
    }
}

/// One table as HTML text (one loop, not an `html!` element each: it is drawn once per opening):
/// a row per span of its label, each span a button carrying its annotation's id (`data-id`); the
/// headings repeated on each cell (`data-th`) for the narrow layout, where each row is a card.
fn section(t: &Table, doc: &Document) -> String {
    let spec = t.spec;
    let mut m = Markup::default();
    m.open("section", &[("class", "coding-section"), ("aria-label", spec.title)]);
    m.open("table", &[("class", "coding-table")]).el("caption", &[], spec.title);
    m.open("thead", &[]).open("tr", &[]).el("th", &[("scope", "col")], "Text");
    for title in spec.columns.iter().map(|c| c.title).chain(t.attributes.iter().map(String::as_str)) {
        m.el("th", &[("scope", "col")], title);
    }
    m.close("tr").close("thead").open("tbody", &[]);
    let span = |m: &mut Markup, id: &AnnotationId, s: Span| {
        m.el("button", &[("class", "link"), ("data-id", id.as_str())], &quote(doc.slice(s)));
    };
    for r in t.rows.iter().take(SHOWN) {
        m.open("tr", &[]).open("th", &[("scope", "row"), ("data-th", "Text")]);
        span(&mut m, &r.id, r.span);
        m.close("th");
        for (c, items) in spec.columns.iter().zip(&r.linked) {
            m.open("td", &[("data-th", c.title)]);
            // An empty cell stays `:empty` (the narrow layout draws no heading for it).
            if !items.is_empty() {
                m.open("ul", &[("class", "linked")]);
                for l in items {
                    m.open("li", &[]);
                    span(&mut m, &l.id, l.span);
                    m.close("li");
                }
                m.close("ul");
            }
            m.close("td");
        }
        for (name, value) in t.attributes.iter().zip(&r.values) {
            m.el("td", &[("data-th", name)], value);
        }
        m.close("tr");
    }
    m.close("tbody").close("table");
    if t.rows.is_empty() {
        let what = &spec.title[..spec.title.len() - 1];
        m.el(
            "p",
            &[("class", "hint")],
            &format!("No {} yet: tag a span {what} and link it.", what.to_ascii_lowercase()),
        );
    }
    let more = t.rows.len().saturating_sub(SHOWN);
    if more > 0 {
        m.el("p", &[("class", "hint")], &format!("and {more} more (all in the CSV)."));
    }
    m.close("section");
    m.into_string()
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
