// Content script: the page side of declutter.
//
//   walk(document) ──> engine.analyze(ops, text) ──> mark clutter: data-declutter-hidden=<kind>
//                                                └─> DeclutterOverlay.open(article tree)
//   close / undo  ──> overlay removed, our attributes removed, scroll and focus restored
//   the reader open on page one ──> the article's following pages joined (join-pages.js)
//   the site shows another page (single-page apps, page-moves.js) ──> the reader reads it or
//                 closes (the person's choice), and cleaning runs again on the new page
//
// The engine is the wasm module, run here when the page's CSP allows it and in the background
// otherwise (Chrome refuses wasm in content scripts on pages without 'wasm-unsafe-eval'). Either
// way the result is plain data that this script applies. Page nodes are never removed or
// restyled: one attribute per hidden element, so React-style re-renders keep working and undo is
// exact.
import { DeclutterControls } from './controls.js';
import { describeEmbeds } from './embeds.js';
import { declutterEarlySheet } from './early-css.js';
import { articleRequest, createDeclutterEngines } from './engine.js';
import { articleParts, joinPages } from './join-pages.js';
import { DeclutterOverlay } from './overlay.js';
import { watchPageMoves } from './page-moves.js';
import { DECLUTTER_HIDE_CSS, DECLUTTER_SHADOW_HIDE_CSS, DECLUTTER_SHADOW_PEEK_CSS, enabledKinds, loadDeclutterSettings, withStored } from './settings.js';
import { pageDom, walk, walkSubtrees } from './walk.js';

const HIDDEN_ATTR = 'data-declutter-hidden';

// MutationObserver budgets, as uBlock does: work in batches per animation frame, give each
// frame a few milliseconds, and stop watching pages that never stop inserting (feeds, tickers).
const FRAME_BUDGET_MS = 4; // a quarter of a 60 Hz frame
const BATCH_MAX_ELEMENTS = 500; // subtrees walked per frame at most
const WATCH_MAX_ELEMENTS = 50_000; // after this many inserted subtrees the observer stops
// Subtrees waiting at most: a background tab gets no animation frames, so the queue would grow
// for as long as the page inserts; past this the page is a feed and the observer stops.
const PENDING_MAX_ELEMENTS = 10_000;
// Reader preferences are written once the user stops changing them: storage.sync allows only a
// few writes a minute.
const PREFS_WRITE_DELAY_MS = 1000;

const page = {
  marked: [], // elements we marked, in order
  observer: null, // { disconnect } while inserted subtrees are watched
  cleanedByReader: false,
  reader: null,
  readerable: null, // from the quick check, for the badge in automatic mode
  // Bumped by every undo: work that awaited across one finds its results stale.
  epoch: 0,
  rules: new Map(), // hidden element -> the rule that hid it (peek mode, report)
  shadowSheet: null, // the hiding rules, adopted by each shadow root holding a marked element
  shadowRoots: new Set(), // the roots that adopted it
  peeking: false, // peek mode: the shadow sheet outlines what it would hide
};

// The person's controls on the page (peek, zapper, picker, scroll lock, report): controls.js.
const controls = DeclutterControls.attach({ page, markElement, unmark, notifyBadge, openReader, closeReader, peekInShadowRoots });

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
// The hiding stylesheet is in while anything is marked or the reader is open, and out again
// otherwise: a page must not keep a rule for our attribute (nor learn of us through it). The
// background inserts it with user origin; where that fails, the same rules are adopted as a
// constructable sheet (CSP does not apply to it). Changes run in order, one at a time.
const css = { wanted: false, inserted: null, queue: Promise.resolve() };

function hideCss(on) {
  if (css.wanted !== on) {
    css.wanted = on;
    css.queue = css.queue.then(on ? insertHideCss : removeHideCss).catch((e) => console.warn('declutter:', e));
  }
  return css.queue;
}

async function insertHideCss() {
  const reply = await chrome.runtime.sendMessage({ type: 'insert-css' }).catch(() => null);
  if (reply?.css) {
    css.inserted = 'user';
    return;
  }
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(DECLUTTER_HIDE_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  css.inserted = sheet;
}

async function removeHideCss() {
  if (css.inserted === 'user') await chrome.runtime.sendMessage({ type: 'remove-css' }).catch(() => null);
  else if (css.inserted) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== css.inserted);
  css.inserted = null;
}

