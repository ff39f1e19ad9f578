// The end-to-end suite, written once and run in each browser through a small driver
// (chromium-driver.mjs: playwright-core + CDP; firefox-driver.mjs: selenium + geckodriver).
// Every step goes through the extension's real toolbar action.
//
// A driver provides: open(url) -> page, goto(page, url) (same tab), extensionUrl(path) -> the
// URL of one of the extension's own pages, evaluate(page, fn), click(page), overlay(page) ->
// {title, text, html, imagesPending, dialog, size, scrollTop} | null, overlayClick(page, selector),
// overlayFocus(page) -> {tag, control, text, index} of the element focused in the overlay | null,
// toastText(page) -> the toast's text | null, typography(page) -> inShadowTypography's measures,
// overlayProbe(page, selector) -> {className, text, title} | null, printing(page, on) -> false
// when the browser cannot emulate print, press(page, key), reload(page), badge(page) (null when
// the browser cannot report it), closePage(page), close().
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { origin, serve } from './server.mjs';
import { launch as launchChromium } from './chromium-driver.mjs';
import { launch as launchFirefox } from './firefox-driver.mjs';
import {
  assertCleaned, assertReader, inPageErrors, inPageExpectations, inPageFocus, inPageHiddenCount, inPageHtml,
  inPageInsertLatePrompt, inPageToastSeen, inPageWatchErrors, inPageWatchToast,
} from './checks.mjs';

const dist = (browser) => fileURLToPath(new URL(`../../dist/${browser}`, import.meta.url));

// Both browsers with the built extension, for the suites that run the same tests in each:
// [name, launch(options)] (options as the drivers take them, e.g. a UI locale).
export const BROWSERS = [
  ['chromium', (options) => launchChromium(dist('chrome'), options)],
  ['firefox', (options) => launchFirefox(dist('firefox'), options)],
];

