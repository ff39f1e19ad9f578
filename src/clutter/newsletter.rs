//! Newsletter prompts: inline signup blocks and modal popups.
//!
//! Recognised by content: an e-mail input in a small block with subscribe wording (and no password,
//! search or text area, which would make it a login, search or comment form), or a small block with
//! "newsletter" and subscribe wording next to a button, as prompts that only show a "Subscribe"
//! button do. The block is the outermost element that stays small, so the heading and the consent
//! small print around the form go with it.

use super::stats::Stat;
use super::whole_words::{any_word_in, any_word_listed, has_phrase};
use super::Strength;
use crate::dom::{NodeRef, Tag};
use crate::wordlist::WordList;

/// Class and id words of newsletter and signup blocks.
pub static CLASS_WORDS: WordList = WordList::new(&[
    "emailsignup",
    "mailchimp",
    "mc4wp",
    "newsletter",
    "newsletterbox",
    "newsletters",
    "newslettersignup",
    "optin",
    "signup",
    "subscribe",
    "subscription",
]);

/// Largest prompt, in non-blank characters: heading, pitch, form and consent small print.
const MAX_TEXT: u32 = 700;
/// Largest prose a prompt may hold: the consent small print, not an article paragraph.
const MAX_PROSE: u32 = 400;
/// A prompt holds a form and a few links (privacy policy, terms), not a menu.
const MAX_CONTROLS: u16 = 6;
/// Largest subtree whose text is read, in nodes.
const MAX_NODES: u32 = 300;

static SUBSCRIBE_WORDS: WordList = WordList::new(&[
    "briefing",
    "digest",
    "inbox",
    "newsletter",
    "newsletters",
    "signup",
    "subscribe",
    "subscribed",
    "subscribing",
    "subscription",
    "unsubscribe",
]);

fn subscribe_wording(text: &str) -> bool {
    any_word_listed(text, &SUBSCRIBE_WORDS)
        || has_phrase(text, "sign up")
        || has_phrase(text, "sign me up")
        || has_phrase(text, "opt in")
        || has_phrase(text, "get updates")
        || has_phrase(text, "stay informed")
}

/// The wording of a block: its text plus the labels of its inputs and buttons.
fn wording(n: NodeRef) -> String {
    let mut s = String::new();
    for d in n.descendants() {
        if d.is_text() {
            s.push_str(d.text());
        } else if d.is(Tag::Input) || d.is(Tag::Button) {
            for a in ["value", "placeholder", "aria-label"] {
                if let Some(v) = d.attr(a) {
                    s.push(' ');
                    s.push_str(v);
                }
            }
        }
        s.push(' ');
    }
    s
}

fn mentions_newsletter(text: &str) -> bool {
    text.as_bytes().windows(10).any(|w| w.eq_ignore_ascii_case(b"newsletter"))
}

/// Newsletter signals from content.
pub fn detect(n: NodeRef, s: &Stat) -> Option<Strength> {
    if s.text > MAX_TEXT
        || s.prose > MAX_PROSE
        || s.controls > MAX_CONTROLS
        || s.other_inputs > 0
        || s.headings > 3
    {
        return None;
    }
    if s.end - n.id().0 > MAX_NODES {
        return None;
    }
    let has_form = s.email > 0;
    let has_button = s.buttons > 0 || s.controls > 0;
    if !has_form && !has_button {
        return None;
    }
    // Without an e-mail field the block must say "newsletter": checked in place first, because
    // most small blocks with a link get this far and building their wording was the largest cost
    // of this module (callgrind, all corpus pages).
    if !has_form && !n.descendants().any(|d| d.is_text() && mentions_newsletter(d.text())) {
        return None;
    }
    let text = wording(n);
    let found = if has_form {
        subscribe_wording(&text)
    } else {
        any_word_in(&text, &["newsletter", "newsletters"])
            && (any_word_in(&text, &["subscribe", "signup"]) || has_phrase(&text, "sign up"))
    };
    found.then_some(Strength::Strong)
}
