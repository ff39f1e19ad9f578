//! The page's landmarks, as HTML and ARIA define them.
//!
//! The site's own header and footer: ARIA's `banner` and `contentinfo` landmarks frame every
//! page of a site and are never the story. Where the story's container also holds the site
//! header (a page-wide wrapper won the vote), the header's edition menu and section links came
//! along into the reader.
//!
//! ARIA scopes both to the page: a `banner` inside `<main>`, an `<article>` or a section is no
//! landmark (HTML-AAM maps a `<header>` there to no role) but a misused word for a promotional
//! strip, which on shop pages holds the product's selling points.

use crate::dom::{NodeRef, Snapshot, Tag};

/// ARIA landmark roles of what frames every page of a site.
const SITE_ROLES: [&str; 2] = ["banner", "contentinfo"];

/// True for the site's header or footer, as ARIA marks them.
pub fn is_site_frame(n: NodeRef) -> bool {
    n.attr("role").is_some_and(|r| SITE_ROLES.contains(&r.trim()))
        && !n.ancestors().any(|a| {
            matches!(a.tag(), Some(Tag::Main | Tag::Article | Tag::Aside | Tag::Section | Tag::Nav))
                || a.attr("role") == Some("main")
        })
}

/// The page's `main` landmark (`<main>` or `role="main"`) when it has exactly one: HTML allows
/// one visible main per page, and a page with several says nothing by any of them.
pub fn sole_main(snap: &Snapshot) -> Option<NodeRef<'_>> {
    let mut mains = snap.iter().filter(|n| n.is(Tag::Main) || n.attr("role") == Some("main"));
    let main = mains.next()?;
    mains.next().is_none().then_some(main)
}
