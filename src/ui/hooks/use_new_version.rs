use yew::prelude::*;

use super::use_start;
use crate::edge;

/// Registers the service worker once (over http(s) only: `edge::offline`) and says whether a
/// newer build of the app has been kept and waits for a reload.
#[hook]
pub fn use_new_version() -> bool {
    let ready = use_state_eq(bool::default);
    {
        let ready = ready.setter();
        use_start(Box::new(move || {
            edge::offline::register(move || ready.set(true));
            None
        }));
    }
    *ready
}
