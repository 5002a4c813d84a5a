//! Suggestions drawn in the text: a run of a paragraph cut where suggestions start and end,
//! each suggested part a `<mark class="suggest">` (a dotted outline, `styles/suggest.css`)
//! that Tab and a click focus. On a focused suggestion, Enter accepts it with its label, a
//! label's key with that label, and X rejects it. The text itself is unchanged: only elements
//! around it, so the article's `textContent` is still the document.

use std::rc::Rc;

use yew::prelude::*;

use crate::edge::{self, keys::Key};
use crate::model::suggest::Suggestion;
use crate::model::{Document, LabelId, Labels, Span};

/// What was decided about a suggestion: accepted with a label, or rejected (`None`).
pub type Verdict = (Span, Option<LabelId>);

/// The text of `run` with the parts `suggestions` (in text order, not overlapping) cover marked.
pub fn text(
    doc: &Document,
    run: Span,
    suggestions: &[Suggestion],
    labels: &Rc<Labels>,
    on: &Callback<Verdict>,
) -> Html {
    let from = suggestions.partition_point(|s| s.span.end() <= run.start());
    let mut at = run.start();
    let mut parts: Vec<Html> = Vec::new();
    for s in suggestions[from..].iter().take_while(|s| s.span.start() < run.end()) {
        let part = Span::new(s.span.start().max(at), s.span.end().min(run.end()));
        if part.start() > at {
            parts.push(html! { doc.slice(Span::new(at, part.start())).to_owned() });
        }
        parts.push(mark(doc, part, s, labels, on));
        at = part.end();
    }
    if parts.is_empty() {
        return html! { doc.slice(run).to_owned() };
    }
    if at < run.end() {
        parts.push(html! { doc.slice(Span::new(at, run.end())).to_owned() });
    }
    html! { <>{ for parts }</> }
}

fn mark(doc: &Document, part: Span, s: &Suggestion, labels: &Rc<Labels>, on: &Callback<Verdict>) -> Html {
    let name = labels.get(&s.label).map_or(s.label.as_str(), |l| l.name.as_str()).to_owned();
    let colour = labels.get(&s.label).map_or("#999999", |l| l.colour.as_str()).to_owned();
    let onkeydown = {
        let (labels, on, span, label) = (labels.clone(), on.clone(), s.span, s.label.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let verdict = match (e.key().as_str(), edge::keys::read(&e)) {
                ("Enter", _) => Some(label.clone()),
                ("x" | "X", _) => None,
                (_, Some(Key::Label(c))) => match labels.by_hotkey(c) {
                    Some(l) => Some(l.id.clone()),
                    None => return,
                },
                _ => return,
            };
            // The page's own keys (a label's key tags the selection) must not see it too.
            e.prevent_default();
            e.stop_propagation();
            on.emit((span, verdict));
        })
    };
    html! {
        <mark
            class="suggest"
            tabindex="0"
            role="button"
            data-suggest={s.span.start().to_string()}
            data-suggest-label={s.label.as_str().to_owned()}
            style={format!("--hl:{colour}")}
            title={format!("Suggested: {name}. Enter accepts, X rejects")}
            aria-label={format!("Suggested {name}: {}. Enter accepts, X rejects", doc.slice(s.span))}
            {onkeydown}
        >{ doc.slice(part).to_owned() }</mark>
    }
}
