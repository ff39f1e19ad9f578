//! Huge and deep input: no stack overflow, no hang, and past the caps a typed "page too large"
//! error instead of work. The deep cases go through the wire writer, i.e. the live-page path,
//! where no HTML parser limits depth (scripts can build any tree); they run on a test thread's
//! small (2 MiB) stack, so any recursion over the tree would crash them.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use declutter::dom::wire::{WireError, Writer, MAX_NODES, MAX_TEXT_BYTES};
use declutter::dom::Namespace;
use support::pipeline::{self, Outcome};

const PROSE: &str = "The harbour plan was discussed for hours, and residents asked many detailed questions about it. ";

/// A page of `rows` rows, each a div with a paragraph (with a link and emphasis): 4 elements and
/// 4 text nodes per row.
fn wide_page(rows: usize) -> String {
    let mut s = String::from(
        "<!DOCTYPE html><html><head><title>Big</title></head><body><article><h1>Big</h1>",
    );
    for i in 0..rows {
        s.push_str(&format!(
            "<div class=\"row\"><p>{i}: {PROSE}<a href=\"/x{i}\">link</a> <em>em</em></p></div>"
        ));
    }
    s.push_str("</article></body></html>");
    s
}

#[test]
fn two_hundred_thousand_elements_are_read() {
    let page = wide_page(40_000);
    assert_eq!(pipeline::html_bytes(page.as_bytes()), Outcome::Article);
}

#[test]
fn past_the_node_cap_the_page_is_too_large() {
    let page = wide_page(MAX_NODES / 8 + 1);
    match declutter::dom::html::parse(&page) {
        Err(declutter::dom::html::InputError::Wire(e)) => {
            assert_eq!(e, WireError::TooManyNodes(MAX_NODES));
            assert!(e.to_string().starts_with("page too large"), "{e}");
        }
        other => panic!("expected page too large, got {:?}", other.map(|s| s.len())),
    }
}

#[test]
fn past_the_text_cap_the_page_is_too_large() {
    let mut w = Writer::default();
    w.open(Namespace::Html, "p", []);
    w.text(&"x".repeat(MAX_TEXT_BYTES + 1));
    w.close();
    assert_eq!(w.finish().unwrap_err(), WireError::TooMuchText(MAX_TEXT_BYTES));
}

/// `depth` nested `tag`s around a paragraph of prose, inside an article.
fn deep(tag: &str, depth: usize) -> Writer {
    let mut w = Writer::default();
    for name in ["html", "body", "article"] {
        w.open(Namespace::Html, name, []);
    }
    for _ in 0..depth {
        w.open(Namespace::Html, tag, []);
    }
    w.open(Namespace::Html, "p", []);
    w.text(&PROSE.repeat(4));
    w.close();
    for _ in 0..depth + 3 {
        w.close();
    }
    w
}

#[test]
fn hundred_thousand_deep_blocks_and_inlines() {
    for tag in ["div", "em", "a", "blockquote", "li", "span", "math"] {
        let w = deep(tag, 100_000);
        let snap = w.finish().unwrap();
        let outcome = pipeline::snapshot(&snap);
        assert_ne!(outcome, Outcome::Rejected, "<{tag}> x 100,000");
    }
}

#[test]
fn hundred_thousand_deep_html_text() {
    let html =
        format!("<p>{}{}{}", "<em>".repeat(100_000), PROSE.repeat(3), "</em>".repeat(100_000));
    pipeline::html_bytes(html.as_bytes());
}
