//! An independent check that reader HTML is inert and well formed.
//!
//! Independent on purpose: it does not trust the renderer's own allow-list code path. It parses
//! the HTML again with html5ever (a browser-grade parser, so it sees what a browser would build)
//! and then checks every element and attribute of the result:
//! - elements: the reader's allow-list plus the document skeleton, in the HTML or MathML
//!   namespace only (SVG can carry script);
//! - attributes: the allow-list only (so no `on*` handler, `style`, `srcdoc`, `formaction`...);
//! - `href`/`src`: after removing what browsers ignore in URLs, only http(s), mailto, `#fragment`
//!   and raster `data:image/...`.
//!
//! Well formed means the parser builds exactly the tree that was written: the same elements in
//! the same nesting (no end tag was missing, no element was moved or closed early) and the same
//! text, modulo whitespace (a parser drops a newline that starts a `<pre>`).

use declutter::dom::{self, Namespace, NodeRef, Snapshot};
use declutter::render::{RNode, ALLOWED_ATTRS, ALLOWED_TAGS};

/// Elements the document around the article may add (`render::to_html`).
const SKELETON: &[&str] = &["html", "head", "body", "title", "meta"];

/// Parses `html` and checks that every element, attribute and URL in it is allowed.
pub fn inert(html: &str) -> Result<Snapshot, String> {
    let snap = dom::html::parse(html).map_err(|e| format!("reparse failed: {e}"))?;
    for n in snap.iter().filter(|n| n.is_element()) {
        check_element(n)?;
    }
    Ok(snap)
}

fn check_element(n: NodeRef) -> Result<(), String> {
    let name = n.name();
    match n.namespace() {
        Namespace::Html | Namespace::MathMl => {}
        other => return Err(format!("<{name}> in namespace {other:?}")),
    }
    if !ALLOWED_TAGS.contains(&name) && !SKELETON.contains(&name) {
        return Err(format!("element <{name}> is not allowed"));
    }
    for (attr, value) in n.attrs() {
        let allowed = ALLOWED_ATTRS.contains(&attr) || (name == "meta" && attr == "charset");
        if !allowed {
            return Err(format!("attribute {attr}={value:?} on <{name}> is not allowed"));
        }
        if (attr == "href" || attr == "src") && !safe_url(attr, value) {
            return Err(format!("{attr}={value:?} on <{name}> is not a safe URL"));
        }
    }
    Ok(())
}

/// True when a browser would not run anything for this URL.
pub fn safe_url(attr: &str, value: &str) -> bool {
    // Browsers strip leading/trailing C0 controls and spaces and remove tabs and newlines anywhere.
    let v: String = value
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase();
    let web = ["http:", "https:"].iter().any(|s| v.starts_with(s));
    match attr {
        "href" => web || v.starts_with("mailto:") || v.starts_with('#'),
        _ => {
            web || ["png", "jpeg", "jpg", "gif", "webp", "avif"].iter().any(|t| {
                v.starts_with(&format!("data:image/{t};"))
                    || v.starts_with(&format!("data:image/{t},"))
            })
        }
    }
}

/// Checks that `html` (from `render::to_html`) is inert and parses back into `tree`.
pub fn check_document(html: &str, tree: &RNode) -> Result<(), String> {
    let snap = inert(html)?;
    let body = snap.find(dom::Tag::Body).ok_or("no <body> after reparsing")?;
    let parsed = Shape::of_snapshot(body);
    let written = Shape::of_tree(tree);
    if parsed.elements != written.elements {
        let at = parsed.elements.iter().zip(&written.elements).position(|(a, b)| a != b);
        return Err(format!(
            "the parsed element tree differs from the written one (first difference at element {at:?}: \
             parsed {:?}, written {:?})",
            at.map(|i| &parsed.elements[i]),
            at.map(|i| &written.elements[i]),
        ));
    }
    if parsed.text != written.text {
        return Err(format!(
            "the parsed text differs: {:?} vs {:?}",
            clip(&parsed.text),
            clip(&written.text)
        ));
    }
    Ok(())
}

fn clip(s: &str) -> String {
    s.chars().take(200).collect()
}

/// Elements as (depth, name) in document order, and all text with whitespace collapsed.
#[derive(Default)]
struct Shape {
    elements: Vec<(usize, String)>,
    text: String,
}

impl Shape {
    /// Parsers drop NUL characters from text; whitespace differences do not count.
    fn push_text(&mut self, t: &str) {
        let t = t.replace('\0', "");
        for word in t.split(char::is_whitespace).filter(|w| !w.is_empty()) {
            if !self.text.is_empty() {
                self.text.push(' ');
            }
            self.text.push_str(word);
        }
    }

    /// The body's descendants, without recursion.
    fn of_snapshot(body: NodeRef) -> Shape {
        let mut shape = Shape::default();
        let base = body.ancestors().count();
        for n in body.descendants().skip(1) {
            if n.is_element() {
                shape.elements.push((n.ancestors().count() - base - 1, n.name().to_owned()));
            }
        }
        shape.push_text(&body.text_content());
        shape
    }

    fn of_tree(tree: &RNode) -> Shape {
        let mut shape = Shape::default();
        let mut text = String::new();
        let mut stack = vec![(tree, 0usize)];
        while let Some((node, depth)) = stack.pop() {
            match node {
                RNode::Text(t) => text.push_str(t),
                RNode::Element { tag, children, .. } => {
                    shape.elements.push((depth, (*tag).to_owned()));
                    stack.extend(children.iter().rev().map(|c| (c, depth + 1)));
                }
            }
        }
        shape.push_text(&text);
        shape
    }
}
