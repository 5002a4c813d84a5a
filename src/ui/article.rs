use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::arcs::{Arcs, Lights};
use super::hooks::{use_caret, use_drawn_window, use_touch};
use super::link_menu::{link_banner, link_menu, named, open_menu, LinkMenu, Linking};
use super::paragraph::Paragraph;
use super::state::DocRef;
use super::suggestion_marks::Verdict;
use super::text_keys;
use crate::edge;
use crate::edge::selection::Show;
use crate::model::layout::arcs::rise_of;
use crate::model::search::{within, Found};
use crate::model::suggest::Suggestion;
use crate::model::{Action, Annotation, AnnotationId, AnnotationSet, Document, Labels, Relations, Span};

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub doc: DocRef,
    pub labels: Rc<Labels>,
    pub annotations: Rc<AnnotationSet>,
    pub selected: Option<AnnotationId>,
    pub armed: bool,
    /// An annotation to bring into view and flash; the number changes on every request.
    pub flash: Option<(AnnotationId, u32)>,
    /// A find's match to bring into view and show; the number changes on every request.
    pub found: Option<(Span, Show, u32)>,
    /// Every match of the find: those in the drawn paragraphs are highlighted after each draw.
    pub matches: Rc<Found>,
    /// Every span's label is written on the text (else only overlapping and selected spans').
    pub chips_all: bool,
    pub node_ref: NodeRef,
    pub onaction: Callback<Action>,
    /// Suggestions from the person's own tags (in text order), and what is decided about one.
    pub suggestions: Rc<Vec<Suggestion>>,
    pub onsuggest: Callback<Verdict>,
    /// The document's relations, drawn as arcs and stubs over the text.
    pub relations: Rc<Relations>,
    /// The link flow, while a relation is being made from the selected span.
    pub linking: Option<Linking>,
    pub onlinking: Callback<Option<Linking>>,
}

/// What the find's highlights were last made for.
struct Marked {
    doc: Rc<Document>,
    annotations: Rc<AnnotationSet>,
    window: std::ops::Range<usize>,
    matches: Rc<Found>,
}

impl Marked {
    fn same(&self, other: &Marked) -> bool {
        Rc::ptr_eq(&self.doc, &other.doc)
            && Rc::ptr_eq(&self.annotations, &other.annotations)
            && self.window == other.window
            && Rc::ptr_eq(&self.matches, &other.matches)
    }
}

/// At most this many of a find's matches are highlighted in the drawn text at once.
const MAX_MARKED_MATCHES: usize = 2_000;

