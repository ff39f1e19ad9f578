// Loaded where the extension's auto.js would be (after the content scripts, at the end of the
// document as with run_at document_end): starts automatic cleaning and records when it is done,
// for the "DOMContentLoaded -> clutter hidden" figure.
(() => {
  const started = performance.now();
  globalThis.declutterBenchAuto = globalThis.declutterAutoClean().then(
    () => ({ started, hiddenAt: performance.now(), hidden: document.querySelectorAll('[data-declutter-hidden]').length }),
    (e) => ({ started, error: String(e?.message ?? e) }),
  );
})();
