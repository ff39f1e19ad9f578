// "Never break a page, never lose the page", in Chromium with the built extension:
// - every page of both corpora's samples (tests/corpus): open then close the reader, and clean
//   then undo, leave `document.documentElement.outerHTML` exactly as it was, with no error
//   (pages are served with a CSP that stops their scripts, so only declutter can change the DOM;
//   it also sends the engine to the background fallback, which is the harder path); in Firefox, every fourth
//   page, reader open and close through the toolbar button (WebDriver cannot send the
//   extension's clean/undo messages there);
// - a page that throws its subtree away and rebuilds it (React-style) keeps working;
// - the overlay never appears inside frames;
// - a page past the caps gets a "page too large" toast and is left untouched; a 100,000-deep
//   page is read without a stack overflow.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { corpusPaths } from './server.mjs';
import { inPageErrors, inPageHiddenCount, inPageHtml, inPageWatchErrors } from './checks.mjs';
import { BROWSERS, waitFor, withBrowser } from './suite.mjs';
import { launch } from './chromium-driver.mjs';

const read = (path) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');

test('the walker and the decoder cap at the same numbers', () => {
  const walker = read('../../extension/walk.js');
  const decoder = read('../../src/dom/wire.rs');
  const js = (name) => eval(new RegExp(`export const ${name} = ([^;]+);`).exec(walker)[1]);
  const rs = (name) => eval(new RegExp(`pub const ${name}: usize = ([^;]+);`).exec(decoder)[1]);
  assert.equal(js('MAX_NODES'), rs('MAX_NODES'));
  assert.equal(js('MAX_TEXT_UNITS'), rs('MAX_TEXT_BYTES'));
});

