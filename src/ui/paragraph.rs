use std::rc::Rc;

use yew::prelude::*;

use super::state::DocRef;
use crate::model::segments::segments;
use crate::model::{Annotation, AnnotationId, Labels};

#[derive(Properties, PartialEq)]
pub struct ParagraphProps {
    pub doc: DocRef,
    pub index: usize,
    pub labels: Rc<Labels>,
    /// The annotations that overlap this paragraph.
    pub annotations: Rc<Vec<Annotation>>,
    /// The selected annotation, when it is one of `annotations`.
    pub selected: Option<AnnotationId>,
}

/// One line of the text. It re-renders only when its own annotations or selection change.
///
/// Each segment (a run covered by the same annotations) nests one `<mark>` per annotation,
/// outermost first; each mark carries `data-id` and `data-label`, and the innermost also
/// `data-seg` (the segment's first code point) so a click knows where it landed.
#[component]
pub fn Paragraph(props: &ParagraphProps) -> Html {
    let doc = &props.doc.0;
    let Some(paragraph) = doc.paragraphs().get(props.index) else { return Html::default() };
    let anns = &props.annotations;
    let runs = segments(paragraph.content, anns).into_iter().map(|seg| {
        let mut node = html! { doc.slice(seg.span).to_owned() };
        let depth = seg.layers.len();
        for (level, &i) in seg.layers.iter().enumerate().rev() {
            let a = &anns[i];
            let label = props.labels.get(&a.label);
            let colour = label.map_or("#999999", |l| l.colour.as_str());
            let name = label.map_or(a.label.as_str(), |l| l.name.as_str()).to_owned();
            let selected = props.selected.as_ref() == Some(&a.id);
            let innermost = level + 1 == depth;
            node = html! {
                <mark
                    class={classes!("hl", selected.then_some("selected"))}
                    data-id={a.id.as_str().to_owned()}
                    data-label={a.label.as_str().to_owned()}
                    data-seg={innermost.then(|| seg.span.start().to_string())}
                    style={format!("--hl:{colour};--under:{}", depth - 1 - level)}
                    title={name}
                >{node}</mark>
            };
        }
        node
    });
    let blank = paragraph.content.is_empty();
    html! {
        <p class={classes!("para", blank.then_some("blank"))} data-p={props.index.to_string()}>
            { for runs }
            if !paragraph.terminator.is_empty() {
                <span class="eol">{ doc.slice(paragraph.terminator).to_owned() }</span>
            }
        </p>
    }
}
