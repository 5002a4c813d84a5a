//! The Compare view's diff as markup (`support::markup`): the text's window with every shown
//! span marked, and the rows of the disagreements list. Nothing here listens: the diff's one
//! click listener reads `data-i` (the item) and `data-v` (a for accept, x for reject).

use crate::model::adjudication::{Adjudication, Verdict};
use crate::model::{Document, Labels, Span};
use crate::support::markup::{self, Markup};
use crate::support::number::grouped;
use crate::support::order::sort_by;

use super::agreement_figures::label_name;

/// The window `[ws, we)` of `doc`'s text, paragraph by paragraph, marking the items `visible`
/// (those shown that overlap it), `cur` ringed.
pub fn text(
    doc: &Document,
    adj: &Adjudication,
    labels: &Labels,
    visible: &[usize],
    cur: Option<usize>,
    (ws, we): (u32, u32),
) -> String {
    let mut m = Markup::default();
    if ws > 0 || we < doc.len() {
        let note = format!(
            "Characters {}–{} of {}",
            grouped(u64::from(ws)),
            grouped(u64::from(we)),
            grouped(u64::from(doc.len()))
        );
        m.el("p", &[("class", "diff-window")], &note);
    }
    for p in doc.paragraphs().iter().filter(|p| p.content.start() < we && p.content.end() >= ws) {
        let (start, end) = (p.content.start().max(ws), p.content.end().min(we));
        m.open("p", &[]);
        write_runs(&mut m, doc, adj, labels, visible, cur, Span::new(start, end.max(start)));
        m.close("p");
    }
    m.into_string()
}

/// The list's rows for the disputed items `rows`, numbered from `from + 1`: each a button that
/// picks it (its quote and who had it) and Accept and Reject, pressed as decided.
pub fn list(
    doc: &Document,
    adj: &Adjudication,
    labels: &Labels,
    rows: &[usize],
    from: usize,
    cur: Option<usize>,
) -> String {
    let mut m = Markup::default();
    m.open("ol", &[("start", &(from + 1).to_string())]);
    for &i in rows {
        let item = &adj.items[i];
        let quote: String = doc.slice(item.span).chars().take(60).collect();
        let n = i.to_string();
        m.open("li", &[(if cur == Some(i) { "class" } else { "" }, "current")]);
        m.open("button", &[("class", "link"), ("data-i", &n)]);
        m.el("span", &[("class", "quote")], &quote).el("span", &[("class", "who")], &describe(adj, labels, i));
        m.close("button");
        for (verdict, text, v) in [(Verdict::Accept, "Accept", "a"), (Verdict::Reject, "Reject", "x")] {
            let pressed = if item.verdict == Some(verdict) { "true" } else { "false" };
            m.el(
                "button",
                &[
                    ("class", "mini"),
                    ("data-i", &n),
                    ("data-v", v),
                    ("aria-pressed", pressed),
                    ("aria-keyshortcuts", v),
                ],
                text,
            );
        }
        m.close("li");
    }
    m.close("ol");
    m.into_string()
}

/// The runs of `range` (one paragraph's part in the window): plain text, or a mark for the spans
/// of `visible` covering it, styled by the fewest annotators any of them has, coloured by the
/// innermost one's label, every one described in its title.
fn write_runs(
    m: &mut Markup,
    doc: &Document,
    adj: &Adjudication,
    labels: &Labels,
    visible: &[usize],
    cur: Option<usize>,
    range: Span,
) {
    let mut cuts = vec![range.start(), range.end()];
    for &i in visible {
        let s = adj.items[i].span;
        cuts.extend([s.start(), s.end()].into_iter().filter(|&c| c > range.start() && c < range.end()));
    }
    sort_by(&mut cuts, u32::cmp);
    cuts.dedup();
    for w in cuts.windows(2) {
        let run = Span::new(w[0], w[1]);
        let over: Vec<usize> = visible.iter().copied().filter(|&i| adj.items[i].span.contains_span(run)).collect();
        let Some(&inner) = over.iter().min_by_key(|&&i| adj.items[i].span.len()) else {
            m.text(doc.slice(run));
            continue;
        };
        let least = over.iter().map(|&i| adj.items[i].group.by.len()).min().unwrap_or(0);
        let mut class = String::from(if least >= adj.coders {
            "dg by-all"
        } else if least == 1 {
            "dg by-one"
        } else {
            "dg by-some"
        });
        if cur.is_some_and(|c| over.contains(&c)) {
            class.push_str(" current");
        }
        if over.iter().all(|&i| adj.items[i].verdict == Some(Verdict::Reject)) {
            class.push_str(" rejected");
        }
        let colour = labels.by_id(&adj.items[inner].label).map_or("#999999", |l| markup::colour(&l.colour));
        let title = over.iter().map(|&i| describe(adj, labels, i)).collect::<Vec<_>>().join("\n");
        let style = format!("--hl:{colour}");
        let n = inner.to_string();
        m.el("mark", &[("class", &class), ("style", &style), ("title", &title), ("data-i", &n)], doc.slice(run));
    }
}

/// "Claim, by ana, ben (2 of 3): accepted".
fn describe(adj: &Adjudication, labels: &Labels, i: usize) -> String {
    let item = &adj.items[i];
    let names: Vec<&str> = item.group.by.iter().filter_map(|&c| adj.names.get(c).map(String::as_str)).collect();
    let fixed = if item.label != item.group.label {
        format!(" → {}", label_name(labels, &item.label))
    } else {
        String::new()
    };
    let state = match item.verdict {
        Some(Verdict::Accept) => ": accepted",
        Some(Verdict::Reject) => ": rejected",
        None => "",
    };
    format!(
        "{}{fixed}, by {} ({} of {}){state}",
        label_name(labels, &item.group.label),
        names.join(", "),
        item.group.by.len(),
        adj.coders
    )
}
