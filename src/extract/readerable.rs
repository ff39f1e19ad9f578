//! The toolbar badge's question, "is there an article here at all?", answered fast: one pass
//! that adds up the long visible paragraphs, without choosing or converting anything.
//!
//! A sign-in or sign-up page is never an article, however its form is worded: it has a password
//! field and little running text besides the form (labels, buttons, "Forgot your password?" and
//! links). Counting words alone cannot tell it from a short news brief, which has no password
//! field; the field alone cannot either, since article pages carry login boxes too, but those come
//! with paragraphs of prose that outweigh the form.

use super::tables::{text_len, Base};
use crate::dom::{NodeId, Snapshot, Tag};

/// Paragraphs shorter than this (characters) say nothing about being an article.
const MIN_PARAGRAPH_CHARS: u32 = 140;
/// Sum of sqrt(characters beyond the minimum) over paragraphs that makes a page an article:
/// about two solid paragraphs.
const MIN_SCORE: f32 = 20.0;
/// Running text (characters outside forms, links, headings and page furniture) below which a page
/// with a password field is a sign-in page: less than two short paragraphs.
const SIGN_IN_MAX_PROSE: u32 = 400;
/// ...and below this many times the text of the password's form: a login box beside a short brief
/// says little next to the brief; a sign-in page's form says as much as the rest of the page.
const SIGN_IN_PROSE_PER_FORM_CHAR: u32 = 2;

/// True when the page probably has an article worth a reader view.
pub fn readerable(snap: &Snapshot) -> bool {
    let skip = Base::new(snap).furniture(snap);
    if is_sign_in(snap, &skip) {
        return false;
    }
    let len = snap.len();
    let mut text = vec![0u32; len];
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

/// True when the page is a sign-in (or sign-up) form rather than something to read.
pub fn is_sign_in_page(snap: &Snapshot, base: &Base) -> bool {
    is_sign_in(snap, &base.furniture(snap))
}

/// A visible password field, and little running text outside forms, links and headings: less
/// than the form itself holds (labels, hints, buttons) times [`SIGN_IN_PROSE_PER_FORM_CHAR`].
fn is_sign_in(snap: &Snapshot, skip: &[bool]) -> bool {
    let password = snap.iter().find(|n| {
        n.is(Tag::Input) && !skip[n.id().index()] && n.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("password"))
    });
    // The form, or where scripts do without one, the box that holds the field and its button.
    let form = password.and_then(|p| {
        let controls = |a: &crate::dom::NodeRef| a.descendants().filter(|d| matches!(d.tag(), Some(Tag::Input | Tag::Button))).nth(1).is_some();
        p.ancestors().find(|a| a.is(Tag::Form)).or_else(|| p.ancestors().find(controls))
    });
    let Some(form) = form else { return false };
    let form_text: u32 = form.descendants().filter(|d| d.is_text() && !skip[d.id().index()]).map(|d| text_len(d.text())).sum();
    let limit = SIGN_IN_MAX_PROSE.min(form_text * SIGN_IN_PROSE_PER_FORM_CHAR);
    let mut not_prose = vec![false; snap.len()];
    let mut prose = 0;
    for n in snap.iter().skip(1) {
        let i = n.id().index();
        let p = n.parent().map_or(0, |p| p.id().index());
        use Tag::*;
        not_prose[i] = skip[i]
            || not_prose[p]
            || matches!(n.tag(), Some(Form | A | Button | Label | Select | Nav | Header | Footer | Aside | H1 | H2 | H3 | H4 | H5 | H6));
        if n.is_text() && !not_prose[i] {
            prose += text_len(n.text());
            if prose >= limit {
                return false;
            }
        }
    }
    true
}
