//! Your own labels: the rules of a change, colour contrast, undo, storage, export and merge.

use super::{doc, editor, flush, label, open, restored, SEED};
use crate::model::contrast::{self, nearest_passing, parse, passes};
use crate::model::editor::{Action, Editor, ImportChoice, Notice};
use crate::model::formats::spanmark;
use crate::model::label::{LabelId, Labels};
use crate::model::label_edit::{id_for, LabelChange, PALETTE};
use crate::model::persist::Stored;
use crate::model::span::Span;

/// The labels as "id:name:colour:key", in the bar's order.
fn shown(labels: &Labels) -> Vec<String> {
    labels
        .iter()
        .map(|l| {
            format!("{}:{}:{}:{}", l.id.as_str(), l.name, l.colour, l.hotkey.map(String::from).unwrap_or_default())
        })
        .collect()
}

fn add(name: &str, colour: &str, hotkey: &str) -> LabelChange {
    LabelChange::Add { name: name.to_owned(), colour: colour.to_owned(), hotkey: hotkey.to_owned() }
}

fn id(s: &str) -> LabelId {
    LabelId::new(s)
}

const NEWS: [&str; 4] =
    ["actor:Actor:#e69f00:1", "location:Location:#56b4e9:2", "claim:Claim:#cc79a7:3", "event:Event:#009e73:4"];

