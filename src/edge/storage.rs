//! Keeping work in the browser: IndexedDB, or localStorage where IndexedDB cannot be opened.
//! The model decides *what* to write (`model::persist::Write`, in order); this module only knows
//! *how*. Each batch of writes is one IndexedDB transaction: all of it is stored, or none.
//!
//! IndexedDB stores (database `spanmark`, version 1), values are the records as plain JS objects
//! (structured values, not text): `meta` (key `"workspace"`), `docs` (key: document id),
//! `snapshots` (key: document id), `ops` (key: `[document id, seq]`, so one key range holds a
//! document's ops in order). Keys are given with each `put` (no key path, no index), so the
//! values' shape never reaches the keys.
//!
//! Records go into JavaScript through `serde_wasm_bindgen::to_value` (their `Serialize` derives;
//! `u64` seqs as numbers, which they stay below 2^53) and come back as JSON text (the browser's
//! `JSON.stringify`) read by each record's field reader (`Record::from_json`), so no record type
//! has a derived deserializer. localStorage holds
//! strings only: there a record is the same JS object as JSON text.

use js_sys::{Array, Promise};
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbKeyRange, IdbRequest, IdbTransaction, IdbTransactionMode};

use crate::model::persist::{DocRecord, OpRecord, Record, SnapshotRecord, Stored, WorkspaceRecord, Write};

/// The object stores; `database()` below creates the same four (it runs before the wasm does).
const STORES: [&str; 4] = ["meta", "docs", "snapshots", "ops"];
const LOCAL_PREFIX: &str = "spanmark.";
/// The largest seq a key can hold exactly (a JS number).
const MAX_SEQ: u64 = (1 << 53) - 1;
/// How long (ms) one task may spend handing records to IndexedDB before the batch waits for the
/// last of them to be stored, so that input and frames run in between. The transaction stays
/// open across the wait: a request is pending, and the batch goes on in that request's success
/// callback (its microtasks), where a transaction is active. 20,000 documents from one file held
/// the page for 3 s in one task before.
const SLICE_MS: f64 = 8.0;

pub enum Store {
    IndexedDb(IdbDatabase),
    Local(web_sys::Storage),
}

/// What reading storage gave: the records, and the number of records it had to skip.
pub struct Loaded {
    pub stored: Stored,
    pub skipped: usize,
}

fn describe(e: JsValue) -> String {
    if let Some(ex) = e.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", ex.name(), ex.message());
    }
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    e.as_string().unwrap_or_else(|| "unknown storage error".to_owned())
}

/// The error an IndexedDB request or transaction failed with.
fn request_error(request: &IdbRequest) -> String {
    match request.error() {
        Ok(Some(ex)) => format!("{}: {}", ex.name(), ex.message()),
        _ => "the browser refused the request".to_owned(),
    }
}

async fn finish(request: &IdbRequest) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    outcome.map_err(|_| request_error(request))?;
    request.result().map_err(describe)
}

async fn committed(tx: &IdbTransaction) -> Result<(), String> {
    let promise = Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
        tx.set_onabort(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    outcome.map(|_| ()).map_err(|_| match tx.error() {
        Some(ex) => format!("{}: {}", ex.name(), ex.message()),
        None => "the browser aborted the save".to_owned(),
    })
}

/// A record as a plain JS object (a `u64` past 2^53 would be an error, not a BigInt).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, String> {
    serde_wasm_bindgen::to_value(value).map_err(|e| e.to_string())
}

/// A record as JSON text, for localStorage: the object `to_js` makes, stringified by the
/// browser (so records have one serializer in the wasm, not a second through `serde_json`).
fn to_json<T: Serialize>(value: &T) -> Result<String, String> {
    let text = js_sys::JSON::stringify(&to_js(value)?).map_err(describe)?;
    text.as_string().ok_or_else(|| "a record could not be written as JSON".to_owned())
}

/// A stored value as a record; `None` when it does not fit (another version, damage). The value
/// is a JS object (what this version and the one before it stored). It is read as JSON text,
/// through the browser's `JSON.stringify` and the one parser the wasm has:
/// `serde_wasm_bindgen::from_value::<serde_json::Value>` did the same in 11.9 KB more gzip and,
/// on a 10,000-annotation snapshot, more time.
fn from_js<T: Record>(value: JsValue) -> Option<T> {
    let json = js_sys::JSON::stringify(&value).ok()?.as_string()?;
    T::from_json(&json).ok()
}

/// Reads an array of records, skipping the ones that do not fit (another version, damage).
fn records<T: Record>(value: JsValue, skipped: &mut usize) -> Vec<T> {
    let Ok(array) = value.dyn_into::<Array>() else { return Vec::new() };
    let mut out = Vec::with_capacity(array.length() as usize);
    for v in array.iter() {
        match from_js(v) {
            Some(record) => out.push(record),
            None => *skipped += 1,
        }
    }
    out
}

