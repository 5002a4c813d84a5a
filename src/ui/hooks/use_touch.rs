use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, TouchEvent};
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

/// The listeners, the long press's callback and the handles, for as long as the article lives.
struct Kept {
    listeners: Vec<Option<Listener>>,
    state: Rc<RefCell<Touching>>,
    _hold: Closure<dyn FnMut()>,
}

impl Drop for Kept {
    fn drop(&mut self) {
        cancel_hold(&mut self.state.borrow_mut());
        self.listeners.clear();
    }
}

fn cancel_hold(state: &mut Touching) {
    if let (Some(timer), Some(window)) = (state.timer.take(), web_sys::window()) {
        window.clear_timeout_with_handle(timer);
    }
}

/// The word around `cp`: the one the code point after it belongs to, else the one before.
fn word_at(doc: &Document, cp: u32) -> Option<Span> {
    let after = (cp < doc.len()).then(|| Span::new(cp, cp + 1));
    let before = cp.checked_sub(1).map(|start| Span::new(start, cp));
    after.into_iter().chain(before).find_map(|span| doc.snap_selection(span))
}

fn listen(article: Element, doc: Rc<RefCell<Rc<Document>>>) -> Option<Kept> {
    let window = web_sys::window()?;
    let handles = Rc::new(RefCell::new(Handles::new()?));
    let state = Rc::new(RefCell::new(Touching::default()));
    // The handles follow the selection while a finger made it.
    let refresh: Rc<dyn Fn()> = {
        let (article, doc, state, handles) = (article.clone(), doc.clone(), state.clone(), handles.clone());
        Rc::new(move || {
            let show = state.borrow().by_touch && edge::selection::selected_span(&article, &doc.borrow()).is_some();
            handles.borrow_mut().update(show);
        })
    };
    let hold = {
        let (article, doc, state) = (article.clone(), doc.clone(), state.clone());
        Closure::<dyn FnMut()>::new(move || {
            let at = {
                let mut s = state.borrow_mut();
                s.timer = None;
                s.at
            };
            let doc = doc.borrow().clone();
            let Some(word) = edge::touch::position_at(&article, &doc, at.0, at.1).and_then(|cp| word_at(&doc, cp))
            else {
                return;
            };
            state.borrow_mut().held = true;
            edge::selection::place(&article, &doc, Caret { anchor: word.start(), head: word.end() }, false);
        })
    };
    let hold_fn: js_sys::Function = hold.as_ref().unchecked_ref::<js_sys::Function>().clone();
    let touch = |e: &Event| e.dyn_ref::<TouchEvent>().and_then(edge::touch::point);
    let target: web_sys::EventTarget = article.clone().into();
    let mut listeners = Vec::new();

    listeners.push(Listener::on(target.clone(), "touchstart", {
        let state = state.clone();
        move |e| {
            let mut s = state.borrow_mut();
            cancel_hold(&mut s);
            s.held = false;
            let one = e.dyn_ref::<TouchEvent>().is_some_and(|t| t.touches().length() == 1);
            if let (true, Some(at)) = (one, touch(&e)) {
                s.at = at;
                s.timer = window.set_timeout_with_callback_and_timeout_and_arguments_0(&hold_fn, HOLD_MS).ok();
            }
        }
    }));
    listeners.push(Listener::on(target.clone(), "touchmove", {
        let state = state.clone();
        move |e| {
            let mut s = state.borrow_mut();
            if let Some((x, y)) = touch(&e) {
                if (x - s.at.0).abs() > SLOP_PX || (y - s.at.1).abs() > SLOP_PX {
                    cancel_hold(&mut s);
                }
            }
        }
    }));
    for kind in ["touchend", "touchcancel"] {
        let state = state.clone();
        listeners.push(Listener::on(target.clone(), kind, move |e| {
            let mut s = state.borrow_mut();
            cancel_hold(&mut s);
            // No mouse events after a long press: a click would put the caret back.
            if std::mem::take(&mut s.held) {
                e.prevent_default();
            }
        }));
    }
    listeners.push(Listener::on(target.clone(), "contextmenu", {
        let state = state.clone();
        move |e| {
            if state.borrow().held {
                e.prevent_default();
            }
        }
    }));

    // Which pointer went down last: a mouse or a pen hides the handles.
    if let Some(document) = article.owner_document() {
        let (state, again) = (state.clone(), refresh.clone());
        listeners.push(Listener::on(document.clone().into(), "pointerdown", move |e| {
            let kind = js_sys::Reflect::get(&e, &"pointerType".into()).ok().and_then(|k| k.as_string());
            state.borrow_mut().by_touch = kind.as_deref() == Some("touch");
            again();
        }));
        let refresh = refresh.clone();
        listeners.push(Listener::on(document.into(), "selectionchange", move |_| refresh()));
    }
    if let Some(reader) = article.parent_element() {
        let refresh = refresh.clone();
        listeners.push(Listener::on(reader.into(), "scroll", move |_| refresh()));
    }

    // Dragging a handle moves its end of the selection to the finger.
    let elements: Vec<(End, web_sys::EventTarget)> =
        handles.borrow().elements().iter().map(|(end, el)| (*end, (*el).clone().into())).collect();
    for (end, element) in elements {
        let (article_, doc_, state_, handles_) = (article.clone(), doc.clone(), state.clone(), handles.clone());
        listeners.push(Listener::on(element.clone(), "touchstart", move |e| {
            e.prevent_default();
            let doc = doc_.borrow().clone();
            let (Some((x, y)), Some((hx, hy)), Some(caret)) =
                (touch(&e), handles_.borrow().anchor_of(end), edge::selection::caret(&article_, &doc))
            else {
                return;
            };
            let fixed = match end {
                End::Start => caret.span().end(),
                End::End => caret.span().start(),
            };
            state_.borrow_mut().drag = Some((fixed, (x - hx, y - hy)));
        }));
        let (article_, doc_, state_) = (article.clone(), doc.clone(), state.clone());
        listeners.push(Listener::on(element.clone(), "touchmove", move |e| {
            e.prevent_default();
            let doc = doc_.borrow().clone();
            let (Some((fixed, (dx, dy))), Some((x, y))) = (state_.borrow().drag, touch(&e)) else { return };
            let Some(cp) = edge::touch::position_at(&article_, &doc, x - dx, y - dy).filter(|&cp| cp != fixed) else {
                return;
            };
            let span = Span::new(cp.min(fixed), cp.max(fixed));
            let span = if edge::selection::snapping() { doc.snap_selection(span) } else { Some(span) };
            let Some(span) = span else { return };
            let caret = if cp < fixed {
                Caret { anchor: span.end(), head: span.start() }
            } else {
                Caret { anchor: span.start(), head: span.end() }
            };
            edge::selection::place(&article_, &doc, caret, false);
        }));
        for kind in ["touchend", "touchcancel"] {
            let state = state.clone();
            listeners.push(Listener::on(element.clone(), kind, move |_| state.borrow_mut().drag = None));
        }
    }
    Some(Kept { listeners, state, _hold: hold })
}
