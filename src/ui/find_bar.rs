use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::annotate_all_dialog::AnnotateAllDialog;
use super::hooks::{use_suggestions, use_window_listener};
use super::state::DocRef;
use super::suggest_bar::suggest_bar;
use crate::edge;
use crate::edge::selection::Show;
use crate::model::layout::{marks, Heights, Mark, Metrics};
use crate::model::search::{search, Found, Query};
use crate::model::suggest::Suggestion;
use crate::model::{Action, AnnotationSet, LabelId, Labels, Span};

#[derive(Properties, PartialEq)]
pub struct FindBarProps {
    pub doc: DocRef,
    /// The match to show (drawn, scrolled to, then marked or selected in the text); `None`
    /// when there is none.
    pub onfound: Callback<Option<(Span, Show)>>,
    /// Every match of the current query (all of them highlighted in the drawn text).
    pub onmatches: Callback<Rc<Found>>,
    /// Whether every span's label is written on the text, and the checkbox that changes it.
    pub chips_all: bool,
    pub onchips: Callback<Event>,
    /// For Annotate all and the suggestions.
    pub labels: Rc<Labels>,
    pub annotations: Rc<AnnotationSet>,
    pub onaction: Callback<Action>,
    /// Mentions rejected as suggestions, and every suggestion shown (see `hooks::use_suggestions`).
    pub rejected: Rc<Vec<Span>>,
    pub onsuggestions: Callback<Rc<Vec<Suggestion>>>,
    /// More view options, drawn after the bar's own (the text's: snapping, the shortcuts).
    #[prop_or_default]
    pub children: Html,
}

/// How many rows the strip beside the scrollbar is cut into: at most this many marks.
const STRIP_ROWS: usize = 400;

