use yew::prelude::*;

use crate::edge;

/// Registers the service worker once (over http(s) only: `edge::offline`) and says whether a
/// newer build of the app has been kept and waits for a reload.
#[hook]
pub fn use_new_version() -> bool {
    let ready = use_state_eq(|| false);
    {
        let ready = ready.setter();
        use_effect_with((), move |_| edge::offline::register(move || ready.set(true)));
    }
    *ready
}
