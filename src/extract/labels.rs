//! Short lines that announce other stories: "More Great Stories", "Most read in world news",
//! "Related coverage from Money", "Don't miss", "Read more:", "Also on example.com".
//!
//! Such a label heads the list of links it announces. Inside the article neither belongs to the
//! story: a list of links under one is cut, and a label is cut with whatever it headed. Judged on
//! the first words, so that the site's own words after them ("More from *Business*", "Most read
//! *in world news*") still read as the label; only ever applied next to a list of links. A
//! heading "More tips" over the article's own list is no label: "More", "Related", "Popular"...
//! count alone, before "from", "on", "in"..., or with a word that names stories.

/// Longest label (characters, blanks counted once).
pub const MAX_CHARS: usize = 60;
/// Most words of a label.
const MAX_WORDS: usize = 8;

/// Words that open a label only when it says what they announce ("More from Business", "Related
/// coverage", "Trending now"), or stand alone ("Related"): "More tips", "Popular destinations" or
/// "Recommended settings" head the article's own lists.
const QUALIFIED: &[&str] = &["more", "related", "recommended", "popular", "trending"];
/// Words right after a qualified opening that make it a label.
const QUALIFIERS: &[&str] = &["from", "on", "in", "like", "to", "for", "now", "this", "today"];
/// Words anywhere in a label that name what it announces ("More Great WIRED Stories").
const ANNOUNCED: &[&str] = &[
    "stories",
    "news",
    "articles",
    "headlines",
    "coverage",
    "reads",
    "reading",
    "videos",
    "posts",
    "links",
    "content",
    "topics",
    "guides",
    "roundup",
    "roundups",
    "reviews",
];

/// The words a label opens with; `don't` and `editor's` split at the apostrophe.
const OPENINGS: &[&[&str]] = &[
    &["most", "read"],
    &["most", "popular"],
    &["most", "viewed"],
    &["most", "shared"],
    &["read", "more"],
    &["read", "also"],
    &["also", "read"],
    &["also", "on"],
    &["read", "next"],
    &["up", "next"],
    &["don", "t", "miss"],
    &["you", "may", "also", "like"],
    &["you", "might", "also", "like"],
    &["you", "may", "like"],
    &["you", "might", "like"],
    &["editor", "s", "picks"],
    &["around", "the", "web"],
];

/// True when `text` reads as a label over other stories.
pub fn is_teaser_label(text: &str) -> bool {
    if super::collapse_text(text).chars().count() > MAX_CHARS {
        return false;
    }
    let lower = super::class_words::lower(text);
    let words: Vec<&str> = super::class_words::alnum_words(&lower).collect();
    let qualified = words.first().is_some_and(|w| QUALIFIED.contains(w))
        && (words.len() == 1
            || words.get(1).is_some_and(|w| QUALIFIERS.contains(w))
            || words.iter().any(|w| ANNOUNCED.contains(w)));
    words.len() <= MAX_WORDS && (qualified || OPENINGS.iter().any(|o| words.starts_with(o)))
}

#[cfg(test)]
mod tests {
    use super::is_teaser_label;

    #[test]
    fn labels_with_the_sites_words_after_them() {
        for s in [
            "More Great WIRED Stories",
            "Most read in world news",
            "DON'T MISS",
            "Related coverage from Money",
            "Read more:",
            "More on this story",
            "Related",
            "Trending now",
            "Also on rt.com",
        ] {
            assert!(is_teaser_label(s), "{s}");
        }
    }

    #[test]
    fn headings_and_sentences_are_no_labels() {
        for s in [
            "Moreover, the board said",
            "Mostly sunny",
            "More tips",
            "More ways to save",
            "Popular destinations in Italy",
            "Recommended settings",
            "How the stones are dressed",
            "More people than ever are moving to the coast, the census shows, and the towns there cannot keep up",
        ] {
            assert!(!is_teaser_label(s), "{s}");
        }
    }
}
