//! Short texts that announce clutter ("Advertisement", "Related:", "Also worth reading",
//! "Content is loading...") and the boxes they label.
//!
//! A label is an element whose whole text is one of these phrases. Its box is found by climbing:
//! an ad label's box is every ancestor that holds no other text (the empty slot the ad leaves);
//! a recommendation label's box is every ancestor whose text, apart from the label, is link text
//! (the list of teasers it heads). One scan of the short text nodes, a few steps up from each.

use super::stats::Stats;
use super::whole_words::{is_phrase, phrase_list};
use super::{ClutterKind, Strength};
use crate::dom::{NodeRef, Tag};

const AD_LABELS: &[&str] = &[
    "ad",
    "ads",
    "advertisement",
    "advertisements",
    "advertising",
    "sponsored",
    "sponsored content",
    "sponsored links",
    "sponsored stories",
    "paid content",
    "paid post",
    "promoted",
    "promoted content",
    "promoted stories",
    "partner content",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading below advertisement",
    "advertisement scroll to continue",
    "advertisement continue reading below",
    "anzeige",
    "werbung",
    "publicite",
    "publicité",
    "publicidad",
    "pubblicità",
    "reklama",
    "advertentie",
    "annons",
    "mainos",
];

const REC_LABELS: &[&str] = &[
    "related",
    "related articles",
    "related stories",
    "related topics",
    "related content",
    "related news",
    "related posts",
    "related links",
    "related coverage",
    "related reading",
    "also worth reading",
    "also read",
    "read also",
    "see also",
    "read next",
    "up next",
    "recommended",
    "recommended for you",
    "recommended stories",
    "recommended articles",
    "you may also like",
    "you might also like",
    "you may like",
    "you might like",
    "more stories",
    "more from",
    "more news",
    "most popular",
    "most read",
    "popular stories",
    "trending",
    "trending now",
    "trending stories",
    "content is loading",
    "around the web",
    "from the web",
    "more to explore",
    "don t miss",
    "editor s picks",
];

/// Shortest and longest label, in non-blank characters; other texts are never read (math
/// renderers and code highlighters leave thousands of one-character elements).
const LABEL_MIN: u32 = 2;
const LABEL_MAX: u32 = 45;
/// Most nodes under a label: a phrase in a span or two. Formula markup (MathJax) makes elements
/// with a short text spread over hundreds of nodes and kilobytes of indentation, never a label.
const LABEL_MAX_NODES: u32 = 16;
/// How far above the label a box may reach.
const CLIMB_MAX: usize = 5;
/// Text besides link text that a recommendation box may hold beyond its label: a date or a "More"
/// link caption, not a sentence.
const REC_SLACK: u32 = 25;
/// Largest recommendation box, in non-blank characters: a rail of teasers, not a section of the page.
const REC_MAX_TEXT: u32 = 2500;

/// True when `s` reads as an ad label ("ADVERTISEMENT", "- Advertisement -", "Sponsored").
pub fn is_ad_label(s: &str) -> bool {
    is_phrase(s, AD_LABELS)
}

/// The boxes of every label in the subtree, with their kind; `blocked` elements are never boxes.
pub fn mark_boxes<'a>(
    root: NodeRef<'a>,
    stats: &Stats,
    blocked: &dyn Fn(NodeRef) -> bool,
) -> Vec<(NodeRef<'a>, ClutterKind, Strength)> {
    let mut out = Vec::new();
    for t in root.descendants().filter(|n| n.is_text()) {
        let Some(label) = t.parent().filter(|p| p.is_element() && stats.covers(*p)) else {
            continue;
        };
        let s = stats.get(label);
        if !(LABEL_MIN..=LABEL_MAX).contains(&s.text)
            || label.first_child() != Some(t)
            || s.controls > 0
        {
            continue;
        }
        if label.last_descendant().id().0 - label.id().0 > LABEL_MAX_NODES {
            continue;
        }
        if label.ancestors().take(3).any(|a| a.is(Tag::A) || a.is(Tag::Button)) {
            continue;
        }
        let text = label.text_cow();
        let kind = match phrase_list(&text, &[AD_LABELS, REC_LABELS]) {
            Some(0) => ClutterKind::Ad,
            Some(_) => ClutterKind::Recommendation,
            None => continue,
        };
        let mut bx = label;
        for p in label.ancestors().take(CLIMB_MAX) {
            if !stats.covers(p) || blocked(p) {
                break;
            }
            let ps = stats.get(p);
            let fits = match kind {
                ClutterKind::Ad => ps.text == s.text,
                _ => {
                    ps.text - ps.link_text <= s.text + REC_SLACK
                        && ps.text <= REC_MAX_TEXT
                        && ps.prose == 0
                }
            };
            if !fits {
                break;
            }
            bx = p;
        }
        if kind == ClutterKind::Recommendation && !is_phrase(&text, &["content is loading"]) {
            // A label that heads something ("Related:" over a list, a "See also" heading over
            // its links) takes the link lists under it along: hiding the heading alone would
            // leave its links in the page as if they were the section before's. A lone word with
            // nothing to head is a tab or a menu item and stays; a heading stays hidden anyway.
            if bx == label || bx.tag().is_some_and(|t| t.is_heading()) {
                let lists = headed_link_lists(bx, stats, blocked);
                if lists.is_empty() && bx == label {
                    continue;
                }
                out.extend(lists.into_iter().map(|l| (l, kind, Strength::Strong)));
            }
        }
        out.push((bx, kind, Strength::Strong));
    }
    out
}

/// The elements right after `head` (its next element siblings, up to the next heading or the
/// first one that is not all links) that are lists of links, within [`REC_MAX_TEXT`] together.
fn headed_link_lists<'a>(
    head: NodeRef<'a>,
    stats: &Stats,
    blocked: &dyn Fn(NodeRef) -> bool,
) -> Vec<NodeRef<'a>> {
    let mut lists = Vec::new();
    let mut total = 0;
    let mut next = head.next_sibling();
    while let Some(n) = next {
        next = n.next_sibling();
        if n.is_text() && n.text().trim().is_empty() {
            continue;
        }
        if !n.is_element()
            || !stats.covers(n)
            || blocked(n)
            || n.tag().is_some_and(|t| t.is_heading())
        {
            break;
        }
        let s = stats.get(n);
        total += s.text;
        if s.text == 0 || s.text != s.link_text || total > REC_MAX_TEXT {
            break;
        }
        lists.push(n);
    }
    lists
}
