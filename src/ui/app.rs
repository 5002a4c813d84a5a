use std::rc::Rc;

use yew::prelude::*;

use super::article::Article;
use super::compare_dialog::CompareDialog;
use super::doc_categories::doc_categories;
use super::documents::{DocList, Documents};
use super::drawer::{self, Drawer};
use super::events_claims_dialog::events_claims_dialog;
use super::find_bar::FindBar;
use super::hooks::{
    use_announcement, use_autosave, use_drawer_focus, use_export_menu, use_hotkeys, use_launch_files, use_leave_guard,
    use_new_version, use_select_values, use_storage_standing, use_view_option, use_writer,
};
use super::import_dialog::import_dialog;
use super::label_bar::{label_bar, LabelBarProps};
use super::labels_dialog::LabelsDialog;
use super::link_menu::Linking;
use super::new_document_dialog::new_document_dialog;
use super::notice_bar::{notice_bar, NoticeBarProps};
use super::side_panel::SidePanel;
use super::state::{DocRef, EditorState};
use super::stats_dialog::StatsDialog;
use super::tab_banner::tab_banner;
use super::text_options::TextOptions;
use super::toolbar::{toolbar, ToolbarProps};
use super::update_banner::update_banner;
use super::your_name::{self, your_name};
use crate::edge::storage::Store;
use crate::edge::theme::{self, Theme};
use crate::edge::{self, selection::Show};
use crate::model::formats::{export, spanmark, Format};
use crate::model::search::Found;
use crate::model::suggest::Suggestion;
use crate::model::{Action, Editor, LabelId, Notice, Saving, Span, READ_ONLY_NOTICE};

#[derive(Properties)]
pub struct AppProps {
    /// The editor as storage kept it.
    pub initial: Rc<Editor>,
    /// Where work is kept; `None` when storage cannot be used (the editor says why).
    pub store: Option<Rc<Store>>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.initial, &other.initial)
    }
}

/// The page's dialogs but the import's (which the editor's pending import opens).
#[derive(Clone, Copy, PartialEq)]
enum Dialog {
    NewDocument,
    Labels,
    Stats,
    Compare,
    Coding,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer({
        let initial = props.initial.clone();
        move || EditorState((*initial).clone())
    });
    let article_ref = use_node_ref();
    // The dialog open, if any (each is modal: one at a time).
    let dialog = use_state_eq(|| None::<Dialog>);
    // One callback for the life of the page (the side panel is not re-rendered for a new one).
    let onstats = {
        let open = dialog.setter();
        use_callback((), move |_: (), _| open.set(Some(Dialog::Stats)))
    };
    // "Your name" (remembered): the spanmark export's `annotator`, Compare's name for this document.
    let name = use_state_eq(your_name::load);
    // The find's current match, numbered so that showing the same one again still scrolls.
    let found = use_state(|| None::<(Span, Show, u32)>);
    let theme = use_state(theme::load);
    // The side column shown over the text on a narrow screen (on a wide one both are columns).
    let drawer = use_state_eq(|| None::<Drawer>);
    use_drawer_focus(*drawer);
    // Every match of the find (all highlighted in the drawn text), and whether every span's
    // label is written on the text (else only overlapping and selected spans'; remembered).
    let matches = use_state(|| Rc::new(Found::default()));
    let (chips_all, onchips) = use_view_option("chips", ("all", "overlaps"), false);
    // Suggestions from the person's own tags (view only: never annotations, never exported),
    // and the mentions rejected this session.
    let suggestions = use_state(|| Rc::new(Vec::<Suggestion>::new()));
    let rejected = use_state(|| Rc::new(Vec::<Span>::new()));
    let editor = &state.0;
    // A relation being made from the selected span (R or Link…): ends when it is made,
    // cancelled, or the selection moves to another span.
    let linking = use_state_eq(|| None::<Linking>);
    let onlinking = {
        let linking = linking.setter();
        use_callback((), move |next: Option<Linking>, _| linking.set(next))
    };
    let onlink = {
        let linking = linking.setter();
        use_callback((), move |from: crate::model::AnnotationId, _| {
            linking.set(Some(Linking::Picking { from, candidate: None }))
        })
    };
    let linking_now = (*linking).clone().filter(|l| Some(l.from()) == editor.selected.as_ref());
    {
        let linking = linking.clone();
        use_effect_with(editor.selected.clone(), move |selected| {
            if linking.as_ref().is_some_and(|l| Some(l.from()) != selected.as_ref()) {
                linking.set(None);
            }
        });
    }

