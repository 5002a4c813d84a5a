//! The editor's verbs: label keys, arming, clicks, removal, undo and redo.

use super::{editor, label};
use crate::model::editor::Action;
use crate::model::label::LabelId;
use crate::model::span::Span;

/// Runs `actions` on a fresh editor over `text`, then compares (annotations as
/// "label:quote", selected quote, armed label).
fn check_editor(text: &str, actions: Vec<Action>, expected: (&[&str], Option<&str>, Option<&str>)) {
    let mut e = editor(text);
    for a in actions {
        e.apply(a);
    }
    let got: Vec<String> =
        e.annotations().iter().map(|a| format!("{}:{}", a.label.as_str(), e.doc().slice(a.span))).collect();
    assert_eq!(got, expected.0);
    let selected = e.selected.as_ref().and_then(|id| e.annotations().get(id)).map(|a| e.doc().slice(a.span));
    assert_eq!(selected, expected.1);
    assert_eq!(e.armed.as_ref().map(LabelId::as_str), expected.2);
}

#[test]
fn editor_verbs() {
    use Action::*;
    let text = "Syria’s Foreign Minister, Asaad al-Shaibani met Ron Dermer.";
    let sel = |s, e| Some(Span::new(s, e));
    // A key with text selected tags it (trimmed) and selects the new annotation.
    check_editor(
        text,
        vec![Apply { label: label("actor"), selection: sel(47, 58) }],
        (&["actor:Ron Dermer"], Some("Ron Dermer"), None),
    );
    // With nothing selected, a label arms; the next selection is tagged (and selected); Escape
    // disarms.
    check_editor(
        text,
        vec![Apply { label: label("location"), selection: None }, SelectText(Span::new(0, 5))],
        (&["location:Syria"], Some("Syria"), Some("location")),
    );
    check_editor(
        text,
        vec![Apply { label: label("location"), selection: None }, Escape, SelectText(Span::new(0, 5))],
        (&[], None, None),
    );
    // Pressing the armed label again disarms it.
    check_editor(
        text,
        vec![Apply { label: label("claim"), selection: None }, Apply { label: label("claim"), selection: None }],
        (&[], None, None),
    );
    // Nested: the first click selects the outer span, the second the inner, the third wraps.
    let nested = || {
        vec![
            Apply { label: label("actor"), selection: sel(0, 43) },
            Apply { label: label("location"), selection: sel(0, 5) },
        ]
    };
    let both: &[&str] = &["location:Syria", "actor:Syria’s Foreign Minister, Asaad al-Shaibani"];
    check_editor(
        text,
        [nested(), vec![ClickAt(2)]].concat(),
        (both, Some("Syria’s Foreign Minister, Asaad al-Shaibani"), None),
    );
    check_editor(text, [nested(), vec![ClickAt(2), ClickAt(2)]].concat(), (both, Some("Syria"), None));
    check_editor(
        text,
        [nested(), vec![ClickAt(2), ClickAt(2), ClickAt(3)]].concat(),
        (both, Some("Syria’s Foreign Minister, Asaad al-Shaibani"), None),
    );
    check_editor(text, [nested(), vec![ClickAt(50)]].concat(), (both, None, None));
    check_editor(text, [nested(), vec![ClickAt(2), Deselect]].concat(), (both, None, None));
    // Delete removes the selected annotation only.
    check_editor(text, [nested(), vec![ClickAt(2), ClickAt(2), RemoveSelected]].concat(), (&both[1..], None, None));
    check_editor(text, [nested(), vec![Escape, RemoveSelected]].concat(), (both, None, None));
    // With an annotation selected, a key relabels it.
    check_editor(
        text,
        [nested(), vec![ClickAt(2), ClickAt(2), Apply { label: label("event"), selection: None }]].concat(),
        (&["event:Syria", "actor:Syria’s Foreign Minister, Asaad al-Shaibani"], Some("Syria"), None),
    );
    // Undo brings back a removed annotation under its id; redo removes it again.
    let mut e = editor(text);
    e.apply(Apply { label: label("actor"), selection: sel(47, 57) });
    let id = e.annotations().iter().next().map(|a| a.id.clone()).expect("added");
    e.apply(Remove(id.clone()));
    assert!(e.annotations().is_empty());
    e.apply(Undo);
    assert_eq!(e.annotations().iter().map(|a| a.id.clone()).collect::<Vec<_>>(), std::slice::from_ref(&id));
    e.apply(Redo);
    assert!(e.annotations().is_empty());
    e.apply(Undo);
    e.apply(Undo);
    assert!(e.annotations().is_empty());
    assert!(!e.history().can_undo());
    // Unknown labels and whitespace-only selections change nothing.
    check_editor(text, vec![Apply { label: label("nope"), selection: sel(0, 5) }], (&[], None, None));
    check_editor(text, vec![Apply { label: label("actor"), selection: sel(7, 8) }], (&[], None, None));
}

