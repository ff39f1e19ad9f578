// Runs where the extension's auto.js would: at document start (run.mjs injects it, bundled by
// server.mjs, into every new document of its "auto" tab, after chrome-stub.js). Starts automatic
// cleaning as auto.js does and records when it is done, for the "DOMContentLoaded -> clutter
// hidden" figure.
import { autoClean } from '../../extension/content.js';

const started = performance.now();
globalThis.declutterBenchAuto = autoClean().then(
  () => ({ started, hiddenAt: performance.now(), hidden: document.querySelectorAll('[data-declutter-hidden]').length }),
  (e) => ({ started, error: String(e?.message ?? e) }),
);
