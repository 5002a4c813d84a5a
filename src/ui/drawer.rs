use yew::prelude::*;

use crate::edge;

/// The two side columns, which a narrow screen folds into drawers over the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Drawer {
    Documents,
    Annotations,
}

impl Drawer {
    pub fn name(self) -> &'static str {
        match self {
            Drawer::Documents => "Documents",
            Drawer::Annotations => "Annotations",
        }
    }

    /// The id of its frame, which its toolbar button controls.
    pub fn id(self) -> &'static str {
        match self {
            Drawer::Documents => "drawer-documents",
            Drawer::Annotations => "drawer-annotations",
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct DrawerFrameProps {
    pub drawer: Drawer,
    pub open: bool,
    pub onclose: Callback<()>,
    pub children: Html,
}

/// A side column. On a wide screen the frame is not drawn (`display: contents`: its column sits
/// in the workspace's grid). On a narrow one it is a drawer over the text, shown while `open`,
/// with a Close button; Escape closes it too. Focus moves into it when it opens and goes back
/// to where it was (the drawer's toolbar button) when it closes.
#[component]
pub fn DrawerFrame(props: &DrawerFrameProps) -> Html {
    let close_ref = use_node_ref();
    {
        let close_ref = close_ref.clone();
        use_effect_with(props.open, move |open| {
            let mut before = None;
            if *open {
                before = edge::focus::active();
                if let Some(button) = close_ref.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
            move || {
                if let Some(el) = before {
                    edge::focus::give(&el);
                }
            }
        });
    }
    let onkeydown = {
        let (onclose, open) = (props.onclose.clone(), props.open);
        Callback::from(move |e: KeyboardEvent| {
            if open && e.key() == "Escape" {
                e.stop_propagation();
                onclose.emit(());
            }
        })
    };
    let side = match props.drawer {
        Drawer::Documents => "drawer-start",
        Drawer::Annotations => "drawer-end",
    };
    html! {
        <>
        if props.open {
            // Dims the text behind an open drawer; a tap on it closes the drawer.
            <div class="drawer-scrim" aria-hidden="true" onclick={props.onclose.reform(|_: MouseEvent| ())}></div>
        }
        <div id={props.drawer.id()} class={classes!("drawer", side, props.open.then_some("open"))} {onkeydown}>
            <button class="tool small drawer-close" ref={close_ref} onclick={props.onclose.reform(|_: MouseEvent| ())}>
                { format!("Close {}", props.drawer.name().to_lowercase()) }
            </button>
            { props.children.clone() }
        </div>
        </>
    }
}
