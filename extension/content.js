// Content script: the page side of declutter.
//
//   walk(document) ──> engine.analyze(ops, text) ──> mark clutter: data-declutter-hidden=<kind>
//                                                └─> DeclutterOverlay.open(article tree)
//   close / undo  ──> overlay removed, our attributes removed, scroll and focus restored
//
// The engine is the wasm module, run here when the page's CSP allows it and in the background
// otherwise (Chrome refuses wasm in content scripts on pages without 'wasm-unsafe-eval'). Either
// way the result is plain data that this script applies. Page nodes are never removed or
// restyled: one attribute per hidden element, so React-style re-renders keep working and undo is
// exact.
import { describeEmbeds } from './embeds.js';
import { createDeclutterEngines } from './engine.js';
import { DeclutterOverlay } from './overlay.js';
import { DECLUTTER_HIDE_CSS, enabledKinds, loadDeclutterSettings } from './settings.js';
import { pageDom, walk, walkSubtrees } from './walk.js';

const HIDDEN_ATTR = 'data-declutter-hidden';

// MutationObserver budgets, as uBlock does: work in batches per animation frame, give each
// frame a few milliseconds, and stop watching pages that never stop inserting (feeds, tickers).
const FRAME_BUDGET_MS = 4; // a quarter of a 60 Hz frame
const BATCH_MAX_ELEMENTS = 500; // subtrees walked per frame at most
const WATCH_MAX_ELEMENTS = 50_000; // after this many inserted subtrees the observer stops

const page = {
  marked: [], // elements we marked, in order
  observer: null,
  cleanedByReader: false,
  reader: null,
  cssFallback: null,
  shadowSheet: null, // the hiding rules, adopted by each shadow root holding a marked element
  shadowRoots: new Set(), // the roots that adopted it
  readerable: null, // from the quick check, for the badge in automatic mode
};

// --- engine -------------------------------------------------------------------------------
// The wasm here when the page's CSP allows it; otherwise (Chrome refuses wasm in content
// scripts on pages without 'wasm-unsafe-eval') the same wasm in the background.
// Compiling starts as soon as the script knows which module it needs (`warm`): the module then
// compiles on the browser's background threads while the walk runs here.
const local = createDeclutterEngines((file) => chrome.runtime.getURL(file));
let inBackground = false;
const warm = (article) => local.ready(article).catch(() => {});

async function analyzeInBackground(ops, text, request) {
  // Extension messaging is JSON: a plain array survives it, a Uint32Array would not.
  const reply = await chrome.runtime.sendMessage({ type: 'analyze', ops: Array.from(ops), text, request });
  if (!reply || reply.error) throw new Error(reply?.error ?? 'no reply from the background');
  return reply.result;
}

async function analyze(walked, request) {
  if (!inBackground) {
    try {
      await local.ready(request.article);
    } catch (e) {
      console.info('declutter: wasm is not allowed on this page, using the extension background', e);
      inBackground = true;
    }
  }
  return inBackground
    ? analyzeInBackground(walked.ops, walked.text, request)
    : local.analyze(walked.ops, walked.text, request);
}

// --- hiding -------------------------------------------------------------------------------
function ensureHideCss(inserted) {
  if (inserted !== false || page.cssFallback) return;
  // insertCSS failed: adopt the same rules as a constructable sheet (CSP does not apply to it).
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(DECLUTTER_HIDE_CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    page.cssFallback = sheet;
  } catch (e) {
    console.warn('declutter: no way to add the hiding stylesheet on this page', e);
  }
}

function mark(nodes, hidden) {
  for (const { origin, kind } of hidden) {
    const el = nodes[origin];
    if (el && pageDom.isElement(el) && !pageDom.hasAttribute(el, HIDDEN_ATTR)) {
      pageDom.setAttribute(el, HIDDEN_ATTR, kind);
      page.marked.push(el);
      const root = pageDom.shadowRootAround(el);
      if (root) hideInShadowRoot(root);
    }
  }
}

// The page-wide hiding stylesheet does not reach into shadow trees: a root holding a marked
// element adopts the same rules as a constructable sheet (one sheet shared by all roots).
function hideInShadowRoot(root) {
  if (page.shadowRoots.has(root)) return;
  try {
    if (!page.shadowSheet) {
      page.shadowSheet = new CSSStyleSheet();
      page.shadowSheet.replaceSync(DECLUTTER_HIDE_CSS);
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, page.shadowSheet];
    page.shadowRoots.add(root);
  } catch (e) {
    console.warn('declutter: cannot add the hiding stylesheet to a shadow root', e);
  }
}