/// Each row: a name, a change to the news labels (where Actor tags 2 annotations and the rest
/// none), and the labels after it (only those that differ from the news labels, by place) or the
/// refusal.
#[test]
fn label_changes_follow_the_rules() {
    use LabelChange::*;
    type Expected = Result<&'static [(usize, &'static str)], &'static str>;
    let rows: Vec<(&str, LabelChange, Expected)> = vec![
        ("add", add("Organisation", "#0072B2", "5"), Ok(&[(4, "organisation:Organisation:#0072b2:5")])),
        ("add trims the name", add("  Org  ", "#0072b2", "o"), Ok(&[(4, "org:Org:#0072b2:o")])),
        (
            "add makes an id from a name with spaces",
            add("Place of birth", "#0072b2", "p"),
            Ok(&[(4, "place-of-birth:Place of birth:#0072b2:p")]),
        ),
        ("add lowers a non-ASCII name for its id", add("ÉTAT", "#0072b2", "e"), Ok(&[(4, "état:ÉTAT:#0072b2:e")])),
        ("add with a blank name", add("  ", "#0072b2", "5"), Err("A label needs a name.")),
        (
            "add with a name taken, in other case",
            add("actor", "#0072b2", "5"),
            Err("There is already a label named Actor."),
        ),
        ("add with a key taken", add("Org", "#0072b2", "1"), Err("Key 1 already tags Actor: choose another key.")),
        ("add with no key", add("Org", "#0072b2", ""), Err("A hotkey is one character: type one.")),
        ("add with two keys", add("Org", "#0072b2", "56"), Err("A hotkey is one character, not 56.")),
        ("add with a space for a key", add("Org", "#0072b2", " "), Err("A hotkey cannot be a space.")),
        ("add with a colour not #rrggbb", add("Org", "red", "5"), Err("red is not a colour written #rrggbb.")),
        (
            "rename keeps the id",
            Rename { id: id("actor"), name: "Person".into() },
            Ok(&[(0, "actor:Person:#e69f00:1")]),
        ),
        (
            "rename to its own name in other case",
            Rename { id: id("actor"), name: "ACTOR".into() },
            Ok(&[(0, "actor:ACTOR:#e69f00:1")]),
        ),
        (
            "rename to another's name",
            Rename { id: id("actor"), name: "claim".into() },
            Err("There is already a label named Claim."),
        ),
        ("rename to blank", Rename { id: id("actor"), name: "".into() }, Err("A label needs a name.")),
        ("rename a label that is gone", Rename { id: id("nobody"), name: "X".into() }, Err("That label is gone.")),
        ("recolour", Recolour { id: id("claim"), colour: "#123ABC".into() }, Ok(&[(2, "claim:Claim:#123abc:3")])),
        (
            "recolour with a bad colour",
            Recolour { id: id("claim"), colour: "#12345".into() },
            Err("#12345 is not a colour written #rrggbb."),
        ),
        ("hotkey", SetHotkey { id: id("event"), hotkey: "e".into() }, Ok(&[(3, "event:Event:#009e73:e")])),
        ("hotkey its own again", SetHotkey { id: id("event"), hotkey: "4".into() }, Ok(&[])),
        (
            "hotkey clash names the other label",
            SetHotkey { id: id("event"), hotkey: "2".into() },
            Err("Key 2 already tags Location: choose another key."),
        ),
        ("move up", Move { id: id("claim"), up: true }, Ok(&[(1, NEWS[2]), (2, NEWS[1])])),
        ("move down", Move { id: id("actor"), up: false }, Ok(&[(0, NEWS[1]), (1, NEWS[0])])),
        ("move the first up", Move { id: id("actor"), up: true }, Ok(&[])),
        ("move the last down", Move { id: id("event"), up: false }, Ok(&[])),
        ("delete one not in use", Delete { id: id("event"), reassign: None }, Ok(&[(3, "-")])),
        (
            "delete one in use without a label to move to",
            Delete { id: id("actor"), reassign: None },
            Err("Actor tags 2 annotations: choose a label to move them to."),
        ),
        (
            "delete one in use, moving to itself",
            Delete { id: id("actor"), reassign: Some(id("actor")) },
            Err("Choose another label to move the annotations of Actor to."),
        ),
        (
            "delete one in use, moving to another",
            Delete { id: id("actor"), reassign: Some(id("claim")) },
            Ok(&[(0, NEWS[1]), (1, NEWS[2]), (2, NEWS[3]), (3, "-")]),
        ),
    ];
    let news = Labels::news();
    for (name, change, expected) in rows {
        let got = news.changed(&change, |l| if l.as_str() == "actor" { 2 } else { 0 }).map(|l| shown(&l));
        let want = expected.map(|diff| {
            let mut want: Vec<String> = NEWS.iter().map(|s| s.to_string()).collect();
            for (at, s) in diff {
                match (*s, *at < want.len()) {
                    ("-", _) => {
                        want.pop();
                    }
                    (s, true) => want[*at] = s.to_owned(),
                    (s, false) => want.push(s.to_owned()),
                }
            }
            want
        });
        assert_eq!(got, want.map_err(str::to_owned), "{name}");
    }
    // The last label is never deleted.
    let one = Labels::news().changed(&LabelChange::Delete { id: id("event"), reassign: None }, |_| 0).expect("fine");
    let one = [("actor", "event"), ("location", "x")].iter().fold(one, |l, (gone, _)| {
        l.changed(&LabelChange::Delete { id: id(gone), reassign: None }, |_| 0).expect("fine")
    });
    assert_eq!(
        one.changed(&LabelChange::Delete { id: id("claim"), reassign: None }, |_| 0),
        Err("Claim is the only label: add another before deleting it.".to_owned())
    );
}

#[test]
fn new_ids_are_made_from_names_and_unique() {
    let news: Vec<_> = Labels::news().to_vec();
    for (name, want) in
        [("Person", "person"), ("Actor", "actor-2"), ("!!", "label"), ("a b", "a-b"), ("Ünïcode", "ünïcode")]
    {
        assert_eq!(id_for(name, &news).as_str(), want, "{name}");
    }
}

