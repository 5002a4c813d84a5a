use std::rc::Rc;

use yew::prelude::*;

use super::details::{details, DetailsProps};
use super::entry::{short, Entry};
use super::hooks::use_deferred;
use super::state::DocRef;
use crate::edge;
use crate::model::layout::rows;
use crate::model::{Action, AnnotationId, AnnotationSet, LabelId, Labels, Relations};

#[derive(Properties, PartialEq)]
pub struct SidePanelProps {
    pub doc: DocRef,
    pub labels: Rc<Labels>,
    pub annotations: Rc<AnnotationSet>,
    pub selected: Option<AnnotationId>,
    /// What a click on an entry does (in a drawer, it also closes the drawer).
    pub onaction: Callback<Action>,
    /// What the list's keys do: moving through the list keeps a drawer open.
    pub onkeyaction: Callback<Action>,
    /// Opens the Statistics dialog.
    pub onstats: Callback<()>,
    pub relations: Rc<Relations>,
    /// Starts linking from an annotation (the selected one's **Link…**, or R in the list).
    pub onlink: Callback<AnnotationId>,
}

/// Height of one entry with the space below it, in CSS pixels (the stylesheet reads it as
/// `--row`): every entry has this height, so a long list is drawn only where it is seen.
const ROW: u32 = 40;
/// Entries drawn beyond each edge of the visible part of a long list.
const SPARE: usize = 6;

/// Which annotations the list shows, by their places in text order: all of them, or those of
/// one label (found by one pass over the set when the filter or the set changes).
#[derive(PartialEq)]
enum Shown {
    All(usize),
    /// Ascending places in text order.
    Only(Vec<usize>),
}

impl Shown {
    fn len(&self) -> usize {
        match self {
            Shown::All(n) => *n,
            Shown::Only(places) => places.len(),
        }
    }

    /// The place in text order of the list's `row`th entry.
    fn place(&self, row: usize) -> Option<usize> {
        match self {
            Shown::All(n) => (row < *n).then_some(row),
            Shown::Only(places) => places.get(row).copied(),
        }
    }

    /// The row that shows the annotation at `place` in text order, if it is shown.
    fn row_of(&self, place: usize) -> Option<usize> {
        match self {
            Shown::All(n) => (place < *n).then_some(place),
            Shown::Only(places) => places.binary_search(&place).ok(),
        }
    }
}

