// The extension's own words in the browser's language: messages from _locales/<lang>/messages.json
// (English when the browser's language has none), for the background, the content scripts and
// the options page alike. The manifest's strings come from the same files (__MSG_<key>__).
// tests/e2e/locales.test.mjs checks that every locale has every key and every key is used.
export function declutterMessage(key, ...substitutions) {
  return chrome.i18n.getMessage(key, substitutions.map(String));
}
