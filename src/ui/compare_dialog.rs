use std::rc::Rc;

use yew::prelude::*;

use super::agreement_diff::AgreementDiff;
use super::agreement_figures::figures_markup;
use super::modal::{fixed, raw, Modal};
use super::state::DocRef;
use crate::edge;
use crate::model::adjudication::Adjudication;
use crate::model::agreement::{coder_of, figures, groups, read_coder, report_csv, report_json, Coder, Figures};
use crate::model::document::slug;
use crate::model::{Action, AnnotationSet, Labels, Notice};
use crate::support::markup::Markup;

/// At most this many annotators are compared (the "two to ten").
const MAX_CODERS: usize = 10;

#[derive(Properties, PartialEq)]
pub struct CompareDialogProps {
    pub doc: DocRef,
    pub labels: Rc<Labels>,
    pub annotations: Rc<AnnotationSet>,
    /// The "Your name" setting: names this document's own annotations ("me" when blank).
    pub name: AttrValue,
    /// Creates the adjudicated document, or says a download failed.
    pub onaction: Callback<Action>,
    pub onclose: Callback<()>,
}

/// One added file: its name and its annotator, or why it was left out.
#[derive(PartialEq)]
struct Added {
    file: String,
    coder: Result<Coder, String>,
}

/// The files added so far; `generation` changes with every change of the list.
#[derive(Default, PartialEq)]
struct Files {
    list: Vec<Rc<Added>>,
    generation: u32,
}

enum FilesAction {
    Add(Vec<Added>),
    Remove(usize),
}

impl Reducible for Files {
    type Action = FilesAction;

    fn reduce(self: Rc<Self>, action: FilesAction) -> Rc<Self> {
        let mut list = self.list.clone();
        match action {
            FilesAction::Add(added) => list.extend(added.into_iter().map(Rc::new)),
            FilesAction::Remove(i) if i < list.len() => drop(list.remove(i)),
            FilesAction::Remove(_) => return self,
        }
        Rc::new(Files { list, generation: self.generation.wrapping_add(1) })
    }
}

/// What one set of annotators gives: their figures (and them as markup) and the decisions to
/// start from.
struct Comparison {
    coders: usize,
    figures: Option<(Rc<Figures>, AttrValue)>,
    adjudication: Rc<Adjudication>,
}

