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
    let unsaved = state.0.unsaved();
    // What waits, and the last write confirmed: a write made while its predecessor was being
    // stored can supersede it, so after the confirmation what waits may be the same one entry,
    // which still needs writing.
    let key = (unsaved.first().map(|(n, _)| *n), unsaved.last().map(|(n, _)| *n), state.0.stored());
    use_effect_with(key, move |_| {
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
