use yew::prelude::*;

use crate::edge::persist::{self, Kept, Usage};

/// Asks once for storage the browser keeps, and reads how much is stored of how much is allowed:
/// at first, and again each time the work is `saved` (one estimate per save, after it).
#[hook]
pub fn use_storage_standing(saved: bool) -> (Kept, Option<Usage>) {
    let kept = use_state_eq(|| Kept::Asking);
    let usage = use_state_eq(|| None::<Usage>);
    let asked = use_mut_ref(|| false);
    {
        let (kept, usage) = (kept.setter(), usage.setter());
        use_effect_with(saved, move |saved| {
            let ask = !asked.replace(true);
            if ask || *saved {
                wasm_bindgen_futures::spawn_local(async move {
                    let (answer, estimate) = persist::standing_of(ask).await;
                    if let Some(answer) = answer {
                        kept.set(answer);
                    }
                    usage.set(estimate);
                });
            }
        });
    }
    (*kept, *usage)
}
