use yew::prelude::*;

use crate::edge;

/// `value` as the component should draw it: at once when `now` (e.g. the person is working in
/// the component itself), otherwise the value it drew before until the frame that shows the
/// change elsewhere has been painted, then the new one (a frame later). So the side panel's
/// list, a column the eye is not on while tagging, does not hold up the frame that shows a new
/// span in the text (at 1M characters its restyle, layout and paint were about a third of that
/// frame). The value drawn is always one the owner had: never a mix of two.
#[hook]
pub fn use_deferred<T: Clone + PartialEq + 'static>(value: T, now: bool) -> T {
    let shown = use_state(|| value.clone());
    // Which value is the newest: a later change supersedes a catch-up still waiting.
    let generation = use_mut_ref(|| 0u64);
    let differs = *shown != value;
    {
        let (shown, generation, value) = (shown.clone(), generation.clone(), value.clone());
        use_effect_with((value, differs, now), move |(value, differs, now)| {
            let mine = {
                let mut g = generation.borrow_mut();
                *g = g.wrapping_add(1);
                *g
            };
            if !*differs {
                return;
            }
            if *now {
                shown.set(value.clone());
                return;
            }
            let value = value.clone();
            wasm_bindgen_futures::spawn_local(async move {
                edge::frame::painted().await;
                if *generation.borrow() == mine {
                    shown.set(value);
                }
            });
        });
    }
    if now || !differs {
        value
    } else {
        (*shown).clone()
    }
}
