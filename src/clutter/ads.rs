//! Ads: ad-network slots and iframes, ad-entity wrappers and sponsored content rails.

use super::hosts;
use super::whole_words::{is_one_of, words};
use super::Strength;
use crate::dom::{NodeRef, Tag};
use crate::wordlist::WordList;

/// Class and id words of ad slots, ad wrappers and sponsored-content rails.
static WORDS: WordList = WordList::new(&[
    "ad",
    "ads",
    "adsbygoogle",
    "adsense",
    "adthrive",
    "adv",
    "advert",
    "advertisement",
    "advertisements",
    "advertising",
    "adverts",
    "connatix",
    "dfp",
    "dianomi",
    "googlead",
    "googleads",
    "leaderboard",
    "ligatus",
    "mediavine",
    "mgid",
    "mpu",
    "nativo",
    "outbrain",
    "plista",
    "promoted",
    "pubexchange",
    "revcontent",
    "skyscraper",
    "sponsor",
    "sponsored",
    "taboola",
    "teads",
    "zergnet",
]);

/// Second halves of run-together words such as `adslot`, `adsbox`, `AdContainer` (the last one is
/// split by case, the others are not): `ad`/`ads` followed by one of these.
static SUFFIXES: WordList = WordList::new(&[
    "area",
    "banner",
    "block",
    "bottom",
    "box",
    "container",
    "content",
    "footer",
    "frame",
    "header",
    "holder",
    "inline",
    "label",
    "left",
    "mid",
    "middle",
    "placeholder",
    "placement",
    "rectangle",
    "region",
    "right",
    "side",
    "sidebar",
    "slot",
    "space",
    "spot",
    "square",
    "sticky",
    "tag",
    "top",
    "unit",
    "wrap",
    "wrapper",
    "zone",
]);

/// First halves of run-together words that end in `ad` or `ads` (`topad`, `rightads`, `googleads`).
static PREFIXES: WordList = WordList::new(&[
    "banner", "bottom", "display", "footer", "google", "header", "inline", "left", "mid", "native",
    "right", "side", "sticky", "text", "top", "video",
]);

/// Ad-network hosts whose iframes are ads (matched as the host or a parent domain of it).
const HOSTS: &[&str] = &[
    "doubleclick.net",
    "googlesyndication.com",
    "googleadservices.com",
    "amazon-adsystem.com",
    "adnxs.com",
    "taboola.com",
    "outbrain.com",
    "criteo.com",
    "criteo.net",
    "pubmatic.com",
    "rubiconproject.com",
    "openx.net",
    "adform.net",
    "smartadserver.com",
    "yieldmo.com",
    "media.net",
    "teads.tv",
    "moatads.com",
    "adsrvr.org",
    "zergnet.com",
    "revcontent.com",
    "mgid.com",
];

/// Id prefixes the common ad servers give their slots (Google Publisher Tag, AdSense, Prebid).
const ID_PREFIXES: &[&str] =
    &["div-gpt-ad", "google_ads_iframe", "aswift_", "gpt-ad", "dfp-ad", "taboola-", "outbrain_"];

/// True when a word names an ad (`ad`, `adslot`, `AdsBox`...).
pub fn is_ad_word(w: &str) -> bool {
    if WORDS.has(w) {
        return true;
    }
    let stem = w
        .strip_suffix("ads")
        .or_else(|| w.strip_suffix("Ads"))
        .or_else(|| w.strip_suffix("ad"))
        .or_else(|| w.strip_suffix("Ad"));
    if stem.is_some_and(|p| PREFIXES.has(p)) {
        return true;
    }
    let lower = w.len() > 2 && w.is_char_boundary(2) && w[..2].eq_ignore_ascii_case("ad");
    lower && {
        let rest = &w[2..];
        let rest = if rest.len() > 1 && rest.as_bytes()[0].eq_ignore_ascii_case(&b's') {
            &rest[1..]
        } else {
            rest
        };
        SUFFIXES.has(rest) || SUFFIXES.has(&w[2..])
    }
}

/// Ad signals other than class and id words.
pub fn detect(n: NodeRef) -> Option<Strength> {
    // AMP's elements are custom elements (`Tag::Other`): only their names are read (reading
    // every element's cost 5 M instructions, callgrind over all corpus pages).
    let amp =
        |name: &str| name.starts_with("amp-ad") || name == "amp-sticky-ad" || name == "amp-embed";
    if (n.is(Tag::Ins) && n.has_class("adsbygoogle")) || n.is(Tag::Other) && amp(n.name()) {
        return Some(Strength::Strong);
    }
    let id = n.id_attr();
    if ID_PREFIXES
        .iter()
        .any(|p| id.len() >= p.len() && id.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
    {
        return Some(Strength::Strong);
    }
    if n.is(Tag::Iframe) && n.attr("src").is_some_and(is_ad_host_url) {
        return Some(Strength::Strong);
    }
    if n.attr("aria-label").is_some_and(super::labels::is_ad_label) {
        return Some(Strength::Strong);
    }
    // One pass over the attributes; looking `data-google-query-id` up by name was a second pass
    // over every element's attributes (7 M instructions, callgrind over all corpus pages).
    let ad_attr = n.attrs().any(|(k, _)| {
        k.eq_ignore_ascii_case("data-google-query-id")
            || k.len() > 5 && k.as_bytes()[..5].eq_ignore_ascii_case(b"data-") && {
                // Byte compare: `k[..5]` panics on a non-ASCII attribute name (found by the fuzzer).
                let mut ws = words(&k[5..]);
                ws.next().is_some_and(|w| is_ad_word(w) && !w.eq_ignore_ascii_case("promoted"))
                    && ws.next().is_none_or(|w| {
                        is_one_of(
                            w,
                            &[
                                "slot", "unit", "client", "format", "position", "zone", "id",
                                "type", "size", "name", "path", "query", "google",
                            ],
                        )
                    })
            }
    });
    ad_attr.then_some(Strength::Weak)
}

fn is_ad_host_url(src: &str) -> bool {
    hosts::split(src).is_some_and(|(host, _)| HOSTS.iter().any(|h| hosts::is_or_under(host, h)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ad_words() {
        for w in [
            "ad",
            "ADS",
            "adslot",
            "AdsBox",
            "adContainer",
            "sponsored",
            "rightad",
            "adsquare",
            "topads",
        ] {
            assert!(is_ad_word(w), "{w}");
        }
        for w in [
            "address", "admin", "adobe", "advice", "header", "shadow", "load", "badge", "add",
            "read", "lead", "download", "instead",
        ] {
            assert!(!is_ad_word(w), "{w}");
        }
    }

    #[test]
    fn amp_slots() {
        let snap = crate::dom::html::parse(
            "<amp-ad type=x></amp-ad><amp-embed></amp-embed><amp-img></amp-img>",
        )
        .unwrap();
        let got: Vec<bool> = snap
            .iter()
            .filter(|n| n.name().starts_with("amp-"))
            .map(|n| detect(n).is_some())
            .collect();
        assert_eq!(got, [true, true, false]);
    }

    #[test]
    fn hosts() {
        assert!(is_ad_host_url("https://tpc.googlesyndication.com/safeframe/1"));
        assert!(!is_ad_host_url("https://notdoubleclick.net/x"));
        assert!(!is_ad_host_url("https://www.youtube.com/embed/x"));
    }
}
