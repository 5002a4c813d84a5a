//! Adjudication (issue 17 point 5): the decisions over the groups, what they choose, and the
//! adjudicated document the editor opens from them.

use std::rc::Rc;

use super::{doc, SEED};
use crate::model::adjudication::{step, Adjudication, Chosen, Verdict};
use crate::model::agreement::{groups, Coded, Coder};
use crate::model::editor::{Action, Editor, ADJUDICATED};
use crate::model::formats::{export, Unit, FORMATS};
use crate::model::label::{LabelId, Labels};
use crate::model::span::Span;

fn coder(name: &str, spans: &[(usize, usize, &str)]) -> Coder {
    Coder::new(name, spans.iter().map(|&(start, end, l)| Coded { start, end, label: l.to_owned() }).collect())
}

/// ana and ben agree on (0,5,actor); ana alone has (10,15,location); ben alone (20,25,claim);
/// cy has all three.
fn three() -> Adjudication {
    let coders = [
        coder("ana", &[(0, 5, "actor"), (10, 15, "location")]),
        coder("ben", &[(0, 5, "actor"), (20, 25, "claim")]),
        coder("cy", &[(0, 5, "actor"), (10, 15, "location"), (20, 25, "claim")]),
    ];
    Adjudication::new(groups(&coders), coders.iter().map(|c| c.name.clone()).collect())
}

#[test]
fn accept_all_agreed_takes_only_what_everyone_has() {
    let mut a = three();
    assert_eq!(a.accept_at_least(3), 1);
    assert_eq!(a.tally(), (1, 0, 2));
    let chosen = a.chosen();
    assert_eq!(
        chosen,
        vec![Chosen {
            span: Span::new(0, 5),
            label: "actor".into(),
            annotators: vec!["ana".into(), "ben".into(), "cy".into()]
        }]
    );
    // At least two: the other two as well; a decision made is kept.
    a.decide(2, Verdict::Reject);
    assert_eq!(a.accept_at_least(2), 1);
    assert_eq!(a.tally(), (2, 1, 0));
    assert_eq!(a.chosen().iter().map(|c| c.span.start()).collect::<Vec<_>>(), vec![0, 10]);
}

#[test]
fn disagreements_step_round_and_decisions_toggle() {
    let mut a = three();
    let disputed: Vec<usize> = (0..a.items.len()).filter(|&i| a.disputed(i)).collect();
    assert_eq!(disputed, vec![1, 2]);
    assert_eq!(step(&disputed, None, false), Some(1));
    assert_eq!(step(&disputed, Some(1), false), Some(2));
    assert_eq!(step(&disputed, Some(2), false), Some(1), "n wraps round");
    assert_eq!(step(&disputed, Some(1), true), Some(2), "p wraps round");
    assert_eq!(step(&[], None, false), None);
    a.decide(1, Verdict::Accept);
    assert_eq!(a.items[1].verdict, Some(Verdict::Accept));
    a.decide(1, Verdict::Accept);
    assert_eq!(a.items[1].verdict, None, "the same key again undoes it");
}

#[test]
fn a_fixed_label_or_boundary_is_accepted_and_merges_with_its_twin() {
    let mut a = three();
    a.relabel(2, "location");
    a.resize(2, true, 10, 30);
    a.resize(2, false, 15, 30);
    assert_eq!((a.items[2].span, a.items[2].label.as_str()), (Span::new(10, 15), "location"));
    a.resize(2, false, 10, 30);
    assert_eq!(a.items[2].span, Span::new(10, 15), "an empty span is refused");
    a.decide(1, Verdict::Accept);
    let chosen = a.chosen();
    assert_eq!(chosen.len(), 1, "{chosen:?}");
    assert_eq!(chosen[0].annotators, vec!["ana".to_owned(), "cy".into(), "ben".into()]);
}

#[test]
fn the_adjudicated_document_opens_with_its_annotators_and_exports_everywhere() {
    let mut editor = Editor::new(doc(SEED), Labels::news());
    let chosen = vec![
        Chosen { span: Span::new(0, 5), label: "actor".into(), annotators: vec!["ana".into(), "ben".into()] },
        Chosen { span: Span::new(10, 15), label: "newlabel".into(), annotators: vec!["ben".into()] },
        Chosen { span: Span::new(10, 1_000_000), label: "actor".into(), annotators: vec![] },
    ];
    editor.apply(Action::Adjudicated(Rc::new(chosen)));
    assert_eq!(editor.docs.len(), 2);
    assert_eq!(editor.doc().title(), format!("test{ADJUDICATED}"));
    assert_eq!(editor.doc().text(), SEED);
    let anns: Vec<_> = editor.annotations().iter().cloned().collect();
    assert_eq!(anns.len(), 2, "the span outside the text is left out");
    assert_eq!(anns[0].annotators, vec!["ana".to_owned(), "ben".into()]);
    assert!(editor.labels().get(&LabelId::new("newlabel")).is_some(), "a file's own label is added");
    assert!(!editor.unsaved().is_empty(), "it is stored like any other");
    // Its edits undo like any other's.
    editor.apply(Action::Remove(anns[0].id.clone()));
    assert_eq!(editor.annotations().len(), 1);
    editor.apply(Action::Undo);
    assert_eq!(editor.annotations().len(), 2);
    for format in FORMATS {
        let out = export::render_by(
            format,
            editor.doc(),
            editor.labels(),
            editor.annotations(),
            "2026-12-01T00:00:00.000Z",
            Unit::CodePoint,
            Some("cy"),
        );
        assert!(!out.bytes.is_empty(), "{}", format.name);
        if format.id == "spanmark" {
            let text = String::from_utf8_lossy(&out.bytes);
            assert!(text.contains("\"annotators\": [") && text.contains("\"ana\""), "{text}");
        }
    }
}
