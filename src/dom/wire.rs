//! The wire format between a document walker and the snapshot decoder.
//!
//! Why a format at all: crossing from JavaScript into wasm is the expensive part of reading a live
//! page (docs/performance.md: a per-node web-sys walk costs ~9x a bare JS walk, batched arrays and
//! one call ~2.2x). The extension's walker (`extension/walk.js`) therefore visits the live DOM once
//! and writes two things: a `u32` op stream and one string holding every name, value and text
//! back to back. The native html5ever builder writes the very same stream through [`Writer`], and
//! [`decode`] is the only code that builds a [`Snapshot`], so both hosts share one builder.
//!
//! Ops (all `u32`):
//! - `ELEMENT ns name_len attr_count (attr_name_len attr_value_len)*` opens an element; its
//!   children follow until the matching `END`.
//! - `END` closes the innermost open element.
//! - `TEXT len` is one text node.
//!
//! The string buffer crosses into wasm as UTF-8 bytes made by the browser's `TextEncoder` (see
//! `analyze` in src/wasm/mod.rs for why not as a JS string).
//!
//! Lengths count UTF-16 code units, because that is what JavaScript's `length` gives for free;
//! the decoder turns them into byte offsets. Strings are taken from the string buffer in order.
//! Comments, doctypes and processing instructions are not sent.
//!
//! What the decoder keeps (the same for every host, which is what makes them agree):
//! - under `<noscript>`, only the pictures and no text. A live page holds its content as raw
//!   text (scripting is on), so both hosts parse that text as a document without scripting and
//!   write its `img` and `picture` elements, in document order, each `picture` with its `source`
//!   and `img` children (an `img` whose parent is a `picture` only there), and only when the text
//!   holds `<img` (ASCII case-insensitive): `noscriptMedia` in the walker, `write_noscript_media`
//!   in [`super::html`]. Lazy loaders and image components put the real picture there
//!   (`<img data-src=...><noscript><img src=...></noscript>`), some pages nowhere else;
//!   extraction decides which twin shows;
//! - nothing under `<template>` (its content is a separate fragment);
//! - text under `<script>` only for JSON-LD (`type="application/ld+json"`), never under `<style>`;
//! - all attributes of every element.

use super::{Attr, Kind, Namespace, Node, Snapshot, Span, NONE};
use crate::charcount;
use thiserror::Error;

pub const ELEMENT: u32 = 1;
pub const END: u32 = 2;
pub const TEXT: u32 = 3;

/// Why a wire stream could not be decoded. Each variant means a walker bug or corrupted input.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum WireError {
    #[error("the op stream ends in the middle of an op")]
    Truncated,
    #[error("unknown op {0} at position {1}")]
    UnknownOp(u32, usize),
    #[error("a string length runs past the end of the string buffer")]
    StringOverrun,
    #[error("END without an open element at position {0}")]
    UnbalancedEnd(usize),
    #[error("page too large: more than {0} nodes")]
    TooManyNodes(usize),
    #[error("page too large: more than {0} bytes of text")]
    TooMuchText(usize),
}

/// Most nodes (elements and text) a snapshot may hold. Real pages stay far below (the Zyte
/// benchmark's largest is ~30,000); a page of 200,000 elements with their text (~400,000 nodes)
/// still fits and takes about half a second natively. Past this, the whole job (walk, copy,
/// analysis) would freeze a tab for seconds, so the extension stops early and says the page is too
/// large instead. `extension/walk.js` stops at the same number (a test checks they agree).
pub const MAX_NODES: usize = 500_000;

/// Most text (bytes of UTF-8, all strings of the stream together) a snapshot may hold: 32 MiB,
/// over a hundred times a long article page. The walker caps UTF-16 units at the same number; a
/// unit is 1 to 3 bytes, so non-ASCII text near the limit can pass the walker and be refused
/// here instead, with the same "page too large" message.
pub const MAX_TEXT_BYTES: usize = 32 << 20;

/// Reads strings from the buffer by UTF-16 length.
struct Strings<'a> {
    text: &'a str,
    pos: usize,
    ascii: bool,
}

impl<'a> Strings<'a> {
    fn take(&mut self, utf16_len: u32) -> Result<Span, WireError> {
        let start = self.pos;
        let bytes = if self.ascii {
            utf16_len as usize
        } else {
            charcount::utf16_prefix_len(&self.text[start..], utf16_len)
                .ok_or(WireError::StringOverrun)?
        };
        if bytes > self.text.len() - start {
            return Err(WireError::StringOverrun);
        }
        self.pos += bytes;
        Ok(Span { start: start as u32, end: self.pos as u32 })
    }
}

/// What the decoder does with the text inside the current element.
#[derive(Clone, Copy, PartialEq)]
enum Keep {
    All,
    /// Elements are kept, text is not (`<style>`, `<script>` other than JSON-LD, `<noscript>`).
    NoText,
    /// Nothing is kept (`<template>`), down to the matching END.
    Nothing,
}

