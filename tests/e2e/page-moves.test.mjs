// Noticing a single-page app's moves (extension/page-moves.js) without a browser, under jsdom
// (which has the History API but no Navigation API: the observer's `check()` stands in for it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!DOCTYPE html><main><p>one</p></main>', { url: 'https://spa.example/a/1' });
const { window } = dom;
for (const name of ['location', 'document', 'MutationObserver', 'addEventListener', 'history']) globalThis[name] = window[name];
const { FOLLOW_MS, SETTLE_MS, watchPageMoves } = await import('../../extension/page-moves.js');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('a move is followed once the page has settled, and an unchanged address is no move', async () => {
  const calls = [];
  const moves = watchPageMoves(async (final) => {
    calls.push({ at: Date.now(), final, text: document.querySelector('main').textContent });
    return document.querySelector('main').textContent === 'two';
  });
  moves.check();
  await sleep(SETTLE_MS * 2);
  assert.equal(calls.length, 0, 'no call without a move');
  const moved = Date.now();
  history.pushState(null, '', '/a/2');
  moves.check();
  // The site renders the new page a moment later, in steps.
  await sleep(100);
  document.querySelector('main').textContent = 'loading';
  await sleep(100);
  document.querySelector('main').textContent = 'two';
  await sleep(SETTLE_MS * 3);
  // One call once the page is quiet (two if a loaded machine let the quiet moment pass between
  // the steps); the last one saw the new page, and none came before a quiet moment.
  assert.ok(calls.length >= 1 && calls.length <= 2, `calls: ${JSON.stringify(calls)}`);
  assert.equal(calls.at(-1).text, 'two');
  assert.ok(calls[0].at - moved >= SETTLE_MS, 'after a quiet moment');
});

test('a page that moves all the time gets a bounded share of the main thread', async () => {
  let calls = 0;
  let busy = 0;
  const moves = watchPageMoves(async () => {
    calls++;
    const start = Date.now();
    while (Date.now() - start < 20); // a 20 ms look at the page
    busy += Date.now() - start;
    return false;
  });
  const started = Date.now();
  let n = 0;
  const storm = setInterval(() => {
    history.pushState(null, '', `/storm/${n++}`);
    document.querySelector('main').textContent = String(n);
    moves.check();
  }, 5);
  await sleep(3000);
  clearInterval(storm);
  const share = busy / (Date.now() - started);
  assert.ok(calls >= 2, `it still looks (${calls} looks)`);
  assert.ok(share < 0.15, `looks took ${Math.round(share * 100)}% of the time (${calls} looks)`);
  await sleep(FOLLOW_MS + 500); // the session ends
});

test('a move made while a look runs gets a look of its own', async () => {
  const seen = [];
  const moves = watchPageMoves(async () => {
    seen.push(document.querySelector('main').textContent);
    if (seen.length === 1) {
      // The site moves on before this look answers (the reader is still being shown).
      await sleep(10);
      history.pushState(null, '', '/slow/2');
      document.querySelector('main').textContent = 'second';
      moves.check();
    }
    return true;
  });
  history.pushState(null, '', '/slow/1');
  document.querySelector('main').textContent = 'first';
  moves.check();
  await sleep(SETTLE_MS * 4);
  assert.deepEqual(seen, ['first', 'second'], 'the second page was looked at too');
  await sleep(FOLLOW_MS + 500);
});

test('a slow look holds the next move back two seconds at most', async () => {
  const seen = [];
  const moves = watchPageMoves(async () => {
    seen.push({ at: Date.now(), text: document.querySelector('main').textContent });
    // A look that waited (storage, a busy machine): ten times it would be four seconds.
    if (seen.length === 1) await sleep(400);
    return true;
  });
  history.pushState(null, '', '/busy/1');
  document.querySelector('main').textContent = 'busy one';
  moves.check();
  await sleep(SETTLE_MS + 700);
  const moved = Date.now();
  history.pushState(null, '', '/busy/2');
  document.querySelector('main').textContent = 'busy two';
  moves.check();
  await sleep(3000);
  assert.deepEqual(seen.map((s) => s.text), ['busy one', 'busy two']);
  assert.ok(seen[1].at - moved < 2600, `the second look came ${seen[1].at - moved} ms after the move`);
  await sleep(FOLLOW_MS + 500);
});

test('a page without an article still gets its last look when a timer fires a moment early', async () => {
  const looks = [];
  const moves = watchPageMoves(async (final) => {
    looks.push(final);
    return false; // no article yet: only the last look may close the reader
  });
  // Firefox may run a timer a few milliseconds before the clock shows its delay as passed.
  const realSetTimeout = globalThis.setTimeout;
  globalThis.setTimeout = (fn, ms, ...rest) => realSetTimeout(fn, ms > 1000 ? ms - 5 : ms, ...rest);
  try {
    history.pushState(null, '', '/early/1');
    document.querySelector('main').textContent = 'a listing';
    moves.check();
    await sleep(FOLLOW_MS + 1000);
  } finally {
    globalThis.setTimeout = realSetTimeout;
  }
  assert.deepEqual(looks, [false, true], 'a look once the page settled, and the last one at the deadline');
});
