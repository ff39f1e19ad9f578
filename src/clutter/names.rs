//! Clutter named by class and id words: the weakest signal, so it only hides elements with no prose
//! (see `protect`). Each class token and the id are read on their own, and a token that also says
//! `has`, `no`, `with`, `free`, `enabled`... (`has-ads`, `ad-free`, `no-share`) describes a page
//! state, not a widget, and is ignored; so does `embed` (`social-media-embed`: a quoted post).

use super::whole_words::words;
use super::{ads, consent, newsletter, share, ClutterKind};
use crate::wordlist::WordList;

/// Words that turn a clutter word into a state of something else.
static STATE_WORDS: WordList = WordList::new(&[
    "allow", "disabled", "embed", "embedded", "enabled", "free", "has", "hidden", "hide", "no",
    "non", "not", "show", "with", "without",
]);

/// Social networks whose embedded widgets (like boxes, timelines, follow buttons) are share widgets
/// when a class token pairs the network with one of [`SOCIAL_WIDGETS`].
static NETWORKS: WordList =
    WordList::new(&["facebook", "fb", "instagram", "linkedin", "pinterest", "twitter"]);
static SOCIAL_WIDGETS: WordList = WordList::new(&[
    "button", "follow", "like", "likebox", "page", "popup", "share", "timeline", "widget", "xfbml",
]);

static RECOMMENDATION: WordList = WordList::new(&[
    "alsoread",
    "morestories",
    "mostpopular",
    "mostread",
    "readnext",
    "recirc",
    "recirculation",
    "recommendation",
    "recommendations",
    "recommended",
    "related",
    "trending",
    "youmaylike",
]);

fn kind_of_word(w: &str) -> Option<ClutterKind> {
    if ads::is_ad_word(w) {
        Some(ClutterKind::Ad)
    } else if share::CLASS_WORDS.has(w) {
        Some(ClutterKind::Share)
    } else if newsletter::CLASS_WORDS.has(w) {
        Some(ClutterKind::Newsletter)
    } else if consent::CLASS_WORDS.has(w) {
        Some(ClutterKind::Consent)
    } else if RECOMMENDATION.has(w) {
        Some(ClutterKind::Recommendation)
    } else {
        None
    }
}

fn kind_of_token(token: &str) -> Option<ClutterKind> {
    let mut kind = None;
    let (mut network, mut widget) = (false, false);
    for w in words(token) {
        // A short word glued behind a digit is a piece of a generated name (`e1ad`, a GUID's
        // `...1AD`), not a word; a long one is (`MG2Subscribe`).
        let at = w.as_ptr() as usize - token.as_ptr() as usize;
        if w.len() <= 3 && at > 0 && token.as_bytes()[at - 1].is_ascii_digit() {
            continue;
        }
        if STATE_WORDS.has(w) {
            return None;
        }
        network |= NETWORKS.has(w);
        widget |= SOCIAL_WIDGETS.has(w);
        kind = kind.or_else(|| kind_of_word(w));
    }
    kind.or((network && widget).then_some(ClutterKind::Share))
}

/// The clutter kind named by elements' class tokens or ids, reading each distinct class attribute
/// and each distinct class token once.
///
/// Pages repeat a few class attributes on most of their elements (every item of a list, every
/// paragraph), and reading the words of each one was a sixth of classification on the ten pages
/// where it was slowest (callgrind); ids are mostly absent or unique, so they are read each time.
/// Distinct class attributes still share tokens (`col`, `widget`...): over the corpus, 51,500
/// tokens of them are 32,200 distinct ones, and reading each once saved 12 M instructions.
#[derive(Default)]
pub struct NameKinds<'a> {
    by_class: foldhash::HashMap<&'a str, Option<ClutterKind>>,
    by_token: foldhash::HashMap<&'a str, Option<ClutterKind>>,
}

impl<'a> NameKinds<'a> {
    /// The kind named by an element's class tokens or, failing them, its id.
    ///
    /// Nine elements in ten have no id; passing over it here, not in [`kind_of_token`], saved
    /// 8 M instructions (callgrind over all corpus pages).
    pub fn get(&mut self, class: &'a str, id: &str) -> Option<ClutterKind> {
        let Self { by_class, by_token } = self;
        let kind = if class.is_empty() {
            None
        } else {
            remember(by_class, class, &mut |class| {
                class
                    .split_ascii_whitespace()
                    .find_map(|t| remember(by_token, t, &mut kind_of_token))
            })
        };
        if kind.is_some() || id.is_empty() {
            return kind;
        }
        kind_of_token(id)
    }
}

/// The answer `find` gives for `key`, from `known` or stored there (one copy of the table code for
/// both tables: the content-script wasm is near its size budget).
fn remember<'a>(
    known: &mut foldhash::HashMap<&'a str, Option<ClutterKind>>,
    key: &'a str,
    find: &mut dyn FnMut(&'a str) -> Option<ClutterKind>,
) -> Option<ClutterKind> {
    *known.entry(key).or_insert_with(|| find(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_from_names(class: &str, id: &str) -> Option<ClutterKind> {
        NameKinds::default().get(class, id)
    }

    #[test]
    fn words_not_substrings() {
        for ok in [
            "header", "shadow", "download", "load", "read", "badge", "masthead", "has-ads",
            "ad-free",
        ] {
            assert_eq!(kind_from_names(ok, ""), None, "{ok}");
        }
        assert_eq!(kind_from_names("ad-slot", ""), Some(ClutterKind::Ad));
        assert_eq!(kind_from_names("topAdSlot", ""), Some(ClutterKind::Ad));
        assert_eq!(kind_from_names("", "share_bar2"), Some(ClutterKind::Share));
        assert_eq!(
            kind_from_names("post has-share-bar", "related-posts"),
            Some(ClutterKind::Recommendation)
        );
        assert_eq!(kind_from_names("widget_facebook_likebox", ""), Some(ClutterKind::Share));
        // Embedded posts are quoted in the article: content, not widgets.
        assert_eq!(kind_from_names("social-media-embed twitter-tweet", ""), None);
        assert_eq!(kind_from_names("icon icon--share", ""), Some(ClutterKind::Share));
        // Generated ids are not names.
        assert_eq!(kind_from_names("go gp", "e1ad"), None);
        assert_eq!(kind_from_names("", "ad2"), Some(ClutterKind::Ad));
        assert_eq!(kind_from_names("dn MG2Subscribe", ""), Some(ClutterKind::Newsletter));
    }

    #[test]
    fn remembered_classes_answer_alike() {
        let mut kinds = NameKinds::default();
        for _ in 0..2 {
            assert_eq!(
                kinds.get("post has-share-bar", "related-posts"),
                Some(ClutterKind::Recommendation)
            );
            assert_eq!(kinds.get("post has-share-bar", ""), None);
            assert_eq!(kinds.get("ad-slot", ""), Some(ClutterKind::Ad));
            assert_eq!(kinds.get("", "share_bar2"), Some(ClutterKind::Share));
        }
    }
}
