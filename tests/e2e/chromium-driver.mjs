// Drives Debian's Chromium with the built extension loaded (playwright-core; nothing downloaded).
// The toolbar button is clicked for real: CDP `Extensions.triggerAction` runs the extension's
// own `action.onClicked` path on the tab.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { inShadowTypography } from './checks.mjs';
import { join } from 'node:path';

// `locale` (e.g. 'de') starts the browser in that UI language: on Linux Chromium takes it from
// LANGUAGE, and needs its translations installed (Debian: chromium-l10n). `timezone` is an IANA
// zone for the browser's clock.
export async function launch(extensionDir, { headless = true, locale = null, timezone = null } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'declutter-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless,
    ...(locale && { locale, env: { ...process.env, LANGUAGE: locale } }),
    ...(timezone && { timezoneId: timezone }),
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 900 },
    // Downloads are caught by overlayDownload through CDP, not as Playwright artifacts.
    acceptDownloads: false,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      // Port 0: Chromium picks a free port and writes it to DevToolsActivePort in the profile.
      '--remote-debugging-port=0',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // A second, browser-level CDP connection: the persistent context does not expose one.
  const port = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const cdp = await browser.newBrowserCDPSession();
  async function tabId(page) {
    return worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, page.url());
  }
  return {
    context,
    worker,
    extensionId,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    // Loads another URL in the same tab.
    goto: (page, url) => page.goto(url),
    extensionUrl: async (path) => `chrome-extension://${extensionId}/${path}`,
    evaluate: (page, fn) => page.evaluate(fn),
    // Two toolbar actions sent at the same moment (a double click while the page is fresh).
    async clickTwice(page) {
      await page.bringToFront();
      const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
      const tab = targetInfos.find((t) => t.url === page.url());
      await Promise.all([1, 2].map(() => cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId })));
    },
    async click(page) {
      // activeTab is granted to the active tab only: after other tabs opened and closed, make sure,
      // and wait until the browser reports it active (bringing it to the front is asynchronous; a
      // click on a tab still in the background is refused by the extension's permissions).
      await page.bringToFront();
      const id = await tabId(page);
      for (let tries = 0; tries < 50; tries++) {
        const active = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
        if (active === id) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
      const tab = targetInfos.find((t) => t.url === page.url());
      if (!tab) throw new Error(`no tab target for ${page.url()}`);
      await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
    },
    overlay: readOverlay,
    // Clicks an element inside the overlay's closed shadow root (CDP reaches it).
    async overlayClick(page, selector) {
      await inShadow(page, `function (selector) { this.querySelector(selector).click(); }`, [selector]);
    },
    // The same click as a person's (with user activation, which the clipboard asks for).
    async overlayGestureClick(page, selector) {
      await inShadow(page, `function (selector) { this.querySelector(selector).click(); }`, [selector], undefined, true);
    },
    async clipboardText(page) {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
      return page.evaluate(() => navigator.clipboard.readText());
    },
    // Clicks an overlay control that offers a file (<a download>) and returns the file. Through
    // the browser's own download events: Playwright's artifact of a download started in a
    // content script was never written (ENOENT) with the second CDP connection open.
    async overlayDownload(page, selector) {
      const dir = mkdtempSync(join(tmpdir(), 'declutter-downloads-'));
      try {
        await cdp.send('Browser.setDownloadBehavior', { behavior: 'allowAndName', downloadPath: dir, eventsEnabled: true });
        const begun = new Promise((ok) => cdp.once('Browser.downloadWillBegin', ok));
        const done = new Promise((ok, fail) => {
          const progress = (e) => {
            if (e.state === 'inProgress') return;
            cdp.off('Browser.downloadProgress', progress);
            if (e.state === 'completed') ok(e);
            else fail(new Error(`download ${e.state}`));
          };
          cdp.on('Browser.downloadProgress', progress);
        });
        await inShadow(page, `function (selector) { this.querySelector(selector).click(); }`, [selector], undefined, true);
        const { guid, suggestedFilename } = await begun;
        await done;
        const bytes = readFileSync(join(dir, guid));
        return { name: suggestedFilename, text: bytes.toString('utf8'), bytes };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    // Runs `fn(arg)` (`fn` the source of a function) in the extension's content-script world of
    // the page's tab, through scripting.executeScript from the background (the tab must have
    // granted activeTab: click the toolbar button first). Returns fn's result.
    async contentWorld(page, fn, arg = null) {
      const id = await tabId(page);
      return worker.evaluate(`chrome.scripting.executeScript({ target: { tabId: ${id} }, func: ${fn}, args: [${JSON.stringify(arg)}] }).then((r) => r[0]?.result ?? null)`);
    },
    // Runs `fn` (the source of a function) with `this` bound to the overlay's shadow root.
    overlayRun: (page, fn) => inShadow(page, fn),
    async overlayProbe(page, selector) {
      return inShadow(page, `function (selector) {
        const el = this.querySelector(selector);
        return el && { className: el.className, text: el.textContent, title: el.title };
      }`, [selector]);
    },
    overlayFocus: (page) => inShadow(page, `function () { return (${describeFocus})(this); }`),
    typography: (page) => inShadow(page, `function () { return (${inShadowTypography})(this); }`),
    toastText: (page) => inShadow(page, `function () { return this.textContent; }`, [], 'toast'),
    async printing(page, on) {
      await page.emulateMedia({ media: on ? 'print' : 'screen' });
      return true;
    },
    // Sends a message to the tab's content script from the background, as the toolbar does after
    // its first click (which injects the script): 'toggle', 'clean', 'undo', 'state'. Returns the
    // content script's reply; rejects on an error.
    async message(page, type) {
      const id = await tabId(page);
      return worker.evaluate(async ({ tab, type }) => {
        const reply = await chrome.tabs.sendMessage(tab, { type });
        if (reply?.error) throw new Error(reply.error);
        return reply;
      }, { tab: id, type });
    },
    press: (page, key) => page.keyboard.press(key),
    reload: (page) => page.reload(),
    async badge(page) {
      const id = await tabId(page);
      return worker.evaluate((tab) => chrome.action.getBadgeText({ tabId: tab }), id);
    },
    closePage: (page) => page.close(),
    async close() {
      await browser.close().catch(() => {});
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Runs `fn` with `this` bound to the overlay's (or the toast's) shadow root, or returns null
// without one. The root is closed, so the page cannot see it; CDP's DOM domain can (pierce: true).
// The host is the element whose data-declutter-ui is `ui` ('reader' or 'toast').
export async function inShadow(page, fn, args = [], ui = 'reader', userGesture = false) {
  const session = await page.context().newCDPSession(page);
  try {
    const { root } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
    const stack = [root];
    let host = null;
    while (stack.length && !host) {
      const n = stack.pop();
      const attrs = n.attributes ?? [];
      for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === 'data-declutter-ui' && attrs[i + 1] === ui) host = n;
      stack.push(...(n.children ?? []), ...(n.shadowRoots ?? []));
    }
    if (!host) return null;
    const { object } = await session.send('DOM.resolveNode', { backendNodeId: host.shadowRoots[0].backendNodeId });
    const { result, exceptionDetails } = await session.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      returnByValue: true,
      userGesture,
      functionDeclaration: fn,
      arguments: args.map((value) => ({ value })),
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value ?? null;
  } finally {
    await session.detach();
  }
}

// The element focused inside the overlay's shadow root, or null (run in the page).
export function describeFocus(root) {
  const el = root.activeElement;
  return el && { tag: el.localName, control: el.dataset.control ?? null, text: el.textContent.trim().slice(0, 40), index: [...root.querySelectorAll('*')].indexOf(el) };
}

// What the reader overlay shows.
export function readOverlay(page) {
  return inShadow(page, `function () {
    const article = this.querySelector('article');
    const dialog = this.querySelector('[role=dialog]');
    return {
      title: this.querySelector('h1')?.textContent ?? '',
      text: article?.innerText ?? '',
      html: article?.outerHTML ?? '',
      imagesPending: [...this.querySelectorAll('img')].filter((i) => !i.complete).length,
      dialog: dialog?.getAttribute('aria-labelledby') ?? null,
      theme: dialog?.dataset.theme ?? null,
      size: dialog?.style.getPropertyValue('--dc-size') ?? null,
      scrollTop: this.querySelector('.dc-scroll')?.scrollTop ?? 0,
    };
  }`);
}
