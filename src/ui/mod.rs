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

use crate::edge::storage::Store;
use crate::edge::tabs;
use crate::model::{Action, Document, Editor, Labels, Notice};

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
pub fn start() {
    crate::edge::panic::install();
    crate::edge::segmenter::install();
    crate::edge::regex::install();
    crate::edge::theme::apply(crate::edge::theme::load());
    wasm_bindgen_futures::spawn_local(async {
        let (editor, store) = restore().await;
        yew::Renderer::<App>::with_props(AppProps { initial: Rc::new(editor), store }).render();
        crate::edge::segmenter::warm_up();
    });
}

/// The editor as storage kept it, and the store to keep it in; or the seed alone, with a
/// warning, when storage cannot be used. The writer lock is asked for before reading (so a
/// writer reads what no other tab is still changing); a tab without it is read-only: it shows
/// the saved work and changes nothing (`edge::tabs`).
async fn restore() -> (Editor, Option<Rc<Store>>) {
    let store = match Store::open().await {
        Ok(store) => store,
        Err(reason) => {
            let mut editor = Editor::new(seed(), Labels::news());
            editor.apply(Action::SaveFailed(reason));
            return (editor, None);
        }
    };
    let writer = tabs::claim().await;
    match reread(&store).await {
        Ok(mut editor) => {
            if !writer {
                editor.apply(Action::ReadOnly);
            }
            (editor, Some(Rc::new(store)))
        }
        Err(reason) => {
            // Writing now could bury what is there: leave storage alone and say so.
            tabs::release();
            let mut editor = Editor::new(seed(), Labels::news());
            editor.apply(Action::SaveFailed(format!("saved work could not be read ({reason})")));
            (editor, None)
        }
    }
}

/// The editor rebuilt from what `store` holds now (at start, and when this tab takes over
/// writing from another), with a notice when records had to be left out.
pub(crate) async fn reread(store: &Store) -> Result<Editor, String> {
    let loaded = store.load().await?;
    let mut editor = Editor::restore(seed(), Labels::news(), loaded.stored);
    if loaded.skipped > 0 && editor.notice.is_none() {
        editor.notice = Some(Notice::Error(format!(
            "{} saved record{} could not be read and {} left out.",
            loaded.skipped,
            if loaded.skipped == 1 { "" } else { "s" },
            if loaded.skipped == 1 { "was" } else { "were" }
        )));
    }
    Ok(editor)
}
