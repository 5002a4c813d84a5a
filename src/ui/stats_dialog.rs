use std::rc::Rc;

use yew::prelude::*;

use super::modal::{close_button, Modal};
use super::state::DocRef;
use crate::model::stats::{Extreme, Stats};
use crate::model::{Action, AnnotationSet, Labels};
use crate::support::markup::{self, Markup};
use crate::support::number::grouped;

#[derive(Properties, PartialEq)]
pub struct StatsDialogProps {
    pub doc: DocRef,
    pub labels: Rc<Labels>,
    pub annotations: Rc<AnnotationSet>,
    /// Selects an annotation (the longest or the shortest) and brings it into view.
    pub onaction: Callback<Action>,
    pub onclose: Callback<()>,
}

/// The figures of the open document's annotations: a bar per label (count and spans per 1,000
/// words), how much of the text is covered, the longest and the shortest span.
#[component]
pub fn StatsDialog(props: &StatsDialogProps) -> Html {
    let doc = &props.doc.0;
    // Counting the words walks the whole text: once per opening, not per render.
    let stats = use_memo((props.doc.clone(), props.annotations.clone()), |(doc, annotations)| {
        Stats::of(&doc.0, &props.labels, annotations)
    });
    let extreme = |what: &str, e: &Option<Extreme>| {
        let Some(e) = e else { return html! {} };
        let name = props.labels.get(&e.annotation.label).map_or(e.annotation.label.as_str(), |l| l.name.as_str());
        let quote: String = doc.slice(e.annotation.span).chars().take(120).collect();
        let onclick = {
            let (onaction, onclose, id) = (props.onaction.clone(), props.onclose.clone(), e.annotation.id.clone());
            Callback::from(move |_: MouseEvent| {
                onclose.emit(());
                onaction.emit(Action::Select(id.clone()));
            })
        };
        html! {
            <div class="stat-extreme">
                <dt>{ format!("{what} ({} characters, {name})", e.chars) }</dt>
                <dd><button class="link" {onclick} title="Show it in the text">{ quote }</button></dd>
            </div>
        }
    };
    html! {
        <Modal label="Statistics" class="stats" onclose={props.onclose.clone()}>
            { Html::from_html_unchecked(figures(&stats, &props.labels).into()) }
            <dl class="stat-extremes">
                { extreme("Longest", &stats.longest) }
                { extreme("Shortest", &stats.shortest) }
            </dl>
            { close_button(&props.onclose) }
        </Modal>
    }
}

/// The heading, the totals, the table of labels (a bar each) and the coverage, as markup
/// (`support::markup`): no listener, so one loop rather than an `html!` element each.
fn figures(stats: &Stats, labels: &Labels) -> String {
    let mut m = Markup::default();
    m.el("h2", &[], "Statistics").el(
        "p",
        &[],
        &format!(
            "{} annotations in {} words ({} characters).",
            grouped(stats.total as u64),
            grouped(stats.words as u64),
            grouped(u64::from(stats.length))
        ),
    );
    m.open("table", &[("class", "stats-table")]).open("thead", &[]).open("tr", &[]);
    m.el("th", &[("scope", "col")], "Label");
    m.el("th", &[("scope", "col"), ("class", "num")], "Spans");
    m.el("th", &[("scope", "col"), ("class", "num")], "Per 1,000 words");
    m.open("th", &[("scope", "col")]).el("span", &[("class", "visually-hidden")], "Share").close("th");
    m.close("tr").close("thead").open("tbody", &[]);
    let most = stats.labels.iter().map(|r| r.count).max().unwrap_or(0).max(1);
    for row in &stats.labels {
        let label = labels.get(&row.label);
        let name = label.map_or(row.label.as_str(), |l| l.name.as_str());
        let colour = label.map_or("#999999", |l| markup::colour(&l.colour));
        // Whole per-mille widths: the stylesheet needs no fractions, the wasm no float formatting.
        let width = row.count * 1000 / most;
        let density = row.per_thousand_words.map_or_else(|| "—".to_owned(), tenths);
        m.open("tr", &[("style", &format!("--hl:{colour};--share:{width}"))]).open("th", &[("scope", "row")]);
        m.open("span", &[("class", "stat-label")]).el("span", &[("class", "swatch")], "").text(name);
        m.close("span").close("th");
        m.el("td", &[("class", "num")], &grouped(row.count as u64)).el("td", &[("class", "num")], &density);
        m.open("td", &[("class", "bar-cell"), ("aria-hidden", "true")]).el("span", &[("class", "bar")], "");
        m.close("td").close("tr");
    }
    m.close("tbody").close("table");
    let coverage = (stats.coverage() * 1000.0).round() as u32;
    m.open("div", &[("class", "coverage"), ("style", &format!("--share:{coverage}"))]);
    m.el("span", &[], &format!("Coverage: {} of the text is inside a span", percent(coverage)));
    m.open("span", &[("class", "coverage-bar"), ("aria-hidden", "true")]).el("span", &[], "").close("span");
    m.close("div");
    m.into_string()
}

/// `x` to one decimal place ("12.3"), by integer arithmetic.
fn tenths(x: f64) -> String {
    let t = (x * 10.0).round().max(0.0) as u64;
    format!("{}.{}", t / 10, t % 10)
}

/// Per mille as a percentage to one decimal place ("41.7%").
fn percent(per_mille: u32) -> String {
    format!("{}.{}%", per_mille / 10, per_mille % 10)
}
