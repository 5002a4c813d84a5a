//! Window-level listeners that live as long as a value.

use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Event, EventTarget, KeyboardEvent};

/// A listener on an event target (the window, a scrolling element), removed when dropped.
pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    closure: Closure<dyn FnMut(Event)>,
}

impl Listener {
    pub fn on_window(kind: &'static str, handler: impl FnMut(Event) + 'static) -> Option<Listener> {
        Listener::on(web_sys::window()?.into(), kind, handler)
    }

    pub fn on(target: EventTarget, kind: &'static str, handler: impl FnMut(Event) + 'static) -> Option<Listener> {
        let closure = Closure::<dyn FnMut(Event)>::new(handler);
        target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref()).ok()?;
        Some(Listener { target, kind, closure })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(self.kind, self.closure.as_ref().unchecked_ref());
    }
}

/// Ctrl+F or Cmd+F: the app's find.
pub fn is_find(event: &KeyboardEvent) -> bool {
    (event.ctrl_key() || event.meta_key())
        && !event.alt_key()
        && !event.shift_key()
        && event.key().eq_ignore_ascii_case("f")
}

/// What a key press means to the editor, before it knows the editor's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Label(char),
    Escape,
    Delete,
    Undo,
    Redo,
    /// `?`: the list of every shortcut.
    Help,
}

/// Reads a key press; `None` for keys the editor leaves alone (and any key typed into a field,
/// a dialog or a menu). The text (`[contenteditable][data-caret]`, editable only so that the
/// browser draws and moves a caret in it; every input refused) is no field: its keys are read.
pub fn read(event: &KeyboardEvent) -> Option<Key> {
    let typing = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || el.closest("[contenteditable]:not([data-caret])").ok().flatten().is_some()
            // A dialog or a menu has the keys while it has the focus.
            || el.closest("dialog, [role=\"menu\"]").ok().flatten().is_some()
    });
    if typing {
        return None;
    }
    let key = event.key();
    let command = event.ctrl_key() || event.meta_key();
    if command && !event.alt_key() {
        return match key.to_ascii_lowercase().as_str() {
            "z" if event.shift_key() => Some(Key::Redo),
            "z" => Some(Key::Undo),
            "y" => Some(Key::Redo),
            _ => None,
        };
    }
    if event.alt_key() {
        return None;
    }
    match key.as_str() {
        "Escape" => Some(Key::Escape),
        "?" => Some(Key::Help),
        "Delete" | "Backspace" => Some(Key::Delete),
        _ => {
            let mut chars = key.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if !c.is_whitespace() => Some(Key::Label(c)),
                _ => None,
            }
        }
    }
}