// After any change: the stylesheet goes when nothing needs it any more.
function tidy() {
  if (page.marked.length === 0 && !page.reader) hideCss(false);
}

function mark(nodes, hidden) {
  for (const { origin, kind, rule } of hidden) {
    const el = nodes[origin];
    // The person's exceptions for the site win over the engine.
    if (el && pageDom.isElement(el) && !controls.keeps(el)) markElement(el, kind, rule);
  }
}

function markElement(el, kind, rule) {
  if (pageDom.hasAttribute(el, HIDDEN_ATTR)) return false;
  pageDom.setAttribute(el, HIDDEN_ATTR, kind);
  page.marked.push(el);
  page.rules.set(el, rule);
  hideCss(true);
  const root = pageDom.shadowRootAround(el);
  if (root) hideInShadowRoot(root);
  return true;
}

// The page-wide hiding stylesheet does not reach into shadow trees: a root holding a marked
// element adopts a hiding rule as a constructable sheet (one sheet shared by all roots).
function hideInShadowRoot(root) {
  if (page.shadowRoots.has(root)) return;
  try {
    if (!page.shadowSheet) {
      page.shadowSheet = new CSSStyleSheet();
      // The page sheet's rules start at <html>, which a shadow tree does not contain.
      page.shadowSheet.replaceSync(page.peeking ? DECLUTTER_SHADOW_PEEK_CSS : DECLUTTER_SHADOW_HIDE_CSS);
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, page.shadowSheet];
    page.shadowRoots.add(root);
  } catch (e) {
    console.warn('declutter: cannot add the hiding stylesheet to a shadow root', e);
  }
}

// Peek mode (controls.js) in shadow trees: the shared sheet outlines instead of hiding.
function peekInShadowRoots(on) {
  page.peeking = on;
  page.shadowSheet?.replaceSync(on ? DECLUTTER_SHADOW_PEEK_CSS : DECLUTTER_SHADOW_HIDE_CSS);
}

function unmark(el) {
  pageDom.removeAttribute(el, HIDDEN_ATTR);
  page.marked = page.marked.filter((m) => m !== el);
  page.rules.delete(el);
  tidy();
}

async function clean(settings) {
  if (page.observer) return page.marked.length;
  const epoch = page.epoch;
  const kinds = enabledKinds(settings);
  const walked = walk(document, page.reader?.host ?? null);
  if (walked.tooLarge) throw new PageTooLarge(walked.tooLarge);
  const result = await analyze(walked, { url: location.href, clutter: kinds, readerable: true });
  if (page.epoch !== epoch || page.observer) return page.marked.length;
  mark(walked.nodes, result.hidden);
  page.readerable = result.readerable;
  watch(kinds, walked.shadowRoots);
  await controls.applyZaps();
  controls.afterChange();
  return page.marked.length;
}

function undo() {
  page.epoch++;
  page.observer?.disconnect();
  page.observer = null;
  controls.reset();
  for (const el of page.marked) pageDom.removeAttribute(el, HIDDEN_ATTR);
  page.marked = [];
  page.rules.clear();
  for (const root of page.shadowRoots) {
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== page.shadowSheet);
  }
  page.shadowRoots.clear();
  tidy();
}

