use std::rc::Rc;

use yew::prelude::*;

use super::state::DocRef;
use super::suggestion_marks::{self, Verdict};
use crate::model::segments::{chips, segments};
use crate::model::suggest::Suggestion;
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
    /// The suggestions in this paragraph (in text order; view only, never annotations), drawn
    /// inside the innermost marks, and what is decided about one.
    pub suggestions: Rc<Vec<Suggestion>>,
    pub onsuggest: Callback<Verdict>,
    /// How many levels its relations' connectors stack above the lowest: its lines are spaced
    /// for them (`--rise`, which the stylesheet turns into line height).
    pub rise: u32,
}

/// One line of the text. It re-renders only when its own annotations or selection change.
///
/// Each segment (a run covered by the same annotations) nests one `<mark>` per annotation,
/// outermost first; each mark carries `data-id`, `data-label` and `data-depth` (its nesting
/// level in the run, which the stylesheet draws as a different underline), and the innermost
/// also `data-seg` (the segment's first code point) so a click knows where it landed. The mark
/// on a span's first segment carries its label's name in `data-name`, drawn as a chip above the
/// text by the stylesheet (generated content: never in the text's `textContent`), with
/// `--chip-ch` / `--chip-n` saying how far the chips of spans starting at the same point push
/// it right; `overlap` marks a span sharing text with another, whose chip is always shown.
/// The mark on the last segment of a span with a note carries `data-note`, drawn as a dot at
/// its end (generated content too); the note is in every one of its marks' titles.
#[component]
pub fn Paragraph(props: &ParagraphProps) -> Html {
    let doc = &props.doc.0;
    let Some(paragraph) = doc.paragraphs().get(props.index) else { return Html::default() };
    let anns = &props.annotations;
    let name_of = |i: usize| -> &str {
        let a = &anns[i];
        props.labels.get(&a.label).map_or(a.label.as_str(), |l| l.name.as_str())
    };
    let chips = chips(anns);
    let runs = segments(paragraph.content, anns).into_iter().map(|seg| {
        let mut node = suggestion_marks::text(doc, seg.span, &props.suggestions, &props.labels, &props.onsuggest);
        let depth = seg.layers.len();
        for (level, &i) in seg.layers.iter().enumerate().rev() {
            let a = &anns[i];
            let colour = props.labels.get(&a.label).map_or("#999999", |l| l.colour.as_str());
            let name = name_of(i).to_owned();
            let selected = props.selected.as_ref() == Some(&a.id);
            let innermost = level + 1 == depth;
            let chip = &chips[i];
            let first = seg.span.start() == a.span.start();
            let noted = a.note.is_some() && seg.span.end() == a.span.end();
            let title = match &a.note {
                Some(note) => format!("{name}: {note}"),
                None => name.clone(),
            };
            let before: usize = chip.before.iter().map(|&j| name_of(j).chars().count()).sum();
            let mut style = format!("--hl:{colour};--under:{}", depth - 1 - level);
            if first && !chip.before.is_empty() {
                style.push_str(&format!(";--chip-ch:{before};--chip-n:{}", chip.before.len()));
            }
            node = html! {
                <mark
                    class={classes!("hl", selected.then_some("selected"), chip.overlaps.then_some("overlap"))}
                    data-id={a.id.as_str().to_owned()}
                    data-label={a.label.as_str().to_owned()}
                    data-depth={level.min(3).to_string()}
                    data-name={first.then(|| name.clone())}
                    data-seg={innermost.then(|| seg.span.start().to_string())}
                    data-note={noted.then_some("")}
                    {style}
                    {title}
                >{node}</mark>
            };
        }
        node
    });
    let blank = paragraph.content.is_empty();
    let line = !blank && !doc.spaced_after(props.index);
    html! {
        <p
            class={classes!("para", blank.then_some("blank"), line.then_some("line"))}
            data-p={props.index.to_string()}
            style={(props.rise > 0).then(|| format!("--rise:{}", props.rise))}
        >
            { for runs }
            if !paragraph.terminator.is_empty() {
                <span class="eol">{ doc.slice(paragraph.terminator).to_owned() }</span>
            }
        </p>
    }
}
