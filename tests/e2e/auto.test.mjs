// Automatic cleaning, in Chromium: with the option on and host access granted, the extension's
// scripts run at document_start on every page and hide the clutter without a click (the
// newsletter modal the page inserts after loading too); the reader opens and closes on top of it.
// On a single-page app the cleaning follows the site's moves (tests/fixtures/spa/app.html).
//
// Host access for automatic cleaning is an optional permission that only a person can grant (the
// options page asks, the browser shows a prompt), so this test loads a copy of the built extension
// whose manifest grants it at install. Everything else is the shipped extension. Firefox is not
// run here: its drivers cannot grant the permission either, and its manifest would need the same
// change.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './chromium-driver.mjs';
import { waitFor, withBrowser } from './suite.mjs';
import { assertCleaned, inPageErrors, inPageExpectations, inPageHiddenCount, inPageWatchErrors } from './checks.mjs';

const extension = mkdtempSync(join(tmpdir(), 'declutter-auto-'));
cpSync(fileURLToPath(new URL('../../dist/chrome', import.meta.url)), extension, { recursive: true });
const manifest = JSON.parse(readFileSync(join(extension, 'manifest.json'), 'utf8'));
writeFileSync(join(extension, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: ['<all_urls>'] }));
after(() => rmSync(extension, { recursive: true, force: true }));

let driver;
let base;
withBrowser(() => launch(extension), (session) => ({ driver, base } = session));

test('chromium: automatic cleaning hides clutter without a click, and the reader still opens and closes', async () => {
  // The options page stores the switch; the background registers the scripts when it changes.
  await driver.worker.evaluate(() => chrome.storage.sync.set({ autoClean: true }));
  await waitFor(
    () => driver.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).some((s) => s.runAt === 'document_start')),
    'the automatic-cleaning scripts to be registered at document_start',
  );

  const page = await driver.open(`${base}/demo/news.html`);
  await driver.evaluate(page, inPageWatchErrors);
  // The modal arrives after the first pass: the observer hides it too.
  await waitFor(
    () => driver.evaluate(page, () => document.querySelector('.newsletter-modal')?.closest('[data-declutter-hidden]') != null),
    'the late newsletter modal to be hidden',
  );
  assertCleaned(await driver.evaluate(page, inPageExpectations));

  await driver.click(page);
  const overlay = await waitFor(() => driver.overlay(page), 'the reader');
  assert.match(overlay.title, /floating solar market hall/);
  await driver.press(page, 'Escape');
  await waitFor(async () => (await driver.overlay(page)) === null, 'the reader to close');
  // The page stays cleaned: the reader closed, automatic cleaning did not.
  assert.ok(await driver.evaluate(page, inPageHiddenCount) > 0, 'clutter still hidden after the reader closed');
  assert.deepEqual(await driver.evaluate(page, inPageErrors), [], 'no uncaught page errors');
  await driver.closePage(page);
});

test('chromium: on a single-page app, automatic cleaning follows the site, also after the reader closed on a move', async () => {
  // Automatic cleaning is on since the test above.
  const page = await driver.open(`${base}/fixtures/spa/app.html?a=1`);
  await driver.evaluate(page, inPageWatchErrors);
  const signupHidden = () => document.querySelector('.newsletter-signup')?.hasAttribute('data-declutter-hidden') === true;
  await waitFor(() => driver.evaluate(page, signupHidden), 'the signup form hidden without a click');
  await driver.click(page);
  await waitFor(() => driver.overlay(page), 'the reader');
  // A page without an article: the reader closes; the page stays cleaned (automatic cleaning).
  await driver.evaluate(page, () => window.go('home'));
  await waitFor(async () => (await driver.overlay(page)) === null, 'the reader to close on the listing', 12_000);
  await driver.evaluate(page, () => window.go('2'));
  await waitFor(() => driver.evaluate(page, () => document.querySelector('article')?.dataset.article === '2'), 'the second article');
  await waitFor(() => driver.evaluate(page, signupHidden), 'the new signup form hidden');
  // Only what is on the page is counted: the first article's form went with it.
  await waitFor(async () => {
    const state = await driver.message(page, 'state');
    return state.cleaned && !state.reader && state.hidden === (await driver.evaluate(page, inPageHiddenCount));
  }, 'the marks to be those on the page');
  assert.deepEqual(await driver.evaluate(page, inPageErrors), [], 'no uncaught page errors');
  await driver.closePage(page);
});
