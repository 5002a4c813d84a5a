//! The importers and the model never panic, whatever a file holds: property tests over arbitrary
//! bytes, over mutated valid files, and over stored records. `make test` runs 100,000+ cases;
//! `make fuzz` many more (SPANMARK_FUZZ_CASES sets the count per property).
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use proptest::prelude::*;
use spanmark::model::formats::export::render;
use spanmark::model::formats::spanmark as native;
use spanmark::model::formats::{Unit, FORMATS};
use spanmark::model::persist::{AnnRecord, EditRecord, Op, OpRecord, Record, SnapshotRecord, Stored};
use spanmark::model::{input, Action, Document, Editor, LabelId, Labels, Span};

const SEED: &str = include_str!("../assets/article.txt");

fn cases(default: u32) -> ProptestConfig {
    let n = std::env::var("SPANMARK_FUZZ_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(default);
    ProptestConfig { cases: n, failure_persistence: None, ..ProptestConfig::default() }
}

/// A valid file in each format of the registry that spanmark reads, over a text with astral
/// characters and CRLF.
fn valid_files() -> Vec<(String, Vec<u8>)> {
    let text = "Family 👩‍👩‍👦 in Daraa 🇮🇱\r\ne\u{301} وزير שר\r\n“quoted”";
    let mut e = Editor::new(Document::new("t.txt", text).expect("small"), Labels::news());
    for (label, s, end) in [("actor", 0, 6), ("location", 17, 22), ("event", 7, 22), ("claim", 28, 40)] {
        e.apply(Action::Annotate { label: LabelId::new(label), span: Span::new(s, end) });
    }
    FORMATS
        .iter()
        .filter(|f| !f.read.is_empty())
        .map(|f| {
            let out = render(f, e.doc(), e.labels(), e.annotations(), "2026-11-26T00:00:00.000Z", Unit::Utf16);
            (out.filename, out.bytes)
        })
        .collect()
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Truncate(usize),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    /// Replaces a run of digits (an offset, a length) with another number.
    Number(usize, u64),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..8)).prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<usize>(), 1usize..40).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<usize>(), any::<u64>()).prop_map(|(i, n)| Mutation::Number(i, n)),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match m {
            Mutation::Flip(i, b) => {
                if !bytes.is_empty() {
                    bytes[i % len] = *b;
                }
            }
            Mutation::Truncate(i) => bytes.truncate(i % len),
            Mutation::Insert(i, b) => {
                let at = i % (bytes.len() + 1);
                bytes.splice(at..at, b.iter().copied());
            }
            Mutation::Delete(i, n) => {
                let at = i % len;
                let end = (at + n).min(bytes.len());
                if at < end {
                    bytes.drain(at..end);
                }
            }
            Mutation::Number(i, n) => {
                let digits: Vec<usize> = (0..bytes.len()).filter(|&k| bytes[k].is_ascii_digit()).collect();
                if let Some(&at) = digits.get(i % digits.len().max(1)) {
                    let end = (at..bytes.len()).find(|&k| !bytes[k].is_ascii_digit()).unwrap_or(bytes.len());
                    bytes.splice(at..end, n.to_string().into_bytes());
                }
            }
        }
    }
    bytes
}

/// Opens `bytes` in an editor with work in it; the work must be unchanged unless the file was
/// good, and nothing may panic.
fn open_into_editor(name: &str, bytes: Vec<u8>) {
    let mut e = Editor::new(Document::new("article.txt", SEED).expect("seed"), Labels::news());
    e.apply(Action::Annotate { label: LabelId::new("actor"), span: Span::new(262, 272) });
    let before = native::serialize(e.doc(), e.labels(), e.annotations(), "t");
    let result = input::open(name, &bytes, input::Options::default());
    let failed = result.is_err();
    e.apply(Action::OpenFile { name: name.to_owned(), bytes: Rc::new(bytes) });
    if failed {
        assert_eq!(e.docs.len(), 1);
        assert_eq!(native::serialize(e.doc(), e.labels(), e.annotations(), "t"), before);
    }
    // Whatever opened must export and read back.
    let out = native::serialize(e.doc(), e.labels(), e.annotations(), "t");
    assert!(native::parse(&out).is_ok());
}

