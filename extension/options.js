// Options page: which kinds of clutter to hide, automatic cleaning (which asks for the optional
// host permission at the moment it is switched on), and sites to leave alone. Its words are the
// messages named by each element's data-i18n (the English in the HTML is only a placeholder).
import { declutterMessage } from './i18n.js';
import { loadDeclutterSettings } from './settings.js';

document.documentElement.lang = chrome.i18n.getUILanguage();
for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = declutterMessage(el.dataset.i18n);

const status = document.getElementById('status');
const auto = document.getElementById('auto');
const leave = document.getElementById('leave');
const kindBoxes = [...document.querySelectorAll('[data-kind]')];

function saved(message = declutterMessage('optionsSaved')) {
  status.textContent = message;
  setTimeout(() => (status.textContent = ''), 1500);
}

async function init() {
  const settings = await loadDeclutterSettings();
  for (const box of kindBoxes) box.checked = settings.kinds[box.dataset.kind] !== false;
  auto.checked = settings.autoClean && (await chrome.permissions.contains({ origins: ['<all_urls>'] }));
  leave.value = settings.leaveAlone.join('\n');
}

for (const box of kindBoxes) {
  box.addEventListener('change', async () => {
    const kinds = Object.fromEntries(kindBoxes.map((b) => [b.dataset.kind, b.checked]));
    await chrome.storage.sync.set({ kinds });
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
