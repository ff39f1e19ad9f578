//! The whole reading of one page: clutter first, then the article without that clutter.
//!
//! The extension and the CLI both call this, so `declutter extract` prints exactly what the
//! reader overlay shows. Classifying first also helps extraction: a share bar or an inline
//! "Related:" box inside the article's container is known clutter and stays out of the body.

use crate::clutter::{self, ClutterKind, Hidden};
use crate::dom::{NodeId, Snapshot};
use crate::extract::{self, Article, ExtractError};

/// What one page yields.
pub struct Reading {
    pub hidden: Vec<Hidden>,
    pub article: Result<Article, ExtractError>,
}

/// The clutter of the given kinds (none when `kinds` is empty).
pub fn clutter(snap: &Snapshot, kinds: &[ClutterKind]) -> Vec<Hidden> {
    if kinds.is_empty() {
        return Vec::new();
    }
    clutter::classify(snap, &clutter::Options { kinds: kinds.to_vec() })
}

/// Classifies clutter of the given kinds and extracts the article around it.
pub fn read(snap: &Snapshot, url: Option<String>, kinds: &[ClutterKind]) -> Reading {
    read_at(snap, extract::Options { url, root: None }, kinds)
}

/// [`read`] with the extraction options given whole (the article's root, when a person picked it).
pub fn read_at(snap: &Snapshot, options: extract::Options, kinds: &[ClutterKind]) -> Reading {
    let hidden = clutter(snap, kinds);
    let exclude: Vec<NodeId> = hidden.iter().map(|h| h.node).collect();
    let article = extract::extract_excluding(snap, &options, &exclude);
    Reading { hidden, article }
}
