//! Two tabs of one browser: only the tab holding the writer lock writes to storage. The lock is
//! the Web Locks API's `spanmark-writer`, held by a promise that resolves only when the tab lets
//! it go (or lost when another tab steals it). The tabs talk over the BroadcastChannel
//! `spanmark`: a tab whose person pressed Use here asks the writer to `release`; the writer
//! turns read-only, lets its autosave finish what waits (at most 10 s: storing 20,000 documents
//! from one file takes some 3.4 s, in slices), stops writing and answers `released`; the asking
//! tab then steals the lock (after the answer, or 12 s without one). The writer keeps the lock
//! until it is stolen (or 15 s pass), so there is no moment when it is free for another tab
//! waiting in line, itself included. A tab without the lock waits in line for it, so it takes
//! over by itself when the writer tab closes.
//!
//! Where the browser has no `navigator.locks` (or refuses it, as on some `file:` pages) every
//! tab is a writer, as before there was a lock. The JavaScript is inline, one small module that
//! keeps the hand-over's steps (797 bytes gzipped): the same steps as Rust futures over a
//! thinner module cost 1.5 KB more of gzipped wasm (measured 2026-12-01); web-sys's
//! `LockManager` would add a Rust closure returning a promise for the lock's life on top.

use wasm_bindgen::prelude::{wasm_bindgen, Closure};
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = "
const NAME = 'spanmark-writer';
let writer = false;
let held = null;
let queued = null;
let pending = false;
let leaving = false;
let taking = false;
let heard = () => {};
let channel = null;
const manager = () => { const l = globalThis.navigator && navigator.locks; return l && typeof l.request === 'function' ? l : null; };
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

function ask(options) {
  const locks = manager();
  if (!locks) return Promise.resolve(true);
  return new Promise((answer) => {
    let got = false;
    let answered = false;
    const say = (v) => { if (!answered) { answered = true; answer(v); } };
    try {
      locks.request(NAME, options, (lock) => {
        if (!lock) { say(false); return undefined; }
        got = true;
        return new Promise((release) => { held = release; say(true); });
      }).then(() => say(false), (e) => {
        if (!got) { say(!options.signal && !(e && e.name === 'AbortError')); return; }
        held = null;
        writer = false;
        heard('leave');
        if (!taking) wait();
      });
    } catch (e) { say(!options.signal); }
  });
}

function granted() { writer = true; taking = false; heard('granted'); }

function wait() {
  if (!manager() || queued) return;
  const mine = new AbortController();
  queued = mine;
  ask({ signal: mine.signal }).then((got) => {
    if (queued === mine) queued = null;
    if (got) granted();
  });
}

export async function claim() { writer = await ask({ ifAvailable: true }); return writer; }
export function holds() { return writer; }
export function saving(p) { pending = p; }
export function release() { writer = false; const r = held; held = null; if (r) r(); }

async function letGo() {
  if (!writer || !held || leaving) return;
  leaving = true;
  heard('leave');
  for (let t = 0; pending && t < 10000; t += 50) await sleep(50);
  writer = false;
  leaving = false;
  channel.postMessage('released');
  setTimeout(() => { if (held && !writer && !taking) { release(); wait(); } }, 15000);
}

export function listen(handler) {
  heard = handler;
  if (typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel('spanmark');
    channel.onmessage = (e) => { if (e.data === 'release') letGo(); };
  }
  if (!writer) wait();
}

async function handOver() {
  try {
    const state = await manager().query();
    if (!state.held.some((l) => l.name === NAME)) return;
  } catch (e) { /* ask anyway */ }
  if (typeof BroadcastChannel !== 'function') return;
  await new Promise((done) => {
    const ask = new BroadcastChannel('spanmark');
    let timer = 0;
    const finish = () => { clearTimeout(timer); ask.close(); done(); };
    timer = setTimeout(finish, 12000);
    ask.onmessage = (e) => { if (e.data === 'released') finish(); };
    ask.postMessage('release');
  });
}

export async function useHere() {
  if (taking || writer) return;
  taking = true;
  if (queued) { queued.abort(); queued = null; }
  await handOver();
  if (await ask({ steal: true })) granted(); else { taking = false; wait(); }
}
")]
extern "C" {
    #[wasm_bindgen(js_name = claim)]
    fn js_claim() -> js_sys::Promise;
    /// Whether this tab holds the writer lock (true where there is no lock to hold).
    pub fn holds() -> bool;
    /// Tells the lock's keeper whether the autosave has writes not yet stored (a writer asked to
    /// let go waits until it has none, at most 10 s).
    pub fn saving(pending: bool);
    /// Lets the writer lock go (nothing if this tab does not hold it).
    pub fn release();
    #[wasm_bindgen(js_name = listen)]
    fn js_listen(handler: &Closure<dyn Fn(String)>);
    /// Use here: asks the writer to let go, then takes the lock; `Heard::Granted` follows.
    #[wasm_bindgen(js_name = useHere)]
    pub fn use_here();
}

/// What the lock and the other tabs tell this one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heard {
    /// This tab no longer writes: another tab asked for the lock (what waited is stored, or
    /// 10 s passed), or took it.
    Leave,
    /// This tab holds the lock now (Use here, or its turn in line came).
    Granted,
}

/// Asks for the writer lock if no tab holds it; true once this tab holds it (or where there is
/// no lock to hold).
pub async fn claim() -> bool {
    JsFuture::from(js_claim()).await.is_ok_and(|held| held.as_bool() == Some(true))
}

/// Hands what the lock and other tabs say to `handler`, for the life of the page (call once);
/// a tab without the lock then waits in line for it.
pub fn listen(handler: impl Fn(Heard) + 'static) {
    let closure = Closure::<dyn Fn(String)>::new(move |what: String| match what.as_str() {
        "leave" => handler(Heard::Leave),
        "granted" => handler(Heard::Granted),
        _ => {}
    });
    js_listen(&closure);
    // The listener lives as long as the page.
    closure.forget();
}
