//! Share widgets: links to the share endpoints of social networks, share and copy-link buttons
//! (by text, `aria-label` or `title`), and the bars and rails that group them.
//!
//! A share bar is recognised by what it holds, not by its class: several share controls, little text
//! of its own besides a "Share" caption, no heading. This catches bars made of icon-only buttons.

use super::hosts::{self, starts_with_ignore_case};
use super::stats::Stat;
use super::whole_words::{any_word_listed, is_one_of, words};
use crate::charcount::non_blank;
use crate::dom::NodeRef;
use crate::wordlist::WordList;

/// Share endpoints of the common networks: host (or a subdomain of it) and path start.
const ENDPOINTS: &[(&str, &str)] = &[
    ("facebook.com", "/sharer"),
    ("facebook.com", "/share.php"),
    ("facebook.com", "/dialog/share"),
    ("facebook.com", "/dialog/feed"),
    ("twitter.com", "/intent"),
    ("twitter.com", "/share"),
    ("x.com", "/intent"),
    ("x.com", "/share"),
    ("api.whatsapp.com", "/send"),
    ("web.whatsapp.com", "/send"),
    ("wa.me", "/?"),
    ("t.me", "/share"),
    ("telegram.me", "/share"),
    ("linkedin.com", "/sharing"),
    ("linkedin.com", "/shareArticle"),
    ("linkedin.com", "/cws/share"),
    ("reddit.com", "/submit"),
    ("bsky.app", "/intent"),
    ("news.ycombinator.com", "/submitlink"),
    ("pinterest.com", "/pin/create"),
    ("tumblr.com", "/share"),
    ("tumblr.com", "/widgets/share"),
    ("getpocket.com", "/save"),
    ("getpocket.com", "/edit"),
    ("flipboard.com", "/bookmarklet"),
    ("share.flipboard.com", ""),
    ("vk.com", "/share.php"),
    ("threads.net", "/intent"),
    ("mastodonshare.com", ""),
    ("addtoany.com", "/share"),
    ("addthis.com", "/bookmark"),
    ("line.me", "/R/msg"),
    ("social-plugins.line.me", ""),
    ("xing.com", "/spi/shares"),
    ("xing.com", "/social/share"),
];

/// Hosts of social networks; a plain link to one (not a share endpoint) is a follow button.
const NETWORK_HOSTS: &[&str] = &[
    "facebook.com",
    "twitter.com",
    "x.com",
    "instagram.com",
    "youtube.com",
    "linkedin.com",
    "pinterest.com",
    "tiktok.com",
    "threads.net",
    "bsky.app",
    "t.me",
    "whatsapp.com",
    "reddit.com",
    "tumblr.com",
    "flipboard.com",
    "mastodon.social",
    "snapchat.com",
    "vk.com",
];

/// Words that make a control's label a share action, in English and the languages most pages
/// are written in ("Teilen", "Partager", "Compartir", "シェアする", "ツイート", "分享", "공유").
static SHARE_WORDS: WordList = WordList::new(&[
    "compartilhar",
    "compartir",
    "condividi",
    "delen",
    "partager",
    "partilhar",
    "repost",
    "retweet",
    "share",
    "sharing",
    "teilen",
    "tweet",
    "udostępnij",
    "シェア",
    "シェアする",
    "ツイート",
    "分享",
    "공유",
]);

/// Network names: a short control labelled with one of them, inside a group of share controls, is a
/// share button ("Facebook", "WhatsApp", "Email" icons).
static NETWORK_WORDS: WordList = WordList::new(&[
    "bluesky",
    "email",
    "facebook",
    "flipboard",
    "hackernews",
    "line",
    "linkedin",
    "mail",
    "mastodon",
    "messenger",
    "pinterest",
    "pocket",
    "print",
    "reddit",
    "sms",
    "telegram",
    "threads",
    "tumblr",
    "twitter",
    "vk",
    "whatsapp",
    "x",
    "xing",
]);

/// Class words of share widgets and their buttons.
pub static CLASS_WORDS: WordList = WordList::new(&[
    "addthis",
    "addtoany",
    "fbpopup",
    "followus",
    "likebox",
    "share",
    "shareaholic",
    "sharebar",
    "sharebox",
    "sharebuttons",
    "sharedaddy",
    "sharelinks",
    "shares",
    "sharethis",
    "sharetools",
    "shariff",
    "sharing",
    "social",
    "sociallinks",
    "socials",
    "socialshare",
]);

/// Longest own text (non-blank characters outside controls) of a share bar: a caption such as
/// "Share this article" or a share count, never a paragraph.
pub const BAR_MAX_OWN_TEXT: u32 = 40;

/// Own text (outside controls) a single share control's wrapper may have: a "Share" caption.
const SINGLE_MAX_OWN_TEXT: u32 = 12;

