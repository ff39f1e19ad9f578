// Links in the reader, both browsers: a plain click opens the link as usual (in the same tab);
// Alt+click opens it in a new tab behind the reader's, with the reader open there when the
// extension may run on that site, and as a plain page with a toast saying why when it may not;
// Alt+Enter on the focused link does the same from the keyboard.
//
// Host access is an optional permission only a person grants from the browser's prompt. Firefox:
// granted through the add-on manager's permission store (ExtensionPermissions, chrome context),
// as the prompt's Allow does, after the no-access case. Chromium has no such hook: the access case
// runs a copy of the extension whose manifest lists the test server's origin as granted at install
// (as controls.test.mjs does), the no-access case the extension as shipped.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { By, Key } from 'selenium-webdriver';
import { inShadow, launch as launchChromium } from './chromium-driver.mjs';
import { grantOrigin, launch as launchFirefox } from './firefox-driver.mjs';
import { waitFor, withBrowser } from './suite.mjs';

const ORIGIN = 'http://127.0.0.1/*';
const ARTICLE = '/fixtures/reader/tide-tables.html';
const LINKED = '/fixtures/reader/tide-safety.html';
const LINK = 'a[href$="tide-safety.html"]';

const dist = (browser) => fileURLToPath(new URL(`../../dist/${browser}`, import.meta.url));
const granted = mkdtempSync(join(tmpdir(), 'declutter-links-'));
cpSync(dist('chrome'), granted, { recursive: true });
const manifest = JSON.parse(readFileSync(join(granted, 'manifest.json'), 'utf8'));
writeFileSync(join(granted, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: [ORIGIN] }));
after(() => rmSync(granted, { recursive: true, force: true }));

// What each browser needs for a modified click in the reader and for the tab it opens.
const adapters = {
  chromium: (d) => ({
    async click(page, selector, alt) {
      await page.bringToFront();
      const box = await inShadow(page, `function (s) {
        const el = this.querySelector(s);
        el.scrollIntoView({ block: 'center' });
        // The first line box: a link that wraps has nothing of it at its bounding box's centre.
        const r = el.getClientRects()[0];
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }`, [selector]);
      if (alt) await page.keyboard.down('Alt');
      await page.mouse.click(box.x, box.y);
      if (alt) await page.keyboard.up('Alt');
    },
    // Alt+Enter on the link, focused.
    async altEnter(page, selector) {
      await page.bringToFront();
      await inShadow(page, 'function (s) { this.querySelector(s).focus(); }', [selector]);
      await page.keyboard.press('Alt+Enter');
    },
    // Starts watching for a new tab; `await`ing the result gives {url, overlay(), close()}.
    newTab() {
      return d.context.waitForEvent('page').then(async (tab) => {
        await tab.waitForLoadState('load');
        return { url: () => tab.url(), overlay: () => d.overlay(tab), close: () => tab.close() };
      });
    },
    url: (page) => page.url(),
  }),
  firefox: (d) => {
    const driver = d.driver;
    return {
      async click(_page, selector, alt) {
        const root = await (await driver.findElement(By.css('[data-declutter-ui=reader]'))).getShadowRoot();
        const el = await root.findElement(By.css(selector));
        await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', el);
        let actions = driver.actions().move({ origin: el });
        if (alt) actions = actions.keyDown(Key.ALT);
        actions = actions.click();
        if (alt) actions = actions.keyUp(Key.ALT);
        await actions.perform();
      },
      async altEnter(_page, selector) {
        const root = await (await driver.findElement(By.css('[data-declutter-ui=reader]'))).getShadowRoot();
        await driver.executeScript('arguments[0].focus()', await root.findElement(By.css(selector)));
        await driver.actions().keyDown(Key.ALT).sendKeys(Key.ENTER).keyUp(Key.ALT).perform();
      },
      async newTab() {
        const main = await driver.getWindowHandle();
        const before = new Set(await driver.getAllWindowHandles());
        const handle = await waitFor(async () => (await driver.getAllWindowHandles()).find((h) => !before.has(h)), 'a new tab', 15_000);
        const inTab = async (fn) => {
          await driver.switchTo().window(handle);
          try {
            return await fn();
          } finally {
            await driver.switchTo().window(main);
          }
        };
        return {
          url: () => inTab(() => driver.getCurrentUrl()),
          overlay: () => inTab(() => d.overlay()),
          close: () => inTab(() => driver.close()),
        };
      },
      url: () => driver.getCurrentUrl(),
      grant: (origin) => grantOrigin(driver, d.addonId, origin),
    };
  },
};

