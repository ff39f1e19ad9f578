// Builds the extension for both browsers from this one source folder:
//   dist/chrome/, dist/firefox/, dist/declutter-chrome.zip, dist/declutter-firefox.xpi
// The manifests differ only where the browsers do (background worker vs event page, gecko id).
// Input: this folder and the wasm build in pkg/ (`make wasm`). Each entry point of scripts.mjs is
// bundled with esbuild (a dev dependency; nothing of it ships) into one classic script.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { BACKGROUND, BACKGROUND_WASM, ENTRY_POINTS, FONT_DIR, FONT_FILES, FONT_LICENSE, WASM } from './scripts.mjs';

const ALL_WASM = { ...WASM, ...BACKGROUND_WASM };

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const pkg = join(root, 'pkg');
const fontPackage = join(root, 'node_modules', '@fontsource', 'atkinson-hyperlegible');
const dist = join(root, 'dist');
const version = /^version = "(.+)"$/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))[1];

// What ships besides the bundles and the wasm: the options page, the icons and the messages.
const ASSETS = ['options.html', 'icons', '_locales'];

const icons = { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' };

const base = {
  manifest_version: 3,
  // Shown in the browser's language: extension/_locales/<lang>/messages.json.
  name: '__MSG_extName__',
  version,
  description: '__MSG_extDescription__',
  default_locale: 'en',
  // Nothing broader: host access is only requested (optionally) for automatic cleaning.
  permissions: ['activeTab', 'scripting', 'storage', 'contextMenus'],
  optional_host_permissions: ['<all_urls>'],
  action: { default_title: '__MSG_actionTitle__', default_icon: icons },
  icons,
  commands: {
    _execute_action: {
      suggested_key: { default: 'Alt+Shift+R' },
      description: '__MSG_commandToggle__',
    },
    'clean-page': { suggested_key: { default: 'Alt+Shift+C' }, description: '__MSG_commandClean__' },
    'hide-element': { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_commandZap__' },
    'show-hidden': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_commandPeek__' },
  },
  options_ui: { page: 'options.html', open_in_tab: false },
  // Exact file names, no wildcards: the content-script wasm and the reader's font files, which
  // the page's document loads for the reader on any site the person opens it on.
  web_accessible_resources: [{ resources: [...Object.values(WASM), ...FONT_FILES.map((f) => `${FONT_DIR}/${f}`)], matches: ['<all_urls>'] }],
  // Extension pages (the background) compile the wasm too; content scripts follow the page's CSP.
  content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
};

const manifests = {
  chrome: {
    ...base,
    background: { service_worker: BACKGROUND },
    // Reachable only through a URL that changes every session (runtime.getURL gives it): a site
    // cannot probe a fixed chrome-extension://<id>/ address to learn the extension is installed.
    // Firefox needs no such key: its moz-extension:// host is a random UUID per installation.
    web_accessible_resources: [{ ...base.web_accessible_resources[0], use_dynamic_url: true }],
  },
  firefox: {
    ...base,
    background: { scripts: [BACKGROUND] },
    browser_specific_settings: {
      gecko: {
        id: 'declutter@declutter.dev',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
};

// Bundles `entry` (a path) into one classic script (an IIFE) and returns its text. The benches
// bundle their in-page harness with it too.
export async function bundle(entry) {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: ['chrome120', 'firefox128'],
    charset: 'utf8',
    legalComments: 'none',
    absWorkingDir: root,
    plugins: [gluePlugin],
    write: false,
  });
  return result.outputFiles[0].text;
}

// 'declutter:glue/<name>' is wasm-bindgen's no-modules output for the wasm module ALL_WASM[name]
// (pkg/declutter_clutter.js for pkg/declutter_clutter_bg.wasm...), as an ES module.
const gluePlugin = {
  name: 'declutter-glue',
  setup(build) {
    build.onResolve({ filter: /^declutter:glue\// }, ({ path }) => {
      const wasm = ALL_WASM[path.slice('declutter:glue/'.length)];
      if (!wasm) throw new Error(`no wasm module for ${path}`);
      return { path: `pkg/${wasm.replace(/_bg\.wasm$/, '.js')}`, namespace: 'glue' };
    });
    build.onLoad({ filter: /.*/, namespace: 'glue' }, ({ path }) => {
      if (!existsSync(join(root, path))) throw new Error(`${path} is missing: run \`make wasm\` first`);
      return { contents: factory(readFileSync(join(root, path), 'utf8')), loader: 'js' };
    });
  },
};

// wasm-bindgen's no-modules glue keeps one instance in a closure and can never start another.
// After a panic (panic = "abort") that instance is dead, so the glue is turned into a factory:
// `createDeclutterWasm()` returns a fresh glue object each time, and a crashed engine is
// replaced by a new instance of the same compiled module.
function factory(glue) {
  const head = 'let wasm_bindgen = (function(exports) {';
  const tail = '})({ __proto__: null });';
  if (!glue.startsWith(head) || !glue.trimEnd().endsWith(tail)) {
    throw new Error('unexpected wasm-bindgen glue: update factory() in extension/build.mjs');
  }
  const body = glue.trimEnd().slice(head.length, -tail.length);
  return `export function createDeclutterWasm() {\n  return (function(exports) {${body}})({ __proto__: null });\n}\n`;
}

async function build() {
  for (const wasm of Object.values(ALL_WASM)) {
    if (!existsSync(join(pkg, wasm))) throw new Error(`pkg/${wasm} is missing: run \`make wasm\` first`);
  }
  if (!existsSync(fontPackage)) throw new Error('node_modules/@fontsource/atkinson-hyperlegible is missing: run `npm ci`');
  const scripts = await Promise.all(ENTRY_POINTS.map(async (entry) => [entry, await bundle(join(here, entry))]));
  rmSync(dist, { recursive: true, force: true });
  for (const [browser, manifest] of Object.entries(manifests)) {
    const out = join(dist, browser);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    for (const wasm of Object.values(ALL_WASM)) cpSync(join(pkg, wasm), join(out, wasm));
    for (const [entry, text] of scripts) writeFileSync(join(out, entry), text);
    for (const asset of ASSETS) cpSync(join(here, asset), join(out, asset), { recursive: true });
    // The font ships with its licence (the SIL OFL asks for it to travel with the files).
    mkdirSync(join(out, FONT_DIR));
    for (const file of FONT_FILES) cpSync(join(fontPackage, 'files', file), join(out, FONT_DIR, file));
    cpSync(join(fontPackage, 'LICENSE'), join(out, FONT_DIR, FONT_LICENSE));
    const archive = join(dist, browser === 'chrome' ? 'declutter-chrome.zip' : 'declutter-firefox.xpi');
    execFileSync('python3', ['-m', 'zipfile', '-c', archive, ...readdirSync(out)], { cwd: out });
  }
  console.log(`built dist/chrome, dist/firefox, dist/declutter-chrome.zip, dist/declutter-firefox.xpi (v${version})`);
}

// Run as a script (`node extension/build.mjs`) it builds; imported, it only lends `bundle`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await build();
