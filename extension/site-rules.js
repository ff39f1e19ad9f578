// A person's choices for one site, kept where they fit and never lost silently.
//
//   site:<host> = { always, reader, never, zaps: [{selector, text}], keep: [{selector, text}],
//                   article: {selector, text} }
//
// Each site is one storage item so that one site's rules never push another's out. Items live in
// storage.sync (they follow the person to other devices) while they fit its quotas; an item that
// does not fit, or that arrives when sync is full, goes to storage.local instead, and the reason
// is written to `storeStatus` (local) for the options page to show. Reads merge both areas.
// Unknown fields in an item (a newer version on another device) are kept as they are.
const DECLUTTER_SITE_PREFIX = 'site:';

export function declutterSiteKey(host) {
  return DECLUTTER_SITE_PREFIX + host;
}

export async function loadSiteRules(host) {
  const key = declutterSiteKey(host);
  const [synced, local] = await Promise.all([chrome.storage.sync.get(key), chrome.storage.local.get(key)]);
  return { zaps: [], keep: [], ...(local[key] ?? synced[key] ?? {}) };
}

// Every site with stored choices: {host: rules}, local copies winning (they are the newer ones).
export async function loadAllSiteRules() {
  const [synced, local] = await Promise.all([chrome.storage.sync.get(null), chrome.storage.local.get(null)]);
  const sites = {};
  for (const [key, value] of [...Object.entries(synced), ...Object.entries(local)]) {
    if (key.startsWith(DECLUTTER_SITE_PREFIX)) sites[key.slice(DECLUTTER_SITE_PREFIX.length)] = { zaps: [], keep: [], ...value };
  }
  return sites;
}

// The byte size storage.sync counts for one item: key plus JSON value.
export function declutterItemBytes(key, value) {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

// Stores one site's rules: sync when it fits, local otherwise; an empty record is removed.
// Resolves to 'sync' or 'local'; rejects only when neither area takes it (and says so in
// storeStatus first).
export async function saveSiteRules(host, rules) {
  const key = declutterSiteKey(host);
  const empty = !rules.always && !rules.reader && !rules.never && !rules.article && !rules.zaps?.length && !rules.keep?.length;
  if (empty) {
    await Promise.all([chrome.storage.sync.remove(key), chrome.storage.local.remove(key)]);
    await clearStoreNote(host);
    return 'none';
  }
  const why = await syncRefusal(key, rules);
  if (!why) {
    try {
      await chrome.storage.sync.set({ [key]: rules });
      await chrome.storage.local.remove(key);
      await clearStoreNote(host);
      return 'sync';
    } catch (e) {
      // The quotas counted above are the documented ones; the browser may still refuse (rate).
      await noteStore({ host, area: 'local', reason: String(e?.message ?? e) });
    }
  } else {
    await noteStore({ host, area: 'local', reason: why });
  }
  try {
    await chrome.storage.local.set({ [key]: rules });
    await chrome.storage.sync.remove(key).catch(() => {});
    return 'local';
  } catch (e) {
    await noteStore({ host, area: 'none', reason: `storage.local: ${e?.message ?? e}` }).catch(() => {});
    throw e;
  }
}

// Why storage.sync would not take this item, or null when it fits every quota.
async function syncRefusal(key, value) {
  const sync = chrome.storage.sync;
  const size = declutterItemBytes(key, value);
  const perItem = sync.QUOTA_BYTES_PER_ITEM ?? 8192;
  if (size > perItem) return `QUOTA_BYTES_PER_ITEM: ${size} > ${perItem} bytes`;
  const all = await sync.get(null);
  const others = Object.entries(all).filter(([k]) => k !== key);
  const total = size + others.reduce((sum, [k, v]) => sum + declutterItemBytes(k, v), 0);
  const quota = sync.QUOTA_BYTES ?? 102400;
  if (total > quota) return `QUOTA_BYTES: ${total} > ${quota} bytes`;
  const maxItems = sync.MAX_ITEMS ?? 512;
  if (others.length + 1 > maxItems) return `MAX_ITEMS: ${others.length + 1} > ${maxItems}`;
  return null;
}

// The last time a site's rules could not go to sync: shown in the options page until cleared.
async function noteStore(entry) {
  const { storeStatus = [] } = await chrome.storage.local.get('storeStatus');
  const kept = storeStatus.filter((s) => s.host !== entry.host);
  await chrome.storage.local.set({ storeStatus: [...kept, { ...entry, at: new Date().toISOString() }].slice(-50) });
}

// The site's rules fit in sync again: its old note goes.
async function clearStoreNote(host) {
  const { storeStatus = [] } = await chrome.storage.local.get('storeStatus');
  if (storeStatus.some((s) => s.host === host)) {
    await chrome.storage.local.set({ storeStatus: storeStatus.filter((s) => s.host !== host) });
  }
}

export async function updateSiteRules(host, change) {
  const rules = await loadSiteRules(host);
  change(rules);
  return saveSiteRules(host, rules);
}

// Everything the person chose, as one JSON document (settings, site choices, rules).
export async function exportDeclutter() {
  const [synced, local] = await Promise.all([chrome.storage.sync.get(null), chrome.storage.local.get(null)]);
  const settings = Object.fromEntries(Object.entries(synced).filter(([k]) => !k.startsWith(DECLUTTER_SITE_PREFIX)));
  return {
    format: 'declutter-settings',
    version: chrome.runtime.getManifest().version,
    settings,
    sites: await loadAllSiteRules(),
    storeStatus: local.storeStatus ?? [],
  };
}

// Reads an export back. Keys this version does not know are stored and otherwise ignored.
export async function importDeclutter(doc) {
  if (doc?.format !== 'declutter-settings' || typeof doc.settings !== 'object' || typeof doc.sites !== 'object') {
    throw new Error('not a declutter settings file');
  }
  await chrome.storage.sync.set(doc.settings);
  const where = {};
  for (const [host, rules] of Object.entries(doc.sites)) where[host] = await saveSiteRules(host, rules);
  return where;
}
