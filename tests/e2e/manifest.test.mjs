// The built manifests ask for nothing broader than the design allows: activeTab, scripting and
// storage; host access only as an optional permission; no remote code; extension pages' CSP
// allows wasm and nothing else beyond 'self'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

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
    for (const war of m.web_accessible_resources) {
      assert.deepEqual(war.resources, ['declutter_bg.wasm'], 'only the wasm is web-accessible');
    }
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
