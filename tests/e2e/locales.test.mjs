// The extension's words (extension/_locales/<lang>/messages.json). Without a browser: every
// locale has exactly the English keys with the same substitutions, no message is empty, every key
// the code, the options page and the manifest ask for exists, and every key is asked for. In
// Chromium and Firefox started in German: the reader speaks German.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BROWSERS, waitFor, withBrowser } from './suite.mjs';

const extension = fileURLToPath(new URL('../../extension/', import.meta.url));
const read = (path) => readFileSync(`${extension}${path}`, 'utf8');
const messages = (lang) => JSON.parse(read(`_locales/${lang}/messages.json`));
const LOCALES = readdirSync(`${extension}_locales`).sort();
const english = messages('en');
const placeholders = (entry) => Object.keys(entry.placeholders ?? {}).sort();

test('the reader speaks at least English, German, French and Spanish', () => {
  for (const lang of ['en', 'de', 'fr', 'es']) assert.ok(LOCALES.includes(lang), `_locales/${lang}`);
});

for (const lang of LOCALES) {
  test(`${lang}: every message, with the same placeholders as English`, () => {
    const own = messages(lang);
    assert.deepEqual(Object.keys(own).sort(), Object.keys(english).sort(), 'the same keys as en');
    for (const [key, entry] of Object.entries(own)) {
      assert.ok(entry.message.trim().length > 0, `${key} is not empty`);
      assert.deepEqual(placeholders(entry), placeholders(english[key]), `${key}: placeholders`);
      for (const name of placeholders(entry)) {
        assert.ok(entry.message.toLowerCase().includes(`$${name}$`), `${key} uses $${name}$`);
      }
    }
  });
}

test('every key the extension asks for exists, and every key is asked for', () => {
  const sources = readdirSync(extension).filter((f) => /\.(js|html)$/.test(f)).map(read).join('\n');
  // Asked for by name: a message call or a control (overlay.js: button('x', …), select('x', …)),
  // data-i18n="x" in the options page, __MSG_x__ in the manifest.
  const named = [
    ...sources.matchAll(/\b(?:declutterMessage|t|button|select|toast)\('(\w+)'/g),
    ...sources.matchAll(/data-i18n="(\w+)"/g),
    ...read('build.mjs').matchAll(/__MSG_(\w+)__/g),
  ].map((m) => m[1]);
  assert.ok(named.length > 30, 'the scan finds the keys');
  assert.deepEqual(named.filter((k) => !(k in english)), [], 'every key asked for is in _locales/en');
  // Some keys are chosen at run time from a table ({serif: 'fontSerif', …}): any quoted key counts.
  const quoted = new Set([...sources.matchAll(/['"]([a-z]\w+)['"]/g)].map((m) => m[1]));
  const unused = Object.keys(english).filter((k) => !named.includes(k) && !quoted.has(k));
  assert.deepEqual(unused, [], 'no unused messages');
});

for (const browser of ['chrome', 'firefox']) {
  test(`${browser}: the manifest is localised, English by default`, () => {
    const m = JSON.parse(readFileSync(new URL(`../../dist/${browser}/manifest.json`, import.meta.url), 'utf8'));
    assert.equal(m.default_locale, 'en');
    assert.equal(m.name, '__MSG_extName__');
    assert.equal(m.description, '__MSG_extDescription__');
    assert.equal(m.action.default_title, '__MSG_actionTitle__');
    assert.equal(m.commands._execute_action.description, '__MSG_commandToggle__');
  });
}

// The reader in a browser started in German, west of UTC: its words come from _locales/de, dates
// are German and a bare date stays on its day.
const german = messages('de');
const TIMEZONE = 'America/Los_Angeles';
const germanDate = (value, zone = TIMEZONE) => new Date(value).toLocaleDateString('de', { year: 'numeric', month: 'long', day: 'numeric', timeZone: zone });
const de = (key, value) => german[key].message.replace(/\$\w+\$/, String(value));

for (const [browser, launch] of BROWSERS) {
  describe(`${browser}: the reader in German`, () => {
    let driver;
    let base;
    withBrowser(() => launch({ locale: 'de', timezone: TIMEZONE }), (session) => ({ driver, base } = session));

    test(`${browser}: controls, reading time, date, link, toast and options page are German`, async () => {
      const page = await driver.open(`${base}/demo/news.html`);
      await driver.click(page);
      // The first click in a fresh browser starts the extension and compiles the wasm: slow on a busy machine.
      const overlay = await waitFor(() => driver.overlay(page), 'the overlay', 20000);
      const text = overlay.text.replace(/\s+/g, ' ');
      assert.match(text, new RegExp(de('minRead', '\\d+')), 'the reading time');
      assert.ok(text.includes(de('viewOriginal')), 'the link back to the original');
      const date = germanDate('2026-10-19T08:18:00+08:00');
      assert.ok(text.includes(date), `the date as ${date}`);
      for (const control of ['close', 'larger', 'print']) {
        const probe = await driver.overlayProbe(page, `[data-control="${control}"]`);
        assert.equal(probe?.title, de(control), `the ${control} button`);
      }
      await driver.press(page, 'Escape');
      await waitFor(async () => (await driver.overlay(page)) === null, 'the overlay to close');

      await driver.goto(page, `${base}/fixtures/live/dated.html`);
      await driver.click(page);
      const dated = (await waitFor(() => driver.overlay(page), 'the overlay on the dated page')).text;
      assert.ok(dated.includes(germanDate('2024-06-25', 'UTC')), `a bare date keeps its day: ${dated.slice(0, 160)}`);
      await driver.press(page, 'Escape');
      await waitFor(async () => (await driver.overlay(page)) === null, 'the overlay to close');

      await driver.goto(page, `${base}/demo/no-article.html`);
      await driver.click(page);
      assert.equal(await waitFor(() => driver.toastText(page), 'the toast'), `declutter: ${de('toastNoArticle')}`);

      await driver.goto(page, await driver.extensionUrl('options.html'));
      const options = await driver.evaluate(page, () => ({ lang: document.documentElement.lang, legend: document.querySelector('legend').textContent }));
      assert.deepEqual(options, { lang: 'de', legend: de('optionsHide') }, 'the options page');
      await driver.closePage(page);
    });
  });
}
