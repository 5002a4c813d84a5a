//! The components: a thin view over [`crate::model::Editor`]. They render state and turn
//! events into actions; the DOM work they need is in [`crate::edge`].

mod app;
mod article;
mod label_bar;
mod paragraph;
mod side_panel;
mod state;
mod toolbar;

pub use app::App;
pub use article::{Article, ArticleProps};
pub use state::DocRef;

/// The document spanmark opens on.
pub const SEED_TITLE: &str = "article.txt";
pub const SEED_TEXT: &str = include_str!("../../assets/article.txt");

/// Installs the panic hook and mounts the app on `<body>`.
pub fn start() {
    crate::edge::panic::install();
    yew::Renderer::<App>::new().render();
}
