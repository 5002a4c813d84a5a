use std::rc::Rc;

use yew::prelude::*;

use crate::edge;
use crate::edge::storage::Store;
use crate::edge::tabs::{self, Heard};
use crate::model::{Action, Notice, Restored, Saving};
use crate::ui::state::EditorState;

/// Who writes, when spanmark is open in several tabs (`edge::tabs` keeps the lock and the
/// hand-over); returns whether this tab holds the writer lock. Its autosave may store only
/// then: no tab writes storage without the lock.
///
/// Losing the lock (another tab's Use here, or a steal) makes the editor read-only; gaining it
/// (Use here, or this tab's turn in line) reads storage again (`ui::reread`), so the tab shows
/// and goes on from the other tab's latest work. Losing it needs no render of its own: the
/// autosave runs again only after an action, and that action's render gives it no store.
#[hook]
pub fn use_writer(state: UseReducerHandle<EditorState>, store: Option<Rc<Store>>) -> bool {
    tabs::saving(state.0.saving == Saving::Pending);
    let dispatch = state.dispatcher();
    use_effect_with((), move |_| {
        // Without storage there is nothing to write, nor to take over.
        let Some(store) = store else { return };
        tabs::listen(move |heard| match heard {
            Heard::Leave => dispatch.dispatch(Action::ReadOnly),
            Heard::Granted => {
                let (store, dispatch) = (store.clone(), dispatch.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let reread = crate::ui::reread(&store).await;
                    // Lost again while reading (another tab's Use here): stay read-only.
                    if !tabs::holds() {
                        return;
                    }
                    match reread {
                        Ok(editor) => {
                            dispatch.dispatch(Action::TakeOver(Restored(Rc::new(editor))));
                            // Use here went with the banner (once drawn): the focus goes to the text.
                            edge::frame::painted().await;
                            if edge::focus::active().is_none() {
                                edge::focus::give_first("#reader");
                            }
                        }
                        Err(reason) => {
                            // Writing over what could not be read could bury it: stay read-only.
                            tabs::release();
                            dispatch.dispatch(Action::Notify(Notice::Error(format!(
                                "This tab could not take over: the saved work could not be read ({reason})."
                            ))));
                        }
                    }
                });
            }
        });
    });
    tabs::holds()
}
