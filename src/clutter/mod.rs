//! Clutter classification: which elements of a page are ads, newsletter prompts, share widgets,
//! consent banners, recommendation rails or sticky overlays.
//!
//! Pure: reads a [`Snapshot`] and returns [`Hidden`] decisions; the wasm layer marks the elements
//! and one user stylesheet hides them. Never returns `html`, `body`, `main`, or an element that
//! holds the article's main text.

mod words;

use crate::dom::{NodeId, NodeRef, Snapshot, Tag};
use serde::{Deserialize, Serialize};

/// The kinds of clutter, each switchable by the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClutterKind {
    Ad,
    Newsletter,
    Share,
    Consent,
    Recommendation,
    Overlay,
}

impl ClutterKind {
    pub const ALL: [ClutterKind; 6] = [
        ClutterKind::Ad,
        ClutterKind::Newsletter,
        ClutterKind::Share,
        ClutterKind::Consent,
        ClutterKind::Recommendation,
        ClutterKind::Overlay,
    ];

    /// The name used in settings, reports and the `data-declutter-hidden` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            ClutterKind::Ad => "ad",
            ClutterKind::Newsletter => "newsletter",
            ClutterKind::Share => "share",
            ClutterKind::Consent => "consent",
            ClutterKind::Recommendation => "recommendation",
            ClutterKind::Overlay => "overlay",
        }
    }
}

/// One element to hide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Hidden {
    pub node: NodeId,
    pub kind: ClutterKind,
}

/// Which kinds to look for.
#[derive(Clone, Debug)]
pub struct Options {
    pub kinds: Vec<ClutterKind>,
}

impl Default for Options {
    fn default() -> Self {
        Options { kinds: ClutterKind::ALL.to_vec() }
    }
}

/// Text an element may hold before it counts as article text and is never hidden.
const MAX_HIDDEN_TEXT: usize = 600;

/// Classifies a whole document. Results are outermost elements only, sorted by id.
pub fn classify(snap: &Snapshot, options: &Options) -> Vec<Hidden> {
    classify_subtree(snap.root(), options)
}

/// Classifies one subtree (used for nodes inserted after load).
pub fn classify_subtree(root: NodeRef, options: &Options) -> Vec<Hidden> {
    let mut out: Vec<Hidden> = Vec::new();
    let mut skip_until = None;
    for n in root.descendants() {
        if skip_until.is_some_and(|end| n.id() <= end) {
            continue;
        }
        let Some(kind) = kind_of(n).filter(|k| options.kinds.contains(k)) else { continue };
        if protected(n) {
            continue;
        }
        out.push(Hidden { node: n.id(), kind });
        skip_until = Some(n.last_descendant().id());
    }
    out
}

fn protected(n: NodeRef) -> bool {
    matches!(n.tag(), Some(Tag::Html | Tag::Body | Tag::Main | Tag::Article | Tag::Head))
        || n.text_content().split_whitespace().map(str::len).sum::<usize>() > MAX_HIDDEN_TEXT
}

fn kind_of(n: NodeRef) -> Option<ClutterKind> {
    if !n.is_element() {
        return None;
    }
    if n.is(Tag::Ins) && n.has_class("adsbygoogle") {
        return Some(ClutterKind::Ad);
    }
    if n.id_attr().starts_with("div-gpt-ad") {
        return Some(ClutterKind::Ad);
    }
    if n.is(Tag::A) {
        if let Some(href) = n.attr("href") {
            if words::is_share_url(href) {
                return Some(ClutterKind::Share);
            }
        }
    }
    words::kind_from_names(n.class(), n.id_attr())
}