/// Each row: a colour, whether the ink on its tints reaches 4.5:1 in both themes, and the nearest
/// colour that does.
#[test]
fn colours_are_checked_against_both_themes() {
    let rows = [
        ("Okabe–Ito orange passes", "#e69f00", true, "#e69f00"),
        ("Okabe–Ito blue passes", "#0072b2", true, "#0072b2"),
        ("yellow fails on the dark button and darkens", "#f0e442", false, "#cac037"),
        ("white fails in the dark theme and darkens", "#ffffff", false, "#bdbdbd"),
        ("black passes: its tints over the light page stay light", "#000000", true, "#000000"),
        ("pure red passes", "#ff0000", true, "#ff0000"),
    ];
    for (name, colour, pass, nearest) in rows {
        let rgb = parse(colour).expect("test colours parse");
        assert_eq!(passes(rgb), pass, "{name}");
        let near = nearest_passing(rgb);
        assert!(passes(near), "{name}: the nearest passes");
        assert_eq!(contrast::format(near), nearest, "{name}");
        assert_eq!(contrast::advice(rgb).is_none(), pass, "{name}: advice only when it fails");
    }
    assert_eq!(
        contrast::advice([0xff, 0xff, 0xff]).as_deref(),
        Some("In the dark theme the text on the highlight under the pointer reaches 2.8:1 (at least 4.5:1 is needed).")
    );
    for c in PALETTE.iter().chain(Labels::news().iter().map(|l| l.colour.as_str()).collect::<Vec<_>>().iter()) {
        assert!(passes(parse(c).expect("palette colours parse")), "{c} in the palette passes");
    }
}

/// The theme colours the check uses are the style sheet's.
#[test]
fn contrast_uses_the_theme_of_the_style_sheet() {
    let css = include_str!("../../../styles/theme.css");
    for (var, index) in [("--ink", 0), ("--paper", 1), ("--surface", 2)] {
        let line = css.lines().find(|l| l.trim_start().starts_with(&format!("{var}:"))).expect("the variable is there");
        for theme in contrast::THEMES {
            let want = [theme.ink, theme.paper, theme.surface][index];
            assert!(line.contains(&contrast::format(want)), "{var} in the {} theme is {line}", theme.name);
        }
    }
}

fn changes(e: &mut Editor, list: Vec<LabelChange>) {
    for c in list {
        e.apply(Action::ChangeLabels(c));
    }
}

fn anns(e: &Editor) -> Vec<String> {
    e.annotations().iter().map(|a| format!("{}:{}", a.label.as_str(), e.doc().slice(a.span))).collect()
}

