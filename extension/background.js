// Background: the toolbar action, the badge, automatic cleaning, and the wasm fallback.
//
//   action click / Alt+Shift+R ──> inject (user stylesheet + content scripts) ──> "toggle"
//   content script ── "analyze" (only when the page's CSP refuses wasm) ──> wasm here ──> result
//
// Chrome runs this bundle as a service worker, Firefox as an event page.
import { createDeclutterEngines } from './engine.js';
import { declutterMessage } from './i18n.js';
import { DECLUTTER_HIDE_CSS, loadDeclutterSettings } from './settings.js';
import { installControls, syncSiteScripts } from './menus.js';
import { AUTO_SCRIPTS, CONTENT_SCRIPTS, ON_DEMAND } from './scripts.mjs';
import { createMarkdownEngine } from './markdown-engine.js';

const AUTO_SCRIPT_ID = 'declutter-auto';

chrome.action.onClicked.addListener((tab) => {
  send(tab.id, { type: 'toggle' }).then((reply) => showBadge(tab.id, reply), (e) => showError(tab.id, e));
});

// Makes sure the content script is in the tab, then sends one message. Clicks can race (a
// double click, two while a slow page loads): the check and the injection run once per tab at a
// time, and a click that arrives meanwhile waits for that one instead of injecting again.
const injecting = new Map(); // tabId -> promise

async function send(tabId, message) {
  await ensureContentScript(tabId);
  const reply = await chrome.tabs.sendMessage(tabId, message);
  if (reply?.error) throw new Error(reply.error);
  return reply;
}

function ensureContentScript(tabId) {
  if (!injecting.has(tabId)) {
    const done = (async () => {
      const alive = await chrome.tabs.sendMessage(tabId, { type: 'ping' }).catch(() => null);
      if (!alive) await chrome.scripting.executeScript({ target: { tabId }, files: CONTENT_SCRIPTS });
    })();
    injecting.set(tabId, done);
    const settled = () => injecting.delete(tabId);
    done.then(settled, settled);
  }
  return injecting.get(tabId);
}

// The hiding stylesheet, with user origin so that the page can neither remove nor out-rank it.
// The content script asks for it when it first marks something and gives it back when nothing is
// marked any more. True when it is in; the content script has a fallback otherwise.
const hideCss = (tabId) => ({ target: { tabId }, css: DECLUTTER_HIDE_CSS, origin: 'USER' });

async function insertHideCss(tabId) {
  try {
    await chrome.scripting.insertCSS(hideCss(tabId));
    return true;
  } catch (e) {
    console.warn('declutter: insertCSS failed, the page will use the fallback', e);
    return false;
  }
}

function showBadge(tabId, reply) {
  if (!reply) return;
  const text = reply.status === 'no-article' ? '—' : reply.hidden > 0 ? String(reply.hidden) : '';
  const title = declutterMessage(reply.status === 'no-article' ? 'badgeNoArticle' : 'actionTitle');
  chrome.action.setBadgeBackgroundColor({ tabId, color: '#2c5f8a' }).catch(() => {});
  chrome.action.setBadgeText({ tabId, text }).catch(() => {});
  chrome.action.setTitle({ tabId, title }).catch(() => {});
}

function showError(tabId, error) {
  // Browser pages (chrome://, the web store, about:) refuse scripts: say so on the badge.
  console.warn('declutter:', error);
  chrome.action.setBadgeText({ tabId, text: '!' }).catch(() => {});
  chrome.action.setTitle({ tabId, title: declutterMessage('badgeCannotRun', error?.message ?? error) }).catch(() => {});
}

