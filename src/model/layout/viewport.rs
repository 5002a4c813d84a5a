//! Which paragraphs of a text are drawn: the one state machine behind the article's window.
//!
//! The view feeds it events (a scroll, a mouse button held or let go, a request to reveal
//! something, a draw finished) and asks it what to draw ([`Viewport::window`],
//! [`Viewport::spacers`]). What it needs of the page (measuring, the visible band, showing a
//! target, scrolling) it asks through [`Page`], always reading before writing: after a draw it
//! measures, then reads the band, then tries the reveal, and scrolls last.

use std::ops::Range;
use std::rc::Rc;

use super::heights::{Heights, Metrics};
use super::{window, WHOLE_MAX_CHARS};
use crate::model::document::Document;

/// How many draws a reveal waits for its target to be drawn before it is dropped.
const MAX_WAITS: u8 = 2;

/// What the viewport asks of the page the text is drawn on (the browser edge, or a test's
/// fake). Bands and heights are in the text's own pixels, from the top of paragraph 0.
pub trait Page<T> {
    /// The drawn paragraphs' heights as laid out: `(index, height)`.
    fn measure(&self) -> Vec<(usize, f64)>;
    /// The band of the text the reader shows, `(top, bottom)`; `None` until it is drawn.
    fn band(&self) -> Option<(f64, f64)>;
    /// Shows `target` if it is drawn (scrolling it into view); false when it is not.
    fn show(&self, target: &T) -> bool;
    /// Where `target` starts, in code points; `None` when it is gone.
    fn start_of(&self, target: &T) -> Option<u32>;
    /// Scrolls the reader by `by` pixels (down when positive).
    fn scroll_by(&self, by: f64);
}

/// The drawn part of one document and the heights that place it. `T` is what a reveal brings
/// into view (the view's own type: an annotation, a find's match).
pub struct Viewport<T> {
    doc: Rc<Document>,
    heights: Heights,
    /// The paragraphs in the DOM, consecutive: every one of a short document; of a long one,
    /// the viewport ± a screen (just the viewport until the first scroll).
    window: Range<usize>,
    /// A document of up to [`WHOLE_MAX_CHARS`] is drawn whole: its window is every paragraph
    /// and never moves, and nothing of it is measured.
    whole: bool,
    /// While a mouse button is down in the text (a selection being dragged), the window only
    /// grows: the paragraph where the selection started stays in the DOM however far it goes.
    held: bool,
    /// What to reveal once its paragraph is drawn, and how many draws it has waited.
    reveal: Option<(T, u8)>,
    /// The window as last measured; `None` before the first measure.
    measured: Option<Range<usize>>,
}

impl<T> Viewport<T> {
    /// `doc` at its estimated heights. A long one is first drawn only as far as a `screen`
    /// reaches: the first screen paints sooner, and the first scroll draws the screens around
    /// it, as any scroll past the window does.
    pub fn new(doc: &Rc<Document>, metrics: Metrics, screen: f64) -> Viewport<T> {
        let heights = Heights::estimate(doc, metrics);
        let whole = doc.len() <= WHOLE_MAX_CHARS;
        let window = if whole { 0..heights.len() } else { heights.touching(0.0, screen) };
        Viewport { doc: doc.clone(), heights, window, whole, held: false, reveal: None, measured: None }
    }

    /// Whether this is the viewport of `doc` (the same text, by identity).
    pub fn is_for(&self, doc: &Rc<Document>) -> bool {
        Rc::ptr_eq(&self.doc, doc)
    }

    /// The paragraphs to draw.
    pub fn window(&self) -> Range<usize> {
        self.window.clone()
    }

    /// The heights of the spacers standing for the paragraphs above and below the window.
    pub fn spacers(&self) -> (f64, f64) {
        let (above, end) = (self.heights.top(self.window.start), self.heights.top(self.window.end));
        (above, self.heights.total() - end)
    }

    /// A mouse button went down in the text: until [`Viewport::release`] the window only grows.
    pub fn hold(&mut self) {
        self.held = true;
    }

    /// The mouse button came up (anywhere).
    pub fn release(&mut self) {
        self.held = false;
    }

    /// Asks for `target` to be revealed after the next draw (replacing any earlier request).
    pub fn request(&mut self, target: T) {
        self.reveal = Some((target, 0));
    }

    /// What waits to be revealed.
    pub fn pending(&self) -> Option<&T> {
        self.reveal.as_ref().map(|(target, _)| target)
    }

    /// The reader scrolled or was resized: moves the window to the view when the view left it.
    /// True when it moved (the text must be drawn again).
    pub fn scrolled(&mut self, page: &impl Page<T>) -> bool {
        if self.whole {
            return false;
        }
        page.band().is_some_and(|band| self.follow(band))
    }

    /// Whether a draw just finished must be handled ([`Viewport::drawn`]) before its frame: when
    /// something waits to be revealed (in a whole text too), or it drew other paragraphs than the
    /// last measure saw. A draw of the same paragraphs (an edit) can be measured once its frame
    /// is painted: only the spacer below the window and the scrollbar's length follow its
    /// heights, and measuring in the same task as the edit makes the browser lay the page out
    /// twice before that frame.
    pub fn must_measure_now(&self) -> bool {
        self.reveal.is_some() || (!self.whole && self.measured.as_ref() != Some(&self.window))
    }

    /// A draw finished: records the drawn paragraphs' heights (so the spacers and the scrollbar
    /// converge on the truth), keeps the window on the view, and reveals what was requested,
    /// first drawing its paragraph and scrolling near it when it is off the window. True when
    /// the text must be drawn again.
    pub fn drawn(&mut self, page: &impl Page<T>) -> bool {
        let mut again = false;
        let band = if self.whole {
            None
        } else {
            for (index, height) in page.measure() {
                again |= self.heights.measure(index, height);
            }
            self.measured = Some(self.window.clone());
            page.band()
        };
        if let Some(band) = band {
            again |= self.follow(band);
        }
        let Some((target, waited)) = self.reveal.take() else { return again };
        if page.show(&target) || self.whole || waited >= MAX_WAITS {
            return again;
        }
        // Not drawn: draw the paragraphs around it and scroll near it; the next draw reveals it.
        let (Some(start), Some((from, to))) = (page.start_of(&target), band) else { return again };
        let index = self.doc.paragraph_at(start);
        let (y, height) = (self.heights.top(index), to - from);
        self.window = self.heights.touching(y - height, y + height);
        self.reveal = Some((target, waited + 1));
        page.scroll_by((y - from) - height / 2.0);
        true
    }

    /// Moves the window to the visible band `(from, to)` when the band left it (only growing it
    /// while held); true when it moved.
    fn follow(&mut self, (from, to): (f64, f64)) -> bool {
        let mut moved = window(&self.heights, &self.window, from, to, to - from);
        if self.held {
            moved = moved.start.min(self.window.start)..moved.end.max(self.window.end);
        }
        let changed = moved != self.window;
        self.window = moved;
        changed
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "viewport_tests.rs"]
mod tests;
