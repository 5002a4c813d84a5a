//! Where the relations' connectors go over the drawn text, brat-style: each relation with both
//! ends drawn is an arc rising from the top of one end and coming down, with an arrowhead, onto
//! the top of the other, its type written at its peak. Ends on different lines are joined
//! through the margin, never across the lines between them: from one end the connector rises,
//! runs right to just past the text's column, goes up or down the margin to the other end's
//! line, and runs back left along it and down onto that end (its type written on both runs;
//! each connector in the margin a few pixels apart from the others). A relation
//! with one end not drawn is a stub at the end that is, written with its type and an arrow (↑ or
//! ↓) towards the other. Runs that would overlap on a line go up in levels, the narrower ones
//! lower, so that they do not pile on each other.
//!
//! Pixels are those of the arcs' layer (from its top-left corner), measured by the edge; the
//! answer is in whole pixels, ready to be written into SVG paths (no float formatting).

/// A span's first line box, in the layer's pixels, and the paragraph it is in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EndBox {
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub para: usize,
}

impl EndBox {
    fn centre(&self) -> f64 {
        (self.left + self.right) / 2.0
    }

    /// Where a stub rises: near the right end, clear of the label chips at the left.
    fn stub_x(&self) -> f64 {
        (self.right - 4.0).max(self.left)
    }
}

/// Which way a relation's end that is not drawn lies from the drawn text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Off {
    Before,
    After,
}

/// A relation's ends as drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ends {
    Both {
        from: EndBox,
        to: EndBox,
    },
    /// Only `from` is drawn.
    From {
        from: EndBox,
        to: Off,
    },
    /// Only `to` is drawn.
    To {
        from: Off,
        to: EndBox,
    },
}

/// One connector to place: its ends and the length of its label in characters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Connector {
    pub ends: Ends,
    pub label_chars: usize,
}

/// Where a label's text is anchored at its point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// A connector as drawn: an SVG path (ending at the arrowhead's point) and its label's place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drawn {
    pub path: String,
    /// The label's anchor point (its baseline) and how the text sits on it.
    pub label: (i32, i32),
    /// For an arc between lines, the label's second place, on the run into `to` (anchored alike).
    pub again: Option<(i32, i32)>,
    pub anchor: Anchor,
    /// For a stub, where the other end lies.
    pub off: Option<Off>,
    /// Its level on its line, from 0 (lowest); for an arc between lines, on `from`'s line.
    pub level: u32,
    /// For an arc between lines, its level on `to`'s line (else `level`).
    pub to_level: u32,
}

/// How far above a span's box its connectors start: above the label chip drawn there (its
/// bottom 1 px above the box, 14.3 px tall: styles/text.css).
pub const LIFT: f64 = 17.0;
/// The height of the lowest level's peak above the higher end, and of each level more.
pub const BASE: f64 = 7.0;
pub const STEP: f64 = 11.0;
/// A label's width per character (the labels' face at 10 px), for telling overlaps.
pub const CHAR_PX: f64 = 6.0;
/// A stub's horizontal run, from where it rises (near the end's right edge) to the label.
pub const STUB_PX: f64 = 14.0;
/// Two ends whose tops differ by less than this are on the same line.
const SAME_LINE: f64 = 4.0;

/// How far outside the text's column a run between lines turns.
pub const EDGE_PX: f64 = 6.0;

/// The layer the connectors are drawn on: its width, and where the text's column lies across it
/// (runs between lines turn just outside the column; stubs keep within the width).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    /// The text column's left and right edges.
    pub text: (f64, f64),
}

impl Frame {
    /// A layer whose text spans all of it.
    pub fn new(width: f64) -> Frame {
        Frame { width, text: (0.0, width) }
    }
}

/// Whether two ends are on the same line.
fn same_line(from: &EndBox, to: &EndBox) -> bool {
    (from.top - to.top).abs() < SAME_LINE
}