async function clean(settings) {
  if (page.observer) return page.marked.length;
  const kinds = enabledKinds(settings);
  const walked = walk(document, page.reader?.host ?? null);
  if (walked.tooLarge) throw new PageTooLarge(walked.tooLarge);
  const result = await analyze(walked, { url: location.href, clutter: kinds, readerable: true });
  mark(walked.nodes, result.hidden);
  page.readerable = result.readerable;
  watch(kinds, walked.shadowRoots);
  return page.marked.length;
}

function undo() {
  page.observer?.disconnect();
  page.observer = null;
  for (const el of page.marked) pageDom.removeAttribute(el, HIDDEN_ATTR);
  page.marked = [];
  if (page.cssFallback) {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== page.cssFallback);
    page.cssFallback = null;
  }
  for (const root of page.shadowRoots) {
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== page.shadowSheet);
  }
  page.shadowRoots.clear();
}

// Classifies subtrees inserted after the first pass (late newsletter modals, lazy ad slots), in
// the document and in the shadow roots the walks entered (an observer does not see into them).
function watch(kinds, shadowRoots) {
  const pending = new Set();
  let scheduled = false;
  let seen = 0;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const n of record.addedNodes) {
        if (pageDom.isElement(n) && n !== page.reader?.host) pending.add(n);
      }
    }
    if (!scheduled && pending.size > 0) {
      scheduled = true;
      requestAnimationFrame(flush);
    }
  });
  async function flush() {
    scheduled = false;
    const started = performance.now();
    while (pending.size > 0 && page.observer === observer) {
      const batch = [];
      for (const el of pending) {
        pending.delete(el);
        // Skip nodes gone again, already hidden, or inside another subtree of this batch.
        if (!pageDom.isConnected(el) || pageDom.closest(el, `[${HIDDEN_ATTR}]`)) continue;
        if (batch.some((b) => pageDom.contains(b, el))) continue;
        batch.push(el);
        if (batch.length >= BATCH_MAX_ELEMENTS) break;
      }
      seen += batch.length;
      if (batch.length > 0) {
        const walked = walkSubtrees(batch, page.reader?.host ?? null);
        for (const root of walked.shadowRoots) observeRoot(root);
        if (walked.tooLarge) {
          // Inserted subtrees this large are a feed, not a prompt: stop watching.
          observer.disconnect();
          return;
        }
        const result = await analyze(walked, { url: location.href, clutter: kinds });
        mark(walked.nodes, result.hidden);
        notifyBadge();
      }
      if (seen > WATCH_MAX_ELEMENTS) {
        observer.disconnect();
        return;
      }
      if (performance.now() - started > FRAME_BUDGET_MS) break;
    }
    if (pending.size > 0 && !scheduled) {
      scheduled = true;
      requestAnimationFrame(flush);
    }
  }
  const observed = new Set();
  function observeRoot(root) {
    if (observed.has(root)) return;
    observed.add(root);
    observer.observe(root, { childList: true, subtree: true });
  }
  observer.observe(document.documentElement, { childList: true, subtree: true });
  for (const root of shadowRoots) observeRoot(root);
  page.observer = observer;
}

function notifyBadge() {
  const status = page.readerable === false ? 'no-article' : 'cleaned';
  chrome.runtime.sendMessage({ type: 'badge', status, hidden: page.marked.length }).catch(() => {});
}

// --- reader -------------------------------------------------------------------------------
async function openReader(settings) {
  const walked = walk(document, null);
  if (walked.tooLarge) throw new PageTooLarge(walked.tooLarge);
  const kinds = enabledKinds(settings);
  const result = await analyze(walked, { url: location.href, clutter: kinds, article: true });
  if (!result.overlay) {
    DeclutterOverlay.toast('toastNoArticle');
    return { status: 'no-article', hidden: page.marked.length };
  }
  if (!page.observer) {
    mark(walked.nodes, result.hidden);
    watch(kinds, walked.shadowRoots);
    page.cleanedByReader = true;
  }
  describeEmbeds(result.overlay);
  page.reader = DeclutterOverlay.open(result.overlay, settings.reader, {
    onClose: closeReader,
    onPrefs: (reader) => chrome.storage.sync.set({ reader }).catch(() => {}),
  });
  return { status: 'open', hidden: page.marked.length };
}

