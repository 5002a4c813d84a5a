//! Selection ↔ offsets. The DOM counts UTF-16 units inside text nodes; the model counts code
//! points of the whole document. This is the one place that converts between them.
//!
//! The `<article>` holds one element per drawn paragraph (all of them, or a window of a long
//! document), marked `data-p="<index>"`, whose text is exactly that paragraph's content and line
//! terminator; so a boundary point's UTF-16 distance from its paragraph's start, plus the
//! paragraph's start, is its position in the document. A selection reaching past the drawn
//! paragraphs is cut at the first and last drawn one.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Range};

use std::cell::{Cell, RefCell};

use crate::model::caret::Caret;
use crate::model::{Document, Span, Utf16};

thread_local! {
    /// The last mouse selection was made with Alt held: it keeps its exact extent.
    static PRECISE: Cell<bool> = const { Cell::new(false) };
    /// What `::highlight(snap)` paints now, its span and range (`None`: nothing). A caret move
    /// asks twice, from its key and then from the browser's `selectionchange`: the second finds
    /// it painted.
    static SNAP: RefCell<Option<(Span, Range)>> = const { RefCell::new(None) };
    /// The selection an edit has tagged ([`consume`]): read as no selection until it is emptied
    /// after the frame that shows the edit.
    static CONSUMED: RefCell<Option<Range>> = const { RefCell::new(None) };
}

/// The code-point span of the current selection's part inside `article`, or `None` when there
/// is no selection, it is collapsed, or it lies wholly outside the article.
pub fn selected_span(article: &Element, doc: &Document) -> Option<Span> {
    caret(article, doc).map(|c| c.span()).filter(|s| !s.is_empty())
}

/// The current selection inside `article` as a [`Caret`] (anchor and head in code points), an
/// end beyond the drawn text cut at the first or last drawn paragraph; `None` when there is no
/// selection or it lies wholly outside the article.
pub fn caret(article: &Element, doc: &Document) -> Option<Caret> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.range_count() == 0 || is_consumed(&selection) {
        return None;
    }
    let whole = article.owner_document()?.create_range().ok()?;
    whole.select_node_contents(article).ok()?;
    let (first, last) = drawn(article, doc)?;
    // comparePoint: -1 before the article, 0 inside, 1 after.
    let cp = |node: Option<Node>, offset: u32| -> Option<(i16, u32)> {
        let node = node?;
        Some(match whole.compare_point(&node, offset).ok()? {
            i16::MIN..=-1 => (-1, first),
            0 => (0, point_to_cp(article, doc, &node, offset)?),
            _ => (1, last),
        })
    };
    let (a, anchor) = cp(selection.anchor_node(), selection.anchor_offset())?;
    let (h, head) = cp(selection.focus_node(), selection.focus_offset())?;
    // Both ends on the same side outside: the selection does not touch the article.
    (a == 0 || h == 0 || a != h).then_some(Caret { anchor, head })
}

/// Makes `caret` the page's selection (anchor, then head, so Shift+arrows go on from the head)
/// and, with `scroll`, brings the head into view; false when the head's paragraph is not
/// drawn. An anchor beyond the drawn text is cut at its nearest drawn end.
pub fn place(article: &Element, doc: &Document, caret: Caret, scroll: bool) -> bool {
    let run = || -> Option<()> {
        let (first, last) = drawn(article, doc)?;
        let (head_node, head_offset) = cp_to_point(article, doc, caret.head)?;
        let anchor = caret.anchor.clamp(first, last);
        let (anchor_node, anchor_offset) = cp_to_point(article, doc, anchor)?;
        let selection = web_sys::window()?.get_selection().ok()??;
        selection.set_base_and_extent(&anchor_node, anchor_offset, &head_node, head_offset).ok()?;
        if !scroll {
            return Some(());
        }
        let at = article.owner_document()?.create_range().ok()?;
        at.set_start(&head_node, head_offset).ok()?;
        at.collapse_with_to_start(true);
        if let Some(reader) = article.parent_element() {
            let mut rect = at.get_bounding_client_rect();
            if rect.height() == 0.0 {
                // A collapsed range at a line's start can have no box: its paragraph's will do.
                if let Some(p) = paragraph_element(article.as_ref(), &head_node) {
                    rect = p.get_bounding_client_rect();
                }
            }
            super::viewport::centre_unless_inside(&reader, &rect, 40.0);
        }
        Some(())
    };
    run().is_some()
}

