use std::rc::Rc;

use yew::prelude::*;

use crate::model::agreement::{Counts, Figure, Figures, Undefined, ALL};
use crate::model::Labels;
use crate::support::number::{grouped, thousandths};

#[derive(Properties, PartialEq)]
pub struct AgreementFiguresProps {
    pub figures: Rc<Figures>,
    pub labels: Rc<Labels>,
}

/// The Compare view's figures: Krippendorff's α over all annotators, then for each pair a table
/// (per label and all: exact and overlap precision, recall and F1 with tp/fp/fn, token κ) and
/// its label confusion. Every number is drawn by integer arithmetic; an undefined one is "—"
/// with its reason as a tooltip and as text for screen readers.
#[component]
pub fn AgreementFigures(props: &AgreementFiguresProps) -> Html {
    let f = &props.figures;
    let name = |id: &str| label_name(&props.labels, id);
    let keys: Vec<&str> = f.labels.iter().map(String::as_str).chain([ALL]).collect();
    let alpha_rows = keys.iter().map(|&k| {
        html! { <tr><th scope="row">{ name(k) }</th>{ figure_cell(f.alpha.get(k)) }</tr> }
    });
    let pairs = f.pairs.iter().map(|pair| {
        let (a, b) = (who(f, pair.a), who(f, pair.b));
        let rows = keys.iter().map(|&k| {
            html! {
                <tr>
                    <th scope="row">{ name(k) }</th>
                    { counts_cells(pair.exact.get(k)) }
                    { counts_cells(pair.overlap.get(k)) }
                    { figure_cell(pair.token_kappa.get(k)) }
                </tr>
            }
        });
        let confused: Vec<_> = pair.confusion.iter().filter(|((x, y), n)| x != y && **n > 0).collect();
        let caption = format!("{a} and {b}");
        html! {
            <section class="pair" aria-label={caption.clone()}>
                <h4>{ caption.clone() }</h4>
                <div class="table-scroll" tabindex="0" role="region" aria-label={format!("Figures of {caption}")}>
                    <table class="figures">
                        <thead>
                            <tr>
                                <td></td>
                                <th scope="colgroup" colspan="4">{ "Exact" }</th>
                                <th scope="colgroup" colspan="4">{ "Overlap" }</th>
                                <td></td>
                            </tr>
                            <tr>
                                <th scope="col">{ "Label" }</th>
                                { for ["P", "R", "F1", "tp/fp/fn", "P", "R", "F1", "tp/fp/fn"].iter().map(|h| html! { <th scope="col" class="num">{ *h }</th> }) }
                                <th scope="col" class="num" title="Cohen's κ over tokens">{ "κ" }</th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
                if !confused.is_empty() {
                    <table class="confusion">
                        <caption>{ format!("Labels swapped: {a}'s label → {b}'s, overlapping spans") }</caption>
                        <thead><tr><th scope="col">{ a.to_owned() }</th><th scope="col">{ b.to_owned() }</th><th scope="col" class="num">{ "Spans" }</th></tr></thead>
                        <tbody>
                            { for confused.iter().map(|((x, y), n)| html! {
                                <tr><td>{ name(x) }</td><td>{ name(y) }</td><td class="num">{ grouped(**n as u64) }</td></tr>
                            }) }
                        </tbody>
                    </table>
                }
            </section>
        }
    });
    html! {
        <div class="agreement-figures">
            <p>{ format!("{} annotators, {} tokens.", f.annotators.len(), grouped(f.tokens as u64)) }</p>
            <table class="figures alpha">
                <caption>{ "Krippendorff's α over all annotators" }</caption>
                <thead><tr><th scope="col">{ "Label" }</th><th scope="col" class="num">{ "α" }</th></tr></thead>
                <tbody>{ for alpha_rows }</tbody>
            </table>
            { for pairs }
        </div>
    }
}

fn who(f: &Figures, i: usize) -> &str {
    f.annotators.get(i).map_or("?", String::as_str)
}

/// A label's name, "All labels" for [`ALL`], else the id itself (a label only a file knows).
pub fn label_name(labels: &Labels, id: &str) -> String {
    if id == ALL {
        return "All labels".to_owned();
    }
    labels.by_id(id).map_or_else(|| id.to_owned(), |l| l.name.clone())
}

/// P, R, F1 and the counts of one row.
fn counts_cells(counts: Option<&Counts>) -> Html {
    let c = counts.copied().unwrap_or_default();
    let undefined = |why: &'static str| move |x: Option<f64>| x.ok_or(why);
    html! {
        <>
            { number_cell(undefined("The second annotator has no span here, so precision is undefined.")(c.precision())) }
            { number_cell(undefined("The first annotator has no span here, so recall is undefined.")(c.recall())) }
            { number_cell(c.f1().ok_or(Undefined::NoSpans.reason())) }
            <td class="num counts">{ format!("{}/{}/{}", c.tp, c.fp, c.fn_) }</td>
        </>
    }
}

fn figure_cell(figure: Option<&Figure>) -> Html {
    number_cell(match figure {
        Some(Ok(x)) => Ok(*x),
        Some(Err(why)) => Err(why.reason()),
        None => Err(Undefined::NoSpans.reason()),
    })
}

/// A figure to three decimals, or "—" with why there is none.
fn number_cell(x: Result<f64, &'static str>) -> Html {
    match x {
        Ok(x) => html! { <td class="num">{ thousandths(x) }</td> },
        Err(why) => html! {
            <td class="num undefined" title={why}>{ "—" }<span class="visually-hidden">{ format!(" ({why})") }</span></td>
        },
    }
}
