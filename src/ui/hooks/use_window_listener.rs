use yew::prelude::*;

use crate::edge::keys::Listener;

/// Runs `start` once, after the component's first render, and keeps what it returns (a
/// listener, or none) until the component goes. One effect for every such start (the page's
/// listeners, the service worker, the storage watch, launched files): each effect with a
/// closure of its own was a copy of Yew's effect code in the wasm.
#[hook]
pub fn use_start(start: Box<dyn FnOnce() -> Option<Listener>>) {
    use_effect_with((), move |_| {
        let kept = start();
        move || drop(kept)
    });
}

/// A listener on the window for `kind` events, added when the component is first drawn and
/// removed when it goes: the first render's `handler` is the one kept (it reads what changes
/// through refs).
#[hook]
pub fn use_window_listener(kind: &'static str, handler: Box<dyn FnMut(web_sys::Event)>) {
    use_start(Box::new(move || Listener::on_window(kind, handler)));
}
