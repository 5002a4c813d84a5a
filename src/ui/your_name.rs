use yew::prelude::*;

use crate::edge;

/// The view option that remembers "Your name" in this browser (`edge::dom::view_option`).
pub const NAME_OPTION: &str = "name";

/// The name this browser remembers as "Your name" (empty when none).
pub fn load() -> String {
    edge::dom::view_option(NAME_OPTION).unwrap_or_default()
}

/// "Your name", with the other options under the find bar; remembered like the theme. The
/// spanmark export writes it as `annotator`, and Compare names this document's annotations by it.
/// `onchange` hears the name changed (already remembered). A plain function, not a component
/// (a component's lifecycle code is a few kilobytes of wasm).
pub fn your_name(name: &str, onchange: &Callback<String>) -> Html {
    let onchange = {
        let onchange = onchange.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            let value = value.trim().to_owned();
            edge::dom::set_view_option(NAME_OPTION, &value);
            onchange.emit(value);
        })
    };
    html! {
        <label class="find-option your-name" title="Your exports name you as their annotator; Compare names this document's annotations by it">
            { "Your name" }
            <input type="text" class="name-input" size="10" maxlength="100" autocomplete="name" value={name.to_owned()} {onchange} />
        </label>
    }
}
