// The modern web (issue 17) in both browsers, through the real toolbar action: articles and
// clutter inside shadow roots (declarative and scripted, open and closed) are read and hidden,
// and closing the reader restores every shadow tree; relative URLs follow <base href>; embeds
// become cards; lazy-loaded, noscript-only and blur-up pictures show once, at their best.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, waitFor, withBrowser } from './suite.mjs';

// Every [data-expect] element, in the document and in every shadow root the page can reach
// (open roots through `shadowRoot`, closed ones through the references the fixture keeps).
function inPageDeepExpectations() {
  const norm = (s) => s.replace(/\s+/g, ' ').trim();
  const roots = [document, ...Object.values(window.__roots ?? {})];
  for (let i = 0; i < roots.length; i++) {
    for (const el of roots[i].querySelectorAll('*')) {
      if (el.shadowRoot && !roots.includes(el.shadowRoot)) roots.push(el.shadowRoot);
    }
  }
  const marked = roots.flatMap((r) => [...r.querySelectorAll('[data-expect]')]);
  // Marked itself or by an ancestor, across shadow boundaries (a host can be hidden whole).
  const isMarked = (e) => {
    for (let n = e; n; n = n.getRootNode().host ?? null) if (n.closest('[data-declutter-hidden]')) return true;
    return false;
  };
  return {
    article: marked.filter((e) => e.dataset.expect === 'article').map((e) => norm(e.textContent)),
    clutter: marked
      .filter((e) => e.dataset.expect !== 'article')
      .map((e) => ({ kind: e.dataset.expect, marked: isMarked(e), visible: e.checkVisibility() })),
    hiddenAnywhere: roots.reduce((n, r) => n + r.querySelectorAll('[data-declutter-hidden]').length, 0),
    shadowSheets: roots.slice(1).reduce((n, r) => n + r.adoptedStyleSheets.length, 0),
    shadowRoots: roots.length - 1,
  };
}