/// Each row: a name and label changes made to the seed with Ron Dermer (Actor) and Paris
/// (Location) tagged. Each is one undo step; undone all, the news labels are back; after a
/// reload (all done, or half undone), labels, annotations and what undo does are the same.
#[test]
fn every_change_is_undone_by_one_step_and_survives_a_reload() {
    use LabelChange::*;
    let rows: Vec<(&str, Vec<LabelChange>)> = vec![
        ("add", vec![add("Organisation", "#0072b2", "5")]),
        ("rename", vec![Rename { id: id("actor"), name: "Person".into() }]),
        ("recolour", vec![Recolour { id: id("claim"), colour: "#123abc".into() }]),
        ("hotkey", vec![SetHotkey { id: id("event"), hotkey: "e".into() }]),
        ("move", vec![Move { id: id("event"), up: true }, Move { id: id("event"), up: true }]),
        ("delete unused", vec![Delete { id: id("claim"), reassign: None }]),
        ("delete in use, reassigned", vec![Delete { id: id("actor"), reassign: Some(id("event")) }]),
        (
            "add then tag then delete",
            vec![add("Org", "#0072b2", "5"), Delete { id: id("org"), reassign: Some(id("claim")) }],
        ),
    ];
    for (name, list) in rows {
        let mut e = editor(SEED);
        e.apply(Action::Annotate { label: label("actor"), span: Span::new(262, 272) });
        e.apply(Action::Annotate { label: label("location"), span: Span::new(55, 60) });
        if name.starts_with("add then tag") {
            changes(&mut e, list[..1].to_vec());
            e.apply(Action::Annotate { label: label("org"), span: Span::new(173, 178) });
        }
        let mut store = Stored::default();
        flush(&mut e, &mut store);
        let before = (shown(e.labels()), anns(&e), e.history().depth());
        let start = if name.starts_with("add then tag") { 1 } else { 0 };
        changes(&mut e, list[start..].to_vec());
        assert_ne!(shown(e.labels()), before.0, "{name}: the labels changed");
        assert_eq!(e.history().depth(), before.2 + list.len() - start, "{name}: one step per change");
        flush(&mut e, &mut store);
        let back = restored(&store);
        assert_eq!((shown(back.labels()), anns(&back)), (shown(e.labels()), anns(&e)), "{name}: reload");
        let mut undone = e.clone();
        let mut undone_back = back.clone();
        for _ in start..list.len() {
            undone.apply(Action::Undo);
            undone_back.apply(Action::Undo);
        }
        assert_eq!((shown(undone.labels()), anns(&undone), undone.history().depth()), before, "{name}: undone");
        assert_eq!(
            (shown(undone_back.labels()), anns(&undone_back)),
            (before.0.clone(), before.1.clone()),
            "{name}: undone after a reload"
        );
        // Undone, stored and reloaded; then redone.
        flush(&mut undone, &mut store);
        let mut again = restored(&store);
        assert_eq!(shown(again.labels()), before.0, "{name}: undone survives a reload");
        for _ in start..list.len() {
            again.apply(Action::Redo);
        }
        assert_eq!(
            (shown(again.labels()), anns(&again)),
            (shown(e.labels()), anns(&e)),
            "{name}: redone after a reload"
        );
    }
}

/// A renamed document rewrites its record with the labels of now; the snapshot each change of
/// labels stores keeps a reload right all the same.
#[test]
fn a_rename_after_label_changes_keeps_the_history_right() {
    let mut e = Editor::new(doc(SEED), Labels::news());
    open(&mut e, "note.txt", b"Ron Dermer met Asaad al-Shaibani.");
    let mut store = Stored::default();
    e.apply(Action::Annotate { label: label("actor"), span: Span::new(0, 10) });
    e.apply(Action::ChangeLabels(LabelChange::Delete { id: id("actor"), reassign: Some(id("claim")) }));
    let doc_id = e.current().id.clone();
    e.apply(Action::RenameDocument { id: doc_id, title: "Renamed".into() });
    flush(&mut e, &mut store);
    let mut back = restored(&store);
    assert_eq!(anns(&back), ["claim:Ron Dermer"]);
    back.apply(Action::Undo);
    assert_eq!(anns(&back), ["actor:Ron Dermer"]);
    assert_eq!(back.labels().len(), 4);
    assert!(back.notice.is_none(), "{:?}", back.notice);
}

#[test]
fn labels_travel_in_the_native_export() {
    let mut e = editor(SEED);
    e.apply(Action::Annotate { label: label("actor"), span: Span::new(262, 272) });
    changes(
        &mut e,
        vec![
            LabelChange::Rename { id: id("actor"), name: "Person".into() },
            add("Organisation", "#0072b2", "5"),
            LabelChange::Move { id: id("organisation"), up: true },
        ],
    );
    let file = spanmark::serialize(e.doc(), e.labels(), e.annotations(), "2026-12-01T00:00:00.000Z");
    let project = spanmark::parse(&file).expect("our export reads back");
    assert_eq!(shown(&project.labels), shown(e.labels()));
    assert_eq!(project.annotations.iter().map(|a| a.label.as_str()).collect::<Vec<_>>(), ["actor"]);
    assert!(file.contains("\"Person\""), "the export names the label Person");
}

