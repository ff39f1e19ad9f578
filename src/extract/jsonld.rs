//! schema.org metadata from `<script type="application/ld+json">`: the most reliable source where
//! a page has it, because it is written for machines (search engines) rather than for layout.
//!
//! Accepts a single object, an array of objects and an `@graph`; the first object whose `@type`
//! is an article kind wins. Authors may be a string, an object or an array of either.

use crate::dom::{Snapshot, Tag};
use serde_json::Value;

/// What JSON-LD said about the article.
#[derive(Debug, Default)]
pub struct JsonLd {
    pub name: Option<String>,
    pub headline: Option<String>,
    pub authors: Vec<String>,
    pub description: Option<String>,
    pub publisher: Option<String>,
    pub date_published: Option<String>,
    pub image: Option<String>,
    /// What the page says about its people (a `Person`'s `description`, tags stripped): the
    /// author's bio, which the page also prints in a box under the story.
    pub bios: Vec<String>,
}

/// schema.org types that are an article (`NewsArticle`, `BlogPosting`, `ScholarlyArticle`...).
const ARTICLE_TYPES: &[&str] = &["Article", "Report", "Posting", "APIReference"];

pub fn read(snap: &Snapshot) -> JsonLd {
    let mut found: Option<JsonLd> = None;
    let mut bios = Vec::new();
    for n in snap.iter() {
        if !n.is(Tag::Script)
            || !n.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        {
            continue;
        }
        let text = n.text_content();
        let text = text.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>");
        let Ok(v) = serde_json::from_str::<Value>(text) else { continue };
        person_bios(&v, 0, &mut bios);
        if found.is_none() {
            found = find_article(&v, 0).map(from_object);
        }
    }
    JsonLd { bios, ..found.unwrap_or_default() }
}

/// Collects the descriptions of the `Person` objects in `v`, wherever they are (the article's
/// `author`, or a node of an `@graph`).
fn person_bios(v: &Value, depth: usize, out: &mut Vec<String>) {
    if depth > MAX_NESTING + 2 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| person_bios(i, depth + 1, out)),
        Value::Object(o) => {
            let person = match o.get("@type") {
                Some(Value::String(t)) => t == "Person",
                Some(Value::Array(a)) => a.iter().any(|t| t == "Person"),
                _ => false,
            };
            if let (true, Some(d)) = (person, string(o.get("description"))) {
                out.push(strip_tags(&d));
            }
            o.values().for_each(|x| person_bios(x, depth + 1, out));
        }
        _ => {}
    }
}

/// Text without its markup (`<p>Jane is ...</p>`), blanks collapsed.
fn strip_tags(s: &str) -> String {
    let mut text = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        text.push_str(&rest[..i]);
        text.push(' ');
        rest = rest[i..].find('>').map_or("", |j| &rest[i + j + 1..]);
    }
    text.push_str(rest);
    super::collapse_text(&text)
}

/// Nesting depth searched for an article object (arrays of graphs of arrays are seen in the wild).
const MAX_NESTING: usize = 4;

fn find_article(v: &Value, depth: usize) -> Option<&Value> {
    if depth > MAX_NESTING {
        return None;
    }
    match v {
        Value::Array(items) => items.iter().find_map(|i| find_article(i, depth + 1)),
        Value::Object(o) => {
            if is_article(o.get("@type")) {
                return Some(v);
            }
            o.get("@graph").and_then(|g| find_article(g, depth + 1))
        }
        _ => None,
    }
}

fn is_article(t: Option<&Value>) -> bool {
    match t {
        Some(Value::String(s)) => ARTICLE_TYPES.iter().any(|a| s.contains(a)),
        Some(Value::Array(a)) => a.iter().any(|x| is_article(Some(x))),
        _ => false,
    }
}

fn string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(super::metadata::unescape(s.trim())).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| string(Some(x))),
        _ => None,
    }
}

fn name_of(v: &Value) -> Option<String> {
    match v {
        // A bare string without a space is a user handle ("CC7567") more often than a name.
        Value::String(s) if !s.trim().contains(' ') => None,
        Value::String(_) => string(Some(v)),
        Value::Object(o) => string(o.get("name")),
        _ => None,
    }
}

fn from_object(v: &Value) -> JsonLd {
    let authors = match v.get("author").or_else(|| v.get("creator")) {
        Some(Value::Array(a)) => a.iter().filter_map(name_of).collect(),
        Some(x) => name_of(x).into_iter().collect(),
        None => Vec::new(),
    };
    let image = match v.get("image") {
        Some(Value::Object(o)) => string(o.get("url")),
        Some(Value::Array(a)) => a.first().and_then(|x| match x {
            Value::Object(o) => string(o.get("url")),
            _ => string(Some(x)),
        }),
        other => string(other),
    };
    JsonLd {
        name: string(v.get("name")),
        headline: string(v.get("headline")),
        authors,
        description: string(v.get("description")),
        publisher: v.get("publisher").and_then(name_of),
        date_published: string(v.get("datePublished")),
        image,
        bios: Vec::new(),
    }
}
