//! A canonical text form of a snapshot, one line per node, used to prove that two builders
//! produced the same tree (the native/live parity tests) and to debug heuristics.

use super::Snapshot;
use std::fmt::Write;

/// One line per node: depth-indented tag with its attributes, or a text node's text (escaped).
pub fn dump(snap: &Snapshot) -> String {
    let mut out = String::new();
    let mut depth = vec![0usize; snap.len()];
    for n in snap.iter().skip(1) {
        let d = n.parent().map_or(0, |p| depth[p.id().index()] + 1);
        depth[n.id().index()] = d;
        for _ in 1..d {
            out.push_str("  ");
        }
        if n.is_element() {
            let _ = write!(out, "<{}", n.name());
            for (k, v) in n.attrs() {
                let _ = write!(out, " {k}={v:?}");
            }
            out.push_str(">\n");
        } else {
            let _ = writeln!(out, "{:?}", n.text());
        }
    }
    out
}
