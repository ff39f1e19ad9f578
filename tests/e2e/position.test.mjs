// Coming back to an article. Without a browser: the store of positions stays within its caps,
// least recently read first out. In both browsers: the reader remembers the block in view, and
// after a reload offers to continue there; the progress bar follows the scroll.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, waitFor, withBrowser } from './suite.mjs';
import { remember } from '../../extension/positions.js';

test('positions: least recently read go first, within the entry and byte caps', () => {
  let store = {};
  for (let n = 0; n < 10; n++) store = remember(store, `https://example.com/${n}`, { i: n, t: 'x', at: 1000 + n }, { maxEntries: 4 });
  assert.deepEqual(Object.keys(store).sort(), ['https://example.com/6', 'https://example.com/7', 'https://example.com/8', 'https://example.com/9']);
  // Reading an old one again makes it the newest.
  store = remember(store, 'https://example.com/6', { i: 1, t: 'x', at: 5000 }, { maxEntries: 4 });
  store = remember(store, 'https://example.com/new', { i: 2, t: 'x', at: 6000 }, { maxEntries: 4 });
  assert.ok('https://example.com/6' in store && !('https://example.com/7' in store));
  const big = remember(store, 'https://example.com/long', { i: 3, t: 'y'.repeat(400), at: 7000 }, { maxBytes: 600 });
  assert.ok(JSON.stringify(big).length <= 600, 'within the byte cap');
  assert.ok('https://example.com/long' in big, 'the newest entry stays');
});

const blockAtTop = `function () {
  const scroller = this.querySelector('.dc-scroll');
  const top = scroller.getBoundingClientRect().top;
  const block = [...this.querySelectorAll('.dc-body > *')].find((b) => b.getBoundingClientRect().bottom > top + 8);
  return block && block.textContent.trim().slice(0, 30);
}`;

for (const [browser, launch] of BROWSERS) {
  describe(browser, () => {
    const session = withBrowser(() => launch(), () => {});

    test(`${browser}: the reading position comes back after a reload`, async () => {
      const { driver, base } = session;
      const page = await driver.open(`${base}/wiki/Mozilla`);
      await driver.click(page);
      await waitFor(() => driver.overlay(page), 'the reader');
      assert.equal((await driver.overlayProbe(page, '[role=progressbar]')) !== null, true);
      const start = await driver.overlayRun(page, `function () { return this.querySelector('[role=progressbar]').getAttribute('aria-valuenow'); }`);
      assert.equal(start, '0');
      // Go to the "Software" section through the Contents menu.
      await driver.overlayClick(page, '[data-control=contents]');
      const index = await driver.overlayRun(page, `function () {
        return [...this.querySelectorAll('[role=menuitem][data-control^=heading-]')].findIndex((b) => b.textContent.startsWith('Software'));
      }`);
      await driver.overlayClick(page, `[data-control=heading-${index + 1}]`);
      assert.match(await driver.overlayRun(page, blockAtTop), /^Software/);
      const progress = await waitFor(async () => {
        const v = Number(await driver.overlayRun(page, `function () { return this.querySelector('[role=progressbar]').getAttribute('aria-valuenow'); }`));
        return v > 0 && v;
      }, 'the progress bar to move');
      assert.ok(progress > 10 && progress < 90, `progress ${progress}%`);
      await new Promise((r) => setTimeout(r, 600)); // the save after the scroll settles
      await driver.reload(page);
      await driver.click(page);
      await waitFor(() => driver.overlay(page), 'the reader again');
      assert.doesNotMatch(await driver.overlayRun(page, blockAtTop), /^Software/, 'the reader opens at the top');
      await waitFor(() => driver.overlayProbe(page, '[data-control=continueReading]'), 'the offer to continue');
      await driver.overlayClick(page, '[data-control=continueReading]');
      assert.match(await driver.overlayRun(page, blockAtTop), /^Software/, 'back at the same block');
      assert.equal(await driver.evaluate(page, () => location.href), `${base}/wiki/Mozilla`);
    });
  });
}