/// Compare (issue 17): annotators' files of the open document's text (added by the file input
/// or dropped on the view), with or without this document's own annotations; their figures, the
/// diff and its adjudication, the report to download, and the adjudicated document.
#[component]
pub fn CompareDialog(props: &CompareDialogProps) -> Html {
    let files = use_reducer(Files::default);
    let with_own = use_state_eq(|| !props.annotations.is_empty());
    let input_ref = use_node_ref();
    let me = if props.name.trim().is_empty() { "me".to_owned() } else { props.name.trim().to_owned() };

    let comparison = {
        let (doc, labels, annotations, files, me) =
            (props.doc.0.clone(), props.labels.clone(), props.annotations.clone(), files.clone(), me.clone());
        use_memo((files.generation, *with_own, me.clone()), move |&(_, own, _)| {
            let mut coders: Vec<Coder> = Vec::new();
            if own {
                coders.push(coder_of(&me, &doc, &annotations, &labels));
            }
            coders.extend(files.list.iter().filter_map(|f| f.coder.as_ref().ok().cloned()));
            coders.truncate(MAX_CODERS);
            // Two files may name the same person: the view and the report keep them apart.
            for i in 1..coders.len() {
                let base = coders[i].name.clone();
                let mut n = 2;
                while coders[..i].iter().any(|c| c.name == coders[i].name) {
                    coders[i].name = format!("{base} ({n})");
                    n += 1;
                }
            }
            let ids: Vec<String> = labels.iter().map(|l| l.id.as_str().to_owned()).collect();
            let figures = (coders.len() >= 2).then(|| {
                let f = figures(&doc, &ids, &coders);
                let markup = figures_markup(&f, &labels).into();
                (Rc::new(f), markup)
            });
            let names = coders.iter().map(|c| c.name.clone()).collect();
            Comparison {
                coders: coders.len(),
                figures,
                adjudication: Rc::new(Adjudication::new(groups(&coders), names)),
            }
        })
    };
    // The decisions, for the comparison they were made in (a new set of annotators starts afresh).
    let decided = use_state(|| None::<(Rc<Comparison>, Rc<Adjudication>)>);
    let adjudication = match &*decided {
        Some((c, a)) if Rc::ptr_eq(c, &comparison) => a.clone(),
        _ => comparison.adjudication.clone(),
    };
    let onchange = {
        let (decided, comparison) = (decided.clone(), comparison.clone());
        Callback::from(move |a: Adjudication| decided.set(Some((comparison.clone(), Rc::new(a)))))
    };

    let add = {
        let (files, doc, labels) = (files.dispatcher(), props.doc.0.clone(), props.labels.clone());
        Callback::from(move |list: Vec<web_sys::File>| {
            let (files, doc, labels) = (files.clone(), doc.clone(), labels.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let mut added = Vec::new();
                for file in list {
                    let (name, bytes) = edge::compare::read(&file).await;
                    let coder = bytes.and_then(|b| read_coder(&name, &b, &doc, &labels));
                    added.push(Added { file: name, coder });
                }
                files.dispatch(FilesAction::Add(added));
            });
        })
    };
    let onchoose = {
        let input_ref = input_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = input_ref.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        })
    };
    let onfiles = {
        let add = add.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
            let list = edge::files::list(input.files());
            input.set_value("");
            if !list.is_empty() {
                add.emit(list);
            }
        })
    };
    let ondragover = Callback::from(|e: DragEvent| {
        e.prevent_default();
        e.stop_propagation();
    });
    // Dropped here, files are annotators: the page's own drop (which opens them) never sees them.
    let ondrop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        e.stop_propagation();
        let list = edge::files::list(e.data_transfer().and_then(|d| d.files()));
        if !list.is_empty() {
            add.emit(list);
        }
    });
    let ontick = {
        let with_own = with_own.clone();
        Callback::from(move |e: Event| with_own.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked()))
    };

    let doc = &props.doc.0;
    let stem = slug(doc.title());
    let ondownload = comparison.figures.as_ref().map(|(f, _)| {
        let f = f.clone();
        let (onaction, title, sha, stem) =
            (props.onaction.clone(), doc.title().to_owned(), doc.sha256().to_owned(), stem.clone());
        Callback::from(move |_: MouseEvent| {
            let json = report_json(&title, &sha, &f);
            let csv = report_csv(&f);
            for (name, mime, text) in [
                (format!("{stem}.agreement.json"), "application/json", json),
                (format!("{stem}.agreement.csv"), "text/csv", csv),
            ] {
                if edge::download::download(&name, mime, text.as_bytes()).is_err() {
                    onaction.emit(Action::Notify(Notice::Error(format!("{name} could not be downloaded."))));
                }
            }
        })
    });
    let oncreate = {
        let (onaction, onclose, adjudication) = (props.onaction.clone(), props.onclose.clone(), adjudication.clone());
        Callback::from(move |_: MouseEvent| {
            onclose.emit(());
            onaction.emit(Action::Adjudicated(Rc::new(adjudication.chosen())));
        })
    };
    // Past ten annotators a file is listed as left out (the comparison took the first ten).
    let mut room = MAX_CODERS.saturating_sub(usize::from(*with_own));
    let file_rows = files.list.iter().enumerate().map(|(i, f)| {
        let remove = files.dispatcher();
        let (class, what) = match &f.coder {
            Ok(_) if room == 0 => ("refused", "left out: Compare takes at most ten annotators".to_owned()),
            Ok(c) => {
                room -= 1;
                ("added", format!("{}: {} spans", c.name, c.spans.len()))
            }
            Err(why) => ("refused", why.clone()),
        };
        html! {
            <li class={class}>
                { raw(file_text(&f.file, &what)) }
                <button class="mini" aria-label={format!("Remove {}", f.file)} onclick={Callback::from(move |_: MouseEvent| remove.dispatch(FilesAction::Remove(i)))}>{ "Remove" }</button>
            </li>
        }
    });
    let title = format!("Compare annotators of {}", doc.title());
    html! {
        <Modal label="Compare" class="compare" onclose={props.onclose.clone()}>
            <div class="compare-view" {ondragover} {ondrop}>
                <div class="compare-head">
                    <h2>{ title }</h2>
                    <button class="tool" onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Close" }</button>
                </div>
                <div class="compare-files">
                    <button class="tool primary" autofocus=true onclick={onchoose}>{ "Add annotators' files…" }</button>
                    <input ref={input_ref} type="file" class="file-input" multiple=true onchange={onfiles} tabindex="-1" aria-hidden="true"
                        accept=".json,.jsonl,.jsonld,.ann,.zip,.txt,application/json" />
                    { fixed("<span class=\"drop-hint\">or drop them here (two to ten, any format spanmark opens)</span>") }
                    <label class="own">
                        <input type="checkbox" checked={*with_own} onchange={ontick} />
                        { format!("This document's annotations ({me})") }
                    </label>
                    <ul class="file-list">{ for file_rows }</ul>
                </div>
                if let Some((_, markup)) = &comparison.figures {
                    { Html::from_html_unchecked(markup.clone()) }
                    <section class="compare-section" aria-label="Differences">
                        { fixed("<h3>Differences and adjudication</h3>") }
                        <AgreementDiff doc={props.doc.clone()} labels={props.labels.clone()} {adjudication} {onchange} />
                    </section>
                    <div class="dialog-buttons">
                        <button class="tool" onclick={ondownload}>{ "Download report" }</button>
                        <button class="tool primary" onclick={oncreate}>{ "Create adjudicated document" }</button>
                    </div>
                } else {
                    <p class="compare-empty">{ format!("{} annotator{} so far: add files until there are at least two.", comparison.coders, if comparison.coders == 1 { "" } else { "s" }) }</p>
                }
            </div>
        </Modal>
    }
}

/// A file's name and what became of it, as markup (`support::markup`): no listener.
fn file_text(file: &str, what: &str) -> Markup {
    let mut m = Markup::default();
    m.el("span", &[("class", "file-name")], file).text(" — ").el("span", &[("class", "file-what")], what);
    m
}