/// Whether a selection made now snaps to words: the view option `snap` is not `off` and the
/// last mouse selection was not made with Alt held.
pub fn snapping() -> bool {
    !PRECISE.with(Cell::get) && super::dom::view_option("snap").as_deref() != Some("off")
}

/// Records whether the mouse selection being made has Alt held (character precision).
pub fn set_precise(precise: bool) {
    PRECISE.with(|p| p.set(precise));
}

/// The span a label key tags: the selection, snapped to words when [`snapping`].
pub fn chosen_span(article: &Element, doc: &Document) -> Option<Span> {
    let span = selected_span(article, doc)?;
    if snapping() {
        doc.snap_selection(span)
    } else {
        Some(span)
    }
}

/// Paints what a label key would tag now ([`chosen_span`]) as the selection's snapped extent
/// (`::highlight(snap)`), or clears it: from a caret key, so that the frame which draws the
/// moved selection draws its extent too, and on `selectionchange`, for a mouse's selection.
pub fn show_snap(article: &Element, doc: &Document) {
    let span = chosen_span(article, doc);
    let painted = SNAP.with(|shown| match (&*shown.borrow(), span) {
        (None, None) => true,
        // The same extent, over text nodes still in the page (a redraw replaces them).
        (Some((was, range)), Some(span)) => {
            *was == span
                && range.start_container().is_ok_and(|n| n.is_connected())
                && range.end_container().is_ok_and(|n| n.is_connected())
        }
        _ => false,
    });
    if painted {
        return;
    }
    let range = span.and_then(|span| range_of(article, doc, span));
    set_highlight("snap", &range.iter().collect::<Vec<_>>(), 2);
    SNAP.with(|shown| *shown.borrow_mut() = span.zip(range));
}

/// The DOM range of `span`, when its paragraphs are drawn.
fn range_of(article: &Element, doc: &Document, span: Span) -> Option<Range> {
    let range = article.owner_document()?.create_range().ok()?;
    let (node, offset) = cp_to_point(article, doc, span.start())?;
    range.set_start(&node, offset).ok()?;
    let (node, offset) = cp_to_point(article, doc, span.end())?;
    range.set_end(&node, offset).ok()?;
    Some(range)
}

/// Empties the page's text selection.
pub fn clear() {
    if let Some(Ok(Some(selection))) = web_sys::window().map(|w| w.get_selection()) {
        let _ = selection.remove_all_ranges();
    }
}

