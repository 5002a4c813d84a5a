//! spanmark: a text annotator that runs entirely in the browser.
//!
//! - [`model`]: pure Rust, no browser crate; tested natively.
//! - [`support`]: pure Rust the model leans on (sorting, lowercasing, JSON fields, quoting, shared chunks).
//! - `edge` (wasm only): the one place that touches the DOM, the selection and files.
//! - `ui` (wasm only): Yew components, a thin view over the model.

pub mod model;
pub mod support;

#[cfg(target_arch = "wasm32")]
pub mod edge;
#[cfg(target_arch = "wasm32")]
pub mod ui;
