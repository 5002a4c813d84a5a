//! The service worker that keeps the app's files (`sw.js`, written by `tools/sw.mjs` after each
//! build), and the files an installed app is opened with.
//!
//! The worker is registered only when the page came over http(s), never from a `file:` page
//! (the one-file build). It answers from one build's cache, so index.html and the wasm and JS it
//! names are always of one build; a newer build's worker, once it has kept every file, waits
//! until [`take_update`] asks it to take over (or, in the worker, until the next load of the
//! app's only window), and the page is told.
//!
//! The browser calls are a few lines of JavaScript below: written with web-sys (a closure per
//! event, a future per promise) the same behaviour cost 4.3 KB of the gzipped wasm, measured
//! 2026-12-01.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::File;

#[wasm_bindgen(inline_js = "
export function watch(onready) {
  const sw = navigator.serviceWorker;
  if (!sw) return;
  const installed = (worker) =>
    worker.addEventListener('statechange', () => worker.state === 'installed' && sw.controller && onready());
  // Once the page is idle: the worker's fetches of every file come after the app's own.
  const start = () => sw.register('./sw.js', { scope: './' }).then((registration) => {
    if (registration.waiting && sw.controller) onready();
    if (registration.installing) installed(registration.installing);
    registration.addEventListener('updatefound', () => registration.installing && installed(registration.installing));
  }, () => {});
  self.requestIdleCallback ? requestIdleCallback(start, { timeout: 2000 }) : setTimeout(start, 500);
}
export function take() {
  const sw = navigator.serviceWorker;
  const reload = () => location.reload();
  if (!sw) return reload();
  sw.getRegistration().then((registration) => {
    const waiting = registration && registration.waiting;
    if (!waiting) return reload();
    sw.addEventListener('controllerchange', reload);
    waiting.postMessage('skip-waiting');
  }, reload);
}
export function launched(open) {
  if (!self.launchQueue) return;
  launchQueue.setConsumer(async (params) => {
    const files = [];
    for (const handle of params.files || []) {
      try { files.push(await handle.getFile()); } catch {}
    }
    if (files.length) open(files);
  });
}")]
extern "C" {
    /// Registers `./sw.js` for `./` once the page is idle (2 s at most), and calls `onready` when
    /// a newer build's worker has kept its
    /// files and waits, while an older build controls the page: at once if one waits already,
    /// else when one found later is installed. A failed registration is left alone (the app
    /// works online as before).
    fn watch(onready: JsValue);
    /// Asks the waiting worker to take over, and reloads once it controls the page (at once
    /// when none waits).
    fn take();
    /// Hands `open` the files of each launch (`window.launchQueue`, where the browser has it).
    fn launched(open: JsValue);
}

/// Registers the service worker (relative `./sw.js`, scope `./`: the app may be served from any
/// folder) when the page came over http(s) in a secure context, and calls `onready` when a
/// newer build is kept and waits. Not on the first install: no older build is running then.
pub fn register(onready: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let protocol = window.location().protocol().unwrap_or_default();
    if (protocol == "http:" || protocol == "https:") && window.is_secure_context() {
        // One listener for the life of the page.
        watch(Closure::<dyn Fn()>::new(onready).into_js_value());
    }
}

/// "Reload for the new version": the waiting worker takes over, then the page reloads as the
/// new build whole.
pub fn take_update() {
    take();
}

/// Calls `open` with the files the installed app is opened with (the manifest's
/// `file_handlers`: `.txt`, `.spanmark.json`), for the first launch and any later one the
/// browser sends to this window. Nothing happens where the browser has no `launchQueue`.
pub fn on_launch(open: impl Fn(Vec<File>) + 'static) {
    let consumer = Closure::<dyn Fn(js_sys::Array)>::new(move |files: js_sys::Array| {
        open(files.iter().filter_map(|f| f.dyn_into().ok()).collect())
    });
    launched(consumer.into_js_value());
}
