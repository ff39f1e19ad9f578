//! The JavaScript boundary: the only module that knows wasm_bindgen.
//!
//! One call does one whole job. The extension's walker (`extension/walk.js`) turns the live DOM
//! into the wire format ([`crate::dom::wire`]); [`analyze`] builds the snapshot, then classifies
//! clutter (the module built without `reader`, which automatic cleaning loads on every page) or
//! extracts and renders the article around the clutter that module found (the `reader` module,
//! loaded on the click: `extension/engine.js` asks both, so neither carries the other's code).
//! It returns plain data; the extension applies it (marks hidden elements, builds the overlay
//! from the node tree). Keeping the page-touching
//! side in JavaScript means the very same result can come from this module running in the
//! content script or, on pages whose CSP forbids wasm there (Chrome), in the background worker.
//!
//! Errors become JS `Error`s here. A panic aborts the module (release builds use
//! `panic = "abort"`); the hook logs it to the console and the extension drops the instance and
//! starts a fresh one, so nothing surfaces as an uncaught page error.

use crate::clutter::ClutterKind;
use crate::dom::{self, Snapshot};
use crate::extract;
use crate::render::RNode;
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// What the caller wants done: `{url, clutter: [kinds], article, readerable, root, exclude,
/// markdown, part, partLabel}`, every field optional.
#[derive(Default)]
struct Request {
    /// The page's address, for the article's links (the clutter-only module has no use for it).
    #[cfg_attr(not(feature = "reader"), allow(dead_code))]
    url: Option<String>,
    /// Kinds of clutter to hide; absent = none (the reader module classifies nothing).
    #[cfg_attr(feature = "reader", allow(dead_code))]
    clutter: Option<Vec<ClutterKind>>,
    /// Extract and render the article.
    article: bool,
    /// Without `article`: answer the quick "is there an article?" check (the toolbar badge).
    readerable: bool,
    /// The walker's index of the element a person picked as the article.
    #[cfg_attr(not(feature = "reader"), allow(dead_code))]
    root: Option<u32>,
    /// With `article`: the walker's indexes of the clutter the clutter-only module found, kept
    /// out of the article.
    #[cfg_attr(not(feature = "reader"), allow(dead_code))]
    exclude: Vec<u32>,
    /// With `article`: the article as Markdown too (the export module only).
    #[cfg_attr(not(feature = "markdown"), allow(dead_code))]
    markdown: bool,
    /// With `markdown`: this is a following page of a multi-page article, `part` (its number)
    /// with the label `partLabel` ("Page 2 of 4"): its Markdown goes under page one's.
    #[cfg_attr(not(feature = "markdown"), allow(dead_code))]
    part: Option<(u32, String)>,
}

impl Request {
    /// Reads the request object field by field. Not through serde: its error messages for
    /// mistyped fields format floats, and that code alone was ~14 KB of the wasm.
    fn read(value: &JsValue) -> Result<Request, JsError> {
        if value.is_undefined() || value.is_null() {
            return Ok(Request::default());
        }
        let field = |name: &str| {
            js_sys::Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
        };
        let flag = |name: &str| {
            let v = field(name);
            if v.is_undefined() || v.is_null() {
                Ok(false)
            } else {
                v.as_bool().ok_or_else(|| bad(name, "a boolean"))
            }
        };
        let url = field("url");
        let url = if url.is_undefined() || url.is_null() {
            None
        } else {
            Some(url.as_string().ok_or_else(|| bad("url", "a string"))?)
        };
        let kinds = field("clutter");
        let clutter = if kinds.is_undefined() || kinds.is_null() {
            None
        } else if js_sys::Array::is_array(&kinds) {
            // A kind this version does not know (settings synced from a newer one) is skipped.
            let names = js_sys::Array::from(&kinds);
            Some(
                names
                    .iter()
                    .filter_map(|k| k.as_string().and_then(|k| ClutterKind::from_name(&k)))
                    .collect(),
            )
        } else {
            return Err(bad("clutter", "a list of clutter kinds"));
        };
        let root = field("root");
        let root = if root.is_undefined() || root.is_null() {
            None
        } else {
            Some(root.as_f64().ok_or_else(|| bad("root", "a node index"))? as u32)
        };
        let exclude = field("exclude");
        let exclude = if exclude.is_undefined() || exclude.is_null() {
            Vec::new()
        } else if js_sys::Array::is_array(&exclude) {
            let list = js_sys::Array::from(&exclude);
            list.iter()
                .map(|i| i.as_f64().map(|i| i as u32))
                .collect::<Option<_>>()
                .ok_or_else(|| bad("exclude", "a list of node indexes"))?
        } else {
            return Err(bad("exclude", "a list of node indexes"));
        };
        // Only the export module writes Markdown; the content-script modules skip the field.
        #[cfg(feature = "markdown")]
        let part = match field("part") {
            p if p.is_undefined() || p.is_null() => None,
            p => Some((
                p.as_f64().ok_or_else(|| bad("part", "a page number"))? as u32,
                field("partLabel").as_string().ok_or_else(|| bad("partLabel", "a string"))?,
            )),
        };
        #[cfg(not(feature = "markdown"))]
        let part = None;
        Ok(Request {
            url,
            clutter,
            article: flag("article")?,
            readerable: flag("readerable")?,
            root,
            exclude,
            markdown: flag("markdown")?,
            part,
        })
    }
}

