//! Finding the element that holds the article text: paragraphs vote for their ancestors.

use crate::dom::{NodeRef, Snapshot, Tag};

/// Paragraphs shorter than this do not vote.
const MIN_PARAGRAPH_CHARS: usize = 25;
/// A page whose best container holds less text than this has no article.
const MIN_ARTICLE_CHARS: usize = 200;

/// The container with the most paragraph text, weighted towards the closest common parent.
pub fn best_candidate(snap: &Snapshot) -> Option<NodeRef<'_>> {
    let mut score = vec![0f64; snap.len()];
    let mut total = 0usize;
    for n in snap.iter() {
        if !matches!(n.tag(), Some(Tag::P | Tag::Pre | Tag::Blockquote | Tag::Td)) {
            continue;
        }
        let len = n.text_content().trim().chars().count();
        if len < MIN_PARAGRAPH_CHARS {
            continue;
        }
        total += len;
        let points = 1.0 + (len as f64 / 100.0).min(3.0);
        for (level, a) in n.ancestors().take(3).enumerate() {
            score[a.id().index()] += points / (1.0 + level as f64);
        }
    }
    if total < MIN_ARTICLE_CHARS {
        return None;
    }
    snap.iter()
        .filter(|n| n.is_element())
        .max_by(|a, b| score[a.id().index()].total_cmp(&score[b.id().index()]))
        .filter(|n| score[n.id().index()] > 0.0)
}
