//! The service worker that keeps the app's files (`sw.js`, written by `tools/sw.mjs` after each
//! build): registered only when the page came over http(s), never from a `file:` page (the
//! one-file build), and a newer build announced once its worker has kept every file of it.
//!
//! The worker answers from one build's cache, so index.html and the wasm and JS it names are
//! always of one build; a newer build's worker waits until [`take_update`] asks it to take over
//! (or, in the worker, until the next load of the app's only window).

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    RegistrationOptions, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// The page's service worker container, when the page may have one: served over http(s), in a
/// secure context (a worker needs one: https, or a local address), by a browser that has them.
fn container() -> Option<ServiceWorkerContainer> {
    let window = web_sys::window()?;
    let protocol = window.location().protocol().ok()?;
    if !(protocol == "http:" || protocol == "https:") || !window.is_secure_context() {
        return None;
    }
    js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("serviceWorker")).ok()?.dyn_into().ok()
}

/// Registers `./sw.js` for `./` (relative, so the app may be served from any folder) and calls
/// `onready` when a newer build's worker has kept its files and waits: at once if one waits
/// already, else when one found later is installed. Not on the first install (no older build is
/// running then), nor when the page is not served over http(s). A failed registration leaves
/// the app as it was, working online.
pub fn register(onready: impl Fn() + 'static) {
    let Some(container) = container() else { return };
    let options = RegistrationOptions::new();
    options.set_scope("./");
    let registering = container.register_with_options("./sw.js", &options);
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(registering).await else { return };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        // A newer build matters only to a page an older one controls.
        let onready: Rc<dyn Fn()> = Rc::new(move || {
            if container.controller().is_some() {
                onready();
            }
        });
        if registration.waiting().is_some() {
            onready();
        }
        if let Some(worker) = registration.installing() {
            when_installed(worker, onready.clone());
        }
        // One listener for the life of the page.
        let found = Closure::<dyn Fn()>::new({
            let registration = registration.clone();
            move || {
                if let Some(worker) = registration.installing() {
                    when_installed(worker, onready.clone());
                }
            }
        });
        registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
        found.forget();
    });
}

/// Calls `onready` once `worker` (a newer build's, installing) has kept every file and waits.
fn when_installed(worker: ServiceWorker, onready: Rc<dyn Fn()>) {
    let changed = Closure::<dyn Fn()>::new({
        let worker = worker.clone();
        move || {
            if worker.state() == ServiceWorkerState::Installed {
                onready();
            }
        }
    });
    worker.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
    // A worker installs once: the listener goes with it.
    changed.forget();
}

/// "Reload for the new version": asks the waiting worker to take over, then reloads once it
/// controls the page, so that the reload is the new build whole. Reloads at once when no worker
/// waits (it took over already, from another window).
pub fn take_update() {
    let reload = || {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    let Some(container) = container() else { return reload() };
    spawn_local(async move {
        let waiting = JsFuture::from(container.get_registration())
            .await
            .ok()
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
            .and_then(|r| r.waiting());
        let Some(waiting) = waiting else { return reload() };
        let taken = Closure::once_into_js(reload);
        container.set_oncontrollerchange(Some(taken.unchecked_ref()));
        if waiting.post_message(&JsValue::from_str("skip-waiting")).is_err() {
            reload();
        }
    });
}
