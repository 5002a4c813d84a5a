use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::edge;
use crate::edge::selection::Show;
use crate::model::caret::Caret;
use crate::model::layout::{Metrics, Page, Viewport};
use crate::model::{AnnotationId, AnnotationSet, Document, Span};
use crate::ui::state::DocRef;

/// Something to bring into view.
#[derive(Clone)]
enum Target {
    /// Scrolled to the middle and flashed.
    Annotation(AnnotationId),
    /// Scrolled into view and shown as the find's match or selected.
    Text(Span, Show),
    /// Made the page's selection, its head scrolled into view (a caret moved past the drawn text).
    Caret(Caret),
}

/// The drawn text as the viewport sees it: measured, scrolled and shown through the edge.
/// Kept in a ref that every render refreshes, so listeners read the current annotations.
#[derive(Clone)]
struct Text {
    doc: Rc<Document>,
    annotations: Rc<AnnotationSet>,
    /// The spacer above the article, where the text's own coordinates start.
    top: NodeRef,
    article: NodeRef,
}

impl Page<Target> for Text {
    fn measure(&self) -> Vec<(usize, f64)> {
        edge::viewport::paragraph_heights(&self.article)
    }

    fn band(&self) -> Option<(f64, f64)> {
        edge::viewport::text_band(&self.top, &self.article)
    }

    fn show(&self, target: &Target) -> bool {
        let Some(article) = self.article.cast::<web_sys::Element>() else { return false };
        match target {
            Target::Annotation(id) => edge::dom::reveal(&article, id),
            Target::Text(span, how) => edge::selection::show(&article, &self.doc, *span, *how),
            Target::Caret(caret) => edge::selection::place(&article, &self.doc, *caret, true),
        }
    }

    fn start_of(&self, target: &Target) -> Option<u32> {
        match target {
            Target::Annotation(id) => self.annotations.get(id).map(|a| a.span.start()),
            Target::Text(span, _) => Some(span.start()),
            Target::Caret(caret) => Some(caret.head),
        }
    }

    fn scroll_by(&self, by: f64) {
        edge::viewport::scroll_reader_by(&self.article, by);
    }
}

/// What to draw of the text, as its viewport says.
pub struct DrawnWindow {
    /// The paragraphs to draw.
    pub window: Range<usize>,
    /// The heights of the spacers above and below them, in CSS pixels.
    pub spacers: (f64, f64),
    /// For the text's `mousedown`: a selection may be starting, so the window only grows until
    /// the button comes up.
    pub onhold: Callback<MouseEvent>,
    /// Makes a caret the selection once its head is drawn (drawing it first if it is not).
    pub onreveal: Callback<Caret>,
}

/// The drawn window of a text ([`Viewport`]), fed with what happens: the reader's scroll and
/// the window's size, a mouse button held in the text and let go anywhere, an annotation to
/// `flash` or a `found` match to show (each numbered, so asking again reveals again), and every
/// draw (measured, then the window kept on the view, then the reveal). `top` is the spacer
/// above the `article`; the reader is the article's parent.
#[hook]
pub fn use_drawn_window(
    doc: DocRef,
    annotations: Rc<AnnotationSet>,
    flash: Option<(AnnotationId, u32)>,
    found: Option<(Span, Show, u32)>,
    top: NodeRef,
    article: NodeRef,
) -> DrawnWindow {
    let fresh = || Viewport::new(&doc.0, Metrics::default(), edge::viewport::viewport_height(2_000.0));
    let viewport: Rc<RefCell<Viewport<Target>>> = use_mut_ref(fresh);
    if !viewport.borrow().is_for(&doc.0) {
        *viewport.borrow_mut() = fresh();
    }
    let fresh = Text { doc: doc.0.clone(), annotations, top, article };
    let text = use_mut_ref(|| fresh.clone());
    *text.borrow_mut() = fresh;
    let redraw = use_force_update();

    // Follow the reader's scroll (and the window's size), for as long as the document is open.
    {
        let (viewport, text, redraw) = (viewport.clone(), text.clone(), redraw.clone());
        use_effect_with(doc, move |_| {
            let reader = text.borrow().article.cast::<web_sys::Element>().and_then(|a| a.parent_element());
            let follow = move |_: web_sys::Event| {
                if viewport.borrow_mut().scrolled(&*text.borrow()) {
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
        let viewport = viewport.clone();
        use_effect_with(flash, move |flash| {
            if let Some((id, _)) = flash {
                viewport.borrow_mut().request(Target::Annotation(id.clone()));
            }
        });
    }
    {
        let viewport = viewport.clone();
        use_effect_with(found, move |found| match found {
            Some((span, how, _)) => viewport.borrow_mut().request(Target::Text(*span, *how)),
            None => edge::selection::mark_found(None),
        });
    }
    // After every draw: measure, keep the window on the view, reveal. A draw of the same
    // paragraphs (an edit) is measured once its frame is painted, in one deferred measure
    // however many draws came before it (`Viewport::must_measure_now`).
    {
        let (viewport, text, redraw) = (viewport.clone(), text.clone(), redraw.clone());
        let deferred = use_mut_ref(|| false);
        use_effect(move || {
            let now = viewport.borrow().must_measure_now();
            let measure = move || {
                if viewport.borrow_mut().drawn(&*text.borrow()) {
                    redraw.force_update();
                }
            };
            if now {
                measure();
            } else if !*deferred.borrow() {
                *deferred.borrow_mut() = true;
                wasm_bindgen_futures::spawn_local(async move {
                    edge::frame::painted().await;
                    *deferred.borrow_mut() = false;
                    measure();
                });
            }
        });
    }
    // The button can come up anywhere (outside the text, outside the window): a mouseup, or a
    // move with no button down, ends the hold.
    {
        let viewport = viewport.clone();
        use_effect_with((), move |_| {
            let (up, moved) = (viewport.clone(), viewport);
            let listeners = [
                edge::keys::Listener::on_window("mouseup", move |_| up.borrow_mut().release()),
                edge::keys::Listener::on_window("mousemove", move |e| {
                    if e.dyn_ref::<web_sys::MouseEvent>().is_some_and(|e| e.buttons() == 0) {
                        moved.borrow_mut().release();
                    }
                }),
            ];
            move || drop(listeners)
        });
    }

    let onhold = {
        let viewport = viewport.clone();
        Callback::from(move |_: MouseEvent| viewport.borrow_mut().hold())
    };
    let onreveal = {
        let viewport = viewport.clone();
        Callback::from(move |caret: Caret| {
            viewport.borrow_mut().request(Target::Caret(caret));
            redraw.force_update();
        })
    };
    let v = viewport.borrow();
    DrawnWindow { window: v.window(), spacers: v.spacers(), onhold, onreveal }
}
