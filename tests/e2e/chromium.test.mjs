// The extension in Chromium, driven through its real toolbar action: on the demo news page, also
// served with a strict CSP (where Chrome refuses wasm in content scripts and the background
// fallback takes over), the reader shows the article, clutter is hidden, late clutter too, and
// closing restores the page exactly.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, readOverlay } from './chromium-driver.mjs';
import { origin, serve } from './server.mjs';
import { assertCleaned, assertReader, inPageExpectations, inPageHiddenCount, inPageHtml, inPageInsertLatePrompt } from './checks.mjs';

const extensionDir = fileURLToPath(new URL('../../dist/chrome', import.meta.url));
let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch(extensionDir);
});
after(async () => {
  await browser?.close();
  server?.close();
});

async function waitFor(check, what, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function openNews(prefix) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(`${origin(server)}${prefix}/demo/news.html`);
  // The page inserts its own newsletter modal after load; let it settle first.
  await page.waitForSelector('.newsletter-modal', { state: 'attached' });
  return { page, errors };
}

async function badge(page) {
  const tabId = await browser.worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, page.url());
  return browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

for (const [name, prefix] of [['normal page', ''], ['strict-CSP page', '/csp']]) {
  test(`reader opens, hides clutter and restores the page (${name})`, async () => {
    const { page, errors } = await openNews(prefix);
    const pristine = await page.evaluate(inPageHtml);

    await browser.click(page);
    const overlay = await waitFor(() => readOverlay(page), 'the overlay');
    assertReader(await page.evaluate(inPageExpectations), overlay);
    assert.equal(overlay.dialog, 'dc-title', 'the dialog is labelled by the title');
    assert.equal(await badge(page), String(await page.evaluate(inPageHiddenCount)), 'the badge counts hidden elements');

    // Clutter inserted while the reader is open is classified and hidden too.
    await page.evaluate(inPageInsertLatePrompt);
    await waitFor(() => page.evaluate(() => document.querySelector('.newsletter-inline-promo[data-declutter-hidden]')), 'the late prompt hidden');
    await page.evaluate(() => document.querySelector('.newsletter-inline-promo').remove());

    // Esc closes; the page is exactly as before.
    await page.keyboard.press('Escape');
    await waitFor(async () => (await readOverlay(page)) === null, 'the overlay to close');
    assert.equal(await page.evaluate(inPageHtml), pristine, 'closing restores the page exactly');

    // The toolbar button toggles: open, then close again.
    await browser.click(page);
    await waitFor(() => readOverlay(page), 'the overlay again');
    await browser.click(page);
    await waitFor(async () => (await readOverlay(page)) === null, 'the overlay to close on the second click');
    assert.equal(await page.evaluate(inPageHtml), pristine, 'toggling restores the page exactly');
    assert.deepEqual(errors, [], 'no uncaught page errors');
    await page.close();
  });
}

test('reader settings persist across reloads', async () => {
  const { page } = await openNews('');
  await browser.click(page);
  const first = await waitFor(() => readOverlay(page), 'the overlay');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  const bigger = await readOverlay(page);
  assert.notEqual(bigger.size, first.size, '+ makes the text larger');
  await page.reload();
  await page.waitForSelector('.newsletter-modal', { state: 'attached' });
  await browser.click(page);
  const reopened = await waitFor(() => readOverlay(page), 'the overlay after reload');
  assert.equal(reopened.size, bigger.size, 'the font size survives a reload');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await page.close();
});

test('a page without an article is left alone', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${origin(server)}/demo/no-article.html`);
  const pristine = await page.evaluate(inPageHtml);
  await browser.click(page);
  await waitFor(async () => (await badge(page)) === '—', 'the no-article badge');
  assert.equal(await readOverlay(page), null, 'no overlay');
  assert.equal(await page.evaluate(inPageHiddenCount), 0, 'nothing hidden');
  await waitFor(async () => (await page.evaluate(inPageHtml)) === pristine, 'the toast to go', 5000);
  await page.close();
});

test('the clutter fixtures are cleaned in the browser too', async () => {
  const { readdirSync } = await import('node:fs');
  const dir = fileURLToPath(new URL('../fixtures/clutter', import.meta.url));
  let files = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.html'));
  } catch {}
  assert.ok(files.length > 0, `clutter fixtures in ${join('tests', 'fixtures', 'clutter')}`);
  for (const file of files) {
    const page = await browser.context.newPage();
    await page.goto(`${origin(server)}/fixtures/clutter/${file}`);
    await browser.click(page);
    const overlay = await waitFor(() => readOverlay(page), `the overlay on ${file}`);
    const expect = await page.evaluate(inPageExpectations);
    if (expect.clutter.length > 0) assertCleaned(expect);
    for (const paragraph of expect.article) {
      assert.ok(overlay.text.replace(/\s+/g, ' ').includes(paragraph), `${file}: overlay shows ${paragraph.slice(0, 60)}...`);
    }
    await page.close();
  }
});
