// Moving around in the reader, both browsers, on the Wikipedia page of the in-repo sample (many
// headings, 72 numbered notes): the Contents menu lists the headings and moves the reader to
// one; a footnote reference moves to its note and the note's Back button returns. Neither
// changes location.href or scrolls the page under the reader.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, waitFor, withBrowser } from './suite.mjs';

// Where `selector`'s first match sits in the reader's scroller (px from its top edge), and
// the scroller's own offset.
const where = (selector) => `function () {
  const el = this.querySelector(${JSON.stringify(selector)});
  const scroller = this.querySelector('.dc-scroll');
  return el && {
    top: Math.round(el.getBoundingClientRect().top - scroller.getBoundingClientRect().top),
    scrollTop: Math.round(scroller.scrollTop),
    focused: this.activeElement === el,
  };
}`;

const pageState = () => ({ href: location.href, x: window.scrollX, y: window.scrollY });

for (const [browser, launch] of BROWSERS) {
  describe(browser, () => {
    const session = withBrowser(() => launch(), () => {});

    async function openReader() {
      const { driver, base } = session;
      const page = await driver.open(`${base}/wiki/Mozilla`);
      await driver.click(page);
      await waitFor(() => driver.overlay(page), 'the reader');
      return page;
    }

    test(`${browser}: the Contents menu moves the reader to a heading`, async () => {
      const { driver } = session;
      const page = await openReader();
      const before = await driver.evaluate(page, pageState);
      await driver.overlayClick(page, '[data-control=contents]');
      const items = await driver.overlayRun(page, `function () {
        return [...this.querySelectorAll('[role=menu]:not([hidden]) [role=menuitem]')].map((b) => b.textContent);
      }`);
      const headings = await driver.overlayRun(page, `function () {
        return [...this.querySelectorAll('.dc-body h2, .dc-body h3')].map((h) => h.textContent.trim()).filter(Boolean);
      }`);
      assert.ok(headings.length >= 20, `the page has its sections and subsections (${headings.length})`);
      assert.deepEqual(items, headings.map((h) => h.replace(/\s+/g, ' ')), 'every section and subsection is listed, in order');
      assert.ok(items.some((s) => s.startsWith('Values')), 'the Values section is listed');
      const index = items.findIndex((s) => s.startsWith('Values'));
      await driver.overlayClick(page, `[data-control=heading-${index + 1}]`);
      const heading = await driver.overlayRun(page, `function () {
        const h = [...this.querySelectorAll('.dc-body h2, .dc-body h3')].filter((h) => h.textContent.trim())[${index}];
        const scroller = this.querySelector('.dc-scroll');
        return { text: h.textContent, top: h.getBoundingClientRect().top - scroller.getBoundingClientRect().top, focused: this.activeElement === h };
      }`);
      assert.match(heading.text, /^Values/);
      assert.ok(heading.top >= 0 && heading.top < 40, `the heading is at the top of the reader (${heading.top}px)`);
      assert.ok(heading.focused, 'focus moves with it');
      assert.equal(await driver.overlayProbe(page, '[role=menu]:not([hidden])'), null, 'the menu closed');
      assert.deepEqual(await driver.evaluate(page, pageState), before, 'the page did not move and its URL is the same');
    });

    test(`${browser}: a footnote reference moves to its note and back`, async () => {
      const { driver } = session;
      const page = await openReader();
      const before = await driver.evaluate(page, pageState);
      // The first reference to note 3 ("[3]").
      const ref = await driver.overlayRun(page, `function () {
        const a = [...this.querySelectorAll('.dc-body a[href^="#"]')].find((a) => a.textContent.trim() === '[3]');
        a.setAttribute('data-test-ref', '');
        return a.getAttribute('href');
      }`);
      assert.ok(ref.startsWith('#'), 'an in-page link');
      await driver.overlayClick(page, '[data-test-ref]');
      const note = await driver.overlayRun(page, where('.dc-footnotes > ol > li:nth-child(3)'));
      assert.ok(note.top >= 0 && note.top < 40, `note 3 is at the top of the reader (${note.top}px)`);
      assert.ok(note.focused, 'focus moves to the note');
      const text = await driver.overlayProbe(page, '.dc-footnotes > ol > li:nth-child(3)');
      assert.match(text.text, /Freeing the Source: The Story of Mozilla/);
      assert.deepEqual(await driver.evaluate(page, pageState), before, 'location.href and the page scroll are unchanged');
      await driver.overlayClick(page, '.dc-footnotes > ol > li:nth-child(3) [data-control=backToText]');
      const back = await driver.overlayRun(page, where('[data-test-ref]'));
      assert.ok(back.top >= 0 && back.top < 60, `back at the reference (${back.top}px)`);
      assert.ok(back.focused, 'focus is back on the reference');
      assert.ok(back.scrollTop < note.scrollTop, 'the reader scrolled back up');
      assert.deepEqual(await driver.evaluate(page, pageState), before);
    });
  });
}
