//! Finding the article's container: paragraphs vote for their ancestors, the best-scored
//! container wins, and its siblings that look like more of the same article join it.
//!
//! The voting rules are the ones readers know from Readability (a point per paragraph, per comma
//! and per 100 characters; parents get it all, grandparents half, further ancestors a third per
//! level; scores scaled down by link density), re-derived on side tables: the page is never
//! rewritten, so "a div that only holds one paragraph" or "inline text loose in a div" are
//! recognised where they stand instead of being restructured first.

use super::node_tables::Tables;
use crate::dom::{NodeId, NodeRef, Tag};

/// Paragraphs shorter than this do not vote.
const MIN_PARAGRAPH_CHARS: u32 = 25;
/// How many ancestors a paragraph votes for.
const VOTE_LEVELS: usize = 5;
/// How many top containers are compared when looking for a common ancestor.
const TOP_CANDIDATES: usize = 5;
/// A container this close to the best (score ratio) counts as a rival...
const RIVAL_RATIO: f32 = 0.75;
/// ...and when this many rivals share an ancestor with the best, that ancestor is the article.
const MIN_RIVALS: usize = 3;
/// A `div` holding a single `p` is that paragraph, unless it is this linky.
const WRAPPER_MAX_LINK_DENSITY: f32 = 0.25;

/// A run of siblings in the chosen article: one element, or loose inline content (text and inline
/// elements between blocks), which the page did not wrap in a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    pub first: NodeId,
    pub last: NodeId,
}

/// The chosen container and the pieces that make up the article, in document order.
pub struct Choice {
    pub top: NodeId,
    pub pieces: Vec<Piece>,
    /// False when no paragraph voted and the whole body was taken as a last resort.
    pub voted: bool,
}

struct Scorer<'t, 'a> {
    t: &'t Tables<'a>,
    score: Vec<f32>,
    scored: Vec<bool>,
    /// A `div` standing for the single paragraph inside it: skipped when walking up.
    wrapper: Vec<bool>,
    candidates: Vec<u32>,
}

/// Picks the article for one attempt. `None` when nothing voted.
pub fn choose(t: &Tables) -> Option<Choice> {
    let snap = t.snap;
    let len = snap.len();
    let mut s = Scorer {
        t,
        score: vec![0.0; len],
        scored: vec![false; len],
        wrapper: vec![false; len],
        candidates: Vec::new(),
    };
    for n in snap.iter() {
        let i = n.id().index();
        if t.gone[i] || !n.is_element() {
            continue;
        }
        if is_wrapper(t, n) {
            s.wrapper[i] = true;
        }
    }
    for n in snap.iter() {
        let i = n.id().index();
        let Some(tag) = n.tag() else { continue };
        if t.gone[i] {
            continue;
        }
        match tag {
            Tag::Section
            | Tag::H2
            | Tag::H3
            | Tag::H4
            | Tag::H5
            | Tag::H6
            | Tag::P
            | Tag::Td
            | Tag::Pre => {
                s.vote(n, t.text[i], t.commas[i]);
            }
            Tag::Div if !t.block_desc[i] => s.vote(n, t.text[i], t.commas[i]),
            Tag::Div => {
                for run in loose_runs(t, n) {
                    let (chars, commas) = run_sums(t, run);
                    s.vote_from(n, 0, chars, commas);
                }
            }
            _ => {}
        }
    }
    let Scorer { mut score, mut scored, wrapper, candidates, .. } = s;
    for &c in &candidates {
        score[c as usize] *= 1.0 - t.link_density(c as usize);
    }
    // The best first, ties by document order: each candidate put in place among the best so
    // far, which gives a sort's first TOP_CANDIDATES without a sort's code in the wasm.
    let order = |a: &u32, b: &u32| score[*b as usize].total_cmp(&score[*a as usize]).then(a.cmp(b));
    let mut top: Vec<u32> = Vec::with_capacity(TOP_CANDIDATES + 1);
    for &c in &candidates {
        let at = top.partition_point(|t| order(t, &c).is_le());
        if at < TOP_CANDIDATES {
            top.insert(at, c);
            top.truncate(TOP_CANDIDATES);
        }
    }
    let body = snap.find(Tag::Body).map(|b| b.id());
    let is_body =
        |n: NodeRef| Some(n.id()) == body || n.parent().is_none_or(|p| p.parent().is_none());
    let up = |n| up_of(&wrapper, n);
    let mut best = match top.first() {
        Some(&c) if !is_body(snap.node(NodeId(c))) => snap.node(NodeId(c)),
        _ => {
            let b = snap.node(body.unwrap_or(NodeId::ROOT));
            return Some(Choice {
                top: b.id(),
                pieces: vec![Piece { first: b.id(), last: b.id() }],
                voted: false,
            });
        }
    };
    // Rivals nearly as good as the best, all under one ancestor: that ancestor holds the article
    // (a page that splits its text into several boxes).
    let best_score = score[best.id().index()];
    let rivals: Vec<NodeRef> = top[1..]
        .iter()
        .map(|&c| snap.node(NodeId(c)))
        .filter(|c| best_score > 0.0 && score[c.id().index()] / best_score >= RIVAL_RATIO)
        .collect();
    if rivals.len() >= MIN_RIVALS {
        let mut p = up(best);
        while let Some(a) = p.filter(|a| !is_body(*a)) {
            if rivals.iter().filter(|r| a.contains(**r) && a != **r).count() >= MIN_RIVALS {
                best = a;
                break;
            }
            p = up(a);
        }
    }
    // Walk up while the parents' scores do not collapse: a parent scoring higher holds more.
    let mut last = score[best.id().index()];
    let threshold = last / 3.0;
    let mut p = up(best);
    while let Some(a) = p.filter(|a| !is_body(*a)) {
        let i = a.id().index();
        if !scored[i] {
            p = up(a);
            continue;
        }
        if score[i] < threshold {
            break;
        }
        if score[i] > last {
            best = a;
            break;
        }
        last = score[i];
        p = up(a);
    }
    // An only child says nothing its parent does not; the parent's siblings may be article too.
    while let Some(a) = up(best).filter(|a| !is_body(*a)) {
        if a.element_children().filter(|c| !t.gone[c.id().index()]).count() != 1 {
            break;
        }
        best = a;
    }
    let bi = best.id().index();
    if !scored[bi] {
        scored[bi] = true;
        score[bi] = initial_score(t, best);
    }
    let pieces = siblings(t, best, &score, &scored, &wrapper, up(best));
    Some(Choice { top: best.id(), pieces, voted: true })
}

