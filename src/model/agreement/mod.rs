//! Inter-annotator agreement (issue 17): several annotators' spans of one text ([`Coder`]), the
//! figures between them ([`figures`]: span precision, recall and F1, exact and by overlap; Cohen's
//! κ over tokens for each pair; Krippendorff's α over all), every distinct span with who has it
//! ([`groups`], the diff), and the report ([`report_json`], [`report_csv`]). Definitions are in
//! `docs/agreement.md`; `tests/check_agreement.py` recomputes the figures with scikit-learn and the
//! `krippendorff` package.
//!
//! The figures per label are [`Keyed`] maps (labels in order, then [`ALL`]); numbers in the
//! report are written by [`decimal`]. Pure: the browser hands over the files' bytes; nothing here
//! reads a clock or the page. Kept small in the wasm: no `HashMap`, `BTreeMap`, serde or float
//! formatting here (each costs kilobytes); measured +11.2 KB gzip for all of it when used.

mod coder;
mod counts;
mod figures;
mod groups;
mod keyed;
mod report;
mod spans;
mod tokens;

pub use coder::{coder_of, read_coder, Coded, Coder};
pub use counts::{Counts, Figure, Undefined};
pub use figures::{figures, Figures, Pair, ALL};
pub use groups::{groups, Group};
pub use keyed::Keyed;
pub use report::{decimal, report_csv, report_json};
pub use tokens::tokens;