fn bad(field: &str, want: &str) -> JsError {
    JsError::new(&format!("bad request: `{field}` must be {want}"))
}

/// One hidden element: its index in the walker's node list and its kind.
#[derive(Serialize)]
struct HiddenOut {
    origin: u32,
    kind: &'static str,
    rule: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Response {
    nodes: usize,
    hidden: Vec<HiddenOut>,
    readerable: bool,
    /// The article as the reader's node tree (the `Article` itself is not sent: the extension
    /// only builds the overlay, and serialising both doubled the work and the code).
    overlay: Option<RNode>,
    /// The article as Markdown, when asked for (the export module only).
    #[cfg(feature = "markdown")]
    markdown: Option<String>,
    /// "no article found" when an article was asked for and none exists.
    error: Option<String>,
}

thread_local! {
    /// The walker's text, written by the browser's `TextEncoder.encodeInto` straight into this
    /// module's memory (see [`text_buffer`]) and taken by the next [`analyze`].
    static TEXT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// A view of `capacity` bytes of wasm memory for the walker's text, keeping the bytes already
/// written when called again with a larger capacity (the caller grows it when a page's text is not
/// all ASCII). The view is valid until the next call into this module.
///
/// Why not pass a string or bytes to [`analyze`]: wasm-bindgen copies a string's ASCII part one
/// character at a time in a JS loop (uncompiled on the first call: ~7 ms of a cold run on ars-1),
/// and `TextEncoder.encode` allocates a fresh buffer that is then copied in again; `encodeInto`
/// this view was twice as fast as `encode` alone on 19 corpus pages (Chromium 156).
#[wasm_bindgen]
pub fn text_buffer(capacity: usize) -> js_sys::Uint8Array {
    TEXT.with_borrow_mut(|text| {
        text.resize(capacity, 0);
        // The vector's initialised bytes, seen from JavaScript; it is neither moved nor resized
        // until the caller's next call into this module, as the doc above requires.
        let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
        let start = text.as_ptr() as u32;
        js_sys::Uint8Array::new(&memory.buffer()).subarray(start, start + capacity as u32)
    })
}

/// Builds the snapshot from a walker's output and runs what `request` asks for.
///
/// `text_len` is how many bytes of UTF-8 the caller wrote into [`text_buffer`] (the walker's
/// string buffer).
#[wasm_bindgen]
pub fn analyze(ops: &[u32], text_len: usize, request: JsValue) -> Result<JsValue, JsError> {
    let mut text = TEXT.take();
    if text_len > text.len() {
        return Err(JsError::new("the text is longer than its buffer"));
    }
    text.truncate(text_len);
    let text = String::from_utf8(text).map_err(|_| JsError::new("the text buffer is not UTF-8"))?;
    let request = Request::read(&request)?;
    let snap = dom::wire::decode(ops, text).map_err(|e| JsError::new(&e.to_string()))?;
    let response = run(&snap, &request)?;
    // One JSON string and the browser's native JSON.parse, not a JS object built field by field
    // through serde-wasm-bindgen: that made one boundary call per field of the overlay tree
    // (several ms on article pages in a CDP profile) and its code weighed in the wasm.
    // Writing these types cannot fail; the error's own message is not kept, because formatting
    // serde_json's errors (io's among them) weighed in the module.
    let json = serde_json::to_string(&response)
        .map_err(|_| JsError::new("the answer could not be written as JSON"))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("the answer is not JSON"))
}

fn run(snap: &Snapshot, request: &Request) -> Result<Response, JsError> {
    let (hidden, article) = decide(snap, request)?;
    let hidden = hidden
        .into_iter()
        .map(|h| HiddenOut {
            origin: snap.node(h.node).origin(),
            kind: h.kind.as_str(),
            rule: h.rule.as_str(),
        })
        .collect();
    let readerable = match &article {
        Some(a) => a.is_ok(),
        None => request.readerable && extract::readerable(snap),
    };
    let (overlay, error) = match article {
        Some(Ok(reading)) => (Some(reading), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    #[cfg(feature = "markdown")]
    let (overlay, markdown) = match overlay {
        Some(Reading { tree, markdown }) => (Some(tree), markdown),
        None => (None, None),
    };
    #[cfg(not(feature = "markdown"))]
    let overlay = overlay.map(|r| r.tree);
    Ok(Response {
        nodes: snap.len(),
        hidden,
        readerable,
        overlay,
        #[cfg(feature = "markdown")]
        markdown,
        error,
    })
}

/// The hidden elements and the article (`None` when none was asked for).
type Decisions = (Vec<crate::clutter::Hidden>, Option<Result<Reading, String>>);

/// The article as the reader shows it, and as Markdown when the export module is asked for it.
struct Reading {
    tree: RNode,
    #[cfg(feature = "markdown")]
    markdown: Option<String>,
}

/// The article as the reader's node tree (or why there is none), around the clutter the
/// clutter-only module found.
#[cfg(feature = "reader")]
fn decide(snap: &Snapshot, request: &Request) -> Result<Decisions, JsError> {
    if !request.article {
        return Err(JsError::new("this module reads articles: clutter is the clutter module's"));
    }
    let root = request.root.and_then(|r| snap.iter().find(|n| n.origin() == r)).map(|n| n.id());
    // Marked by walker index, not sorted and searched by halves: no sort's code in the module.
    // The root's origin is u32::MAX (no walker node): it sizes no table.
    let len = snap.iter().filter_map(|n| n.origin().checked_add(1)).max().unwrap_or(0);
    let mut excluded = vec![false; len as usize];
    for &i in &request.exclude {
        if let Some(x) = excluded.get_mut(i as usize) {
            *x = true;
        }
    }
    let exclude: Vec<dom::NodeId> = snap
        .iter()
        .filter(|n| excluded.get(n.origin() as usize) == Some(&true))
        .map(|n| n.id())
        .collect();
    let options = extract::Options { url: request.url.clone(), root };
    let article = extract::extract_excluding(snap, &options, &exclude)
        .map(|a| Reading {
            tree: crate::render::article_tree(&a),
            #[cfg(feature = "markdown")]
            markdown: request.markdown.then(|| match &request.part {
                Some((n, label)) => crate::render::to_markdown_part(&a, *n, label),
                None => crate::render::to_markdown(&a),
            }),
        })
        .map_err(|e| e.to_string());
    Ok((Vec::new(), Some(article)))
}

/// The clutter of the asked kinds; the article is the reader module's.
#[cfg(not(feature = "reader"))]
fn decide(snap: &Snapshot, request: &Request) -> Result<Decisions, JsError> {
    if request.article {
        return Err(JsError::new(
            "this module has no reader: the extension loads the reader module",
        ));
    }
    let kinds = request.clutter.as_deref().unwrap_or_default();
    Ok((crate::pipeline::clutter(snap, kinds), None))
}