// --- wasm fallback -------------------------------------------------------------------------
// Chrome refuses to compile wasm in a content script when the page's CSP lacks
// 'wasm-unsafe-eval'. The content script then sends its walk here; the result is plain data, the
// same as the content script's own call would give. A crashed instance is replaced.
const engine = createDeclutterEngines((file) => chrome.runtime.getURL(file));
const markdownOf = createMarkdownEngine((file) => chrome.runtime.getURL(file));

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.type === 'analyze') {
    engine.analyze(Uint32Array.from(message.ops), message.text, message.request)
      .then((result) => sendResponse({ result }), (e) => sendResponse({ error: String(e?.message ?? e) }));
    return true;
  }
  // The reader's Copy/Save as Markdown: the same walk, through the export module.
  if (message?.type === 'markdown') {
    markdownOf(Uint32Array.from(message.ops), message.text, message.request)
      .then((markdown) => sendResponse({ markdown }), (e) => sendResponse({ error: String(e?.message ?? e) }));
    return true;
  }
  if (message?.type === 'badge' && sender.tab) {
    showBadge(sender.tab.id, message);
    return false;
  }
  // The reader asks for a script it needs only now (scripts.mjs: ON_DEMAND), into its own frame.
  if (message?.type === 'load-script' && sender.tab && ON_DEMAND.includes(message.file)) {
    chrome.scripting.executeScript({ target: { tabId: sender.tab.id, frameIds: [sender.frameId ?? 0] }, files: [message.file] })
      .then(() => sendResponse({ ok: true }), (e) => sendResponse({ error: String(e?.message ?? e) }));
    return true;
  }
  // Alt+click on a link in the reader (navigate.js).
  if (message?.type === 'open-in-reader' && sender.tab && /^https?:/i.test(message.url ?? '')) {
    openInReader(sender.tab, message.url).then(sendResponse, (e) => sendResponse({ reader: false, error: String(e?.message ?? e) }));
    return true;
  }
  if (message?.type === 'insert-css' && sender.tab) {
    insertHideCss(sender.tab.id).then((css) => sendResponse({ css }));
    return true;
  }
  if (message?.type === 'remove-css' && sender.tab) {
    chrome.scripting.removeCSS(hideCss(sender.tab.id)).catch(() => {}).then(() => sendResponse({}));
    return true;
  }
  return false;
});

// --- Alt+click: a link opened in a new tab, in the reader ------------------------------------
// The new tab opens behind the reader's tab, as Ctrl/Cmd+click would. activeTab does not reach a
// new tab, so the reader opens there only where the person has given the extension that site
// (the optional host permission); otherwise the page opens as a plain click would open it.
async function openInReader(opener, url) {
  const { protocol, hostname, host } = new URL(url);
  const tab = await chrome.tabs.create({ url, index: opener.index + 1, openerTabId: opener.id, active: false });
  if (!(await chrome.permissions.contains({ origins: [`${protocol}//${hostname}/*`] }))) return { reader: false, site: host };
  await loaded(tab.id, url);
  showBadge(tab.id, await send(tab.id, { type: 'toggle' }));
  return { reader: true };
}

// Resolves once the tab has finished loading a web page (not the about:blank it starts with).
function loaded(tabId, url) {
  return new Promise((resolve, reject) => {
    const check = (tab) => {
      if (tab.status !== 'complete' || !/^https?:/.test(tab.url ?? '')) return;
      finish();
      resolve();
    };
    const listener = (id, _change, tab) => {
      if (id === tabId) check(tab);
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`${url} did not finish loading`));
    }, 60_000);
    const finish = () => {
      clearTimeout(timer);
      chrome.tabs.onUpdated.removeListener(listener);
    };
    chrome.tabs.onUpdated.addListener(listener);
    chrome.tabs.get(tabId).then(check, () => {});
  });
}

// --- automatic cleaning (opt-in, needs the optional host permission) ------------------------
async function syncAutoClean() {
  const settings = await loadDeclutterSettings();
  const granted = await chrome.permissions.contains({ origins: ['<all_urls>'] });
  const registered = await chrome.scripting.getRegisteredContentScripts({ ids: [AUTO_SCRIPT_ID] });
  const want = settings.autoClean && granted;
  if (want && registered.length === 0) {
    await chrome.scripting.registerContentScripts([{
      id: AUTO_SCRIPT_ID,
      matches: ['<all_urls>'],
      js: AUTO_SCRIPTS,
      // Early, so that the wasm compiles while the page parses (content.js waits for the DOM).
      runAt: 'document_start',
    }]);
  } else if (want && registered[0].js.join() !== AUTO_SCRIPTS.join()) {
    // Registrations outlive updates: an older version's file list is replaced.
    await chrome.scripting.updateContentScripts([{ id: AUTO_SCRIPT_ID, js: AUTO_SCRIPTS }]);
  } else if (!want && registered.length > 0) {
    await chrome.scripting.unregisterContentScripts({ ids: [AUTO_SCRIPT_ID] });
  }
}

chrome.storage.onChanged.addListener((changes) => {
  if (changes.autoClean) syncAutoClean().then(syncSiteScripts).catch((e) => console.warn('declutter:', e));
});
chrome.permissions.onAdded.addListener(() => syncAutoClean().catch(() => {}));
chrome.permissions.onRemoved.addListener(() => syncAutoClean().catch(() => {}));
chrome.runtime.onInstalled.addListener(() => syncAutoClean().catch(() => {}));

// Page and site controls: the action's context menu, commands, per-site access (menus.js).
installControls({ send, showBadge, showError });
