//! A page cloaked whole while its scripts start, read as its reader sees it a moment later.
//! Some pages put `visibility: hidden` (or `display: none`) on the one box that wraps everything
//! and lift it from script once the styles are in, to avoid a flash of unstyled content. The
//! extension reads the live page, uncloaked by then; a saved page (the CLI's input) still has it.

use crate::dom::{NodeRef, Snapshot, Tag};

/// How many boxes deep, from `<body>`, a whole-page cloak is looked for.
const CLOAK_DEPTH: usize = 4;

/// The box that wraps the whole page and hides it by its inline style until scripts run: the
/// only element under `<body>` (scripts aside), or under that one, a few levels down.
pub fn cloak(snap: &Snapshot, hidden_by_style: impl Fn(NodeRef) -> bool) -> Option<NodeRef<'_>> {
    let mut n = snap.find(Tag::Body)?;
    for _ in 0..=CLOAK_DEPTH {
        if hidden_by_style(n) {
            return Some(n);
        }
        let mut kids = n.element_children().filter(|c| {
            !matches!(c.tag(), Some(Tag::Script | Tag::Style | Tag::Noscript | Tag::Template))
                && !c.attrs().any(|(k, _)| k.eq_ignore_ascii_case("hidden"))
        });
        n = kids.next()?;
        if kids.next().is_some() {
            return None;
        }
    }
    None
}
