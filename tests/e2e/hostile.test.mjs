// Hostile markup never runs and never reaches the reader, in Chromium and Firefox
// (fixtures: tests/fixtures/hostile/, see its README for the sentinel protocol).
//
// For each fixture: arm the sentinels after the page's own load, open the reader, wait until the
// reader's images have settled and a message posted after them has arrived (so any handler that
// was going to fire has fired), then check: no sentinel fired, the reader is shown over the whole
// window, its HTML passes an independent allow-list audit, closing restores the page exactly,
// and no uncaught error. Two fixtures attack the overlay itself: claims-our-names.html defines
// custom elements under names an overlay might use (no shadow root allowed) and hides any element
// under <html> with !important; reaches-closed-roots.html grabs closed roots through
// attachInternals().
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { auditReaderHtml, inPageArmSentinels, inPageErrors, inPageHtml, inPageSentinelHits, inPageWatchErrors } from './checks.mjs';
import { BROWSERS, waitFor, withBrowser } from './suite.mjs';

const FIXTURES = fileURLToPath(new URL('../fixtures/hostile', import.meta.url));
const ARTICLE_START = 'The committee met on Tuesday to discuss the harbour renovation';

// Resolves once a message posted now has been delivered: every message posted before it has been.
function inPageBarrier() {
  return new Promise((resolve) => {
    const token = `dc-barrier-${Math.random()}`;
    addEventListener('message', function done(e) {
      if (e.data !== token) return;
      removeEventListener('message', done);
      resolve(true);
    });
    postMessage(token, '*');
  });
}

// The reader's host is shown and fills the window, whatever the page's CSS says (read through
// the prototypes: clobbering.html names elements after DOM methods).
function inPageReaderCoversViewport() {
  const host = Document.prototype.querySelector.call(document, '[data-declutter-ui=reader]');
  if (!host || !Element.prototype.checkVisibility.call(host, { opacityProperty: true, visibilityProperty: true })) return false;
  const box = Element.prototype.getBoundingClientRect.call(host);
  return box.left <= 0 && box.top <= 0 && box.width >= innerWidth - 20 && box.height >= innerHeight;
}

for (const [browser, launch] of BROWSERS) {
  describe(`${browser}: hostile pages`, () => {
    let driver;
    let base;
    withBrowser(launch, (session) => ({ driver, base } = session));

    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.html')).sort();
    for (const file of files) {
      test(`${browser}: ${file}: nothing runs, nothing active in the reader, page restored`, async () => {
        const page = await driver.open(`${base}/fixtures/hostile/${file}`);
        await driver.evaluate(page, inPageWatchErrors);
        await driver.evaluate(page, inPageArmSentinels);
        const pristine = await driver.evaluate(page, inPageHtml);

        await driver.click(page);
        const overlay = await waitFor(() => driver.overlay(page), 'the overlay');
        assert.ok(overlay.text.replace(/\s+/g, ' ').includes(ARTICLE_START), 'the reader shows the article');
        await waitFor(async () => (await driver.overlay(page)).imagesPending === 0, 'the reader images to settle');
        await driver.evaluate(page, inPageBarrier);
        assert.deepEqual(await driver.evaluate(page, inPageSentinelHits), [], 'no payload ran');
        assert.ok(await driver.evaluate(page, inPageReaderCoversViewport), 'the page cannot hide or shrink the reader');
        assert.deepEqual(auditReaderHtml(overlay.html), [], 'the reader holds nothing active');
        for (const needle of ['postMessage', 'javascript:', 'vbscript:', 'data:text/html']) {
          assert.ok(!overlay.html.toLowerCase().includes(needle.toLowerCase()), `no ${needle} in the reader`);
        }

        await driver.click(page);
        await waitFor(async () => (await driver.overlay(page)) === null, 'the overlay to close');
        assert.equal(await driver.evaluate(page, inPageHtml), pristine, 'the page is as before');
        assert.deepEqual(await driver.evaluate(page, inPageErrors), [], 'no uncaught page errors');
        await driver.closePage(page);
      });
    }
  });
}
