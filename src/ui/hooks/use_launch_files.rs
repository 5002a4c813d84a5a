use yew::prelude::*;

use super::use_start;
use crate::edge;

/// Files the installed app is opened with (`edge::offline::on_launch`) go where the Open
/// button's go: `onfiles`. One consumer for the page's life; it reads the latest `onfiles`
/// through a ref.
#[hook]
pub fn use_launch_files(onfiles: Callback<Vec<web_sys::File>>) {
    let latest = use_mut_ref(|| onfiles.clone());
    *latest.borrow_mut() = onfiles;
    use_start(Box::new(move || {
        edge::offline::on_launch(move |files| latest.borrow().emit(files));
        None
    }));
}
