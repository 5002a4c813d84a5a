use yew::prelude::*;

use crate::edge;

/// The view option that remembers "Your name" in this browser (`edge::dom::view_option`).
pub const NAME_OPTION: &str = "name";

/// The name this browser remembers as "Your name" (empty when none).
pub fn load() -> String {
    edge::dom::view_option(NAME_OPTION).unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub struct YourNameProps {
    pub name: AttrValue,
    /// The name changed (already remembered).
    pub onchange: Callback<String>,
}

/// "Your name", with the other options under the find bar; remembered like the theme. The
/// spanmark export writes it as `annotator`, and Compare names this document's annotations by it.
#[component]
pub fn YourName(props: &YourNameProps) -> Html {
    let onchange = {
        let onchange = props.onchange.clone();
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
            <input type="text" class="name-input" size="10" maxlength="100" autocomplete="name" value={props.name.clone()} {onchange} />
        </label>
    }
}
