// A hostile or busy page against the extension's own machinery (issue 19), in both browsers where
// the browser matters:
// - keys a page script dispatches never act in the reader; size changes are written once;
// - the hiding stylesheet leaves with the last mark, so the page keeps no rule for our attribute;
// - focus goes back into the page's shadow root where it was;
// - a batch of inserted subtrees that is still in analysis when the reader closes marks nothing;
// - racing toolbar clicks open one reader and inject the content script once (Chromium);
// - message types from Object.prototype find no handler (Chromium);
// - settings synced by a newer version (unknown kinds and keys) are ignored, and kept (Chromium);
// - the wasm is not reachable at a fixed extension URL, and our fetches do not show in the page's
//   resource timing (Chromium: use_dynamic_url; Firefox: its per-install random host).
// Fixtures: tests/fixtures/hostile/busy/ and www/demo/.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inPageHiddenCount, inPageHtml } from './checks.mjs';
import { BROWSERS, waitFor, withBrowser } from './suite.mjs';

const readerHosts = () => document.querySelectorAll('[data-declutter-ui=reader]').length;

// The demo page, once its late newsletter modal is in (the page's own change, before ours).
async function openNews(driver, base) {
  const page = await driver.open(`${base}/demo/news.html`);
  await waitFor(() => driver.evaluate(page, () => document.querySelector('.newsletter-modal') !== null), 'the late modal');
  return page;
}

// Keydown events made by a page script, as fast as it likes: Escape, and `+` forty times.
function inPageSyntheticKeys() {
  for (let i = 0; i < 40; i++) {
    for (const target of [document, window, document.activeElement]) {
      target?.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true, composed: true, cancelable: true }));
    }
  }
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
  return true;
}

// Whether the page could still use our attributes for itself: an element it marks stays visible,
// and its root's scrolling is its own.
function inPageOurRulesGone() {
  const probe = document.createElement('div');
  probe.textContent = 'probe';
  probe.setAttribute('data-declutter-hidden', 'ad');
  document.body.append(probe);
  document.documentElement.setAttribute('data-declutter-reading', '');
  const visible = probe.checkVisibility();
  const overflow = getComputedStyle(document.documentElement).overflow;
  probe.remove();
  document.documentElement.removeAttribute('data-declutter-reading');
  return visible && overflow !== 'hidden';
}

function inPageFocusInShadow() {
  const host = document.getElementById('search');
  return document.activeElement === host && host.shadowRoot.activeElement?.id === 'query';
}

// Extension URLs the page's resource timing has seen.
function inPageExtensionResources() {
  return performance.getEntriesByType('resource').map((e) => e.name).filter((u) => /^(chrome|moz)-extension:/.test(u));
}

for (const [browser, launch] of BROWSERS) {
  describe(`${browser}: hardening`, () => {
    let driver;
    let base;
    withBrowser(launch, (session) => ({ driver, base } = session));

    test(`${browser}: keys a page dispatches do nothing in the reader`, async () => {
      const page = await driver.open(`${base}/demo/news.html`);
      await driver.click(page);
      const before = await waitFor(() => driver.overlay(page), 'the overlay');
      await driver.evaluate(page, inPageSyntheticKeys);
      await new Promise((r) => setTimeout(r, 300));
      const after = await driver.overlay(page);
      assert.ok(after, 'a synthetic Escape does not close the reader');
      assert.equal(after.size, before.size, 'synthetic + does not change the size');
      if (driver.worker) {
        const { reader } = await driver.worker.evaluate(() => chrome.storage.sync.get('reader'));
        assert.equal(reader, undefined, 'nothing was written to storage');
      }
      await driver.press(page, 'Escape');
      await waitFor(async () => (await driver.overlay(page)) === null, 'a real Escape to close the reader');
      await driver.closePage(page);
    });

    test(`${browser}: the hiding stylesheet leaves with the reader`, async () => {
      const page = await openNews(driver, base);
      const pristine = await driver.evaluate(page, inPageHtml);
      await driver.click(page);
      await waitFor(() => driver.overlay(page), 'the overlay');
      assert.ok(await driver.evaluate(page, inPageHiddenCount) > 0, 'clutter hidden while reading');
      assert.equal(await driver.evaluate(page, inPageOurRulesGone), false, 'the rules are in while reading');
      await driver.click(page);
      await waitFor(async () => (await driver.overlay(page)) === null, 'the overlay to close');
      await waitFor(() => driver.evaluate(page, inPageOurRulesGone), 'the hiding stylesheet to go');
      assert.equal(await driver.evaluate(page, inPageHtml), pristine, 'the page is as before');
      await driver.closePage(page);
    });

    test(`${browser}: focus returns into the page's shadow root`, async () => {
      const page = await driver.open(`${base}/fixtures/hostile/busy/shadow-focus.html`);
      await driver.evaluate(page, () => {
        document.getElementById('search').shadowRoot.getElementById('query').focus();
        return true;
      });
      assert.ok(await driver.evaluate(page, inPageFocusInShadow), 'the field has focus before');
      await driver.click(page);
      await waitFor(() => driver.overlay(page), 'the overlay');
      await driver.click(page);
      await waitFor(async () => (await driver.overlay(page)) === null, 'the overlay to close');
      assert.ok(await driver.evaluate(page, inPageFocusInShadow), 'the field has focus again');
      await driver.closePage(page);
    });

    test(`${browser}: nothing is marked after the reader closes on a busy page`, async () => {
      // Strict CSP in Chromium: every batch goes through the background, so one is nearly always
      // in flight when the reader closes.
      const page = await driver.open(`${base}/csp/fixtures/hostile/busy/inserting.html`);
      for (let round = 0; round < 3; round++) {
        await driver.click(page);
        await waitFor(() => driver.overlay(page), 'the overlay');
        await waitFor(async () => (await driver.evaluate(page, inPageHiddenCount)) > 10, 'inserted prompts hidden while reading');
        await driver.click(page);
        await waitFor(async () => (await driver.overlay(page)) === null, 'the overlay to close');
        await new Promise((r) => setTimeout(r, 700));
        assert.equal(await driver.evaluate(page, inPageHiddenCount), 0, `round ${round}: nothing stays hidden after the close`);
      }
      await driver.closePage(page);
    });

    test(`${browser}: the page's resource timing never shows our wasm`, async () => {
      const page = await driver.open(`${base}/demo/news.html`);
      await driver.click(page);
      await waitFor(() => driver.overlay(page), 'the overlay');
      assert.deepEqual(await driver.evaluate(page, inPageExtensionResources), []);
      await driver.closePage(page);
    });
  });
}

