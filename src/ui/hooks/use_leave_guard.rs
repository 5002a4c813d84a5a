use yew::prelude::*;

use super::use_window_listener;

/// Warns before the page is left while `unsafe_to_leave` (a change not yet stored).
///
/// One `beforeunload` listener for the life of the page reads a flag the renders keep: adding
/// and removing it costs about half a millisecond each, and the flag flips twice on every edit.
#[hook]
pub fn use_leave_guard(unsafe_to_leave: bool) {
    let flag = use_mut_ref(|| unsafe_to_leave);
    *flag.borrow_mut() = unsafe_to_leave;
    use_window_listener(
        "beforeunload",
        Box::new(move |event| {
            if *flag.borrow() {
                event.prevent_default();
            }
        }),
    );
}
