// The built manifests ask for nothing broader than the design allows: activeTab, scripting and
// storage; host access only as an optional permission; no remote code; extension pages' CSP
// allows wasm and nothing else beyond 'self'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { AUTO_SCRIPTS, BACKGROUND, CONTENT_SCRIPTS, ENTRY_POINTS, FONT_DIR, FONT_FILES, FONT_LICENSE, OPTIONS, WASM } from '../../extension/scripts.mjs';

for (const browser of ['chrome', 'firefox']) {
  test(`${browser} manifest permissions are minimal`, () => {
    const m = JSON.parse(readFileSync(new URL(`../../dist/${browser}/manifest.json`, import.meta.url), 'utf8'));
    assert.equal(m.manifest_version, 3);
    assert.deepEqual([...m.permissions].sort(), ['activeTab', 'contextMenus', 'scripting', 'storage']);
    assert.equal(m.host_permissions, undefined, 'no host permissions at install');
    assert.deepEqual(m.optional_host_permissions, ['<all_urls>']);
    assert.equal(m.content_scripts, undefined, 'nothing runs on pages until the user asks');
    assert.equal(
      m.content_security_policy.extension_pages,
      "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    );
    // The content-script wasm and the reader's font files, each by its exact name: no wildcard,
    // no licence text, no script; in Chrome only through the per-session address.
    for (const war of m.web_accessible_resources) {
      assert.deepEqual(war.resources, [...Object.values(WASM), ...FONT_FILES.map((f) => `${FONT_DIR}/${f}`)], 'only the wasm and the font files are web-accessible');
      assert.ok(war.resources.every((r) => /^[\w/.-]+\.(wasm|woff2)$/.test(r)), 'exact file names');
      if (browser === 'chrome') assert.equal(war.use_dynamic_url, true, 'reachable only through the per-session URL');
    }
    // The font ships with its licence (SIL OFL 1.1).
    const dir = new URL(`../../dist/${browser}/${FONT_DIR}/`, import.meta.url);
    assert.deepEqual(readdirSync(dir).sort(), [...FONT_FILES, FONT_LICENSE].sort());
    assert.match(readFileSync(new URL(FONT_LICENSE, dir), 'utf8'), /SIL OPEN FONT LICENSE Version 1\.1/);
    // Any new top-level key (externally_connectable, sandbox, declarative_net_request,
    // content_scripts, update_url...) widens what the extension can do: it must be argued here.
    const allowedKeys = ['manifest_version', 'name', 'version', 'description', 'default_locale', 'permissions', 'optional_host_permissions',
      'action', 'icons', 'commands', 'options_ui', 'web_accessible_resources', 'content_security_policy', 'background',
      'browser_specific_settings'];
    assert.deepEqual(Object.keys(m).filter((k) => !allowedKeys.includes(k)), [], 'no unexpected manifest keys');
    assert.deepEqual(Object.keys(m.content_security_policy), ['extension_pages'], 'no sandbox CSP');
    const text = JSON.stringify(m);
    assert.ok(!/https?:\/\//.test(text.replace(/"<all_urls>"/g, '')), 'no remote URLs in the manifest');
  });
}

// One list of scripts (extension/scripts.mjs): the manifests, the background's injections and
// the options page name only what it lists, and every listed script ships as one classic script.
for (const browser of ['chrome', 'firefox']) {
  test(`${browser} ships exactly the listed scripts, each a classic script`, () => {
    const dir = new URL(`../../dist/${browser}/`, import.meta.url);
    const m = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8'));
    assert.deepEqual(m.background.service_worker ? [m.background.service_worker] : m.background.scripts, [BACKGROUND]);
    const shipped = readdirSync(dir).filter((f) => f.endsWith('.js')).sort();
    assert.deepEqual(shipped, [...new Set(ENTRY_POINTS)].sort(), 'no script ships that the list does not name');
    const options = readFileSync(new URL('options.html', dir), 'utf8');
    assert.deepEqual([...options.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]), [OPTIONS]);
    const background = readFileSync(new URL(BACKGROUND, dir), 'utf8');
    for (const file of [...CONTENT_SCRIPTS, ...AUTO_SCRIPTS]) assert.ok(background.includes(JSON.stringify(file)), `the background injects ${file}`);
    for (const file of shipped) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      assert.doesNotMatch(text, /^\s*(import|export)\s[^(]/m, `${file} is a classic script`);
      assert.doesNotMatch(text, /\bimport\s*\(/, `${file} has no dynamic import`);
    }
  });
}

// The content-script wasm budget, 150 KB (150,000 bytes) gzip -9, holds for each module; the clutter-only
// module that automatic cleaning loads on every page is the smaller one.
test('each wasm module is within the 150 KB gzip budget', () => {
  const gzip = {};
  for (const [name, file] of Object.entries(WASM)) {
    gzip[name] = gzipSync(readFileSync(new URL(`../../dist/chrome/${file}`, import.meta.url)), { level: 9 }).length;
    assert.ok(gzip[name] <= 150_000, `${file}: ${gzip[name]} bytes gzip, over 150,000`);
  }
  assert.ok(gzip.clutter < gzip.full, `the clutter-only module (${gzip.clutter}) is smaller than the full one (${gzip.full})`);
});