/// Takes the page's selection for an edit that tags it: from now on it reads as no selection
/// ([`caret`], and so [`chosen_span`]: a second label key relabels the new span rather than tag
/// the same text again), and it is emptied once the frame that shows the edit is painted, unless
/// another selection has replaced it by then (the caret the new mark's redraw leaves of it
/// stays). Emptied at once, as [`clear`] does, it made Chromium repaint the drawn text in that
/// frame: a new span's keydown → painted p95 at 1M characters, 40 adds each, 16.3 ms emptying at
/// once against 13.7 left alone (docs/performance.md). Nothing shows meanwhile: the browser's
/// own selection is painted transparent where `::highlight(snap)` paints its extent, and the new
/// span's mark takes the text it covered.
pub fn consume() {
    let Some(Ok(Some(selection))) = web_sys::window().map(|w| w.get_selection()) else { return };
    let Some(range) = (selection.range_count() > 0).then(|| selection.get_range_at(0).ok()).flatten() else { return };
    CONSUMED.with(|c| *c.borrow_mut() = Some(range.clone()));
    wasm_bindgen_futures::spawn_local(async move {
        super::frame::painted().await;
        // Still the tagged text selected (a redraw that kept its text nodes): emptied. The caret
        // the redraw usually leaves of it stays where the new span ends (emptied, the browser
        // puts a caret at the start of the focused text instead, after another repaint of it),
        // and a selection made since is a person's: kept.
        if is_consumed(&selection) && !selection.is_collapsed() {
            let _ = selection.remove_all_ranges();
        }
        // Unmarked unless a later tag has taken a selection of its own meanwhile.
        CONSUMED.with(|c| {
            let mut taken = c.borrow_mut();
            if taken.as_ref().is_some_and(|t| same(t, &range)) {
                *taken = None;
            }
        });
    });
}

/// Whether `selection` is the one [`consume`] took.
fn is_consumed(selection: &web_sys::Selection) -> bool {
    CONSUMED.with(|c| {
        c.borrow().as_ref().is_some_and(|taken| {
            selection.range_count() > 0 && selection.get_range_at(0).is_ok_and(|r| same(&r, taken))
        })
    })
}

/// Whether two ranges are the same object (a selection keeps its range while it stands).
fn same(a: &Range, b: &Range) -> bool {
    AsRef::<wasm_bindgen::JsValue>::as_ref(a) == AsRef::<wasm_bindgen::JsValue>::as_ref(b)
}

/// The paragraph element's index in the document (its `data-p`).
pub fn index_of(element: &Element) -> Option<usize> {
    element.get_attribute("data-p")?.parse().ok()
}

/// Where the drawn text starts and ends, in the document.
fn drawn(article: &Element, doc: &Document) -> Option<(u32, u32)> {
    let first = doc.paragraphs().get(index_of(&article.first_element_child()?)?)?;
    let last = doc.paragraphs().get(index_of(&article.last_element_child()?)?)?;
    Some((first.content.start(), last.terminator.end()))
}

/// The document position of the DOM boundary point (`node`, `offset`) inside `article`.
pub(super) fn point_to_cp(article: &Element, doc: &Document, node: &Node, offset: u32) -> Option<u32> {
    let paragraphs = doc.paragraphs();
    let article_node: &Node = article.as_ref();
    if node == article_node {
        // A point between paragraph elements: the start of the next one, or the end of the last.
        return match article.children().item(offset) {
            Some(next) => Some(paragraphs.get(index_of(&next)?)?.content.start()),
            None => drawn(article, doc).map(|(_, end)| end),
        };
    }
    let element = paragraph_element(article_node, node)?;
    let paragraph = paragraphs.get(index_of(&element)?)?;
    let prefix: Range = article.owner_document()?.create_range().ok()?;
    prefix.set_start(&element, 0).ok()?;
    prefix.set_end(node, offset).ok()?;
    let units = prefix.to_string().length();
    let base = doc.utf16_of(paragraph.content.start());
    let cp = doc.cp_of_utf16(Utf16(base.0.saturating_add(units)));
    Some(cp.min(paragraph.terminator.end()))
}

/// The child of `article` that holds `node`.
fn paragraph_element(article: &Node, node: &Node) -> Option<Element> {
    let mut current = node.clone();
    loop {
        let parent = current.parent_node()?;
        if &parent == article {
            return current.dyn_into::<Element>().ok();
        }
        current = parent;
    }
}

/// How a found span is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Show {
    /// Painted as the find's current match (the CSS highlight `find`); the selection and the
    /// focus stay where they are, so typing in the find box goes on.
    Mark,
    /// Made the page's selection, ready for a label key.
    Select,
}

