// A stand-in for the extension APIs, so that the real extension/content.js runs in a bench page
// (no extension is loaded for `make bench`). Files come from the bench server's /bench/ext/.
(() => {
  const base = new URL('/bench/ext/', location.origin).href;
  globalThis.chrome = {
    runtime: {
      getURL: (path) => base + path,
      // 'insert-css': pretend insertCSS was not available, so content.js adopts its own sheet.
      sendMessage: async (message) => (message?.type === 'insert-css' ? { css: false } : {}),
      onMessage: { addListener() {} },
    },
    storage: {
      sync: { get: async () => ({ autoClean: true }), set: async () => {} },
      local: { get: async () => ({}), set: async () => {} },
      onChanged: { addListener() {} },
    },
    // The reader's words: the message key itself is as good as its English for timing.
    i18n: { getMessage: (key) => key, getUILanguage: () => 'en' },
  };
})();
