//! Selection ↔ offsets. The DOM counts UTF-16 units inside text nodes; the model counts code
//! points of the whole document. This is the one place that converts between them.
//!
//! The `<article>` holds one element per paragraph, marked `data-p="<index>"`, whose text is
//! exactly that paragraph's content and line terminator; so a boundary point's UTF-16 distance
//! from its paragraph's start, plus the paragraph's start, is its position in the document.

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
    // comparePoint: -1 before the article, 0 inside, 1 after.
    let start = match whole.compare_point(&start_node, start_offset).ok()? {
        i16::MIN..=-1 => 0,
        0 => point_to_cp(article, doc, &start_node, start_offset)?,
        _ => return None,
    };
    let end = match whole.compare_point(&end_node, end_offset).ok()? {
        1..=i16::MAX => doc.len(),
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

/// The document position of the DOM boundary point (`node`, `offset`) inside `article`.
fn point_to_cp(article: &Element, doc: &Document, node: &Node, offset: u32) -> Option<u32> {
    let paragraphs = doc.paragraphs();
    let article_node: &Node = article.as_ref();
    if node == article_node {
        // A point between paragraph elements: the start of the next one, or the end.
        return Some(paragraphs.get(offset as usize).map_or(doc.len(), |p| p.content.start()));
    }
    let element = paragraph_element(article_node, node)?;
    let index: usize = element.get_attribute("data-p")?.parse().ok()?;
    let paragraph = paragraphs.get(index)?;
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
