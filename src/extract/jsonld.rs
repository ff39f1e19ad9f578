//! schema.org metadata from `<script type="application/ld+json">`: the most reliable source where
//! a page has it, because it is written for machines (search engines) rather than for layout.
//!
//! Accepts a single object, an array of objects and an `@graph`; the first object whose `@type`
//! is an article kind wins. Authors may be a string, an object or an array of either.

use super::json::Value;
use crate::dom::{NodeRef, Snapshot, Tag};

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
    /// The authors' `description`s: their bios, which pages also print in a box under the story.
    pub bios: Vec<String>,
}

/// schema.org types that are an article (`NewsArticle`, `BlogPosting`, `ScholarlyArticle`...).
const ARTICLE_TYPES: &[&str] = &["Article", "Report", "Posting", "APIReference"];

/// True for a `<script type="application/ld+json">`.
fn is_ld_json(n: NodeRef) -> bool {
    n.is(Tag::Script)
        && n.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
}

/// True when `n` is JSON-LD that gives one of `types` (quoted, `"\"Product\""`) as a whole
/// `@type` value (`"@type": "Product"`), not as one of a list.
pub fn declares(n: NodeRef, types: &[&str]) -> bool {
    let Some(json) = n.first_child().filter(|_| is_ld_json(n)).map(|t| t.text()) else {
        return false;
    };
    types
        .iter()
        .any(|ty| json.match_indices(ty).any(|(at, _)| json[..at].trim_end().ends_with(':')))
}

pub fn read(snap: &Snapshot) -> JsonLd {
    objects(snap).find_map(|v| find(&v, 0, &is_article).map(from_object)).unwrap_or_default()
}

/// Each JSON-LD script of the page that parses, in document order.
pub fn objects(snap: &Snapshot) -> impl Iterator<Item = Value> + '_ {
    snap.iter().filter(|n| is_ld_json(*n)).filter_map(|n| {
        let text = n.text_content();
        let text = text.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>");
        super::json::parse(text)
    })
}

/// Nesting depth searched for an article object (arrays of graphs of arrays are seen in the wild).
const MAX_NESTING: usize = 4;

/// The first object whose `@type` passes `wanted`, in an array, an `@graph` or the value itself.
pub fn find<'v>(
    v: &'v Value,
    depth: usize,
    wanted: &impl Fn(Option<&Value>) -> bool,
) -> Option<&'v Value> {
    if depth > MAX_NESTING {
        return None;
    }
    match v {
        Value::Array(items) => items.iter().find_map(|i| find(i, depth + 1, wanted)),
        Value::Object(o) => {
            if wanted(o.get("@type")) {
                return Some(v);
            }
            o.get("@graph").and_then(|g| find(g, depth + 1, wanted))
        }
        _ => None,
    }
}

/// True when `@type` is `name`, alone or in a list.
pub fn is_type(t: Option<&Value>, name: &str) -> bool {
    match t {
        Some(Value::String(s)) => s == name,
        Some(Value::Array(a)) => a.iter().any(|x| is_type(Some(x), name)),
        _ => false,
    }
}

pub fn is_article(t: Option<&Value>) -> bool {
    match t {
        Some(Value::String(s)) => ARTICLE_TYPES.iter().any(|a| s.contains(a)),
        Some(Value::Array(a)) => a.iter().any(|x| is_article(Some(x))),
        _ => false,
    }
}

pub fn string(v: Option<&Value>) -> Option<String> {
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
    let people = match v.get("author").or_else(|| v.get("creator")) {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(x) => vec![x],
        None => Vec::new(),
    };
    let authors = people.iter().filter_map(|p| name_of(p)).collect();
    let bios = people.iter().filter_map(|p| string(p.get("description"))).collect();
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
        bios,
    }
}
