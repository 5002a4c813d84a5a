//! The app's effects as custom hooks, one a file: what they listen to or write lives here, the
//! components only say what they hold. Window listeners added here live as long as the page or
//! the open document and read what changes through refs the renders keep: none is added or
//! removed per edit.

mod use_announcement;
mod use_autosave;
mod use_caret;
mod use_deferred;
mod use_drawer_focus;
mod use_drawn_window;
mod use_export_menu;
mod use_hotkeys;
mod use_launch_files;
mod use_leave_guard;
mod use_new_version;
mod use_select_values;
mod use_storage_standing;
mod use_suggestions;
mod use_touch;
mod use_view_option;
mod use_window_listener;
mod use_writer;

pub use use_announcement::use_announcement;
pub use use_autosave::use_autosave;
pub use use_caret::use_caret;
pub use use_deferred::use_deferred;
pub use use_drawer_focus::use_drawer_focus;
pub use use_drawn_window::use_drawn_window;
pub use use_export_menu::{use_export_menu, MenuState};
pub use use_hotkeys::use_hotkeys;
pub use use_launch_files::use_launch_files;
pub use use_leave_guard::use_leave_guard;
pub use use_new_version::use_new_version;
pub use use_select_values::use_select_values;
pub use use_storage_standing::use_storage_standing;
pub use use_suggestions::use_suggestions;
pub use use_touch::use_touch;
pub use use_view_option::use_view_option;
pub use use_window_listener::{use_start, use_window_listener};
pub use use_writer::use_writer;
