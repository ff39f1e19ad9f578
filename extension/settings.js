// Settings and constants shared by the background, the content script and the options page.
// Settings live in storage.sync so they follow the user; readers merge them over the defaults.

// One stylesheet does all the hiding (inserted with user origin by the background, so the page
// can neither remove nor out-rank it): hidden clutter, the page's scrolling under the reader, and
// the page itself when printing with the reader open.
export const DECLUTTER_HIDE_CSS =
  '[data-declutter-hidden]{display:none!important}' +
  'html[data-declutter-reading]{overflow:hidden!important}' +
  '@media print{html[data-declutter-reading]>body{display:none!important}}';

export const DECLUTTER_DEFAULTS = Object.freeze({
  // Which kinds of clutter to hide (names as in src/clutter: ClutterKind::as_str).
  kinds: { ad: true, newsletter: true, share: true, consent: true, recommendation: true, overlay: true },
  // Clean every page on load. Needs the optional host permission, asked for when switched on.
  autoClean: false,
  // Hostnames where declutter never cleans automatically.
  leaveAlone: [],
  // The reader's look. 34em of 20px serif is about 65 characters a line (tests/e2e/suite.mjs
  // checks 60-75).
  reader: { theme: 'system', font: 'serif', size: 20, width: 34, lineHeight: 1.6, rate: 1 },
});

export async function loadDeclutterSettings() {
  const stored = await chrome.storage.sync.get(['kinds', 'autoClean', 'leaveAlone', 'reader']);
  return {
    kinds: { ...DECLUTTER_DEFAULTS.kinds, ...stored.kinds },
    autoClean: stored.autoClean ?? DECLUTTER_DEFAULTS.autoClean,
    leaveAlone: stored.leaveAlone ?? DECLUTTER_DEFAULTS.leaveAlone,
    reader: { ...DECLUTTER_DEFAULTS.reader, ...stored.reader },
  };
}

// The kinds switched on, as the wasm `analyze` request expects them.
export function enabledKinds(settings) {
  return Object.entries(settings.kinds).filter(([, on]) => on).map(([kind]) => kind);
}
