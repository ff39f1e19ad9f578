// Drives Debian's Firefox ESR with the built extension installed as a temporary add-on
// (selenium-webdriver + geckodriver). The toolbar button is clicked for real: in Firefox's chrome
// context we call the extension's browser action `triggerAction`, the same entry point the
// `_execute_action` shortcut uses, which fires `action.onClicked` in the extension.
import { Builder, By, Key } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { describeFocus } from './chromium-driver.mjs';
import { inShadowTypography } from './checks.mjs';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const KEYS = { Escape: Key.ESCAPE, Tab: Key.TAB, PageDown: Key.PAGE_DOWN };

// `locale` (e.g. 'de') starts the browser in that UI language, which needs its language pack
// installed (Debian: firefox-esr-l10n-<lang>). `timezone` is an IANA zone for the browser's clock.
export async function launch(extensionDir, { headless = true, locale = null, timezone = null } = {}) {
  const options = new firefox.Options().setBinary('/usr/bin/firefox-esr');
  if (headless) options.addArguments('-headless');
  if (locale) options.setPreference('intl.locale.requested', locale);
  options.setPreference('ui.prefersReducedMotion', 1);
  // Downloads go to a folder of this run without asking, so a test can read what was saved.
  const downloads = mkdtempSync(join(tmpdir(), 'declutter-firefox-downloads-'));
  options.setPreference('browser.download.folderList', 2);
  options.setPreference('browser.download.dir', downloads);
  options.setPreference('browser.download.useDownloadDir', true);
  options.setPreference('browser.download.always_ask_before_handling_new_types', false);
  options.setPreference('browser.download.alwaysOpenPanel', false);
  options.setPreference('browser.helperApps.neverAsk.saveToDisk', 'text/markdown,text/html,application/epub+zip');
  // Chrome-context scripts (to press the toolbar button) need system access.
  const service = new firefox.ServiceBuilder('geckodriver').addArguments('--allow-system-access');
  if (timezone) service.setEnvironment({ ...process.env, TZ: timezone });
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  const addonId = await driver.installAddon(extensionDir, true);
  // One window is one page: a "page" handle is the driver itself.
  return {
    driver,
    addonId,
    async open(url) {
      await driver.get(url);
      return driver;
    },
    goto: (_page, url) => driver.get(url),
    async extensionUrl(path) {
      await driver.setContext('chrome');
      try {
        return await driver.executeScript('return WebExtensionPolicy.getByID(arguments[0]).getURL(arguments[1])', addonId, path);
      } finally {
        await driver.setContext('content');
      }
    },
    evaluate: (_page, fn) => driver.executeScript(`return (${fn})()`),
    async click() {
      await driver.setContext('chrome');
      try {
        await driver.executeScript(
          `const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
           const extension = ExtensionParent.GlobalManager.getExtension(arguments[0]);
           const window = Services.wm.getMostRecentWindow('navigator:browser');
           ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);`,
          addonId,
        );
      } finally {
        await driver.setContext('content');
      }
    },
    async overlay() {
      try {
        return await readOverlay();
      } catch (e) {
        // The overlay was removed while we were reading it: it is closed.
        if (e.name === 'StaleElementReferenceError' || e.name === 'DetachedShadowRootError') return null;
        throw e;
      }
    },
    async overlayClick(_page, selector) {
      const root = await (await driver.findElement(By.css('[data-declutter-ui=reader]'))).getShadowRoot();
      await (await root.findElement(By.css(selector))).click();
    },
    // Clicks an overlay control that offers a file (<a download>) and returns the file once the
    // browser has finished writing it.
    async overlayDownload(_page, selector) {
      const before = new Set(readdirSync(downloads));
      const root = await (await driver.findElement(By.css('[data-declutter-ui=reader]'))).getShadowRoot();
      await (await root.findElement(By.css(selector))).click();
      const end = Date.now() + 10_000;
      for (;;) {
        const done = readdirSync(downloads).filter((f) => !before.has(f) && !f.endsWith('.part'));
        const name = done.find((f) => statSync(join(downloads, f)).size > 0 && !existsSync(join(downloads, `${f}.part`)));
        if (name) {
          const bytes = readFileSync(join(downloads, name));
          rmSync(join(downloads, name));
          return { name, text: bytes.toString('utf8'), bytes };
        }
        if (Date.now() > end) throw new Error(`no download after clicking ${selector}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async overlayGestureClick(page, selector) {
      return this.overlayClick(page, selector);
    },
    // The system clipboard's text, read in the browser's own context (headless Firefox keeps a
    // clipboard of its own).
    async clipboardText() {
      await driver.setContext('chrome');
      try {
        return await driver.executeScript(
          `const t = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
           t.init(null);
           t.addDataFlavor('text/plain');
           Services.clipboard.getData(t, Services.clipboard.kGlobalClipboard, null);
           const data = {};
           t.getTransferData('text/plain', data);
           return data.value.QueryInterface(Ci.nsISupportsString).data;`,
        );
      } finally {
        await driver.setContext('content');
      }
    },
    // Runs `fn(arg)` (`fn` the source of a function) in the extension's content-script world of
    // this tab, through scripting.executeScript from the options page opened in a tab of its own
    // (WebDriver does not reach the background). The tab must have granted activeTab.
    async contentWorld(_page, fn, arg = null) {
      const url = await driver.getCurrentUrl();
      const page = await driver.getWindowHandle();
      const options = await this.extensionUrl('options.html');
      await driver.switchTo().newWindow('tab');
      try {
        await driver.get(options);
        const reply = await driver.executeAsyncScript(
          `const [url, arg, done] = arguments;
           browser.tabs.query({}).then((tabs) => {
             const tab = tabs.find((t) => t.url === url);
             return browser.scripting.executeScript({ target: { tabId: tab.id }, func: ${fn}, args: [arg] });
           }).then((r) => done({ v: r[0]?.result ?? null }), (e) => done({ error: String(e?.message ?? e) }));`,
          url,
          arg,
        );
        if (reply.error) throw new Error(reply.error);
        return reply.v;
      } finally {
        await driver.close();
        await driver.switchTo().window(page);
      }
    },
    async overlayRun(_page, fn) {
      const root = await (await driver.findElement(By.css('[data-declutter-ui=reader]'))).getShadowRoot();
      const dialog = await root.findElement(By.css('[role=dialog]'));
      return driver.executeScript(`return (${fn}).call(arguments[0].getRootNode())`, dialog);
    },
    async overlayProbe(_page, selector) {
      const root = await (await driver.findElement(By.css('[data-declutter-ui=reader]'))).getShadowRoot();
      const found = await root.findElements(By.css(selector));
      if (found.length === 0) return null;
      return {
        className: await found[0].getAttribute('class'),
        text: await found[0].getAttribute('textContent'),
        title: await found[0].getAttribute('title'),
      };
    },
    async overlayFocus() {
      const root = await (await driver.findElement(By.css('[data-declutter-ui=reader]'))).getShadowRoot();
      // A shadow root does not cross into a script as an argument; an element in it does.
      const dialog = await root.findElement(By.css('[role=dialog]'));
      return driver.executeScript(`return (${describeFocus})(arguments[0].getRootNode())`, dialog);
    },
    async typography() {
      const root = await (await driver.findElement(By.css('[data-declutter-ui=reader]'))).getShadowRoot();
      const dialog = await root.findElement(By.css('[role=dialog]'));
      return driver.executeScript(`return (${inShadowTypography})(arguments[0].getRootNode())`, dialog);
    },
    async toastText() {
      const hosts = await driver.findElements(By.css('[data-declutter-ui=toast]'));
      if (hosts.length === 0) return null;
      try {
        const root = await hosts[0].getShadowRoot();
        return await (await root.findElement(By.css('div'))).getAttribute('textContent');
      } catch (e) {
        if (e.name === 'StaleElementReferenceError' || e.name === 'DetachedShadowRootError') return null;
        throw e;
      }
    },
    // WebDriver cannot switch Firefox to print media.
    printing: async () => false,
    async press(_page, key) {
      const shifted = /^Shift\+(.+)$/.exec(key);
      const actions = driver.actions();
      if (shifted) await actions.keyDown(Key.SHIFT).sendKeys(KEYS[shifted[1]] ?? shifted[1]).keyUp(Key.SHIFT).perform();
      else await actions.sendKeys(KEYS[key] ?? key).perform();
    },
    reload: () => driver.navigate().refresh(),
    // Reading the badge needs the extension's own context, which WebDriver does not reach.
    badge: async () => null,
    closePage: async () => {},
    async close() {
      await driver.quit();
      rmSync(downloads, { recursive: true, force: true });
    },
  };

  async function readOverlay() {
    const hosts = await driver.findElements(By.css('[data-declutter-ui=reader]'));
    if (hosts.length === 0) return null;
    const root = await hosts[0].getShadowRoot();
    const dialog = await root.findElement(By.css('[role=dialog]'));
    const article = await root.findElement(By.css('article'));
    const inside = await driver.executeScript(
      'return { html: arguments[0].outerHTML, imagesPending: [...arguments[0].querySelectorAll("img")].filter((i) => !i.complete).length, scrollTop: arguments[0].parentNode.scrollTop }',
      article,
    );
    return {
      ...inside,
      title: await (await root.findElement(By.css('h1'))).getText(),
      text: await article.getText(),
      dialog: await dialog.getAttribute('aria-labelledby'),
      size: await driver.executeScript('return arguments[0].style.getPropertyValue("--dc-size")', dialog),
    };
  }
}

// Grants the add-on one optional host origin, as the person's "Allow" would (no API clicks the
// browser's permission prompt): through the browser's own permission store, from chrome context.
export async function grantOrigin(driver, addonId, origin) {
  await driver.setContext('chrome');
  try {
    await driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
       const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
       const extension = ExtensionParent.GlobalManager.getExtension(arguments[0]);
       ExtensionPermissions.add(arguments[0], { permissions: [], origins: [arguments[1]] }, extension).then(() => done(true), (e) => done(String(e)));`,
      addonId,
      origin,
    );
  } finally {
    await driver.setContext('content');
  }
}
