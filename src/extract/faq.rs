//! A FAQ a page marks up with schema.org (a service page's questions, written for search engines'
//! FAQ results): each entry is a question over a short answer, often set in links and accordion
//! boxes that cleaning reads as a link list. The marked FAQ is kept as it is:
//! - in microdata, the element whose `itemtype` is `FAQPage`;
//! - in JSON-LD, a `FAQPage`'s questions are named in the script; the FAQ is the smallest box
//!   holding the elements whose own text is those questions (two at least).
//!
//! Only a `FAQPage`: a Q&A thread's `Question` and `Answer` items are posts, cleaned as posts are.

use super::collapse_text;
use super::json::Value;
use crate::dom::{NodeRef, Snapshot, Tag};

/// Nesting searched for questions in a script (a graph of pages of lists of questions).
const MAX_NESTING: usize = 6;
/// Fewest questions found on the page for their box to be the FAQ.
const MIN_QUESTIONS: usize = 2;

/// True for an element that is a FAQ in microdata.
pub fn is_faq(n: NodeRef) -> bool {
    n.attr("itemtype").is_some_and(|t| t.trim_end().ends_with("/FAQPage"))
}

/// The box holding the questions a JSON-LD `FAQPage` names.
pub fn json_ld_faq(snap: &Snapshot) -> Option<NodeRef<'_>> {
    let mut questions = Vec::new();
    for n in snap.iter().filter(|n| n.is(Tag::Script)) {
        let Some(text) = n.first_child().map(|t| t.text()) else { continue };
        if text.contains("FAQPage") {
            if let Some(v) = super::json::parse(text.trim()) {
                collect(&v, 0, &mut questions);
            }
        }
    }
    if questions.len() < MIN_QUESTIONS {
        return None;
    }
    let mut found = 0;
    let mut common: Option<NodeRef> = None;
    for n in snap.iter().filter(|n| n.is_element() && !n.is(Tag::Script)) {
        // Its own text, not its subtree's: one pass over the page, whatever its depth.
        let own: String = n.children().filter(|c| c.is_text()).map(|c| c.text()).collect();
        if !own.trim().is_empty() && questions.contains(&collapse_text(&own)) {
            found += 1;
            common = Some(match common {
                None => n,
                Some(c) => std::iter::once(c).chain(c.ancestors()).find(|a| a.contains(n))?,
            });
        }
    }
    common.filter(|c| found >= MIN_QUESTIONS && !c.is(Tag::Body) && !c.is(Tag::Html))
}

/// The `name`s of every `Question` in a JSON-LD value.
fn collect(v: &Value, depth: usize, out: &mut Vec<String>) {
    if depth > MAX_NESTING {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect(i, depth + 1, out)),
        Value::Object(o) => {
            if o.get("@type").and_then(Value::as_str) == Some("Question") {
                if let Some(name) = o.get("name").and_then(Value::as_str) {
                    out.push(collapse_text(&super::metadata::unescape(name)));
                }
            }
            o.values().for_each(|x| collect(x, depth + 1, out));
        }
        _ => {}
    }
}
