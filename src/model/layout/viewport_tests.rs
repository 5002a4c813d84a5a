//! The viewport's transitions, against a fake page that logs what is asked of it.

use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::rc::Rc;

use super::{Page, Viewport};
use crate::model::document::Document;
use crate::model::layout::Metrics;

/// 20 px a paragraph until measured (13 characters fit one line).
const METRICS: Metrics = Metrics { line: 10.0, gap: 10.0, blank: 5.0, per_line: 60.0 };
/// Each paragraph's text: 13 code points with its newline.
const LINE: &str = "line of text\n";

fn long() -> Rc<Document> {
    Rc::new(Document::new("t", LINE.repeat(1000)).expect("a valid text"))
}

/// A page whose targets are code points: one is shown when its paragraph is drawn, and
/// `u32::MAX` is a target that is gone. Scrolling moves its band.
struct Fake {
    band: Cell<Option<(f64, f64)>>,
    drawn: Range<usize>,
    heights: Vec<(usize, f64)>,
    log: RefCell<Vec<String>>,
}

impl Fake {
    fn at(from: f64, to: f64) -> Fake {
        Fake { band: Cell::new(Some((from, to))), drawn: 0..0, heights: Vec::new(), log: RefCell::new(Vec::new()) }
    }

    fn log(&self) -> Vec<String> {
        self.log.take()
    }
}

impl Page<u32> for Fake {
    fn measure(&self) -> Vec<(usize, f64)> {
        self.log.borrow_mut().push("measure".into());
        self.heights.clone()
    }
    fn band(&self) -> Option<(f64, f64)> {
        self.log.borrow_mut().push("band".into());
        self.band.get()
    }
    fn show(&self, target: &u32) -> bool {
        self.log.borrow_mut().push(format!("show {target}"));
        self.drawn.contains(&(*target as usize / 13))
    }
    fn start_of(&self, target: &u32) -> Option<u32> {
        (*target != u32::MAX).then_some(*target)
    }
    fn scroll_by(&self, by: f64) {
        self.log.borrow_mut().push(format!("scroll {by}"));
        self.band.set(self.band.get().map(|(from, to)| (from + by, to + by)));
    }
}

#[test]
fn a_short_text_is_drawn_whole_and_never_measured_or_moved() {
    let doc = Rc::new(Document::new("t", LINE.repeat(100)).expect("a valid text"));
    let mut v = Viewport::<u32>::new(&doc, METRICS, 400.0);
    assert_eq!(v.window(), 0..100);
    assert_eq!(v.spacers(), (0.0, 0.0));
    let page = Fake::at(1_000.0, 1_400.0);
    assert!(!v.scrolled(&page));
    assert!(!v.drawn(&page));
    assert_eq!(page.log(), Vec::<String>::new(), "neither measured nor asked where the view is");
    // A reveal that is not drawn (it cannot be, but say so) is dropped, not chased.
    v.request(650);
    assert!(!v.drawn(&page));
    assert_eq!(page.log(), ["show 650"]);
    assert_eq!(v.pending(), None);
    assert_eq!(v.window(), 0..100);
}

#[test]
fn a_long_text_first_draws_one_screen_then_follows_the_scroll() {
    let doc = long();
    let mut v = Viewport::<u32>::new(&doc, METRICS, 400.0);
    assert_eq!(v.window(), 0..21, "as far as the first screen reaches");
    assert_eq!(v.spacers(), (0.0, 979.0 * 20.0));
    assert!(!v.scrolled(&Fake::at(10.0, 410.0)), "the view is still inside");
    assert!(v.scrolled(&Fake::at(30.0, 430.0)), "the first scroll past it draws the screens around it");
    assert_eq!(v.window(), 0..42);
    assert!(!v.scrolled(&Fake::at(200.0, 600.0)), "still inside: no redraw");
    assert!(v.scrolled(&Fake::at(700.0, 1_100.0)));
    assert_eq!(v.window(), 15..76);
    assert_eq!(v.spacers(), (300.0, (1000.0 - 76.0) * 20.0));
    let none = Fake::at(0.0, 0.0);
    none.band.set(None);
    assert!(!v.scrolled(&none), "nothing drawn yet: nothing moves");
    assert_eq!(v.window(), 15..76);
}

#[test]
fn while_held_the_window_only_grows() {
    let doc = long();
    let mut v = Viewport::<u32>::new(&doc, METRICS, 400.0);
    v.scrolled(&Fake::at(30.0, 430.0));
    v.hold();
    assert!(v.scrolled(&Fake::at(2_000.0, 2_400.0)));
    assert_eq!(v.window(), 0..141, "the paragraph where the drag started is kept");
    assert!(!v.scrolled(&Fake::at(1_000.0, 1_400.0)));
    assert_eq!(v.window(), 0..141);
    v.release();
    assert!(v.scrolled(&Fake::at(4_000.0, 4_400.0)));
    assert_eq!(v.window(), 180..241, "let go: it moves again");
}

