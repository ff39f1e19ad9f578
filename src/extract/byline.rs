//! Bylines: who wrote the article, without "By", job titles after a comma are kept, dates and
//! "Updated ..." are not.

use super::words;
use crate::dom::NodeRef;

/// A byline longer than this is a paragraph that happens to mention an author.
pub const MAX_BYLINE_CHARS: usize = 100;

/// True when the element is the page's byline (`rel=author`, `itemprop=author`, class/id words).
pub fn is_byline_node(n: NodeRef) -> bool {
    let by_attr = n.attr("rel") == Some("author") || n.attr("itemprop").is_some_and(|v| v.contains("author"));
    if !by_attr && !words::any_in(&words::class_and_id(n), words::BYLINE) {
        return false;
    }
    let len = n.text_content().trim().chars().count();
    len > 0 && len < MAX_BYLINE_CHARS
}

/// The byline text of a byline element: its `itemprop=name` part when it has one.
pub fn node_text(n: NodeRef) -> String {
    let named = n.descendants().skip(1).find(|d| d.attr("itemprop").is_some_and(|v| v.contains("name")));
    super::collapse_text(&named.unwrap_or(n).text_content())
}

/// Words that introduce a byline ("By Jane Doe", "Von ...", "Par ...").
const BY: &[&str] = &["by", "written by", "posted by", "von", "par", "por", "door", "di", "av", "av:", "by:"];
/// Words that start the date part of a byline.
const DATE_WORDS: &[&str] = &[
    "updated", "published", "posted", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
    "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "today", "yesterday",
];

/// "By Jane Doe | March 3, 2024" -> "Jane Doe". `None` when nothing name-like is left.
pub fn clean(raw: &str) -> Option<String> {
    let mut s = super::collapse_text(raw);
    let lower = s.to_lowercase();
    for by in BY {
        if let Some(rest) = lower.strip_prefix(by) {
            if rest.starts_with(' ') || rest.starts_with(':') {
                s = s[by.len()..].trim_start_matches([':', ' ']).to_owned();
                break;
            }
        }
    }
    // Cut at the first separator whose remainder is a date.
    for sep in [" | ", " - ", " – ", " — ", " · ", " • ", " on ", ", updated", " updated", "\u{a0}"] {
        if let Some(i) = s.to_lowercase().find(sep) {
            let rest = s[i + sep.len()..].to_lowercase();
            if looks_like_date(&rest) || sep.contains("updated") {
                s.truncate(i);
            }
        }
    }
    let s = s.trim().trim_end_matches([',', '|', '-', '·', ' ']).trim().to_owned();
    (!s.is_empty() && s.chars().count() <= MAX_BYLINE_CHARS && !looks_like_date(&s.to_lowercase())).then_some(s)
}

fn looks_like_date(s: &str) -> bool {
    let s = s.trim();
    let first = s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (digits >= 4 && s.chars().take(3).any(|c| c.is_ascii_digit()))
        || (DATE_WORDS.iter().any(|w| first.starts_with(w) && first.len() <= 9) && (digits > 0 || first == "updated" || first == "published"))
}
