//! Support code the domain leans on but that is not about annotation: each piece is here because
//! a crate or the standard library's version cost more wasm than it was worth, or because none
//! fits (the table of what we wrote ourselves, with the measured cost of each alternative, ends
//! ARCHITECTURE.md). Pure Rust, no browser crate, tested natively like the model.

/// Lowercasing from a build-time table (`char::to_lowercase` cost 7.0 KB gzip more, measured).
pub mod case;
/// A text with each character replaced, one copy of the loop for every caller.
pub mod chars;
/// A sorted sequence in chunks shared between versions: edits copy one chunk, not the set.
pub mod chunks;
/// CSV (RFC 4180) for the agreement report and the events & claims tables; formula-like fields
/// neutralised in files for spreadsheets. Twenty lines: no crate needed.
pub mod csv;
/// Reading a parsed JSON tree field by field, with the path of what is wrong (derived
/// deserializers for the stored records alone: +11.3 KB gzip).
pub mod json;
/// HTML written as escaped text, for the Compare view's tables and diff (`html!` per element
/// costs code per element).
pub mod markup;
/// A max segment tree over chunks: range queries on the annotation set in O(log n + hits).
pub mod max_ends;
/// Numbers written for people ("10,000"), by integer arithmetic.
pub mod number;
/// One copy of the stable sort, over indices (std's sort at each of 7 callers: +5.7 KB gzip).
pub mod order;
/// `"…"` quoting for messages without the standard library's Debug escaping in the wasm.
pub mod quote;
/// Instants in milliseconds and their ISO 8601 form (a date crate for one format and one parse
/// cost more than ours: humantime +1.9 KB gzip, time +2.4, jiff +43; measured).
pub mod time;
