//! Cookie and consent banners, and sticky overlays that cover the text.
//!
//! A consent banner is a small block that floats (a dialog, `position: fixed` or `sticky`, or named
//! as a banner, notice or popup) and speaks of cookies or consent next to an accept button.
//! An overlay is any other floating block with little text: a sticky video, a backdrop, a bar.

use super::stats::Stat;
use super::whole_words::{any_word_in, any_word_listed, has_phrase};
use super::Strength;
use crate::dom::{NodeRef, Tag};
use crate::wordlist::WordList;

/// Class and id words of consent banners and consent-management platforms. Not `cmp`: Adobe
/// Experience Manager names every component of a page so (`cmp-container`, `cmp-text`).
pub static CLASS_WORDS: WordList = WordList::new(&[
    "ccpa",
    "consent",
    "cookie",
    "cookiebanner",
    "cookiebot",
    "cookieconsent",
    "cookielaw",
    "cookienotice",
    "cookies",
    "didomi",
    "gdpr",
    "onetrust",
    "quantcast",
    "truste",
    "usercentrics",
]);

/// Class words of elements that float over the page.
static FLOATING_WORDS: WordList = WordList::new(&[
    "banner",
    "bar",
    "dialog",
    "fixed",
    "flyout",
    "interstitial",
    "lightbox",
    "modal",
    "notice",
    "overlay",
    "popup",
    "slidein",
    "sticky",
    "toast",
]);

/// Largest consent banner, in non-blank characters: vendors' texts are long, articles longer.
const CONSENT_MAX_TEXT: u32 = 2500;
/// Largest overlay, in non-blank characters: a bar or a widget, not a panel of content.
const OVERLAY_MAX_TEXT: u32 = 300;
/// Largest subtree whose text is read, in nodes.
const MAX_NODES: u32 = 400;

/// True when the element floats above the page: a dialog, or `fixed` (see [`fixed_style`]).
fn floats(n: NodeRef, fixed: bool) -> bool {
    n.is(Tag::Dialog)
        || n.attr("role").is_some_and(|r| {
            r.eq_ignore_ascii_case("dialog") || r.eq_ignore_ascii_case("alertdialog")
        })
        || n.attr("aria-modal").is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || fixed
}

/// True when the element is fixed or sticky by its inline style. Both detectors here ask it of
/// most elements; the caller reads the style once for both (callgrind over all corpus pages: a
/// second lookup and parse cost 11 M instructions).
pub fn fixed_style(n: NodeRef) -> bool {
    n.attr("style").is_some_and(|st| {
        st.split(';').any(|decl| {
            let mut kv = decl.splitn(2, ':');
            let (k, v) = (kv.next().unwrap_or("").trim(), kv.next().unwrap_or("").trim());
            k.eq_ignore_ascii_case("position")
                && (v.starts_with("fixed") || v.starts_with("sticky"))
        })
    })
}

/// Consent banners by content (`fixed`: see [`fixed_style`]).
pub fn detect_consent(n: NodeRef, s: &Stat, fixed: bool) -> Option<Strength> {
    if s.text == 0
        || s.text > CONSENT_MAX_TEXT
        || s.controls == 0 && s.buttons == 0
        || s.end - n.id().0 > MAX_NODES
    {
        return None;
    }
    if !(floats(n, fixed)
        || any_word_listed(n.class(), &FLOATING_WORDS)
        || any_word_listed(n.id_attr(), &FLOATING_WORDS))
    {
        return None;
    }
    // Accept wording is only looked for in a text about cookies: most floating blocks are not,
    // and reading their whole text for it too cost 14 M instructions (callgrind, all corpus pages).
    let text = n.text_cow();
    let about = any_word_in(&text, &["cookie", "cookies", "consent"]);
    let found = about
        && (any_word_in(&text, &["accept", "agree", "allow", "ok", "okay", "understand"])
            || has_phrase(&text, "got it"));
    found.then_some(Strength::Strong)
}

/// Floating overlays with little text (share rails and prompts are caught earlier by kind;
/// `fixed`: see [`fixed_style`]).
pub fn detect_overlay(n: NodeRef, s: &Stat, fixed: bool) -> Option<Strength> {
    let chrome =
        matches!(n.tag(), Some(Tag::Nav | Tag::Header | Tag::Footer | Tag::Figure | Tag::Video));
    (fixed && !chrome && s.text <= OVERLAY_MAX_TEXT && s.prose == 0 && s.headings == 0)
        .then_some(Strength::Weak)
}