    // A label's key or button: tag the selection, relabel the selected span, or arm the label.
    let onapply = {
        let dispatch = state.dispatcher();
        let doc = editor.doc().clone();
        let article_ref = article_ref.clone();
        Callback::from(move |label: LabelId| {
            let selection = article_ref.cast::<web_sys::Element>().and_then(|a| edge::selection::chosen_span(&a, &doc));
            if selection.is_some() {
                edge::selection::consume();
            }
            dispatch.dispatch(Action::Apply { label, selection });
        })
    };

    // One callback for the life of the page: components that take it (every list entry among
    // them) are not re-rendered for a new one on each render of the app.
    let onaction = {
        let dispatch = state.dispatcher();
        use_callback((), move |action: Action, _| dispatch.dispatch(action))
    };
    // Keys anywhere on the page (while no dialog is open).
    let modal = dialog.is_some() || editor.pending.is_some();
    use_hotkeys(editor.labels().clone(), modal, onapply.clone(), onaction.clone());
    // One tab of this browser writes at a time; Use here moves writing to this one.
    let writer = use_writer(state.clone(), props.store.clone());
    // Keep every change (in the tab that writes), and warn before leaving while one is not yet kept.
    use_autosave(state.clone(), props.store.clone().filter(|_| writer));
    use_leave_guard(editor.saving != Saving::Saved);

