//! Clutter named by class and id words: the weakest signal, so it only hides elements with no prose
//! (see `protect`). Each class token and the id are read on their own, and a token that also says
//! `has`, `no`, `with`, `free`, `enabled`... (`has-ads`, `ad-free`, `no-share`) describes a page
//! state, not a widget, and is ignored; so does `embed` (`social-media-embed`: a quoted post).

use super::words::{is_one_of, words};
use super::{ads, consent, newsletter, share, ClutterKind};

/// Words that turn a clutter word into a state of something else.
const STATE_WORDS: &[&str] = &[
    "has", "no", "non", "not", "with", "without", "free", "enabled", "disabled", "allow", "hide",
    "hidden", "show", "embed", "embedded",
];

/// Social networks whose embedded widgets (like boxes, timelines, follow buttons) are share widgets
/// when a class token pairs the network with one of [`SOCIAL_WIDGETS`].
const NETWORKS: &[&str] = &["facebook", "fb", "twitter", "instagram", "pinterest", "linkedin"];
const SOCIAL_WIDGETS: &[&str] = &["like", "likebox", "follow", "timeline", "widget", "page", "popup", "xfbml", "share", "button"];

const RECOMMENDATION: &[&str] = &[
    "related", "recommended", "recommendation", "recommendations", "recirculation", "recirc",
    "morestories", "alsoread", "readnext", "trending", "mostpopular", "mostread", "youmaylike",
];

fn kind_of_word(w: &str) -> Option<ClutterKind> {
    if ads::is_ad_word(w) {
        Some(ClutterKind::Ad)
    } else if is_one_of(w, share::CLASS_WORDS) {
        Some(ClutterKind::Share)
    } else if is_one_of(w, newsletter::CLASS_WORDS) {
        Some(ClutterKind::Newsletter)
    } else if is_one_of(w, consent::CLASS_WORDS) {
        Some(ClutterKind::Consent)
    } else if is_one_of(w, RECOMMENDATION) {
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
        if is_one_of(w, STATE_WORDS) {
            return None;
        }
        network |= is_one_of(w, NETWORKS);
        widget |= is_one_of(w, SOCIAL_WIDGETS);
        kind = kind.or_else(|| kind_of_word(w));
    }
    kind.or((network && widget).then_some(ClutterKind::Share))
}

/// The clutter kind named by an element's class tokens or id, if any.
pub fn kind_from_names(class: &str, id: &str) -> Option<ClutterKind> {
    class.split_ascii_whitespace().chain(std::iter::once(id)).find_map(kind_of_token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_not_substrings() {
        for ok in ["header", "shadow", "download", "load", "read", "badge", "masthead", "has-ads", "ad-free"] {
            assert_eq!(kind_from_names(ok, ""), None, "{ok}");
        }
        assert_eq!(kind_from_names("ad-slot", ""), Some(ClutterKind::Ad));
        assert_eq!(kind_from_names("topAdSlot", ""), Some(ClutterKind::Ad));
        assert_eq!(kind_from_names("", "share_bar2"), Some(ClutterKind::Share));
        assert_eq!(kind_from_names("post has-share-bar", "related-posts"), Some(ClutterKind::Recommendation));
        assert_eq!(kind_from_names("widget_facebook_likebox", ""), Some(ClutterKind::Share));
        // Embedded posts are quoted in the article: content, not widgets.
        assert_eq!(kind_from_names("social-media-embed twitter-tweet", ""), None);
        assert_eq!(kind_from_names("icon icon--share", ""), Some(ClutterKind::Share));
        // Generated ids are not names.
        assert_eq!(kind_from_names("go gp", "e1ad"), None);
        assert_eq!(kind_from_names("", "ad2"), Some(ClutterKind::Ad));
        assert_eq!(kind_from_names("dn MG2Subscribe", ""), Some(ClutterKind::Newsletter));
    }
}
