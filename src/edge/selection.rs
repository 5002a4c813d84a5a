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

use crate::model::{Document, Span, Utf16};

/// The code-point span of the current selection's part inside `article`, or `None` when there
/// is no selection, it is collapsed, or it lies wholly outside the article.
pub fn selected_span(article: &Element, doc: &Document) -> Option<Span> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.range_count() == 0 || selection.is_collapsed() {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let whole = article.owner_document()?.create_range().ok()?;
    whole.select_node_contents(article).ok()?;
    let (start_node, start_offset) = (range.start_container().ok()?, range.start_offset().ok()?);
    let (end_node, end_offset) = (range.end_container().ok()?, range.end_offset().ok()?);
    let (first, last) = drawn(article, doc)?;
    // comparePoint: -1 before the article, 0 inside, 1 after.
    let start = match whole.compare_point(&start_node, start_offset).ok()? {
        i16::MIN..=-1 => first,
        0 => point_to_cp(article, doc, &start_node, start_offset)?,
        _ => return None,
    };
    let end = match whole.compare_point(&end_node, end_offset).ok()? {
        1..=i16::MAX => last,
        0 => point_to_cp(article, doc, &end_node, end_offset)?,
        _ => return None,
    };
    Span::try_new(start, end).ok().filter(|s| !s.is_empty())
}

/// Empties the page's text selection.
pub fn clear() {
    if let Some(Ok(Some(selection))) = web_sys::window().map(|w| w.get_selection()) {
        let _ = selection.remove_all_ranges();
    }
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
fn point_to_cp(article: &Element, doc: &Document, node: &Node, offset: u32) -> Option<u32> {
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
    let place = || -> Option<Range> {
        let range = article.owner_document()?.create_range().ok()?;
        let (node, offset) = cp_to_point(article, doc, span.start())?;
        range.set_start(&node, offset).ok()?;
        let (node, offset) = cp_to_point(article, doc, span.end())?;
        range.set_end(&node, offset).ok()?;
        Some(range)
    };
    let Some(range) = place() else { return false };
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
    let place = |span: &Span| -> Option<Range> {
        let range = article.owner_document()?.create_range().ok()?;
        let (node, offset) = cp_to_point(article, doc, span.start())?;
        range.set_start(&node, offset).ok()?;
        let (node, offset) = cp_to_point(article, doc, span.end())?;
        range.set_end(&node, offset).ok()?;
        Some(range)
    };
    let ranges: Vec<Range> = spans.iter().filter_map(place).collect();
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
