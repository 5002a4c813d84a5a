use std::cell::Cell;

use yew::prelude::*;

use super::use_start;
use crate::edge::persist::{self, Kept, Usage};

/// Asks once for storage the browser keeps, and says the answer and how much is stored of how
/// much is allowed (read at first, then every 30 s while the page is shown: `edge::persist`).
#[hook]
pub fn use_storage_standing() -> (Kept, Option<Usage>) {
    let standing = use_state_eq(|| (Kept::Asking, None::<Usage>));
    {
        let standing = standing.setter();
        use_start(Box::new(move || {
            // The answer stays while later estimates come.
            let kept = Cell::new(Kept::Asking);
            persist::watch_storage(move |answer, estimate| {
                kept.set(answer.unwrap_or(kept.get()));
                standing.set((kept.get(), estimate));
            });
            None
        }));
    }
    *standing
}
