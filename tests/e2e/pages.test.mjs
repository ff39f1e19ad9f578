// Multi-page articles (issue 17) in both browsers, through the real toolbar action: the reader
// fetches the article's following pages one at a time from the same origin, reads each with the
// same engine and appends its body under a "Page 2 of 4" marker; a "next" link to another
// article, another origin, a loop or an endless article never gets further than it should, and
// the Stop button stops. The test server logs every request (tests/e2e/server.mjs).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, waitFor, withBrowser } from './suite.mjs';

const count = (text, part) => text.split(part).length - 1;

for (const [browserName, launch] of BROWSERS) {
  describe(browserName, () => {
    const session = withBrowser(launch, () => {});
    // Requests for `part` made by the page's reader (not the browser's prefetch of rel=next).
    const requested = (part) => session.server.requests.filter((r) => r.path.includes(part) && !r.prefetch);
    // The join has ended: nothing is loading in the reader's toolbar.
    const joinEnded = async (page) => !(await session.driver.overlayProbe(page, '.dc-pages'))?.text;
    // Requests made one after the other: each starts once the one before has been answered.
    const assertSequential = (requests) => {
      for (let i = 1; i < requests.length; i++) {
        assert.ok(requests[i].start >= requests[i - 1].end, `${requests[i].path} started before ${requests[i - 1].path} was answered`);
      }
    };

    test(`${browserName}: a four-page article is joined in order, without repeating its header`, async () => {
      const { driver, base } = session;
      const page = await driver.open(`${base}/fixtures/multipage/story.html`);
      const parts = await driver.evaluate(page, () => [...document.querySelectorAll('.entry-content p')].map((p) => p.textContent));
      await driver.click(page);
      const last = 'Part four ends where the journey ends';
      const overlay = await waitFor(async () => {
        const o = await driver.overlay(page);
        return o?.text.includes(last) && (await joinEnded(page)) && o;
      }, 'the fourth page in the reader', 20_000);
      // Lower case: the markers are shown in capitals (text-transform), and innerText says so.
      const text = overlay.text.replace(/\s+/g, ' ').toLowerCase();
      const order = ['The trail north begins', 'Page 2 of 4', 'Morning on the second day', 'Page 3 of 4', 'The ridge walk is the reason', 'Page 4 of 4', last]
        .map((s) => text.indexOf(s.toLowerCase()));
      assert.ok(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1])), `pages and markers in order: ${order}`);
      assert.ok(parts.every((p) => text.includes(p.replace(/\s+/g, ' ').toLowerCase())), 'page one whole');
      assert.equal(count(overlay.html, '<h1'), 1, 'one title');
      assert.equal(count(text, 'the long road north'), 1, 'the title once');
      assert.equal(count(text, 'mara lindqvist'), 1, 'the byline once');
      assert.equal(count(overlay.html, 'ridge.jpg'), 1, 'the lead image once');
      assert.ok(!text.includes('subscribe') && !text.includes('notes from the harbour'), 'no clutter, no other article');
      for (const n of [2, 3, 4]) assert.equal(requested(`/multipage/story-${n}.html`).length, 1, `page ${n} fetched once`);
      assertSequential(['story-2', 'story-3', 'story-4'].map((p) => requested(`/multipage/${p}.html`)[0]));
      assert.equal(requested('harbour').length, 0, 'the "Next story" link is not followed');
      // The Contents menu lists the headings of every page.
      assert.equal((await driver.overlayProbe(page, '[data-control=heading-6]'))?.text, 'Downhill', 'the last page\'s heading in Contents');
      // Save as Markdown holds every joined page under its label, the header once.
      await driver.overlayClick(page, '[data-control=keep]');
      const md = (await driver.overlayDownload(page, '[data-control=saveMarkdown]')).text;
      const inMd = ['# The Long Road North', 'The trail north begins', '*Page 2 of 4*', '## Fog', 'Morning on the second day', '*Page 3 of 4*', '*Page 4 of 4*', '## Downhill', last]
        .map((s) => md.indexOf(s));
      assert.ok(inMd.every((at, i) => at >= 0 && (i === 0 || at > inMd[i - 1])), `the Markdown's pages in order: ${inMd}`);
      assert.equal(count(md, 'The Long Road North'), 1, 'the title once in the Markdown');
      assert.equal(count(md, 'Mara Lindqvist'), 1, 'the byline once in the Markdown');
      await driver.press(page, 'Escape');
      await waitFor(async () => (await driver.overlay(page)) === null, 'the reader to close');
      await driver.closePage(page);
    });

    test(`${browserName}: on a page whose CSP refuses wasm (Chrome reads it in the background) the pages are joined too`, async () => {
      const { driver, base } = session;
      const page = await driver.open(`${base}/csp/fixtures/multipage/story.html`);
      await driver.click(page);
      await waitFor(async () => {
        const o = await driver.overlay(page);
        return o?.text.includes('Part four ends where the journey ends') && (await joinEnded(page));
      }, 'the fourth page in the reader', 20_000);
      for (const n of [2, 3, 4]) assert.equal(requested(`/csp/fixtures/multipage/story-${n}.html`).length, 1, `page ${n} fetched once`);
      await driver.press(page, 'Escape');
      await driver.closePage(page);
    });

    test(`${browserName}: a "next" link to another article does not join it`, async () => {
      const { driver, base } = session;
      const page = await driver.open(`${base}/fixtures/multipage/harbour.html`);
      await driver.click(page);
      await waitFor(async () => (await driver.overlay(page)) && requested('/multipage/harbour-2.html').length === 1, 'the rel=next page to be looked at');
      await waitFor(() => joinEnded(page), 'the join to end');
      const overlay = await driver.overlay(page);
      assert.match(overlay.title, /Notes from the Harbour/);
      assert.ok(!overlay.text.includes('Plum') && !overlay.text.includes('Lighthouse'), 'the other articles stay out');
      assert.ok(!overlay.html.includes('dc-page'), 'no page marker');
      assert.equal(requested('lighthouse-keeper').length, 0, 'the "Next story" link is not fetched');
      await driver.press(page, 'Escape');
      await driver.closePage(page);
    });

    test(`${browserName}: a next page on another origin is never fetched`, async () => {
      const { driver, base } = session;
      const page = await driver.open(`${base}/fixtures/multipage/elsewhere.html`);
      const other = await driver.evaluate(page, () => document.querySelector('link[rel=next]')?.href);
      assert.match(other, /^http:\/\/localhost:\d+\//, 'the page links another origin');
      await driver.click(page);
      await waitFor(() => driver.overlay(page), 'the reader');
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(requested('elsewhere-2').length, 0, 'nothing fetched from the other origin');
      assert.ok(await joinEnded(page), 'nothing loading');
      assert.match((await driver.overlay(page)).title, /Salt and Iron/);
      await driver.press(page, 'Escape');
      await driver.closePage(page);
    });

    test(`${browserName}: an endless article stops after ten pages, fetched one at a time`, async () => {
      const { driver, base } = session;
      const page = await driver.open(`${base}/pages/endless/1?delay=20`);
      await driver.click(page);
      const overlay = await waitFor(async () => {
        const o = await driver.overlay(page);
        return o?.text.includes('This is page 11 ') && (await joinEnded(page)) && o;
      }, 'ten more pages', 30_000);
      const fetched = requested('/pages/endless/').filter((r) => !/\/endless\/1\?/.test(r.path));
      assert.deepEqual(fetched.map((r) => r.path.replace(/\?.*/, '')), [2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => `/pages/endless/${n}`));
      assertSequential(fetched);
      assert.match(overlay.text, /Page 11/i, 'a marker without a total');
      assert.ok(!/of \d/.test(overlay.text.match(/Page 11.{0,8}/i)[0]), 'no total claimed');
      await driver.press(page, 'Escape');
      await driver.closePage(page);
    });

    test(`${browserName}: the Stop button stops the join`, async () => {
      const { driver, base } = session;
      const before = session.server.requests.length;
      const page = await driver.open(`${base}/pages/endless/1?delay=1500`);
      await driver.click(page);
      await waitFor(() => driver.overlay(page), 'the reader');
      await waitFor(async () => (await driver.overlayProbe(page, '.dc-pages'))?.text.includes('Page 2'), 'page 2 loading', 15_000);
      await driver.overlayClick(page, '[data-control=stopPages]');
      await waitFor(() => joinEnded(page), 'the status to go');
      await new Promise((r) => setTimeout(r, 3000));
      const after = session.server.requests.slice(before).map((r) => r.path);
      assert.ok(!after.some((p) => p.startsWith('/pages/endless/3')), `no page after the stop (${after})`);
      const overlay = await driver.overlay(page);
      assert.ok(overlay && !overlay.text.includes('This is page 2 '), 'the reader stays, without page 2');
      await driver.press(page, 'Escape');
      await driver.closePage(page);
    });
  });
}
