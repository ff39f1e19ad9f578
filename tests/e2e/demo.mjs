// `make demo`: serves www/ on 127.0.0.1, opens the demo article in Chromium with the built
// extension, clicks the real toolbar button and saves the screenshots of the reader that the
// README shows: www/screenshots/reader-light.png, reader-dark.png, reader-rtl.png (an Arabic page),
// reader-export-menu.png, reader-contents-menu.png, reader-focus-mode.png, reader-read-aloud.png
// (the legible font, a word being read; headless Chromium has no voice, so the tests' speech
// double speaks)
// HEADED=1 shows the browser (where a display exists) and keeps serving until Ctrl-C.
import { fileURLToPath } from 'node:url';
import { launch } from './chromium-driver.mjs';
import { origin, serve } from './server.mjs';
import { waitFor } from './suite.mjs';
import { installSpeechDouble } from './speech-double.mjs';

const dist = (file) => fileURLToPath(new URL(`../../dist/${file}`, import.meta.url));
const screenshot = (file) => fileURLToPath(new URL(`../../www/screenshots/${file}`, import.meta.url));
const headed = process.env.HEADED === '1';
const server = await serve(headed ? 8642 : 0);
const browser = await launch(dist('chrome'), { headless: !headed });
const base = origin(server);

async function shot(path, file, reader) {
  await browser.worker.evaluate((r) => chrome.storage.sync.set({ reader: r }), reader);
  const page = await browser.open(`${base}${path}`);
  await browser.click(page);
  await waitFor(() => browser.overlay(page), 'the reader overlay');
  await page.waitForTimeout(400); // images decode
  await page.screenshot({ path: screenshot(file) });
  console.log(`wrote www/screenshots/${file}`);
  return page;
}

const light = { theme: 'light', font: 'serif', size: 20, width: 34, lineHeight: 1.6, rate: 1 };
await (await shot('/demo/news.html', 'reader-light.png', light)).close();
await (await shot('/demo/news.html', 'reader-dark.png', { ...light, theme: 'dark' })).close();
await (await shot('/demo/rtl.html', 'reader-rtl.png', { ...light, font: 'sans' })).close();
// The Keep menu open (Copy / Save as Markdown, Save as HTML).
{
  const page = await shot('/demo/news.html', 'reader-export-menu.png', light);
  await browser.overlayClick(page, '[data-control=keep]');
  await page.waitForTimeout(100);
  await page.screenshot({ path: screenshot('reader-export-menu.png') });
  await page.close();
}
// Focus mode: every block but the current one dimmed.
{
  const page = await shot('/demo/news.html', 'reader-focus-mode.png', { ...light, focus: true });
  await browser.overlayRun(page, `function () { const s = this.querySelector('.dc-scroll'); s.scrollTop = 420; }`);
  await page.waitForTimeout(400);
  await page.screenshot({ path: screenshot('reader-focus-mode.png') });
  await page.close();
}
// The Contents menu on a long article (the Wikipedia page of the in-repo sample).
{
  const page = await shot('/wiki/Mozilla', 'reader-contents-menu.png', light);
  await browser.overlayClick(page, '[data-control=contents]');
  await page.waitForTimeout(100);
  await page.screenshot({ path: screenshot('reader-contents-menu.png') });
  await page.close();
}
// Read aloud in the legible font, the word being spoken marked.
{
  const page = await shot('/demo/news.html', 'reader-read-aloud.png', { ...light, font: 'legible' });
  await browser.contentWorld(page, installSpeechDouble.toString(), { boundaries: true, step: 200 });
  // The double is looked up when the reader opens: open it again.
  await browser.click(page);
  await waitFor(async () => (await browser.overlay(page)) === null, 'the reader to close');
  await browser.click(page);
  await waitFor(() => browser.overlay(page), 'the reader again');
  await browser.overlayClick(page, '[data-control=readAloud]');
  await waitFor(() => browser.overlayRun(page, `function () {
    const p = this.querySelectorAll('.dc-body > p')[1];
    return p.classList.contains('dc-speaking') && p.querySelector('.dc-word') && p.textContent.indexOf(p.querySelector('.dc-word').textContent) > 40;
  }`), 'a word of the second paragraph', 60_000);
  await browser.overlayClick(page, '[data-control=readAloud]'); // pause, for a still picture
  await page.waitForTimeout(300);
  await page.screenshot({ path: screenshot('reader-read-aloud.png') });
  await page.close();
}
await browser.worker.evaluate(() => chrome.storage.sync.clear());

console.log(`
The extension is built, unpacked, in:
  Chrome:  ${dist('chrome')}   (also packed: dist/declutter-chrome.zip)
  Firefox: ${dist('firefox')}  (also packed: dist/declutter-firefox.xpi)

Chrome:  open chrome://extensions, switch on "Developer mode", "Load unpacked", pick dist/chrome.
Firefox: open about:debugging#/runtime/this-firefox, "Load Temporary Add-on...", pick
         dist/firefox/manifest.json (or install dist/declutter-firefox.xpi where unsigned add-ons are allowed).
Then open a page and click the declutter button, or press Alt+Shift+R.`);

if (headed) {
  const page = await browser.open(`${base}/demo/news.html`);
  await page.bringToFront();
  console.log(`\nServing the demo at ${base}/ in a visible browser; Ctrl-C to stop.`);
} else {
  await browser.close();
  server.close();
}
