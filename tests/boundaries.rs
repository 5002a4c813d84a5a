//! The architecture's boundaries, read off the sources (ARCHITECTURE.md's invariants): a test
//! fails naming the file and line that crosses one.

use std::path::{Path, PathBuf};

fn sources(dir: &str) -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                out.push((path, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut out);
    assert!(!out.is_empty(), "no sources under {dir}");
    out
}

/// Every line of the sources under `dir` that contains one of `words`, as `file:line: text`.
fn lines_with(dir: &str, words: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (path, text) in sources(dir) {
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if words.iter().any(|w| code.contains(w)) {
                found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn no_browser_crate_in_the_model_or_support() {
    let words = ["yew::", "web_sys", "js_sys", "wasm_bindgen", "gloo"];
    for dir in ["src/model", "src/support"] {
        assert_eq!(lines_with(dir, &words), Vec::<String>::new(), "{dir} imports a browser crate");
    }
}

#[test]
fn the_editor_reaches_formats_only_through_input() {
    assert_eq!(lines_with("src/model/editor", &["formats::"]), Vec::<String>::new());
}

#[test]
fn only_the_edge_measures_or_scrolls() {
    let words = ["scroll_top", "get_bounding_client_rect", "offset_height", "client_height", "scroll_into_view"];
    assert_eq!(lines_with("src/ui", &words), Vec::<String>::new());
}

#[test]
fn no_clock_in_the_model_or_support() {
    // Time enters as a value (`Editor::apply_at`); the model never reads it.
    let words = ["SystemTime", "Instant::now", "Date::now", "Date::new", "UNIX_EPOCH"];
    for dir in ["src/model", "src/support"] {
        assert_eq!(lines_with(dir, &words), Vec::<String>::new(), "{dir} reads a clock");
    }
}

/// ARCHITECTURE.md: no `:has()` in the stylesheets (every mark put into the text re-checked it on
/// its ancestors; the state it stood for is a class the view sets).
#[test]
fn no_has_selector_in_the_styles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("styles");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap_or_else(|e| panic!("{}: {e}", dir.display())).path();
        if path.extension().is_none_or(|x| x != "css") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // Outside comments only.
        let code: String = text
            .split("/*")
            .enumerate()
            .map(|(i, part)| if i == 0 { part } else { part.split_once("*/").map_or("", |(_, rest)| rest) })
            .collect();
        if code.contains(":has(") {
            found.push(path.display().to_string());
        }
    }
    assert!(found.is_empty(), "a :has() selector in {found:?}");
}