#[test]
fn measurements_replace_estimates_and_redraw_only_when_they_change() {
    let doc = long();
    let mut v = Viewport::<u32>::new(&doc, METRICS, 400.0);
    let mut page = Fake::at(0.0, 400.0);
    page.heights = (0..21).map(|i| (i, 30.0)).collect();
    assert!(v.drawn(&page), "new heights: draw again");
    assert_eq!(page.log(), ["measure", "band"], "measured before anything else");
    assert_eq!(v.window(), 0..21, "the view is still inside it");
    assert_eq!(v.spacers(), (0.0, (1000.0 - 21.0) * 20.0));
    // 21 paragraphs of 30 px end at 630: the view at 300..700 reaches paragraph 24.
    page.band.set(Some((300.0, 700.0)));
    assert!(v.drawn(&page));
    assert_eq!(v.window(), 0..45, "placed by the measured heights");
    assert_eq!(v.spacers(), (0.0, (1000.0 - 45.0) * 20.0));
    assert!(!v.drawn(&page), "the same heights again: settled");
}

#[test]
fn only_a_draw_of_other_paragraphs_or_a_reveal_is_measured_before_its_frame() {
    let doc = long();
    let mut v = Viewport::<u32>::new(&doc, METRICS, 400.0);
    let mut page = Fake::at(0.0, 400.0);
    page.drawn = 0..21;
    assert!(v.must_measure_now(), "never measured");
    v.drawn(&page);
    assert!(!v.must_measure_now(), "the same paragraphs drawn again (an edit): after the frame");
    v.request(5);
    assert!(v.must_measure_now(), "a reveal waits");
    v.drawn(&page);
    assert!(!v.must_measure_now(), "shown: nothing waits");
    assert!(v.scrolled(&Fake::at(4_000.0, 4_400.0)));
    assert!(v.must_measure_now(), "the window moved: its new paragraphs are measured at once");
    let short = Rc::new(Document::new("short.txt", "A short text.").expect("short"));
    let mut whole = Viewport::<u32>::new(&short, METRICS, 400.0);
    assert!(!whole.must_measure_now(), "a whole text is never measured");
    whole.request(3);
    assert!(whole.must_measure_now(), "but a reveal in it is shown before the frame");
}

#[test]
fn a_drawn_target_is_shown_at_once() {
    let doc = long();
    let mut v = Viewport::<u32>::new(&doc, METRICS, 400.0);
    let mut page = Fake::at(0.0, 400.0);
    page.drawn = 0..21;
    v.request(13 * 5);
    assert!(!v.drawn(&page));
    assert_eq!(page.log(), ["measure", "band", "show 65"]);
    assert_eq!(v.pending(), None);
}

#[test]
fn a_target_off_the_window_is_drawn_scrolled_to_then_shown() {
    let doc = long();
    let mut v = Viewport::<u32>::new(&doc, METRICS, 400.0);
    let mut page = Fake::at(0.0, 400.0);
    v.request(13 * 500);
    assert!(v.drawn(&page), "drawn again around the target");
    assert_eq!(v.window(), 480..521, "a screen each side of paragraph 500");
    // Paragraph 500 is 10,000 px down: its top goes to the middle of a 400 px view.
    assert_eq!(page.log(), ["measure", "band", "show 6500", "scroll 9800"], "read, then write");
    assert_eq!(v.pending(), Some(&6500));
    page.drawn = 480..521;
    assert!(!v.drawn(&page), "there now: shown, no further draw");
    assert_eq!(page.log(), ["measure", "band", "show 6500"]);
    assert_eq!(v.pending(), None);
}

#[test]
fn a_target_never_drawn_is_dropped_after_two_tries() {
    let doc = long();
    let mut v = Viewport::<u32>::new(&doc, METRICS, 400.0);
    let page = Fake::at(0.0, 400.0);
    v.request(13 * 500);
    assert!(v.drawn(&page));
    assert!(v.drawn(&page));
    assert_eq!(page.log()[4..], ["measure", "band", "show 6500", "scroll 0"], "tried again where it should be");
    assert!(!v.drawn(&page), "given up");
    assert_eq!(page.log(), ["measure", "band", "show 6500"], "no third scroll");
    assert_eq!(v.pending(), None);
}

#[test]
fn a_target_that_is_gone_or_a_page_not_drawn_drops_the_reveal() {
    let doc = long();
    let mut v = Viewport::<u32>::new(&doc, METRICS, 400.0);
    v.request(u32::MAX);
    let page = Fake::at(0.0, 400.0);
    v.drawn(&page);
    assert_eq!(v.pending(), None);
    assert!(!page.log().iter().any(|l| l.starts_with("scroll")));
    let none = Fake::at(0.0, 0.0);
    none.band.set(None);
    v.request(13 * 500);
    assert!(!v.drawn(&none));
    assert_eq!(v.pending(), None);
    assert_eq!(v.window(), 0..21, "nothing to place it by: the window stays");
}

#[test]
fn a_new_request_replaces_the_old_one() {
    let doc = long();
    let mut v = Viewport::<u32>::new(&doc, METRICS, 400.0);
    v.request(1);
    v.request(2);
    assert_eq!(v.pending(), Some(&2));
    assert!(v.is_for(&doc));
    assert!(!v.is_for(&long()), "another text, even the same words, is another viewport");
}