/// Builds a snapshot from a wire stream. `text` becomes the snapshot's string table as is.
pub fn decode(ops: &[u32], text: String) -> Result<Snapshot, WireError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(WireError::TooMuchText(MAX_TEXT_BYTES));
    }
    let mut snap = Snapshot {
        nodes: Vec::with_capacity((ops.len() / 3 + 1).min(MAX_NODES)),
        attrs: Vec::new(),
        strings: String::new(),
    };
    snap.nodes.push(Node {
        origin: NONE,
        parent: NONE,
        first_child: NONE,
        last_child: NONE,
        next_sibling: NONE,
        prev_sibling: NONE,
        kind: Kind::Document,
    });
    let mut strings = Strings { ascii: text.is_ascii(), text: &text, pos: 0 };
    // The open elements, innermost last; `skip_depth` counts ELEMENTs opened inside a `Nothing`.
    let mut open: Vec<(u32, Keep)> = vec![(0, Keep::All)];
    let mut skip_depth = 0usize;
    // Counts ELEMENT and TEXT ops: the walker's node list has one entry per such op.
    let mut ordinal = 0u32;
    let mut i = 0usize;
    let next = |i: &mut usize| -> Result<u32, WireError> {
        let v = *ops.get(*i).ok_or(WireError::Truncated)?;
        *i += 1;
        Ok(v)
    };
    while i < ops.len() {
        let at = i;
        let op = next(&mut i)?;
        let (parent, keep) = *open.last().expect("the document is never closed");
        match op {
            ELEMENT => {
                let origin = ordinal;
                ordinal += 1;
                let ns = Namespace::from_wire(next(&mut i)?);
                let name = strings.take(next(&mut i)?)?;
                let count = next(&mut i)?;
                let attrs_start = snap.attrs.len() as u32;
                for _ in 0..count {
                    let name_len = next(&mut i)?;
                    let value_len = next(&mut i)?;
                    let name = strings.take(name_len)?;
                    let value = strings.take(value_len)?;
                    if skip_depth == 0 && keep != Keep::Nothing {
                        snap.attrs.push(Attr { name, value });
                    }
                }
                if skip_depth > 0 || keep == Keep::Nothing {
                    skip_depth += 1;
                    continue;
                }
                let name_str = &text[name.start as usize..name.end as usize];
                let tag = ns.tag_for(name_str);
                let attrs_end = snap.attrs.len() as u32;
                let attrs = &snap.attrs[attrs_start as usize..attrs_end as usize];
                let value_of = |key: &str| {
                    attrs
                        .iter()
                        .find(|a| {
                            text[a.name.start as usize..a.name.end as usize]
                                .eq_ignore_ascii_case(key)
                        })
                        .map_or(Span::default(), |a| a.value)
                };
                let (class, id_attr) = (value_of("class"), value_of("id"));
                let id = push(
                    &mut snap,
                    origin,
                    parent,
                    Kind::Element { tag, ns, name, attrs_start, attrs_end, class, id: id_attr },
                )?;
                let inner = match tag {
                    crate::dom::Tag::Template => Keep::Nothing,
                    crate::dom::Tag::Style | crate::dom::Tag::Noscript => Keep::NoText,
                    crate::dom::Tag::Script => {
                        let s = |span: Span| &text[span.start as usize..span.end as usize];
                        let is_json_ld =
                            snap.attrs[attrs_start as usize..attrs_end as usize].iter().any(|a| {
                                s(a.name).eq_ignore_ascii_case("type")
                                    && s(a.value).trim().eq_ignore_ascii_case("application/ld+json")
                            });
                        if is_json_ld {
                            Keep::All
                        } else {
                            Keep::NoText
                        }
                    }
                    _ => keep,
                };
                open.push((id, inner));
            }
            END => {
                if skip_depth > 0 {
                    skip_depth -= 1;
                } else if open.len() > 1 {
                    open.pop();
                } else {
                    return Err(WireError::UnbalancedEnd(at));
                }
            }
            TEXT => {
                let origin = ordinal;
                ordinal += 1;
                let span = strings.take(next(&mut i)?)?;
                if skip_depth == 0 && keep == Keep::All && span.end > span.start {
                    // Adjacent text (split by a dropped comment) merges, as in the DOM's text.
                    let last = snap.nodes[parent as usize].last_child;
                    let merged = last != NONE
                        && matches!(snap.nodes[last as usize].kind, Kind::Text(prev) if prev.end == span.start);
                    if merged {
                        if let Kind::Text(prev) = &mut snap.nodes[last as usize].kind {
                            prev.end = span.end;
                        }
                    } else {
                        push(&mut snap, origin, parent, Kind::Text(span))?;
                    }
                }
            }
            other => return Err(WireError::UnknownOp(other, at)),
        }
    }
    drop(open);
    snap.strings = text;
    Ok(snap)
}