function closeReader() {
  if (!page.reader) return;
  // Unhide first: the element that had focus before the reader may have been hidden, and
  // the overlay gives focus back as it closes.
  if (page.cleanedByReader) {
    undo();
    page.cleanedByReader = false;
  }
  page.reader.close();
  page.reader = null;
  notifyBadge();
}

// --- failures -----------------------------------------------------------------------------
// A page past the walker's caps (see walk.js) is refused before any analysis; any failure is
// shown as a toast and leaves the page as it was (nothing is marked before a result exists).
class PageTooLarge extends Error {}

function failed(e) {
  if (e instanceof PageTooLarge) DeclutterOverlay.toast('toastTooLarge');
  else DeclutterOverlay.toast('toastFailed', e?.message ?? e);
  return e instanceof PageTooLarge
    ? { status: 'too-large', error: e.message, hidden: page.marked.length }
    : { error: String(e?.message ?? e) };
}

// --- messages -----------------------------------------------------------------------------
const handlers = {
  ping: () => ({ ok: true }),
  async toggle(message) {
    ensureHideCss(message.css);
    if (page.reader) {
      closeReader();
      return { status: 'closed', hidden: page.marked.length };
    }
    warm(true);
    return openReader(await loadDeclutterSettings());
  },
  async clean(message) {
    ensureHideCss(message.css);
    return { status: 'cleaned', hidden: await clean(await loadDeclutterSettings()) };
  },
  undo() {
    closeReader();
    undo();
    return { status: 'restored', hidden: 0 };
  },
  state: () => ({ reader: page.reader !== null, hidden: page.marked.length }),
};

chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  const handler = handlers[message?.type];
  if (!handler) return false;
  Promise.resolve()
    .then(() => handler(message))
    .then(sendResponse, (e) => {
      console.warn('declutter:', e);
      sendResponse(failed(e));
    });
  return true;
});

// --- automatic cleaning -------------------------------------------------------------------
// auto.js imports this and calls it at document_start. The wasm compiles and the settings load
// while the page parses; the walk starts as soon as the parser is done (readyState
// "interactive", a little before DOMContentLoaded, which waits for deferred scripts).
export async function autoClean() {
  warm(false);
  const settings = await loadDeclutterSettings();
  if (!settings.autoClean || settings.leaveAlone.includes(location.hostname)) return;
  // The user stylesheet goes in through the background. Its answer is not waited for: marks
  // without the sheet hide nothing yet, and the round trip (longer when the service worker has
  // to wake up) would otherwise come before the walk on every page.
  chrome.runtime.sendMessage({ type: 'auto-css' }).catch(() => null).then((reply) => ensureHideCss(reply?.css ?? false));
  if (document.readyState === 'loading') {
    const parsed = new Promise((done) => document.addEventListener('readystatechange', done, { once: true }));
    local.ready(false).then(() => document.readyState === 'loading' && warmUp(settings)).catch(() => {});
    await parsed;
  }
  await clean(settings);
  notifyBadge();
}

// V8 compiles each wasm function on its first call, with its baseline compiler, on the calling
// thread: the first analysis of a page paid for compiling all the code it reached. One analysis
// of this small built-in page while the real page still parses pays it out of the way.
const WARM_UP_PAGE = '<title>Warm-up - Site</title><meta property="og:title" content="Warm-up">' +
  '<header><nav><a href="/">Home</a></nav></header><div class="ad-slot" id="div-gpt-ad-1"></div>' +
  '<article><h1>Warm-up</h1><p class="byline">By A. Writer</p><time datetime="2026-01-01">1 Jan</time>' +
  `<p>${'Words of a paragraph, with a <a href="/x">link</a> and <em>emphasis</em>. '.repeat(8)}</p>` +
  '<figure><img src="/a.jpg" alt="A"><figcaption>Caption</figcaption></figure><ul><li>One</li></ul></article>' +
  '<div class="share"><a href="https://twitter.com/intent/tweet?url=x">Share</a></div>' +
  '<form class="newsletter"><input type="email" placeholder="Email"><button>Subscribe</button></form>' +
  '<div role="dialog" class="cookie-consent"><p>We use cookies</p><button>Accept</button></div><footer>Footer</footer>';

function warmUp(settings) {
  const sample = new DOMParser().parseFromString(WARM_UP_PAGE, 'text/html');
  const walked = walk(sample, null);
  return local.analyze(walked.ops, walked.text, { url: location.href, clutter: enabledKinds(settings), readerable: true });
}
