//! Snapshot back to HTML text, optionally leaving out chosen subtrees. `declutter clean` uses it to
//! print a page without its clutter. Iterative, like every other walk over the tree.

use super::{NodeId, NodeRef, Snapshot, Tag};

/// What to leave out when serialising.
#[derive(Default)]
pub struct HtmlOptions<'a> {
    /// Subtrees to drop, sorted by id (as the clutter classifier returns them).
    pub skip: &'a [NodeId],
}

/// Serialises the document. Text and attribute values are escaped; raw-text elements keep only
/// what the snapshot kept of them (JSON-LD).
pub fn to_html(snap: &Snapshot, options: &HtmlOptions) -> String {
    let mut out = String::with_capacity(snap.strings.len());
    out.push_str("<!DOCTYPE html>");
    let is_skipped = |n: NodeRef| options.skip.binary_search(&n.id()).is_ok();
    let mut node = snap.root().first_child();
    while let Some(n) = node {
        let mut descend = false;
        if is_skipped(n) {
            // Leave the whole subtree out.
        } else if n.is_text() {
            let raw = n.parent().and_then(|p| p.tag()).is_some_and(Tag::is_raw_text);
            if raw {
                out.push_str(n.text())
            } else {
                escape_into(&mut out, n.text(), false)
            }
        } else {
            out.push('<');
            out.push_str(n.name());
            for (k, v) in n.attrs() {
                out.push(' ');
                out.push_str(k);
                out.push_str("=\"");
                escape_into(&mut out, v, true);
                out.push('"');
            }
            out.push('>');
            descend = n.first_child().is_some();
            if !descend {
                close(&mut out, n);
            }
        }
        node = if descend { n.first_child() } else { next_closing(&mut out, n) };
    }
    out
}

/// Moves to the next node after `n`'s subtree, closing every element left on the way up.
fn next_closing<'a>(out: &mut String, mut n: NodeRef<'a>) -> Option<NodeRef<'a>> {
    loop {
        if let Some(s) = n.next_sibling() {
            return Some(s);
        }
        let p = n.parent()?;
        if p.id() == NodeId::ROOT {
            return None;
        }
        close(out, p);
        n = p;
    }
}

fn close(out: &mut String, n: NodeRef) {
    if !n.tag().is_some_and(Tag::is_void) {
        out.push_str("</");
        out.push_str(n.name());
        out.push('>');
    }
}

/// Escapes text (`&`, `<`, `>`, and in attributes `"`).
pub fn escape_into(out: &mut String, s: &str, attr: bool) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            c => out.push(c),
        }
    }
}
