use yew::prelude::*;

use crate::edge;

/// Says when a newer build of the app has been kept for offline use and waits (`ready`, from
/// `hooks::use_new_version`), with the button that takes it (the page reloads as the new build
/// whole). Fixed at the foot of the window, out of the page's grid; empty until then, and after
/// Dismiss (`dismissed`) until the next load. A function of the app's, which holds both flags:
/// a component of its own cost more of the wasm than the two hooks it held.
pub fn update_banner(ready: bool, dismissed: &UseStateHandle<bool>) -> Html {
    let onreload = Callback::from(|_: MouseEvent| edge::offline::take_update());
    let ondismiss = {
        let dismissed = dismissed.setter();
        Callback::from(move |_: MouseEvent| dismissed.set(true))
    };
    // The live region is always there (one added with its words in it may go unannounced).
    html! {
        <div class="update-banner" role="status">
            if ready && !**dismissed {
                <div class="notice info">
                    <span class="notice-text">{ "A new version of spanmark is ready." }</span>
                    <button class="mini" onclick={onreload}>{ "Reload for the new version" }</button>
                    <button class="mini" onclick={ondismiss} aria-label="Dismiss">{ "×" }</button>
                </div>
            }
        </div>
    }
}
