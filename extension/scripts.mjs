// The extension's scripts: the one list that the manifests (build.mjs), the background's
// scripting calls, the benches and the tests read.
//
// Each source file is an ES module. Each entry point below is bundled by build.mjs (esbuild) with
// everything it imports into one classic script of the same name in dist/: MV3 content scripts
// cannot be modules, and one file per injection leaves no load order to keep in step anywhere.

// The service worker (Chrome) or event page (Firefox).
export const BACKGROUND = 'background.js';
// Injected by the background on the toolbar click.
export const CONTENT_SCRIPTS = ['content.js'];
// Registered for every page at document_start when automatic cleaning is on: the content script
// and the start of cleaning, in one file.
export const AUTO_SCRIPTS = ['auto.js'];
// The options page's script (options.html loads it).
export const OPTIONS = 'options.js';

export const ENTRY_POINTS = [BACKGROUND, ...CONTENT_SCRIPTS, ...AUTO_SCRIPTS, OPTIONS];

// The wasm, two modules of the one crate (Makefile `wasm`): clutter only, for automatic cleaning
// on every page, and the full one (clutter + extraction + render) for the reader. Each comes with
// wasm-bindgen's glue, which build.mjs offers to the bundler as 'declutter:glue/<name>'.
export const WASM = { clutter: 'declutter_clutter_bg.wasm', full: 'declutter_bg.wasm' };