/// Label Studio's export of the seed with its Actor spans called Person, merged into the seed:
/// Person is added (with a free key and a colour that passes) and the spans merged, in one step.
#[test]
fn merging_a_file_with_new_labels_adds_them() {
    let peer =
        include_str!("../../../tests/fixtures/peers/labelstudio_article.json").replace("\"Actor\"", "\"Person\"");
    let mut e = editor(SEED);
    e.apply(Action::Annotate { label: label("location"), span: Span::new(55, 60) });
    open(&mut e, "people.json", peer.as_bytes());
    assert!(e.pending.is_some(), "the same text is open: it asks");
    let mut store = Stored::default();
    e.apply(Action::ResolveImport(ImportChoice::Merge));
    let person = e.labels().by_id("person").map(|l| (l.name.clone(), l.hotkey, passes(parse(&l.colour).expect("hex"))));
    assert_eq!(person, Some(("Person".to_owned(), Some('5'), true)));
    assert_eq!(anns(&e).iter().filter(|a| a.starts_with("person:")).count(), 2);
    assert_eq!(
        e.notice,
        Some(Notice::Info("Merged people.json: 5 added, 1 exact duplicate dropped. Label added: Person.".to_owned()))
    );
    flush(&mut e, &mut store);
    let back = restored(&store);
    assert_eq!((shown(back.labels()), anns(&back)), (shown(e.labels()), anns(&e)));
    e.apply(Action::Undo);
    assert_eq!(shown(e.labels()), NEWS);
    assert_eq!(anns(&e), ["location:Paris"]);
    // A file whose new label has the name of one of ours, in other case, lands on ours.
    let mut e = editor(SEED);
    e.apply(Action::ChangeLabels(LabelChange::Rename { id: id("actor"), name: "person".into() }));
    open(&mut e, "people.json", peer.as_bytes());
    e.apply(Action::ResolveImport(ImportChoice::Merge));
    assert_eq!(e.labels().len(), 4);
    assert_eq!(anns(&e).iter().filter(|a| a.starts_with("actor:")).count(), 2);
}

/// A change of labels is stored as JSON that reads back the same; a snapshot stored before
/// labels could change (without `labels`) still reads, with none.
#[test]
fn changes_of_labels_keep_their_stored_json() {
    use crate::model::persist::{EditRecord, LabelRecord, Op, OpRecord, Record, SnapshotRecord};
    let label = |id: &str, key: &str| LabelRecord {
        id: id.to_owned(),
        name: id.to_owned(),
        colour: "#e69f00".to_owned(),
        hotkey: key.to_owned(),
        attributes: Vec::new(),
    };
    let op = OpRecord {
        doc: "d1".to_owned(),
        seq: 3,
        op: Op::Edit {
            edit: EditRecord::Labels {
                before: vec![label("a", "1")],
                after: vec![label("a", "1"), label("b", "2")],
                before_definitions: None,
                after_definitions: None,
            },
        },
    };
    let json = serde_json::to_string(&op).expect("json");
    assert_eq!(
        json,
        r##"{"doc":"d1","seq":3,"op":{"kind":"edit","edit":{"kind":"labels","before":[{"id":"a","name":"a","colour":"#e69f00","hotkey":"1"}],"after":[{"id":"a","name":"a","colour":"#e69f00","hotkey":"1"},{"id":"b","name":"b","colour":"#e69f00","hotkey":"2"}]}}}"##
    );
    assert_eq!(OpRecord::from_json(&json), Ok(op));
    let old = r#"{"doc":"d1","seq":2,"annotations":[],"done":[],"undone":[]}"#;
    assert_eq!(SnapshotRecord::from_json(old).map(|s| s.labels), Ok(None));
    let new = r##"{"doc":"d1","seq":2,"labels":[{"id":"a","name":"a","colour":"#e69f00","hotkey":"1"}],"annotations":[],"done":[],"undone":[]}"##;
    let read = SnapshotRecord::from_json(new).expect("reads");
    assert_eq!(read.labels, Some(vec![label("a", "1")]));
    assert_eq!(serde_json::to_string(&read).expect("json"), new);
}
