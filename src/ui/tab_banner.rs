//! The banner of a tab that only shows the work: another tab of this browser holds the writer
//! lock. A view function rather than a component: it holds no state, and a component of its
//! own cost 0.65 KB of the gzipped wasm (measured 2026-12-01) for nothing it needs.

use yew::prelude::*;

use crate::edge::tabs;

/// "spanmark is open in another tab…", and **Use here**, which moves writing to this tab
/// (`edge::tabs::use_here`; the editor is replaced once the lock is this tab's).
pub fn tab_banner() -> Html {
    html! {
        <div class="tab-banner" role="region" aria-label="Open in another tab">
            <p class="tab-banner-text" role="status">
                { "spanmark is open in another tab, which keeps your work. This tab only shows it." }
            </p>
            <button class="tool tab-use" onclick={|_: MouseEvent| tabs::use_here()}>{ "Use here" }</button>
        </div>
    }
}
