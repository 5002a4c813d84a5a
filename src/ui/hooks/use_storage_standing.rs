use yew::prelude::*;

use crate::edge::persist::{self, Kept, Usage};

/// Asks once for storage the browser keeps, and reads how much is stored of how much is allowed:
/// at first, and again each time the work is `saved` (one estimate per save, after it).
#[hook]
pub fn use_storage_standing(saved: bool) -> (Kept, Option<Usage>) {
    let kept = use_state_eq(|| Kept::Asking);
    let usage = use_state_eq(|| None::<Usage>);
    {
        let kept = kept.setter();
        use_effect_with((), move |_| wasm_bindgen_futures::spawn_local(async move { kept.set(persist::ask().await) }));
    }
    {
        let usage = usage.setter();
        use_effect_with(saved, move |saved| {
            if *saved {
                wasm_bindgen_futures::spawn_local(async move { usage.set(persist::estimate().await) });
            }
        });
    }
    (*kept, *usage)
}
