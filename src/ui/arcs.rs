//! The relations over the text: an SVG layer before the article (outside its text), one arc per
//! relation with both ends drawn and one stub per relation with one end drawn
//! ([`crate::model::layout::arcs`] places them), and the lighting of a span's related spans.

use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::rc::Rc;

use yew::prelude::*;

use super::state::DocRef;
use crate::edge;
use crate::model::layout::arcs::{place, rise_of, rises, Anchor, Connector, EndBox, Ends, Frame, Off};
use crate::model::{AnnotationId, AnnotationSet, Labels, Relation, Relations, Span};

#[derive(Properties, PartialEq)]
pub struct ArcsProps {
    pub doc: DocRef,
    pub labels: Rc<Labels>,
    pub annotations: Rc<AnnotationSet>,
    pub relations: Rc<Relations>,
    /// The drawn paragraphs.
    pub window: Range<usize>,
    /// Whether every chip is drawn (the lines stand further apart).
    pub chips_all: bool,
    pub article: NodeRef,
    pub layer: NodeRef,
    pub selected: Option<AnnotationId>,
    /// The target being picked for a new relation.
    pub candidate: Option<AnnotationId>,
    pub lights: Rc<Lights>,
    /// How many levels each paragraph is spaced for now, and the call that spaces them anew.
    pub rises: Rc<Vec<(usize, u32)>>,
    pub onrise: Callback<Rc<Vec<(usize, u32)>>>,
}

/// One connector as the layer draws it.
#[derive(PartialEq)]
struct Shown {
    from: AnnotationId,
    to: AnnotationId,
    path: String,
    label: String,
    at: (i32, i32),
    /// An arc between lines: the label again, on the run into `to`.
    again: Option<(i32, i32)>,
    anchor: Anchor,
    stub: bool,
}

/// What the measured ends were measured for: the same text, spans, window and width. A new
/// relation between spans already measured measures nothing more.
#[derive(PartialEq, Default)]
struct Key {
    doc: usize,
    annotations: usize,
    window: Range<usize>,
    chips_all: bool,
    linked: bool,
    resized: u32,
    /// The paragraphs' spacing the ends were measured under.
    rises: Rc<Vec<(usize, u32)>>,
}

