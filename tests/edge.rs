//! The browser edge in a real browser (headless Chromium through wasm-bindgen-test): the
//! Article component rendered over texts with emoji, ZWJ sequences, combining marks, CRLF, lone CR,
//! Arabic and Hebrew; DOM selections set at every pair of UTF-16 boundaries come back as the right
//! code-point spans, and code-point spans selected by the edge read back the same. Storage: the
//! records IndexedDB holds are structured objects, and what earlier versions stored restores. Run
//! with `make test-wasm`.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use spanmark::edge::selection::{selected_span, show, Show};
use spanmark::model::search::Found;
use spanmark::model::{Action, Annotation, AnnotationId, AnnotationSet, Document, LabelId, Labels, Span};
use spanmark::ui::{Article, ArticleProps, DocRef};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Node};
use yew::{Callback, NodeRef};

wasm_bindgen_test_configure!(run_in_browser);

const TEXTS: &[&str] = &[
    "Flag 🇮🇱 and family 👩‍👩‍👦 here",
    "Cafe\u{301} 🙅🏽‍♀️ ok",
    "one\r\ntwo\r\n\r\nthree",
    "lone\rcr\nlf",
    "وزير الخارجية 📰 שר החוץ",
];

async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Renders an Article over `text` with a few annotations (so the DOM has nested marks); returns
/// the article element.
async fn render(text: &str) -> (Element, Rc<Document>) {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let root = document.create_element("div").expect("div");
    document.body().expect("body").append_child(&root).expect("append");
    let doc = Rc::new(Document::new("t", text).expect("small"));
    let mut annotations = AnnotationSet::new();
    let n = doc.len();
    for (i, (s, e)) in [(0, n / 2), (n / 4, n / 3), (n / 3, n)].into_iter().enumerate() {
        let span = Span::new(s, e);
        let _ = annotations.insert(Annotation::new(AnnotationId::new(&format!("t{i}")), LabelId::new("actor"), span));
    }
    let node_ref = NodeRef::default();
    let props = ArticleProps {
        doc: DocRef(doc.clone()),
        labels: Rc::new(Labels::news()),
        annotations: Rc::new(annotations),
        selected: None,
        armed: false,
        flash: None,
        found: None,
        // Every span's label drawn on the text: generated content, which no offset may count.
        matches: Rc::new(Found::default()),
        chips_all: true,
        node_ref: node_ref.clone(),
        onaction: Callback::from(|_: Action| {}),
        suggestions: Rc::default(),
        onsuggest: Callback::noop(),
        relations: Rc::default(),
        linking: None,
        onlinking: Callback::noop(),
    };
    yew::Renderer::<Article>::with_root_and_props(root.clone(), props).render();
    next_frame().await;
    let article = root.query_selector("article").expect("query").expect("an article");
    (article, doc)
}

/// The text nodes under `node`, in document order.
fn text_nodes(node: &Node, out: &mut Vec<Node>) {
    if node.node_type() == Node::TEXT_NODE {
        out.push(node.clone());
    }
    let children = node.child_nodes();
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            text_nodes(&child, out);
        }
    }
}

/// The DOM boundary point at UTF-16 offset `at` of `article`'s text.
fn locate(article: &Element, at: u32) -> (Node, u32) {
    let mut nodes = Vec::new();
    text_nodes(article, &mut nodes);
    let mut seen = 0;
    for node in &nodes {
        let len = node.text_content().map_or(0, |t| t.encode_utf16().count() as u32);
        if at < seen + len {
            return (node.clone(), at - seen);
        }
        seen += len;
    }
    let last = nodes.last().expect("the article has text");
    let len = last.text_content().map_or(0, |t| t.encode_utf16().count() as u32);
    (last.clone(), len)
}