fn push(snap: &mut Snapshot, origin: u32, parent: u32, kind: Kind) -> Result<u32, WireError> {
    if snap.nodes.len() >= MAX_NODES {
        return Err(WireError::TooManyNodes(MAX_NODES));
    }
    let id = snap.nodes.len() as u32;
    let prev = snap.nodes[parent as usize].last_child;
    snap.nodes.push(Node {
        origin,
        parent,
        first_child: NONE,
        last_child: NONE,
        next_sibling: NONE,
        prev_sibling: prev,
        kind,
    });
    if prev == NONE {
        snap.nodes[parent as usize].first_child = id;
    } else {
        snap.nodes[prev as usize].next_sibling = id;
    }
    snap.nodes[parent as usize].last_child = id;
    Ok(id)
}

/// Writes a wire stream from Rust (the native builder and tests use it).
#[derive(Default)]
pub struct Writer {
    pub ops: Vec<u32>,
    pub text: String,
}

impl Writer {
    fn string(&mut self, s: &str) -> u32 {
        self.text.push_str(s);
        if s.is_ascii() {
            s.len() as u32
        } else {
            s.encode_utf16().count() as u32
        }
    }

    /// Opens an element with its attributes.
    pub fn open<'s>(
        &mut self,
        ns: Namespace,
        name: &str,
        attrs: impl IntoIterator<Item = (&'s str, &'s str)>,
    ) {
        let name_len = self.string(name);
        let head = self.ops.len();
        self.ops.extend_from_slice(&[ELEMENT, ns as u32, name_len, 0]);
        let mut count = 0;
        for (n, v) in attrs {
            let nl = self.string(n);
            let vl = self.string(v);
            self.ops.extend_from_slice(&[nl, vl]);
            count += 1;
        }
        self.ops[head + 3] = count;
    }

    /// Closes the innermost open element.
    pub fn close(&mut self) {
        self.ops.push(END);
    }

    /// One text node.
    pub fn text(&mut self, s: &str) {
        let len = self.string(s);
        self.ops.extend_from_slice(&[TEXT, len]);
    }

    /// Decodes what was written.
    pub fn finish(self) -> Result<Snapshot, WireError> {
        decode(&self.ops, self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::Tag;

    #[test]
    fn builds_links_and_skips_hidden_content() {
        let mut w = Writer::default();
        w.open(Namespace::Html, "html", []);
        w.open(Namespace::Html, "body", [("class", "x y")]);
        w.text("héllo ");
        w.text("wörld");
        w.open(Namespace::Html, "noscript", []);
        w.open(Namespace::Html, "img", [("src", "a.png")]);
        w.close();
        w.text("enable JavaScript");
        w.close();
        w.open(Namespace::Html, "style", []);
        w.text("p{}");
        w.close();
        w.close();
        w.close();
        let snap = w.finish().unwrap();
        let body = snap.find(Tag::Body).unwrap();
        assert!(body.has_class("y") && !body.has_class("x y"));
        let kids: Vec<_> = body.children().collect();
        assert_eq!(kids.len(), 3, "merged text, noscript, style: {kids:?}");
        assert_eq!(kids[0].text(), "héllo wörld");
        assert!(kids[1].first_child().is_some_and(|i| i.is(Tag::Img)), "a noscript keeps its img");
        assert!(kids[2].first_child().is_none());
        assert_eq!(body.text_content(), "héllo wörld");
    }

    #[test]
    fn rejects_broken_streams() {
        assert_eq!(decode(&[END], String::new()).unwrap_err(), WireError::UnbalancedEnd(0));
        assert_eq!(decode(&[TEXT, 5], "abc".into()).unwrap_err(), WireError::StringOverrun);
        assert_eq!(decode(&[ELEMENT, 0], String::new()).unwrap_err(), WireError::Truncated);
        assert_eq!(decode(&[9], String::new()).unwrap_err(), WireError::UnknownOp(9, 0));
        // UTF-16 length 1 cannot cover half of a surrogate pair.
        assert_eq!(decode(&[TEXT, 1], "😀".into()).unwrap_err(), WireError::StringOverrun);
    }

    #[test]
    fn deep_nesting_needs_no_stack() {
        let mut w = Writer::default();
        for _ in 0..100_000 {
            w.open(Namespace::Html, "div", []);
        }
        w.text("deep");
        for _ in 0..100_000 {
            w.close();
        }
        let snap = w.finish().unwrap();
        assert_eq!(snap.root().text_content(), "deep");
        let leaf = snap.iter().find(|n| n.is_text()).unwrap();
        assert_eq!(leaf.ancestors().count(), 100_001);
        assert!(snap.root().contains(leaf));
    }
}
