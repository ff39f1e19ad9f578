//! Protection of the main text: what may never be hidden, whatever its names say.
//!
//! Never `html`, `head`, `body` or `main`; never the main text's container or one of its ancestors
//! (the deepest element that still holds most of the subtree's prose); and never an element with
//! more prose than its signal allows: class words (weak) hide no prose at all beyond a caption,
//! content signals (strong) allow the long small print of consent dialogs but not an article.

use super::stats::{Stat, Stats};
use super::Strength;
use crate::dom::{NodeRef, Tag};

/// Share of its parent's prose a child must hold to continue the descent to the main text.
const MAIN_SHARE: f32 = 0.6;
/// Prose (non-blank characters) below which a subtree has no main text to protect: about a hundred
/// words. An inserted modal's small print stays below it.
const MAIN_MIN_PROSE: u32 = 500;
/// Prose a class-word match may hide: a caption or a teaser, not a paragraph of the article.
const WEAK_MAX_PROSE: u32 = 200;
/// Prose a content match may hide: a cookie vendor's notice, not an article.
const STRONG_MAX_PROSE: u32 = 1500;

pub struct Guard {
    /// The id of the main text's container, if the subtree has one.
    main: Option<u32>,
}

impl Guard {
    pub fn new(root: NodeRef, stats: &Stats) -> Guard {
        let mut cur = root;
        if stats.get(root).prose < MAIN_MIN_PROSE {
            return Guard { main: None };
        }
        loop {
            let total = stats.get(cur).prose as f32;
            let best =
                cur.children().filter(|c| c.is_element()).max_by_key(|c| stats.get(*c).prose);
            match best {
                Some(c) if stats.get(c).prose as f32 >= MAIN_SHARE * total => cur = c,
                _ => break,
            }
        }
        Guard { main: Some(cur.id().0) }
    }

    /// True for the main text's container and its ancestors (`end`: the id of `n`'s last node).
    pub fn is_main(&self, n: NodeRef, end: u32) -> bool {
        self.main.is_some_and(|start| n.id().0 <= start && end >= start)
    }

    /// True when `n` must stay visible although a signal of this strength points at it.
    pub fn protects(&self, n: NodeRef, s: &Stat, strength: Strength) -> bool {
        if matches!(n.tag(), Some(Tag::Html | Tag::Head | Tag::Body | Tag::Main)) {
            return true;
        }
        if self.is_main(n, s.end) {
            return true;
        }
        s.prose
            > match strength {
                Strength::Weak => WEAK_MAX_PROSE,
                Strength::Strong => STRONG_MAX_PROSE,
            }
    }
}
