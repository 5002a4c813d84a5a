//! The components: a thin view over [`crate::model::Editor`]. They render state and turn
//! events into actions; the DOM work they need is in [`crate::edge`].

mod agreement_diff;
mod agreement_figures;
mod annotate_all_dialog;
mod app;
mod arcs;
mod article;
mod attributes_editor;
mod compare_dialog;
mod details;
mod diff_markup;
mod doc_categories;
mod documents;
mod drawer;
mod entry;
mod events_claims_dialog;
mod export_menu;
mod find_bar;
mod help_dialog;
mod hooks;
mod import_dialog;
mod label_bar;
mod label_row;
mod labels_dialog;
mod link_menu;
mod modal;
mod new_document_dialog;
mod notice_bar;
mod paragraph;
mod relation_types_editor;
mod relations_list;
mod side_panel;
mod state;
mod stats_dialog;
mod storage_status;
mod suggest_bar;
mod suggestion_marks;
mod tab_banner;
mod text_keys;
mod text_options;
mod toolbar;
mod update_banner;
mod your_name;

use std::rc::Rc;

pub use app::{App, AppProps};
pub use article::{Article, ArticleProps};
pub use state::DocRef;

use crate::edge::storage::{Loaded, Store};
use crate::edge::tabs;
use crate::model::persist::Stored;
use crate::model::{Action, Document, Editor, Labels, Notice, Restored};

/// The document spanmark opens on.
pub const SEED_TITLE: &str = "article.txt";
pub const SEED_TEXT: &str = include_str!("../../assets/article.txt");

pub fn seed() -> Document {
    match Document::new(SEED_TITLE, SEED_TEXT) {
        Ok(doc) => doc,
        // The seed is a few kilobytes; only a text of 4 GiB is refused.
        Err(e) => panic!("the seed article: {e}"),
    }
}

/// Installs the panic hook, brings back the saved work, and mounts the app on `<body>`.
///
/// On a first visit (nothing says storage was opened in this browser before) the seed is drawn
/// at once and storage is attached when it answers ([`attach`]): the article is taggable some
/// 50 ms sooner. Otherwise the app waits for what storage kept.
pub fn start() {
    crate::edge::panic::install();
    crate::edge::segmenter::install();
    crate::edge::regex::install();
    crate::edge::theme::apply(crate::edge::theme::load());
    if crate::edge::storage::first_visit() {
        let initial = Rc::new(Editor::restore(seed(), Labels::news(), Stored::default()));
        yew::Renderer::<App>::with_props(AppProps { initial, store: None, later: true }).render();
        crate::edge::segmenter::warm_up();
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        let (editor, store) = restore().await;
        yew::Renderer::<App>::with_props(AppProps { initial: Rc::new(editor), store, later: false }).render();
        crate::edge::segmenter::warm_up();
    });
}

/// The editor as storage kept it, and the store to keep it in; or the seed alone, with a
/// warning, when storage cannot be used.
async fn restore() -> (Editor, Option<Rc<Store>>) {
    match open_and_read().await {
        Ok((store, writer, loaded)) => {
            let mut editor = rebuilt(loaded);
            if !writer {
                editor.apply(Action::ReadOnly);
            }
            (editor, Some(Rc::new(store)))
        }
        Err(reason) => {
            let mut editor = Editor::new(seed(), Labels::news());
            editor.apply(Action::SaveFailed(reason));
            (editor, None)
        }
    }
}

/// On a first visit, storage for the app already drawn: what to tell its editor, in order, and
/// the store to keep its work in (`None` when there is none to use). When storage is empty, as
/// it is on a first visit, the editor keeps what was done meanwhile; when it is not (the hint
/// was lost, or another tab wrote first), what storage holds replaces the seed, as a reload
/// would have shown it.
pub(crate) async fn attach() -> (Vec<Action>, Option<Rc<Store>>) {
    match open_and_read().await {
        Ok((store, writer, loaded)) => {
            let mut actions = Vec::new();
            if !loaded.stored.is_empty() || loaded.skipped > 0 {
                actions.push(Action::TakeOver(Restored(Rc::new(rebuilt(loaded)))));
            }
            if !writer {
                actions.push(Action::ReadOnly);
            }
            (actions, Some(Rc::new(store)))
        }
        Err(reason) => (vec![Action::SaveFailed(reason)], None),
    }
}

/// Storage opened, the writer lock asked for, and what storage holds read. The lock is asked
/// for before reading (so a writer reads what no other tab is still changing); a tab without it
/// is read-only: it shows the saved work and changes nothing (`edge::tabs`). `Err` says why no
/// storage can be used.
async fn open_and_read() -> Result<(Store, bool, Loaded), String> {
    let store = Store::open().await?;
    crate::edge::storage::visited();
    let writer = tabs::claim().await;
    match store.load().await {
        Ok(loaded) => Ok((store, writer, loaded)),
        Err(reason) => {
            // Writing now could bury what is there: leave storage alone and say so.
            tabs::release();
            Err(format!("saved work could not be read ({reason})"))
        }
    }
}

/// The editor rebuilt from what `store` holds now (at start, and when this tab takes over
/// writing from another), with a notice when records had to be left out.
pub(crate) async fn reread(store: &Store) -> Result<Editor, String> {
    Ok(rebuilt(store.load().await?))
}

fn rebuilt(loaded: Loaded) -> Editor {
    let mut editor = Editor::restore(seed(), Labels::news(), loaded.stored);
    if loaded.skipped > 0 && editor.notice.is_none() {
        editor.notice = Some(Notice::Error(format!(
            "{} saved record{} could not be read and {} left out.",
            loaded.skipped,
            if loaded.skipped == 1 { "" } else { "s" },
            if loaded.skipped == 1 { "was" } else { "were" }
        )));
    }
    editor
}