fn select(article: &Element, start: u32, end: u32) {
    let window = web_sys::window().expect("window");
    let document = window.document().expect("document");
    let range = document.create_range().expect("range");
    let (sn, so) = locate(article, start);
    let (en, eo) = locate(article, end);
    range.set_start(&sn, so).expect("start");
    range.set_end(&en, eo).expect("end");
    let selection = window.get_selection().expect("selection").expect("selection");
    selection.remove_all_ranges().expect("clear");
    selection.add_range(&range).expect("add");
}

#[wasm_bindgen_test]
async fn the_article_text_is_the_document() {
    for text in TEXTS {
        let (article, _) = render(text).await;
        assert_eq!(article.text_content().as_deref(), Some(*text));
        assert!(article.query_selector("mark[data-id][data-label]").expect("query").is_some());
        article.parent_element().expect("root").remove();
    }
}

#[wasm_bindgen_test]
async fn every_selection_maps_to_its_code_points() {
    let mut checked = 0;
    for text in TEXTS {
        let (article, doc) = render(text).await;
        // Code point boundaries and their UTF-16 offsets.
        let mut bounds = vec![(0u32, 0u32)];
        for (i, c) in text.chars().enumerate() {
            let (_, u) = bounds[i];
            bounds.push((i as u32 + 1, u + c.len_utf16() as u32));
        }
        for (i, &(cs, us)) in bounds.iter().enumerate() {
            for &(ce, ue) in &bounds[i + 1..] {
                select(&article, us, ue);
                let got = selected_span(&article, &doc);
                assert_eq!(got, Some(Span::new(cs, ce)), "{text:?}: UTF-16 {us}..{ue}");
                checked += 1;
            }
        }
        article.parent_element().expect("root").remove();
    }
    assert!(checked > 1000, "only {checked} selections were checked");
}

#[wasm_bindgen_test]
async fn selections_outside_are_clamped_or_ignored() {
    let text = TEXTS[0];
    let (article, doc) = render(text).await;
    let window = web_sys::window().expect("window");
    let document = window.document().expect("document");
    let body = document.body().expect("body");
    let before = document.create_element("p").expect("p");
    before.set_text_content(Some("outside"));
    body.insert_before(&before, body.first_child().as_ref()).expect("insert");
    // From outside (before the article) into it: clamped to the start.
    let range = document.create_range().expect("range");
    range.set_start(&before, 0).expect("start");
    let (en, eo) = locate(&article, 4);
    range.set_end(&en, eo).expect("end");
    let selection = window.get_selection().expect("selection").expect("selection");
    selection.remove_all_ranges().expect("clear");
    selection.add_range(&range).expect("add");
    assert_eq!(selected_span(&article, &doc), Some(Span::new(0, 4)));
    // Wholly outside: nothing.
    range.set_end(&before, 1).expect("end");
    selection.remove_all_ranges().expect("clear");
    selection.add_range(&range).expect("add");
    assert_eq!(selected_span(&article, &doc), None);
    // Collapsed: nothing.
    select(&article, 3, 3);
    assert_eq!(selected_span(&article, &doc), None);
    before.remove();
    article.parent_element().expect("root").remove();
}

#[wasm_bindgen_test]
fn a_panic_leaves_a_message_not_a_blank_page() {
    spanmark::edge::panic::show_message("panicked at src/model/x.rs:1:1: boom");
    let document = web_sys::window().and_then(|w| w.document()).expect("document");
    let overlay = document.get_element_by_id("crash").expect("the crash message is on the page");
    assert_eq!(overlay.get_attribute("role").as_deref(), Some("alert"));
    let text = overlay.text_content().unwrap_or_default();
    assert!(text.contains("reload the page to carry on"), "{text}");
    assert!(text.contains("boom"), "{text}");
    overlay.remove();
}