/// How far apart connectors between lines go down the margin, and how many places they take
/// before the first is used again.
pub const LANE_PX: f64 = 4.0;
const LANES: u32 = 8;

/// Where the `n`th connector between lines goes up or down the margin: just right of the text's
/// column, each a lane further out, kept inside the layer.
fn lane(n: u32, frame: Frame) -> f64 {
    (frame.text.1 + EDGE_PX + f64::from(n % LANES) * LANE_PX).min(frame.width - 1.0).max(0.0)
}

/// Each connector placed, in the order given. A stub that would run past the layer's width goes
/// left instead; runs between lines turn just outside the text's column.
pub fn place(connectors: &[Connector], frame: Frame) -> Vec<Drawn> {
    let width = frame.width;
    // Each connector's runs: the line (the run's top) and the horizontal extent each takes; an
    // arc on one line or a stub has one run, an arc between lines one on each end's line.
    let mut runs: Vec<(f64, f64, f64)> = Vec::new();
    let mut leftward = Vec::with_capacity(connectors.len());
    // The lane in the margin of each connector between lines, in order.
    let mut lanes = Vec::new();
    for c in connectors {
        let label = c.label_chars as f64 * CHAR_PX;
        match c.ends {
            Ends::Both { from, to } if same_line(&from, &to) => {
                let (a, b) = (from.centre().min(to.centre()), from.centre().max(to.centre()));
                let mid = (from.centre() + to.centre()) / 2.0;
                runs.push((from.top, a.min(mid - label / 2.0), b.max(mid + label / 2.0)));
                leftward.push(false);
            }
            Ends::Both { from, to } => {
                let x = lane(lanes.len() as u32, frame);
                lanes.push(x);
                runs.push((from.top, from.centre().min(x), from.centre().max(x)));
                runs.push((to.top, to.centre().min(x), to.centre().max(x)));
                leftward.push(false);
            }
            Ends::From { from: end, .. } | Ends::To { to: end, .. } => {
                let reach = STUB_PX + 3.0 + label + 10.0;
                let x = end.stub_x();
                let left = x + reach > width && x - reach >= 0.0;
                let (a, b) = if left { (x - reach, x) } else { (x, x + reach) };
                runs.push((end.top, a, b));
                leftward.push(left);
            }
        }
    }
    let mut levels = levels(&runs).into_iter();
    let mut lanes = lanes.into_iter();
    connectors
        .iter()
        .zip(leftward)
        .map(|(c, leftward)| {
            let first = levels.next().unwrap_or(0);
            match c.ends {
                Ends::Both { from, to } if !same_line(&from, &to) => {
                    let second = levels.next().unwrap_or(0);
                    let x = lanes.next().unwrap_or(frame.width);
                    between_lines(&from, &to, (first, second), x)
                }
                _ => draw(c, first, leftward),
            }
        })
        .collect()
}

/// The level of each `(line top, left, right)`: the lowest that no wider-or-equal one placed
/// before it on the same line, overlapping it, has. Narrower ones are placed first, so an arc
/// over another goes above it.
fn levels(extents: &[(f64, f64, f64)]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..extents.len()).collect();
    let width = |i: usize| extents[i].2 - extents[i].1;
    crate::support::order::sort_by(&mut order, |&a, &b| width(a).total_cmp(&width(b)).then(a.cmp(&b)));
    let mut level = vec![0u32; extents.len()];
    for (n, &i) in order.iter().enumerate() {
        let (top, a, b) = extents[i];
        let taken: Vec<u32> = order[..n]
            .iter()
            .filter(|&&j| {
                let (t, c, d) = extents[j];
                (t - top).abs() < SAME_LINE && c <= b && a <= d
            })
            .map(|&j| level[j])
            .collect();
        level[i] = (0..).find(|l| !taken.contains(l)).unwrap_or(0);
    }
    level
}

/// The most levels a paragraph's lines are spaced for; runs higher still overlap the line above.
pub const MAX_RISE: u32 = 6;

