//! The affiliate disclaimer: "We may earn a commission from links on this page.", "BGR may
//! receive a commission on orders placed through this article.", "This post contains affiliate
//! links.", "As an Amazon Associate I earn from qualifying purchases."
//!
//! The law makes sites print it; it says nothing about the story, so such a paragraph is
//! furniture. Judged on the words alone: the paragraph must be short, speak of a commission or
//! of affiliate links, and say that it is about this page or its links. A sentence of a story
//! about commissions ("the agent earns a commission on every sale") names no page and stays.

/// Longest paragraph (characters) that is judged at all: a disclaimer with the site's other fine
/// print ("Prices are subject to change...") fits.
pub const MAX_CHARS: usize = 400;

/// What a disclaimer is about: a commission someone earns (not "the Electoral Commission"),
/// affiliate links.
const ABOUT: &[&str] = &[
    "a commission",
    "earn commission",
    "affiliate commission",
    "small commission",
    "affiliate link",
    "qualifying purchases",
];
/// One of these words is in every phrase of [`ABOUT`].
const KEY_WORDS: &[&str] = &["commission", "affiliate", "purchases"];
/// How it points at the page it is printed on.
const THIS_PAGE: &[&str] = &[
    "this article",
    "this page",
    "this post",
    "this story",
    "this site",
    "this website",
    "our links",
    "links in this",
    "links on this",
    "through our",
    "through links",
    "those links",
    "my posts",
    "posts may contain",
    "qualifying purchases",
];

/// True when `text` is an affiliate disclaimer.
pub fn is_disclaimer(text: &str) -> bool {
    if text.chars().count() > MAX_CHARS {
        return false;
    }
    // Every short paragraph is asked and nearly none is a disclaimer: a word of ABOUT rules most
    // out on the text as it is, before the two copies below (callgrind, all corpus pages).
    if !super::class_words::alnum_words(text)
        .any(|w| KEY_WORDS.iter().any(|k| k.eq_ignore_ascii_case(w)))
    {
        return false;
    }
    let lower = super::class_words::lower(&super::collapse_text(text));
    ABOUT.iter().any(|w| lower.contains(w)) && THIS_PAGE.iter().any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::is_disclaimer;

    #[test]
    fn disclaimers() {
        for s in [
            "Microsoft may earn an Affiliate Commission if you purchase something through recommended links in this article.",
            "Follow @BGRDeals on Twitter. Prices are subject to change without notice. BGR may receive a commission on orders placed through this article.",
            "We may earn a commission from links on this page.",
            "This post contains affiliate links.",
            "As an Amazon Associate I earn from qualifying purchases.",
            "If you buy something through our links, we may earn commission.",
            "Purchases made through links earn us a small commission, at no extra cost to you.",
            "Disclosure: some of my posts contain affiliate links. If you purchase something through one of those links I may receive a small commission.",
            "Note: Some posts may contain affiliate links.",
        ] {
            assert!(is_disclaimer(s), "{s}");
        }
    }

    #[test]
    fn sentences_about_commissions_stay() {
        for s in [
            "The agent earns a commission on every sale, the court heard.",
            "The Electoral Commission said this article of the law was never applied.",
            "Affiliate marketers post links on social networks and are paid for each sale they bring.",
        ] {
            assert!(!is_disclaimer(s), "{s}");
        }
    }
}
