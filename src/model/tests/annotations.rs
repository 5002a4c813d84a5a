//! The annotation set (order, twins, covering, indexed lookups) and the runs a paragraph is cut into.

use super::{ann, set};
use crate::model::annotation::{Annotation, AnnotationId, AnnotationSet};
use crate::model::label::LabelId;
use crate::model::segments::{chips, segments};
use crate::model::span::Span;

#[test]
fn the_set_keeps_text_order_and_refuses_twins() {
    let mut s = set(&[ann("a1", "actor", 10, 20), ann("a2", "location", 0, 5), ann("a3", "actor", 10, 15)]);
    let order: Vec<&str> = s.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(order, ["a2", "a3", "a1"]);
    assert_eq!(
        s.insert(ann("a1", "event", 1, 2)),
        Err(crate::model::annotation::Rejected::DuplicateId(AnnotationId::new("a1")))
    );
    assert_eq!(
        s.insert(ann("x", "actor", 10, 20)),
        Err(crate::model::annotation::Rejected::Duplicate(AnnotationId::new("a1")))
    );
    assert_eq!(s.insert(ann("x", "actor", 3, 3)), Err(crate::model::annotation::Rejected::Empty));
    // Generated ids never collide with imported ones.
    assert_eq!(s.fresh_id().as_str(), "a4");
    // Relabelling onto a twin is refused and changes nothing.
    s.insert(ann("a5", "event", 10, 20)).expect("new");
    let before = s.clone();
    assert_eq!(s.relabel(&AnnotationId::new("a5"), LabelId::new("actor")), None);
    assert_eq!(s, before);
    assert_eq!(s.relabel(&AnnotationId::new("a5"), LabelId::new("claim")), Some(LabelId::new("event")));
    assert_eq!(s.count(&LabelId::new("claim")), 1);
}

#[test]
fn covering_walks_from_outermost_down() {
    let s =
        set(&[ann("outer", "actor", 173, 216), ann("inner", "location", 173, 178), ann("cross", "claim", 200, 230)]);
    let ids = |at| s.covering(at).iter().map(|a| a.id.as_str().to_owned()).collect::<Vec<_>>();
    assert_eq!(ids(175), ["outer", "inner"]);
    assert_eq!(ids(205), ["outer", "cross"]);
    assert_eq!(ids(220), ["cross"]);
    assert!(ids(300).is_empty());
    let over: Vec<&str> = s.overlapping(Span::new(178, 201)).map(|a| a.id.as_str()).collect();
    assert_eq!(over, ["outer", "cross"]);
}

proptest::proptest! {
    /// The indexed lookups (by id, by position, by range through the max-end tree over chunks)
    /// agree with a scan of the whole list, after any mix of inserts and removes over many
    /// chunks; and a copy taken before a change still holds what it held (chunks are shared,
    /// never changed under a copy).
    #[test]
    fn indexed_lookups_agree_with_a_scan(
        ops in proptest::collection::vec((0u32..2000, 1u32..60, 0usize..3, proptest::bool::weighted(0.7)), 1..400),
        queries in proptest::collection::vec((0u32..2100, 0u32..80), 1..12),
    ) {
        let labels = ["actor", "claim", "event"];
        let mut s = AnnotationSet::new();
        for (i, (start, len, label, add)) in ops.into_iter().enumerate() {
            let before = s.clone();
            let kept: Vec<Annotation> = before.iter().cloned().collect();
            let victim = s.iter().nth(start as usize % s.len().max(1)).map(|a| a.id.clone());
            if add {
                let id = AnnotationId::new(&format!("x{i}"));
                let _ = s.insert(Annotation::new(id, LabelId::new(labels[label]), Span::new(start, start + len)));
            } else if let Some(victim) = victim {
                proptest::prop_assert!(s.remove(&victim).is_some());
                proptest::prop_assert!(s.get(&victim).is_none());
                proptest::prop_assert!(before.get(&victim).is_some());
            }
            proptest::prop_assert_eq!(before.iter().cloned().collect::<Vec<_>>(), kept);
            if i % 16 != 0 {
                continue;
            }
            let all: Vec<&Annotation> = s.iter().collect();
            proptest::prop_assert_eq!(all.len(), s.len());
            proptest::prop_assert!(all.windows(2).all(|w| (w[0].span, &w[0].label, &w[0].id) < (w[1].span, &w[1].label, &w[1].id)));
            for (n, a) in all.iter().enumerate() {
                proptest::prop_assert_eq!(s.get(&a.id), Some(*a));
                proptest::prop_assert_eq!(s.position(&a.id), Some(n));
                proptest::prop_assert_eq!(s.twin(a.span, &a.label), Some(*a));
            }
            let from = start as usize % (all.len() + 1);
            proptest::prop_assert_eq!(s.iter_from(from).collect::<Vec<_>>(), all[from..].to_vec());
            for &(start, len) in &queries {
                let range = Span::new(start, start + len);
                let indexed: Vec<&Annotation> = s.overlapping(range).collect();
                let scanned: Vec<&Annotation> = s.iter().filter(|a| a.span.overlaps(range)).collect();
                proptest::prop_assert_eq!(indexed, scanned);
            }
            proptest::prop_assert_eq!(&s, &s.clone());
            proptest::prop_assert_eq!(s == before, all.iter().copied().eq(before.iter()));
        }
    }
}

