//! The text's own keys, for the article's `keydown`: the caret moved by character, word or to
//! the ends of the document (the model's motions; Home, End, up and down are the browser's,
//! which knows where lines wrap), Tab and Shift+Tab between annotations in text order, Enter to
//! the selected annotation's entry; with the caret in a suggestion, Enter or a label's key
//! accepts it and X rejects it. R (unless a label has that key) starts linking the selected
//! annotation to another; while its target is picked, Tab and Shift+Tab move through the
//! annotations, Enter picks the one reached and Escape cancels. Keys anywhere on the page (labels, Delete, J/K, undo) are
//! `use_hotkeys`'s.

use std::cell::Cell;
use std::rc::Rc;

use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use super::link_menu::Linking;
use super::suggestion_marks::Verdict;
use crate::edge::{self, keys::Key};
use crate::model::caret::{neighbour, Caret, Motion};
use crate::model::suggest::Suggestion;
use crate::model::{Action, AnnotationId, AnnotationSet, Document, Labels};

/// What the text's key handler reads, as of the last render.
pub struct TextKeys {
    pub doc: Rc<Document>,
    pub annotations: Rc<AnnotationSet>,
    pub selected: Option<AnnotationId>,
    pub article: NodeRef,
    /// Draws a caret's head first when it is beyond the drawn text.
    pub onreveal: Callback<Caret>,
    pub onaction: Callback<Action>,
    /// The person has worked in the text since its focus came (a click, a key other than Tab
    /// or a modifier) and not pressed Escape since: only then does Tab walk the annotations, so
    /// Tab passing through the page, or Escape then Tab, leaves the text (no keyboard trap).
    pub engaged: Rc<Cell<bool>>,
    pub labels: Rc<Labels>,
    /// The suggestions shown (in text order), and what accepting or rejecting one does.
    pub suggestions: Rc<Vec<Suggestion>>,
    pub onsuggest: Callback<Verdict>,
    /// The link flow, and what moves it on.
    pub linking: Option<Linking>,
    pub onlinking: Callback<Option<Linking>>,
}

impl TextKeys {
    pub fn key(&self, e: &KeyboardEvent) {
        let Some(article) = self.article.cast::<Element>() else { return };
        match e.key().as_str() {
            "Escape" => self.engaged.set(false),
            "Tab" | "Shift" | "Control" | "Alt" | "Meta" => {}
            _ => self.engaged.set(true),
        }
        if e.alt_key() || e.is_composing() {
            return;
        }
        let command = e.ctrl_key() || e.meta_key();
        if !command && (self.link_key(e, &article) || self.suggestion_key(e, &article)) {
            return;
        }
        let motion = match (e.key().as_str(), command) {
            ("ArrowLeft", false) => Motion::CharBack,
            ("ArrowRight", false) => Motion::CharForward,
            ("ArrowLeft", true) => Motion::WordBack,
            ("ArrowRight", true) => Motion::WordForward,
            ("Home", true) => Motion::DocStart,
            ("End", true) => Motion::DocEnd,
            ("Tab", false) if self.engaged.get() => return self.walk(e, &article),
            ("Enter", false) => {
                if self.selected.is_some() {
                    e.prevent_default();
                    edge::focus::give_first(".entries[role=\"listbox\"]");
                }
                return;
            }
            _ => return,
        };
        e.prevent_default();
        let now = edge::selection::caret(&article, &self.doc).unwrap_or_else(|| Caret::at(0));
        let next = now.moved(&self.doc, motion, e.shift_key());
        if edge::selection::place(&article, &self.doc, next, true) {
            // The extent a label key would tag, drawn in the same frame as the moved selection
            // (the browser's selectionchange comes a task later, after that frame).
            edge::selection::show_snap(&article, &self.doc);
        } else {
            self.onreveal.emit(next);
        }
    }