for (const [browserName, launch] of BROWSERS) {
  describe(browserName, () => {
    const session = withBrowser(launch, () => {});

    for (const [file, roots] of [['shadow-article', 3], ['shadow-closed', 2]]) {
      test(`${browserName}: shadow DOM page ${file}: reader reads the flat tree, clutter in shadow roots hidden and restored`, async () => {
        const { driver, base } = session;
        const page = await driver.open(`${base}/fixtures/modern/${file}.html`);
        const before = await driver.evaluate(page, inPageDeepExpectations);
        assert.ok(before.shadowRoots >= roots, `${file}: the page has its shadow roots (${before.shadowRoots})`);
        assert.ok(before.clutter.length > 0 && before.clutter.every((c) => c.visible && !c.marked), 'clutter visible before');

        await driver.click(page);
        const overlay = await waitFor(() => driver.overlay(page), `the overlay on ${file}`);
        const text = overlay.text.replace(/\s+/g, ' ');
        for (const paragraph of before.article) {
          assert.ok(text.includes(paragraph), `${file}: the reader shows ${paragraph.slice(0, 60)}...`);
        }
        const open = await driver.evaluate(page, inPageDeepExpectations);
        for (const c of open.clutter) {
          assert.ok(c.marked && !c.visible, `${file}: ${c.kind} inside a shadow root is hidden (${JSON.stringify(c)})`);
          assert.ok(!text.includes('Subscribe') && !text.includes('Share this'), `${file}: no clutter in the reader`);
        }
        assert.ok(open.shadowSheets > 0, 'the hiding sheet is adopted by the shadow roots');

        await driver.press(page, 'Escape');
        await waitFor(async () => (await driver.overlay(page)) === null, 'the overlay to close');
        const after = await driver.evaluate(page, inPageDeepExpectations);
        assert.equal(after.hiddenAnywhere, 0, 'no marks left in any tree');
        assert.equal(after.shadowSheets, before.shadowSheets, 'the adopted sheets are removed');
        assert.ok(after.clutter.every((c) => c.visible), 'clutter visible again');
        await driver.closePage(page);
      });
    }

    test(`${browserName}: links and images resolve against the document's base URL`, async () => {
      const { driver, base } = session;
      const page = await driver.open(`${base}/fixtures/modern/base-href.html`);
      // What the browser itself makes of them (document.baseURI).
      const want = await driver.evaluate(page, () => [...document.querySelectorAll('.probe')].map((e) => e.href || e.src));
      assert.ok(want.length === 4 && want.every((u) => !u.startsWith(`${base}/fixtures/modern/room`)), 'the fixture uses its <base>');
      await driver.click(page);
      const overlay = await waitFor(() => driver.overlay(page), 'the overlay');
      const urls = [...overlay.html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));
      for (const url of want) assert.ok(urls.includes(url), `the reader has ${url} (it has ${urls.join(', ')})`);
      await driver.press(page, 'Escape');
      await driver.closePage(page);
    });

    test(`${browserName}: lazy, noscript and blur-up pictures reach the reader once, at their best resolution`, async () => {
      const { driver, base } = session;
      const page = await driver.open(`${base}/fixtures/modern/lazy-media.html`);
      // On the live page the noscript pictures are text, and the placeholders are what shows.
      const live = await driver.evaluate(page, () => ({
        want: [...document.querySelectorAll('[data-want]')].map((e) => new URL(`media/${e.dataset.want}`, new URL('/', location.href)).href),
        noscriptImages: document.querySelectorAll('noscript img').length,
        noscripts: document.querySelectorAll('noscript').length,
      }));
      assert.equal(live.want.length, 7, 'one picture per pattern');
      assert.ok(live.noscripts === 3 && live.noscriptImages === 0, 'noscript content is raw text in a tab');
      await driver.click(page);
      const overlay = await waitFor(() => driver.overlay(page), 'the overlay');
      const images = [...overlay.html.matchAll(/<img\b[^>]*?\ssrc="([^"]*)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));
      assert.deepEqual(images, live.want, 'each picture once, in order, its largest source, no placeholder or preview');
      await driver.press(page, 'Escape');
      await waitFor(async () => (await driver.overlay(page)) === null, 'the overlay to close');
      const after = await driver.evaluate(page, () => document.querySelectorAll('noscript img, [data-declutter-hidden]').length);
      assert.equal(after, 0, 'the page is left as it was');
      await driver.closePage(page);
    });

    test(`${browserName}: embeds become cards linking to the original, posts keep their text`, async () => {
      const { driver, base } = session;
      const page = await driver.open(`${base}/fixtures/modern/embeds.html`);
      const want = await driver.evaluate(page, () => [...document.querySelectorAll('[data-card]')].map((e) => e.dataset.card));
      await driver.click(page);
      const overlay = await waitFor(() => driver.overlay(page), 'the overlay');
      const cards = [...overlay.html.matchAll(/<div class="dc-embed"><small class="dc-embed-provider">([^<]*)<\/small>(?:<blockquote>[\s\S]*?<\/blockquote>)?<a href="([^"]*)"/g)]
        .map((m) => `${m[1]} ${m[2].replaceAll('&amp;', '&')}`);
      assert.deepEqual(cards, want, 'one card per embed, in order, linking to the original');
      assert.ok(!/<(iframe|script|object|embed)\b/.test(overlay.html), 'no frame or script in the reader');
      assert.ok(!/<img[^>]+(youtube|vimeo|twitter|instagram|tiktok|mastodon)/.test(overlay.html), 'nothing loaded from the providers');
      for (const quoted of ['Tail clearly visible without binoculars!', 'Two tails tonight', 'Comet timelapse from the roof']) {
        assert.match(overlay.html, new RegExp(`<div class="dc-embed"><small class="dc-embed-provider">[^<]*</small><blockquote>(?:(?!</div>).)*${quoted}`), `the post keeps its text in its card: ${quoted}`);
      }
      await driver.press(page, 'Escape');
      await driver.closePage(page);
    });
  });
}