const toastSeen = (driver, page, pattern) => waitFor(async () => pattern.test((await driver.toastText(page).catch(() => null)) ?? ''), `a toast matching ${pattern}`);

// Alt+click (or Alt+Enter) on the article's link from the reader; returns the new tab once it
// has loaded.
async function altClick(driver, a, base, key = false) {
  const page = await driver.open(`${base}${ARTICLE}`);
  await driver.click(page);
  await waitFor(() => driver.overlay(page), 'the reader');
  const opened = a.newTab();
  if (key) await a.altEnter(page, LINK);
  else await a.click(page, LINK, true);
  const tab = await opened;
  await waitFor(async () => (await tab.url()) === `${base}${LINKED}`, 'the new tab to load the link');
  assert.equal(await a.url(page), `${base}${ARTICLE}`, 'the reader stays where it was');
  assert.ok(await driver.overlay(page), 'the reader is still open');
  return { page, tab };
}

const cases = {
  // No access to the linked site: the page opens as a plain click would open it, and says so.
  async plainTab(driver, a, base) {
    const { page, tab } = await altClick(driver, a, base);
    await toastSeen(driver, page, /opened in a new tab without the reader: declutter has no access to 127\.0\.0\.1/);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await tab.overlay(), null, 'no reader in the new tab');
    await tab.close();
    await driver.closePage(page);
  },
  // The same from the keyboard: Alt+Enter on the focused link.
  async altEnter(driver, a, base) {
    const { page, tab } = await altClick(driver, a, base, true);
    await toastSeen(driver, page, /opened in a new tab without the reader/);
    await tab.close();
    await driver.closePage(page);
  },
  // Access: the new tab shows the linked article in the reader.
  async readerTab(driver, a, base) {
    const { page, tab } = await altClick(driver, a, base);
    await toastSeen(driver, page, /opened in a new tab, in the reader/);
    const overlay = await waitFor(() => tab.overlay(), 'the reader in the new tab', 20_000);
    assert.equal(overlay.title, 'Crossing safely at low water');
    await tab.close();
    await driver.closePage(page);
  },
  // A plain click follows the link in the reader's tab, as on the page.
  async plainClick(driver, a, base) {
    const page = await driver.open(`${base}${ARTICLE}`);
    await driver.click(page);
    await waitFor(() => driver.overlay(page), 'the reader');
    await a.click(page, LINK, false);
    await waitFor(async () => (await a.url(page)) === `${base}${LINKED}`, 'the link to open in this tab');
    await driver.closePage(page);
  },
};

describe('chromium', () => {
  for (const [setup, dir, names] of [['as shipped', dist('chrome'), ['plainClick', 'plainTab', 'altEnter']], ['with access to the site', granted, ['readerTab']]]) {
    describe(setup, () => {
      let driver;
      let base;
      let a;
      withBrowser(() => launchChromium(dir), (s) => {
        ({ driver, base } = s);
        a = adapters.chromium(driver);
      });
      for (const name of names) test(`chromium (${setup}): ${name}`, () => cases[name](driver, a, base));
    });
  }
});

describe('firefox', () => {
  let driver;
  let base;
  let a;
  withBrowser(() => launchFirefox(dist('firefox')), (s) => {
    ({ driver, base } = s);
    a = adapters.firefox(driver);
  });
  test('firefox: plainClick', () => cases.plainClick(driver, a, base));
  test('firefox: plainTab', () => cases.plainTab(driver, a, base));
  test('firefox: altEnter', () => cases.altEnter(driver, a, base));
  test('firefox (with access to the site): readerTab', async () => {
    await a.grant(ORIGIN);
    await cases.readerTab(driver, a, base);
  });
});
