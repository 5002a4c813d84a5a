//! File formats. Each is one adapter: `parse` (text → value, or a named error) and `serialize`
//! (value → text). The model knows nothing of any of them.

pub mod spanmark;
