// The reader's Keep menu in both browsers, on two corpus pages served at their sites' paths:
// Save as Markdown gives exactly the CLI's expected Markdown (tests/fixtures/markdown/, with this
// server's origin in place of the site's), Copy as Markdown puts the same text on the clipboard,
// and Save as HTML gives one self-contained file: the reader's styles, the article as the reader
// shows it, a CSP that forbids scripts, and nothing active; with images, a PNG the test server
// serves is in the file as data. Save as EPUB gives a book that epubcheck (Debian's, on Java)
// passes, with the article's metadata, body and images.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { BROWSERS, waitFor, withBrowser } from './suite.mjs';
import { AT_SITE_PATH } from './server.mjs';

// This server speaks http, the sites https: a protocol-relative address (`//host/x`) takes the
// page's scheme, so schemes are left out of the comparison.
const schemeless = (md) => md.replace(/\bhttps?:\/\//g, '//');
const EPUBCHECK = process.env.EPUBCHECK_JAR ?? '/usr/share/java/epubcheck.jar';
const expected = (page) => readFileSync(new URL(`../fixtures/markdown/${page}.md`, import.meta.url), 'utf8');
const PAGES = [
  ['/wiki/Mozilla', 'mozilla-wikipedia'],
  ['/blog/emscripten-standalone-wasm', 'outside-the-web-standalone-webassembly-binaries-using-emscripten'],
];

for (const [browser, launch] of BROWSERS) {
  describe(browser, () => {
    const session = withBrowser(() => launch(), () => {});

    async function openReader(path) {
      const { driver, base } = session;
      const page = await driver.open(`${base}${path}`);
      await driver.click(page);
      await waitFor(() => driver.overlay(page), 'the reader');
      return page;
    }

    for (const [path, file] of PAGES) {
      const { page: name, origin } = AT_SITE_PATH[path];
      test(`${browser}: ${name}: Save as Markdown is the expected Markdown`, async () => {
        const { driver, base } = session;
        const page = await openReader(path);
        await driver.overlayClick(page, '[data-control=keep]');
        const menu = await driver.overlayProbe(page, '[role=menu]:not([hidden])');
        assert.ok(menu, 'the menu opens');
        const saved = await driver.overlayDownload(page, '[data-control=saveMarkdown]');
        assert.equal(saved.name, `${file}.md`);
        const got = saved.text.replaceAll(base, origin);
        if (process.env.DECLUTTER_KEEP_EXPORTS) writeFileSync(`${process.env.DECLUTTER_KEEP_EXPORTS}/${browser}-${name}.md`, got);
        assert.equal(schemeless(got), schemeless(expected(name)));
        assert.equal(await driver.overlayProbe(page, '[role=menu]:not([hidden])'), null, 'the menu closed');
        assert.match((await driver.overlayProbe(page, '.dc-status')).text, new RegExp(`${file}\\.md`));
      });
    }

    test(`${browser}: Copy as Markdown puts the Markdown on the clipboard`, async () => {
      const { driver, base } = session;
      const page = await openReader('/blog/emscripten-standalone-wasm');
      await driver.overlayClick(page, '[data-control=keep]');
      await driver.overlayGestureClick(page, '[data-control=copyMarkdown]');
      await waitFor(async () => (await driver.overlayProbe(page, '.dc-status'))?.text === 'Copied', 'the copied status');
      const text = await driver.clipboardText(page);
      assert.equal(schemeless(text.replaceAll(base, 'https://v8.dev')), schemeless(expected('v8-blog')));
    });

    test(`${browser}: Save as HTML is one self-contained, inert file in the reader's look`, async () => {
      const { driver } = session;
      const page = await openReader('/wiki/Mozilla');
      const shown = await driver.overlay(page);
      await driver.overlayClick(page, '[data-control=keep]');
      const saved = await driver.overlayDownload(page, '[data-control=saveHtml]');
      assert.equal(saved.name, 'mozilla-wikipedia.html');
      const html = saved.text;
      assert.match(html, /^<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">/);
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src http: https: data:; style-src 'unsafe-inline'">/);
      assert.match(html, /<title>Mozilla - Wikipedia<\/title>/);
      assert.match(html, /<style>[^]*\.dc-dialog \{[^]*\.dc-article \{[^]*<\/style>/, "the reader's styles");
      assert.match(html, /<div class="dc-dialog" data-theme="system" data-font="serif" style="--dc-size: 20px;/);
      assert.doesNotMatch(html, /<(script|iframe|object|embed|form|input|link)\b/i, 'nothing active or external but images');
      assert.doesNotMatch(html, /\son\w+=/i, 'no event handler attributes');
      assert.doesNotMatch(html, /\starget=/, 'links open normally');
      // The article as the reader shows it (less the reader-only attributes).
      const article = html.slice(html.indexOf('<article'), html.indexOf('</article>') + '</article>'.length);
      const reader = shown.html.replace(/ target="_top"/g, '').replace(/ loading="lazy"/g, '');
      assert.equal(article, reader);
      assert.equal((article.match(/<img /g) ?? []).length, 6, "the page's images, as links to them");
    });

    // A page whose image this server serves (a PNG): the file carries the image itself.
    test(`${browser}: Save as HTML with images inlines the article's image as data`, async () => {
      const { driver, base } = session;
      const page = await openReader('/fixtures/reader/tide-tables.html');
      const shown = await driver.overlay(page);
      assert.match(shown.html, new RegExp(`<img src="${base}/fixtures/reader/tide-chart\\.png"`), 'the reader shows it from the site');
      await driver.overlayClick(page, '[data-control=keep]');
      const saved = await driver.overlayDownload(page, '[data-control=saveHtmlImages]');
      assert.equal(saved.name, 'reading-a-tide-table-before-the-morning-walk.html');
      const images = [...saved.text.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
      assert.equal(images.length, 1);
      const [, type, data] = /src="data:(image\/png);base64,([^"]+)"/.exec(images[0]) ?? [];
      assert.equal(type, 'image/png', `inlined: ${images[0].slice(0, 80)}`);
      assert.deepEqual(Buffer.from(data, 'base64'), readFileSync(new URL('../fixtures/reader/tide-chart.png', import.meta.url)), 'the very bytes the server sent');
      assert.match(images[0], /alt="A chart of the water level over one day"/);
      assert.doesNotMatch(saved.text, /src="http/, 'no image left to fetch');
      assert.doesNotMatch(saved.text, /<(script|iframe|object|embed|form|input|link)\b/i);
    });

    // epubcheck's verdict on the file (Debian's jar: /usr/bin/epubcheck runs it through binfmt,
    // which containers often lack, so Java runs it directly). Throws on errors.
    function epubcheck(bytes) {
      const dir = mkdtempSync(join(tmpdir(), 'declutter-epub-'));
      try {
        writeFileSync(join(dir, 'book.epub'), bytes);
        return execFileSync('java', ['-jar', EPUBCHECK, join(dir, 'book.epub')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    test(`${browser}: Save as EPUB gives a valid EPUB 3 with the article's metadata and body`, async () => {
      const { driver, base } = session;
      const page = await openReader('/wiki/Mozilla');
      await driver.overlayClick(page, '[data-control=keep]');
      const saved = await driver.overlayDownload(page, '[data-control=saveEpub]');
      assert.equal(saved.name, 'mozilla-wikipedia.epub');
      const report = epubcheck(saved.bytes);
      assert.match(report, /No errors or warnings detected/);
      const book = unzipSync(new Uint8Array(saved.bytes));
      assert.equal(Object.keys(book)[0], 'mimetype');
      assert.equal(strFromU8(book.mimetype), 'application/epub+zip');
      const opf = strFromU8(book['EPUB/content.opf']);
      assert.match(opf, /<dc:title>Mozilla - Wikipedia<\/dc:title>/);
      assert.match(opf, /<dc:language>en<\/dc:language>/);
      assert.match(opf, new RegExp(`<dc:identifier id="uid">${base}/wiki/Mozilla</dc:identifier>`));
      const xhtml = strFromU8(book['EPUB/article.xhtml']);
      assert.match(xhtml, /will be free; second, that the source code will also be free\./);
      assert.match(xhtml, /<h2 id="h-\d+">History/);
      // The page's images cannot be fetched here (no network): each becomes a link to its address.
      assert.match(xhtml, /<a href="https?:\/\/upload\.wikimedia\.org\/[^"]+Mozilla_Firefox_logo_2013[^"]+"\/?>/);
      const nav = strFromU8(book['EPUB/nav.xhtml']);
      assert.match(nav, /<li><a href="article\.xhtml#h-\d+">History/);
    });

    test(`${browser}: Save as EPUB puts the article's images in the book`, async () => {
      const { driver } = session;
      const page = await openReader('/sample/data-url-image');
      await driver.overlayClick(page, '[data-control=keep]');
      const saved = await driver.overlayDownload(page, '[data-control=saveEpub]');
      assert.match(epubcheck(saved.bytes), /No errors or warnings detected/);
      const book = unzipSync(new Uint8Array(saved.bytes));
      const images = Object.keys(book).filter((f) => f.startsWith('EPUB/images/'));
      assert.deepEqual(images, ['EPUB/images/1.jpg']);
      assert.deepEqual([...book['EPUB/images/1.jpg'].slice(0, 3)], [0xff, 0xd8, 0xff], 'a JPEG');
      assert.match(strFromU8(book['EPUB/content.opf']), /<item id="img1" href="images\/1\.jpg" media-type="image\/jpeg"\/>/);
      assert.match(strFromU8(book['EPUB/article.xhtml']), /<img src="images\/1\.jpg"/);
    });
  });
}