#[test]
fn segments_are_maximal_runs() {
    fn check(range: (u32, u32), anns: &[Annotation], expected: &[(u32, u32, &[&str])]) {
        let got = segments(Span::new(range.0, range.1), anns);
        let got: Vec<(u32, u32, Vec<&str>)> = got
            .iter()
            .map(|s| (s.span.start(), s.span.end(), s.layers.iter().map(|&i| anns[i].id.as_str()).collect()))
            .collect();
        let expected: Vec<(u32, u32, Vec<&str>)> = expected.iter().map(|(a, b, l)| (*a, *b, l.to_vec())).collect();
        assert_eq!(got, expected);
    }
    check((0, 10), &[], &[(0, 10, &[])]);
    // Nested: outer first.
    check(
        (0, 20),
        &[ann("in", "location", 2, 4), ann("out", "actor", 0, 10)],
        &[(0, 2, &["out"]), (2, 4, &["out", "in"]), (4, 10, &["out"]), (10, 20, &[])],
    );
    // Crossing spans.
    check(
        (0, 10),
        &[ann("a", "actor", 1, 6), ann("b", "claim", 4, 9)],
        &[(0, 1, &[]), (1, 4, &["a"]), (4, 6, &["a", "b"]), (6, 9, &["b"]), (9, 10, &[])],
    );
    // A span from the paragraph before is clipped to this one.
    check((10, 20), &[ann("a", "actor", 5, 12)], &[(10, 12, &["a"]), (12, 20, &[])]);
    // Touching spans stay apart.
    check((0, 4), &[ann("a", "actor", 0, 2), ann("b", "actor", 2, 4)], &[(0, 2, &["a"]), (2, 4, &["b"])]);
}

/// Which spans always show their label chip, and which chips sit before theirs at the same start.
#[test]
fn chips_show_on_overlaps_and_stand_side_by_side() {
    // (case, spans as (id, start, end), the overlapping ids, (id, ids before it) for each shared start)
    type Row<'a> = (&'a str, &'a [(&'a str, u32, u32)], &'a [&'a str], &'a [(&'a str, &'a [&'a str])]);
    let rows: &[Row] = &[
        ("nothing", &[], &[], &[]),
        ("one plain span", &[("a", 0, 5)], &[], &[]),
        ("touching spans do not overlap", &[("a", 0, 2), ("b", 2, 4)], &[], &[]),
        (
            "nested: the seed's Actor with Syria at its start",
            &[("in", 0, 5), ("out", 0, 43)],
            &["in", "out"],
            &[("out", &[]), ("in", &["out"])],
        ),
        ("nested inside, not at the start", &[("out", 0, 10), ("in", 3, 5)], &["in", "out"], &[]),
        ("crossing", &[("a", 1, 6), ("b", 4, 9)], &["a", "b"], &[]),
        (
            "a long span held by none but crossing a later one",
            &[("a", 0, 10), ("b", 1, 3), ("c", 9, 12), ("d", 20, 22)],
            &["a", "b", "c"],
            &[],
        ),
        (
            "three at one start, outermost first",
            &[("s", 5, 6), ("l", 5, 20), ("m", 5, 9)],
            &["l", "m", "s"],
            &[("l", &[]), ("m", &["l"]), ("s", &["l", "m"])],
        ),
    ];
    for &(case, spans, overlapping, before) in rows {
        let anns: Vec<Annotation> = spans.iter().map(|&(id, s, e)| ann(id, "actor", s, e)).collect();
        let got = chips(&anns);
        let mut over: Vec<&str> =
            anns.iter().zip(&got).filter(|(_, c)| c.overlaps).map(|(a, _)| a.id.as_str()).collect();
        over.sort_unstable();
        assert_eq!(over, overlapping, "{case}: overlapping");
        for &(id, expected) in before {
            let i = anns.iter().position(|a| a.id.as_str() == id).expect("the row names its spans");
            let names: Vec<&str> = got[i].before.iter().map(|&j| anns[j].id.as_str()).collect();
            assert_eq!(names, expected, "{case}: before {id}");
        }
        for (a, c) in anns.iter().zip(&got) {
            if !before.iter().any(|(id, _)| *id == a.id.as_str()) {
                assert!(c.before.is_empty(), "{case}: nothing before {}", a.id.as_str());
            }
        }
    }
}