/// The app's own find, over the whole document (a long one is drawn only in part, so the
/// browser's find cannot see all of it). Ctrl+F comes here. Enter / Shift+Enter step through the
/// matches, the current one marked strongly in the text and every other lightly; Escape
/// selects the current one, so 1–4 then tags it. Beside the reader's scrollbar a strip marks
/// where the matches are in the whole text (from the model's estimated heights: a long text is
/// drawn only near the viewport); a click on a mark shows that match. The bar also holds the
/// view option that writes every span's label on the text.
///
/// Toggles make the query a regular expression, match case, or whole words only; a regular
/// expression that cannot be read says why in the count's place and keeps the last matches.
/// **Annotate all** with the chosen label opens a preview of every match (`AnnotateAllDialog`).
/// Below, the suggestions' toggle and rows (`suggest_bar`).
#[component]
pub fn FindBar(props: &FindBarProps) -> Html {
    let input_ref = use_node_ref();
    let query = use_state(Query::default);
    let current = use_state(|| 0usize);
    let searched: Rc<Result<Rc<Found>, String>> =
        use_memo((props.doc.clone(), (*query).clone()), |(doc, query)| search(doc.0.text(), query).map(Rc::new));
    // A bad regular expression keeps the last matches: the error is shown, nothing else changes.
    let last = use_mut_ref(|| Rc::new(Found::default()));
    if let Ok(found) = &*searched {
        *last.borrow_mut() = found.clone();
    }
    let found: Rc<Found> = last.borrow().clone();
    let error = searched.as_ref().as_ref().err().cloned();
    let all_label = use_state(|| props.labels.iter().next().map(|l| l.id.clone()));
    let preview = use_state_eq(|| None::<LabelId>);
    let more = use_state_eq(bool::default);
    let (suggest_on, onsuggest, suggested) = use_suggestions(
        props.doc.clone(),
        props.annotations.clone(),
        props.rejected.clone(),
        props.onsuggestions.clone(),
    );

    // Ctrl+F / Cmd+F: here, not the browser's find.
    {
        let input_ref = input_ref.clone();
        use_window_listener(
            "keydown",
            Box::new(move |event| {
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                if edge::keys::is_find(event) {
                    if let Some(input) = input_ref.cast::<web_sys::HtmlInputElement>() {
                        event.prevent_default();
                        let _ = input.focus();
                        input.select();
                    }
                }
            }),
        );
    }

    let show = {
        let (found, current, onfound) = (found.clone(), current.clone(), props.onfound.clone());
        move |index: usize| {
            if let Some(&span) = found.matches.get(index) {
                current.set(index);
                onfound.emit(Some((span, Show::Mark)));
            }
        }
    };
    let step = {
        let (found, current, show) = (found.clone(), current.clone(), show.clone());
        move |forward: bool| {
            let n = found.matches.len();
            if n > 0 {
                show(if forward { (*current + 1) % n } else { (*current + n - 1) % n });
            }
        }
    };
    let oninput = {
        let (query, current) = (query.clone(), current.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                current.set(0);
                query.set(Query { text: input.value(), ..(*query).clone() });
            }
        })
    };
    // A new query shows its first match.
    {
        let (show, onfound, onmatches) = (show.clone(), props.onfound.clone(), props.onmatches.clone());
        use_effect_with(found.clone(), move |found| {
            onmatches.emit(found.clone());
            if found.matches.is_empty() {
                onfound.emit(None);
            } else {
                show(0);
            }
        });
    }
    let onkeydown = {
        let (step, input_ref, onfound) = (step.clone(), input_ref.clone(), props.onfound.clone());
        let here = found.matches.get(*current).copied();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                e.prevent_default();
                step(!e.shift_key());
            }
            "Escape" => {
                // Back to the text, with the match selected for a label key; the query stays
                // (a search field's own Escape would empty it behind the count's back).
                e.prevent_default();
                if let Some(input) = input_ref.cast::<web_sys::HtmlElement>() {
                    let _ = input.blur();
                }
                onfound.emit(here.map(|span| (span, Show::Select)));
                e.stop_propagation();
            }
            _ => {}
        })
    };
    let status = match (&error, found.matches.len(), query.text.is_empty()) {
        (Some(error), _, _) => error.clone(),
        (_, _, true) => String::new(),
        (_, 0, false) => "No matches".to_owned(),
        (_, n, false) => format!("{} of {}{}", *current + 1, n, if found.truncated { "+" } else { "" }),
    };
    // A toggle's button: the query with that option flipped.
    let toggle = |text: &'static str, name: &'static str, pressed: bool, flip: fn(&mut Query)| {
        let (query, current) = (query.clone(), current.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            let mut q = (*query).clone();
            flip(&mut q);
            current.set(0);
            query.set(q);
        });
        html! {
            <button class="tool small find-toggle" aria-pressed={pressed.to_string()} title={name} aria-label={name} {onclick}>{ text }</button>
        }
    };
    let onlabel = {
        let all_label = all_label.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                all_label.set(Some(LabelId::new(&select.value())));
            }
        })
    };
    let chosen = (*all_label)
        .clone()
        .filter(|l| props.labels.get(l).is_some())
        .or_else(|| props.labels.iter().next().map(|l| l.id.clone()));
    let onannotate = {
        let (preview, chosen) = (preview.clone(), chosen.clone());
        Callback::from(move |_: MouseEvent| preview.set(chosen.clone()))
    };
    // The arrows' buttons: one closure type for both.
    let stepper = |forward: bool| {
        let step = step.clone();
        Callback::from(move |_: MouseEvent| step(forward))
    };
    // Where the marks go: worked out once per document and query, not on every render.
    let shown: Rc<Vec<Mark>> = use_memo((props.doc.clone(), found.clone()), |(doc, found)| {
        if found.matches.is_empty() {
            return Vec::new();
        }
        marks(&doc.0, &Heights::estimate(&doc.0, Metrics::default()), &found.matches, STRIP_ROWS)
    });
    // The strip is always there (hidden without matches): a sibling that came and went would
    // make Yew redraw the bar, and the find box lose the focus as it is typed in.
    let strip = {
        let here = *current;
        let last = found.matches.len();
        let items: Vec<Html> = shown
            .iter()
            .enumerate()
            .map(|(k, mark)| {
                // The mark stands for its first match up to the next mark's.
                let until = shown.get(k + 1).map_or(last, |m| m.first);
                let current = (mark.first..until).contains(&here);
                let (show, first) = (show.clone(), mark.first);
                // Thousandths of a percent, written as integers: formatting an f64 would bring
                // the float printer into the bundle (some 12 KB gzip).
                let at = (mark.at.clamp(0.0, 1.0) * 100_000.0).round() as u32;
                html! {
                    <span
                        class={classes!("find-mark", current.then_some("current"))}
                        style={format!("top:{}.{:03}%", at / 1000, at % 1000)}
                        onclick={Callback::from(move |_: MouseEvent| show(first))}
                    ></span>
                }
            })
            .collect();
        html! { <div class="find-strip" aria-hidden="true" hidden={items.is_empty()}>{ for items }</div> }
    };
    // On a phone the options fold behind one button, so that the text keeps the height.
    let onmore = {
        let more = more.clone();
        Callback::from(move |_: MouseEvent| more.set(!*more))
    };
    html! {
        <>
        <div class={classes!("find", more.then_some("more-open"))} role="search">
            <input
                ref={input_ref}
                type="search"
                class="find-input"
                placeholder="Find in text (Ctrl+F)"
                aria-label="Find in text"
                value={query.text.clone()}
                {oninput}
                {onkeydown}
            />
            <button class="tool small" onclick={stepper(false)} disabled={found.matches.is_empty()} title="Previous match (Shift+Enter)" aria-label="Previous match">{ "↑" }</button>
            <button class="tool small" onclick={stepper(true)} disabled={found.matches.is_empty()} title="Next match (Enter)" aria-label="Next match">{ "↓" }</button>
            <span class={classes!("find-count", error.is_some().then_some("find-error"))} role="status" aria-live="polite">{ status }</span>
            <button class="tool small find-more" aria-expanded={more.to_string()} aria-controls="find-options" onclick={onmore}>{ "Options" }</button>
            <span class="find-options" id="find-options">
            { toggle(".*", "Regular expression", query.regex, |q| q.regex = !q.regex) }
            { toggle("Aa", "Match case", query.case, |q| q.case = !q.case) }
            { toggle("W", "Whole words", query.whole, |q| q.whole = !q.whole) }
            <span class="find-all">
                <select class="find-label" aria-label="Label for Annotate all" onchange={onlabel}>
                    { for props.labels.iter().map(|l| html! {
                        <option value={l.id.as_str().to_owned()} selected={chosen.as_ref() == Some(&l.id)}>{ l.name.clone() }</option>
                    }) }
                </select>
                <button class="tool small" onclick={onannotate} disabled={found.matches.is_empty() || error.is_some()} title="Tag every match with this label, after a preview">{ "Annotate all…" }</button>
            </span>
            <label class="find-option" title="Write every span's label on the text; otherwise only nested, crossing and selected spans show theirs">
                <input type="checkbox" checked={props.chips_all} onchange={props.onchips.clone()} />
                { "All labels on text" }
            </label>
            { suggest_bar(suggest_on, onsuggest, &suggested, &props.labels, &props.onaction) }
            { props.children.clone() }
            </span>
        </div>
        { strip }
        if let Some(label) = (*preview).clone() {
            <AnnotateAllDialog
                doc={props.doc.clone()}
                labels={props.labels.clone()}
                annotations={props.annotations.clone()}
                {label}
                matches={Rc::new(found.matches.clone())}
                onaction={props.onaction.clone()}
                onclose={{ let preview = preview.clone(); Callback::from(move |_: ()| preview.set(None)) }}
            />
        }
        </>
    }
}