    /// R starts linking from the selected annotation; while picking the target, Tab and
    /// Shift+Tab reach the next and previous annotation (skipping the one linked from), Enter
    /// picks the one reached, Escape cancels. True when the key was one of those; the page's
    /// own keys do not see it.
    fn link_key(&self, e: &KeyboardEvent, article: &Element) -> bool {
        let key = e.key();
        let Some(Linking::Picking { from, candidate }) = &self.linking else {
            let free = self.labels.by_hotkey('r').is_none() && self.labels.by_hotkey('R').is_none();
            if !(key == "r" || key == "R") || !free {
                return false;
            }
            let Some(from) = self.selected.clone() else { return false };
            e.prevent_default();
            e.stop_propagation();
            self.onlinking.emit(Some(Linking::Picking { from, candidate: None }));
            return true;
        };
        let next = match key.as_str() {
            "Escape" => None,
            "Enter" => match candidate {
                Some(to) => Some(Linking::Choosing { from: from.clone(), to: to.clone() }),
                None => return true,
            },
            "Tab" => {
                let at = edge::selection::caret(article, &self.doc).map_or(0, |c| c.head);
                let back = e.shift_key();
                let step = |after: Option<&AnnotationId>| neighbour(&self.annotations, after, at, back);
                let Some(mut next) = step(candidate.as_ref().or(Some(from))) else { return true };
                if &next.id == from {
                    match step(Some(from)) {
                        Some(other) if &other.id != from => next = other,
                        _ => return true,
                    }
                }
                if !edge::selection::place(article, &self.doc, Caret::at(next.span.start()), false) {
                    self.onreveal.emit(Caret::at(next.span.start()));
                }
                Some(Linking::Picking { from: from.clone(), candidate: Some(next.id.clone()) })
            }
            _ => return false,
        };
        e.prevent_default();
        e.stop_propagation();
        self.onlinking.emit(next);
        true
    }

    /// With the caret in a suggestion (a click on one puts it there): Enter accepts it with its
    /// label, a label's key with that label, X rejects it. True when the key was one of those.
    fn suggestion_key(&self, e: &KeyboardEvent, article: &Element) -> bool {
        if self.suggestions.is_empty() {
            return false;
        }
        let Some(at) = edge::selection::caret(article, &self.doc).filter(Caret::is_collapsed) else { return false };
        let Some(s) = self.suggestions.iter().find(|s| s.span.start() <= at.head && at.head <= s.span.end()) else {
            return false;
        };
        let verdict = match (e.key().as_str(), edge::keys::read(e)) {
            ("Enter", _) => Some(s.label.clone()),
            ("x" | "X", _) => None,
            (_, Some(Key::Label(c))) => match self.labels.by_hotkey(c) {
                Some(l) => Some(l.id.clone()),
                None => return false,
            },
            _ => return false,
        };
        // The page's own keys (a label's key tags the selection) must not see it too.
        e.prevent_default();
        e.stop_propagation();
        self.onsuggest.emit((s.span, verdict));
        true
    }

    /// Tab (Shift+Tab), once engaged: the next (previous) annotation after the selected one, else after the
    /// caret, selected and brought into view with the caret at its start. Past the last one the
    /// key is left to the browser, so Tab still leaves the text.
    fn walk(&self, e: &KeyboardEvent, article: &Element) {
        let at = edge::selection::caret(article, &self.doc).map_or(0, |c| c.head);
        let Some(next) = neighbour(&self.annotations, self.selected.as_ref(), at, e.shift_key()) else { return };
        e.prevent_default();
        if !edge::selection::place(article, &self.doc, Caret::at(next.span.start()), false) {
            edge::selection::clear();
        }
        self.onaction.emit(Action::Select(next.id.clone()));
    }
}

/// A mouse selection snapped to whole words in place (its direction kept), so the selection
/// shown is what a label key tags.
pub fn snap_selection(article: &Element, doc: &Document) {
    let Some(now) = edge::selection::caret(article, doc).filter(|c| !c.is_collapsed()) else { return };
    let Some(snapped) = doc.snap_selection(now.span()).filter(|s| *s != now.span()) else { return };
    let caret = if now.anchor <= now.head {
        Caret { anchor: snapped.start(), head: snapped.end() }
    } else {
        Caret { anchor: snapped.end(), head: snapped.start() }
    };
    edge::selection::place(article, doc, caret, false);
}
