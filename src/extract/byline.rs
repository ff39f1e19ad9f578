//! Bylines: who wrote the article, without "By", job titles after a comma are kept, dates and
//! "Updated ..." are not.

use super::class_words;
use crate::dom::NodeRef;

/// A byline longer than this is a paragraph that happens to mention an author.
pub const MAX_BYLINE_CHARS: usize = 100;

/// True when the element is the page's byline (`rel=author`, `itemprop=author`, class/id words).
pub fn is_byline_node(n: NodeRef) -> bool {
    let by_attr =
        n.attr("rel") == Some("author") || n.attr("itemprop").is_some_and(|v| v.contains("author"));
    if !by_attr && !class_words::BYLINE.found_in(&class_words::class_and_id(n)) {
        return false;
    }
    // Whitespace runs count once: markup indents a byline's parts over many lines.
    let len = super::collapse_text(&n.text_content()).chars().count();
    len > 0 && len < MAX_BYLINE_CHARS
}

/// The byline text of a byline element: its `itemprop=name` part when it has one.
pub fn node_text(n: NodeRef) -> String {
    let named =
        n.descendants().skip(1).find(|d| d.attr("itemprop").is_some_and(|v| v.contains("name")));
    super::collapse_text(&named.unwrap_or(n).text_content())
}

/// Words that introduce a byline ("By Jane Doe", "Von ...", "Par ...").
const BY: &[&str] =
    &["by", "written by", "posted by", "von", "par", "por", "door", "di", "av", "av:", "by:"];

/// "By Jane Doe | March 3, 2024" -> "Jane Doe". `None` when nothing name-like is left.
pub fn clean(raw: &str) -> Option<String> {
    let mut s = super::collapse_text(raw);
    // ASCII-only lowering keeps byte offsets valid in `s` (the words looked for are ASCII).
    let lower = s.to_ascii_lowercase();
    for by in BY {
        if let Some(rest) = lower.strip_prefix(by) {
            if rest.starts_with(' ') || rest.starts_with(':') {
                s = s[by.len()..].trim_start_matches([':', ' ']).to_owned();
                break;
            }
        }
    }
    // Cut where the date starts: a digit, a month name followed by a number, or "Updated".
    if let Some(i) = date_start(&s) {
        s.truncate(i);
    }
    let s = s.trim().trim_end_matches([',', '|', '-', '–', '—', '·', '•', ' ']).trim().to_owned();
    (!s.is_empty() && s.chars().count() <= MAX_BYLINE_CHARS).then_some(s)
}

/// Byte offset where a date begins in a byline, if one does (and something precedes it).
fn date_start(s: &str) -> Option<usize> {
    // ASCII-only lowering keeps byte offsets valid in `s` (the words looked for are ASCII).
    let lower = s.to_ascii_lowercase();
    // Names have no digits: the first one starts the date, even glued on ("Nolan22 Dec").
    let digit = lower.find(|c: char| c.is_ascii_digit()).filter(|i| *i > 0);
    let mut words = lower.char_indices().filter(|(i, c)| {
        c.is_alphanumeric() && (*i == 0 || !lower[..*i].ends_with(|p: char| p.is_alphanumeric()))
    });
    words
        .find_map(|(i, c)| {
            let word: String = lower[i..].chars().take_while(|c| c.is_alphabetic()).collect();
            let rest = lower[i + word.len()..].trim_start_matches(['.', ' ', ',']);
            // "Updated ...", "Last updated ...": a date line, even as the whole byline.
            let label = DATE_LABELS.contains(&word.as_str())
                || (word == "last" && DATE_LABELS.iter().any(|l| rest.starts_with(l)));
            if label {
                return Some(i);
            }
            if i == 0 {
                return None;
            }
            if c.is_ascii_digit() {
                return Some(i);
            }
            let month = MONTHS.iter().any(|m| word.len() >= 3 && m.starts_with(word.as_str()));
            (month && rest.starts_with(|c: char| c.is_ascii_digit())).then_some(i)
        })
        .into_iter()
        .chain(digit)
        .min()
}

/// Words that label a date ("Updated 3 May").
const DATE_LABELS: &[&str] = &["updated", "published", "posted", "modified"];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
