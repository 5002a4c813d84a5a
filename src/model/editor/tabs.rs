//! Read-only while another tab writes: when spanmark is open twice in one browser only one tab
//! holds the writer lock (`edge::tabs`); the other shows the saved work and refuses every
//! action that would change it, with a notice that says why, so nothing is changed on the page
//! that storage would not keep. Taking over (Use here) replaces this tab's editor with the one
//! storage holds now.

use std::fmt;
use std::rc::Rc;

use super::{Action, Editor, ImportChoice, Notice};

/// What a refused action says.
pub const READ_ONLY_NOTICE: &str =
    "This tab only shows your work: spanmark is open in another tab, which keeps it. Press Use here to work in this tab.";

/// The editor storage holds now, rebuilt by [`Editor::restore`] after this tab took the writer
/// lock. Compared by identity: the same `Rc` is the same take-over.
#[derive(Clone)]
pub struct Restored(pub Rc<Editor>);

impl PartialEq for Restored {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Restored {}

impl fmt::Debug for Restored {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Restored({} documents)", self.0.docs.len())
    }
}

/// Whether `action` may run while the tab is read-only: looking (select, walk, switch the open
/// document, export options, notices) and storage's answers. Everything else changes the work.
/// No wildcard arm: a new action must be put in one list or the other.
pub(super) fn allowed_read_only(action: &Action, armed: bool) -> bool {
    match action {
        // A selection let go of tags it when a label is armed; else it does nothing.
        Action::SelectText(_) => !armed,
        Action::ResolveImport(choice) => *choice == ImportChoice::Cancel,
        Action::ClickAt(_)
        | Action::Select(_)
        | Action::SelectNext { .. }
        | Action::Deselect
        | Action::Escape
        | Action::SwitchDocument(_)
        | Action::SetDoccanoUnit(_)
        | Action::Notify(_)
        | Action::DismissNotice
        | Action::Saved(_)
        | Action::SaveFailed(_)
        | Action::ReadOnly
        | Action::TakeOver(_) => true,
        Action::Apply { .. }
        | Action::Annotate { .. }
        | Action::AnnotateAll { .. }
        | Action::Relabel { .. }
        | Action::Remove(_)
        | Action::RemoveSelected
        | Action::Undo
        | Action::Redo
        | Action::ChangeLabels(_)
        | Action::Link { .. }
        | Action::Unlink(_)
        | Action::SetNote { .. }
        | Action::SetAttribute { .. }
        | Action::SetDocAttribute { .. }
        | Action::OpenFile { .. }
        | Action::NewDocument { .. }
        | Action::RenameDocument { .. }
        | Action::DeleteDocument(_)
        | Action::RestoreDocument
        | Action::Adjudicated(_) => false,
    }
}

impl Editor {
    /// Another tab took the writer lock: from now on this one changes nothing. What was
    /// journalled before stays journalled (the app stores it before it lets the lock go); the
    /// armed label is dropped, since a selection would tag with it.
    pub(super) fn become_read_only(&mut self) {
        self.read_only = true;
        self.armed = None;
    }

    /// This tab took the writer lock: it goes on from what storage holds now.
    pub(super) fn take_over(&mut self, restored: &Restored) {
        *self = (*restored.0).clone();
        self.read_only = false;
    }

    pub(super) fn refuse_read_only(&mut self) {
        self.notice = Some(Notice::Info(READ_ONLY_NOTICE.to_owned()));
    }
}
