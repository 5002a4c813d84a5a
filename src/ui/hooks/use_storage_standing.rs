use yew::prelude::*;

use crate::edge::persist::{self, Kept, Usage};

/// Asks once for storage the browser keeps, and says the answer and how much is stored of how
/// much is allowed (read at first, then every 30 s while the page is shown: `edge::persist`).
#[hook]
pub fn use_storage_standing() -> (Kept, Option<Usage>) {
    let kept = use_state_eq(|| Kept::Asking);
    let usage = use_state_eq(|| None::<Usage>);
    {
        let (kept, usage) = (kept.setter(), usage.setter());
        use_effect_with((), move |_| {
            persist::watch_storage(move |answer, estimate| {
                if let Some(answer) = answer {
                    kept.set(answer);
                }
                usage.set(estimate);
            })
        });
    }
    (*kept, *usage)
}
