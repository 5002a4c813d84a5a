use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::paragraph::Paragraph;
use super::state::DocRef;
use crate::edge;
use crate::model::{Action, Annotation, AnnotationId, AnnotationSet, Labels, Span};

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub doc: DocRef,
    pub labels: Rc<Labels>,
    pub annotations: Rc<AnnotationSet>,
    pub selected: Option<AnnotationId>,
    pub armed: bool,
    pub node_ref: NodeRef,
    pub onaction: Callback<Action>,
}

/// The text, one memoized [`Paragraph`] per line. Its `textContent` is exactly the document.
#[component]
pub fn Article(props: &ArticleProps) -> Html {
    let doc = &props.doc.0;
    // Where the mouse went down, to tell a click from a drag.
    let down_at = use_mut_ref(|| Cell::new((0, 0)));

    let onmousedown = {
        let down_at = down_at.clone();
        Callback::from(move |e: MouseEvent| down_at.borrow().set((e.client_x(), e.client_y())))
    };
    let onmouseup = {
        let (doc, node_ref, onaction, armed) = (doc.clone(), props.node_ref.clone(), props.onaction.clone(), props.armed);
        Callback::from(move |_: MouseEvent| {
            if !armed {
                return;
            }
            let Some(article) = node_ref.cast::<web_sys::Element>() else { return };
            if let Some(span) = edge::selection::selected_span(&article, &doc) {
                edge::selection::clear();
                onaction.emit(Action::SelectText(span));
            }
        })
    };
    let onclick = {
        let onaction = props.onaction.clone();
        Callback::from(move |e: MouseEvent| {
            let (x, y) = down_at.borrow().get();
            if (e.client_x() - x).abs() + (e.client_y() - y).abs() > 3 {
                return; // the end of a drag, not a click
            }
            let at = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("[data-seg]").ok().flatten())
                .and_then(|el| el.get_attribute("data-seg"))
                .and_then(|s| s.parse::<u32>().ok());
            onaction.emit(at.map_or(Action::Deselect, Action::ClickAt));
        })
    };

    let contents: Vec<Span> = doc.paragraphs().iter().map(|p| p.content).collect();
    let per_paragraph = props.annotations.per_range(&contents);
    let paragraphs = per_paragraph.into_iter().enumerate().map(|(index, touching)| {
        let touching: Vec<Annotation> = touching.into_iter().cloned().collect();
        let selected = props.selected.as_ref().filter(|id| touching.iter().any(|a| &a.id == *id)).cloned();
        html! {
            <Paragraph
                key={index}
                doc={props.doc.clone()}
                {index}
                labels={props.labels.clone()}
                annotations={Rc::new(touching)}
                {selected}
            />
        }
    });

    html! {
        <article
            class={classes!("text", props.armed.then_some("armed"))}
            ref={props.node_ref.clone()}
            aria-label="Document text"
            {onmousedown}
            {onmouseup}
            {onclick}
        >
            { for paragraphs }
        </article>
    }
}
