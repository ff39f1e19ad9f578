//! [`Article`] -> the reader's node tree, and that tree as HTML or plain text; the article as
//! Markdown.
//!
//! The tree ([`RNode`]) is built from our own article types only, with tags and attributes from a
//! fixed allow-list and URLs checked by [`crate::url`]. The extension turns it into DOM nodes with
//! `createElement`/`createTextNode` (never `innerHTML`), and the CLI prints it with every string
//! escaped, so page markup can never become live markup in the reader.

mod markdown;
mod tree;

pub use markdown::{to_markdown, to_markdown_part};

pub use tree::{article_tree, RNode, ALLOWED_ATTRS, ALLOWED_TAGS};

use crate::dom::to_html_escape;
use crate::extract::Article;

/// The article as a standalone HTML document.
pub fn to_html(article: &Article) -> String {
    let mut out = String::from("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>");
    to_html_escape(&mut out, &article.title, false);
    out.push_str("</title></head><body>\n");
    write_node(&article_tree(article), &mut out);
    out.push_str("\n</body></html>\n");
    out
}

/// Serialises a node tree with every text and attribute value escaped.
pub fn write_node(node: &RNode, out: &mut String) {
    match node {
        RNode::Text(t) => to_html_escape(out, t, false),
        RNode::Element { tag, attrs, children } => {
            out.push('<');
            out.push_str(tag);
            for (k, v) in attrs {
                out.push(' ');
                out.push_str(k);
                out.push_str("=\"");
                to_html_escape(out, v, true);
                out.push('"');
            }
            out.push('>');
            if *tag == "img" || *tag == "br" || *tag == "hr" {
                return;
            }
            for c in children {
                write_node(c, out);
            }
            out.push_str("</");
            out.push_str(tag);
            out.push('>');
        }
    }
}

/// The article as plain text: title, then one block per paragraph separated by blank lines.
pub fn to_text(article: &Article) -> String {
    let mut out = String::new();
    out.push_str(&article.title);
    out.push_str("\n\n");
    for b in &article.body {
        let start = out.len();
        crate::extract::block_text(b, &mut out);
        if out.len() > start {
            out.push_str("\n\n");
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
