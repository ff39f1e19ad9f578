//! The article's title: from metadata when the page states it, else from `<title>` with the site's
//! name cut off, checked against the page's own headings so that a headline containing " - " or
//! ": " is never shortened.

use super::metadata::{PageMeta, TITLE_KEYS};
use crate::dom::{Snapshot, Tag};

/// Separators between a headline and the site name in `<title>`.
const SEPARATORS: &[&str] =
    &[" | ", " - ", " – ", " — ", " \\ ", " / ", " > ", " » ", " · ", " :: "];
/// Separators that mark a path (`Site > Section > Story`) rather than "story - site".
const HIERARCHICAL: &[&str] = &[" \\ ", " / ", " > ", " » "];
/// Titles shorter or longer than this (characters) are suspect; a lone `<h1>` is used instead.
const MIN_TITLE_CHARS: usize = 15;
const MAX_TITLE_CHARS: usize = 150;
/// A cut that leaves fewer words than this cut the wrong end.
const MIN_TITLE_WORDS: usize = 3;
/// Word overlap above which two strings are the same title.
pub const SAME_TITLE: f32 = 0.75;

/// Share of `b`'s words (by length) that also occur in `a`: 1 = same words, 0 = none shared.
pub fn similarity(a: &str, b: &str) -> f32 {
    let words = |s: &str| -> Vec<String> {
        super::class_words::alnum_words(&super::class_words::lower(s)).map(str::to_owned).collect()
    };
    let (ta, tb) = (words(a), words(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let unique: Vec<&str> = tb.iter().filter(|w| !ta.contains(w)).map(String::as_str).collect();
    let total = tb.join(" ").chars().count() as f32;
    1.0 - unique.join(" ").chars().count() as f32 / total
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// The text of the first `<title>`.
pub fn document_title(snap: &Snapshot) -> String {
    snap.find(Tag::Title).map(|t| super::collapse_text(&t.text_content())).unwrap_or_default()
}

/// Headline texts of `h1`/`h2` elements (for checking cuts of the document title).
fn headings(snap: &Snapshot) -> impl Iterator<Item = String> + '_ {
    snap.iter()
        .filter(|n| n.is(Tag::H1) || n.is(Tag::H2))
        .map(|n| super::collapse_text(&n.text_content()))
}

/// The title from `<title>` alone: the site name cut off where there is one.
pub fn from_document(snap: &Snapshot) -> String {
    let orig = document_title(snap);
    let mut cur = orig.clone();
    let seps: Vec<(usize, &str)> = SEPARATORS.iter().flat_map(|s| orig.match_indices(s)).collect();
    let mut hierarchical = false;
    if !seps.is_empty() {
        // A heading that shows the whole title says the separator belongs to the headline.
        if headings(snap).any(|h| h == orig) {
            return orig;
        }
        hierarchical = seps.iter().any(|(_, s)| HIERARCHICAL.contains(s));
        let last = seps.iter().map(|(i, _)| *i).max().unwrap_or(0);
        cur = orig[..last].to_owned();
        if word_count(&cur) < MIN_TITLE_WORDS {
            let first = seps.iter().min_by_key(|(i, _)| *i).map(|(i, s)| i + s.len()).unwrap_or(0);
            cur = orig[first..].to_owned();
        }
    } else if let Some(colon) = orig.find(": ") {
        if !headings(snap).any(|h| h == orig) {
            let after_last = &orig[orig.rfind(':').unwrap_or(colon) + 1..];
            cur = after_last.to_owned();
            if word_count(&cur) < MIN_TITLE_WORDS {
                cur = orig[colon + 1..].to_owned();
            } else if word_count(&orig[..colon]) > 5 {
                cur = orig.clone();
            }
        }
    } else if orig.chars().count() > MAX_TITLE_CHARS || orig.chars().count() < MIN_TITLE_CHARS {
        let h1s: Vec<_> = snap.iter().filter(|n| n.is(Tag::H1)).take(2).collect();
        if h1s.len() == 1 {
            cur = super::collapse_text(&h1s[0].text_content());
        }
    }
    let mut cur = super::collapse_text(&cur);
    // A cut that only kept part of the page's own headline: the headline is the title.
    if let Some(h) = headings(snap)
        .filter(|h| h.len() > cur.len() && h.contains(cur.as_str()) && orig.contains(h.as_str()))
        .max_by_key(|h| h.len())
    {
        cur = h;
    }
    let stripped: String = orig.chars().filter(|c| !"|-\\/>»".contains(*c)).collect();
    if word_count(&cur) <= 4 && (!hierarchical || word_count(&cur) != word_count(&stripped) - 1) {
        return orig;
    }
    cur
}

/// The article title: JSON-LD, then meta tags, then `<title>`; a trailing or leading site name
/// is removed when it matches the site's name.
pub fn title(snap: &Snapshot, meta: &PageMeta, site: Option<&str>) -> String {
    let json = &meta.json;
    let from_json = match (&json.name, &json.headline) {
        (Some(name), Some(headline)) if name != headline => {
            let doc = from_document(snap);
            if similarity(headline, &doc) > SAME_TITLE && similarity(name, &doc) <= SAME_TITLE {
                Some(headline.clone())
            } else {
                Some(name.clone())
            }
        }
        (Some(t), _) | (None, Some(t)) => Some(t.clone()),
        _ => None,
    };
    let t = from_json
        .or_else(|| meta.meta.first(TITLE_KEYS).map(str::to_owned))
        .unwrap_or_else(|| from_document(snap));
    let t = super::collapse_text(&t);
    match site {
        Some(site) => strip_site(&t, site),
        None => t,
    }
}

/// "Headline | Site" -> "Headline" when "Site" is the site's name (compared loosely).
fn strip_site(title: &str, site: &str) -> String {
    let key = |s: &str| {
        super::class_words::lower(&s.chars().filter(|c| c.is_alphanumeric()).collect::<String>())
    };
    let site_key = key(site);
    if site_key.is_empty() {
        return title.to_owned();
    }
    for sep in SEPARATORS {
        if let Some(i) = title.rfind(sep) {
            let (head, tail) = (&title[..i], &title[i + sep.len()..]);
            if key(tail) == site_key && word_count(head) >= 1 {
                return head.trim().to_owned();
            }
        }
        if let Some(i) = title.find(sep) {
            let (head, tail) = (&title[..i], &title[i + sep.len()..]);
            if key(head) == site_key && word_count(tail) >= 1 {
                return tail.trim().to_owned();
            }
        }
    }
    title.to_owned()
}