    let onexport = {
        let (state, name) = (state.clone(), name.clone());
        Callback::from(move |format: &'static Format| {
            let editor = &state.0;
            let now = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
            let current = editor.current();
            let parts = export::Parts {
                doc: &current.doc,
                labels: &current.labels,
                annotations: &current.annotations,
                relations: &current.relations,
                attributes: &current.attributes,
            };
            let out = export::render_parts(format, parts, &now, editor.options.doccano_unit, Some(name.as_str()));
            match edge::download::download(&out.filename, out.mime, &out.bytes) {
                Ok(()) => {
                    if let Some(note) = out.note {
                        state.dispatch(Action::Notify(Notice::Info(note)));
                    }
                }
                Err(_) => {
                    state.dispatch(Action::Notify(Notice::Error(format!("{} could not be downloaded.", out.filename))))
                }
            }
        })
    };
    // Whether the browser keeps the work, and how much is stored: the toolbar and the documents
    // column both show it.
    let (kept, usage) = use_storage_standing();
    // The toolbar's Export as… menu: open or not, and its elements.
    let export_menu = use_export_menu();
    // A newer build kept and waiting (the update banner), and whether its banner was dismissed.
    let new_version = use_new_version();
    let update_dismissed = use_state_eq(bool::default);
    // The same export for the page's life (the documents column is not redrawn for a new one).
    let export_json = {
        let latest = use_mut_ref(|| onexport.clone());
        *latest.borrow_mut() = onexport.clone();
        use_callback((), move |_: (), _| latest.borrow().emit(&spanmark::FORMAT))
    };
    // Files from the Open button or dropped on the page: read, then handed to the editor.
    let onfiles = {
        let onaction = onaction.clone();
        Callback::from(move |files: Vec<web_sys::File>| {
            let onaction = onaction.clone();
            wasm_bindgen_futures::spawn_local(async move {
                for file in files {
                    onaction.emit(edge::files::read(&file).await);
                }
            });
        })
    };
    // Files the installed app is opened with (File Handling) go the same way.
    use_launch_files(onfiles.clone());
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let onfiles = onfiles.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let files = edge::files::list(e.data_transfer().and_then(|d| d.files()));
            if !files.is_empty() {
                onfiles.emit(files);
            }
        })
    };
    let onfound = {
        let found = found.clone();
        Callback::from(move |shown: Option<(Span, Show)>| {
            let n = found.as_ref().map_or(0, |(_, _, n)| n.wrapping_add(1));
            found.set(shown.map(|(span, how)| (span, how, n)));
        })
    };
    let onmatches = {
        let matches = matches.clone();
        Callback::from(move |found: Rc<Found>| matches.set(found))
    };
    let onsuggestions = {
        let suggestions = suggestions.setter();
        use_callback((), move |all: Rc<Vec<Suggestion>>, _| suggestions.set(all))
    };
    // A suggestion accepted (with a label) or rejected; one callback for the page's life, so
    // that paragraphs are not redrawn for a new one.
    let onsuggest = {
        let (onaction, rejected) = (onaction.clone(), rejected.clone());
        use_callback(rejected.clone(), move |(span, verdict): (Span, Option<LabelId>), rejected| match verdict {
            Some(label) => onaction.emit(Action::Annotate { label, span }),
            None => rejected.set(Rc::new((**rejected).iter().copied().chain([span]).collect())),
        })
    };
    // Opens or closes a dialog. A read-only tab says why instead of opening one whose work it
    // could not keep (New document, Labels).
    let ondialog = {
        let (dialog, onaction, read_only) = (dialog.setter(), onaction.clone(), editor.read_only);
        Callback::from(move |next: Option<Dialog>| {
            if read_only && matches!(next, Some(Dialog::NewDocument | Dialog::Labels)) {
                onaction.emit(Action::Notify(Notice::Info(READ_ONLY_NOTICE.to_owned())));
            } else {
                dialog.set(next);
            }
        })
    };
    let to = |next: Option<Dialog>| {
        let ondialog = ondialog.clone();
        Callback::from(move |()| ondialog.emit(next))
    };
    // Closing a dialog: one callback for the page's life, so that a dialog's props change only
    // with what it shows. A new one each render redrew the Labels dialog on every change of the
    // app (a save finishing among them), and each redraw put its fields back to the stored
    // names, over what a person was typing.
    let onclose = {
        let dialog = dialog.setter();
        use_callback((), move |(), _| dialog.set(None))
    };

    let ontheme = {
        let theme = theme.clone();
        Callback::from(move |next: Theme| {
            theme::set(next);
            theme.set(next);
        })
    };
    let ondrawer = {
        let drawer = drawer.clone();
        Callback::from(move |d: Drawer| drawer.set(if *drawer == Some(d) { None } else { Some(d) }))
    };
    let onclosedrawer = {
        let drawer = drawer.clone();
        Callback::from(move |_: ()| drawer.set(None))
    };
    // Picking a document or an annotation in a drawer shows it: the drawer gets out of the way.
    // One callback for the life of the page, as `onaction` is.
    let ondraweraction = {
        let (onaction, close) = (onaction.clone(), drawer.setter());
        use_callback((), move |action: Action, _| {
            if matches!(action, Action::Select(_) | Action::SwitchDocument(_)) {
                close.set(None);
            }
            onaction.emit(action);
        })
    };

    let current = editor.current();
    // The document's categories above the text keep showing their values after an undo.
    let categories_ref = use_node_ref();
    use_select_values(&categories_ref, current.labels.clone(), current.attributes.clone());
    let announcement = use_announcement(editor.selected.clone(), &current.annotations, &current.labels, &current.doc);
    html! {
        <div class={classes!("app", editor.read_only.then_some("read-only"))} {ondragover} {ondrop}>
            if editor.read_only {
                { tab_banner() }
            }
            { toolbar(&ToolbarProps {
                title: AttrValue::from(current.doc.title().to_owned()),
                kept,
                saving: editor.saving.clone(),
                can_undo: current.history.can_undo(),
                can_redo: current.history.can_redo(),
                onundo: onaction.reform(|_: ()| Action::Undo),
                onredo: onaction.reform(|_: ()| Action::Redo),
                onexport: onexport.clone(),
                doccano_unit: editor.options.doccano_unit,
                onunit: onaction.reform(Action::SetDoccanoUnit),
                export_menu,
                onfiles,
                onnew: to(Some(Dialog::NewDocument)),
                onlabels: to(Some(Dialog::Labels)),
                oncompare: to(Some(Dialog::Compare)),
                oncoding: to(Some(Dialog::Coding)),
                theme: *theme,
                ontheme,
                drawer: *drawer,
                ondrawer,
            }) }
            { label_bar(&LabelBarProps {
                labels: current.labels.clone(),
                armed: editor.armed.clone(),
                selected: editor.selected.as_ref().and_then(|id| current.annotations.get(id)).map(|a| a.label.clone()),
                onapply,
            }) }
            { notice_bar(&NoticeBarProps {
                notice: editor.notice.clone(),
                saving: editor.saving.clone(),
                onaction: onaction.clone(),
                onexport: onexport.reform(|_: ()| &spanmark::FORMAT),
            }) }
            { update_banner(new_version, &update_dismissed) }
            <p class="visually-hidden" role="status" aria-live="polite" id="announcer">{ announcement }</p>
            <main class="workspace">
                { drawer::frame(Drawer::Documents, *drawer == Some(Drawer::Documents), &onclosedrawer, html! {
                    <Documents docs={DocList(editor.docs.clone())} current={current.id.clone()} onaction={ondraweraction.clone()} onexport={export_json} {kept} {usage} />
                }) }
                <div class={classes!("reading", (!matches.matches.is_empty()).then_some("with-strip"))}>
                <FindBar
                    doc={DocRef(current.doc.clone())}
                    {onfound}
                    {onmatches}
                    chips_all={chips_all}
                    {onchips}
                    labels={current.labels.clone()}
                    annotations={current.annotations.clone()}
                    onaction={onaction.clone()}
                    rejected={(*rejected).clone()}
                    {onsuggestions}
                >
                    <TextOptions />
                    { your_name(&name, &{ let name = name.setter(); Callback::from(move |n: String| name.set(n)) }) }
                </FindBar>
                { doc_categories(&current.labels, &current.attributes, &onaction, &categories_ref) }
                <div class="reader" id="reader" tabindex="0" role="region" aria-label="Text">
                    <Article
                        doc={DocRef(current.doc.clone())}
                        labels={current.labels.clone()}
                        annotations={current.annotations.clone()}
                        selected={editor.selected.clone()}
                        armed={editor.armed.is_some()}
                        flash={editor.flash.clone()}
                        found={*found}
                        matches={(*matches).clone()}
                        chips_all={chips_all}
                        node_ref={article_ref.clone()}
                        onaction={onaction.clone()}
                        suggestions={(*suggestions).clone()}
                        {onsuggest}
                        relations={current.relations.clone()}
                        linking={linking_now}
                        {onlinking}
                    />
                </div>
                </div>
                { drawer::frame(Drawer::Annotations, *drawer == Some(Drawer::Annotations), &onclosedrawer, html! {
                    <SidePanel
                        doc={DocRef(current.doc.clone())}
                        labels={current.labels.clone()}
                        annotations={current.annotations.clone()}
                        selected={editor.selected.clone()}
                        onaction={ondraweraction}
                        onkeyaction={onaction.clone()}
                        {onstats}
                        relations={current.relations.clone()}
                        {onlink}
                    />
                }) }
            </main>
            { match *dialog {
                Some(Dialog::Stats) => html! {
                    <StatsDialog
                        doc={DocRef(current.doc.clone())}
                        labels={current.labels.clone()}
                        annotations={current.annotations.clone()}
                        onaction={onaction.clone()}
                        onclose={onclose.clone()}
                    />
                },
                Some(Dialog::Compare) => html! {
                    <CompareDialog
                        doc={DocRef(current.doc.clone())}
                        labels={current.labels.clone()}
                        annotations={current.annotations.clone()}
                        name={AttrValue::from((*name).clone())}
                        onaction={onaction.clone()}
                        onclose={onclose.clone()}
                    />
                },
                Some(Dialog::Coding) => events_claims_dialog(&current.doc, &current.labels, &current.annotations, &current.relations, &onaction, &onclose),
                Some(Dialog::NewDocument) => new_document_dialog(&onaction, &onclose),
                Some(Dialog::Labels) => html! {
                    <LabelsDialog
                        labels={current.labels.clone()}
                        annotations={current.annotations.clone()}
                        onaction={onaction.clone()}
                        onclose={onclose.clone()}
                    />
                },
                None => Html::default(),
            } }
            if let Some(pending) = &editor.pending {
                { import_dialog(
                    &pending.name,
                    editor.docs.iter().find(|d| d.id == pending.target).map_or("", |d| d.doc.title()),
                    editor.docs.iter().find(|d| d.id == pending.target).map_or(0, |d| d.annotations.len()),
                    pending.project.annotations.len(),
                    &onaction,
                ) }
            }
        </div>
    }
}
