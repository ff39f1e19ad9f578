//! Property tests (bounded, part of `cargo test`): for ANY input the pipeline gives a result or a
//! typed error, and the reader's HTML is inert and well formed (see `support::pipeline`). Inputs
//! come from three generators: HTML built from a grammar full of hostile pieces, raw bytes, and
//! raw wire streams (what a broken walker could send). Every input the fuzzer ever found is
//! replayed from `tests/fixtures/fuzz/`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use proptest::prelude::*;
use support::pipeline::{self, Outcome};

const TAGS: &[&str] = &[
    "p",
    "div",
    "article",
    "section",
    "main",
    "span",
    "a",
    "em",
    "strong",
    "h1",
    "h2",
    "ul",
    "li",
    "pre",
    "code",
    "blockquote",
    "figure",
    "figcaption",
    "img",
    "table",
    "tr",
    "td",
    "th",
    "math",
    "mi",
    "mrow",
    "semantics",
    "annotation-xml",
    "svg",
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "form",
    "input",
    "button",
    "nav",
    "aside",
    "footer",
    "header",
    "sup",
    "br",
    "base",
    "meta",
    "time",
];
const ATTRS: &[&str] = &[
    "class",
    "id",
    "href",
    "src",
    "srcset",
    "onerror",
    "onclick",
    "style",
    "srcdoc",
    "formaction",
    "action",
    "name",
    "type",
    "data-src",
    "xlink:href",
    "datetime",
    "lang",
    "dir",
    "colspan",
    "alt",
    "content",
];
const VALUES: &[&str] = &[
    "javascript:alert(1)",
    " java\tscript:x",
    "&#106;avascript:x",
    "vbscript:x",
    "data:text/html,<script>x</script>",
    "data:image/svg+xml,<svg onload=x>",
    "data:image/png;base64,iVBOR",
    "https://example.com/a.png",
    "/rel/p.jpg",
    "#note",
    "mailto:a@b.c",
    "content",
    "article-body",
    "ad-slot",
    "share",
    "newsletter",
    "comments",
    "x\"><script>x</script>",
    "application/ld+json",
    "2024-01-02",
    "ar",
    "rtl",
    "0",
    "99999",
];
const WORDS: &[&str] = &[
    "The harbour plan was discussed for hours, and residents asked many detailed questions.",
    "Engineers proposed a stepped embankment that doubles as a promenade in summer.",
    "<script>alert(1)</script>",
    "&lt;b&gt;",
    "日本語のテキスト",
    "نص عربي",
    "\u{0}",
    "\u{202e}",
    "&#0;",
    "Share",
    "Subscribe to our newsletter",
    "Advertisement",
    "Read more",
    "{\"@type\":\"NewsArticle\",\"headline\":\"H\"}",
];

/// HTML from the grammar: elements nest up to a few levels, with attributes and text from the
/// lists above (some of it unclosed or mis-nested on purpose: the parser repairs it like a browser).
fn html() -> impl Strategy<Value = String> {
    let leaf = prop::sample::select(WORDS).prop_map(str::to_owned);
    leaf.prop_recursive(5, 120, 6, |inner| {
        (
            prop::sample::select(TAGS),
            prop::collection::vec(
                (prop::sample::select(ATTRS), prop::sample::select(VALUES)),
                0..3,
            ),
            prop::collection::vec(inner, 0..6),
            any::<bool>(),
        )
            .prop_map(|(tag, attrs, children, close)| {
                let mut s = format!("<{tag}");
                for (k, v) in attrs {
                    s.push_str(&format!(" {k}=\"{v}\""));
                }
                s.push('>');
                s.extend(children);
                if close {
                    s.push_str(&format!("</{tag}>"));
                }
                s
            })
    })
    .prop_map(|body| {
        format!("<!DOCTYPE html><html><head><title>T</title></head><body>{body}</body></html>")
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn grammar_html_gives_a_checked_result(page in html()) {
        pipeline::html_bytes(page.as_bytes());
    }

    #[test]
    fn any_bytes_give_a_result_or_a_typed_error(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        pipeline::html_bytes(&bytes);
    }

    #[test]
    fn any_wire_stream_gives_a_result_or_a_typed_error(
        ops in prop::collection::vec(0u32..12, 0..400),
        text in "[a-z <>&é😀]{0,200}",
    ) {
        pipeline::wire_stream(&ops, text);
    }
}

#[test]
fn grammar_reaches_articles() {
    // The generator is useless if nothing it makes is an article: make sure some are.
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let articles = (0..200)
        .filter(|_| {
            pipeline::html_bytes(html().new_tree(&mut runner).unwrap().current().as_bytes())
                == Outcome::Article
        })
        .count();
    assert!(articles >= 10, "only {articles} of 200 generated pages had an article");
}

#[test]
fn fuzz_findings_stay_fixed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        // Each finding must run to the end (a panic is the failure).
        pipeline::html_bytes(&bytes);
        count += 1;
    }
    assert!(count > 0);
}