#[wasm_bindgen_test]
async fn every_span_selected_from_code_points_reads_back_the_same() {
    // The way back, used by find: a code-point span becomes a DOM selection, which the edge
    // reads as the same span.
    let mut checked = 0;
    for text in TEXTS {
        let (article, doc) = render(text).await;
        let n = doc.len();
        for start in 0..n {
            for end in start + 1..=n {
                let span = Span::new(start, end);
                assert!(show(&article, &doc, span, Show::Select), "{text:?}: {start}..{end} is drawn");
                assert_eq!(selected_span(&article, &doc), Some(span), "{text:?}: {start}..{end}");
                checked += 1;
            }
        }
        article.parent_element().expect("root").remove();
    }
    assert!(checked > 1000, "only {checked} spans were checked");
}

/// The browser's segmenter, as the model uses it: clusters of emoji, flags, ZWJ sequences,
/// combining marks, CRLF and Arabic are what a reader sees, and a selection over half of one
/// widens to all of it.
#[wasm_bindgen_test]
fn the_browsers_clusters_are_whole_characters() {
    spanmark::edge::segmenter::install();
    fn check(text: &str, expected: &[&str]) {
        let starts = spanmark::model::graphemes::starts(text);
        let clusters: Vec<&str> = starts
            .iter()
            .enumerate()
            .map(|(i, &s)| &text[s..starts.get(i + 1).copied().unwrap_or(text.len())])
            .collect();
        assert_eq!(clusters, expected, "{text:?}");
    }
    check("", &[]);
    check("👩‍👩‍👦!", &["👩‍👩‍👦", "!"]);
    check("🇮🇱🇮🇱", &["🇮🇱", "🇮🇱"]);
    check("Cafe\u{301}", &["C", "a", "f", "e\u{301}"]);
    check("a\r\nb\rc\n", &["a", "\r\n", "b", "\r", "c", "\n"]);
    check("🙅🏽‍♀️ وزير שר", &["🙅🏽‍♀️", " ", "و", "ز", "ي", "ر", " ", "ש", "ר"]);
    let doc = Document::new("t", "Flag 🇮🇱 and family 👩‍👩‍👦 here").expect("small");
    assert_eq!(doc.tidy_selection(Span::new(6, 7)).map(|s| doc.slice(s)), Some("🇮🇱"));
    assert_eq!(doc.tidy_selection(Span::new(20, 22)).map(|s| doc.slice(s)), Some("👩‍👩‍👦"));
    assert_eq!(doc.grapheme_starts().len(), 24 + 1);
}

/// The browser's word segmenter, as the model uses it: the same pieces as the crate's natively
/// (src/model/words.rs has the same cases).
#[wasm_bindgen_test]
fn the_browsers_words_are_the_models() {
    spanmark::edge::segmenter::install();
    fn check(text: &str, expected: &[(&str, bool)]) {
        let got: Vec<(&str, bool)> =
            spanmark::model::words::pieces(text).iter().map(|p| (&text[p.start..p.end], p.word)).collect();
        assert_eq!(got, expected, "{text:?}");
    }
    check("", &[]);
    check("Paris, France.", &[("Paris", true), (",", false), (" ", false), ("France", true), (".", false)]);
    check("“de-escalation", &[("“", false), ("de", true), ("-", false), ("escalation", true)]);
    check("Syria’s talks", &[("Syria’s", true), (" ", false), ("talks", true)]);
    check("13 July 1948", &[("13", true), (" ", false), ("July", true), (" ", false), ("1948", true)]);
    check("أسعد الشيباني", &[("أسعد", true), (" ", false), ("الشيباني", true)]);
}