/// The relations with an end among the drawn spans, each once, with which ends are drawn.
fn touching_window<'a>(
    doc: &DocRef,
    annotations: &'a AnnotationSet,
    relations: &'a Relations,
    window: &Range<usize>,
) -> (Span, Vec<(&'a Relation, bool, bool)>) {
    let paragraphs = doc.0.paragraphs();
    let drawn = match (paragraphs.get(window.start), window.end.checked_sub(1).and_then(|i| paragraphs.get(i))) {
        (Some(first), Some(last)) => Span::new(first.content.start(), last.terminator.end()),
        _ => return (Span::empty(0), Vec::new()),
    };
    let here: Vec<&AnnotationId> = annotations.overlapping(drawn).map(|a| &a.id).collect();
    let drawn_id = |id: &AnnotationId| annotations.get(id).is_some_and(|a| a.span.overlaps(drawn));
    let mut out = Vec::new();
    for id in here {
        for r in relations.outgoing(id) {
            out.push((r, true, drawn_id(&r.to)));
        }
        for r in relations.incoming(id).filter(|r| !drawn_id(&r.from)) {
            out.push((r, false, true));
        }
    }
    (drawn, out)
}

/// The ends measured so far and the layer's frame, for one layout `Key` (a list: the drawn window
/// holds few ends; a map's hashing cost more in the wasm than the searches).
#[derive(Default)]
struct Measured {
    key: Key,
    /// The layer's width and the text's column across it, once read for this key.
    frame: Option<Frame>,
    ends: Vec<(AnnotationId, Option<EndBox>)>,
}

/// What one draw of the layer reads.
struct Inputs {
    doc: DocRef,
    labels: Rc<Labels>,
    annotations: Rc<AnnotationSet>,
    relations: Rc<Relations>,
    key: Key,
}

/// What one draw of the layer comes to: its connectors, and the paragraphs' spacing when it
/// changed (their connectors stack higher or lower than they were spaced for).
struct Drawing {
    shown: Vec<Shown>,
    respaced: Option<Rc<Vec<(usize, u32)>>>,
}

/// The connectors for `inputs`: every end not measured yet for its key is read first, all at
/// once (and the layer's frame, once per key), then the connectors are placed. Where they stack
/// otherwise than their paragraphs are spaced for, those paragraphs are spaced anew at once (as
/// the article will draw them, told by `Drawing::respaced`) and the ends from the first of them
/// on read again: the connectors are drawn in this frame where they will be. `None` when the
/// article or the layer is not mounted.
fn draw(article: &NodeRef, layer: &NodeRef, measured: &RefCell<Measured>, inputs: Inputs) -> Option<Drawing> {
    let (article, svg) = (article.cast::<web_sys::Element>()?, layer.cast::<web_sys::Element>()?);
    let Inputs { doc, labels, annotations, relations, key } = inputs;
    let (drawn, found) = touching_window(&doc, &annotations, &relations, &key.window);
    let mut cache = measured.borrow_mut();
    if cache.key != key {
        *cache = Measured { key, ..Measured::default() };
    }
    let frame = *cache.frame.get_or_insert_with(|| edge::arcs::frame(&article, &svg));
    let off = |id: &AnnotationId| match annotations.get(id) {
        Some(a) if a.span.start() < drawn.start() => Off::Before,
        _ => Off::After,
    };
    let (mut connectors, mut kept, mut placed) = (Vec::new(), Vec::new(), Vec::new());
    let mut respaced = None;
    for pass in 0..2 {
        measure(&article, &svg, &mut cache, &found);
        connectors.clear();
        kept.clear();
        for (r, from, to) in &found {
            let end = |id: &AnnotationId, drawn: bool| {
                if drawn {
                    cache.ends.iter().find(|(m, _)| m == id).and_then(|(_, at)| *at)
                } else {
                    None
                }
            };
            let ends = match (end(&r.from, *from), end(&r.to, *to), from, to) {
                (Some(a), Some(b), _, _) => Ends::Both { from: a, to: b },
                (Some(a), None, _, false) => Ends::From { from: a, to: off(&r.to) },
                (None, Some(b), false, _) => Ends::To { from: off(&r.from), to: b },
                _ => continue,
            };
            let name = type_name(&labels, &r.kind);
            connectors.push(Connector { ends, label_chars: name.chars().count() + 2 });
            kept.push((*r, name));
        }
        placed = place(&connectors, frame);
        if pass == 1 {
            break;
        }
        // The drawn paragraphs spaced as their connectors need; the others' spacing kept (drawn
        // again, a paragraph is spaced as it was until it is measured).
        let window = cache.key.window.clone();
        let mut spacing: Vec<(usize, u32)> =
            cache.key.rises.iter().filter(|(p, _)| !window.contains(p)).copied().collect();
        spacing.extend(rises(&connectors, &placed));
        crate::support::order::sort_by(&mut spacing, |a, b| a.0.cmp(&b.0));
        if spacing == *cache.key.rises {
            break;
        }
        let mut first = usize::MAX;
        for p in window {
            let now = rise_of(&spacing, p);
            if now != rise_of(&cache.key.rises, p) {
                edge::arcs::rise(&article, p, now);
                first = first.min(p);
            }
        }
        let spacing = Rc::new(spacing);
        cache.key.rises = spacing.clone();
        respaced = Some(spacing);
        // The lines from the first paragraph spaced anew on moved: their ends are read again.
        cache.ends.retain(|(_, at)| at.is_some_and(|b| b.para < first));
    }
    drop(cache);
    // Write: the layer drawn once.
    let shown = placed
        .into_iter()
        .zip(kept)
        .map(|(d, (r, name))| Shown {
            from: r.from.clone(),
            to: r.to.clone(),
            stub: d.off.is_some(),
            label: match d.off {
                Some(Off::Before) => format!("{name} ↑"),
                Some(Off::After) => format!("{name} ↓"),
                None => name,
            },
            path: d.path,
            at: d.label,
            again: d.again,
            anchor: d.anchor,
        })
        .collect();
    Some(Drawing { shown, respaced })
}

/// Reads every drawn end of `found` not measured yet for the cache's key, all at once.
fn measure(
    article: &web_sys::Element,
    svg: &web_sys::Element,
    cache: &mut Measured,
    found: &[(&Relation, bool, bool)],
) {
    let mut wanted: Vec<AnnotationId> = Vec::new();
    for (r, from, to) in found {
        for (id, drawn) in [(&r.from, *from), (&r.to, *to)] {
            if drawn && !cache.ends.iter().any(|(m, _)| m == id) && !wanted.contains(id) {
                wanted.push(id.clone());
            }
        }
    }
    if !wanted.is_empty() {
        for (id, at) in wanted.iter().zip(edge::arcs::ends(article, svg, &wanted)) {
            cache.ends.push((id.clone(), at));
        }
    }
}

/// Arcs and stubs for the relations touching the drawn text; nothing at all while the document
/// has none. A paragraph whose connectors stack above the lowest level is spaced for them
/// before they are drawn (and the article told, `onrise`, so that it draws it so). When the
/// text's layout may have moved the ends (other spans, window, chips, the window's size) they are measured after the frame that draws the text is painted (reading
/// every end first, then writing the layer once), so that the edit's own frame waits for none
/// of it. When only the relations changed (one made, removed or retyped) the layout is the one
/// measured: the layer is drawn in the edit's own frame, reading only ends not measured yet.
#[component]
pub fn Arcs(props: &ArcsProps) -> Html {
    let shown = use_state_eq(|| Rc::new(Vec::<Shown>::new()));
    // Counts the layer's changes of width (the window's, or a column's beside the reader): the
    // text's lines move with it, so the ends are measured again.
    let resized = use_state_eq(|| 0u32);
    {
        let (resized, layer) = (resized.clone(), props.layer.clone());
        use_effect_with((), move |_| {
            let n = Rc::new(Cell::new(0u32));
            let watch = layer.cast::<web_sys::Element>().and_then(|svg| {
                edge::arcs::Resized::watch(&svg, move || {
                    n.set(n.get().wrapping_add(1));
                    resized.set(n.get());
                })
            });
            move || drop(watch)
        });
    }
    let measured = use_mut_ref(Measured::default);
    let generation = use_mut_ref(|| 0u32);
    {
        let deps = (
            props.doc.clone(),
            props.labels.clone(),
            props.annotations.clone(),
            props.relations.clone(),
            props.window.clone(),
            props.chips_all,
            *resized,
            props.rises.clone(),
        );
        let (article, layer, shown, onrise) =
            (props.article.clone(), props.layer.clone(), shown.clone(), props.onrise.clone());
        use_effect_with(deps, move |(doc, labels, annotations, relations, window, chips_all, resized, rises)| {
            *generation.borrow_mut() += 1;
            if relations.is_empty() {
                if !shown.is_empty() {
                    shown.set(Rc::new(Vec::new()));
                }
                if !rises.is_empty() {
                    onrise.emit(Rc::default());
                }
                return;
            }
            let mine = *generation.borrow();
            let inputs = Inputs {
                doc: doc.clone(),
                labels: labels.clone(),
                annotations: annotations.clone(),
                relations: relations.clone(),
                key: Key {
                    doc: Rc::as_ptr(&doc.0) as usize,
                    annotations: Rc::as_ptr(annotations) as usize,
                    window: window.clone(),
                    chips_all: *chips_all,
                    linked: true,
                    resized: *resized,
                    rises: rises.clone(),
                },
            };
            let show = move |drawing: Option<Drawing>| {
                let Some(Drawing { shown: next, respaced }) = drawing else { return };
                shown.set(Rc::new(next));
                // The article draws the spacing the layer was drawn for (already on the page).
                if let Some(spacing) = respaced {
                    onrise.emit(spacing);
                }
            };
            if measured.borrow().key == inputs.key {
                show(draw(&article, &layer, &measured, inputs));
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                edge::frame::painted().await;
                if *generation.borrow() != mine {
                    return;
                }
                show(draw(&article, &layer, &measured, inputs));
            });
        });
    }
    // After every draw of the layer or the text: the focus's related spans lit again.
    {
        let (lights, article, layer, relations) =
            (props.lights.clone(), props.article.clone(), props.layer.clone(), props.relations.clone());
        let (selected, candidate) = (props.selected.clone(), props.candidate.clone());
        use_effect(move || lights.apply(&article, &layer, &relations, selected.as_ref(), candidate.as_ref()));
    }
    let connectors = shown.iter().map(|s| {
        let anchor = match s.anchor {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        };
        html! {
            <g class={if s.stub { "stub" } else { "arc" }} data-from={s.from.as_str().to_owned()} data-to={s.to.as_str().to_owned()}>
                <path d={s.path.clone()} marker-end="url(#arc-head)" />
                <text x={s.at.0.to_string()} y={s.at.1.to_string()} text-anchor={anchor}>{ s.label.clone() }</text>
                if let Some((x, y)) = s.again {
                    <text class="again" x={x.to_string()} y={y.to_string()} text-anchor={anchor}>{ s.label.clone() }</text>
                }
            </g>
        }
    });
    html! {
        <svg class="arcs" ref={props.layer.clone()} aria-hidden="true" focusable="false">
            if !shown.is_empty() {
                <defs>
                    <marker id="arc-head" viewBox="0 0 8 8" refX="7" refY="4" markerUnits="userSpaceOnUse" markerWidth="7" markerHeight="7" orient="auto">
                        <path d="M0 0L8 4L0 8z" />
                    </marker>
                </defs>
            }
            { for connectors }
        </svg>
    }
}

