//! Word lists that class names, ids and roles are matched against.
//!
//! Substring matching on the lower-cased `class id` string, as reader modes have always done: a
//! class of `article-body` or `post_content` says as much as `content` ([`WordList::found_in`]).
//! The lists are the public knowledge of reader modes (Readability's, which readers compare us
//! with), plus a few words seen on today's news sites.

use crate::wordlist::WordList;

/// Class/id words of blocks that are almost never the article (menus, comments, footers).
pub static UNLIKELY: WordList = WordList::new(&[
    "-ad-",
    "ad-break",
    "agegate",
    "ai2html",
    "banner",
    "breadcrumb",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "dialog",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "modal",
    "pager",
    "pagination",
    "popup",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "yom-remote",
]);

/// Words that rescue an unlikely-looking block (`main-header-content`, a `dialogue` is no dialog).
pub static MAYBE: WordList =
    WordList::new(&["and", "article", "body", "column", "content", "dialogue", "main", "shadow"]);

/// Words that raise a container's score.
pub static POSITIVE: WordList = WordList::new(&[
    "article",
    "blog",
    "body",
    "content",
    "entry",
    "h-entry",
    "hentry",
    "main",
    "page",
    "pagination",
    "post",
    "story",
    "text",
]);

/// Words that lower a container's score.
pub static NEGATIVE: WordList = WordList::new(&[
    "-ad-",
    "banner",
    "com-",
    "combx",
    "comment",
    "contact",
    "footer",
    "gdpr",
    "hidden",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shopping",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "tags",
    "widget",
]);

/// Class/id words of a byline element.
pub static BYLINE: WordList =
    WordList::new(&["author", "byline", "dateline", "p-author", "writtenby"]);

/// Class/id words of the box about an article's author.
pub static AUTHOR_BOX: WordList = WordList::new(&[
    "about-author",
    "about-the-author",
    "author-bio",
    "author_bio",
    "authorbio",
    "author-box",
    "author_box",
    "authorbox",
    "author-info",
    "author_info",
    "author-details",
    "author-card",
    "author-profile",
    "bio-box",
    "contributor-bio",
]);

/// Class/id words of a date line.
pub static DATELINE: WordList = WordList::new(&[
    "article-date",
    "date-time",
    "dateline",
    "entry-date",
    "entry-meta",
    "post-date",
    "post-meta",
    "pubdate",
    "publish-date",
    "published-date",
    "timestamp",
    "updated-date",
]);

/// Classes of text kept for screen readers only, never shown on screen.
pub const SCREEN_READER_ONLY: &[&str] = &[
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screen-reader-only",
    "off-screen",
    "offscreen",
    "a11y-hidden",
];

/// ARIA roles of page furniture; a `note` is "parenthetic or ancillary to the main content" (a
/// wiki's "For other uses, see ..." and "Main article: ..." lines).
pub const UNLIKELY_ROLES: &[&str] =
    &["menu", "menubar", "complementary", "navigation", "note", "alert", "alertdialog", "dialog"];

/// Hosts whose embeds are the article's videos, kept even where other embeds go.
pub const VIDEO_HOSTS: &[&str] = &[
    "//www.youtube.com",
    "//youtube.com",
    "//www.youtube-nocookie.com",
    "//youtube-nocookie.com",
    "//player.vimeo.com",
    "//www.dailymotion.com",
    "//dailymotion.com",
    "//v.qq.com",
    "//archive.org",
    "//upload.wikimedia.org",
    "//player.twitch.tv",
];

/// Classes of the `<blockquote>` that social networks' embed codes write around a post's text.
pub const EMBEDDED_POSTS: &[&str] = &[
    "twitter-tweet",
    "twitter-video",
    "instagram-media",
    "tiktok-embed",
    "bluesky-embed",
    "reddit-embed-bq",
    "text-post-media",
    "mastodon-embed",
    "fb-xfbml-parse-ignore",
];

/// Whole-text labels of ad slots, loading spinners, the buttons that unfold a story the reader
/// shows whole ("Read more" over a faded cut) and the page's controls that the reader has no use
/// for ("Close" on a slideshow's caption, "Back to top", "Caption" and "Expand" that unfold a
/// photo's caption or a folded box the reader shows open).
pub const AD_OR_LOADING: &[&str] = &[
    "ad",
    "advert",
    "advertising",
    "advertisement",
    "anzeige",
    "sponsored",
    "pub",
    "publicité",
    "werbung",
    "广告",
    "реклама",
    "anuncio",
    "loading",
    "正在加载",
    "загрузка",
    "chargement",
    "cargando",
    "read more",
    "continue reading",
    "show more",
    "keep reading",
    "weiterlesen",
    "lire la suite",
    "leer más",
    "close",
    "back to top",
    "scroll to top",
    "skip to content",
    "skip to main content",
    "search",
    "caption",
    "expand",
];

/// The runs of letters and digits of `s`: the words titles, labels and sign-offs are compared by.
pub fn alnum_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// Lower case for the scripts the word lists and titles mostly use: ASCII, Latin-1 and Cyrillic
/// capitals; other letters are kept. `str::to_lowercase` would pull the whole Unicode case table
/// into the content script (7 KB of gzipped wasm, measured), for class names that are ASCII.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars()
        .map(|c| match c {
            'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' | 'А'..='Я' => {
                char::from_u32(c as u32 + 32).unwrap_or(c)
            }
            'Ѐ'..='Џ' => char::from_u32(c as u32 + 80).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// `class` and `id` of an element, lower-cased and joined by a space.
pub fn class_and_id(n: crate::dom::NodeRef) -> String {
    let mut s = lower(n.class());
    s.push(' ');
    s.push_str(&lower(n.id_attr()));
    s
}

/// True when `hay` holds `word` as a whole token (`share`, `share-bar`, `post_share`, not
/// `shared`): the separators are anything but ASCII letters and digits.
///
/// Compared byte by byte at each place the word's first byte occurs: hays are class names and
/// short labels, and setting up the standard library's substring search for each question was
/// a third of the cost (callgrind, all corpus pages).
pub fn has_token(hay: &str, word: &str) -> bool {
    let (h, w) = (hay.as_bytes(), word.as_bytes());
    let Some(&first) = w.first() else { return false };
    let separates = |i: usize| h.get(i).is_none_or(|b| !b.is_ascii_alphanumeric());
    (0..(h.len() + 1).saturating_sub(w.len())).any(|i| {
        h[i] == first
            && h[i..].starts_with(w)
            && (i == 0 || separates(i - 1))
            && separates(i + w.len())
    })
}

/// Commas of the Latin, Arabic, Chinese and other scripts.
pub fn is_comma(c: char) -> bool {
    matches!(
        c,
        ',' | '\u{060C}'
            | '\u{FE50}'
            | '\u{FE10}'
            | '\u{FE11}'
            | '\u{2E41}'
            | '\u{2E34}'
            | '\u{2E32}'
            | '\u{FF0C}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_found_inside_class_strings() {
        assert!(UNLIKELY.found_in("site-footer main"));
        assert!(POSITIVE.found_in("x articlebody"));
        assert!(!NEGATIVE.found_in("article-body"));
        assert!(MAYBE.found_in("and"));
        assert!(!BYLINE.found_in(""));
        assert!(DATELINE.found_in("post-date"));
        assert!(!UNLIKELY.found_in("é-ad"));
    }

    #[test]
    fn lower_case_of_the_listed_scripts() {
        assert_eq!(
            lower("Main-CONTENT Publicité PUBLICITÉ Реклама ЁЛКА Ω"),
            "main-content publicité publicité реклама ёлка Ω"
        );
    }
}
