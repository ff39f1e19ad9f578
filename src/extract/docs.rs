//! Documentation pages: the box a docs generator or search indexer declares as the page's text.
//!
//! The vote finds the longest run of text, which on a reference page is often one section (the
//! options of a command) or the page frame around the docs and their navigation. Generators write
//! the content box with a fixed name, and a site that uses Pagefind marks it for the indexer:
//! - Pagefind: `data-pagefind-body`;
//! - Sphinx: `<div class="body" role="main">`;
//! - MkDocs Material: `md-content__inner`; Docusaurus: `theme-doc-markdown`;
//!   Starlight: `sl-markdown-content`; VitePress: `vp-doc`.
//!
//! Where the winner lies in such a box, or holds it, the box is the article.

use super::score::{Choice, Piece};
use crate::dom::{NodeRef, Snapshot};

/// Class words of generators' content boxes.
const CONTENT_CLASSES: [&str; 4] =
    ["md-content__inner", "theme-doc-markdown", "sl-markdown-content", "vp-doc"];

/// The declared content box of the page: the first, when every other one is inside it (a
/// Starlight page marks both its `<main>` and the text in it); none when they are apart.
pub fn declared_body(snap: &Snapshot) -> Option<NodeRef<'_>> {
    let mut found = snap.iter().filter(|n| is_declared_body(*n));
    let first = found.next()?;
    found.all(|n| first.contains(n)).then_some(first)
}

fn is_declared_body(n: NodeRef) -> bool {
    if !n.is_element() {
        return false;
    }
    if n.attr("data-pagefind-body").is_some() {
        return true;
    }
    let mut classes = n.class().split_ascii_whitespace();
    classes.any(|c| (c == "body" && n.attr("role") == Some("main")) || CONTENT_CLASSES.contains(&c))
}

/// The choice moved to the declared box when the two overlap.
pub fn fit(choice: Choice, body: Option<NodeRef>) -> Choice {
    let Some(d) = body else { return choice };
    let top = d.snapshot().node(choice.top);
    if d == top || !(d.contains(top) || top.contains(d)) {
        return choice;
    }
    Choice { top: d.id(), pieces: vec![Piece { first: d.id(), last: d.id() }], voted: choice.voted }
}
