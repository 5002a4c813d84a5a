use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::edge::storage::Store;
use crate::model::persist::Write;
use crate::model::Action;
use crate::ui::state::EditorState;

/// Keeps every change: hands what the editor journalled (`Editor::unsaved`) to `store`, one
/// batch at a time and in order, then tells the editor `Saved(n)` or `SaveFailed`. A batch
/// that failed stays journalled and goes with the next change. Nothing when there is no store.
#[hook]
pub fn use_autosave(state: UseReducerHandle<EditorState>, store: Option<Rc<Store>>) {
    // Whether a batch is being written: the next waits for it, so writes stay in order.
    let busy = use_mut_ref(|| Cell::new(false));
    use_effect_with(state.0.unsaved_mark(), move |_| {
        let Some(store) = store else { return };
        if busy.borrow().get() || state.0.unsaved().is_empty() {
            return;
        }
        let upto = state.0.unsaved().last().map_or(0, |(n, _)| *n);
        let writes: Vec<Write> = state.0.unsaved().iter().map(|(_, w)| w.clone()).collect();
        let dispatch = state.dispatcher();
        busy.borrow().set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let result = store.write(&writes).await;
            busy.borrow().set(false);
            dispatch.dispatch(match result {
                Ok(()) => Action::Saved(upto),
                Err(reason) => Action::SaveFailed(reason),
            });
        });
    });
}