fn op_key(doc: &str, seq: u64) -> JsValue {
    Array::of2(&JsValue::from_str(doc), &JsValue::from_f64(seq as f64)).into()
}

/// The ops of `doc` with seq in `0..=upto`.
fn op_range(doc: &str, upto: u64) -> Result<IdbKeyRange, String> {
    IdbKeyRange::bound(&op_key(doc, 0), &op_key(doc, upto)).map_err(describe)
}

impl Store {
    /// Opens IndexedDB; where that fails, localStorage; where that fails too, says why.
    pub async fn open() -> Result<Store, String> {
        match open_indexed_db().await {
            Ok(db) => Ok(Store::IndexedDb(db)),
            Err(idb) => match web_sys::window().map(|w| w.local_storage()) {
                Some(Ok(Some(local))) => {
                    // Check that it takes writes (it may be read-only or full).
                    let probe = format!("{LOCAL_PREFIX}probe");
                    local.set_item(&probe, "1").map_err(|e| format!("{idb}; localStorage: {}", describe(e)))?;
                    let _ = local.remove_item(&probe);
                    Ok(Store::Local(local))
                }
                _ => Err(format!("neither IndexedDB ({idb}) nor localStorage can be used in this browser")),
            },
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Store::IndexedDb(_) => "IndexedDB",
            Store::Local(_) => "localStorage",
        }
    }

    pub async fn load(&self) -> Result<Loaded, String> {
        let mut skipped = 0;
        match self {
            Store::IndexedDb(db) => {
                let names = Array::new();
                for s in STORES {
                    names.push(&JsValue::from_str(s));
                }
                let tx = db.transaction_with_str_sequence(&names).map_err(describe)?;
                let store = |name: &str| tx.object_store(name).map_err(describe);
                let workspace = store("meta")?.get(&JsValue::from_str("workspace")).map_err(describe)?;
                let docs = store("docs")?.get_all().map_err(describe)?;
                let snapshots = store("snapshots")?.get_all().map_err(describe)?;
                let ops = store("ops")?.get_all().map_err(describe)?;
                let workspace = finish(&workspace).await?;
                let workspace: Option<WorkspaceRecord> =
                    if workspace.is_undefined() { None } else { from_js(workspace) };
                let stored = Stored {
                    workspace,
                    docs: records(finish(&docs).await?, &mut skipped),
                    snapshots: records(finish(&snapshots).await?, &mut skipped),
                    ops: records(finish(&ops).await?, &mut skipped),
                };
                Ok(Loaded { stored, skipped })
            }
            Store::Local(local) => {
                let mut stored = Stored::default();
                let len = local.length().map_err(describe)?;
                for i in 0..len {
                    let Ok(Some(key)) = local.key(i) else { continue };
                    let Some(rest) = key.strip_prefix(LOCAL_PREFIX) else { continue };
                    let Ok(Some(json)) = local.get_item(&key) else { continue };
                    let ok = match rest.split_once('.').map_or(rest, |(kind, _)| kind) {
                        "workspace" => WorkspaceRecord::from_json(&json).map(|w| stored.workspace = Some(w)).is_ok(),
                        "doc" => DocRecord::from_json(&json).map(|d| stored.docs.push(d)).is_ok(),
                        "snapshot" => SnapshotRecord::from_json(&json).map(|s| stored.snapshots.push(s)).is_ok(),
                        "op" => OpRecord::from_json(&json).map(|o| stored.ops.push(o)).is_ok(),
                        _ => true,
                    };
                    if !ok {
                        skipped += 1;
                    }
                }
                crate::support::order::sort_by(&mut stored.ops, |a, b| a.seq.cmp(&b.seq));
                Ok(Loaded { stored, skipped })
            }
        }
    }

