use yew::prelude::*;

use crate::model::formats::{Format, Unit, FORMATS};

#[derive(Properties, PartialEq)]
pub struct ExportMenuProps {
    pub doccano_unit: Unit,
    pub onexport: Callback<&'static Format>,
    pub onunit: Callback<Unit>,
}

/// "Export as…": every format of the registry, in its order, and the unit doccano offsets are
/// written (and read) in.
#[component]
pub fn ExportMenu(props: &ExportMenuProps) -> Html {
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let onkeydown = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                open.set(false);
            }
        })
    };
    let items = FORMATS.iter().map(|format| {
        let (open, onexport) = (open.clone(), props.onexport.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            open.set(false);
            onexport.emit(format);
        });
        html! { <li role="none"><button role="menuitem" class="menu-item" {onclick}>{ format.name }</button></li> }
    });
    let onchange = {
        let onunit = props.onunit.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                onunit.emit(match select.value().as_str() {
                    "utf16" => Unit::Utf16,
                    "grapheme" => Unit::Grapheme,
                    _ => Unit::CodePoint,
                });
            }
        })
    };
    let unit = props.doccano_unit;
    html! {
        <div class="export-menu" {onkeydown}>
            <button class="tool" aria-haspopup="menu" aria-expanded={open.to_string()} onclick={toggle}>{ "Export as…" }</button>
            if *open {
                <div class="menu">
                    <ul role="menu" aria-label="Export formats">{ for items }</ul>
                    <label class="menu-option">
                        { "doccano offsets" }
                        <select {onchange} aria-label="doccano offsets">
                            <option value="codepoint" selected={unit == Unit::CodePoint}>{ "code points" }</option>
                            <option value="utf16" selected={unit == Unit::Utf16}>{ "UTF-16 units (doccano's UI)" }</option>
                            <option value="grapheme" selected={unit == Unit::Grapheme}>{ "grapheme clusters (doccano's grapheme mode)" }</option>
                        </select>
                    </label>
                </div>
            }
        </div>
    }
}
