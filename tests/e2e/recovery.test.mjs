// A crashed wasm instance never breaks the page, and the next click works again.
//
// With `panic = "abort"`, a Rust panic in the wasm ends as a WebAssembly.RuntimeError
// ("unreachable") thrown out of `analyze`; the content script must then drop that instance and
// build a fresh one from the compiled module on the next click. No input is known to panic the
// module (the fuzzer's findings are fixed), and the shipped wasm has no switch to force one, so
// this test makes the engine's next call throw exactly that error, from inside the content
// script's own world (through CDP), until a new instance is made, and checks what the user sees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { launch } from './chromium-driver.mjs';
import { waitFor, withBrowser } from './suite.mjs';
import { inPageErrors, inPageHiddenCount, inPageHtml, inPageToastSeen, inPageWatchErrors, inPageWatchToast } from './checks.mjs';

let driver;
let base;
withBrowser(() => launch(fileURLToPath(new URL('../../dist/chrome', import.meta.url))), (session) => ({ driver, base } = session));

// Runs `expression` in the extension's isolated world on this page (where content.js lives).
async function inContentScript(page, expression) {
  const session = await page.context().newCDPSession(page);
  try {
    const contexts = [];
    session.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await session.send('Runtime.enable');
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'));
    assert.ok(world, 'the content script world exists');
    const { exceptionDetails } = await session.send('Runtime.evaluate', { expression, contextId: world.id });
    assert.equal(exceptionDetails, undefined, 'the expression ran');
  } finally {
    await session.detach();
  }
}

test('chromium: after a wasm trap the page is untouched and the next click reads it', async () => {
  const page = await driver.open(`${base}/demo/news.html`);
  await waitFor(() => driver.evaluate(page, () => document.querySelector('.newsletter-modal') !== null), 'the late modal');
  await driver.evaluate(page, inPageWatchErrors);

  // A first reading creates the engine.
  await driver.click(page);
  await waitFor(() => driver.overlay(page), 'the overlay');
  await driver.press(page, 'Escape');
  await waitFor(async () => (await driver.overlay(page)) === null, 'the overlay to close');
  const pristine = await driver.evaluate(page, inPageHtml);

  // From now on the engine's calls trap, as they would on an instance a panic has aborted, until
  // a new instance is created: only a content script that really replaces the instance recovers.
  await inContentScript(page, `{
    const encodeInto = TextEncoder.prototype.encodeInto;
    const instantiate = WebAssembly.instantiate;
    TextEncoder.prototype.encodeInto = function () {
      throw new WebAssembly.RuntimeError('unreachable');
    };
    WebAssembly.instantiate = function (...args) {
      TextEncoder.prototype.encodeInto = encodeInto;
      WebAssembly.instantiate = instantiate;
      return instantiate.apply(this, args);
    };
  }`);
  await driver.evaluate(page, inPageWatchToast);
  await driver.click(page);
  await waitFor(() => driver.evaluate(page, inPageToastSeen), 'the failure toast');
  assert.equal(await driver.overlay(page), null, 'no overlay after the crash');
  assert.equal(await driver.evaluate(page, inPageHiddenCount), 0, 'nothing hidden after the crash');
  await waitFor(async () => (await driver.evaluate(page, inPageHtml)) === pristine, 'the page as it was');

  // The next click gets a fresh instance and works.
  await driver.click(page);
  const overlay = await waitFor(() => driver.overlay(page), 'the overlay from a fresh instance');
  assert.match(overlay.title, /floating solar market hall/);
  assert.ok(await driver.evaluate(page, inPageHiddenCount) > 0, 'clutter hidden again');
  assert.deepEqual(await driver.evaluate(page, inPageErrors), [], 'no uncaught page errors');
  await driver.closePage(page);
});