// Classifies subtrees inserted after the first pass (late newsletter modals, lazy ad slots), in
// the document and in the shadow roots the walks entered (an observer does not see into them).
// One batch is analysed at a time; after every await the watch checks it is still the current
// one (an undo or the reader's close ends it), so no batch marks anything after that.
function watch(kinds, shadowRoots) {
  const pending = new Set();
  const epoch = page.epoch;
  let scheduled = false;
  let analysing = false;
  let seen = 0;
  const watcher = { disconnect: stop };
  const live = () => page.observer === watcher && page.epoch === epoch;
  const observer = new MutationObserver((records) => {
    moves?.check();
    for (const record of records) {
      for (const n of record.addedNodes) {
        if (pageDom.isElement(n) && n !== page.reader?.host) pending.add(n);
      }
    }
    if (pending.size > PENDING_MAX_ELEMENTS) stop();
    else schedule();
  });
  function stop() {
    observer.disconnect();
    pending.clear();
  }
  function schedule() {
    if (scheduled || analysing || pending.size === 0 || !live()) return;
    scheduled = true;
    requestAnimationFrame(flush);
  }
  async function flush() {
    scheduled = false;
    analysing = true;
    try {
      await drain();
    } catch (e) {
      console.warn('declutter: stopped watching the page', e);
      stop();
    } finally {
      analysing = false;
    }
    schedule();
  }
  async function drain() {
    const started = performance.now();
    while (pending.size > 0 && live()) {
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
        // Inserted subtrees this large are a feed, not a prompt: stop watching.
        if (walked.tooLarge) return stop();
        const result = await analyze(walked, { url: location.href, clutter: kinds });
        if (!live()) return;
        mark(walked.nodes, result.hidden);
        controls.afterChange();
      }
      if (seen > WATCH_MAX_ELEMENTS) return stop();
      if (performance.now() - started > FRAME_BUDGET_MS) return;
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
  page.observer = watcher;
}

function notifyBadge() {
  const status = page.readerable === false ? 'no-article' : 'cleaned';
  chrome.runtime.sendMessage({ type: 'badge', status, hidden: page.marked.length }).catch(() => {});
}

// --- reader -------------------------------------------------------------------------------
// `picked`: the element a person chose as the article (this time, or remembered for the site).
async function openReader(settings, picked) {
  picked ??= await controls.rememberedArticle();
  const epoch = page.epoch;
  // The stylesheet also holds the page's scrolling while the reader is open.
  const sheet = hideCss(true);
  const walked = walk(document, null);
  if (walked.tooLarge) throw new PageTooLarge(walked.tooLarge);
  const kinds = enabledKinds(settings);
  const root = picked ? walked.nodes.indexOf(picked) : -1;
  const result = await analyze(walked, { url: location.href, clutter: kinds, article: true, ...(root >= 0 && { root }) });
  await sheet;
  if (page.epoch !== epoch) return { status: 'restored', hidden: page.marked.length };
  if (!result.overlay) {
    DeclutterOverlay.toast('toastNoArticle');
    return { status: 'no-article', hidden: page.marked.length };
  }
  if (!page.observer) {
    mark(walked.nodes, result.hidden);
    watch(kinds, walked.shadowRoots);
    await controls.applyZaps();
    page.cleanedByReader = true;
  }
  showReader(settings, walked, result, root);
  return { status: 'open', hidden: page.marked.length };
}

// The overlay on an analysed page, and the join of the article's following pages.
function showReader(settings, walked, result, root = -1) {
  const kinds = enabledKinds(settings);
  const prefs = prefsWriter(settings.stored.reader);
  const first = { ...articleParts(result.overlay), docTitle: document.title };
  describeEmbeds(result.overlay);
  let join = null;
  const reader = DeclutterOverlay.open(result.overlay, settings.reader, {
    onClose: closeReader,
    onPrefs: prefs.set,
    // The reader's own menu: the page controls, from the reader's toolbar.
    onAction: (type) => handlers[type]?.({ type, copy: true }),
    markdown: () => articleMarkdown({ walked, result, url: location.href, root }, join.pages),
  });
  join = joinPages({
    doc: document,
    url: location.href,
    reader,
    first,
    analyzePage: (pageWalk, url) => (pageWalk.tooLarge ? null : analyze(pageWalk, { url, clutter: kinds, article: true })),
  });
  page.reader = {
    host: reader.host,
    // Page one's body, to tell a move to another article from a change of address alone.
    fingerprint: first.fingerprint,
    close() {
      join.stop();
      prefs.flush();
      reader.close();
    },
  };
}

// Writes the reader's preferences once they have stopped changing for a moment, and at the
// latest when the reader closes (`flush`) or the page goes away.
// The write is one call, with no read before it, so that it still goes out as the page unloads.
function prefsWriter(stored) {
  let timer = null;
  let latest = null;
  const flush = () => {
    clearTimeout(timer);
    removeEventListener('pagehide', flush);
    if (latest) chrome.storage.sync.set({ reader: withStored(stored, latest) }).catch(() => {});
    latest = null;
  };
  const set = (reader) => {
    latest = reader;
    clearTimeout(timer);
    timer = setTimeout(flush, PREFS_WRITE_DELAY_MS);
    addEventListener('pagehide', flush);
  };
  return { set, flush };
}

// The article as Markdown: page one's, then each page joined so far under its "Page 2 of 4"
// label. From the background's export module (the Markdown writer is not in the content-script
// modules: their size budget has no room for it); the walks are those the reader was built
// from, so the Markdown is of the same article.
async function articleMarkdown(first, joined) {
  const parts = [await markdownOf(first.walked, articleRequest({ url: first.url, ...(first.root >= 0 && { root: first.root }) }, first.result))];
  for (const p of joined) {
    parts.push(await markdownOf(p.walked, articleRequest({ url: p.url, part: p.page, partLabel: p.label }, p.found)));
  }
  return parts.join('\n');
}

async function markdownOf(walked, request) {
  // Extension messaging is JSON: a plain array survives it, a Uint32Array would not.
  const reply = await chrome.runtime.sendMessage({ type: 'markdown', ops: Array.from(walked.ops), text: walked.text, request });
  if (!reply || reply.error) throw new Error(reply?.error ?? 'no reply from the background');
  return reply.markdown;
}

// `keepClean`: the person goes on to work on the cleaned page (peek, zapper, picker).
function closeReader(keepClean = false) {
  if (!page.reader) return;
  // Unhide first: the element that had focus before the reader may have been hidden, and
  // the overlay gives focus back as it closes.
  if (page.cleanedByReader && !keepClean) undo();
  page.cleanedByReader = false;
  page.reader.close();
  page.reader = null;
  tidy();
  notifyBadge();
}

// --- single-page apps ---------------------------------------------------------------------
// The site shows another page in the same document (page-moves.js). With the reader open, the
// page is read again once the site has rendered it: the same article (an address change alone)
// keeps the reader as it is; another article replaces it in the reader, or closes the reader
// when the person chose so in the options; a page without an article closes it. Cleaning, when
// it is on, runs again over the new page with a fresh observer budget.
// `final`: the last look after a move; `false` from here asks to be called again after the
// site's next changes.
async function followMove(final) {
  if (!page.reader && !page.observer) return true;
  const settings = await loadDeclutterSettings();
  const kinds = enabledKinds(settings);
  const reader = page.reader;
  const epoch = page.epoch;
  const walked = walk(document, reader?.host ?? null);
  if (walked.tooLarge) {
    if (reader) closeReader();
    return true;
  }
  const result = await analyze(walked, { url: location.href, clutter: kinds, ...(reader ? { article: true } : { readerable: true }) });
  if (page.reader !== reader || page.epoch !== epoch) return true;
  if (reader) {
    const now = articleParts(result.overlay);
    if (now?.fingerprint === reader.fingerprint || (!now && !final)) return false;
    if (!now || settings.pageMoves === 'close') closeReader();
  }
  // Cleaning that is still on (automatic, or the person's) goes on over the new page.
  rewatch(kinds, walked, result);
  if (reader && page.reader === reader) {
    reader.close();
    showReader(settings, walked, result);
  }
  page.readerable = result.readerable;
  await controls.applyZaps();
  controls.afterChange();
  return true;
}

// Marks for the new page and a fresh observer; marks on elements the page has removed go (the
// badge counts what is hidden now, and an element put back later must not stay hidden).
function rewatch(kinds, walked, result) {
  const cleaning = page.observer !== null;
  page.observer?.disconnect();
  page.observer = null;
  for (const el of page.marked) {
    if (!pageDom.isConnected(el)) {
      pageDom.removeAttribute(el, HIDDEN_ATTR);
      page.rules.delete(el);
    }
  }
  page.marked = page.marked.filter((el) => pageDom.isConnected(el));
  if (!cleaning) return;
  mark(walked.nodes, result.hidden);
  watch(kinds, walked.shadowRoots);
}

// --- failures -----------------------------------------------------------------------------
// A page past the walker's caps (see walk.js) is refused before any analysis; any failure is
// shown as a toast and leaves the page as it was (nothing is marked before a result exists).
// The reply goes out even if the toast cannot be shown.
class PageTooLarge extends Error {}

function failed(e) {
  try {
    if (e instanceof PageTooLarge) DeclutterOverlay.toast('toastTooLarge');
    else DeclutterOverlay.toast('toastFailed', e?.message ?? e);
  } catch (toastError) {
    console.warn('declutter: no toast on this page', toastError);
  }
  tidy();
  return e instanceof PageTooLarge
    ? { status: 'too-large', error: e.message, hidden: page.marked.length }
    : { error: String(e?.message ?? e) };
}

// --- one operation at a time --------------------------------------------------------------
// Messages and automatic cleaning run one after the other. A toggle that arrives while another
// toggle is in flight joins it: a double click, or two clicks while the engine loads, open one
// reader, and the reply to both is the same.
let inFlight = null; // { type, done }

function exclusive(type, run) {
  if (type === 'toggle' && inFlight?.type === 'toggle') return inFlight.done;
  const previous = inFlight?.done.catch(() => {}) ?? Promise.resolve();
  const entry = { type, done: previous.then(run) };
  inFlight = entry;
  const settled = () => {
    if (inFlight === entry) inFlight = null;
    tidy();
  };
  entry.done.then(settled, settled);
  return entry.done;
}

// --- messages -----------------------------------------------------------------------------
// No prototype: a message type such as "constructor" or "__proto__" finds nothing.
const handlers = Object.assign(Object.create(null), {
  ping: () => ({ ok: true }),
  toggle: () => exclusive('toggle', async () => {
    if (page.reader) {
      closeReader();
      return { status: 'closed', hidden: page.marked.length };
    }
    warm(true);
    return openReader(await loadDeclutterSettings());
  }),
  clean: () => exclusive('clean', async () => ({ status: 'cleaned', hidden: await clean(await loadDeclutterSettings()) })),
  undo: () => exclusive('undo', () => {
    closeReader();
    undo();
    return { status: 'restored', hidden: 0 };
  }),
  state: () => ({ reader: page.reader !== null, hidden: page.marked.length, cleaned: page.observer !== null }),
}, controls.handlers);

function onMessage(message, _sender, sendResponse) {
  const handler = typeof message?.type === 'string' ? handlers[message.type] : undefined;
  if (!handler) return false;
  Promise.resolve()
    .then(() => handler(message))
    .then(sendResponse, (e) => {
      console.warn('declutter:', e);
      sendResponse(failed(e));
    });
  return true;
}

// One content script per frame, however often it is injected (racing clicks, a click after
// automatic cleaning): only the first copy listens. A symbol, so that no page element's name
// or id can stand in for the flag.
const LOADED = Symbol.for('declutter.contentScript');
const first = !globalThis[LOADED];
globalThis[LOADED] = true;
if (first) chrome.runtime.onMessage.addListener(onMessage);
const moves = first ? watchPageMoves((final) => exclusive('move', () => followMove(final))) : null;

// --- automatic cleaning -------------------------------------------------------------------
// auto.js imports this and calls it at document_start. The wasm compiles and the settings load
// while the page parses; the walk starts as soon as the parser is done (readyState
// "interactive", a little before DOMContentLoaded, which waits for deferred scripts).
export async function autoClean() {
  if (!first) return;
  warm(false);
  const settings = await loadDeclutterSettings();
  const site = await controls.site();
  const cleans = (settings.autoClean || site.always) && !site.never && !settings.leaveAlone.includes(location.hostname);
  if (!cleans && !site.reader && site.zaps.length === 0) return;
  // What is certain is hidden before the first paint (see early-css.js); the marks take over.
  const early = declutterEarlySheet(cleans, site);
  // The user stylesheet goes in through the background. Its answer is not waited for: marks
  // without the sheet hide nothing yet, and the round trip (longer when the service worker has
  // to wake up) would otherwise come before the walk on every page.
  const sheet = cleans || site.zaps.length > 0 ? hideCss(true) : Promise.resolve();
  if (document.readyState === 'loading') {
    const parsed = new Promise((done) => document.addEventListener('readystatechange', done, { once: true }));
    local.ready(false).then(() => document.readyState === 'loading' && warmUp(settings)).catch(() => {});
    await parsed;
  }
  try {
    if (cleans) await exclusive('clean', () => clean(settings));
    else await controls.applyZaps();
  } finally {
    // The early sheet (and the hold) go once the marks and the hiding stylesheet are both in.
    sheet.then(() => early.remove());
  }
  notifyBadge();
  if (site.reader) await exclusive('toggle', () => (page.reader ? null : (warm(true), openReader(settings))));
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
