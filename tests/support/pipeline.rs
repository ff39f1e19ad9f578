//! The whole native pipeline on arbitrary input, with every property the robustness work
//! promises checked on the way: bytes -> snapshot -> clutter -> article -> reader tree -> HTML.
//! Any input must give a result or a typed error; a result must be inert and well formed.
//! Violations panic, which is what both proptest and libFuzzer report.

use super::audit;
use declutter::dom::{self, wire, Snapshot};
use declutter::{clutter, extract, render};

/// How far an input got.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The bytes are not a usable document (empty, binary, broken gzip, too large...).
    Rejected,
    /// A document without an article.
    NoArticle,
    /// An article, rendered and checked.
    Article,
}

/// Runs HTML bytes through the pipeline.
pub fn html_bytes(bytes: &[u8]) -> Outcome {
    match dom::html::parse_bytes(bytes) {
        Ok(snap) => snapshot(&snap),
        Err(_) => Outcome::Rejected,
    }
}

/// Runs a raw wire stream (what a buggy or hostile walker could send) through the pipeline.
pub fn wire_stream(ops: &[u32], text: String) -> Outcome {
    match wire::decode(ops, text) {
        Ok(snap) => snapshot(&snap),
        Err(_) => Outcome::Rejected,
    }
}

/// Everything after the snapshot.
pub fn snapshot(snap: &Snapshot) -> Outcome {
    let hidden = clutter::classify(snap, &clutter::Options::default());
    let mut last = None;
    for h in &hidden {
        assert!(h.node.index() < snap.len(), "hidden node out of range");
        assert!(snap.node(h.node).is_element(), "only elements are hidden");
        assert!(last < Some(h.node), "hidden nodes are sorted and unique");
        last = Some(h.node);
    }
    let Ok(article) = extract::extract(
        snap,
        &extract::Options { url: Some("https://example.com/a/b.html".into()), root: None },
    ) else {
        return Outcome::NoArticle;
    };
    let tree = render::article_tree(&article);
    serde_json::to_string(&tree).expect("the reader tree serialises");
    let html = render::to_html(&article);
    if let Err(problem) = audit::check_document(&html, &tree) {
        panic!("unsafe or malformed reader HTML: {problem}\n{html}");
    }
    Outcome::Article
}
