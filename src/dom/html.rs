//! Native builder: HTML bytes -> wire stream -> [`Snapshot`], with html5ever.
//!
//! Bytes are decoded the way a browser would for a file it was handed without HTTP headers:
//! byte-order mark first; then UTF-8 when the bytes are valid UTF-8 and not all ASCII, whatever the
//! page declares (a page saved or re-encoded by a tool often keeps its old `<meta charset>`, and
//! legacy multi-byte text is almost never valid UTF-8 by chance); then a `<meta charset>` /
//! `http-equiv` declaration in the first 1024 bytes, then UTF-8 for valid UTF-8 (Chromium's and
//! Firefox's detectors both land there for such pages), and otherwise Firefox's detector (`chardetng`), which tells Shift_JIS,
//! GBK, windows-1251 and the other legacy encodings apart from the bytes themselves (a fixed
//! windows-1252 fallback turned every undeclared Japanese or Russian page into mojibake). Gzip input
//! (`1f 8b`) is inflated first, so corpus files can be read as they are stored.
//!
//! The parse runs with scripting disabled, as `DOMParser` does; `<noscript>` content is dropped by
//! the decoder either way, so live pages (scripting on) give the same snapshot. One exception: a
//! saved page whose only content is its `<noscript>` fallback (a script shell) is read with that
//! fallback as ordinary markup, as a live tab would show it once its script ran.
//! Likewise a page streamed by React's server renderer has its late parts moved into place
//! ([`super::streamed`]).

use super::shadow::{Children, FlatTree, ShadowSink};
use super::streamed;
use super::wire::{WireError, Writer};
use super::{Namespace, Snapshot};
use encoding_rs::{Encoding, UTF_8};
use html5ever::buffer_queue::BufferQueue;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{ns, LocalName, TokenizerResult};
use markup5ever_rcdom::{Handle, NodeData};
use std::cell::{Cell, RefCell};
use std::io::Read;
use thiserror::Error;

/// Why bytes could not become a snapshot.
#[derive(Debug, Error)]
pub enum InputError {
    #[error("the input is empty")]
    Empty,
    #[error("the input looks gzip-compressed but does not inflate: {0}")]
    Gzip(std::io::Error),
    #[error("the input is not a text document (it contains binary data)")]
    Binary,
    #[error(transparent)]
    Wire(#[from] WireError),
}

/// Parses a document from raw bytes (any encoding, optionally gzip-compressed).
pub fn parse_bytes(bytes: &[u8]) -> Result<Snapshot, InputError> {
    parse(&read_text(bytes)?)
}

/// The text of a document given as raw bytes: inflated if gzip, decoded as a browser would.
pub fn read_text(bytes: &[u8]) -> Result<String, InputError> {
    let inflated;
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes).read_to_end(&mut out).map_err(InputError::Gzip)?;
        inflated = out;
        &inflated[..]
    } else {
        bytes
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(InputError::Empty);
    }
    let text = decode(bytes);
    if looks_binary(&text) {
        return Err(InputError::Binary);
    }
    Ok(text)
}

/// Parses a document from text as a browser tab would: with scripting enabled, so `<noscript>`
/// holds raw text (the decoder drops it either way, but in `<head>` the flag also decides where
/// the body starts).
pub fn parse(html: &str) -> Result<Snapshot, InputError> {
    let sink = build(html, true);
    let mut w = Writer::default();
    if is_noscript_shell(&sink.dom.document) {
        let sink = build(html, false);
        streamed::complete(&sink.dom.document, html);
        write_tree(&sink.dom.document, &mut FlatTree::new(&sink), &mut w, true);
    } else {
        streamed::complete(&sink.dom.document, html);
        write_tree(&sink.dom.document, &mut FlatTree::new(&sink), &mut w, false);
    }
    Ok(w.finish()?)
}

fn build(html: &str, scripting_enabled: bool) -> ShadowSink {
    let opts = TreeBuilderOpts { scripting_enabled, ..TreeBuilderOpts::default() };
    let tree_builder = TreeBuilder::new(ShadowSink::default(), opts);
    let sink =
        DepthCap { inner: tree_builder, depth: Cell::new(0), dropped: RefCell::new(Vec::new()) };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // Other results only pause the tokenizer (for script execution, or to report a `<meta charset>`
    // after decoding is already settled); keep feeding until the input is used up.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    tokenizer.sink.inner.sink
}

/// Markup in `<noscript>` above which a page with no text of its own is a script shell whose
/// content is its fallback (a forum's or a shop's server-rendered view for crawlers), not a
/// "please enable JavaScript" line.
const NOSCRIPT_SHELL_MIN_BYTES: usize = 2000;
/// Visible characters of a shell's own, outside `<noscript>`: a header, a title, a loading line.
const NOSCRIPT_SHELL_MAX_TEXT: usize = 200;

