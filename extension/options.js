// Options page: which kinds of clutter to hide, automatic cleaning (which asks for the optional
// host permission at the moment it is switched on), and sites to leave alone. Its words are the
// messages named by each element's data-i18n (the English in the HTML is only a placeholder).
import { declutterMessage } from './i18n.js';
import { loadDeclutterSettings, saveDeclutterSettings } from './settings.js';
import { exportDeclutter, importDeclutter, loadAllSiteRules, updateSiteRules } from './site-rules.js';

document.documentElement.lang = chrome.i18n.getUILanguage();
for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = declutterMessage(el.dataset.i18n);

const status = document.getElementById('status');
const auto = document.getElementById('auto');
const leave = document.getElementById('leave');
const kindBoxes = [...document.querySelectorAll('[data-kind]')];
const pageMoves = [...document.querySelectorAll('[name=page-moves]')];

function saved(message = declutterMessage('optionsSaved')) {
  status.textContent = message;
  setTimeout(() => (status.textContent = ''), 1500);
}

async function init() {
  const settings = await loadDeclutterSettings();
  for (const box of kindBoxes) box.checked = settings.kinds[box.dataset.kind] !== false;
  auto.checked = settings.autoClean && (await chrome.permissions.contains({ origins: ['<all_urls>'] }));
  leave.value = settings.leaveAlone.join('\n');
  for (const radio of pageMoves) radio.checked = radio.value === settings.pageMoves;
}

for (const radio of pageMoves) {
  radio.addEventListener('change', async () => {
    await chrome.storage.sync.set({ pageMoves: radio.value });
    saved();
  });
}

for (const box of kindBoxes) {
  box.addEventListener('change', async () => {
    const kinds = Object.fromEntries(kindBoxes.map((b) => [b.dataset.kind, b.checked]));
    await saveDeclutterSettings('kinds', kinds);
    saved();
  });
}

auto.addEventListener('change', async () => {
  if (auto.checked) {
    // Must run inside the click: browsers only show the permission prompt for a user gesture.
    const granted = await chrome.permissions.request({ origins: ['<all_urls>'] });
    if (!granted) {
      auto.checked = false;
      saved(declutterMessage('optionsAutoDenied'));
      return;
    }
  } else {
    await chrome.permissions.remove({ origins: ['<all_urls>'] }).catch(() => {});
  }
  await chrome.storage.sync.set({ autoClean: auto.checked });
  saved();
});

leave.addEventListener('change', async () => {
  const hosts = leave.value.split(/\s+/).map((h) => h.trim().toLowerCase()).filter(Boolean);
  await chrome.storage.sync.set({ leaveAlone: [...new Set(hosts)] });
  saved();
});

init();

// --- the person's rules per site, where they are stored, export and import -----------------
const siteList = document.getElementById('site-list');
const noSites = document.getElementById('no-sites');
const store = document.getElementById('store');
const SITE_CHOICES = { always: 'optionsRuleAlways', never: 'optionsRuleNever', reader: 'optionsRuleReader' };

async function showSites() {
  const sites = await loadAllSiteRules();
  siteList.replaceChildren();
  const undo = (host, change) => async () => {
    await updateSiteRules(host, change);
    saved();
  };
  for (const [host, rules] of Object.entries(sites).sort()) {
    const entries = [
      ...rules.zaps.map((z, i) => ['optionsRuleHide', z.selector, (r) => r.zaps.splice(i, 1)]),
      ...rules.keep.map((k, i) => ['optionsRuleKeep', k.selector, (r) => r.keep.splice(i, 1)]),
      ...(rules.article ? [['optionsRuleArticle', rules.article.selector, (r) => delete r.article]] : []),
      ...Object.entries(SITE_CHOICES).filter(([f]) => rules[f]).map(([f, label]) => [label, '', (r) => delete r[f]]),
    ];
    for (const [label, selector, change] of entries) {
      const li = document.createElement('li');
      li.dataset.host = host;
      const code = document.createElement('code');
      code.textContent = selector;
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = declutterMessage('optionsUndo');
      button.addEventListener('click', undo(host, change));
      li.append(`${host}: ${declutterMessage(label)} `, code, button);
      siteList.append(li);
    }
  }
  noSites.hidden = siteList.children.length > 0;
  // A store that refused something is said here, never swallowed.
  const { storeStatus = [] } = await chrome.storage.local.get('storeStatus');
  store.hidden = storeStatus.length === 0;
  store.textContent = storeStatus
    .map((s) => declutterMessage(s.area === 'none' ? 'optionsStoreFailed' : 'optionsStoreLocal', s.host, s.reason))
    .join('\n');
}

document.getElementById('export').addEventListener('click', async () => {
  const doc = await exportDeclutter();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }));
  link.download = 'declutter-settings.json';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
});

document.getElementById('import').addEventListener('change', async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  try {
    await importDeclutter(JSON.parse(await file.text()));
    await init();
    saved(declutterMessage('optionsImported'));
  } catch (err) {
    saved(declutterMessage('optionsImportFailed', err?.message ?? err));
  }
});

chrome.storage.onChanged.addListener(() => showSites());
showSites();

// The same export and import, from this page's console (and the end-to-end tests).
globalThis.declutterOptions = { exportDeclutter, importDeclutter };