/// Sibling rules: a sibling joins when it scores well (more so with the same class as the best),
/// or when it is a paragraph with enough text and few links, or a short clean sentence.
const SIBLING_MIN_SCORE: f32 = 10.0;
const SIBLING_SCORE_SHARE: f32 = 0.2;
const SAME_CLASS_BONUS: f32 = 0.2;
const LONG_PARAGRAPH: u32 = 80;
const LONG_PARAGRAPH_MAX_LINKS: f32 = 0.25;

fn siblings(
    t: &Tables,
    best: NodeRef,
    score: &[f32],
    scored: &[bool],
    wrapper: &[bool],
    parent: Option<NodeRef>,
) -> Vec<Piece> {
    let one = |n: NodeRef| Piece { first: n.id(), last: n.id() };
    let Some(parent) = parent else { return vec![one(best)] };
    let bi = best.id().index();
    let threshold = SIBLING_MIN_SCORE.max(score[bi] * SIBLING_SCORE_SHARE);
    let mut pieces = Vec::new();
    let loose = if parent.is(Tag::Div) { loose_runs(t, parent) } else { Vec::new() };
    let mut loose = loose.into_iter().peekable();
    let mut items: Vec<Piece> = Vec::new();
    for c in parent.children() {
        if let Some(r) = loose.peek() {
            if r.first == c.id() {
                items.push(*r);
                loose.next();
                continue;
            }
        }
        // Inline elements in a `div` belong to its loose runs; elsewhere they stand alone.
        let i = c.id().index();
        if c.is_element() && !t.gone[i] && (!t.phrasing[i] || !parent.is(Tag::Div)) {
            items.push(one(c));
        }
    }
    for item in items {
        let n = t.snap.node(item.first);
        let i = item.first.index();
        let append = if item.first == best.id() {
            true
        } else if item.first != item.last || n.is_text() || t.phrasing[i] {
            let (chars, _) = run_sums(t, item);
            let links: f32 = range(t, item).map(|j| t.link[j]).sum();
            paragraph_joins(t, item, chars, if chars == 0 { 0.0 } else { links / chars as f32 })
        } else {
            let bonus = if !best.class().is_empty() && n.class() == best.class() {
                score[bi] * SAME_CLASS_BONUS
            } else {
                0.0
            };
            if scored[i] && score[i] + bonus >= threshold {
                true
            } else if n.is(Tag::P) || (n.is(Tag::Div) && (!t.block_desc[i] || wrapper[i])) {
                paragraph_joins(t, item, t.text[i], t.link_density(i))
            } else {
                false
            }
        };
        if append {
            pieces.push(item);
        }
    }
    pieces
}