proptest! {
    #![proptest_config(cases(50_000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300), json in any::<bool>()) {
        open_into_editor(if json { "f.json" } else { "f.txt" }, bytes);
    }

    #[test]
    fn mutated_files_never_panic(which in 0usize..FORMATS.len(), mutations in proptest::collection::vec(mutation(), 1..4)) {
        let files = valid_files();
        let (name, bytes) = files[which % files.len()].clone();
        let bytes = mutate(bytes, &mutations);
        let _ = native::parse(&String::from_utf8_lossy(&bytes));
        open_into_editor(&name, bytes);
    }
}

fn ann() -> impl Strategy<Value = AnnRecord> {
    (0u32..3100, 0u32..3100, prop_oneof![Just("actor"), Just("event"), Just("nope")], 0u8..6).prop_map(
        |(start, end, label, id)| AnnRecord {
            id: format!("a{id}"),
            label: label.to_owned(),
            start,
            end,
            created: None,
            annotators: Vec::new(),
            note: None,
            attributes: Vec::new(),
        },
    )
}

fn edit() -> impl Strategy<Value = EditRecord> {
    let leaf = prop_oneof![
        ann().prop_map(EditRecord::Add),
        ann().prop_map(EditRecord::Remove),
        (0u8..6, prop_oneof![Just("actor"), Just("claim"), Just("x")]).prop_map(|(id, to)| EditRecord::Relabel {
            id: format!("a{id}"),
            from: "actor".to_owned(),
            to: to.to_owned(),
        }),
    ];
    leaf.prop_recursive(2, 8, 4, |inner| {
        proptest::collection::vec(inner, 0..4).prop_map(|edits| EditRecord::Batch { edits })
    })
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![edit().prop_map(|edit| Op::Edit { edit }), Just(Op::Undo), Just(Op::Redo)]
}

proptest! {
    #![proptest_config(cases(5_000))]

    /// Stored records that were damaged or come from another version: restoring never panics,
    /// and the editor it gives works.
    #[test]
    fn damaged_storage_never_panics(
        ops in proptest::collection::vec((op(), 0u64..50), 0..20),
        snapshot in proptest::option::of((proptest::collection::vec(ann(), 0..5), proptest::collection::vec(edit(), 0..4), 0u64..50)),
    ) {
        let stored = Stored {
            workspace: None,
            docs: Vec::new(),
            snapshots: snapshot.into_iter().map(|(annotations, done, seq)| SnapshotRecord { doc: "seed".to_owned(), seq, labels: None, definitions: None, annotations, relations: Vec::new(), attributes: Vec::new(), done, undone: Vec::new() }).collect(),
            ops: ops.into_iter().map(|(op, seq)| OpRecord { doc: "seed".to_owned(), seq, op }).collect(),
        };
        let mut e = Editor::restore(Document::new("article.txt", SEED).expect("seed"), Labels::news(), stored);
        e.apply(Action::Undo);
        e.apply(Action::Redo);
        e.apply(Action::Annotate { label: LabelId::new("event"), span: Span::new(0, 6) });
        let out = native::serialize(e.doc(), e.labels(), e.annotations(), "t");
        prop_assert!(native::parse(&out).is_ok());
    }
}

proptest! {
    #![proptest_config(cases(5_000))]

    /// Records read back from the JSON they were stored as are the records written; the same
    /// JSON damaged is refused or read, never a panic.
    #[test]
    fn stored_records_read_back_as_written(
        op in op(),
        seq in 0u64..(1 << 53),
        annotations in proptest::collection::vec(ann(), 0..4),
        done in proptest::collection::vec(edit(), 0..3),
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let op = OpRecord { doc: "d1".to_owned(), seq, op };
        let snapshot = SnapshotRecord {
            doc: "d1".to_owned(),
            seq,
            labels: None,
            definitions: None,
            annotations,
            relations: Vec::new(),
            attributes: Vec::new(),
            undone: done.clone(),
            done,
        };
        let (op_json, snapshot_json) = (serde_json::to_string(&op).expect("json"), serde_json::to_string(&snapshot).expect("json"));
        prop_assert_eq!(OpRecord::from_json(&op_json), Ok(op));
        prop_assert_eq!(SnapshotRecord::from_json(&snapshot_json), Ok(snapshot));
        let _ = OpRecord::from_json(&String::from_utf8_lossy(&mutate(op_json.into_bytes(), &mutations)));
        let _ = SnapshotRecord::from_json(&String::from_utf8_lossy(&mutate(snapshot_json.into_bytes(), &mutations)));
    }
}