/// A wrong key is put right by one more: the span just tagged is selected, so the next label
/// relabels it, Delete removes it and Escape deselects it.
#[test]
fn a_new_span_is_selected() {
    use Action::*;
    let text = "Syria’s Foreign Minister, Asaad al-Shaibani met Ron Dermer.";
    let tag = |name: &str, s, e| Apply { label: label(name), selection: Some(Span::new(s, e)) };
    let key = |name: &str| Apply { label: label(name), selection: None };
    // Each case: its name, the actions, and what follows (annotations, selected quote, armed label).
    type Case<'a> = (&'a str, Vec<Action>, (&'a [&'a str], Option<&'a str>, Option<&'a str>));
    let cases: Vec<Case> = vec![
        (
            "tag, then another key",
            vec![tag("actor", 48, 58), key("location")],
            (&["location:Ron Dermer"], Some("Ron Dermer"), None),
        ),
        ("tag, then Delete", vec![tag("actor", 48, 58), RemoveSelected], (&[], None, None)),
        (
            "tag, then Escape, then a key arms",
            vec![tag("actor", 48, 58), Escape, key("claim")],
            (&["actor:Ron Dermer"], None, Some("claim")),
        ),
        // The second tag selects the new span, not the one selected before.
        (
            "tag twice",
            vec![tag("actor", 48, 58), tag("location", 0, 5), key("event")],
            (&["event:Syria", "actor:Ron Dermer"], Some("Syria"), None),
        ),
        // The same span with the same label again adds nothing and selects the one there.
        (
            "a twin",
            vec![tag("actor", 48, 58), tag("location", 0, 5), tag("actor", 47, 58)],
            (&["location:Syria", "actor:Ron Dermer"], Some("Ron Dermer"), None),
        ),
        // An armed label: each selection is tagged and selected; another key relabels the last.
        (
            "armed",
            vec![key("actor"), SelectText(Span::new(26, 43)), SelectText(Span::new(48, 58)), key("claim")],
            (&["actor:Asaad al-Shaibani", "claim:Ron Dermer"], Some("Ron Dermer"), Some("actor")),
        ),
        // Undoing the tag leaves nothing selected; a whitespace-only selection selects nothing.
        ("undo", vec![tag("actor", 48, 58), Undo], (&[], None, None)),
        ("whitespace", vec![tag("actor", 7, 8)], (&[], None, None)),
    ];
    for (name, actions, expected) in cases {
        let mut e = editor(text);
        for a in actions {
            e.apply(a);
        }
        let got: Vec<String> =
            e.annotations().iter().map(|a| format!("{}:{}", a.label.as_str(), e.doc().slice(a.span))).collect();
        assert_eq!(got, expected.0, "{name}: annotations");
        let selected = e.selected.as_ref().and_then(|id| e.annotations().get(id)).map(|a| e.doc().slice(a.span));
        assert_eq!(selected, expected.1, "{name}: selected");
        assert_eq!(e.armed.as_ref().map(LabelId::as_str), expected.2, "{name}: armed");
    }
}