describe('chromium: robustness', () => {
  let driver;
  let base;
  withBrowser(() => launch(fileURLToPath(new URL('../../dist/chrome', import.meta.url))), (session) => ({ driver, base } = session));

  const noToast = (page) => waitFor(() => driver.evaluate(page, () => document.querySelector('[data-declutter-ui=toast]') === null), 'the toast to go', 6000);
  const shown = (page) => driver.evaluate(page, () => document.querySelector('[data-declutter-ui=reader]') ? 'reader' : document.querySelector('[data-declutter-ui=toast]') ? 'toast' : null);

  // The first action on a tab must be a real toolbar click: it grants activeTab, which the
  // background needs to inject the content scripts; messages work from then on.
  // Harness flake, seen on 2 of ~200 pages under heavy machine load and never alone: a CDP
  // `triggerAction` fired right after the previous tab closed is sometimes not granted activeTab
  // ("Cannot access contents of the page" on the action title). Only then we click once more,
  // as a user would; any other failure fails the test.
  const actionTitle = (page) => driver.worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    return tab ? chrome.action.getTitle({ tabId: tab.id }) : '';
  }, page.url()).catch((err) => String(err));

  async function clickAndSettle(page, what) {
    for (let attempt = 1; ; attempt++) {
      await driver.click(page);
      try {
        return await waitFor(async () => (await shown(page)) ?? ((await actionTitle(page)).includes('Cannot access') ? 'denied' : null),
          `the reader or a toast on ${what}`, 30000).then((r) => {
          if (r === 'denied') throw new Error('activeTab was not granted');
          return r;
        });
      } catch (e) {
        if (attempt < 3 && e.message === 'activeTab was not granted') {
          // Clear the stale error title so that the second attempt is judged on its own.
          await driver.worker.evaluate(async (url) => {
            const [tab] = await chrome.tabs.query({ url });
            if (tab) await chrome.action.setTitle({ tabId: tab.id, title: '' });
          }, page.url());
          continue;
        }
        throw new Error(`${e.message} on ${what} (action title: ${await actionTitle(page)})`);
      }
    }
  }

  test('every corpus page is restored exactly after reader open/close and clean/undo', async (t) => {
    const paths = await corpusPaths();
    assert.ok(paths.length >= 25, `the corpus sample is there (${paths.length} pages)`);
    const started = Date.now();
    const outcomes = {};
    // One tab for every page: closing tabs one after another is what made activeTab flaky.
    const page = await driver.open('about:blank');
    for (const path of paths) {
      await page.goto(`${base}${path}`);
      await driver.evaluate(page, inPageWatchErrors);
      const pristine = await driver.evaluate(page, inPageHtml);
      const outcome = await clickAndSettle(page, path);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      if (outcome === 'reader') assert.equal((await driver.message(page, 'toggle')).status, 'closed', path);
      else await noToast(page);
      assert.equal(await driver.evaluate(page, inPageHtml), pristine, `${path}: closing the reader restores the page`);

      const cleaned = await driver.message(page, 'clean');
      assert.equal(cleaned.status, 'cleaned', path);
      assert.equal(await driver.evaluate(page, inPageHiddenCount), cleaned.hidden, `${path}: hidden as reported`);
      await driver.message(page, 'undo');
      assert.equal(await driver.evaluate(page, inPageHtml), pristine, `${path}: undo restores the page`);
      assert.deepEqual(await driver.evaluate(page, inPageErrors), [], `${path}: no uncaught errors`);
    }
    await driver.closePage(page);
    t.diagnostic(`${paths.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(outcomes)}`);
  });

  test('a page that re-renders keeps working: clutter hidden again, reader stays open', async () => {
    const page = await driver.open(`${base}/fixtures/live/rerender.html`);
    await driver.evaluate(page, inPageWatchErrors);
    const promoHidden = () => driver.evaluate(page, () => {
      const promo = document.querySelector('.newsletter-inline-promo');
      return promo?.hasAttribute('data-declutter-hidden') && !promo.checkVisibility();
    });
    assert.equal(await clickAndSettle(page, 'the re-rendering page'), 'reader');
    assert.ok(await promoHidden(), 'the reader hid the clutter');
    await driver.evaluate(page, () => window.rerender());
    await waitFor(promoHidden, 'clutter of the next render to be hidden');
    const overlay = await driver.overlay(page);
    assert.ok(overlay && overlay.text.includes('spring tides'), 'the reader is still open with the article');
    assert.equal((await driver.message(page, 'toggle')).status, 'closed');
    assert.equal(await driver.evaluate(page, inPageHiddenCount), 0, 'closing the reader unmarks everything');

    assert.ok((await driver.message(page, 'clean')).hidden > 0, 'clutter is hidden');
    await driver.evaluate(page, () => window.rerender());
    await waitFor(promoHidden, 're-inserted clutter to be hidden again');
    await driver.message(page, 'undo');
    assert.equal(await driver.evaluate(page, inPageHiddenCount), 0, 'undo unmarks everything');
    assert.deepEqual(await driver.evaluate(page, inPageErrors), [], 'no uncaught errors');
    await driver.closePage(page);
  });

  test('the overlay appears in the top frame only, never inside an ad frame', async () => {
    const page = await driver.open(`${base}/fixtures/live/framed.html`);
    const frame = await waitFor(() => page.frames().find((f) => f.url().endsWith('/ad-frame.html')), 'the ad frame');
    await driver.click(page);
    await waitFor(() => driver.evaluate(page, () => document.documentElement.lastElementChild?.getAttribute('data-declutter-ui') === 'reader'), 'the overlay in the top page');
    const inFrame = () => frame.evaluate(() => document.querySelectorAll('[data-declutter-ui], [data-declutter-hidden]').length);
    assert.equal(await inFrame(), 0, 'nothing of declutter inside the frame');
    await driver.click(page);
    await waitFor(async () => (await driver.overlay(page)) === null, 'the overlay to close');
    assert.equal(await inFrame(), 0);
    await driver.closePage(page);
  });

  test('a page past the caps gets a "page too large" toast and is left untouched', async () => {
    const page = await driver.open(`${base}/fixtures/live/huge.html`);
    await driver.evaluate(page, inPageWatchErrors);
    const pristine = await driver.evaluate(page, inPageHtml);
    assert.equal(await clickAndSettle(page, 'the huge page'), 'toast', 'a toast, no reader');
    await assert.rejects(driver.message(page, 'toggle'), /page too large: more than 500000 nodes/);
    await assert.rejects(driver.message(page, 'clean'), /page too large/);
    assert.equal(await driver.evaluate(page, inPageHiddenCount), 0, 'nothing hidden');
    await noToast(page);
    assert.equal(await driver.evaluate(page, inPageHtml), pristine, 'the page is as it was');
    assert.deepEqual(await driver.evaluate(page, inPageErrors), [], 'no uncaught errors');
    await driver.closePage(page);
  });

  test('a 100,000-deep page is read without a stack overflow', async () => {
    const page = await driver.open(`${base}/fixtures/live/deep.html`);
    await driver.evaluate(page, inPageWatchErrors);
    // (driver.overlay is not used here: CDP's whole-document dump is itself recursive.)
    assert.equal(await clickAndSettle(page, 'the deep page'), 'reader', 'the article is read');
    assert.equal((await driver.message(page, 'toggle')).status, 'closed');
    assert.deepEqual(await driver.evaluate(page, inPageErrors), [], 'no uncaught errors');
    await driver.closePage(page);
  });
});

describe('firefox: robustness', () => {
  let driver;
  let base;
  withBrowser(BROWSERS.find(([name]) => name === 'firefox')[1], (session) => ({ driver, base } = session));

  test('every fourth corpus page is restored exactly after reader open/close', async (t) => {
    const paths = (await corpusPaths()).filter((_, i) => i % 4 === 0);
    const started = Date.now();
    const outcomes = {};
    const page = await driver.open('about:blank');
    const shown = () => driver.evaluate(page, () => document.querySelector('[data-declutter-ui=reader]') ? 'reader' : document.querySelector('[data-declutter-ui=toast]') ? 'toast' : null);
    for (const path of paths) {
      await driver.goto(page, `${base}${path}`);
      await driver.evaluate(page, inPageWatchErrors);
      const pristine = await driver.evaluate(page, inPageHtml);
      await driver.click(page);
      const outcome = await waitFor(shown, `the reader or a toast on ${path}`, 30000);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      if (outcome === 'reader') await driver.click(page);
      await waitFor(async () => (await shown()) === null, `the reader or toast to go on ${path}`, 6000);
      assert.equal(await driver.evaluate(page, inPageHtml), pristine, `${path}: closing the reader restores the page`);
      assert.deepEqual(await driver.evaluate(page, inPageErrors), [], `${path}: no uncaught errors`);
    }
    t.diagnostic(`${paths.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(outcomes)}`);
  });
});
