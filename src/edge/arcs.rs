//! The relations drawn over the text: where their ends are (read, all at once, before anything
//! is written), which spans and connectors are lit, and where the menu of relation types opens.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ResizeObserver};

use super::dom::css_string;
use crate::model::layout::arcs::{EndBox, Frame};
use crate::model::AnnotationId;

/// The first mark of annotation `id` in `root` (its first segment's outermost mark).
fn first_mark(root: &Element, id: &AnnotationId) -> Option<Element> {
    root.query_selector(&format!("mark[data-id=\"{}\"]", css_string(id.as_str()))).ok().flatten()
}

/// The first line box of each annotation's first mark in `article`, in the pixels of `layer`
/// (from its top-left corner), with the paragraph it is in; `None` for one not drawn. Reads
/// layout only.
pub fn ends(article: &Element, layer: &Element, ids: &[AnnotationId]) -> Vec<Option<EndBox>> {
    let origin = layer.get_bounding_client_rect();
    ids.iter()
        .map(|id| {
            let mark = first_mark(article, id)?;
            let first = mark.get_client_rects().item(0)?;
            let para = mark.closest("[data-p]").ok()??.get_attribute("data-p")?.parse().ok()?;
            Some(EndBox {
                left: first.left() - origin.left(),
                right: first.right() - origin.left(),
                top: first.top() - origin.top(),
                para,
            })
        })
        .collect()
}

/// Calls its handler whenever an element's box changes size (once too when it starts), until
/// dropped.
pub struct Resized {
    observer: ResizeObserver,
    _handler: Closure<dyn FnMut()>,
}

impl Resized {
    pub fn watch(el: &Element, handler: impl FnMut() + 'static) -> Option<Resized> {
        let handler = Closure::<dyn FnMut()>::new(handler);
        let observer = ResizeObserver::new(handler.as_ref().unchecked_ref()).ok()?;
        observer.observe(el);
        Some(Resized { observer, _handler: handler })
    }
}

impl Drop for Resized {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// The arcs' layer's width, and where `article`'s text column lies across it, in its pixels.
pub fn frame(article: &Element, layer: &Element) -> Frame {
    let (origin, text) = (layer.get_bounding_client_rect(), article.get_bounding_client_rect());
    Frame { width: origin.width(), text: (text.left() - origin.left(), text.right() - origin.left()) }
}

/// Every element in `root` matching `selector`.
fn all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
}

/// Lights what belongs to `focus` (a hovered or selected span): the marks of the spans in
/// `related` (`data-lit` on them) and the connectors in `layer` with `focus` at an end; and the
/// marks of `candidate` (the target being picked for a new relation, `data-candidate`). What was
/// lit before and is not now is put out. Writes attributes only (no layout read).
pub fn light(
    article: &Element,
    layer: Option<&Element>,
    focus: Option<&AnnotationId>,
    related: &[AnnotationId],
    candidate: Option<&AnnotationId>,
) {
    for el in all(article, "mark[data-lit], mark[data-candidate]") {
        let _ = el.remove_attribute("data-lit");
        let _ = el.remove_attribute("data-candidate");
    }
    for id in related {
        for el in all(article, &format!("mark[data-id=\"{}\"]", css_string(id.as_str()))) {
            let _ = el.set_attribute("data-lit", "");
        }
    }
    if let Some(id) = candidate {
        for el in all(article, &format!("mark[data-id=\"{}\"]", css_string(id.as_str()))) {
            let _ = el.set_attribute("data-candidate", "");
        }
    }
    let Some(layer) = layer else { return };
    for el in all(layer, "[data-lit]") {
        let _ = el.remove_attribute("data-lit");
    }
    if let Some(id) = focus {
        let id = css_string(id.as_str());
        for el in all(layer, &format!("g[data-from=\"{id}\"], g[data-to=\"{id}\"]")) {
            let _ = el.set_attribute("data-lit", "");
        }
    }
}

/// The annotation whose mark is under an event's target (the innermost), if any.
pub fn mark_under(target: Option<web_sys::EventTarget>) -> Option<AnnotationId> {
    let el = target?.dyn_into::<Element>().ok()?;
    let mark = el.closest("mark[data-id]").ok()??;
    Some(AnnotationId::new(&mark.get_attribute("data-id")?))
}

/// Places `menu` (fixed-position) just below the first line of annotation `id` in `article`,
/// kept inside the window; it stays where CSS put it when the span is not drawn.
pub fn place_menu(menu: &HtmlElement, article: &Element, id: &AnnotationId) {
    const MARGIN: f64 = 4.0;
    let Some(at) = first_mark(article, id).and_then(|m| m.get_client_rects().item(0)) else { return };
    let Some(window) = web_sys::window() else { return };
    let (w, h) = (
        window.inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(0.0),
        window.inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(0.0),
    );
    let size = menu.get_bounding_client_rect();
    let left = at.left().min(w - size.width() - MARGIN).max(MARGIN);
    // Below the span, or above it where the window ends first.
    let below = at.bottom() + MARGIN;
    let top = if below + size.height() > h { (at.top() - size.height() - MARGIN).max(MARGIN) } else { below };
    // Whole pixels: no float formatting in the wasm.
    let _ = menu.set_attribute("style", &format!("left:{}px;top:{}px", left.round() as i64, top.round() as i64));
}

/// Spaces paragraph `para` of `article` for connectors `levels` above the lowest, as its view
/// draws it (`--rise`; none for 0), ahead of that view's next render: the ends can then be read
/// where they will be. Writes only.
pub fn rise(article: &Element, para: usize, levels: u32) {
    let Ok(Some(p)) = article.query_selector(&format!("[data-p=\"{para}\"]")) else { return };
    let _ = match levels {
        0 => p.remove_attribute("style"),
        n => p.set_attribute("style", &format!("--rise:{n}")),
    };
}