/// Revealing an annotation finds its marks by id whatever the id holds (ids come from files),
/// rings them, and takes the ring off after a while (a mark ringed again keeps it until then).
#[wasm_bindgen_test]
async fn reveal_finds_any_id_and_rings_it_for_a_while() {
    let document = web_sys::window().and_then(|w| w.document()).expect("document");
    let reader = document.create_element("div").expect("div");
    let article = document.create_element("article").expect("article");
    reader.append_child(&article).expect("append");
    document.body().expect("body").append_child(&reader).expect("append");
    let id = "a\"b\\c]\n'd";
    for other in ["a", "a\"b", id] {
        let mark = document.create_element("mark").expect("mark");
        mark.set_attribute("data-id", other).expect("attribute");
        mark.set_text_content(Some(other));
        article.append_child(&mark).expect("append");
    }
    let classes = || {
        let list = article.query_selector_all("mark").expect("marks");
        (0..list.length())
            .map(|i| {
                list.item(i).and_then(|n| n.dyn_into::<Element>().ok()).map(|m| m.class_name()).unwrap_or_default()
            })
            .collect::<Vec<_>>()
    };
    assert!(spanmark::edge::dom::reveal(&article, &AnnotationId::new(id)));
    assert_eq!(classes(), ["", "", "flash"]);
    sleep(600).await;
    assert!(spanmark::edge::dom::reveal(&article, &AnnotationId::new("a\"b")));
    assert!(spanmark::edge::dom::reveal(&article, &AnnotationId::new(id)));
    assert_eq!(classes(), ["", "flash", "flash"]);
    sleep(600).await;
    assert_eq!(classes(), ["", "flash", "flash"], "the first timer leaves a ring put on again");
    sleep(500).await;
    assert_eq!(classes(), ["", "", ""], "both rings off");
    assert!(!spanmark::edge::dom::reveal(&article, &AnnotationId::new("missing")));
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

// Raw IndexedDB and localStorage access, to see what `edge::storage` stored and to store what an
// earlier version did.
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = "
function request(store, mode, act) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('spanmark');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction([store], mode);
      const req = act(tx.objectStore(store));
      tx.oncomplete = () => { open.result.close(); resolve(req.result); };
      tx.onerror = () => reject(tx.error);
    };
  });
}
export function raw_get(store, key) { return request(store, 'readonly', (s) => s.get(key)); }
export function raw_put(store, key, value) { return request(store, 'readwrite', (s) => s.put(value, key)); }
")]
extern "C" {
    fn raw_get(store: &str, key: &wasm_bindgen::JsValue) -> js_sys::Promise;
    fn raw_put(store: &str, key: &wasm_bindgen::JsValue, value: &wasm_bindgen::JsValue) -> js_sys::Promise;
}

async fn settle(promise: js_sys::Promise) -> wasm_bindgen::JsValue {
    wasm_bindgen_futures::JsFuture::from(promise).await.expect("IndexedDB answers")
}

fn op_record(doc: &str, seq: u64, id: &str) -> spanmark::model::persist::OpRecord {
    use spanmark::model::persist::{AnnRecord, EditRecord, Op, OpRecord};
    let ann = AnnRecord {
        id: id.to_owned(),
        label: "person".to_owned(),
        start: 2,
        end: 9,
        created: None,
        annotators: Vec::new(),
        note: None,
        attributes: Vec::new(),
    };
    OpRecord { doc: doc.to_owned(), seq, op: Op::Edit { edit: EditRecord::Add(ann) } }
}

fn op_key(doc: &str, seq: u64) -> wasm_bindgen::JsValue {
    js_sys::Array::of2(&doc.into(), &(seq as f64).into()).into()
}

fn field(value: &wasm_bindgen::JsValue, name: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(value, &name.into()).expect("an object")
}

