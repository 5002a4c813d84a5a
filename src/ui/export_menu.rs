use yew::prelude::*;

use super::hooks::MenuState;
use crate::edge::focus::{self, Step};
use crate::model::formats::{Format, Unit, FORMATS};

/// The units doccano offsets can be counted in, as the menu names them.
const UNITS: [(Unit, &str); 3] = [
    (Unit::CodePoint, "code points"),
    (Unit::Utf16, "UTF-16 units (doccano's UI)"),
    (Unit::Grapheme, "grapheme clusters (doccano's grapheme mode)"),
];

/// "Export as…": every format of the registry, in its order, and the unit doccano offsets are
/// written (and read) in, as a WAI-ARIA menu button. Enter, Space or ArrowDown on the button
/// open it on the first item, ArrowUp on the last; in it the arrows move (wrapping), Home and
/// End go to the ends, Escape closes it and gives the focus back to the button, Tab closes it
/// and moves on; a click outside closes it. Choosing a format closes it (focus on the button);
/// choosing a unit (a `menuitemradio`) leaves it open.
/// A function of the toolbar's; its state and effect are the app's (`hooks::use_export_menu`).
pub fn export_menu(
    state: &MenuState,
    doccano_unit: Unit,
    onexport: &Callback<&'static Format>,
    onunit: &Callback<Unit>,
) -> Html {
    let MenuState { open, button, menu, root } = state;
    // Closes the menu and gives the focus back to the button.
    let close = {
        let (open, button) = (open.clone(), button.clone());
        Callback::from(move |()| {
            open.set(None);
            if let Some(button) = button.cast::<web_sys::HtmlElement>() {
                focus::give(&button);
            }
        })
    };
    let onclick = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(if open.is_some() { None } else { Some(Step::First) }))
    };
    let onbuttonkey = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            let step = match e.key().as_str() {
                "ArrowDown" => Step::First,
                "ArrowUp" => Step::Last,
                // Enter and Space are the button's click, which opens it on the first item.
                _ => return,
            };
            e.prevent_default();
            e.stop_propagation();
            open.set(Some(step));
        })
    };
    let onmenukey = {
        let (open, menu, close) = (open.clone(), menu.clone(), close.clone());
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            let Some(step) = Step::of_key(&key) else {
                if key == "Escape" {
                    e.prevent_default();
                    e.stop_propagation();
                    close.emit(());
                } else if key == "Tab" {
                    // The browser moves the focus on; the menu closes behind it.
                    open.set(None);
                }
                return;
            };
            e.prevent_default();
            e.stop_propagation();
            if let Some(menu) = menu.cast::<web_sys::Element>() {
                focus::move_in_menu(&menu, step);
            }
        })
    };
    let items = FORMATS.iter().map(|format| {
        let (close, onexport) = (close.clone(), onexport.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            close.emit(());
            onexport.emit(format);
        });
        html! { <button role="menuitem" tabindex="-1" class="menu-item" {onclick}>{ format.name }</button> }
    });
    let units = UNITS.iter().map(|&(unit, name)| {
        let checked = doccano_unit == unit;
        let onclick = onunit.reform(move |_: MouseEvent| unit);
        html! {
            <button role="menuitemradio" tabindex="-1" class="menu-item radio" aria-checked={checked.to_string()} {onclick}>
                { name }
            </button>
        }
    });
    html! {
        <div class="export-menu" ref={root.clone()}>
            <button
                ref={button.clone()}
                id="export-button"
                class="tool"
                aria-haspopup="menu"
                aria-expanded={open.is_some().to_string()}
                aria-controls={open.is_some().then_some("export-menu")}
                {onclick}
                onkeydown={onbuttonkey}
            >{ "Export as…" }</button>
            if open.is_some() {
                <div class="menu" role="menu" id="export-menu" aria-labelledby="export-button" ref={menu.clone()} onkeydown={onmenukey}>
                    { for items }
                    <div role="separator" class="menu-rule"></div>
                    <div role="group" class="menu-group" aria-labelledby="doccano-unit-name" aria-describedby="doccano-unit-help">
                        <div class="menu-heading" id="doccano-unit-name">{ "doccano offsets" }</div>
                        <div class="menu-help" id="doccano-unit-help">
                            { "How doccano files count characters, for export and for opening. Most count code points; \
                               if spans land a few letters off after an emoji or an accent, try another." }
                        </div>
                        { for units }
                    </div>
                </div>
            }
        </div>
    }
}
