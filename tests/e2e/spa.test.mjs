// Single-page apps (issue 17) in both browsers: while the reader is open the site swaps its
// article and changes the address (pushState, Back, a #/route), and the reader follows: it reads
// the new article (the default) or closes (the options page's other choice), leaves the reader
// alone when only the address changed, and closes, the page restored, when the new page has no
// article. The reader's own in-page links are no move. Cleaning runs again on the new page.
// The fixture: tests/fixtures/spa/app.html.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, waitFor, withBrowser } from './suite.mjs';

// What declutter leaves on the page (all of it must go when the reader closes).
const inPageTraces = () => ({
  hidden: document.querySelectorAll('[data-declutter-hidden]').length,
  reading: document.documentElement.hasAttribute('data-declutter-reading'),
  ui: document.querySelectorAll('[data-declutter-ui]').length,
  article: document.querySelector('article')?.dataset.article ?? null,
});
const PROBE = 'function () { this.querySelector(".dc-dialog").dataset.probe = "kept"; return true; }';
const PROBED = 'function () { return this.querySelector(".dc-dialog")?.dataset.probe ?? null; }';

for (const [browserName, launch] of BROWSERS) {
  describe(browserName, () => {
    const session = withBrowser(launch, () => {});
    const titled = (page, pattern) => waitFor(async () => {
      const o = await session.driver.overlay(page);
      return o && pattern.test(o.title) && o;
    }, `the reader on ${pattern}`, 10_000);

    // The choice in the options page, made there as a person would.
    async function choose(page, value, back) {
      const { driver } = session;
      await driver.goto(page, await driver.extensionUrl('options.html'));
      await waitFor(() => driver.evaluate(page, () => document.querySelector('[name=page-moves]:checked') !== null), 'the options page');
      await driver.evaluate(page, value === 'close'
        ? () => document.querySelector('[name=page-moves][value=close]').click()
        : () => document.querySelector('[name=page-moves][value=reread]').click());
      await waitFor(() => driver.evaluate(page, () => document.getElementById('status').textContent !== ''), 'the choice to be saved');
      await driver.goto(page, back);
    }

    test(`${browserName}: the reader follows the site to the next article, Back and a #/route, and closes on a page without one`, async () => {
      const { driver, base } = session;
      const page = await driver.open(`${base}/fixtures/spa/app.html?a=1`);
      await driver.click(page);
      await titled(page, /Moths/);
      await driver.evaluate(page, () => window.go('2'));
      const second = await titled(page, /Lichens/);
      assert.ok(second.text.includes('two lives in one') && !second.text.includes('hawk-moths'), 'the new article, and only it');
      await driver.evaluate(page, () => history.back());
      await titled(page, /Moths/);
      await driver.evaluate(page, () => (location.hash = '#/a/3'));
      await titled(page, /Fog/);
      await driver.evaluate(page, () => window.go('home'));
      await waitFor(async () => (await driver.overlay(page)) === null, 'the reader to close on the listing', 12_000);
      assert.deepEqual(await driver.evaluate(page, inPageTraces), { hidden: 0, reading: false, ui: 0, article: null }, 'the page as it was');
      await driver.closePage(page);
    });

    test(`${browserName}: an address change alone and the reader's own links leave the reader as it is`, async () => {
      const { driver, base } = session;
      const page = await driver.open(`${base}/fixtures/spa/app.html?a=1`);
      await driver.click(page);
      await titled(page, /Moths/);
      assert.ok(await driver.overlayRun(page, PROBE));
      await driver.evaluate(page, () => history.replaceState(null, '', `${location.pathname}?a=1&utm_source=test`));
      await new Promise((r) => setTimeout(r, 2500));
      assert.equal(await driver.overlayRun(page, PROBED), 'kept', 'the same reader, not rebuilt');
      const href = await driver.evaluate(page, () => location.href);
      await driver.overlayClick(page, '.dc-body a[href^="#"]');
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(await driver.evaluate(page, () => location.href), href, 'the in-reader link did not touch the address');
      assert.equal(await driver.overlayRun(page, PROBED), 'kept', 'the same reader after the in-reader link');
      await driver.press(page, 'Escape');
      await waitFor(async () => (await driver.overlay(page)) === null, 'the reader to close');
      await driver.closePage(page);
    });

    test(`${browserName}: with "Close the reader" chosen, the reader closes when the site moves to another article`, async () => {
      const { driver, base } = session;
      const url = `${base}/fixtures/spa/app.html?a=1`;
      const page = await driver.open(url);
      await choose(page, 'close', url);
      try {
        await driver.click(page);
        await titled(page, /Moths/);
        await driver.evaluate(page, () => window.go('2'));
        await waitFor(async () => (await driver.overlay(page)) === null, 'the reader to close', 10_000);
        assert.deepEqual(await driver.evaluate(page, inPageTraces), { hidden: 0, reading: false, ui: 0, article: '2' }, 'the new page, as the site shows it');
      } finally {
        await choose(page, 'reread', url);
      }
      await driver.closePage(page);
    });

    if (browserName === 'chromium') {
      test(`${browserName}: a cleaned page is cleaned again after the site moves, counting only what is on the page`, async () => {
        const { driver, base } = session;
        const page = await driver.open(`${base}/fixtures/spa/app.html?a=1`);
        // The toolbar click injects the content script (and grants the tab); then "Clean this page".
        await driver.click(page);
        await titled(page, /Moths/);
        await driver.press(page, 'Escape');
        await waitFor(async () => (await driver.overlay(page)) === null, 'the reader to close');
        await driver.message(page, 'clean');
        await waitFor(() => driver.evaluate(page, () => document.querySelector('.newsletter-signup')?.hasAttribute('data-declutter-hidden')), 'the signup form hidden');
        await driver.evaluate(page, () => window.go('3'));
        await waitFor(() => driver.evaluate(page, () => document.querySelector('article')?.dataset.article === '3' && document.querySelector('.newsletter-signup')?.hasAttribute('data-declutter-hidden')), 'the new signup form hidden');
        // The old page's marks went with its elements: the count is what is hidden now.
        await waitFor(async () => {
          const state = await driver.message(page, 'state');
          const onPage = await driver.evaluate(page, () => document.querySelectorAll('[data-declutter-hidden]').length);
          return state.cleaned && state.hidden === onPage;
        }, 'the marks to be those on the page');
        await driver.message(page, 'undo');
        assert.equal((await driver.evaluate(page, inPageTraces)).hidden, 0, 'restored');
        await driver.closePage(page);
      });
    }
  });
}