/// True when the page's content is all in `<noscript>`: a saved copy of a page that builds itself
/// with script. A live tab runs the script and has the content in its DOM; a file read without
/// script has it only in the fallback, which is then read as ordinary markup.
fn is_noscript_shell(document: &Handle) -> bool {
    let (mut text, mut fallback) = (0usize, 0usize);
    let mut stack = vec![document.clone()];
    while let Some(node) = stack.pop() {
        match &node.data {
            NodeData::Element { name, .. } => {
                let local = &*name.local;
                if local == "noscript" {
                    for c in node.children.borrow().iter() {
                        if let NodeData::Text { contents } = &c.data {
                            fallback += contents.borrow().len();
                        }
                    }
                    continue;
                }
                if matches!(local, "script" | "style" | "template" | "head") {
                    continue;
                }
            }
            NodeData::Text { contents } => {
                text += contents.borrow().chars().filter(|c| !c.is_whitespace()).count();
                if text > NOSCRIPT_SHELL_MAX_TEXT {
                    return false;
                }
            }
            _ => {}
        }
        stack.extend(node.children.borrow().iter().cloned());
    }
    fallback >= NOSCRIPT_SHELL_MIN_BYTES
}

/// Deepest element nesting the parser builds; deeper start tags are dropped and their content
/// lands in the element at the limit. html5ever scans its stack of open elements for most tags, so
/// parse time grows with depth squared (a 100,000-deep page took a minute); browsers cap depth
/// for the same reason (Chromium at 512), and so do we.
const MAX_PARSE_DEPTH: usize = 512;

/// A token filter in front of the tree builder that enforces [`MAX_PARSE_DEPTH`]. It counts depth
/// from start and end tags, leaving out tags that close implicitly (`p`, `li`, ...) and void
/// elements, so ordinary pages with unclosed paragraphs never reach the limit.
struct DepthCap<S> {
    inner: S,
    depth: Cell<usize>,
    /// Names of dropped start tags, so their end tags are dropped too.
    dropped: RefCell<Vec<LocalName>>,
}

fn counts_for_depth(name: &LocalName) -> bool {
    !matches!(
        &**name,
        "p" | "li"
            | "dt"
            | "dd"
            | "option"
            | "optgroup"
            | "tr"
            | "td"
            | "th"
            | "tbody"
            | "thead"
            | "tfoot"
            | "colgroup"
            | "caption"
            | "rb"
            | "rt"
            | "rp"
            | "rtc"
            | "html"
            | "head"
            | "body"
            | "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

impl<S: TokenSink> TokenSink for DepthCap<S> {
    type Handle = S::Handle;

    fn process_token(&self, mut token: Token, line: u64) -> TokenSinkResult<S::Handle> {
        if let Token::TagToken(tag) = &mut token {
            shadow_mode_lowercase(tag);
            if counts_for_depth(&tag.name) && !tag.self_closing {
                match tag.kind {
                    TagKind::StartTag if self.depth.get() >= MAX_PARSE_DEPTH => {
                        self.dropped.borrow_mut().push(tag.name.clone());
                        return TokenSinkResult::Continue;
                    }
                    TagKind::StartTag => self.depth.set(self.depth.get() + 1),
                    TagKind::EndTag => {
                        let mut dropped = self.dropped.borrow_mut();
                        if dropped.last() == Some(&tag.name) {
                            dropped.pop();
                            return TokenSinkResult::Continue;
                        }
                        self.depth.set(self.depth.get().saturating_sub(1));
                    }
                }
            }
        }
        self.inner.process_token(token, line)
    }

    fn end(&self) {
        self.inner.end()
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner.adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Browsers read a template's `shadowrootmode` without regard to case (an enumerated attribute);
/// html5ever takes only "open" and "closed" as written, so the filter lowercases the value first.
fn shadow_mode_lowercase(tag: &mut html5ever::tokenizer::Tag) {
    if tag.kind == TagKind::StartTag && &*tag.name == "template" {
        for a in tag.attrs.iter_mut().filter(|a| &*a.name.local == "shadowrootmode") {
            a.value = StrTendril::from_slice(&a.value.to_ascii_lowercase());
        }
    }
}

/// Text as the browser would decode these bytes (see the module docs for the order).
pub fn decode(bytes: &[u8]) -> String {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return enc.decode_without_bom_handling(&bytes[bom_len..]).0.into_owned();
    }
    let utf8 = std::str::from_utf8(bytes).ok();
    if let Some(text) = utf8.filter(|t| !t.is_ascii()) {
        return text.to_owned();
    }
    let enc = prescan_charset(&bytes[..bytes.len().min(1024)]).unwrap_or_else(|| {
        if utf8.is_some() {
            UTF_8
        } else {
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(bytes, true);
            // No top-level domain hint (a file has none); `false`: UTF-8 was ruled out above.
            detector.guess(None, false)
        }
    });
    // A page that declares UTF-16 in ASCII-compatible bytes is lying; browsers use UTF-8 then.
    let enc = enc.output_encoding();
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

/// The encoding named by the first `<meta charset=...>` or `content="...; charset=..."`.
fn prescan_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..].iter().position(|&b| b == b'>').map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest =
                    rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
                let label_end = rest
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/' | b' ' | b'>'))
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..label_end]) {
                    return Some(enc);
                }
            }
        }
        from = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

