use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, TouchEvent};
use yew::prelude::*;

use crate::edge;
use crate::edge::keys::Listener;
use crate::edge::touch::{End, Handles};
use crate::model::caret::Caret;
use crate::model::{Document, Span};

/// How long a finger rests on the text before the word under it is selected.
const HOLD_MS: i32 = 450;
/// How far a finger may drift (in CSS pixels, each axis) and still be a long press.
const SLOP_PX: f64 = 10.0;

/// What the fingers are doing.
#[derive(Default)]
struct Touching {
    /// The pending long press's timer, if one is waiting.
    timer: Option<i32>,
    /// Where the finger of the pending or last long press went down (client pixels).
    at: (f64, f64),
    /// The press held: a word was selected, so its touchend and context menu are the app's.
    held: bool,
    /// A handle being dragged: the selection's other end (it stays), and the finger's offset
    /// from the middle of the dragged end's line.
    drag: Option<(u32, (f64, f64))>,
    /// The last pointer to go down was a finger: only then do the handles show.
    by_touch: bool,
}

/// Touch in the text: a long press (held [`HOLD_MS`] without drifting [`SLOP_PX`]) selects the
/// word under the finger (its context menu refused); while a finger made the selection, two
/// handles sit at its ends, and dragging one moves that end to the finger, snapped outward to
/// whole words when [`edge::selection::snapping`]. A label button then tags the selection as
/// after a mouse drag. Listeners are put on each new article element (`drawn_anew` counts them)
/// and read the document through a ref each render refreshes.
#[hook]
pub fn use_touch(doc: Rc<Document>, article: NodeRef, drawn_anew: u32) {
    let current = use_mut_ref(|| doc.clone());
    *current.borrow_mut() = doc;
    use_effect_with(drawn_anew, move |_| {
        let kept = article.cast::<Element>().and_then(|el| listen(el, current));
        move || drop(kept)
    });
}

/// The listeners and the long press's callback, for as long as the article lives.
struct Kept {
    listeners: Vec<Option<Listener>>,
    touch: Rc<Touch>,
    _hold: Closure<dyn FnMut()>,
}

impl Drop for Kept {
    fn drop(&mut self) {
        self.touch.cancel_hold();
        self.listeners.clear();
    }
}

/// The word around `cp`: the one the code point after it belongs to, else the one before.
fn word_at(doc: &Document, cp: u32) -> Option<Span> {
    let after = (cp < doc.len()).then(|| Span::new(cp, cp + 1));
    let before = cp.checked_sub(1).map(|start| Span::new(start, cp));
    after.into_iter().chain(before).find_map(|span| doc.snap_selection(span))
}

/// Everything the listeners share; one handler ([`Touch::on`]) takes every event.
struct Touch {
    article: Element,
    doc: Rc<RefCell<Rc<Document>>>,
    state: RefCell<Touching>,
    handles: RefCell<Handles>,
    /// The long press's callback (owned by [`Kept`]), for `setTimeout`.
    hold: RefCell<Option<js_sys::Function>>,
}

/// The client point of the touch that changed in `e`.
fn point(e: &Event) -> Option<(f64, f64)> {
    e.dyn_ref::<TouchEvent>().and_then(edge::touch::point)
}

impl Touch {
    fn doc(&self) -> Rc<Document> {
        self.doc.borrow().clone()
    }

    fn cancel_hold(&self) {
        if let (Some(timer), Some(window)) = (self.state.borrow_mut().timer.take(), web_sys::window()) {
            window.clear_timeout_with_handle(timer);
        }
    }

    /// The handles follow the selection while a finger made it.
    fn refresh(&self) {
        let show = self.state.borrow().by_touch && edge::selection::selected_span(&self.article, &self.doc()).is_some();
        self.handles.borrow_mut().update(show);
    }

    /// The finger held still: the word under it is selected.
    fn held(&self) {
        let at = {
            let mut s = self.state.borrow_mut();
            s.timer = None;
            s.at
        };
        let doc = self.doc();
        let Some(word) = edge::touch::position_at(&self.article, &doc, at.0, at.1).and_then(|cp| word_at(&doc, cp))
        else {
            return;
        };
        self.state.borrow_mut().held = true;
        edge::selection::place(&self.article, &doc, Caret { anchor: word.start(), head: word.end() }, false);
    }

