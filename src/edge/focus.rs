//! Where keyboard focus goes: into a modal dialog and back to what opened it, round a dialog
//! with Tab, and along a menu's items with the arrow keys.

use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, HtmlDialogElement, HtmlElement, KeyboardEvent};

/// What can take focus inside a dialog, in the page's order (disabled controls and hidden file
/// inputs left out).
const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]):not([type=\"hidden\"]):not([tabindex=\"-1\"]), \
                         textarea:not([disabled]), select:not([disabled]), a[href], [tabindex]:not([tabindex=\"-1\"])";

/// The element that has focus now, if it is an element of the page (not `<body>`).
pub fn active() -> Option<HtmlElement> {
    let document = web_sys::window()?.document()?;
    let active = document.active_element()?.dyn_into::<HtmlElement>().ok()?;
    let body: Option<Element> = document.body().map(Into::into);
    (Some(active.clone().into()) != body).then_some(active)
}

/// Whether focus is on `node`'s element or inside it.
pub fn within(node: &yew::NodeRef) -> bool {
    match (node.cast::<Element>(), active()) {
        (Some(element), Some(focused)) => element.contains(Some(&focused)),
        _ => false,
    }
}

/// Gives focus to `element`, when it is still on the page.
pub fn give(element: &HtmlElement) {
    if element.is_connected() {
        let _ = element.focus();
    }
}

/// Gives focus to the first element of the page matching `selector`, if there is one; whether
/// there was.
pub fn give_first(selector: &str) -> bool {
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
    if let Some(found) = &found {
        give(found);
    }
    found.is_some()
}

/// The elements inside `root` that match `selector`, in the page's order.
fn all(root: &Element, selector: &str) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok()).collect()
}

/// Shows `dialog` as a modal (the rest of the page inert behind it) and puts focus on its
/// element marked `autofocus`, else on its first control. Returns what had focus before, for
/// [`close_modal`] to give it back.
pub fn open_modal(dialog: &HtmlDialogElement) -> Option<HtmlElement> {
    let opener = active();
    if !dialog.open() {
        let _ = dialog.show_modal();
    }
    let first = dialog
        .query_selector("[autofocus]")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<HtmlElement>().ok())
        .or_else(|| all(dialog, FOCUSABLE).into_iter().next());
    if let Some(first) = first {
        let _ = first.focus();
    }
    opener
}

/// Closes `dialog` and gives focus back to `opener` (what had it when the dialog opened). When
/// the opener has gone from the page with the dialog's answer (a deleted document's button),
/// focus goes instead to the first element matching `fallback`, once the page has been redrawn.
pub fn close_modal(dialog: &HtmlDialogElement, opener: Option<&HtmlElement>, fallback: Option<&str>) {
    if dialog.open() {
        dialog.close();
    }
    match (opener, fallback) {
        (Some(opener), _) if opener.is_connected() => give(opener),
        (_, Some(selector)) => {
            let selector = selector.to_owned();
            let later = Closure::once_into_js(move || {
                give_first(&selector);
            });
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 0);
            }
        }
        _ => {}
    }
}

/// Keeps Tab inside `dialog`: from its last control Tab goes to the first, from its first
/// Shift+Tab to the last (the browser would otherwise leave the page for its own toolbar).
/// True when it moved the focus (and stopped the browser's move).
pub fn keep_tab_inside(dialog: &Element, event: &KeyboardEvent) -> bool {
    if event.key() != "Tab" {
        return false;
    }
    let controls = all(dialog, FOCUSABLE);
    let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
        event.prevent_default();
        return true;
    };
    let current = active();
    let inside = current.as_ref().is_some_and(|c| controls.contains(c));
    let target = match (event.shift_key(), current) {
        (false, Some(c)) if inside && &c == last => first,
        (true, Some(c)) if inside && &c == first => last,
        _ if !inside => first,
        _ => return false,
    };
    event.prevent_default();
    let _ = target.focus();
    true
}

/// Where focus goes among a menu's items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    First,
    Last,
    Next,
    Previous,
}

impl Step {
    /// The step a key takes inside a menu, as the WAI-ARIA menu pattern has it: the arrows,
    /// Home and End; none for any other key.
    pub fn of_key(key: &str) -> Option<Step> {
        match key {
            "ArrowDown" => Some(Step::Next),
            "ArrowUp" => Some(Step::Previous),
            "Home" => Some(Step::First),
            "End" => Some(Step::Last),
            _ => None,
        }
    }
}

/// The items of a menu (`menuitem`, `menuitemradio`, `menuitemcheckbox`), in order.
fn menu_items(menu: &Element) -> Vec<HtmlElement> {
    all(menu, "[role=\"menuitem\"], [role=\"menuitemradio\"], [role=\"menuitemcheckbox\"]")
}

/// Moves focus among the items of `menu`: to the first or last, or to the next or previous one
/// from the focused item, wrapping round at either end.
pub fn move_in_menu(menu: &Element, step: Step) {
    let items = menu_items(menu);
    if items.is_empty() {
        return;
    }
    let last = items.len() - 1;
    let at = active().and_then(|a| items.iter().position(|i| *i == a));
    let to = match (step, at) {
        (Step::First, _) | (Step::Next, None) => 0,
        (Step::Last, _) | (Step::Previous, None) => last,
        (Step::Next, Some(i)) => {
            if i == last {
                0
            } else {
                i + 1
            }
        }
        (Step::Previous, Some(i)) => {
            if i == 0 {
                last
            } else {
                i - 1
            }
        }
    };
    if let Some(item) = items.get(to) {
        let _ = item.focus();
    }
}