fn paragraph_joins(t: &Tables, item: Piece, chars: u32, link_density: f32) -> bool {
    if chars > LONG_PARAGRAPH && link_density < LONG_PARAGRAPH_MAX_LINKS {
        return true;
    }
    if chars == 0 || chars >= LONG_PARAGRAPH || link_density > 0.0 {
        return false;
    }
    let mut text = String::new();
    for j in range(t, item) {
        if !t.gone[j] {
            text.push_str(t.snap.node(NodeId(j as u32)).text());
        }
    }
    let text = text.trim_end();
    text.ends_with('.') || text.contains(". ")
}

/// The node ids a piece covers (its nodes and their subtrees).
fn range(t: &Tables, p: Piece) -> impl Iterator<Item = usize> {
    p.first.index()..=t.snap.node(p.last).last_descendant().id().index()
}

/// Characters and commas of a piece.
fn run_sums(t: &Tables, p: Piece) -> (u32, u32) {
    let mut chars = 0;
    let mut commas = 0;
    let mut n = Some(t.snap.node(p.first));
    while let Some(c) = n {
        chars += t.text[c.id().index()];
        commas += t.commas[c.id().index()];
        if c.id() == p.last {
            break;
        }
        n = c.next_sibling();
    }
    (chars, commas)
}

/// Runs of inline content directly in `div` (between its block children), each as one piece;
/// two `<br>`s in a row also end a run, as they end a paragraph on screen.
pub fn loose_runs(t: &Tables, div: NodeRef) -> Vec<Piece> {
    let mut runs = Vec::new();
    let mut start: Option<NodeRef> = None;
    let mut last: Option<NodeRef> = None;
    let mut brs = 0;
    let close = |start: &mut Option<NodeRef>, last: &mut Option<NodeRef>, runs: &mut Vec<Piece>| {
        if let (Some(s), Some(l)) = (start.take(), last.take()) {
            runs.push(Piece { first: s.id(), last: l.id() });
        }
    };
    for c in div.children() {
        let i = c.id().index();
        if t.gone[i] {
            continue;
        }
        if !t.phrasing[i] {
            close(&mut start, &mut last, &mut runs);
            brs = 0;
            continue;
        }
        if c.is(Tag::Br) {
            brs += 1;
            if brs >= 2 {
                close(&mut start, &mut last, &mut runs);
            }
            continue;
        }
        let blank = c.is_text() && c.text().trim().is_empty();
        if blank {
            continue;
        }
        brs = 0;
        if start.is_none() {
            start = Some(c);
        }
        last = Some(c);
    }
    close(&mut start, &mut last, &mut runs);
    runs
}

/// A `div` that only wraps one paragraph (and is not a link list): it stands for that paragraph.
fn is_wrapper(t: &Tables, n: NodeRef) -> bool {
    n.is(Tag::Div)
        && t.only_child(n).is_some_and(|c| c.is(Tag::P))
        && t.link_density(n.id().index()) < WRAPPER_MAX_LINK_DENSITY
}

/// A container's score before any paragraph votes: by tag, and by class/id words.
fn initial_score(t: &Tables, n: NodeRef) -> f32 {
    let base = match n.tag() {
        Some(Tag::Div) => 5.0,
        Some(Tag::Pre | Tag::Td | Tag::Blockquote) => 3.0,
        Some(
            Tag::Address | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form,
        ) => -3.0,
        Some(t) if t.is_heading() || t == Tag::Th => -5.0,
        _ => 0.0,
    };
    base + t.class_weight(n)
}

impl Scorer<'_, '_> {
    fn vote(&mut self, n: NodeRef, chars: u32, commas: u32) {
        if let Some(p) = self.up(n) {
            self.vote_from(p, 0, chars, commas);
        }
    }

    /// Adds a paragraph's points to `first` (at `level`) and the ancestors above it.
    fn vote_from(&mut self, first: NodeRef, level: usize, chars: u32, commas: u32) {
        if chars < MIN_PARAGRAPH_CHARS {
            return;
        }
        let points = 1.0 + (commas + 1) as f32 + (chars / 100).min(3) as f32;
        let mut a = Some(first);
        let mut level = level;
        while let Some(n) = a {
            if level >= VOTE_LEVELS || n.parent().is_none_or(|p| p.parent().is_none()) {
                break;
            }
            let i = n.id().index();
            if !self.scored[i] {
                self.scored[i] = true;
                self.score[i] = initial_score(self.t, n);
                self.candidates.push(i as u32);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            self.score[i] += points / divider;
            level += 1;
            a = self.up(n);
        }
    }

    fn up<'n>(&self, n: NodeRef<'n>) -> Option<NodeRef<'n>> {
        up_of(&self.wrapper, n)
    }
}

/// The parent, looking through `div`s that only wrap one paragraph.
fn up_of<'n>(wrapper: &[bool], n: NodeRef<'n>) -> Option<NodeRef<'n>> {
    let mut p = n.parent()?;
    while wrapper[p.id().index()] {
        p = p.parent()?;
    }
    Some(p)
}