/// The text, one memoized [`Paragraph`] per line. A document of up to
/// [`WHOLE_MAX_CHARS`](crate::model::layout::WHOLE_MAX_CHARS)
/// is drawn whole (its `<article>`'s `textContent` is exactly the document); a longer one only
/// around the viewport, between two spacers as tall as the paragraphs they stand for.
#[component]
pub fn Article(props: &ArticleProps) -> Html {
    let doc = &props.doc.0;
    let top_ref = use_node_ref();
    let drawn = use_drawn_window(
        props.doc.clone(),
        props.annotations.clone(),
        props.flash.clone(),
        props.found,
        top_ref.clone(),
        props.node_ref.clone(),
    );
    // The arcs' layer, and what is lit on the text (a span's related spans, the target picked).
    let layer = use_node_ref();
    let lights = use_memo((), |_| Lights::default());
    // How many levels each paragraph's connectors stack above the lowest (`ui::arcs` says), for
    // this text: each paragraph draws its own spacing, so a paragraph drawn anew has it at once
    // and the viewport measures it with the rest.
    let rises = use_state_eq(|| (0usize, Rc::new(Vec::<(usize, u32)>::new())));
    let text_id = Rc::as_ptr(&props.doc.0) as usize;
    let current_rises = if rises.0 == text_id { rises.1.clone() } else { Rc::default() };
    let onrise = {
        let rises = rises.setter();
        use_callback(text_id, move |next: Rc<Vec<(usize, u32)>>, text_id| rises.set((*text_id, next)))
    };
    let picking = matches!(props.linking, Some(Linking::Picking { .. }));
    // Where the mouse went down, to tell a click from a drag.
    let down_at = use_mut_ref(|| Cell::new((0, 0)));
    // How many times an IME changed the text: the article is then drawn anew (keyed by it).
    let repairs = use_state_eq(|| 0u32);
    let onrepair = {
        let repairs = repairs.clone();
        Callback::from(move |_: ()| repairs.set(*repairs + 1))
    };
    use_caret(doc.clone(), props.node_ref.clone(), *repairs, onrepair);
    use_touch(doc.clone(), props.node_ref.clone(), *repairs);

    // Whether Tab walks the annotations (see TextKeys::engaged): not when focus just came.
    let engaged = use_memo((), |_| Rc::new(Cell::new(false)));
    let onfocus = {
        let engaged = engaged.clone();
        Callback::from(move |_: FocusEvent| engaged.set(false))
    };
    let onmousedown = {
        let (down_at, onhold) = (down_at.clone(), drawn.onhold.clone());
        Callback::from(move |e: MouseEvent| {
            down_at.borrow().set((e.client_x(), e.client_y()));
            edge::selection::set_precise(e.alt_key());
            onhold.emit(e);
        })
    };
    // Alt pressed or let go during a drag changes what the preview shows.
    let onmousemove = Callback::from(|e: MouseEvent| {
        if e.buttons() != 0 {
            edge::selection::set_precise(e.alt_key());
        }
    });
    // The button comes up: the selection snaps to words (unless Alt or the option says not),
    // and with a label armed it is tagged at once.
    let onmouseup = {
        let (doc, node_ref, onaction, armed) =
            (doc.clone(), props.node_ref.clone(), props.onaction.clone(), props.armed);
        let engaged = engaged.clone();
        Callback::from(move |e: MouseEvent| {
            // After the focus event a mousedown brings: a click engages the text.
            engaged.set(true);
            edge::selection::set_precise(e.alt_key());
            let Some(article) = node_ref.cast::<web_sys::Element>() else { return };
            if edge::selection::snapping() {
                text_keys::snap_selection(&article, &doc);
            }
            if !armed || picking {
                return;
            }
            if let Some(span) = edge::selection::chosen_span(&article, &doc) {
                edge::selection::consume();
                onaction.emit(Action::SelectText(span));
            }
        })
    };
    let onkeydown = {
        let keys = text_keys::TextKeys {
            doc: doc.clone(),
            annotations: props.annotations.clone(),
            selected: props.selected.clone(),
            article: props.node_ref.clone(),
            onreveal: drawn.onreveal.clone(),
            onaction: props.onaction.clone(),
            engaged: (*engaged).clone(),
            labels: props.labels.clone(),
            linking: props.linking.clone(),
            onlinking: props.onlinking.clone(),
            suggestions: props.suggestions.clone(),
            onsuggest: props.onsuggest.clone(),
        };
        Callback::from(move |e: KeyboardEvent| keys.key(&e))
    };
    let onclick = {
        let (onaction, onlinking, linking) = (props.onaction.clone(), props.onlinking.clone(), props.linking.clone());
        Callback::from(move |e: MouseEvent| {
            let (x, y) = down_at.borrow().get();
            if (e.client_x() - x).abs() + (e.client_y() - y).abs() > 3 {
                return; // the end of a drag, not a click
            }
            // Picking a relation's target: a click on another span picks it; elsewhere, nothing.
            if let Some(Linking::Picking { from, .. }) = &linking {
                if let Some(to) = edge::arcs::mark_under(e.target()).filter(|to| to != from) {
                    onlinking.emit(Some(Linking::Choosing { from: from.clone(), to }));
                }
                return;
            }
            let at = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("[data-seg]").ok().flatten())
                .and_then(|el| el.get_attribute("data-seg"))
                .and_then(|s| s.parse::<u32>().ok());
            onaction.emit(at.map_or(Action::Deselect, Action::ClickAt));
        })
    };

    // Hovering a span lights its related spans and its arcs (when the document has relations).
    let onmouseover = {
        let (lights, layer, article, relations) =
            (lights.clone(), layer.clone(), props.node_ref.clone(), props.relations.clone());
        let (selected, candidate) =
            (props.selected.clone(), props.linking.as_ref().and_then(|l| l.candidate().cloned()));
        Callback::from(move |e: MouseEvent| {
            if relations.is_empty() {
                return;
            }
            let under = edge::arcs::mark_under(e.target());
            if *lights.hovered.borrow() != under {
                *lights.hovered.borrow_mut() = under;
                lights.apply(&article, &layer, &relations, selected.as_ref(), candidate.as_ref());
            }
        })
    };
    let onmouseleave = onmouseover.reform(|e: MouseEvent| e);
    // Choosing a type: the menu opened under the target. While picking a target: the focus in
    // the text (Tab and Enter pick there), and the target Tab reached brought into view.
    let menu = use_node_ref();
    {
        let (article, menu) = (props.node_ref.clone(), menu.clone());
        use_effect_with(props.linking.clone(), move |linking| {
            if let Some(Linking::Choosing { to, .. }) = linking {
                open_menu(&menu, &article, to);
            }
            if let Some(Linking::Picking { candidate, .. }) = linking {
                if let Some(el) = article.cast::<web_sys::HtmlElement>() {
                    if !edge::focus::within(&article) {
                        edge::focus::give(&el);
                    }
                    if let Some(id) = candidate {
                        edge::dom::reveal(&el, id);
                    }
                }
            }
        });
    }
    let (window, (above, below)) = (drawn.window, drawn.spacers);
    // After a draw that may have changed the text's nodes (another document, annotations or
    // window) or a new query, every match in the drawn paragraphs highlighted (at most
    // MAX_MARKED_MATCHES, so a one-letter query in a long paragraph stays quick). A render for
    // anything else (a selection, a flash) keeps its text nodes, so the ranges still hold.
    let marked = use_mut_ref(|| None::<Marked>);
    {
        let now = Marked {
            doc: doc.clone(),
            annotations: props.annotations.clone(),
            window: window.clone(),
            matches: props.matches.clone(),
        };
        let node_ref = props.node_ref.clone();
        use_effect(move || {
            if marked.borrow().as_ref().is_some_and(|then| then.same(&now)) {
                return;
            }
            let paragraphs = now.doc.paragraphs();
            let (start, end) = (now.window.start, now.window.end);
            let drawn = match (paragraphs.get(start), end.checked_sub(1).and_then(|i| paragraphs.get(i))) {
                (Some(first), Some(last)) => Span::new(first.content.start(), last.terminator.end()),
                _ => Span::empty(0),
            };
            let shown = within(&now.matches.matches, drawn);
            if let Some(article) = node_ref.cast::<web_sys::Element>() {
                edge::selection::mark_all(&article, &now.doc, &shown[..shown.len().min(MAX_MARKED_MATCHES)]);
            }
            *marked.borrow_mut() = Some(now);
        });
    }
    let contents: Vec<Span> =
        doc.paragraphs().get(window.clone()).unwrap_or_default().iter().map(|p| p.content).collect();
    let per_paragraph = props.annotations.per_range(&contents);
    let paragraphs = per_paragraph.into_iter().zip(window.clone()).map(|(touching, index)| {
        let touching: Vec<Annotation> = touching.into_iter().cloned().collect();
        let selected = props.selected.as_ref().filter(|id| touching.iter().any(|a| &a.id == *id)).cloned();
        let line = doc.paragraphs().get(index).map_or(Span::empty(0), |p| p.content);
        let from = props.suggestions.partition_point(|s| s.span.end() <= line.start());
        let here: Vec<Suggestion> =
            props.suggestions[from..].iter().take_while(|s| s.span.start() < line.end()).cloned().collect();
        let rise = rise_of(&current_rises, index);
        html! {
            <Paragraph
                key={index}
                doc={props.doc.clone()}
                {index}
                {rise}
                labels={props.labels.clone()}
                annotations={Rc::new(touching)}
                {selected}
                suggestions={Rc::new(here)}
                onsuggest={props.onsuggest.clone()}
            />
        }
    });

    let linked = !props.relations.is_empty();
    let banner = match &props.linking {
        Some(Linking::Picking { from, candidate }) => {
            let name = |id| named(&props.labels, &props.annotations, doc, id);
            Some(match candidate {
                None => format!(
                    "Link from {}: click the target span, or Tab to it and press Enter. Esc cancels.",
                    name(from)
                ),
                Some(to) => format!("Target: {}. Enter links it, Tab moves on, Esc cancels.", name(to)),
            })
        }
        _ => None,
    };
    let ondone = {
        let (onlinking, article) = (props.onlinking.clone(), props.node_ref.clone());
        Callback::from(move |_: ()| {
            onlinking.emit(None);
            if let Some(el) = article.cast::<web_sys::HtmlElement>() {
                edge::focus::give(&el);
            }
        })
    };
    html! {
        <>
            <Arcs
                doc={props.doc.clone()}
                labels={props.labels.clone()}
                annotations={props.annotations.clone()}
                relations={props.relations.clone()}
                window={window.clone()}
                chips_all={props.chips_all}
                article={props.node_ref.clone()}
                layer={layer.clone()}
                selected={props.selected.clone()}
                candidate={props.linking.as_ref().and_then(|l| l.candidate().cloned())}
                lights={lights.clone()}
                rises={current_rises.clone()}
                {onrise}
            />
            <div class="text-spacer" ref={top_ref} style={format!("height:{}px", above.round() as i64)} aria-hidden="true"></div>
            // Editable only so that the browser draws and moves a caret (every input refused,
            // see use_caret; no on-screen keyboard); keys.rs reads keys here by `data-caret`.
            <article
                key={*repairs}
                class={classes!("text", props.armed.then_some("armed"), props.chips_all.then_some("chips-all"), doc.blank_separated().then_some("lines"), linked.then_some("linked"), picking.then_some("picking"))}
                ref={props.node_ref.clone()}
                contenteditable="true"
                data-caret="true"
                inputmode="none"
                spellcheck="false"
                autocorrect="off"
                autocapitalize="off"
                aria-label="Document text"
                aria-keyshortcuts="Tab Shift+Tab J K R Delete Enter"
                {onfocus}
                {onmouseover}
                {onmouseleave}
                {onmousedown}
                {onmousemove}
                {onmouseup}
                {onclick}
                {onkeydown}
            >
                { for paragraphs }
            </article>
            <div class="text-spacer" style={format!("height:{}px", below.round() as i64)} aria-hidden="true"></div>
            if let Some(text) = banner {
                { link_banner(text, &ondone) }
            }
            if let Some(Linking::Choosing { from, to }) = &props.linking {
                { link_menu(LinkMenu {
                    labels: &props.labels,
                    annotations: &props.annotations,
                    from,
                    to,
                    menu: &menu,
                    onaction: &props.onaction,
                    ondone: &ondone,
                }) }
            }
        </>
    }
}
