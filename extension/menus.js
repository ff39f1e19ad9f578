// Background: the page and site controls, from the toolbar button's context menu (Chrome
// `contextMenus` with the `action` context; Firefox `menus`, the same API), keyboard commands, and
// the reader's toolbar (through the content script). The button itself stays one-click reader.
//
//   Clean this page / Restore this page   ──> content script "clean" / "undo"
//   This site: Always clean | Never clean | Open the reader automatically
//              ──> permissions.request(that origin) inside the click, site scripts registered
//   Hide an element... / Show what was hidden / Copy a report ──> content script
//
// Per-site access: the automatic scripts are registered for exactly the origins the person
// granted (one registration listing them); withdrawing a site's last choice removes its permission.
import { declutterMessage } from './i18n.js';
import { loadDeclutterSettings } from './settings.js';
import { loadSiteRules, updateSiteRules } from './site-rules.js';
import { AUTO_SCRIPTS } from './scripts.mjs';

const SITE_SCRIPT_ID = 'declutter-sites';
const MENU = {
  page: 'page-toggle',
  zap: 'zap',
  peek: 'peek',
  report: 'report',
  site: 'site',
  always: 'site-always',
  never: 'site-never',
  reader: 'site-reader',
};

// Origins granted to us, kept current so that a menu click can tell synchronously whether it
// must ask: permissions.request only shows its prompt while the click is being handled, before
// any await.
const grantedOrigins = new Set();
async function refreshGranted() {
  const all = await chrome.permissions.getAll();
  grantedOrigins.clear();
  for (const o of all.origins ?? []) grantedOrigins.add(o);
}

function originPattern(url) {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? `${u.protocol}//${u.hostname}/*` : null;
  } catch {
    return null;
  }
}

function createMenus() {
  chrome.contextMenus.removeAll(() => {
    const item = (id, title, extra = {}) =>
      chrome.contextMenus.create({ id, title: declutterMessage(title), contexts: ['action'], ...extra }, () => void chrome.runtime.lastError);
    item(MENU.page, 'menuClean');
    item(MENU.zap, 'menuZap');
    item(MENU.peek, 'menuPeek');
    item(MENU.report, 'menuReport');
    item(MENU.site, 'menuSite');
    item(MENU.always, 'menuAlways', { parentId: MENU.site, type: 'checkbox' });
    item(MENU.never, 'menuNever', { parentId: MENU.site, type: 'checkbox' });
    item(MENU.reader, 'menuReaderAuto', { parentId: MENU.site, type: 'checkbox' });
  });
}

// Titles and ticks follow the active tab: its page's state and its site's choices.
async function updateMenus(tab) {
  if (!tab?.url) return;
  const host = hostOf(tab.url);
  const rules = host ? await loadSiteRules(host) : {};
  const state = await chrome.tabs.sendMessage(tab.id, { type: 'state' }).catch(() => null);
  const update = (id, props) => chrome.contextMenus.update(id, props).catch?.(() => {});
  update(MENU.page, { title: declutterMessage(state?.cleaned || state?.hidden > 0 ? 'menuRestore' : 'menuClean') });
  update(MENU.always, { checked: !!rules.always, enabled: !!host });
  update(MENU.never, { checked: !!rules.never, enabled: !!host });
  update(MENU.reader, { checked: !!rules.reader, enabled: !!host });
}

function hostOf(url) {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? u.hostname : null;
  } catch {
    return null;
  }
}

// From background.js: send(tabId, message) injects what is missing and sends; the badge helpers.
let send;
let showBadge;
let showError;

// One entry point for every control: menus, commands, the options page and the reader's toolbar.
// `gesture` is true while a click or a key press is being handled (permission prompts need it).
// `on`: the new state of a site choice when the caller knows it (a checkbox menu item says).
export function runControl(command, tab, gesture = false, on = undefined) {
  const host = hostOf(tab.url);
  const site = (field, on) => {
    // Asked for inside the gesture, before anything is awaited.
    const pattern = originPattern(tab.url);
    const ask = on && field !== 'never' && pattern && !grantedOrigins.has(pattern) && !grantedOrigins.has('<all_urls>')
      ? chrome.permissions.request({ origins: [pattern] })
      : Promise.resolve(true);
    return ask.then((granted) => setSiteChoice(host, field, on && granted, tab));
  };
  switch (command) {
    case 'page':
      return chrome.tabs.sendMessage(tab.id, { type: 'state' }).catch(() => null)
        .then((state) => send(tab.id, { type: state?.cleaned || state?.hidden > 0 ? 'undo' : 'clean' }));
    case 'clean':
    case 'undo':
    case 'peek':
    case 'report':
    case 'pick':
      return send(tab.id, { type: command });
    case 'zap': {
      // The rules a person makes should apply on the next visit too: that needs this site's
      // permission, asked for now (a refusal still zaps, for this page view and later clicks).
      const pattern = originPattern(tab.url);
      if (gesture && pattern && !grantedOrigins.has(pattern) && !grantedOrigins.has('<all_urls>')) {
        chrome.permissions.request({ origins: [pattern] }).then(() => syncSiteScripts(), () => {});
      }
      return send(tab.id, { type: 'zap' });
    }
    case 'always':
    case 'never':
    case 'reader':
      return on !== undefined ? site(command, on) : loadSiteRules(host).then((rules) => site(command, !rules[command]));
    default:
      return Promise.reject(new Error(`unknown control ${command}`));
  }
}

