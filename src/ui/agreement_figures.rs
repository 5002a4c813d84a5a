use crate::model::agreement::{Counts, Figure, Figures, Undefined, ALL};
use crate::model::Labels;
use crate::support::markup::Markup;
use crate::support::number::{grouped, thousandths};

/// The Compare view's figures, in their section headed "Figures": Krippendorff's α over all
/// annotators, then for each pair a table (per label and all: exact and overlap precision, recall
/// and F1 with tp/fp/fn, token κ) and its label confusion. Numbers are drawn by integer
/// arithmetic; an undefined one is "—" with its reason as a tooltip and as text for screen
/// readers. Written as markup (`support::markup`): tables without a listener, made once per set
/// of annotators (the Compare view keeps the text with its figures).
pub fn figures_markup(f: &Figures, labels: &Labels) -> String {
    let mut m = Markup::default();
    m.open("section", &[("class", "compare-section"), ("aria-label", "Figures")]).el("h3", &[], "Figures");
    write(&mut m, f, labels);
    m.close("section");
    m.into_string()
}

fn write(m: &mut Markup, f: &Figures, labels: &Labels) {
    let name = |id: &str| label_name(labels, id);
    let keys: Vec<&str> = f.labels.iter().map(String::as_str).chain([ALL]).collect();
    m.open("div", &[("class", "agreement-figures")]);
    m.el("p", &[], &format!("{} annotators, {} tokens.", f.annotators.len(), grouped(f.tokens as u64)));
    m.open("table", &[("class", "figures alpha")]).el("caption", &[], "Krippendorff's α over all annotators");
    m.open("thead", &[]).open("tr", &[]);
    m.el("th", &[("scope", "col")], "Label").el("th", &[("scope", "col"), ("class", "num")], "α");
    m.close("tr").close("thead").open("tbody", &[]);
    for &k in &keys {
        m.open("tr", &[]).el("th", &[("scope", "row")], &name(k));
        figure_cell(m, f.alpha.get(k));
        m.close("tr");
    }
    m.close("tbody").close("table");
    for pair in &f.pairs {
        let (a, b) = (who(f, pair.a), who(f, pair.b));
        let caption = format!("{a} and {b}");
        m.open("section", &[("class", "pair"), ("aria-label", &caption)]).el("h4", &[], &caption);
        let region = format!("Figures of {caption}");
        m.open("div", &[("class", "table-scroll"), ("tabindex", "0"), ("role", "region"), ("aria-label", &region)]);
        m.open("table", &[("class", "figures")]).open("thead", &[]).open("tr", &[]).el("td", &[], "");
        for group in ["Exact", "Overlap"] {
            m.el("th", &[("scope", "colgroup"), ("colspan", "4")], group);
        }
        m.el("td", &[], "").close("tr").open("tr", &[]).el("th", &[("scope", "col")], "Label");
        for h in ["P", "R", "F1", "tp/fp/fn", "P", "R", "F1", "tp/fp/fn"] {
            m.el("th", &[("scope", "col"), ("class", "num")], h);
        }
        m.el("th", &[("scope", "col"), ("class", "num"), ("title", "Cohen's κ over tokens")], "κ");
        m.close("tr").close("thead").open("tbody", &[]);
        for &k in &keys {
            m.open("tr", &[]).el("th", &[("scope", "row")], &name(k));
            counts_cells(m, pair.exact.get(k));
            counts_cells(m, pair.overlap.get(k));
            figure_cell(m, pair.token_kappa.get(k));
            m.close("tr");
        }
        m.close("tbody").close("table").close("div");
        let confused: Vec<_> = pair.confusion.iter().filter(|((x, y), n)| x != y && **n > 0).collect();
        if !confused.is_empty() {
            m.open("table", &[("class", "confusion")]);
            m.el("caption", &[], &format!("Labels swapped: {a}'s label → {b}'s, overlapping spans"));
            m.open("thead", &[]).open("tr", &[]).el("th", &[("scope", "col")], a).el("th", &[("scope", "col")], b);
            m.el("th", &[("scope", "col"), ("class", "num")], "Spans").close("tr").close("thead").open("tbody", &[]);
            for ((x, y), n) in confused {
                m.open("tr", &[]).el("td", &[], &name(x)).el("td", &[], &name(y));
                m.el("td", &[("class", "num")], &grouped(*n as u64)).close("tr");
            }
            m.close("tbody").close("table");
        }
        m.close("section");
    }
    m.close("div");
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
fn counts_cells(m: &mut Markup, counts: Option<&Counts>) {
    let c = counts.copied().unwrap_or_default();
    number_cell(m, c.precision().ok_or("The second annotator has no span here, so precision is undefined."));
    number_cell(m, c.recall().ok_or("The first annotator has no span here, so recall is undefined."));
    number_cell(m, c.f1().ok_or(Undefined::NoSpans.reason()));
    m.el("td", &[("class", "num counts")], &format!("{}/{}/{}", c.tp, c.fp, c.fn_));
}

fn figure_cell(m: &mut Markup, figure: Option<&Figure>) {
    number_cell(
        m,
        match figure {
            Some(Ok(x)) => Ok(*x),
            Some(Err(why)) => Err(why.reason()),
            None => Err(Undefined::NoSpans.reason()),
        },
    );
}

/// A figure to three decimals, or "—" with why there is none.
fn number_cell(m: &mut Markup, x: Result<f64, &'static str>) {
    match x {
        Ok(x) => {
            m.el("td", &[("class", "num")], &thousandths(x));
        }
        Err(why) => {
            m.open("td", &[("class", "num undefined"), ("title", why)]).text("—");
            m.el("span", &[("class", "visually-hidden")], &format!(" ({why})")).close("td");
        }
    }
}
