//! The toolbar badge's question, "is there an article here at all?", answered fast: one pass
//! that adds up the long visible paragraphs, without choosing or converting anything.

use super::tables::{is_hidden, looks_unlikely, text_len};
use crate::dom::{NodeId, Snapshot, Tag};

/// Paragraphs shorter than this (characters) say nothing about being an article.
const MIN_PARAGRAPH_CHARS: u32 = 140;
/// Sum of sqrt(characters beyond the minimum) over paragraphs that makes a page an article:
/// about two solid paragraphs.
const MIN_SCORE: f32 = 20.0;

/// True when the page probably has an article worth a reader view.
pub fn readerable(snap: &Snapshot) -> bool {
    let len = snap.len();
    let mut text = vec![0u32; len];
    let mut skip = vec![false; len];
    for n in snap.iter().skip(1) {
        let i = n.id().index();
        let p = n.parent().map_or(0, |p| p.id().index());
        skip[i] = skip[p]
            || n.tag().is_some_and(|t| t.is_raw_text() || t == Tag::Head)
            || (n.is_element() && (is_hidden(n) || looks_unlikely(n, false)));
    }
    for i in (1..len).rev() {
        if skip[i] {
            continue;
        }
        let n = snap.node(NodeId(i as u32));
        if n.is_text() {
            text[i] = text_len(n.text());
        }
        if let Some(p) = n.parent() {
            text[p.id().index()] += text[i];
        }
    }
    let mut score = 0.0;
    for n in snap.iter() {
        let i = n.id().index();
        if skip[i] {
            continue;
        }
        let counts = match n.tag() {
            Some(Tag::P | Tag::Pre | Tag::Article) => !(n.is(Tag::P) && n.parent().is_some_and(|p| p.is(Tag::Li))),
            Some(Tag::Div) => n.children().any(|c| c.is(Tag::Br)),
            _ => false,
        };
        if counts && text[i] >= MIN_PARAGRAPH_CHARS {
            score += ((text[i] - MIN_PARAGRAPH_CHARS) as f32).sqrt();
            if score > MIN_SCORE {
                return true;
            }
        }
    }
    false
}