// Stores a site choice; "always" and "never" exclude each other. A site left with no choice that
// needs its permission gives the permission back.
async function setSiteChoice(host, field, on, tab) {
  if (!host) throw new Error('not a web page');
  await updateSiteRules(host, (rules) => {
    rules[field] = on || undefined;
    if (on && field === 'always') rules.never = undefined;
    if (on && field === 'never') rules.always = rules.reader = undefined;
  });
  const rules = await loadSiteRules(host);
  const pattern = originPattern(tab.url);
  const needs = rules.always || rules.reader || rules.zaps.length > 0 || rules.keep.length > 0;
  if (!needs && pattern && grantedOrigins.has(pattern)) {
    // Refused only for an origin the manifest itself lists (a test build): nothing to give back.
    await chrome.permissions.remove({ origins: [pattern] }).catch((e) => console.warn('declutter:', e));
  }
  await refreshGranted();
  await syncSiteScripts();
  if (field === 'always' && on) await send(tab.id, { type: 'clean' }).catch(() => {});
  if (field === 'never' && on) await chrome.tabs.sendMessage(tab.id, { type: 'undo' }).catch(() => {});
  updateMenus(tab);
  return { status: field, on: !!rules[field], granted: pattern ? grantedOrigins.has(pattern) : false };
}

// The site scripts run on exactly the granted single origins (none while "clean every site"
// covers them all).
// One at a time: a permission event and the choice that caused it both ask for it.
let syncing = Promise.resolve();
export function syncSiteScripts() {
  syncing = syncing.catch(() => {}).then(syncSiteScriptsNow);
  return syncing;
}

async function syncSiteScriptsNow() {
  await refreshGranted();
  const settings = await loadDeclutterSettings();
  const everySite = settings.autoClean && grantedOrigins.has('<all_urls>');
  const matches = everySite ? [] : [...grantedOrigins].filter((o) => o !== '<all_urls>').sort();
  const [current] = await chrome.scripting.getRegisteredContentScripts({ ids: [SITE_SCRIPT_ID] });
  const same = current && JSON.stringify([...current.matches].sort()) === JSON.stringify(matches) && current.js.join() === AUTO_SCRIPTS.join();
  if (same) return;
  if (current) await chrome.scripting.unregisterContentScripts({ ids: [SITE_SCRIPT_ID] });
  if (matches.length === 0) return;
  await chrome.scripting.registerContentScripts([{
    id: SITE_SCRIPT_ID,
    matches,
    js: AUTO_SCRIPTS,
    runAt: 'document_start',
  }]);
}

export function installControls(background) {
  ({ send, showBadge, showError } = background);
  chrome.contextMenus.onClicked.addListener((info, tab) => {
    const command = Object.entries(MENU).find(([, id]) => id === info.menuItemId)?.[0];
    if (!command || !tab) return;
    runControl(command, tab, true, info.checked).then((reply) => showBadge(tab.id, reply), (e) => showError(tab.id, e));
  });

  chrome.commands.onCommand.addListener((name, tab) => {
    const command = { 'clean-page': 'page', 'hide-element': 'zap', 'show-hidden': 'peek' }[name];
    if (!command || !tab) return;
    runControl(command, tab, true).then((reply) => showBadge(tab.id, reply), (e) => showError(tab.id, e));
  });

  chrome.tabs.onActivated.addListener(({ tabId }) => chrome.tabs.get(tabId).then(updateMenus, () => {}));
  chrome.tabs.onUpdated.addListener((_id, change, tab) => {
    if (change.status === 'complete' && tab.active) updateMenus(tab);
  });
  chrome.permissions.onAdded.addListener(() => syncSiteScripts().catch(() => {}));
  chrome.permissions.onRemoved.addListener(() => syncSiteScripts().catch(() => {}));
  chrome.runtime.onInstalled.addListener(createMenus);
  chrome.runtime.onStartup?.addListener(createMenus);
  refreshGranted().then(syncSiteScripts).catch((e) => console.warn('declutter:', e));

  // Controls asked for by the reader's toolbar (a content script) or by the options page, which have
  // no menus of their own: {type: 'control', command, tabId?}.
  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (message?.type !== 'control') return false;
    // A content script controls its own tab only; an extension page (even one in a tab) names it.
    const fromPage = sender.tab && !sender.url?.startsWith(chrome.runtime.getURL(''));
    const tabPromise = fromPage
      ? Promise.resolve(sender.tab)
      : message.tabId != null
        ? chrome.tabs.get(message.tabId)
        : chrome.tabs.query({ url: message.url }).then((tabs) => tabs[0]);
    tabPromise
      // Without host access Firefox leaves out the tab's URL; the options page knows it.
      .then((tab) => runControl(message.command, { ...tab, url: tab.url ?? message.url }, false, message.on))
      .then((reply) => sendResponse(reply ?? {}), (e) => sendResponse({ error: String(e?.message ?? e) }));
    return true;
  });
}
