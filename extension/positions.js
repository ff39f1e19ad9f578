// Coming back to an article: where the person was (the block in view, not a pixel offset, so it
// holds across window sizes and font settings), per page address, in storage.local; and a
// progress bar.
//
// The store is bounded: least recently read pages go first, beyond MAX_ENTRIES pages or
// MAX_BYTES of JSON. A block is found again by its index among the article's blocks, checked
// against the start of its text (a page that changed since falls back to nothing).
const KEY = 'positions';
export const MAX_ENTRIES = 200;
export const MAX_BYTES = 64 * 1024;

// The article's blocks, in reading order.
export function blocksOf(article) {
  return [...article.querySelectorAll('.dc-body > *')];
}

const fingerprint = (el) => el.textContent.trim().replace(/\s+/g, ' ').slice(0, 40);

// The page's address without its fragment: one entry per article.
export const pageKey = (href) => href.replace(/#.*$/, '');

// `positions` with `key` set to `entry` and the least recently read entries dropped until the
// caps hold. Pure, for the tests.
export function remember(positions, key, entry, { maxEntries = MAX_ENTRIES, maxBytes = MAX_BYTES } = {}) {
  const kept = Object.entries({ ...positions, [key]: entry }).sort(([, a], [, b]) => b.at - a.at);
  kept.length = Math.min(kept.length, maxEntries);
  while (kept.length > 1 && JSON.stringify(Object.fromEntries(kept)).length > maxBytes) kept.pop();
  return Object.fromEntries(kept);
}

// The block at the top of the reader's view.
function blockInView(blocks, scroller) {
  const top = scroller.getBoundingClientRect().top;
  const i = blocks.findIndex((b) => b.getBoundingClientRect().bottom > top + 8);
  return Math.max(0, i);
}

// Wires position memory and the progress bar into an open reader. `offer(onContinue)` shows
// the person a way to continue; `moveTo(el)` moves the reader to a block.
export function trackPosition({ article, scroller, bar, href, offer, moveTo }) {
  const key = pageKey(href);
  const blocks = blocksOf(article);
  let timer = 0;

  function progress() {
    const room = scroller.scrollHeight - scroller.clientHeight;
    // Before layout nothing has a height: 0. An article that fits in the window is read: 100.
    const laidOut = scroller.clientHeight > 0;
    const value = room > 0 ? Math.min(100, Math.round((scroller.scrollTop / room) * 100)) : laidOut ? 100 : 0;
    bar.style.setProperty('--dc-progress', `${value}%`);
    bar.setAttribute('aria-valuenow', String(value));
  }

  async function save() {
    // The blocks as they are now: a multi-page article grows while it is read.
    const blocks = blocksOf(article);
    const i = blockInView(blocks, scroller);
    const stored = (await chrome.storage.local.get(KEY))[KEY] ?? {};
    const entry = { i, t: fingerprint(blocks[i] ?? article), at: Date.now() };
    await chrome.storage.local.set({ [KEY]: remember(stored, key, entry) });
  }

  scroller.addEventListener('scroll', () => {
    progress();
    clearTimeout(timer);
    timer = setTimeout(() => save().catch(() => {}), 400);
  }, { passive: true });
  progress();
  requestAnimationFrame(progress);

  chrome.storage.local.get(KEY).then((stored) => {
    const entry = stored[KEY]?.[key];
    const block = entry && blocks[entry.i];
    if (!block || entry.i === 0 || fingerprint(block) !== entry.t) return;
    offer(() => moveTo(block));
  }).catch(() => {});

  return {
    // Saved on close too, for a reader closed before the scroll settled.
    stop() {
      clearTimeout(timer);
      return save().catch(() => {});
    },
  };
}
