use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::paragraph::Paragraph;
use super::state::DocRef;
use crate::edge;
use crate::edge::selection::Show;
use crate::model::layout::{self, Heights, Metrics, WHOLE_MAX_CHARS};
use crate::model::{Action, Annotation, AnnotationId, AnnotationSet, Document, Labels, Span};

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
    pub node_ref: NodeRef,
    pub onaction: Callback<Action>,
}

/// Which part of the document is drawn, and the heights that place it.
struct View {
    doc: Rc<Document>,
    heights: Heights,
    /// The paragraphs in the DOM: all of a short document, the viewport ± a screen of a long one
    /// (just the viewport until the first scroll).
    window: Range<usize>,
    whole: bool,
    /// While a mouse button is down in the text (a selection being dragged), the window only
    /// grows: the paragraph where the selection started stays in the DOM however far it goes.
    held: bool,
    /// What to reveal once its paragraph is drawn, and how many draws it has waited.
    reveal: Option<(Target, u8)>,
}

/// Something to bring into view.
#[derive(Clone)]
enum Target {
    /// Scrolled to the middle and flashed.
    Annotation(AnnotationId),
    /// Scrolled into view and shown as the find's match or selected.
    Text(Span, Show),
}

impl View {
    fn new(doc: &Rc<Document>) -> View {
        let heights = Heights::estimate(doc, Metrics::default());
        let whole = doc.len() <= WHOLE_MAX_CHARS;
        // A new text is first drawn only as far as the viewport reaches: the first screen
        // paints sooner, and the first scroll draws the screens around it, as any scroll past
        // the window does.
        let window = if whole { 0..heights.len() } else { heights.touching(0.0, edge::dom::viewport_height(2_000.0)) };
        View { doc: doc.clone(), heights, window, whole, held: false, reveal: None }
    }
}