#[wasm_bindgen_test]
async fn records_are_stored_as_objects_and_what_earlier_versions_stored_restores() {
    use spanmark::edge::storage::Store;
    use spanmark::model::persist::{DocRecord, LabelRecord, Op, OpRecord, Write};
    let store = Store::open().await.expect("a store");
    assert_eq!(store.kind(), "IndexedDB");
    let doc = DocRecord {
        id: "d-storage".to_owned(),
        title: "t".to_owned(),
        text: "Flag 🇮🇱 \"quoted\"\n\ttab".to_owned(),
        labels: vec![LabelRecord {
            id: "person".to_owned(),
            name: "Person".to_owned(),
            colour: "#f00".to_owned(),
            hotkey: "1".to_owned(),
            attributes: Vec::new(),
        }],
        definitions: None,
    };
    let written = op_record(&doc.id, 7, "a1");
    let batch = [Write::delete_doc(&doc.id), Write::doc(doc.clone()), Write::op(written.clone())];
    store.write(&batch).await.expect("stored");

    // What IndexedDB holds: objects, their seq a number (not a BigInt, not text).
    let raw = settle(raw_get("ops", &op_key(&doc.id, 7))).await;
    assert!(raw.is_object() && raw.as_string().is_none(), "an op is stored as an object");
    assert_eq!(field(&raw, "seq").as_f64(), Some(7.0), "its seq is a JS number");
    assert_eq!(field(&field(&field(&raw, "op"), "edit"), "kind").as_string().as_deref(), Some("add"));
    let raw_doc = settle(raw_get("docs", &doc.id.as_str().into())).await;
    assert_eq!(field(&raw_doc, "text").as_string(), Some(doc.text.clone()), "the text as it was");

    // What the version before stored: the serde JSON text parsed into an object. A string (no
    // version stored one) or a damaged object is skipped.
    let parsed = op_record(&doc.id, 8, "a2");
    let object = js_sys::JSON::parse(&serde_json::to_string(&parsed).expect("json")).expect("parsed");
    settle(raw_put("ops", &op_key(&doc.id, 8), &object)).await;
    let text = OpRecord { doc: doc.id.clone(), seq: 9, op: Op::Undo };
    let json = serde_json::to_string(&text).expect("json");
    settle(raw_put("ops", &op_key(&doc.id, 9), &json.as_str().into())).await;
    settle(raw_put("ops", &op_key(&doc.id, 10), &js_sys::JSON::parse("{\"doc\":1}").expect("parsed"))).await;

    let loaded = store.load().await.expect("loaded");
    assert_eq!(loaded.skipped, 2, "the string and the damaged record are skipped");
    assert!(loaded.stored.docs.contains(&doc), "the document restores");
    let ops: Vec<OpRecord> = loaded.stored.ops.into_iter().filter(|o| o.doc == doc.id).collect();
    assert_eq!(ops, [written, parsed], "this version's op, and the earlier shape");

    // A seq past 2^53 cannot be a JS number: the write fails rather than store a BigInt.
    let too_big = Write::op(op_record(&doc.id, 1 << 60, "a3"));
    assert!(store.write(&[too_big]).await.is_err(), "no BigInt in the store");
    store.write(&[Write::delete_doc(&doc.id)]).await.expect("cleaned up");
}

#[wasm_bindgen_test]
async fn local_storage_holds_the_same_json_text_as_before() {
    use spanmark::edge::storage::Store;
    use spanmark::model::persist::{SnapshotRecord, Write};
    let local = web_sys::window().and_then(|w| w.local_storage().ok().flatten()).expect("localStorage");
    local.clear().expect("cleared");
    let store = Store::Local(local.clone());
    let op = op_record("d-local", 3, "a1");
    let snapshot = SnapshotRecord {
        doc: "d-local".to_owned(),
        seq: 3,
        labels: None,
        definitions: None,
        annotations: vec![],
        relations: vec![],
        attributes: vec![],
        done: vec![],
        undone: vec![],
    };
    store.write(&[Write::op(op.clone()), Write::op(op_record("d-local", 4, "a2"))]).await.expect("stored");
    // The text is byte for byte what serde_json wrote in the version before.
    let stored = local.get_item("spanmark.op.d-local.3").expect("readable");
    assert_eq!(stored, Some(serde_json::to_string(&op).expect("json")));
    store.write(&[Write::snapshot(snapshot.clone())]).await.expect("stored");
    let loaded = store.load().await.expect("loaded");
    assert_eq!(loaded.stored.snapshots, [snapshot]);
    assert_eq!(loaded.stored.ops, [op_record("d-local", 4, "a2")], "the ops up to the snapshot are gone");
    local.clear().expect("cleared");
}