    fn on(&self, e: &Event) {
        let handle = e.current_target().and_then(|t| self.handles.borrow().end_of(&t));
        match (e.type_().as_str(), handle) {
            ("touchstart", None) => {
                self.cancel_hold();
                let one = e.dyn_ref::<TouchEvent>().is_some_and(|t| t.touches().length() == 1);
                let mut s = self.state.borrow_mut();
                s.held = false;
                if let (true, Some(at), Some(hold), Some(window)) =
                    (one, point(e), self.hold.borrow().as_ref(), web_sys::window())
                {
                    s.at = at;
                    s.timer = window.set_timeout_with_callback_and_timeout_and_arguments_0(hold, HOLD_MS).ok();
                }
            }
            ("touchmove", None) => {
                let at = self.state.borrow().at;
                if point(e).is_some_and(|(x, y)| (x - at.0).abs() > SLOP_PX || (y - at.1).abs() > SLOP_PX) {
                    self.cancel_hold();
                }
            }
            ("touchend" | "touchcancel", None) => {
                self.cancel_hold();
                // No mouse events after a long press: a click would put the caret back.
                if std::mem::take(&mut self.state.borrow_mut().held) {
                    e.prevent_default();
                }
            }
            ("contextmenu", _) if self.state.borrow().held => e.prevent_default(),
            // Which pointer went down last: a mouse or a pen hides the handles.
            ("pointerdown", _) => {
                let kind = js_sys::Reflect::get(e, &"pointerType".into()).ok().and_then(|k| k.as_string());
                self.state.borrow_mut().by_touch = kind.as_deref() == Some("touch");
                self.refresh();
            }
            ("selectionchange" | "scroll" | "resize", _) => self.refresh(),
            ("touchstart", Some(end)) => {
                e.prevent_default();
                let anchor = self.handles.borrow().anchor_of(end);
                let (Some((x, y)), Some((hx, hy)), Some(caret)) =
                    (point(e), anchor, edge::selection::caret(&self.article, &self.doc()))
                else {
                    return;
                };
                let fixed = match end {
                    End::Start => caret.span().end(),
                    End::End => caret.span().start(),
                };
                self.state.borrow_mut().drag = Some((fixed, (x - hx, y - hy)));
            }
            // Dragging a handle moves its end of the selection to the finger.
            ("touchmove", Some(_)) => {
                e.prevent_default();
                let (Some((fixed, (dx, dy))), Some((x, y))) = (self.state.borrow().drag, point(e)) else { return };
                self.drag_to(fixed, x - dx, y - dy);
            }
            ("touchend" | "touchcancel", Some(_)) => self.state.borrow_mut().drag = None,
            _ => {}
        }
    }

    /// The selection from `fixed` to the position at (`x`, `y`), snapped outward to words when
    /// snapping is on.
    fn drag_to(&self, fixed: u32, x: f64, y: f64) {
        let doc = self.doc();
        let Some(cp) = edge::touch::position_at(&self.article, &doc, x, y).filter(|&cp| cp != fixed) else { return };
        let span = Span::new(cp.min(fixed), cp.max(fixed));
        let span = if edge::selection::snapping() { doc.snap_selection(span) } else { Some(span) };
        let Some(span) = span else { return };
        let caret = if cp < fixed {
            Caret { anchor: span.end(), head: span.start() }
        } else {
            Caret { anchor: span.start(), head: span.end() }
        };
        edge::selection::place(&self.article, &doc, caret, false);
    }
}

/// One listener type for every event: each calls [`Touch::on`].
fn handler(touch: &Rc<Touch>) -> impl FnMut(Event) + 'static {
    let touch = touch.clone();
    move |e| touch.on(&e)
}

fn listen(article: Element, doc: Rc<RefCell<Rc<Document>>>) -> Option<Kept> {
    let touch = Rc::new(Touch {
        article: article.clone(),
        doc,
        state: RefCell::new(Touching::default()),
        handles: RefCell::new(Handles::new()?),
        hold: RefCell::new(None),
    });
    let hold = {
        let touch = touch.clone();
        Closure::<dyn FnMut()>::new(move || touch.held())
    };
    *touch.hold.borrow_mut() = Some(hold.as_ref().unchecked_ref::<js_sys::Function>().clone());
    let mut targets: Vec<(EventTarget, &[&'static str])> =
        vec![(article.clone().into(), &["touchstart", "touchmove", "touchend", "touchcancel", "contextmenu"])];
    for (_, element) in touch.handles.borrow().elements() {
        targets.push((element.clone().into(), &["touchstart", "touchmove", "touchend", "touchcancel"]));
    }
    if let Some(document) = article.owner_document() {
        targets.push((document.into(), &["pointerdown", "selectionchange"]));
    }
    // The handles are fixed to the window: they follow the text when it scrolls or reflows.
    if let Some(reader) = article.parent_element() {
        targets.push((reader.into(), &["scroll"]));
    }
    if let Some(window) = web_sys::window() {
        targets.push((window.into(), &["scroll", "resize"]));
    }
    let listeners = targets
        .into_iter()
        .flat_map(|(target, kinds)| kinds.iter().map(move |&kind| (target.clone(), kind)))
        .map(|(target, kind)| Listener::on(target, kind, handler(&touch)))
        .collect();
    Some(Kept { listeners, touch, _hold: hold })
}
