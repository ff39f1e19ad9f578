// Single-page apps: the page shows another address without loading a new document (History API
// pushState/replaceState, Back and Forward, a fragment that swaps the article).
//
// A content script cannot see the page's history.pushState (it runs in an isolated world). It
// does get the Navigation API's `currententrychange` (both browsers here fire it for pushState,
// replaceState, traversal and fragment changes), `popstate` and `hashchange`; where the
// Navigation API is missing, the cleaning observer's callback calls `check()`, which compares
// one string. The reader's own in-page links never change the address (navigate.js), so they
// are never a move.
//
// After a move the site usually renders the new page a little later (it fetches its data
// first): `onSettled(final)` is called once the document has had no inserted or removed nodes
// for SETTLE_MS (or after MAX_WAIT_MS of constant changes), and again after later changes until
// it answers true or FOLLOW_MS have passed since the last move (then with `final` true). A call
// walks and reads the whole page, so calls are spaced by ten times the last call's duration (a
// page that moves all the time costs at most a tenth of the main thread), but never by more than
// MAX_SPACING_MS: a call's time counts its waits too (storage, a busy machine), and a reader that
// follows the site seconds late looks broken.
export const SETTLE_MS = 250;
const MAX_WAIT_MS = 1000;
export const FOLLOW_MS = 5000;
const MAX_SPACING_MS = 2000;

export function watchPageMoves(onSettled) {
  let href = location.href;
  let session = null; // { deadline, changed, moved, timer, observer, since, running }
  let nextAllowed = 0;

  function check() {
    if (location.href === href) return;
    href = location.href;
    start();
  }

  function start() {
    if (!session) {
      session = { observer: null, timer: 0, since: 0, running: false, changed: true, moved: false, deadline: 0 };
      session.observer = new MutationObserver(changed);
      session.observer.observe(document.documentElement, { childList: true, subtree: true });
    }
    session.deadline = Date.now() + FOLLOW_MS;
    session.moved = true;
    changed();
  }

  // The document changed (or the address did): wait for it to be quiet.
  function changed() {
    const s = session;
    if (!s) return;
    s.changed = true;
    s.since ||= Date.now();
    clearTimeout(s.timer);
    const quiet = Math.min(SETTLE_MS, Math.max(0, s.since + MAX_WAIT_MS - Date.now()));
    s.timer = setTimeout(() => settle(s), Math.max(quiet, nextAllowed - Date.now()));
  }

  async function settle(s) {
    if (session !== s || s.running) return;
    const final = Date.now() >= s.deadline;
    // Nothing new and the deadline not reached by the clock: a timer may fire a moment before
    // it (Firefox does), and the last look must still come.
    if (!s.changed && !final) return waitForDeadline(s);
    s.changed = false;
    s.moved = false;
    s.since = 0;
    s.running = true;
    const began = performance.now();
    let done = true;
    try {
      done = (await onSettled(final)) || final;
    } catch (e) {
      console.warn('declutter: following the page failed', e);
    } finally {
      s.running = false;
      nextAllowed = Date.now() + Math.min(10 * (performance.now() - began), MAX_SPACING_MS);
    }
    if (session !== s) return;
    // A move while the look ran (the site went on before the reader was shown) needs a look of
    // its own, whatever this one answered.
    if (done && !s.moved) return end();
    // Nothing new yet: look again after the next change, and once more at the deadline.
    waitForDeadline(s);
    if (s.changed) changed();
  }

  function waitForDeadline(s) {
    clearTimeout(s.timer);
    s.timer = setTimeout(() => settle(s), Math.max(s.deadline - Date.now(), nextAllowed - Date.now(), 0));
  }

  function end() {
    clearTimeout(session.timer);
    session.observer.disconnect();
    session = null;
  }

  addEventListener('popstate', check);
  addEventListener('hashchange', check);
  globalThis.navigation?.addEventListener?.('currententrychange', check);
  return { check };
}
