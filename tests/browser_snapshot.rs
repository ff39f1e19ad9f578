//! Browser tests (`wasm-pack test --headless --chrome` / `--firefox`): the live snapshot, built by
//! the extension's own walker (`extension/walk.js`) in a real browser, equals the native html5ever
//! snapshot of the same page (shadow roots and slots included: both read the flat tree), and deep live trees do not overflow anything.
#![cfg(target_arch = "wasm32")]

use declutter::dom::{self, html, wire};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/extension/walk.js")]
extern "C" {
    fn walk(doc: &web_sys::Document, exclude: &JsValue) -> JsValue;
}

/// Real pages from the corpus sample (tests/corpus), of different shapes and encodings.
const PAGES: &[(&str, &[u8])] = &[
    ("lwn-1", include_bytes!("corpus/readability-test-pages/lwn-1/source.html")),
    ("herald-sun-1", include_bytes!("corpus/readability-test-pages/herald-sun-1/source.html")),
    ("mozilla-1", include_bytes!("corpus/readability-test-pages/mozilla-1/source.html")),
    ("wikipedia", include_bytes!("corpus/readability-test-pages/wikipedia/source.html")),
    ("mathjax", include_bytes!("corpus/readability-test-pages/mathjax/source.html")),
    ("cnet-svg-classes", include_bytes!("corpus/readability-test-pages/cnet-svg-classes/source.html")),
    ("rtl-1", include_bytes!("corpus/readability-test-pages/rtl-1/source.html")),
    // Declarative shadow roots, nested custom elements and slots: the flat tree on both sides.
    ("shadow-article", include_bytes!("fixtures/modern/shadow-article.html")),
    ("lazy-media", include_bytes!("fixtures/modern/lazy-media.html")),
    (
        "zyte-05844573",
        include_bytes!("corpus/article-extraction-benchmark/html/05844573ca7e1fba714d715bb11ca08c26e25328999c74a1cb3bc8a0e4399f0f.html.gz"),
    ),
];

/// Scripts must not run in the test page (they would change the DOM), but the parser must see
/// scripting as enabled, as in a real tab: a CSP `<meta>` does exactly that, and it also keeps
/// the page from waiting on the network (stylesheets, images). Both sides get the same text, so
/// its effect on the parse is the same.
const NO_SCRIPTS: &str = "<!DOCTYPE html><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">";

fn js_get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).expect("walker result field")
}

/// Loads `html` into a fresh iframe and resolves with its document once parsed.
async fn load(html: &str) -> (web_sys::HtmlIFrameElement, web_sys::Document) {
    let window = web_sys::window().unwrap();
    let document = window.document().unwrap();
    let frame: web_sys::HtmlIFrameElement =
        document.create_element("iframe").unwrap().dyn_into().unwrap();
    let loaded = js_sys::Promise::new(&mut |resolve, _| {
        frame.set_onload(Some(&resolve));
    });
    frame.set_srcdoc(html);
    document.body().unwrap().append_child(&frame).unwrap();
    wasm_bindgen_futures::JsFuture::from(loaded).await.unwrap();
    let doc = frame.content_document().expect("same-origin srcdoc frame");
    (frame, doc)
}

/// Lets the browser breathe between pages: the test driver polls the page and gives up when the
/// main thread stays busy for seconds.
async fn tick() {
    let sleep = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(sleep).await.unwrap();
}

fn live_snapshot(doc: &web_sys::Document) -> dom::Snapshot {
    let result = walk(doc, &JsValue::NULL);
    let ops = js_sys::Uint32Array::from(js_get(&result, "ops")).to_vec();
    let text = js_get(&result, "text").as_string().unwrap();
    wire::decode(&ops, text).expect("the walker writes valid wire streams")
}

#[wasm_bindgen_test]
async fn live_and_native_snapshots_are_equal() {
    for (name, bytes) in PAGES {
        let text = format!("{NO_SCRIPTS}{}", html::read_text(bytes).unwrap());
        let native = dom::dump(&html::parse(&text).unwrap());
        tick().await;
        let (frame, doc) = load(&text).await;
        let live = dom::dump(&live_snapshot(&doc));
        frame.remove();
        if native != live {
            let (n, (a, b)) = native
                .lines()
                .zip(live.lines())
                .enumerate()
                .find(|(_, (a, b))| a != b)
                .unwrap_or((0, ("<length differs>", "<length differs>")));
            panic!("{name}: snapshots differ at line {n}\n native: {a}\n   live: {b}");
        }
        assert!(native.lines().count() > 20, "{name}: a real page, not an empty one");
        tick().await;
    }
}

#[wasm_bindgen_test]
async fn hundred_thousand_deep_live_tree() {
    // A document without a window: nothing renders it, so only the walk and the decoder are
    // exercised (layout of such a tree is the browser's problem, not ours).
    let window_doc = web_sys::window().unwrap().document().unwrap();
    let doc = window_doc
        .implementation()
        .unwrap()
        .create_html_document_with_title("a deep page")
        .unwrap();
    let mut parent: web_sys::Element = doc.body().unwrap().into();
    for i in 0..100_000 {
        if i % 10_000 == 0 {
            tick().await;
        }
        let div = doc.create_element("div").unwrap();
        parent.append_child(&div).unwrap();
        parent = div;
    }
    parent.set_text_content(Some("deep"));
    tick().await;
    let snap = live_snapshot(&doc);
    let body = snap.find(dom::Tag::Body).unwrap();
    assert_eq!(body.text_content(), "deep");
    let leaf = snap.iter().find(|n| n.is_text() && n.text() == "deep").unwrap();
    let depth = leaf.ancestors().count();
    assert!(depth > 100_000, "depth {depth}, nodes {}", snap.len());
}