/// True for a share widget: a share control (with its wrapper), or a group of share or follow
/// controls with nothing else but a short caption, icons and counts.
pub fn is_bar(_n: NodeRef, s: &Stat) -> bool {
    let own_text = s.text - s.link_text;
    let widgets = s.share + s.social;
    if s.share == 0 && s.social < FOLLOW_MIN
        || s.headings > 0 && own_text > HEADING_CAPTION_MAX
        || s.prose > 0
        || s.media > widgets
    {
        return false;
    }
    if s.controls <= 1 {
        return s.share == 1 && own_text <= SINGLE_MAX_OWN_TEXT;
    }
    widgets >= 2 && widgets * 2 >= s.controls && own_text <= BAR_MAX_OWN_TEXT
}

/// A heading inside a share bar is its caption ("Share this:"), never a headline.
const HEADING_CAPTION_MAX: u32 = 15;

/// Follow links (to network profiles) that make a group a social widget without any share control:
/// a row of network icons, not a single "our Twitter" link in a text.
const FOLLOW_MIN: u16 = 3;

/// True for a link to a share endpoint, including `mailto:?subject=` links and WhatsApp's app URL.
/// A share-by-mail link leaves the recipient to the reader; a `mailto:` with an address is the
/// author's contact link, even with a subject filled in.
pub fn is_share_url(href: &str) -> bool {
    let h = href.trim();
    if starts_with_ignore_case(h, "mailto:") {
        let (to, query) =
            h["mailto:".len()..].split_once('?').unwrap_or((&h["mailto:".len()..], ""));
        return to.trim().is_empty()
            && query.as_bytes().windows(8).any(|w| w.eq_ignore_ascii_case(b"subject="));
    }
    if starts_with_ignore_case(h, "whatsapp://send") {
        return true;
    }
    hosts::split(h).is_some_and(|(host, rest)| {
        ENDPOINTS.iter().any(|(domain, path)| {
            hosts::is_or_under(host, domain) && starts_with_ignore_case(rest, path)
        })
    })
}

/// True for a link to a social network's own pages (a profile: a follow button).
pub fn is_profile_url(href: &str) -> bool {
    let Some((host, _)) = hosts::split(href) else { return false };
    if !(starts_with_ignore_case(href.trim(), "https://")
        || starts_with_ignore_case(href.trim(), "http://"))
    {
        return false;
    }
    let host = host.strip_prefix("www.").unwrap_or(host);
    NETWORK_HOSTS.iter().any(|n| host.eq_ignore_ascii_case(n))
}

/// Longest visible label of a control that can still be a share button ("Share on WhatsApp").
const CONTROL_LABEL_MAX: usize = 40;

/// True when a control (a link, a button or a `role=button` element) shares: a link to a share
/// endpoint, or a control whose label, `aria-label`, `title` or class names a share action, a
/// copy-link action or a share attribute.
pub fn is_share_control(n: NodeRef) -> bool {
    if n.attr("href").is_some_and(is_share_url) {
        return !is_quote_to_share(n);
    }
    if n.attrs().any(|(k, _)| {
        k.len() > 5
            && k.as_bytes()[..5].eq_ignore_ascii_case(b"data-")
            && words(&k[5..]).next().is_some_and(|w| is_one_of(w, &["share", "social", "network"]))
    }) {
        return true;
    }
    // Past this point the signals are words, and a link in the middle of a sentence is the
    // sentence's ("the usage share of web browsers", a link titled "Tree line"), not a button.
    named_share(n) && !in_running_text(n)
}

/// Visible characters (blanks left out) of a share link's label from which the label is a
/// sentence: a quote the page offers to post ("click to tweet"), part of the article.
const QUOTE_MIN_CHARS: u32 = 50;

/// True for a share link whose visible label is a sentence of the article, not a button's words.
fn is_quote_to_share(n: NodeRef) -> bool {
    non_blank(&n.text_cow()) >= QUOTE_MIN_CHARS
}

/// True when the control's labels, class or visible label name a share action.
fn named_share(n: NodeRef) -> bool {
    let labels = [n.attr("aria-label"), n.attr("title"), n.attr("data-tooltip")];
    if labels.iter().flatten().any(|l| names_share(l, true)) {
        return true;
    }
    if any_word_listed(n.class(), &CLASS_WORDS) {
        return true;
    }
    // The visible label, for controls small enough to be a button.
    let end = n.last_descendant().id().0;
    if end - n.id().0 > 8 {
        return false;
    }
    // Indented markup puts lines of blanks around the label; they are no part of it.
    let text = n.text_cow();
    let label = text.trim();
    label.chars().count() <= CONTROL_LABEL_MAX && names_share(label, false)
}

/// Words of the parent's own text that make a control part of a sentence, not counting share
/// and network words ("Share this story:" before a bar's first button has two).
const SENTENCE_WORDS: usize = 3;