describe('chromium: hardening of the extension side', () => {
  let driver;
  let base;
  withBrowser(BROWSERS[0][1], (session) => ({ driver, base } = session));

  test('chromium: two toolbar actions at once open one reader, and one click closes it', async () => {
    const page = await openNews(driver, base);
    const pristine = await driver.evaluate(page, inPageHtml);
    await driver.clickTwice(page);
    await waitFor(() => driver.overlay(page), 'the overlay');
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(await driver.evaluate(page, readerHosts), 1, 'one reader');
    await driver.click(page);
    await waitFor(async () => (await driver.evaluate(page, readerHosts)) === 0, 'the reader to close');
    await waitFor(async () => (await driver.evaluate(page, inPageHtml)) === pristine, 'the page as it was');
    // One content script listens: the next click opens exactly one reader again.
    await driver.click(page);
    await waitFor(() => driver.overlay(page), 'the overlay again');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await driver.evaluate(page, readerHosts), 1, 'one reader after the next click');
    await driver.closePage(page);
  });

  test('chromium: size changes are written to storage once', async () => {
    const page = await driver.open(`${base}/demo/news.html`);
    await driver.worker.evaluate(() => {
      globalThis.readerWrites = 0;
      chrome.storage.onChanged.addListener((changes) => {
        if (changes.reader) globalThis.readerWrites++;
      });
    });
    await driver.click(page);
    await waitFor(() => driver.overlay(page), 'the overlay');
    for (let i = 0; i < 4; i++) await driver.press(page, '+');
    await waitFor(async () => (await driver.overlay(page)).size === '32px', 'the size to reach 32px');
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(await driver.worker.evaluate(() => globalThis.readerWrites), 1, 'one write for four changes');
    const { reader } = await driver.worker.evaluate(() => chrome.storage.sync.get('reader'));
    assert.equal(reader.size, 32);
    await driver.press(page, 'Escape');
    await driver.worker.evaluate(() => chrome.storage.sync.clear());
    await driver.closePage(page);
  });

  test('chromium: message types from Object.prototype find no handler', async () => {
    const page = await driver.open(`${base}/demo/news.html`);
    await driver.click(page);
    await waitFor(() => driver.overlay(page), 'the overlay');
    for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const reply = await driver.worker.evaluate(async ({ url, type }) => {
        const [tab] = await chrome.tabs.query({ url });
        return chrome.tabs.sendMessage(tab.id, { type }).then((r) => ({ reply: r ?? null }), () => ({ reply: null }));
      }, { url: page.url(), type });
      assert.deepEqual(reply, { reply: null }, `no reply to "${type}"`);
    }
    assert.ok(await driver.overlay(page), 'the reader is still open');
    await driver.closePage(page);
  });

  test('chromium: settings from a newer version are ignored and kept', async () => {
    await driver.worker.evaluate(() => chrome.storage.sync.set({
      kinds: { ad: true, newsletter: true, share: true, consent: true, recommendation: true, overlay: true, chatbot: true },
      reader: { size: 22, theme: 'sepia', margins: 'wide' },
      layoutVersion: 7,
    }));
    const page = await driver.open(`${base}/demo/news.html`);
    await driver.click(page);
    const overlay = await waitFor(() => driver.overlay(page), 'the overlay');
    assert.equal(overlay.theme, 'sepia', 'known settings apply');
    assert.ok(await driver.evaluate(page, inPageHiddenCount) > 0, 'clutter hidden');
    await driver.press(page, '+');
    await driver.press(page, 'Escape');
    await waitFor(async () => (await driver.overlay(page)) === null, 'the overlay to close');
    const stored = await waitFor(async () => {
      const { reader } = await driver.worker.evaluate(() => chrome.storage.sync.get('reader'));
      return reader.size === 24 && reader;
    }, 'the new size to be stored');
    assert.equal(stored.margins, 'wide', 'a newer version\'s reader setting is kept');
    await driver.worker.evaluate(() => chrome.storage.sync.clear());
    await driver.closePage(page);
  });

  test('chromium: the wasm is not reachable at the fixed extension URL', async () => {
    const page = await driver.open(`${base}/demo/news.html`);
    const probe = (url) => fetch(url).then((r) => r.ok, () => false);
    for (const file of ['declutter_bg.wasm', 'declutter_clutter_bg.wasm']) {
      assert.equal(await page.evaluate(probe, `chrome-extension://${driver.extensionId}/${file}`), false, `${file} is hidden`);
    }
    // The extension itself still loads it (through the session's dynamic URL).
    await driver.click(page);
    await waitFor(() => driver.overlay(page), 'the overlay');
    await driver.closePage(page);
  });
});
