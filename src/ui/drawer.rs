use yew::prelude::*;

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

    /// The shorter name a phone's toolbar draws (the whole name stays the button's name).
    pub fn short(self) -> &'static str {
        match self {
            Drawer::Documents => "Docs",
            Drawer::Annotations => "Spans",
        }
    }

    /// The id of its frame, which its toolbar button controls.
    pub fn id(self) -> &'static str {
        match self {
            Drawer::Documents => "drawer-documents",
            Drawer::Annotations => "drawer-annotations",
        }
    }

    /// What its Close button says.
    fn close_words(self) -> &'static str {
        match self {
            Drawer::Documents => "Close documents",
            Drawer::Annotations => "Close annotations",
        }
    }

    /// A selector for its Close button, which takes the focus when it opens.
    pub fn close_button(self) -> &'static str {
        match self {
            Drawer::Documents => "#drawer-documents > .drawer-close",
            Drawer::Annotations => "#drawer-annotations > .drawer-close",
        }
    }
}

/// A side column's frame. On a wide screen it is not drawn (`display: contents`: the column sits
/// in the workspace's grid). On a narrow one it is a drawer over the text, shown while `open`,
/// behind it a scrim, in it a Close button; Escape closes it too (focus in and back:
/// `hooks::use_drawer_focus`).
pub fn frame(drawer: Drawer, open: bool, onclose: &Callback<()>, column: Html) -> Html {
    let onkeydown = {
        let onclose = onclose.clone();
        Callback::from(move |e: KeyboardEvent| {
            if open && e.key() == "Escape" {
                e.stop_propagation();
                onclose.emit(());
            }
        })
    };
    let side = match drawer {
        Drawer::Documents => "drawer-start",
        Drawer::Annotations => "drawer-end",
    };
    let close = onclose.reform(|_: MouseEvent| ());
    html! {
        <>
        if open {
            // Dims the text behind an open drawer; a tap on it closes the drawer.
            <div class="drawer-scrim" aria-hidden="true" onclick={close.clone()}></div>
        }
        <div id={drawer.id()} class={classes!("drawer", side, open.then_some("open"))} {onkeydown}>
            <button class="tool small drawer-close" onclick={close}>
                { drawer.close_words() }
            </button>
            { column }
        </div>
        </>
    }
}
