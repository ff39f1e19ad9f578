//! Page metadata: `<meta>` tags (OpenGraph, Twitter cards, Dublin Core, `name=author`...), merged
//! with JSON-LD, in the order of trust readers have settled on: JSON-LD first, then Dublin Core,
//! then OpenGraph, then the plain names and Twitter's.

use super::jsonld::JsonLd;
use crate::dom::{Snapshot, Tag};

/// `<meta>` values by normalised key (`og:title`, `dc:creator`, `author`, `parsely-pub-date`).
#[derive(Default)]
pub struct Meta {
    values: Vec<(String, String)>,
}

impl Meta {
    pub fn read(snap: &Snapshot) -> Meta {
        let mut m = Meta::default();
        for n in snap.iter().filter(|n| n.is(Tag::Meta)) {
            let Some(content) = n.attr("content").map(str::trim).filter(|c| !c.is_empty()) else {
                continue;
            };
            // `property` may list several keys ("og:title twitter:title").
            for key in n.attr("property").unwrap_or("").split_whitespace() {
                m.push(key.to_ascii_lowercase(), content);
            }
            for attr in ["name", "itemprop"] {
                if let Some(name) = n.attr(attr) {
                    let key: String = name
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .collect::<String>()
                        .to_ascii_lowercase();
                    // `article:*` is OpenGraph's, valid as a property only (pages that put it in
                    // `name` are seen to leave it stale).
                    if !key.starts_with("article:") {
                        m.push(key.replace('.', ":"), content);
                    }
                }
            }
        }
        m
    }

    /// A later tag overrides an earlier one with the same key (as in Readability, whose results
    /// readers know), except for images, where the first is the page's main one.
    fn push(&mut self, key: String, content: &str) {
        match self.values.iter_mut().find(|(k, _)| *k == key) {
            Some(_) if IMAGE_KEYS.contains(&key.as_str()) => {}
            Some((_, v)) => *v = unescape(content),
            None => self.values.push((key, unescape(content))),
        }
    }

    /// The first of `keys` that the page has.
    pub fn first(&self, keys: &[&str]) -> Option<&str> {
        keys.iter()
            .find_map(|k| self.values.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str()))
    }
}

/// Keys in order of trust, per field.
pub const TITLE_KEYS: &[&str] = &[
    "dc:title",
    "dcterm:title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
];
pub const AUTHOR_KEYS: &[&str] = &[
    "dc:creator",
    "dcterm:creator",
    "author",
    "parsely-author",
    "article:author",
    "og:article:author",
];
pub const DESCRIPTION_KEYS: &[&str] = &[
    "dc:description",
    "dcterm:description",
    "og:description",
    "weibo:article:description",
    "weibo:webpage:description",
    "description",
    "twitter:description",
];
pub const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "parsely-pub-date",
    "datepublished",
    "og:article:published_time",
    "dc:date:issued",
    "dcterms:created",
];
pub const IMAGE_KEYS: &[&str] =
    &["og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"];

/// Everything known about the page before its body is read.
pub struct PageMeta {
    pub json: JsonLd,
    pub meta: Meta,
}

impl PageMeta {
    pub fn read(snap: &Snapshot) -> PageMeta {
        PageMeta { json: super::jsonld::read(snap), meta: Meta::read(snap) }
    }

    /// Authors from JSON-LD or meta tags (never a profile URL), joined by ", ".
    pub fn byline(&self) -> Option<String> {
        let names: Vec<&str> =
            self.json.authors.iter().map(String::as_str).filter(|a| !is_url(a)).collect();
        if !names.is_empty() {
            return Some(names.join(", "));
        }
        AUTHOR_KEYS
            .iter()
            .find_map(|k| self.meta.first(&[k]).filter(|v| !is_url(v)))
            .map(str::to_owned)
    }

    pub fn excerpt(&self) -> Option<String> {
        self.json
            .description
            .clone()
            .or_else(|| self.meta.first(DESCRIPTION_KEYS).map(str::to_owned))
    }

    pub fn site_name(&self) -> Option<String> {
        self.json
            .publisher
            .clone()
            .or_else(|| self.meta.first(&["og:site_name"]).map(str::to_owned))
    }

    pub fn published(&self) -> Option<String> {
        self.json
            .date_published
            .clone()
            .or_else(|| self.meta.first(PUBLISHED_KEYS).map(str::to_owned))
    }

    pub fn image(&self) -> Option<String> {
        self.meta.first(IMAGE_KEYS).map(str::to_owned).or_else(|| self.json.image.clone())
    }
}

fn is_url(s: &str) -> bool {
    let l = s.trim_start().to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://") || l.starts_with("www.")
}

/// Longest character reference looked at, `&` to `;` (`&#x0000000041;` is still an `A`).
const MAX_REFERENCE: usize = 32;

/// Decodes the character references that survive in JSON-LD and double-escaped meta content.
pub fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(';').map(|j| j + 1).filter(|j| *j <= MAX_REFERENCE);
        let decoded = end.and_then(|j| {
            let ent = &rest[1..j];
            let c = match ent {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => {
                    let num = ent.strip_prefix('#')?;
                    let (digits, radix) = match num.strip_prefix(['x', 'X']) {
                        Some(h) => (h, 16),
                        None => (num, 10),
                    };
                    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
                        return None;
                    }
                    // Invalid and too large code points read as the replacement character, as
                    // browsers do.
                    let code = u32::from_str_radix(digits, radix).unwrap_or(u32::MAX);
                    Some(char::from_u32(code).filter(|c| *c != '\0').unwrap_or('\u{FFFD}'))
                }
            };
            c.map(|c| (c, j + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
