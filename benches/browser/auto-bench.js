// Runs where the extension's auto.js would: after the content scripts, at document start (run.mjs
// injects them all into every new document of its "auto" tab). Starts automatic cleaning and
// records when it is done, for the "DOMContentLoaded -> clutter hidden" figure.
(() => {
  const started = performance.now();
  globalThis.declutterBenchAuto = globalThis.declutterAutoClean().then(
    () => ({ started, hiddenAt: performance.now(), hidden: document.querySelectorAll('[data-declutter-hidden]').length }),
    (e) => ({ started, error: String(e?.message ?? e) }),
  );
})();