    /// Stores `writes`, in order, all or nothing (IndexedDB) or in order (localStorage).
    ///
    /// Every batch waits until the frame after the edit has been painted: the write starts in
    /// the same task as the edit, and would otherwise hold that frame back (a whole document or
    /// a snapshot, 10,000 annotations, is a megabyte of JSON, some 13 ms to serialize; even an
    /// op record's conversion, transaction and put cost an add at 1M about half a millisecond).
    /// A long batch is handed over in slices of [`SLICE_MS`], one transaction still.
    pub async fn write(&self, writes: &[Write]) -> Result<(), String> {
        super::frame::painted().await;
        match self {
            Store::IndexedDb(db) => {
                let names = Array::new();
                for s in STORES {
                    names.push(&JsValue::from_str(s));
                }
                let tx = db
                    .transaction_with_str_sequence_and_mode(&names, IdbTransactionMode::Readwrite)
                    .map_err(describe)?;
                let mut slice_start = js_sys::Date::now();
                for w in writes {
                    let request = match w {
                        Write::Workspace(r) => put(&tx, "meta", to_js(r)?, &JsValue::from_str("workspace")),
                        Write::Doc(r) => put(&tx, "docs", to_js(r)?, &JsValue::from_str(&r.id)),
                        Write::DeleteDoc { id } => {
                            let key = JsValue::from_str(id);
                            delete(&tx, "docs", &key)?;
                            delete(&tx, "snapshots", &key)?;
                            delete(&tx, "ops", &op_range(id, MAX_SEQ)?.into())
                        }
                        Write::Op(r) => put(&tx, "ops", to_js(r)?, &op_key(&r.doc, r.seq)),
                        Write::Snapshot(r) => {
                            put(&tx, "snapshots", to_js(r)?, &JsValue::from_str(&r.doc))?;
                            delete(&tx, "ops", &op_range(&r.doc, r.seq)?.into())
                        }
                    }?;
                    if js_sys::Date::now() - slice_start > SLICE_MS {
                        finish(&request).await?;
                        slice_start = js_sys::Date::now();
                    }
                }
                committed(&tx).await
            }
            Store::Local(local) => {
                for w in writes {
                    let result = match w {
                        Write::Workspace(r) => local.set_item(&format!("{LOCAL_PREFIX}workspace"), &to_json(r)?),
                        Write::Doc(r) => local.set_item(&format!("{LOCAL_PREFIX}doc.{}", r.id), &to_json(r)?),
                        Write::DeleteDoc { id } => {
                            remove_local(local, &|key| {
                                key == format!("{LOCAL_PREFIX}doc.{id}")
                                    || key == format!("{LOCAL_PREFIX}snapshot.{id}")
                                    || key.starts_with(&format!("{LOCAL_PREFIX}op.{id}."))
                            });
                            Ok(())
                        }
                        Write::Op(r) => local.set_item(&format!("{LOCAL_PREFIX}op.{}.{}", r.doc, r.seq), &to_json(r)?),
                        Write::Snapshot(r) => {
                            // Stored before the ops it replaces go, so a full store loses nothing.
                            local
                                .set_item(&format!("{LOCAL_PREFIX}snapshot.{}", r.doc), &to_json(r)?)
                                .map_err(describe)?;
                            let prefix = format!("{LOCAL_PREFIX}op.{}.", r.doc);
                            let upto = r.seq;
                            remove_local(local, &|key| {
                                key.strip_prefix(&prefix).and_then(|n| n.parse::<u64>().ok()).is_some_and(|n| n <= upto)
                            });
                            Ok(())
                        }
                    };
                    result.map_err(describe)?;
                }
                Ok(())
            }
        }
    }
}

/// Queues a put of `value` under `key` in the object store `name`.
fn put(tx: &IdbTransaction, name: &str, value: JsValue, key: &JsValue) -> Result<IdbRequest, String> {
    tx.object_store(name).and_then(|store| store.put_with_key(&value, key)).map_err(describe)
}

/// Queues the deletion of `key` (a key or a key range) from the object store `name`.
fn delete(tx: &IdbTransaction, name: &str, key: &JsValue) -> Result<IdbRequest, String> {
    tx.object_store(name).and_then(|store| store.delete(key)).map_err(describe)
}

fn remove_local(local: &web_sys::Storage, doomed: &dyn Fn(&str) -> bool) {
    let len = local.length().unwrap_or(0);
    let mut keys = Vec::new();
    for i in 0..len {
        match local.key(i) {
            Ok(Some(key)) if doomed(&key) => keys.push(key),
            _ => {}
        }
    }
    for key in keys {
        let _ = local.remove_item(&key);
    }
}

// The database is opened as soon as the JS glue loads (this module is imported before the wasm
// is compiled), so that opening it, and creating its stores on a first visit, overlaps the
// compile rather than following it.
#[wasm_bindgen(inline_js = "
const opening = new Promise((resolve, reject) => {
  const request = indexedDB.open('spanmark', 1);
  request.onupgradeneeded = () => {
    for (const name of ['meta', 'docs', 'snapshots', 'ops']) {
      if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name);
    }
  };
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
  request.onblocked = () => reject(new Error('another tab holds an older version of the database open'));
});
opening.catch(() => {});
export function database() { return opening; }
")]
extern "C" {
    /// The database being opened (created with its stores on a first visit).
    #[wasm_bindgen(catch)]
    fn database() -> Result<Promise, JsValue>;
}

async fn open_indexed_db() -> Result<IdbDatabase, String> {
    let opened = JsFuture::from(database().map_err(describe)?).await.map_err(describe)?;
    opened.dyn_into::<IdbDatabase>().map_err(|_| "IndexedDB gave no database".to_owned())
}
