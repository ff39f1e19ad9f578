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

// Injected into a tab's content-script world only when the reader asks for them (the EPUB
// writer, on Save as EPUB): code that runs on one click need not load with every reader.
export const ON_DEMAND = ['epub.js'];

export const ENTRY_POINTS = [BACKGROUND, ...CONTENT_SCRIPTS, ...AUTO_SCRIPTS, OPTIONS, ...ON_DEMAND];

// The wasm, two modules of the one crate (Makefile `wasm`): clutter only, for automatic cleaning
// on every page, and the full one (clutter + extraction + render) for the reader. Each comes with
// wasm-bindgen's glue, which build.mjs offers to the bundler as 'declutter:glue/<name>'.
export const WASM = { clutter: 'declutter_clutter_bg.wasm', full: 'declutter_bg.wasm' };

// The background's own module: the full one plus the Markdown writer, loaded there when the
// reader's Keep menu asks for Markdown. Not web-accessible, not a content-script module.
export const BACKGROUND_WASM = { export: 'declutter_export_bg.wasm' };

// The legibility font, Atkinson Hyperlegible (SIL Open Font License 1.1), from the npm package
// @fontsource/atkinson-hyperlegible: build.mjs copies these woff2 files and the licence into
// FONT_DIR. They are the only web-accessible files besides the content-script wasm, because the
// reader's @font-face rules load them into the page's document.
export const FONT_DIR = 'fonts';
export const FONT_LICENSE = 'OFL.txt';
export const FONT_FILES = ['latin', 'latin-ext'].flatMap((subset) =>
  ['400-normal', '400-italic', '700-normal', '700-italic'].map((face) => `atkinson-hyperlegible-${subset}-${face}.woff2`));
