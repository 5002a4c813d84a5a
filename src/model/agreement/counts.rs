//! Span counts and what they give (precision, recall, F1), and why a figure can be undefined.

use std::fmt;

/// Span matches between a reference annotator `a` and another, `b`: `tp` spans matched, `fp`
/// spans of `b` left unmatched, `fn_` spans of `a` left unmatched.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    /// tp / (tp + fp); none when `b` has no spans.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fp)
    }

    /// tp / (tp + fn); none when `a` has no spans.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// 2·tp / (2·tp + fp + fn), the harmonic mean of precision and recall where both are
    /// defined (0 where one is 0); none when neither annotator has a span.
    pub fn f1(&self) -> Option<f64> {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }

    /// Both counts added.
    pub fn plus(self, other: Counts) -> Counts {
        Counts { tp: self.tp + other.tp, fp: self.fp + other.fp, fn_: self.fn_ + other.fn_ }
    }
}

fn ratio(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// Why a figure has no value (shown as "—" with [`Undefined::reason`]); never reported as 0 or 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undefined {
    /// No annotator has a span (of this label).
    NoSpans,
    /// The text has no word to count.
    NoTokens,
    /// Every token falls in one and the same category for everyone (κ's expected agreement, or
    /// α's expected disagreement, leaves nothing to divide by).
    NoVariation,
    /// α needs at least two annotators.
    TooFewAnnotators,
}

impl Undefined {
    /// The reason in a sentence, for a tooltip beside "—".
    pub fn reason(self) -> &'static str {
        match self {
            Undefined::NoSpans => "Neither annotator has a span here, so there is nothing to compare.",
            Undefined::NoTokens => "The text has no words to compare.",
            Undefined::NoVariation => {
                "Every word falls in the same category for everyone (for example, no one used this label), so chance agreement is total and the figure is undefined."
            }
            Undefined::TooFewAnnotators => "Agreement needs at least two annotators.",
        }
    }

    /// A short stable name, for the CSV.
    pub fn code(self) -> &'static str {
        match self {
            Undefined::NoSpans => "no_spans",
            Undefined::NoTokens => "no_tokens",
            Undefined::NoVariation => "no_variation",
            Undefined::TooFewAnnotators => "too_few_annotators",
        }
    }
}

impl fmt::Display for Undefined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.reason())
    }
}

/// A figure, or why there is none.
pub type Figure = Result<f64, Undefined>;
