//! Label changes mixed with tagging, undo, redo and renaming the document, in any order: no annotation is ever left with
//! a label the document lacks, and a reload gives back the same labels, annotations and history
//! (a property test; SPANMARK_FUZZ_CASES sets the count).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use spanmark::model::persist::Stored;
use spanmark::model::{Action, Document, Editor, LabelChange, LabelId, Labels, Span};

const TEXT: &str = "Ron Dermer met Asaad al-Shaibani in Paris; SANA said the talks went well.";
const IDS: [&str; 6] = ["actor", "location", "claim", "event", "org", "org-2"];

fn cases(default: u32) -> ProptestConfig {
    let n = std::env::var("SPANMARK_FUZZ_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(default);
    ProptestConfig { cases: n, failure_persistence: None, ..ProptestConfig::default() }
}

fn id(i: usize) -> LabelId {
    LabelId::new(IDS[i % IDS.len()])
}

fn action() -> impl Strategy<Value = Action> {
    let names = prop_oneof![Just("Org"), Just("org"), Just("Person"), Just(""), Just("Actor")];
    let keys = prop_oneof![Just("1"), Just("5"), Just("q"), Just(""), Just("ab")];
    let change = prop_oneof![
        (names.clone(), keys.clone()).prop_map(|(n, k)| LabelChange::Add {
            name: n.to_owned(),
            colour: "#0072b2".to_owned(),
            hotkey: k.to_owned()
        }),
        (0..6usize, names).prop_map(|(i, n)| LabelChange::Rename { id: id(i), name: n.to_owned() }),
        (0..6usize).prop_map(|i| LabelChange::Recolour { id: id(i), colour: "#123abc".to_owned() }),
        (0..6usize, keys).prop_map(|(i, k)| LabelChange::SetHotkey { id: id(i), hotkey: k.to_owned() }),
        (0..6usize, any::<bool>()).prop_map(|(i, up)| LabelChange::Move { id: id(i), up }),
        (0..6usize, proptest::option::of(0..6usize))
            .prop_map(|(i, to)| LabelChange::Delete { id: id(i), reassign: to.map(id) }),
    ];
    prop_oneof![
        change.prop_map(Action::ChangeLabels),
        (0..6usize, 0..70u32, 1..8u32)
            .prop_map(|(i, s, n)| Action::Annotate { label: id(i), span: Span::new(s, s + n) }),
        Just(Action::Undo),
        Just(Action::Redo),
        // A rename stores the document's record again, with the labels of the moment.
        prop_oneof![Just("One"), Just("Two")]
            .prop_map(|t| Action::RenameDocument { id: "d1".to_owned(), title: t.to_owned() }),
    ]
}

fn picture(e: &Editor) -> (Vec<String>, Vec<String>, usize, usize) {
    let labels = e
        .labels()
        .iter()
        .map(|l| {
            format!("{}:{}:{}:{}", l.id.as_str(), l.name, l.colour, l.hotkey.map(String::from).unwrap_or_default())
        })
        .collect();
    let anns =
        e.annotations().iter().map(|a| format!("{}:{}-{}", a.label.as_str(), a.span.start(), a.span.end())).collect();
    (labels, anns, e.history().done().len(), e.history().undone().len())
}

proptest! {
    #![proptest_config(cases(300))]
    #[test]
    fn labels_and_spans_stay_in_step_and_survive_a_reload(actions in proptest::collection::vec(action(), 1..30)) {
        let seed = || Document::new("seed.txt", "The seed.").expect("small");
        let mut e = Editor::new(seed(), Labels::news());
        e.apply(Action::NewDocument { title: "t.txt".to_owned(), text: TEXT.to_owned() });
        let mut store = Stored::default();
        for (n, a) in actions.into_iter().enumerate() {
            e.apply(a);
            for a in e.annotations().iter() {
                prop_assert!(e.labels().get(&a.label).is_some(), "{} has no label {}", a.id.as_str(), a.label.as_str());
            }
            // Store every few steps, as the autosave does.
            if n % 3 == 0 {
                let upto = e.unsaved().last().map(|(n, _)| *n);
                for (_, w) in e.unsaved() {
                    store.apply(w);
                }
                if let Some(upto) = upto {
                    e.apply(Action::Saved(upto));
                }
            }
        }
        for (_, w) in e.unsaved() {
            store.apply(w);
        }
        let back = Editor::restore(seed(), Labels::news(), store);
        prop_assert!(back.notice.is_none(), "{:?}", back.notice);
        prop_assert_eq!(picture(&back), picture(&e));
    }
}
