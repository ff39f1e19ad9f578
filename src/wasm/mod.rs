//! The JavaScript boundary: the only module that knows wasm_bindgen.
//!
//! One call does one whole job. The extension's walker (`extension/walk.js`) turns the live DOM
//! into the wire format ([`crate::dom::wire`]); [`analyze`] builds the snapshot, classifies
//! clutter and/or extracts and renders the article, and returns plain data. The extension applies
//! it (marks hidden elements, builds the overlay from the node tree). Keeping the page-touching
//! side in JavaScript means the very same result can come from this module running in the
//! content script or, on pages whose CSP forbids wasm there (Chrome), in the background worker.
//!
//! Errors become JS `Error`s here. A panic aborts the module (release builds use
//! `panic = "abort"`); the hook logs it to the console and the extension drops the instance and
//! starts a fresh one, so nothing surfaces as an uncaught page error.

use crate::clutter::{ClutterKind, Hidden};
use crate::dom::{self, Snapshot};
use crate::extract;
use crate::pipeline;
use crate::render::RNode;
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// What the caller wants done: `{url, clutter: [kinds], article, readerable}`, every field
/// optional.
#[derive(Default)]
struct Request {
    /// The page's address, for the article's links (the clutter-only module has no use for it).
    #[cfg_attr(not(feature = "reader"), allow(dead_code))]
    url: Option<String>,
    /// Kinds of clutter to hide; absent = none.
    clutter: Option<Vec<ClutterKind>>,
    /// Extract and render the article.
    article: bool,
    /// Without `article`: answer the quick "is there an article?" check (the toolbar badge).
    readerable: bool,
    /// The walker's index of the element a person picked as the article.
    #[cfg_attr(not(feature = "reader"), allow(dead_code))]
    root: Option<u32>,
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
        Ok(Request {
            url,
            clutter,
            article: flag("article")?,
            readerable: flag("readerable")?,
            root,
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
    let json = serde_json::to_string(&response).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("the answer is not JSON"))
}

fn run(snap: &Snapshot, request: &Request) -> Result<Response, JsError> {
    let kinds = request.clutter.as_deref().unwrap_or_default();
    let (hidden, article) = if request.article {
        let (hidden, article) = read(snap, request, kinds)?;
        (hidden, Some(article))
    } else {
        (pipeline::clutter(snap, kinds), None)
    };
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
        Some(Ok(tree)) => (Some(tree), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    Ok(Response { nodes: snap.len(), hidden, readerable, overlay, error })
}

/// The clutter and the article as the reader's node tree (or why there is none).
#[cfg(feature = "reader")]
fn read(
    snap: &Snapshot,
    request: &Request,
    kinds: &[ClutterKind],
) -> Result<(Vec<Hidden>, Result<RNode, String>), JsError> {
    let root = request.root.and_then(|r| snap.iter().find(|n| n.origin() == r)).map(|n| n.id());
    let options = extract::Options { url: request.url.clone(), root };
    let reading = pipeline::read_at(snap, options, kinds);
    let article =
        reading.article.map(|a| crate::render::article_tree(&a)).map_err(|e| e.to_string());
    Ok((reading.hidden, article))
}

/// The clutter-only module (automatic cleaning) has no extractor or renderer: the extension
/// loads the full module for the reader.
#[cfg(not(feature = "reader"))]
fn read(
    _: &Snapshot,
    _: &Request,
    _: &[ClutterKind],
) -> Result<(Vec<Hidden>, Result<RNode, String>), JsError> {
    Err(JsError::new("this module has no reader: the extension loads the full module for it"))
}