/// How many levels above the lowest each paragraph's runs reach, for the paragraphs whose runs
/// go above it: `(paragraph, levels)` in paragraph order, at most [`MAX_RISE`]. The text spaces
/// those paragraphs' lines further apart by as many [`STEP`]s, so that a run never reaches into
/// the line above (each line's lowest level fits in the space every linked line has).
pub fn rises(connectors: &[Connector], drawn: &[Drawn]) -> Vec<(usize, u32)> {
    let mut out: Vec<(usize, u32)> = Vec::new();
    let mut raise = |para: usize, level: u32| {
        let level = level.min(MAX_RISE);
        if level == 0 {
            return;
        }
        match out.iter_mut().find(|(p, _)| *p == para) {
            Some((_, l)) => *l = (*l).max(level),
            None => out.push((para, level)),
        }
    };
    for (c, d) in connectors.iter().zip(drawn) {
        match c.ends {
            Ends::Both { from, to } => {
                raise(from.para, d.level);
                raise(to.para, d.to_level);
            }
            Ends::From { from: end, .. } | Ends::To { to: end, .. } => raise(end.para, d.level),
        }
    }
    crate::support::order::sort_by(&mut out, |a, b| a.0.cmp(&b.0));
    out
}

/// The levels paragraph `para` is spaced for in `rises` (as [`rises`] lists them); 0 when it is
/// not listed.
pub fn rise_of(rises: &[(usize, u32)], para: usize) -> u32 {
    rises.iter().find(|(p, _)| *p == para).map_or(0, |(_, l)| *l)
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

/// An arc between lines: up from `from` to its run's level and right to its lane `x` in the
/// margin, along the lane to `to`'s run's level, back left and down onto `to`, as one path (the
/// arrowhead at its end). Its label sits on each run, midway, so either half is read alone.
fn between_lines(from: &EndBox, to: &EndBox, (first, second): (u32, u32), x: f64) -> Drawn {
    let (x1, y1, x2, y2) = (from.centre(), from.top - LIFT, to.centre(), to.top - LIFT);
    let (peak1, peak2) = (y1 - BASE - f64::from(first) * STEP, y2 - BASE - f64::from(second) * STEP);
    let (label, again) = (px((x1 + x) / 2.0), px((x2 + x) / 2.0));
    let (x1, y1, x2, y2, peak1, peak2, x) = (px(x1), px(y1), px(x2), px(y2), px(peak1), px(peak2), px(x));
    Drawn {
        path: format!("M{x1} {y1}V{peak1}H{x}V{peak2}H{x2}V{y2}"),
        label: (label, peak1 + 3),
        again: Some((again, peak2 + 3)),
        anchor: Anchor::Middle,
        off: None,
        level: first,
        to_level: second,
    }
}

fn draw(c: &Connector, level: u32, leftward: bool) -> Drawn {
    let rise = BASE + f64::from(level) * STEP;
    match c.ends {
        Ends::Both { from, to } => {
            let (x1, y1, x2, y2) = (from.centre(), from.top - LIFT, to.centre(), to.top - LIFT);
            let peak = y1.min(y2) - rise;
            // The cubic's middle point is (y1 + 6·yc + y2) / 8 high: its control points put it at the peak.
            let yc = (8.0 * peak - y1 - y2) / 6.0;
            let (x1, y1, x2, y2, yc) = (px(x1), px(y1), px(x2), px(y2), px(yc));
            Drawn {
                path: format!("M{x1} {y1}C{x1} {yc} {x2} {yc} {x2} {y2}"),
                label: (px((from.centre() + to.centre()) / 2.0), px(peak) + 3),
                again: None,
                anchor: Anchor::Middle,
                off: None,
                level,
                to_level: level,
            }
        }
        Ends::From { from: end, to: off } | Ends::To { to: end, from: off } => {
            let (x, y) = (end.stub_x(), end.top - LIFT);
            let peak = px(y - rise);
            let sign = if leftward { -1.0 } else { 1.0 };
            let (x, y, out) = (px(x), px(y), px(end.stub_x() + sign * STUB_PX));
            // From the drawn `from`, the arrow points away along the stub; into a drawn `to`, down onto it.
            let path = match c.ends {
                Ends::From { .. } => format!("M{x} {y}V{peak}H{out}"),
                _ => format!("M{out} {peak}H{x}V{y}"),
            };
            let gap = px(sign * 3.0);
            Drawn {
                path,
                label: (out + gap, peak + 3),
                again: None,
                anchor: if leftward { Anchor::End } else { Anchor::Start },
                off: Some(off),
                level,
                to_level: level,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(left: f64, top: f64) -> EndBox {
        EndBox { left, right: left + 40.0, top, para: (top / 100.0) as usize }
    }

    fn both(a: f64, b: f64, top: f64) -> Connector {
        Connector { ends: Ends::Both { from: at(a, top), to: at(b, top) }, label_chars: 4 }
    }

    #[test]
    fn an_arc_rises_from_its_from_and_ends_on_its_to() {
        let drawn = place(&[both(0.0, 200.0, 100.0)], Frame::new(600.0));
        assert_eq!(drawn[0].level, 0);
        // From (20, 83), peak 76 (83 − BASE), onto (220, 83).
        assert_eq!(drawn[0].path, "M20 83C20 74 220 74 220 83");
        assert_eq!(drawn[0].label, (120, 79));
        assert_eq!(drawn[0].anchor, Anchor::Middle);
    }

    #[test]
    fn overlapping_arcs_on_a_line_stack_the_wider_above() {
        // A wide arc over a narrow one, a disjoint one beside them, and one on another line.
        let wide = both(0.0, 300.0, 100.0);
        let narrow = both(100.0, 160.0, 100.0);
        let apart = both(400.0, 500.0, 100.0);
        let below = both(0.0, 300.0, 150.0);
        let levels: Vec<u32> =
            place(&[wide, narrow, apart, below], Frame::new(600.0)).iter().map(|d| d.level).collect();
        assert_eq!(levels, vec![1, 0, 0, 0]);
        // Three arcs sharing an end all get their own level.
        let levels: Vec<u32> =
            place(&[both(0.0, 100.0, 0.0), both(0.0, 200.0, 0.0), both(0.0, 300.0, 0.0)], Frame::new(600.0))
                .iter()
                .map(|d| d.level)
                .collect();
        assert_eq!(levels, vec![0, 1, 2]);
    }

    #[test]
    fn an_arc_between_lines_goes_round_through_the_margin() {
        let c = Connector { ends: Ends::Both { from: at(100.0, 100.0), to: at(300.0, 160.0) }, label_chars: 3 };
        let drawn = &place(&[c], Frame { width: 800.0, text: (0.0, 600.0) })[0];
        // Up from (120, 83) to 76, right to the margin (606), down it to 136 (143 − 7), back
        // left to 320 and down onto (320, 143).
        assert_eq!(drawn.path, "M120 83V76H606V136H320V143");
        assert_eq!(drawn.label, (363, 79), "midway along from's run, at its peak");
        assert_eq!(drawn.again, Some((463, 139)), "and midway along to's");
        assert_eq!(drawn.off, None);
        // To an earlier line the same way round, up the margin.
        let back = Connector { ends: Ends::Both { from: at(300.0, 160.0), to: at(0.0, 100.0) }, label_chars: 3 };
        assert_eq!(place(&[back], Frame { width: 800.0, text: (0.0, 600.0) })[0].path, "M320 143V136H606V76H20V83");
        // Where the text fills the layer, the margin is its last pixel.
        assert_eq!(place(&[c], Frame::new(600.0))[0].path, "M120 83V76H599V136H320V143");
    }

    #[test]
    fn runs_between_lines_take_levels_on_each_line_and_lanes_in_the_margin() {
        // Two arcs from one line to the next: their runs overlap on both lines, so each takes
        // its own level on each, and its own lane; an arc on the second line left of them stays
        // lowest.
        let a = Connector { ends: Ends::Both { from: at(100.0, 100.0), to: at(100.0, 160.0) }, label_chars: 3 };
        let b = Connector { ends: Ends::Both { from: at(200.0, 100.0), to: at(200.0, 160.0) }, label_chars: 3 };
        let frame = Frame { width: 800.0, text: (0.0, 600.0) };
        let drawn = place(&[a, b, both(0.0, 60.0, 160.0)], frame);
        assert_eq!(drawn[0].level, 1, "the wider run (from 120) goes above");
        assert_eq!(drawn[1].level, 0);
        assert_eq!(drawn[2].level, 0);
        assert_eq!(drawn[0].path, "M120 83V65H606V125H120V143");
        assert_eq!(drawn[1].path, "M220 83V76H610V136H220V143");
    }

    #[test]
    fn a_stub_points_the_way_of_the_end_not_drawn() {
        let from = Connector { ends: Ends::From { from: at(0.0, 100.0), to: Off::After }, label_chars: 7 };
        let to = Connector { ends: Ends::To { from: Off::Before, to: at(200.0, 100.0) }, label_chars: 7 };
        let drawn = place(&[from, to], Frame::new(600.0));
        assert_eq!(drawn[0].path, "M36 83V76H50", "out of a drawn from, away along the stub");
        assert_eq!(drawn[0].off, Some(Off::After));
        assert_eq!(drawn[0].anchor, Anchor::Start);
        assert_eq!(drawn[1].path, "M250 76H236V83", "into a drawn to, down onto it");
        assert_eq!(drawn[1].off, Some(Off::Before));
        // Near the right edge a stub runs left.
        let edge = Connector { ends: Ends::From { from: at(560.0, 0.0), to: Off::Before }, label_chars: 7 };
        let drawn = &place(&[edge], Frame::new(600.0))[0];
        assert_eq!(drawn.anchor, Anchor::End);
        assert_eq!(drawn.path, "M596 -17V-24H582");
    }

    #[test]
    fn a_paragraph_rises_by_the_highest_level_its_runs_reach() {
        // Paragraph 1 (tops 100–199): three arcs sharing an end, levels 0, 1 and 2; paragraph 2:
        // one arc alone (level 0, no rise); an arc between paragraphs 1 and 3 takes a level on
        // each of its lines.
        let frame = Frame { width: 800.0, text: (0.0, 600.0) };
        let mut cs =
            vec![both(0.0, 100.0, 100.0), both(0.0, 200.0, 100.0), both(0.0, 300.0, 100.0), both(0.0, 60.0, 200.0)];
        assert_eq!(rises(&cs, &place(&cs, frame)), vec![(1, 2)]);
        cs.push(Connector { ends: Ends::Both { from: at(500.0, 100.0), to: at(0.0, 300.0) }, label_chars: 3 });
        cs.push(both(0.0, 100.0, 300.0));
        let drawn = place(&cs, frame);
        assert_eq!((drawn[4].level, drawn[4].to_level), (0, 1), "its run on paragraph 3 goes above the arc there");
        assert_eq!(rises(&cs, &drawn), vec![(1, 2), (3, 1)]);
        assert_eq!(rise_of(&rises(&cs, &drawn), 3), 1);
        assert_eq!(rise_of(&rises(&cs, &drawn), 2), 0, "a paragraph not listed is not spaced");
        // However many levels, a paragraph rises at most MAX_RISE.
        let many: Vec<Connector> = (1..12).map(|n| both(0.0, f64::from(n) * 40.0, 100.0)).collect();
        assert_eq!(rises(&many, &place(&many, frame)), vec![(1, MAX_RISE)]);
    }

    #[test]
    fn nothing_to_place_places_nothing() {
        assert!(place(&[], Frame::new(600.0)).is_empty());
    }
}
