use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::article::Article;
use super::label_bar::LabelBar;
use super::side_panel::SidePanel;
use super::state::{DocRef, EditorState};
use super::toolbar::Toolbar;
use crate::edge::{self, keys::Key};
use crate::model::{document::slug, formats::spanmark, Action, LabelId};

#[component]
pub fn App() -> Html {
    let state = use_reducer(EditorState::seed);
    let article_ref = use_node_ref();
    let editor = &state.0;

    // A label's key or button: tag the selection, relabel the selected span, or arm the label.
    let onapply = {
        let dispatch = state.dispatcher();
        let doc = editor.doc.clone();
        let article_ref = article_ref.clone();
        Callback::from(move |label: LabelId| {
            let selection = article_ref.cast::<web_sys::Element>().and_then(|a| edge::selection::selected_span(&a, &doc));
            if selection.is_some() {
                edge::selection::clear();
            }
            dispatch.dispatch(Action::Apply { label, selection });
        })
    };

    // Keys anywhere on the page.
    {
        let dispatch = state.dispatcher();
        let labels = editor.labels.clone();
        let onapply = onapply.clone();
        use_effect_with(DocRef(editor.doc.clone()), move |_| {
            let listener = edge::keys::Listener::on_window("keydown", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                let action = match edge::keys::read(event) {
                    Some(Key::Label(c)) => match labels.by_hotkey(c) {
                        Some(label) => {
                            event.prevent_default();
                            onapply.emit(label.id.clone());
                            return;
                        }
                        None => return,
                    },
                    Some(Key::Escape) => {
                        edge::selection::clear();
                        Action::Escape
                    }
                    Some(Key::Delete) => Action::RemoveSelected,
                    Some(Key::Undo) => Action::Undo,
                    Some(Key::Redo) => Action::Redo,
                    None => return,
                };
                event.prevent_default();
                dispatch.dispatch(action);
            });
            move || drop(listener)
        });
    }

    // Bring a requested annotation into view.
    {
        let article_ref = article_ref.clone();
        use_effect_with(editor.flash.clone(), move |flash| {
            if let (Some((id, _)), Some(article)) = (flash, article_ref.cast::<web_sys::Element>()) {
                edge::dom::reveal(&article, id);
            }
        });
    }

    let onexport = {
        let state = state.clone();
        Callback::from(move |_: ()| {
            let editor = &state.0;
            let now = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
            let json = spanmark::serialize(&editor.doc, &editor.labels, &editor.annotations, &now);
            let name = format!("{}.spanmark.json", slug(editor.doc.title()));
            if let Err(e) = edge::download::download(&name, "application/json", &json) {
                web_sys::console::error_2(&"export failed".into(), &e);
            }
        })
    };
    let dispatch = |action: Action| {
        let dispatch = state.dispatcher();
        Callback::from(move |_: ()| dispatch.dispatch(action.clone()))
    };
    let onselect = {
        let dispatch = state.dispatcher();
        Callback::from(move |action: Action| dispatch.dispatch(action))
    };

    html! {
        <div class="app">
            <Toolbar
                title={AttrValue::from(editor.doc.title().to_owned())}
                can_undo={editor.history.can_undo()}
                can_redo={editor.history.can_redo()}
                onundo={dispatch(Action::Undo)}
                onredo={dispatch(Action::Redo)}
                {onexport}
            />
            <LabelBar labels={editor.labels.clone()} armed={editor.armed.clone()} selected={editor.selected.is_some()} {onapply} />
            <main class="workspace">
                <div class="reader" id="reader">
                    <Article
                        doc={DocRef(editor.doc.clone())}
                        labels={editor.labels.clone()}
                        annotations={Rc::new(editor.annotations.clone())}
                        selected={editor.selected.clone()}
                        armed={editor.armed.is_some()}
                        node_ref={article_ref.clone()}
                        onaction={onselect.clone()}
                    />
                </div>
                <SidePanel
                    doc={DocRef(editor.doc.clone())}
                    labels={editor.labels.clone()}
                    annotations={Rc::new(editor.annotations.clone())}
                    selected={editor.selected.clone()}
                    onaction={onselect}
                />
            </main>
        </div>
    }
}