export async function waitFor(check, what, timeout = 8000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Starts the test server and a browser with the extension before the tests of the enclosing
// file or describe block, hands `{driver, base}` to `ready`, and stops both after the tests.
export function withBrowser(launchDriver, ready) {
  const session = { server: null, base: null, driver: null };
  before(async () => {
    session.server = await serve();
    session.base = origin(session.server);
    session.driver = await launchDriver();
    ready(session);
  });
  after(async () => {
    await session.driver?.close();
    session.server?.close();
  });
  return session;
}

export function defineSuite(browserName, launchDriver) {
  let driver;
  let base;
  withBrowser(launchDriver, (session) => ({ driver, base } = session));

  const overlayGone = (page) => waitFor(async () => (await driver.overlay(page)) === null, 'the overlay to close');

  async function openNews(prefix) {
    const page = await driver.open(`${base}${prefix}/demo/news.html`);
    // The page inserts its own newsletter modal after load; let it settle first.
    await waitFor(() => driver.evaluate(page, () => document.querySelector('.newsletter-modal') !== null), 'the late modal');
    await driver.evaluate(page, inPageWatchErrors);
    return page;
  }

  for (const [name, prefix] of [['normal page', ''], ['strict-CSP page', '/csp']]) {
    test(`${browserName}: reader opens, hides clutter, restores the page (${name})`, async () => {
      const page = await openNews(prefix);
      const pristine = await driver.evaluate(page, inPageHtml);

      await driver.click(page);
      const overlay = await waitFor(() => driver.overlay(page), 'the overlay');
      assertReader(await driver.evaluate(page, inPageExpectations), overlay);
      assert.equal(overlay.dialog, 'dc-title', 'the dialog is labelled by the title');
      const badge = await driver.badge(page);
      if (badge !== null) assert.equal(badge, String(await driver.evaluate(page, inPageHiddenCount)), 'the badge counts hidden elements');

      // Clutter inserted while the reader is open is classified and hidden too.
      await driver.evaluate(page, inPageInsertLatePrompt);
      await waitFor(
        () => driver.evaluate(page, () => document.querySelector('.newsletter-inline-promo[data-declutter-hidden]') !== null),
        'the late prompt to be hidden',
      );
      await driver.evaluate(page, () => document.querySelector('.newsletter-inline-promo').remove());

      // Esc closes, and the page is exactly as before.
      await driver.press(page, 'Escape');
      await overlayGone(page);
      assert.equal(await driver.evaluate(page, inPageHtml), pristine, 'closing restores the page exactly');

      // The toolbar button toggles: open, then close again.
      await driver.click(page);
      await waitFor(() => driver.overlay(page), 'the overlay again');
      await driver.click(page);
      await overlayGone(page);
      assert.equal(await driver.evaluate(page, inPageHtml), pristine, 'toggling restores the page exactly');
      assert.deepEqual(await driver.evaluate(page, inPageErrors), [], 'no uncaught page errors');
      await driver.closePage(page);
    });
  }

  test(`${browserName}: reader settings persist across reloads`, async () => {
    const page = await openNews('');
    await driver.click(page);
    const first = await waitFor(() => driver.overlay(page), 'the overlay');
    await driver.press(page, '+');
    await driver.press(page, '+');
    const bigger = await driver.overlay(page);
    assert.notEqual(bigger.size, first.size, '+ makes the text larger');
    await driver.reload(page);
    await driver.click(page);
    const reopened = await waitFor(() => driver.overlay(page), 'the overlay after reload');
    assert.equal(reopened.size, bigger.size, 'the font size survives a reload');
    await driver.press(page, '-');
    await driver.press(page, '-');
    await driver.closePage(page);
  });

  // Typography a person would choose to read in, at the default settings: 60-75 characters a
  // line, line height 1.4-1.8, body text at WCAG AAA contrast (7:1) and muted text and links at
  // AA (4.5:1) in every theme.
  test(`${browserName}: the reader's typography at the default settings`, async () => {
    const page = await openNews('');
    await driver.click(page);
    await waitFor(() => driver.overlay(page), 'the overlay');
    const type = await driver.typography(page);
    assert.ok(type.charsPerLine >= 60 && type.charsPerLine <= 75, `${type.charsPerLine.toFixed(1)} characters a line`);
    assert.ok(type.lineHeight >= 1.4 && type.lineHeight <= 1.8, `line height ${type.lineHeight.toFixed(2)}`);
    for (const [theme, c] of Object.entries(type.themes)) {
      assert.ok(c.body >= 7, `${theme}: body contrast ${c.body.toFixed(1)}`);
      assert.ok(c.muted >= 4.5 && c.link >= 4.5, `${theme}: muted ${c.muted.toFixed(1)}, link ${c.link.toFixed(1)}`);
    }
    await driver.press(page, 'Escape');
    await overlayGone(page);
    await driver.closePage(page);
  });

  test(`${browserName}: overlay controls work (theme, read aloud, print)`, async () => {
    const page = await openNews('');
    await driver.click(page);
    await waitFor(() => driver.overlay(page), 'the overlay');

    const before = await driver.overlay(page);
    await driver.overlayClick(page, 'button[data-control="larger"]');
    assert.notEqual((await driver.overlay(page)).size, before.size, 'the A+ button makes the text larger');
    await driver.overlayClick(page, 'button[data-control="smaller"]');

    // Read aloud highlights the block being read; where the browser has no voice (headless
    // machines usually have none) the button says so instead of failing silently.
    await driver.overlayClick(page, 'button[data-control="readAloud"]');
    const outcome = await waitFor(async () => {
      const speaking = await driver.overlayProbe(page, '.dc-speaking');
      if (speaking) return { speaking };
      const button = await driver.overlayProbe(page, '.dc-speech button[data-state="unavailable"]');
      return button ? { unavailable: button.title } : null;
    }, 'reading aloud to start or to report no voice');
    if (outcome.speaking) assert.ok(outcome.speaking.text.trim().length > 0, 'the highlighted block has text');

    // With the reader open, printing shows the article and not the page.
    if (await driver.printing(page, true)) {
      const printed = await driver.evaluate(page, () => ({
        body: getComputedStyle(document.body).display,
        reader: document.querySelector('[data-declutter-ui=reader]').checkVisibility(),
      }));
      assert.deepEqual(printed, { body: 'none', reader: true }, 'print media shows only the reader');
      await driver.printing(page, false);
    }
    await driver.press(page, 'Escape');
    await overlayGone(page);
    await driver.closePage(page);
  });

  // Focus is trapped in the dialog and comes back to the page element that had it: a link on the
  // demo page, and on the clobbering fixture a focusable form whose controls are named "focus"
  // and "localName" (seen as the form's own properties from Chrome's isolated world).
  for (const [path, focused, long] of [['/demo/news.html', 'main a[href]', true], ['/fixtures/hostile/clobbering.html', '#focus-return', false]]) {
    test(`${browserName}: focus stays in the reader and returns to the page (${path})`, async () => {
      const page = await driver.open(`${base}${path}`);
      const pageFocus = () => driver.evaluate(page, inPageFocus);
      await driver.evaluate(page, new Function(`HTMLElement.prototype.focus.call(Document.prototype.querySelector.call(document, '${focused}'))`));
      const before = await pageFocus();
      assert.ok(before.startsWith('<'), 'a page element has focus before');
      await driver.click(page);
      await waitFor(() => driver.overlay(page), 'the overlay');
      assert.ok(await driver.overlayFocus(page), 'focus moves into the reader');
      if (long) {
        await driver.press(page, 'PageDown');
        await waitFor(async () => (await driver.overlay(page)).scrollTop > 0, 'PageDown to scroll the article');
      }

      // Tab until focus comes back to where the first Tab put it: every stop is in the reader.
      await driver.press(page, 'Tab');
      const first = await driver.overlayFocus(page);
      const stops = [first];
      for (;;) {
        await driver.press(page, 'Tab');
        const now = await driver.overlayFocus(page);
        assert.ok(now, `Tab ${stops.length + 1} keeps focus in the reader`);
        if (now.index === first.index) break;
        stops.push(now);
        assert.ok(stops.length < 200, 'Tab comes around');
      }
      const controls = stops.map((s) => s.control).filter(Boolean);
      for (const control of ['font', 'larger', 'theme', 'close']) assert.ok(controls.includes(control), `Tab reaches ${control}`);
      // Shift+Tab goes back: from the first stop around to the last one, then forwards again.
      await driver.press(page, 'Shift+Tab');
      assert.equal((await driver.overlayFocus(page))?.index, stops.at(-1).index, 'Shift+Tab from the first stop wraps to the last');
      await driver.press(page, 'Shift+Tab');
      assert.equal((await driver.overlayFocus(page))?.index, stops.at(-2).index, 'Shift+Tab steps back');

      await driver.press(page, 'Escape');
      await overlayGone(page);
      assert.equal(await pageFocus(), before, 'focus is back on the page element that had it');
      await driver.closePage(page);
    });
  }

  test(`${browserName}: a page without an article is left alone`, async () => {
    const page = await driver.open(`${base}/demo/no-article.html`);
    const pristine = await driver.evaluate(page, inPageHtml);
    await driver.evaluate(page, inPageWatchToast);
    await driver.click(page);
    // The toast says so and goes away by itself.
    await waitFor(() => driver.evaluate(page, inPageToastSeen), 'the toast');
    const badge = await driver.badge(page);
    if (badge !== null) assert.equal(badge, '—', 'the badge says there is no article');
    assert.equal(await driver.overlay(page), null, 'no overlay');
    assert.equal(await driver.evaluate(page, inPageHiddenCount), 0, 'nothing hidden');
    await waitFor(async () => (await driver.evaluate(page, inPageHtml)) === pristine, 'the page to be as it was', 6000);
    await driver.closePage(page);
  });

  test(`${browserName}: the clutter fixtures are cleaned and read`, async () => {
    const dir = fileURLToPath(new URL('../fixtures/clutter', import.meta.url));
    const files = readdirSync(dir).filter((f) => f.endsWith('.html'));
    assert.ok(files.length > 0, 'clutter fixtures exist');
    for (const file of files) {
      const page = await driver.open(`${base}/fixtures/clutter/${file}`);
      await driver.click(page);
      const overlay = await waitFor(() => driver.overlay(page), `the overlay on ${file}`);
      const expect = await driver.evaluate(page, inPageExpectations);
      assertCleaned(expect);
      const text = overlay.text.replace(/\s+/g, ' ');
      for (const paragraph of expect.article) {
        assert.ok(text.includes(paragraph), `${file}: the overlay shows ${paragraph.slice(0, 60)}...`);
      }
      await driver.closePage(page);
    }
  });
}
