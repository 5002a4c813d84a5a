use yew::prelude::*;

use crate::model::AnnotationId;

#[derive(Properties, PartialEq)]
pub struct EntryProps {
    pub id: AnnotationId,
    pub label: AttrValue,
    pub colour: AttrValue,
    /// The quote as the list shows it: at most [`QUOTE_MAX`] characters (see [`short`]).
    pub quote: AttrValue,
    /// Whether the whole quote starts and ends with a quotation mark of its own.
    pub marked: (bool, bool),
    pub start: u32,
    pub end: u32,
    pub selected: bool,
    /// Its place in the list, from 1, and the list's length (the list draws only some rows).
    pub place: usize,
    pub of: usize,
}

/// Longest quote shown in the list, in characters.
pub const QUOTE_MAX: usize = 80;

/// `quote` cut to [`QUOTE_MAX`] characters (the last an ellipsis), and whether the whole quote
/// starts and ends with a quotation mark, so that the list draws none around those.
pub fn short(quote: &str) -> (String, (bool, bool)) {
    let marked = (quote.chars().next().is_some_and(is_quote_mark), quote.chars().last().is_some_and(is_quote_mark));
    let shown = if quote.chars().count() > QUOTE_MAX {
        quote.chars().take(QUOTE_MAX - 1).chain(['…']).collect()
    } else {
        quote.to_owned()
    };
    (shown, marked)
}

fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '„'
            | '‟'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
    )
}

/// One annotation in the side panel, an option of its listbox: swatch, label and a one-line
/// quote; its offsets in its title (and shown small on hover or when selected). It holds nothing
/// that takes focus (the list is one Tab stop): the × removes it on a click, Delete from the
/// keyboard. Re-rendered only when it changes. Its clicks are the list's (one listener for every
/// row, by `data-id`: `side_panel`).
#[component]
pub fn Entry(props: &EntryProps) -> Html {
    let name = &props.label;
    let (start, end) = (props.start, props.end);
    // The quote's own marks are kept; the list adds a mark only where the quote has none.
    let quote_class =
        classes!("entry-quote", (!props.marked.0).then_some("open"), (!props.marked.1).then_some("close"));
    html! {
        <li
            class={classes!("entry", props.selected.then_some("selected"))}
            // By place, not by annotation id: a file's ids may hold spaces, which an IDREF cannot.
            id={format!("entry-{}", props.place)}
            role="option"
            aria-selected={props.selected.to_string()}
            aria-posinset={props.place.to_string()}
            aria-setsize={props.of.to_string()}
            data-id={props.id.as_str().to_owned()}
            style={format!("--hl:{}", props.colour)}
            title={format!("{name}, characters {start}–{end}: {}", props.quote)}
        >
            <span class="entry-main">
                <span class="entry-label"><span class="swatch"></span>{ name.clone() }</span>
                <span class={quote_class}>{ props.quote.clone() }</span>
                <span class="entry-pos">{ format!("{start}–{end}") }</span>
            </span>
            <span class="entry-remove" aria-hidden="true" title="Remove (Delete)">{ "×" }</span>
        </li>
    }
}
