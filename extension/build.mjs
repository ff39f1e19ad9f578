// Builds the extension for both browsers from this one source folder:
//   dist/chrome/, dist/firefox/, dist/declutter-chrome.zip, dist/declutter-firefox.xpi
// The manifests differ only where the browsers do (background worker vs event page, gecko id).
// Input: this folder and the wasm build in pkg/ (`make wasm`); no npm dependencies.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const pkg = join(root, 'pkg');
const dist = join(root, 'dist');
const version = /^version = "(.+)"$/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))[1];

// Everything in this folder ships, except the build itself and tests' helpers.
const SKIP = new Set(['build.mjs', 'walk.js']);

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
  web_accessible_resources: [{ resources: ['declutter_bg.wasm'], matches: ['<all_urls>'] }],
  // Extension pages (the background) compile the wasm too; content scripts follow the page's CSP.
  content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
};

const manifests = {
  chrome: { ...base, background: { service_worker: 'background.js' } },
  firefox: {
    ...base,
    background: { scripts: ['declutter.js', 'engine.js', 'i18n.js', 'settings.js', 'site-rules.js', 'background.js', 'menus.js'] },
    browser_specific_settings: {
      gecko: {
        id: 'declutter@declutter.dev',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
};

for (const file of ['declutter.js', 'declutter_bg.wasm']) {
  if (!existsSync(join(pkg, file))) throw new Error(`pkg/${file} is missing: run \`make wasm\` first`);
}
rmSync(dist, { recursive: true, force: true });
for (const [browser, manifest] of Object.entries(manifests)) {
  const out = join(dist, browser);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync(join(out, 'declutter.js'), factory(readFileSync(join(pkg, 'declutter.js'), 'utf8')));
  cpSync(join(pkg, 'declutter_bg.wasm'), join(out, 'declutter_bg.wasm'));
  // walk.js is an ES module for the wasm tests; content scripts are classic scripts.
  writeFileSync(join(out, 'walk.js'), readFileSync(join(here, 'walk.js'), 'utf8').replace(/^export /gm, ''));
  for (const file of readdirSync(here).filter((f) => !SKIP.has(f))) {
    cpSync(join(here, file), join(out, file), { recursive: true });
  }
  const archive = join(dist, browser === 'chrome' ? 'declutter-chrome.zip' : 'declutter-firefox.xpi');
  execFileSync('python3', ['-m', 'zipfile', '-c', archive, ...readdirSync(out)], { cwd: out });
}
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
  return `// Generated from wasm-bindgen's no-modules output by extension/build.mjs.\n` +
    `function createDeclutterWasm() {\n  return (function(exports) {${body}})({ __proto__: null });\n}\n`;
}

console.log(`built dist/chrome, dist/firefox, dist/declutter-chrome.zip, dist/declutter-firefox.xpi (v${version})`);