/// Every annotation in text order (or one label's, picked by its count in the header), with a
/// count per label. The header stays at the top while the list scrolls. The list is a listbox,
/// one Tab stop: ArrowUp/ArrowDown, Home and End select an entry (the text follows, as on a
/// click), Enter brings the selected one into view again, Delete removes it and selects the next,
/// R starts linking it to another. Under the counts, the selected annotation's details: its
/// relations, note and attributes ([`details`]).
/// A long list draws only the entries near its visible part, between padding as tall as the
/// entries it stands for.
#[component]
pub fn SidePanel(props: &SidePanelProps) -> Html {
    let panel_ref = use_node_ref();
    let head_ref = use_node_ref();
    let list_ref = use_node_ref();
    // The visible band of the list below the header, in the list's own pixels.
    let band = use_state_eq(|| (0.0f64, 1_000.0f64));
    // The label whose entries alone are listed, if any (one the document has).
    let filter = use_state_eq(|| None::<LabelId>);
    let filter_on = (*filter).clone().filter(|f| props.labels.get(f).is_some());
    // The list follows the text a frame later, unless the person is working in the list.
    let (annotations, selected) =
        use_deferred((props.annotations.clone(), props.selected.clone()), edge::focus::within(&panel_ref));
    let measure = {
        let (band, panel_ref, head_ref, list_ref) =
            (band.clone(), panel_ref.clone(), head_ref.clone(), list_ref.clone());
        move || {
            if let Some(b) = edge::viewport::band_below(&panel_ref, &head_ref, &list_ref) {
                band.set(b);
            }
        }
    };
    let onscroll = {
        let measure = measure.clone();
        Callback::from(move |_: Event| measure())
    };
    // A new filter changes the list's height: read the band again once it is drawn.
    use_effect_with(filter_on.clone(), move |_| measure());
    let shown = use_memo((annotations.clone(), filter_on.clone()), |(annotations, filter)| match filter {
        None => Shown::All(annotations.len()),
        Some(label) => {
            Shown::Only(annotations.iter().enumerate().filter(|(_, a)| &a.label == label).map(|(i, _)| i).collect())
        }
    });
    let counts = use_memo((props.labels.clone(), annotations.clone()), |(labels, annotations)| {
        let mut counts = vec![0usize; labels.iter().count()];
        for a in annotations.iter() {
            if let Some(n) = counts.get_mut(labels.rank(&a.label)) {
                *n += 1;
            }
        }
        counts
    });
    let current = selected.as_ref().and_then(|id| annotations.position(id)).and_then(|place| shown.row_of(place));
    // Keep the selected entry in view when it was picked in the text, or from the keyboard; after
    // the frame that shows the selection is painted, since it reads layout (a span just tagged is
    // selected, and measuring the panel in the same task cost a 1M-character document's add its
    // frame: p95 28 ms).
    {
        let (panel_ref, head_ref, list_ref) = (panel_ref.clone(), head_ref.clone(), list_ref.clone());
        use_effect_with((selected.clone(), current), move |(_, current)| {
            if let Some(row) = *current {
                let (top, bottom) = (row as f64 * f64::from(ROW), (row + 1) as f64 * f64::from(ROW));
                wasm_bindgen_futures::spawn_local(async move {
                    edge::frame::painted().await;
                    edge::viewport::keep_in_view(&panel_ref, &head_ref, &list_ref, top, bottom);
                });
            }
        });
    }
    let id_at = {
        let (shown, annotations) = (shown.clone(), annotations.clone());
        move |row: usize| shown.place(row).and_then(|p| annotations.iter_from(p).next()).map(|a| a.id.clone())
    };
    let onkeydown = {
        let (shown, onaction, id_at, onlink) =
            (shown.clone(), props.onkeyaction.clone(), id_at.clone(), props.onlink.clone());
        Callback::from(move |e: KeyboardEvent| {
            let last = match shown.len() {
                0 => return,
                n => n - 1,
            };
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let to = match e.key().as_str() {
                "ArrowDown" => current.map_or(0, |r| (r + 1).min(last)),
                "ArrowUp" => current.map_or(0, |r| r.saturating_sub(1)),
                "Home" => 0,
                "End" => last,
                "Enter" => match current {
                    Some(r) => r,
                    None => return,
                },
                "r" | "R" => {
                    if let Some(id) = current.and_then(&id_at) {
                        e.prevent_default();
                        onlink.emit(id);
                    }
                    return;
                }
                "Delete" | "Backspace" => {
                    let Some(row) = current else { return };
                    // Here, not in the page's key handler: the next entry is selected after it.
                    e.prevent_default();
                    e.stop_propagation();
                    let next = if row < last { id_at(row + 1) } else { row.checked_sub(1).and_then(&id_at) };
                    if let Some(id) = id_at(row) {
                        onaction.emit(Action::Remove(id));
                    }
                    if let Some(id) = next {
                        onaction.emit(Action::Select(id));
                    }
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            if let Some(id) = id_at(to) {
                onaction.emit(Action::Select(id));
            }
        })
    };
    let doc = &props.doc.0;
    let count_buttons = props.labels.iter().zip(counts.iter()).map(|(l, n)| {
        let on = filter_on.as_ref() == Some(&l.id);
        let onclick = {
            let (filter, id) = (filter.clone(), l.id.clone());
            Callback::from(move |_: MouseEvent| filter.set((!on).then(|| id.clone())))
        };
        html! {
            <li class="count" style={format!("--hl:{}", l.colour)}>
                <button class="count-toggle" aria-pressed={on.to_string()} title={format!("Show only {}", l.name)} {onclick}>
                    { &l.name }{ " " }<b>{ n }</b>
                </button>
            </li>
        }
    });
    let total = shown.len();
    let drawn = rows(total, f64::from(ROW), band.0, band.1, SPARE);
    let entries = drawn.clone().filter_map(|row| {
        let a = shown.place(row).and_then(|p| annotations.iter_from(p).next())?;
        let label = props.labels.get(&a.label);
        let (quote, marked) = short(doc.slice(a.span));
        Some(html! {
            <Entry
                key={a.id.as_str().to_owned()}
                id={a.id.clone()}
                label={AttrValue::from(label.map_or(a.label.as_str(), |l| l.name.as_str()).to_owned())}
                colour={AttrValue::from(label.map_or("#999999", |l| l.colour.as_str()).to_owned())}
                quote={AttrValue::from(quote)}
                {marked}
                start={a.span.start()}
                end={a.span.end()}
                selected={current == Some(row)}
                place={row + 1}
                of={total}
            />
        })
    });
    // A click on an entry selects it, on its × removes it: one listener for the list's rows.
    let onclick = {
        let onaction = props.onaction.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(el) = e.target_dyn_into::<web_sys::Element>() else { return };
            let Some(id) = el.closest("[data-id]").ok().flatten().and_then(|row| row.get_attribute("data-id")) else {
                return;
            };
            let id = AnnotationId::new(&id);
            if el.closest(".entry-remove").ok().flatten().is_some() {
                e.stop_propagation();
                onaction.emit(Action::Remove(id));
            } else {
                onaction.emit(Action::Select(id));
            }
        })
    };
    // The selected entry, for the listbox's focus, while it is drawn.
    let active = current.filter(|r| drawn.contains(r)).map(|r| format!("entry-{}", r + 1));
    let list_class = classes!("entries", active.is_some().then_some("with-current"));
    // Whole pixels: the stylesheet needs no fractions here, and the wasm no float formatting.
    let px = |rows: usize| rows.saturating_mul(ROW as usize);
    let style = format!("--row:{ROW}px;height:{}px;padding-top:{}px", px(total), px(drawn.start));
    let empty = match (&filter_on, annotations.is_empty()) {
        (_, true) => Some("No annotations yet. Select a phrase in the text and press a label's key.".to_owned()),
        (Some(f), false) if total == 0 => {
            Some(format!("No {} annotations.", props.labels.get(f).map_or(f.as_str(), |l| l.name.as_str())))
        }
        _ => None,
    };
    let list_name = match filter_on.as_ref().and_then(|f| props.labels.get(f)) {
        Some(l) => format!("{} annotations", l.name),
        None => "All annotations".to_owned(),
    };
    html! {
        <aside class="panel" aria-label="Annotations" ref={panel_ref} {onscroll}>
            <div class="panel-head" ref={head_ref}>
                <div class="panel-title">
                    <h2>{ "Annotations " }<span class="total">{ annotations.len() }</span></h2>
                    <button class="mini" onclick={props.onstats.reform(|_: MouseEvent| ())}>{ "Statistics" }</button>
                </div>
                <ul class="counts" aria-label="Show one label only">{ for count_buttons }</ul>
                if let Some(id) = selected.as_ref().filter(|id| annotations.get(id).is_some()) {
                    { details(&DetailsProps {
                        doc: props.doc.clone(),
                        labels: props.labels.clone(),
                        annotations: annotations.clone(),
                        relations: props.relations.clone(),
                        id: id.clone(),
                        onaction: props.onaction.clone(),
                        onlink: props.onlink.clone(),
                    }) }
                }
            </div>
            if let Some(text) = empty {
                <p class="empty">{ text }</p>
            }
            if total > 0 {
                <ol class={list_class} ref={list_ref} {style} role="listbox" tabindex="0" aria-label={list_name}
                    aria-activedescendant={active} aria-keyshortcuts="Delete R" {onkeydown} {onclick}>{ for entries }</ol>
            } else {
                <ol class="entries" ref={list_ref} {style}></ol>
            }
        </aside>
    }
}