/// A relation type's name, or its id when the labels do not define it.
pub fn type_name(labels: &Labels, kind: &str) -> String {
    labels.relation_types().iter().find(|t| t.id == kind).map_or(kind, |t| t.name.as_str()).to_owned()
}

/// The spans related to `id` (the other end of each of its relations).
pub fn related(relations: &Relations, id: &AnnotationId) -> Vec<AnnotationId> {
    relations.touching(id).map(|r| if &r.from == id { r.to.clone() } else { r.from.clone() }).collect()
}

/// What is lit on the text: the focus (hovered, else selected) span's related spans and
/// connectors, and the target being picked. Remembers whether anything is lit, so that a
/// document without relations does no work here.
#[derive(Default)]
pub struct Lights {
    /// Whether anything is lit now.
    lit: Cell<bool>,
    /// The span under the mouse, if any.
    pub hovered: RefCell<Option<AnnotationId>>,
}

/// By identity: one `Lights` per text.
impl PartialEq for Lights {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Lights {
    pub fn apply(
        &self,
        article: &NodeRef,
        layer: &NodeRef,
        relations: &Relations,
        selected: Option<&AnnotationId>,
        candidate: Option<&AnnotationId>,
    ) {
        let hovered = self.hovered.borrow();
        let focus = hovered.as_ref().or(selected);
        let related = focus.map(|id| related(relations, id)).unwrap_or_default();
        let any = !related.is_empty() || candidate.is_some() || (focus.is_some() && !relations.is_empty());
        if !any && !self.lit.get() {
            return;
        }
        let Some(article) = article.cast::<web_sys::Element>() else { return };
        edge::arcs::light(&article, layer.cast::<web_sys::Element>().as_ref(), focus, &related, candidate);
        self.lit.set(any);
    }
}
