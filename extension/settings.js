// Settings and constants shared by the background, the content script and the options page.
// Settings live in storage.sync so they follow the user; readers merge them over the defaults.

// One stylesheet does all the hiding (inserted with user origin by the background, so the page
// can neither remove nor out-rank it): hidden clutter, the page's scrolling under the reader, and
// the page itself when printing with the reader open. Also: peek mode shows hidden elements
// outlined in place, and the page's scroll lock is overridden while a modal is hidden
// (extension/controls.js sets the attributes).
export const DECLUTTER_HIDE_CSS =
  'html:not([data-declutter-peek]) [data-declutter-hidden]{display:none!important}' +
  'html[data-declutter-peek] [data-declutter-hidden]{outline:3px dashed #d1242f!important;outline-offset:-3px!important;opacity:.7!important}' +
  '[data-declutter-unlock~=overflow]{overflow:auto!important}' +
  '[data-declutter-unlock~=fixed]{position:static!important}' +
  '[data-declutter-unblur]{filter:none!important}' +
  'html[data-declutter-reading]{overflow:hidden!important}' +
  '@media print{html[data-declutter-reading]>body{display:none!important}}';

// The same two rules for shadow trees, whose own sheets cannot see <html>: the content script
// swaps them as peek mode starts and ends.
export const DECLUTTER_SHADOW_HIDE_CSS = '[data-declutter-hidden]{display:none!important}';
export const DECLUTTER_SHADOW_PEEK_CSS =
  '[data-declutter-hidden]{outline:3px dashed #d1242f!important;outline-offset:-3px!important;opacity:.7!important}';

export const DECLUTTER_DEFAULTS = Object.freeze({
  // Which kinds of clutter to hide (names as in src/clutter: ClutterKind::as_str).
  kinds: { ad: true, newsletter: true, share: true, consent: true, recommendation: true, overlay: true },
  // Clean every page on load. Needs the optional host permission, asked for when switched on.
  autoClean: false,
  // Hostnames where declutter never cleans automatically.
  leaveAlone: [],
  // A single-page app showing another page while the reader is open: 'reread' it in the reader
  // (the person asked to read this tab in the reader; a Back or a link the site routes itself
  // should not throw them out of it), or 'close' the reader. A page without an article closes it.
  pageMoves: 'reread',
  // The reader's look. 34em of 20px serif is about 65 characters a line (tests/e2e/suite.mjs
  // checks 60-75).
  // focus: focus mode; images: shown; fg/bg: custom colours as #rrggbb ('': the theme's).
  reader: { theme: 'system', font: 'serif', size: 20, width: 34, lineHeight: 1.6, rate: 1, focus: false, images: true, fg: '', bg: '' },
});

// Settings a newer version synced (an unknown clutter kind or key, a value of another type) are
// ignored here, never an error that stops cleaning, and kept in storage for that version.
export async function loadDeclutterSettings() {
  const stored = await chrome.storage.sync.get(['kinds', 'autoClean', 'leaveAlone', 'reader', 'pageMoves']);
  const leaveAlone = Array.isArray(stored.leaveAlone) ? stored.leaveAlone.filter((h) => typeof h === 'string') : null;
  return {
    kinds: known(DECLUTTER_DEFAULTS.kinds, stored.kinds),
    autoClean: typeof stored.autoClean === 'boolean' ? stored.autoClean : DECLUTTER_DEFAULTS.autoClean,
    leaveAlone: leaveAlone ?? DECLUTTER_DEFAULTS.leaveAlone,
    pageMoves: stored.pageMoves === 'close' ? 'close' : DECLUTTER_DEFAULTS.pageMoves,
    reader: known(DECLUTTER_DEFAULTS.reader, stored.reader),
    // As stored, for writes that must keep what this version does not know (withStored).
    stored,
  };
}

// The defaults, with each stored value of the same type laid over them.
function known(defaults, stored) {
  const out = { ...defaults };
  if (stored === null || typeof stored !== 'object') return out;
  for (const key of Object.keys(defaults)) {
    if (Object.hasOwn(stored, key) && typeof stored[key] === typeof defaults[key]) out[key] = stored[key];
  }
  return out;
}

// `values` laid over the stored object (kinds, reader), which keeps what this version does not
// know about.
export function withStored(stored, values) {
  return { ...(stored !== null && typeof stored === 'object' ? stored : {}), ...values };
}

// Writes `values` into the stored object `key`, keeping what this version does not know about.
export async function saveDeclutterSettings(key, values) {
  const { [key]: stored } = await chrome.storage.sync.get(key);
  await chrome.storage.sync.set({ [key]: withStored(stored, values) });
}

// The kinds switched on, as the wasm `analyze` request expects them.
export function enabledKinds(settings) {
  return Object.keys(DECLUTTER_DEFAULTS.kinds).filter((kind) => settings.kinds[kind] === true);
}
