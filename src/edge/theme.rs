//! The colour theme a person picked: kept in localStorage and put on `<html>` as `data-theme`,
//! which styles/theme.css reads (with no attribute the page follows `prefers-color-scheme`).

/// What the theme button offers, in the order a press steps through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// As the system says (`prefers-color-scheme`).
    System,
    Light,
    Dark,
}

const KEY: &str = "spanmark.theme";

impl Theme {
    /// The next theme a press of the button gives.
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    /// How the button names it.
    pub fn name(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn from_name(name: &str) -> Theme {
        match name {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The theme kept from an earlier visit (the system's when none was, or storage is closed).
pub fn load() -> Theme {
    storage().and_then(|s| s.get_item(KEY).ok().flatten()).map_or(Theme::System, |name| Theme::from_name(&name))
}

/// Puts `theme` on the page and keeps it for the next visit (a closed storage only forgets it).
pub fn set(theme: Theme) {
    apply(theme);
    if let Some(s) = storage() {
        let _ = match theme {
            Theme::System => s.remove_item(KEY),
            _ => s.set_item(KEY, theme.name()),
        };
    }
}

/// Puts `theme` on the page.
pub fn apply(theme: Theme) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    let _ = match theme {
        Theme::System => root.remove_attribute("data-theme"),
        _ => root.set_attribute("data-theme", theme.name()),
    };
}
