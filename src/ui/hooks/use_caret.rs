use std::rc::Rc;

use yew::prelude::*;

use crate::edge;
use crate::edge::keys::Listener;
use crate::model::Document;

/// The text as a caret's home: it is `contenteditable` only so that the browser draws and moves
/// a caret in it, so every edit is refused (`beforeinput`, and paste, cut, drop and dragging
/// text out). An IME composition cannot be cancelled; when one changes the text anyway
/// (`input`), `repaired` is called and the owner draws the text anew from the model.
///
/// While the selection changes (a drag, Shift+arrows), what a label key would tag (snapped to
/// words when [`edge::selection::snapping`], else exact) is painted as `::highlight(snap)`, in
/// place of the native selection's tint, so it is seen before the button comes up and nothing
/// jumps after. Listeners live as long as the page and read the document through
/// a ref each render refreshes, and are put on each new article element.
#[hook]
pub fn use_caret(doc: Rc<Document>, article: NodeRef, drawn_anew: u32, repaired: Callback<()>) {
    let current = use_mut_ref(|| (doc.clone(), repaired.clone()));
    *current.borrow_mut() = (doc, repaired);
    // Again for each new article element (`drawn_anew` counts them).
    use_effect_with(drawn_anew, move |_| {
        let element = article.cast::<web_sys::Element>();
        let refuse = |e: web_sys::Event| e.prevent_default();
        let mut listeners = Vec::new();
        if let Some(el) = &element {
            for kind in ["beforeinput", "paste", "cut", "drop", "dragstart"] {
                listeners.push(Listener::on(el.clone().into(), kind, refuse));
            }
            let current = current.clone();
            listeners.push(Listener::on(el.clone().into(), "input", move |_| current.borrow().1.emit(())));
        }
        let document = web_sys::window().and_then(|w| w.document());
        if let (Some(document), Some(_)) = (document, &element) {
            listeners.push(Listener::on(document.into(), "selectionchange", move |_| {
                let Some(el) = article.cast::<web_sys::Element>() else { return };
                let doc = current.borrow().0.clone();
                edge::selection::show_snap(&el, &doc);
            }));
        }
        move || drop(listeners)
    });
}