/// Binary data decodes to many NULs and C0 controls; real pages have next to none.
fn looks_binary(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(4096).collect();
    let controls = sample
        .iter()
        .filter(|&&c| c == '\u{fffd}' || (c < ' ' && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')))
        .count();
    controls * 10 > sample.len()
}

/// Walks the rcdom tree in flat-tree order (shadow trees and slots as rendered, see
/// [`super::shadow`]) with an explicit stack (no recursion) and writes the wire stream.
/// `unwrap_noscript`: `<noscript>` elements are written as `<div>`s (see [`is_noscript_shell`]).
fn write_tree(document: &Handle, flat: &mut FlatTree, w: &mut Writer, unwrap_noscript: bool) {
    // Each entry: where a node's children come from and the index of the next child; the
    // document's entry (the first) closes nothing.
    let mut stack: Vec<(Children, usize)> = vec![(Children::Of(document.clone()), 0)];
    while let Some((children, index)) = stack.pop() {
        let child = match &children {
            Children::Of(node) => node.children.borrow().get(index).cloned(),
            Children::List(list) => list.get(index).cloned(),
        };
        let Some(child) = child else {
            if !stack.is_empty() {
                w.close();
            }
            continue;
        };
        stack.push((children, index + 1));
        match &child.data {
            NodeData::Element { name, attrs, .. } => {
                let ns = match name.ns {
                    ns!(html) => Namespace::Html,
                    ns!(svg) => Namespace::Svg,
                    ns!(mathml) => Namespace::MathMl,
                    _ => Namespace::Other,
                };
                let noscript = &*name.local == "noscript" && ns == Namespace::Html;
                let local = if unwrap_noscript && noscript { "div" } else { &name.local };
                open(w, ns, local, &attrs.borrow());
                if noscript && !unwrap_noscript {
                    write_noscript_media(&child, w);
                    w.close();
                } else {
                    stack.push((flat.children(&child), 0));
                }
            }
            NodeData::Text { contents } => w.text(&contents.borrow()),
            _ => {}
        }
    }
}

/// Opens an element with its attributes as a browser names them.
fn open(w: &mut Writer, ns: Namespace, local: &str, attrs: &[html5ever::Attribute]) {
    let qualified: Vec<(String, &str)> = attrs
        .iter()
        .map(|a| {
            // Browsers report `xlink:href` as one name; html5ever splits it.
            let n = match a.name.prefix.as_deref() {
                Some(p) if !p.is_empty() => format!("{p}:{}", &*a.name.local),
                _ => a.name.local.to_string(),
            };
            (n, &*a.value)
        })
        .collect();
    w.open(ns, local, qualified.iter().map(|(n, v)| (n.as_str(), *v)));
}

/// The pictures of a `<noscript>` whose content is raw text (the page was parsed with scripting
/// on, as a tab parses it), parsed out of that text exactly as the walker does (`noscriptMedia`
/// in extension/walk.js; the rule is in [`super::wire`]'s docs).
fn write_noscript_media(noscript: &Handle, w: &mut Writer) {
    let mut text = String::new();
    for c in noscript.children.borrow().iter() {
        if let NodeData::Text { contents } = &c.data {
            text.push_str(&contents.borrow());
        }
    }
    if !text.to_ascii_lowercase().contains("<img") {
        return;
    }
    let html = |n: &Handle, want: &[&str]| match &n.data {
        NodeData::Element { name, .. } => name.ns == ns!(html) && want.contains(&&*name.local),
        _ => false,
    };
    let dom = build(&text, false).dom;
    // (node, whether its parent is a `picture`), in document order.
    let mut stack = vec![(dom.document.clone(), false)];
    while let Some((node, in_picture)) = stack.pop() {
        let picture = html(&node, &["picture"]);
        if picture || (html(&node, &["img"]) && !in_picture) {
            write_element(&node, w);
            if picture {
                for c in node.children.borrow().iter().filter(|c| html(c, &["source", "img"])) {
                    write_element(c, w);
                    w.close();
                }
            }
            w.close();
        }
        stack.extend(node.children.borrow().iter().rev().map(|c| (c.clone(), picture)));
    }
}

fn write_element(node: &Handle, w: &mut Writer) {
    if let NodeData::Element { name, attrs, .. } = &node.data {
        open(w, Namespace::Html, &name.local, &attrs.borrow());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::Tag;

    #[test]
    fn sniffs_encodings_like_a_browser() {
        let latin = b"<meta charset=\"windows-1251\"><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
        assert!(decode(latin).contains("Привет"));
        assert!(decode("<p>caf\u{e9}</p>".as_bytes()).contains("café"));
        assert!(
            decode(b"<p>caf\xe9</p>").contains("café"),
            "undeclared Latin-1 bytes are detected"
        );
        let sjis = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"><p>\x93\xfa\x96\x7b</p>";
        assert!(decode(sjis).contains("日本"));
        assert!(decode(b"\xef\xbb\xbf<p>x</p>").starts_with("<p>"));
    }

    #[test]
    fn noscript_pictures_are_parsed_out_of_its_text() {
        let snap = parse(concat!(
            "<body><p>Words</p><noscript><figure><picture><source srcset='a.webp 2x'>",
            "<img src=a.jpg></picture><figcaption>Caption</figcaption></figure>",
            "<IMG SRC=b.jpg alt='B &amp; C'> Enable JavaScript</noscript>",
            "<noscript><iframe src=https://tracker.example/ns.html></iframe></noscript></body>",
        ))
        .unwrap();
        let mut noscripts = snap.iter().filter(|n| n.is(Tag::Noscript));
        let pictures = noscripts.next().unwrap();
        let tree = |n: crate::dom::NodeRef| {
            n.descendants().skip(1).map(|d| d.name().to_owned()).collect::<Vec<_>>().join(" ")
        };
        assert_eq!(tree(pictures), "picture source img img", "pictures only, no text");
        let b = pictures.element_children().last().unwrap();
        assert_eq!((b.attr("src"), b.attr("alt")), (Some("b.jpg"), Some("B & C")));
        assert_eq!(tree(noscripts.next().unwrap()), "", "no picture, nothing written");
    }

    #[test]
    fn a_script_shell_is_read_through_its_noscript_fallback() {
        let post = "<p>A reply in the thread, with enough words to be a post of its own.</p>";
        let shell = format!(
            "<body><div id=app>Loading</div><noscript><main><h1>Thread</h1>{}</main></noscript></body>",
            post.repeat(40)
        );
        let snap = parse(&shell).unwrap();
        assert!(snap.iter().any(|n| n.is(Tag::Main)), "the fallback's markup is read");
        let enable =
            "<body><div id=app></div><noscript>You need to enable JavaScript.</noscript></body>";
        let snap = parse(enable).unwrap();
        assert!(!snap.iter().any(|n| n.text().contains("enable")), "a short notice stays out");
        let page = format!(
            "<body><p>{}</p><noscript>{}</noscript></body>",
            "word ".repeat(60),
            post.repeat(40)
        );
        let snap = parse(&page).unwrap();
        assert!(
            !snap.iter().any(|n| n.text().contains("A reply")),
            "a page with text keeps it out"
        );
    }

    #[test]
    fn parses_gzip_and_rejects_garbage() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<title>T</title><p>Hello</p>").unwrap();
        let bytes = gz.finish().unwrap();
        let snap = parse_bytes(&bytes).unwrap();
        assert_eq!(snap.find(Tag::P).unwrap().text_content(), "Hello");
        assert!(matches!(parse_bytes(&bytes[..bytes.len() / 2]), Err(InputError::Gzip(_))));
        assert!(matches!(parse_bytes(b"  \n"), Err(InputError::Empty)));
        let garbage: Vec<u8> = (0..4000u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert!(matches!(parse_bytes(&garbage), Err(InputError::Binary)));
    }

    #[test]
    fn hundred_thousand_deep_page() {
        let html = format!("{}deep{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
        let snap = parse(&html).unwrap();
        assert_eq!(snap.find(Tag::Body).unwrap().text_content(), "deep");
        let depth = snap.iter().map(|n| n.ancestors().count()).max().unwrap();
        assert!(depth <= MAX_PARSE_DEPTH + 4, "depth {depth}");
    }
}