/// True when the text around `n`, in its parent's own text nodes, reads as a sentence.
fn in_running_text(n: NodeRef) -> bool {
    n.parent().is_some_and(|p| {
        p.children()
            .filter(|c| c.is_text())
            .flat_map(|c| words(c.text()))
            .filter(|w| !SHARE_WORDS.has(w) && !NETWORK_WORDS.has(w))
            .nth(SENTENCE_WORDS - 1)
            .is_some()
    })
}

/// A label that names a share action ("Share", "Share on Facebook", "Copy link", "Tweet"); with
/// `network_alone`, a bare network name counts too (icon buttons labelled "Facebook").
///
/// One pass over the words: this runs for the label of every link of a page, and searching the
/// label again for each two-word action was a sixth of classification (callgrind, all corpus
/// pages).
fn names_share(label: &str, network_alone: bool) -> bool {
    let mut count = 0;
    let mut network = false;
    let mut prev = "";
    for w in words(label) {
        count += 1;
        if SHARE_WORDS.has(w)
            || SHARE_ACTIONS
                .iter()
                .any(|(a, b)| prev.eq_ignore_ascii_case(a) && w.eq_ignore_ascii_case(b))
        {
            return true;
        }
        network |= NETWORK_WORDS.has(w);
        prev = w;
    }
    network_alone && network && count <= 3
}

/// Two-word share actions.
const SHARE_ACTIONS: &[(&str, &str)] =
    &[("copy", "link"), ("copy", "url"), ("email", "this"), ("pin", "it")];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::Tag;

    #[test]
    fn endpoints() {
        assert!(is_share_url("https://www.facebook.com/sharer/sharer.php?u=x"));
        assert!(is_share_url("mailto:?subject=Hello&body=x"));
        assert!(is_share_url("https://X.com/intent/tweet?url=x"));
        assert!(!is_share_url("mailto:editor@example.com"));
        assert!(!is_share_url("mailto:editor@example.com?subject=Your%20story"));
        assert!(!is_share_url("https://www.facebook.com/cna"));
        assert!(is_share_url("//wa.me/?text=x"));
        assert!(is_share_url("whatsapp://send?text=x"));
        assert!(is_share_url("mailto:?SUBJECT=x"));
        assert!(!is_share_url("https://netflix.com/intent/watch"));
        assert!(!is_share_url("https://example.com/x.com/intent/tweet"));
        assert!(is_profile_url("https://www.facebook.com/cna"));
        assert!(!is_profile_url("https://example.com/facebook.com"));
    }

    #[test]
    fn links_in_sentences_are_not_buttons() {
        let snap = crate::dom::html::parse(
            "<p>Firefox had a usage <a href=/wiki/Share title='Usage share of web browsers'>share</a> of 30% \
             above the <a href=/wiki/Tree_line title='Tree line'>high alpine</a> zone.</p>\
             <div>Share this story: <a href=/s title=Facebook>f</a> <a href=/t title=Twitter>t</a></div>\
             <cite><a href=/trends>\"Market Share Trends\"</a>. <i>Counter</i>. Web Services LLC.</cite>",
        )
        .unwrap();
        let share: Vec<bool> = snap.iter().filter(|n| n.is(Tag::A)).map(is_share_control).collect();
        assert_eq!(share, [false, false, true, true, false]);
    }

    #[test]
    fn a_quote_offered_for_sharing_is_no_button() {
        let snap = crate::dom::html::parse(
            "<a href='https://twitter.com/share?text=x'><span>Every online business exists in the space-time continuum.</span>\
             <span>Click To Tweet</span></a><a href='https://twitter.com/share?text=x'>Share on Twitter</a>",
        )
        .unwrap();
        let share: Vec<bool> = snap.iter().filter(|n| n.is(Tag::A)).map(is_share_control).collect();
        assert_eq!(share, [false, true]);
    }

    #[test]
    fn indented_labels_in_other_languages() {
        let indent = format!("\n{}", " ".repeat(52));
        let snap = crate::dom::html::parse(&format!(
            "<ul><li><a href=/r/1>{indent}<div><span>ツイート</span></div>{indent}</a></li>\
             <li><a href=/r/2>{indent}<span>Teilen</span>{indent}</a></li></ul>"
        ))
        .unwrap();
        assert!(snap.iter().filter(|n| n.is(Tag::A)).all(is_share_control));
    }

    #[test]
    fn labels() {
        assert!(names_share("Share on WhatsApp", false));
        assert!(names_share("Copy link", false));
        assert!(names_share("Teilen", false) && names_share("Partager sur Facebook", false));
        assert!(names_share("シェアする", false) && names_share("ツイート", false));
        assert!(names_share("Facebook", true));
        assert!(!names_share("Facebook", false));
        assert!(!names_share("Read the full report on our website", true));
    }
}
