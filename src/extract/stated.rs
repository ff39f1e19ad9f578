//! The main content a page's JSON-LD states, for a page whose DOM holds none of it: an app shell
//! that renders its posts from script, a shop page cloaked until its scripts run. The same text
//! is what search engines read: schema.org's `articleBody` of an article or forum posting with
//! its `comment`s, a Q&A page's question with its accepted and suggested answers, a product's
//! `description`. It becomes plain paragraphs, never markup: the text may hold the page's tags.

use super::json::Value;
use super::jsonld;
use super::{Block, Inline};
use crate::dom::Snapshot;

/// schema.org types, besides the article kinds, whose text is the page's main content.
const MAIN_TYPES: [&str; 3] = ["QAPage", "Question", "Product"];

/// How deep replies to replies are followed.
const MAX_REPLY_DEPTH: usize = 4;

/// Tags that end a line of the text; other tags are left out without a break.
const LINE_TAGS: &str = "p br div li ul ol tr pre blockquote dd dt h1 h2 h3 h4 h5 h6";

/// The blocks of the main content the page's JSON-LD states, in the order a reader reads them:
/// the post, then its answers (the accepted one first) or comments. In a thread each post opens
/// with its author's name as a small header. Empty when the page states none, or when it states
/// several products (a listing, not a product's page).
pub fn body(snap: &Snapshot) -> Vec<Block> {
    let scripts: Vec<Value> = jsonld::objects(snap).collect();
    let Some(mut main) = scripts.iter().find_map(|v| jsonld::find(v, 0, &is_main)) else {
        return Vec::new();
    };
    if let Some(question) = main.get("mainEntity").map(first).filter(|q| q.is_object()) {
        main = question;
    }
    let products: usize = scripts.iter().map(|v| count_products(v, 0)).sum();
    if jsonld::is_type(main.get("@type"), "Product") && products > 1 {
        return Vec::new();
    }
    let mut posts = Vec::new();
    collect(main, 0, &mut posts);
    let thread = posts.len() > 1;
    let mut out = Vec::new();
    for (author, text) in posts {
        if let Some(text) = author.filter(|_| thread) {
            out.push(Block::Heading { level: 6, content: vec![Inline::Text { text }] });
        }
        paragraphs(text, &mut out);
    }
    out
}

fn is_main(t: Option<&Value>) -> bool {
    jsonld::is_article(t) || MAIN_TYPES.iter().any(|m| jsonld::is_type(t, m))
}

/// Products the page's JSON-LD declares side by side.
pub fn products(snap: &Snapshot) -> usize {
    jsonld::objects(snap).map(|v| count_products(&v, 0)).sum()
}

/// Products a script declares side by side (in a list or a graph), not those nested in another
/// item's properties.
fn count_products(v: &Value, depth: usize) -> usize {
    match v {
        _ if depth > MAX_REPLY_DEPTH => 0,
        Value::Array(items) => items.iter().map(|i| count_products(i, depth + 1)).sum(),
        Value::Object(o) => {
            usize::from(jsonld::is_type(o.get("@type"), "Product"))
                + o.get("@graph").map_or(0, |g| count_products(g, depth + 1))
        }
        _ => 0,
    }
}

/// A value, or the first of a list of them.
fn first(v: &Value) -> &Value {
    match v {
        Value::Array(a) => a.first().unwrap_or(v),
        _ => v,
    }
}

/// The item's own post, then its answers and its comments with their replies, in order.
fn collect<'v>(item: &'v Value, depth: usize, posts: &mut Vec<(Option<String>, &'v str)>) {
    // A product's text is its description; an article's description is only its summary.
    let product = jsonld::is_type(item.get("@type"), "Product");
    let keys: &[&str] = if product { &["description"] } else { &["articleBody", "text"] };
    let text = keys.iter().find_map(|k| item.get(k)?.as_str());
    if let Some(text) = text {
        let author = item.get("author").map(first);
        let name = author.and_then(|a| jsonld::string(Some(a.get("name").unwrap_or(a))));
        posts.push((name, text));
    }
    if depth >= MAX_REPLY_DEPTH {
        return;
    }
    for key in ["acceptedAnswer", "suggestedAnswer", "comment"] {
        match item.get(key) {
            Some(Value::Array(replies)) => {
                replies.iter().for_each(|r| collect(r, depth + 1, posts))
            }
            Some(reply) => collect(reply, depth + 1, posts),
            None => {}
        }
    }
}

/// The text's lines as paragraphs: tags give line breaks or nothing, character references are
/// decoded, and whitespace runs collapse. A `<` that opens no tag (`x < 5`) is text.
fn paragraphs(text: &str, out: &mut Vec<Block>) {
    let mut plain = String::with_capacity(text.len());
    let mut tag = None;
    for (i, c) in text.char_indices() {
        match (tag, c) {
            (None, '<')
                if text[i + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/') =>
            {
                tag = Some(i + 1)
            }
            (None, c) => plain.push(c),
            (Some(start), '>') => {
                let name = text[start..i].trim_start_matches('/');
                let name = name.split([' ', '/', '\t', '\n']).next().unwrap_or("");
                if LINE_TAGS.split(' ').any(|l| l.eq_ignore_ascii_case(name)) {
                    plain.push('\n');
                }
                tag = None;
            }
            (Some(_), _) => {}
        }
    }
    if let Some(start) = tag {
        // Not a tag after all: it never closes.
        plain.push_str(&text[start - 1..]);
    }
    for line in plain.split('\n') {
        let text = super::collapse_text(&super::metadata::unescape(line));
        if !text.is_empty() {
            out.push(Block::Paragraph { content: vec![Inline::Text { text }] });
        }
    }
}
