//! Reading the files a person opens or drops.

use js_sys::Uint8Array;
use wasm_bindgen_futures::JsFuture;
use web_sys::File;

use crate::model::input;
use crate::model::Action;

/// Reads `file` into an action for the editor: its bytes, or a refusal when it is too large to
/// read (checked before reading, so a huge file never reaches memory).
pub async fn read(file: &File) -> Action {
    let name = file.name();
    if let Err(e) = input::check_size(&name, file.size() as u64) {
        return Action::Notify(crate::model::Notice::Refused { text: e.to_string(), detail: e.detail() });
    }
    match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => Action::OpenFile { name, bytes: std::rc::Rc::new(Uint8Array::new(&buffer).to_vec()) },
        Err(_) => Action::Notify(crate::model::Notice::Error(format!("{name} could not be read."))),
    }
}

/// The files of a file list (an input's or a drop's).
pub fn list(files: Option<web_sys::FileList>) -> Vec<File> {
    let Some(files) = files else { return Vec::new() };
    let mut out = Vec::new();
    for i in 0..files.length() {
        out.extend(files.get(i));
    }
    out
}
