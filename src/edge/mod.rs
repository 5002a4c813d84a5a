//! The browser edge: everything that touches the DOM, the selection, files and storage lives
//! here, and nowhere else. It turns browser events into plain values for the model
//! (`crate::model`) and carries the model's results back out.

pub mod arcs;
pub mod compare;
pub mod dom;
pub mod download;
pub mod files;
pub mod focus;
pub mod frame;
pub mod keys;
pub mod offline;
pub mod panic;
pub mod persist;
pub mod regex;
pub mod segmenter;
pub mod selection;
pub mod storage;
pub mod tabs;
pub mod theme;
pub mod touch;
pub mod viewport;