/// The text, one memoized [`Paragraph`] per line. A document of up to [`WHOLE_MAX_CHARS`]
/// is drawn whole (its `<article>`'s `textContent` is exactly the document); a longer one only
/// around the viewport, between two spacers as tall as the paragraphs they stand for.
#[component]
pub fn Article(props: &ArticleProps) -> Html {
    let doc = &props.doc.0;
    let view = use_mut_ref(|| View::new(doc));
    if !Rc::ptr_eq(&view.borrow().doc, doc) {
        *view.borrow_mut() = View::new(doc);
    }
    let redraw = use_force_update();
    let top_ref = use_node_ref();
    // Where the mouse went down, to tell a click from a drag.
    let down_at = use_mut_ref(|| Cell::new((0, 0)));

    // Follow the scroll position (and the window's size) with the drawn window.
    {
        let (view, top_ref, node_ref, redraw) = (view.clone(), top_ref.clone(), props.node_ref.clone(), redraw.clone());
        use_effect_with(props.doc.clone(), move |_| {
            let reader = node_ref.cast::<web_sys::Element>().and_then(|a| a.parent_element());
            let follow = move |_: web_sys::Event| {
                if follow_scroll(&view, &top_ref, &node_ref) {
                    redraw.force_update();
                }
            };
            let listeners = reader.map(|r| {
                [
                    edge::keys::Listener::on(r.into(), "scroll", follow.clone()),
                    edge::keys::Listener::on_window("resize", follow),
                ]
            });
            move || drop(listeners)
        });
    }
    // A requested annotation or match: drawn first if it is off the window, then revealed.
    {
        let view = view.clone();
        use_effect_with(props.flash.clone(), move |flash| {
            if let Some((id, _)) = flash {
                view.borrow_mut().reveal = Some((Target::Annotation(id.clone()), 0));
            }
        });
    }
    {
        let view = view.clone();
        use_effect_with(props.found, move |found| match found {
            Some((span, how, _)) => view.borrow_mut().reveal = Some((Target::Text(*span, *how), 0)),
            None => edge::selection::mark_found(None),
        });
    }
    // After every draw: measure what was drawn, keep the window on the viewport, reveal.
    {
        let (view, top_ref, node_ref, annotations) =
            (view.clone(), top_ref.clone(), props.node_ref.clone(), props.annotations.clone());
        use_effect(move || {
            if after_draw(&view, &top_ref, &node_ref, &annotations) {
                redraw.force_update();
            }
        });
    }

    // The button can come up anywhere (outside the text, outside the window): a mouseup, or a
    // move with no button down, ends the hold.
    {
        let view = view.clone();
        use_effect_with((), move |_| {
            let (up, moved) = (view.clone(), view);
            let listeners = [
                edge::keys::Listener::on_window("mouseup", move |_| up.borrow_mut().held = false),
                edge::keys::Listener::on_window("mousemove", move |e| {
                    if e.dyn_ref::<web_sys::MouseEvent>().is_some_and(|e| e.buttons() == 0) {
                        moved.borrow_mut().held = false;
                    }
                }),
            ];
            move || drop(listeners)
        });
    }
    let onmousedown = {
        let (down_at, view) = (down_at.clone(), view.clone());
        Callback::from(move |e: MouseEvent| {
            view.borrow_mut().held = true;
            down_at.borrow().set((e.client_x(), e.client_y()));
        })
    };
    let onmouseup = {
        let (doc, node_ref, onaction, armed) =
            (doc.clone(), props.node_ref.clone(), props.onaction.clone(), props.armed);
        Callback::from(move |_: MouseEvent| {
            if !armed {
                return;
            }
            let Some(article) = node_ref.cast::<web_sys::Element>() else { return };
            if let Some(span) = edge::selection::selected_span(&article, &doc) {
                edge::selection::clear();
                onaction.emit(Action::SelectText(span));
            }
        })
    };
    let onclick = {
        let onaction = props.onaction.clone();
        Callback::from(move |e: MouseEvent| {
            let (x, y) = down_at.borrow().get();
            if (e.client_x() - x).abs() + (e.client_y() - y).abs() > 3 {
                return; // the end of a drag, not a click
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

    let view = view.borrow();
    let window = view.window.clone();
    let (above, below) = (view.heights.top(window.start), view.heights.total() - view.heights.top(window.end));
    let drawn = doc.paragraphs().get(window.clone()).unwrap_or_default();
    let contents: Vec<Span> = drawn.iter().map(|p| p.content).collect();
    let per_paragraph = props.annotations.per_range(&contents);
    let paragraphs = per_paragraph.into_iter().zip(window.clone()).map(|(touching, index)| {
        let touching: Vec<Annotation> = touching.into_iter().cloned().collect();
        let selected = props.selected.as_ref().filter(|id| touching.iter().any(|a| &a.id == *id)).cloned();
        html! {
            <Paragraph
                key={index}
                doc={props.doc.clone()}
                {index}
                labels={props.labels.clone()}
                annotations={Rc::new(touching)}
                {selected}
            />
        }
    });

    html! {
        <>
            <div class="text-spacer" ref={top_ref} style={format!("height:{}px", above.round() as i64)} aria-hidden="true"></div>
            <article
                class={classes!("text", props.armed.then_some("armed"))}
                ref={props.node_ref.clone()}
                aria-label="Document text"
                {onmousedown}
                {onmouseup}
                {onclick}
            >
                { for paragraphs }
            </article>
            <div class="text-spacer" style={format!("height:{}px", below.round() as i64)} aria-hidden="true"></div>
        </>
    }
}

/// The band of the text (in the text's own coordinates, from the top of paragraph 0, where the
/// top spacer starts) that the scrolling reader shows.
fn visible_band(top_ref: &NodeRef, node_ref: &NodeRef) -> Option<(f64, f64)> {
    let reader = node_ref.cast::<web_sys::Element>()?.parent_element()?;
    Some(edge::dom::band_of(&reader, &top_ref.cast::<web_sys::Element>()?))
}

/// Moves the window to the viewport when the viewport left it; true when it moved.
fn follow_scroll(view: &Rc<RefCell<View>>, top_ref: &NodeRef, node_ref: &NodeRef) -> bool {
    let mut view = view.borrow_mut();
    if view.whole {
        return false;
    }
    let Some((from, to)) = visible_band(top_ref, node_ref) else { return false };
    let mut window = layout::window(&view.heights, &view.window, from, to, to - from);
    if view.held {
        window = window.start.min(view.window.start)..window.end.max(view.window.end);
    }
    let moved = window != view.window;
    view.window = window;
    moved
}

/// Measures the drawn paragraphs, moves the window if the measurements moved the viewport off
/// it, and reveals a requested annotation (drawing its paragraph first). True when the article
/// must be drawn again.
fn after_draw(view: &Rc<RefCell<View>>, top_ref: &NodeRef, node_ref: &NodeRef, annotations: &AnnotationSet) -> bool {
    let Some(article) = node_ref.cast::<web_sys::Element>() else { return false };
    let mut again = false;
    let whole = view.borrow().whole;
    if !whole {
        let children = article.children();
        let mut v = view.borrow_mut();
        for i in 0..children.length() {
            let Some(p) = children.item(i) else { continue };
            let Some(index) = edge::selection::index_of(&p) else { continue };
            again |= v.heights.measure(index, p.get_bounding_client_rect().height());
        }
    }
    again |= follow_scroll(view, top_ref, node_ref);
    let Some((target, waited)) = view.borrow().reveal.clone() else { return again };
    let doc = view.borrow().doc.clone();
    let shown = match &target {
        Target::Annotation(id) => edge::dom::reveal(&article, id),
        Target::Text(span, how) => edge::selection::show(&article, &doc, *span, *how),
    };
    let mut v = view.borrow_mut();
    if shown {
        v.reveal = None;
        return again;
    }
    // Not drawn: draw the paragraphs around it and scroll near it; the next draw reveals it.
    v.reveal = Some((target.clone(), waited.saturating_add(1)));
    let start = match &target {
        Target::Annotation(id) => annotations.get(id).map(|a| a.span.start()),
        Target::Text(span, _) => Some(span.start()),
    };
    let (Some(start), true) = (start, waited < 2) else {
        v.reveal = None;
        return again;
    };
    let index = v.doc.paragraph_at(start);
    let (Some((from, to)), Some(reader)) = (visible_band(top_ref, node_ref), article.parent_element()) else {
        v.reveal = None;
        return again;
    };
    let (y, height) = (v.heights.top(index), to - from);
    v.window = v.heights.touching(y - height, y + height);
    reader.set_scroll_top((f64::from(reader.scroll_top()) + (y - from) - height / 2.0) as i32);
    true
}
