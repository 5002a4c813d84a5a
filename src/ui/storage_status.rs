use yew::prelude::*;

use crate::edge::persist::{Kept, Usage};
use crate::support::number::grouped;

/// Where the work is kept, at the foot of the documents column: whether the browser agreed to
/// keep it (`navigator.storage.persist()`: `kept`), and if not, that it may clear it under storage
/// pressure, with an export (`onexport`, spanmark JSON); then how much is stored of how much the
/// browser allows (`usage`). `kept` and `usage` come from `hooks::use_storage_standing`, in the
/// app (the toolbar shows the answer too). A function of the documents column's, drawn with it.
pub fn storage_status(onexport: &Callback<()>, kept: Kept, usage: Option<Usage>) -> Html {
    let answer = match kept {
        Kept::Asking => html! { <p class="storage-kept">{ "Asking the browser to keep your work…" }</p> },
        Kept::Persistent => html! {
            <p class="storage-kept persistent">{ "Kept: the browser will not clear your work." }</p>
        },
        Kept::MayBeCleared => html! {
            <>
                <p class="storage-kept refused">
                    { "The browser may clear your work when it runs short of space. Export a copy to keep it." }
                </p>
                <button class="mini" onclick={onexport.reform(|_: MouseEvent| ())}>{ "Export now" }</button>
            </>
        },
        Kept::Unknown => html! {},
    };
    html! {
        <section class="storage-status" aria-label="Storage">
            { answer }
            if let Some(usage) = usage {
                <p class="storage-use">{ format!("{} stored of {} allowed", size(usage.stored), size(usage.allowed)) }</p>
            }
        </section>
    }
}

/// A size given in tenths of a megabyte (10⁵ bytes), by integer arithmetic (no float formatting
/// in the wasm): tenths below 10 MB, whole megabytes below 10,000, whole gigabytes above.
fn size(tenths: u32) -> String {
    if tenths >= 100_000 {
        format!("{} GB", grouped(u64::from(tenths / 10_000)))
    } else if tenths >= 100 {
        format!("{} MB", grouped(u64::from(tenths / 10)))
    } else {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}
