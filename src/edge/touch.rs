//! Touch in the text: where a finger is (a document position), and the two handles that drag a
//! selection's ends. The handles are `<div class="touch-handle">`s in `<body>`, outside the
//! article (whose `textContent` stays exactly the document), `position: fixed` at the
//! selection's first and last character boxes, and hidden from assistive technology (the
//! keyboard extends a selection with Shift and the arrows).

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, Range, TouchEvent};

use crate::model::Document;

/// The client position of the touch that changed in `event` (the first of them).
pub fn point(event: &TouchEvent) -> Option<(f64, f64)> {
    let touch = event.changed_touches().get(0)?;
    Some((f64::from(touch.client_x()), f64::from(touch.client_y())))
}

/// The document position nearest the client point (`x`, `y`), when it is in the drawn text of
/// `article` (`document.caretRangeFromPoint`).
pub fn position_at(article: &Element, doc: &Document, x: f64, y: f64) -> Option<u32> {
    use js_sys::{Function, Reflect};
    let document: JsValue = article.owner_document()?.into();
    let find = Reflect::get(&document, &"caretRangeFromPoint".into()).ok()?.dyn_into::<Function>().ok()?;
    let range: Range = find.call2(&document, &x.into(), &y.into()).ok()?.dyn_into().ok()?;
    let node = range.start_container().ok()?;
    if !article.contains(Some(&node)) || &node == AsRef::<web_sys::Node>::as_ref(article) {
        return None;
    }
    super::selection::point_to_cp(article, doc, &node, range.start_offset().ok()?)
}

/// Which end of the selection a handle drags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    Start,
    End,
}

/// The two handles. Invariant: `at` holds where each handle's end was last drawn (x, and the
/// middle of its line, in client pixels), or `None` while the handles are hidden.
pub struct Handles {
    start: HtmlElement,
    end: HtmlElement,
    at: Option<[(f64, f64, f64); 2]>,
}

impl Handles {
    /// Two hidden handles added to `<body>`; they leave it when dropped.
    pub fn new() -> Option<Handles> {
        let document = web_sys::window()?.document()?;
        let body = document.body()?;
        let make = |end: &str| -> Option<HtmlElement> {
            let el: HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
            el.set_class_name("touch-handle");
            el.set_attribute("data-end", end).ok()?;
            el.set_attribute("aria-hidden", "true").ok()?;
            el.set_hidden(true);
            body.append_child(&el).ok()?;
            Some(el)
        };
        Some(Handles { start: make("start")?, end: make("end")?, at: None })
    }

    /// The handle elements, to listen on.
    pub fn elements(&self) -> [(End, &HtmlElement); 2] {
        [(End::Start, &self.start), (End::End, &self.end)]
    }

    /// Which end `target` drags, when it is one of the handles.
    pub fn end_of(&self, target: &web_sys::EventTarget) -> Option<End> {
        self.elements()
            .into_iter()
            .find(|(_, el)| AsRef::<web_sys::EventTarget>::as_ref(*el) == target)
            .map(|(end, _)| end)
    }

    /// Where `end`'s handle was last drawn: (x, the middle of its line), or `None` when hidden.
    pub fn anchor_of(&self, end: End) -> Option<(f64, f64)> {
        self.at.map(|at| at[end as usize]).map(|(x, middle, _)| (x, middle))
    }

    /// Puts the handles at the ends of the page's selection, or hides them when `show` is false
    /// or the selection is collapsed, gone, or has an end that draws no box.
    pub fn update(&mut self, show: bool) {
        self.at = if show { ends() } else { None };
        for (i, (_, el)) in self.elements().into_iter().enumerate() {
            match self.at {
                Some(at) => {
                    let (x, _, bottom) = at[i];
                    let place = format!("left:{}px;top:{}px", x.round() as i64, bottom.round() as i64);
                    let _ = el.set_attribute("style", &place);
                    show_only_if(el, true);
                }
                None => show_only_if(el, false),
            }
        }
    }
}

/// Shows or hides a handle, touching the element only when that changes it (setting `hidden`
/// again restyles it, on every selection change of a mouse user too).
fn show_only_if(el: &HtmlElement, shown: bool) {
    if el.hidden() == shown {
        el.set_hidden(!shown);
    }
}

impl Drop for Handles {
    fn drop(&mut self) {
        self.start.remove();
        self.end.remove();
    }
}

/// The selection's start and end as (x, the middle and the bottom of the line) in client pixels.
fn ends() -> Option<[(f64, f64, f64); 2]> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.range_count() == 0 || selection.is_collapsed() {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let at = |to_start: bool| -> Option<(f64, f64, f64)> {
        let edge = range.clone_range();
        edge.collapse_with_to_start(to_start);
        let rect = edge.get_bounding_client_rect();
        (rect.height() > 0.0).then(|| (rect.x(), rect.y() + rect.height() / 2.0, rect.bottom()))
    };
    Some([at(true)?, at(false)?])
}
