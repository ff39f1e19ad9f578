//! Class and id words that name clutter. Words match as whole words of an identifier
//! (`ad-slot`, `AdSlot`, `ad_slot` all have the word `ad`), never as substrings, so `header`,
//! `shadow`, `download` and `badge` stay untouched.

use super::ClutterKind;

/// Splits an identifier into lower-case words at `-`, `_`, spaces, digits and camelCase humps.
pub fn words(ident: &str) -> impl Iterator<Item = String> + '_ {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for ch in ident.chars() {
        if !ch.is_alphabetic() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if ch.is_uppercase() && prev_lower && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_lower = ch.is_lowercase();
        cur.extend(ch.to_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out.into_iter()
}

const RULES: &[(&str, ClutterKind)] = &[
    ("ad", ClutterKind::Ad),
    ("ads", ClutterKind::Ad),
    ("advert", ClutterKind::Ad),
    ("advertisement", ClutterKind::Ad),
    ("sponsored", ClutterKind::Ad),
    ("taboola", ClutterKind::Ad),
    ("outbrain", ClutterKind::Ad),
    ("newsletter", ClutterKind::Newsletter),
    ("subscribe", ClutterKind::Newsletter),
    ("share", ClutterKind::Share),
    ("sharing", ClutterKind::Share),
    ("social", ClutterKind::Share),
    ("cookie", ClutterKind::Consent),
    ("consent", ClutterKind::Consent),
    ("gdpr", ClutterKind::Consent),
    ("related", ClutterKind::Recommendation),
    ("recommended", ClutterKind::Recommendation),
];

/// The clutter kind named by an element's class or id words, if any.
pub fn kind_from_names(class: &str, id: &str) -> Option<ClutterKind> {
    for w in words(class).chain(words(id)) {
        if let Some((_, kind)) = RULES.iter().find(|(word, _)| *word == w) {
            return Some(*kind);
        }
    }
    None
}

/// Share endpoints of the common networks.
pub fn is_share_url(href: &str) -> bool {
    const ENDPOINTS: &[&str] = &[
        "facebook.com/sharer",
        "twitter.com/intent",
        "x.com/intent",
        "api.whatsapp.com/send",
        "wa.me/?",
        "t.me/share",
        "telegram.me/share",
        "linkedin.com/sharing",
        "linkedin.com/shareArticle",
        "reddit.com/submit",
        "bsky.app/intent",
        "news.ycombinator.com/submitlink",
        "pinterest.com/pin/create",
    ];
    let h = href.trim();
    ENDPOINTS.iter().any(|e| h.contains(e))
        || h.get(..7).is_some_and(|p| p.eq_ignore_ascii_case("mailto:")) && h.contains("?subject=")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_not_substrings() {
        for ok in ["header", "shadow", "download", "load", "read", "badge", "masthead"] {
            assert_eq!(kind_from_names(ok, ""), None, "{ok}");
        }
        assert_eq!(kind_from_names("ad-slot", ""), Some(ClutterKind::Ad));
        assert_eq!(kind_from_names("topAdSlot", ""), Some(ClutterKind::Ad));
        assert_eq!(kind_from_names("", "share_bar2"), Some(ClutterKind::Share));
    }
}