/// Shows `span` in the text as `how` says and scrolls it to the middle of the reader; false
/// when its paragraphs are not drawn.
pub fn show(article: &Element, doc: &Document, span: Span, how: Show) -> bool {
    let Some(range) = range_of(article, doc, span) else { return false };
    match how {
        Show::Mark => mark_found(Some(&range)),
        Show::Select => {
            mark_found(None);
            if let Some(Ok(Some(selection))) = web_sys::window().map(|w| w.get_selection()) {
                let _ = selection.remove_all_ranges();
                let _ = selection.add_range(&range);
            }
        }
    }
    if let Some(reader) = article.parent_element() {
        super::viewport::centre_unless_inside(&reader, &range.get_bounding_client_rect(), 40.0);
    }
    true
}

/// Paints `range` as the find's current match (`::highlight(find)` in the stylesheet, above
/// the other matches), or clears it. Browsers without the CSS Custom Highlight API show nothing.
pub fn mark_found(range: Option<&Range>) {
    let ranges: Vec<&Range> = range.into_iter().collect();
    set_highlight("find", &ranges, 1);
}

/// Paints every match of a find in `spans` (sorted, not overlapping) whose paragraphs are
/// drawn as `::highlight(find-all)`; an empty list clears it. Called after every draw: a
/// paragraph drawn anew holds new text nodes, which the old ranges no longer reach.
pub fn mark_all(article: &Element, doc: &Document, spans: &[Span]) {
    let ranges: Vec<Range> = spans.iter().filter_map(|&span| range_of(article, doc, span)).collect();
    set_highlight("find-all", &ranges.iter().collect::<Vec<_>>(), 0);
}

/// Registers `ranges` as the CSS highlight `name` with `priority` (higher paints on top), or
/// removes it when there are none.
fn set_highlight(name: &str, ranges: &[&Range], priority: i32) {
    use js_sys::{Array, Function, Reflect};
    use wasm_bindgen::JsValue;
    let run = || -> Option<()> {
        let window: JsValue = web_sys::window()?.into();
        let registry = Reflect::get(&Reflect::get(&window, &"CSS".into()).ok()?, &"highlights".into()).ok()?;
        let method = |name: &str| Reflect::get(&registry, &name.into()).ok()?.dyn_into::<Function>().ok();
        if ranges.is_empty() {
            method("delete")?.call1(&registry, &name.into()).ok()?;
            return Some(());
        }
        let class = Reflect::get(&window, &"Highlight".into()).ok()?.dyn_into::<Function>().ok()?;
        let args: Array = ranges.iter().copied().collect();
        let highlight = Reflect::construct(&class, &args).ok()?;
        Reflect::set(&highlight, &"priority".into(), &priority.into()).ok()?;
        method("set")?.call2(&registry, &name.into(), &highlight).ok()?;
        Some(())
    };
    let _ = run();
}

/// The DOM boundary point of document position `cp`, when its paragraph is drawn: the text node
/// and UTF-16 offset in it.
fn cp_to_point(article: &Element, doc: &Document, cp: u32) -> Option<(Node, u32)> {
    let index = doc.paragraph_at(cp);
    let paragraph = doc.paragraphs().get(index)?;
    let element = article.query_selector(&format!("[data-p=\"{index}\"]")).ok()??;
    let mut left = doc.utf16_of(cp).0.checked_sub(doc.utf16_of(paragraph.content.start()).0)?;
    // 4: NodeFilter.SHOW_TEXT.
    let walker = article.owner_document()?.create_tree_walker_with_what_to_show(&element, 4).ok()?;
    // Past the last text node: its end; no text node at all (an empty paragraph): the element.
    let mut last: (Node, u32) = (element.into(), 0);
    while let Some(node) = walker.next_node().ok()? {
        let length = node.text_content().map_or(0, |t| t.encode_utf16().count() as u32);
        if left <= length {
            return Some((node, left));
        }
        left -= length;
        last = (node, length);
    }
    Some(last)
}
