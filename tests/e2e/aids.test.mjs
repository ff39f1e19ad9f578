// Reading aids, both browsers: custom colours are refused under 4.5:1 contrast and used above
// it; focus mode dims every block but the current one; images hide and show; all three persist
// (storage.sync) into the next reader. The bundled legibility font (Atkinson Hyperlegible) loads
// and draws the reader's text when chosen, and leaves the page's fonts when the reader closes.
// Without a browser: the contrast formula against known WCAG values.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, waitFor, withBrowser } from './suite.mjs';
import { contrast } from '../../extension/reading-aids.js';

test('contrast ratios as WCAG computes them', () => {
  assert.equal(contrast('#000000', '#ffffff'), 21);
  assert.equal(contrast('#ffffff', '#ffffff'), 1);
  assert.equal(contrast('#767676', '#ffffff').toFixed(2), '4.54'); // the classic AA grey
  assert.ok(contrast('#777777', '#ffffff') < 4.5);
});

const setColours = (fg, bg) => `function () {
  for (const [name, value] of [['textColour', ${JSON.stringify(fg)}], ['backgroundColour', ${JSON.stringify(bg)}]]) {
    const input = this.querySelector('[data-control=' + name + ']');
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  this.querySelector('[data-control=applyColours]').click();
  const dialog = this.querySelector('[role=dialog]');
  return { color: getComputedStyle(dialog).color, background: getComputedStyle(dialog).backgroundColor, status: this.querySelector('.dc-status').textContent };
}`;

const look = `function () {
  const dialog = this.querySelector('[role=dialog]');
  const blocks = [...this.querySelectorAll('.dc-body > *')];
  const current = this.querySelector('.dc-current');
  return {
    focus: dialog.hasAttribute('data-focus'),
    current: current ? getComputedStyle(current).opacity : null,
    dimmed: blocks.filter((b) => b !== current && getComputedStyle(b).opacity !== '1').length,
    blocks: blocks.length,
    imagesShown: [...this.querySelectorAll('img')].filter((i) => i.getBoundingClientRect().height > 0).length,
    images: this.querySelectorAll('img').length,
  };
}`;

// The font the reader uses now: its family, whether its faces have loaded, and whether text in it
// is drawn with it (a face that did not load falls back to monospace here: the same width).
const font = `function () {
  const dialog = this.querySelector('[role=dialog]');
  const family = getComputedStyle(dialog).getPropertyValue('--dc-legible').trim().replace(/^['"]|['"]$/g, '');
  const faces = [...document.fonts].filter((f) => f.family.replace(/^['"]|['"]$/g, '') === family);
  const width = (fam) => {
    const e = document.createElement('span');
    e.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;font-size:40px;font-family:' + fam;
    e.textContent = 'Illegible 1Il0O mmmwww';
    dialog.append(e);
    const w = e.getBoundingClientRect().width;
    e.remove();
    return w;
  };
  return {
    used: getComputedStyle(this.querySelector('.dc-body p')).fontFamily,
    family,
    faces: faces.map((f) => f.status),
    drawn: width('"' + family + '", monospace') !== width('monospace'),
  };
}`;
const chooseFont = (value) => `function () {
  const s = this.querySelector('[data-control=font]');
  s.value = ${JSON.stringify(value)};
  s.dispatchEvent(new Event('change'));
}`;

for (const [browser, launch] of BROWSERS) {
  describe(browser, () => {
    const session = withBrowser(() => launch(), () => {});

    test(`${browser}: unreadable colours are refused, readable ones used and kept`, async () => {
      const { driver, base } = session;
      const page = await driver.open(`${base}/demo/news.html`);
      await driver.click(page);
      await waitFor(() => driver.overlay(page), 'the reader');
      const refused = await driver.overlayRun(page, setColours('#777777', '#888888'));
      assert.match(refused.status, /too close to read \(contrast 1\.3:1/);
      assert.notEqual(refused.color, 'rgb(119, 119, 119)', 'the refused pair is not used');
      const used = await driver.overlayRun(page, setColours('#2b1d0e', '#fff3d6'));
      assert.equal(used.color, 'rgb(43, 29, 14)');
      assert.equal(used.background, 'rgb(255, 243, 214)');
      assert.equal(used.status, '');
      // Kept: closed and opened again, the reader has them.
      await driver.click(page);
      await waitFor(async () => (await driver.overlay(page)) === null, 'the reader to close');
      await driver.click(page);
      await waitFor(() => driver.overlay(page), 'the reader again');
      const again = await driver.overlayRun(page, `function () { return getComputedStyle(this.querySelector('[role=dialog]')).color; }`);
      assert.equal(again, 'rgb(43, 29, 14)');
      await driver.overlayClick(page, '[data-control=resetColours]');
      await driver.click(page);
      // Closed: the Chromium driver finds a tab by its URL, and the next test opens the same page.
      await driver.closePage(page);
    });

    test(`${browser}: the legible font loads from the extension and draws the article`, async () => {
      const { driver, base } = session;
      const page = await driver.open(`${base}/demo/news.html`);
      await driver.click(page);
      await waitFor(() => driver.overlay(page), 'the reader');
      const options = await driver.overlayRun(page, `function () { return [...this.querySelectorAll('[data-control=font] option')].map((o) => o.textContent); }`);
      assert.ok(options.includes('Legible (Atkinson Hyperlegible)'), 'a choice in the font menu');
      await driver.overlayRun(page, chooseFont('legible'));
      const loaded = await waitFor(async () => {
        const f = await driver.overlayRun(page, font);
        return f.faces.length > 0 && f.faces.every((s) => s === 'loaded') && f.drawn && f;
      }, 'the font to load and draw');
      assert.equal(loaded.faces.length, 8, 'regular, bold and their italics, latin and latin-ext');
      assert.ok(loaded.used.replace(/"/g, '').startsWith(loaded.family), `the article's font is ${loaded.used}`);
      // The family name is random: nothing in the page's fonts names the extension or the face.
      assert.match(loaded.family, /^dc-[0-9a-f]{16}$/);
      // Closing the reader takes the faces out of the page's document again.
      await driver.click(page);
      await waitFor(async () => (await driver.overlay(page)) === null, 'the reader to close');
      const left = await driver.evaluate(page, new Function(`return [...document.fonts].filter((f) => f.family.includes(${JSON.stringify(loaded.family)})).length`));
      assert.equal(left, 0);
      // Kept for the next reader, and loaded again there.
      await driver.click(page);
      await waitFor(() => driver.overlay(page), 'the reader again');
      await waitFor(async () => (await driver.overlayRun(page, font)).drawn, 'the font again');
      await driver.click(page);
      await driver.closePage(page);
      // A page whose CSP allows no font from anywhere (default-src 'none'): the faces are made
      // from bytes, not loaded from a URL, so the page's policy has nothing to refuse.
      const strict = await driver.open(`${base}/wiki/Mozilla`);
      await driver.click(strict);
      await waitFor(() => driver.overlay(strict), 'the reader on a page with default-src none');
      await waitFor(async () => (await driver.overlayRun(strict, font)).drawn, 'the font under the page\'s CSP');
      await driver.overlayRun(strict, chooseFont('serif'));
      await driver.click(strict);
      await driver.closePage(strict);
    });

    test(`${browser}: focus mode dims all but the current block; images hide and show`, async () => {
      const { driver, base } = session;
      const page = await driver.open(`${base}/demo/news.html`);
      await driver.click(page);
      await waitFor(() => driver.overlay(page), 'the reader');
      const plain = await driver.overlayRun(page, look);
      assert.equal(plain.focus, false);
      assert.equal(plain.dimmed, 0);
      assert.ok(plain.images > 0 && plain.imagesShown === plain.images);
      await driver.overlayClick(page, '[data-control=focusMode]');
      const focused = await waitFor(async () => {
        const l = await driver.overlayRun(page, look);
        return l.dimmed === l.blocks - 1 && l;
      }, 'every other block dimmed');
      assert.equal(focused.current, '1', 'the current block is not dimmed');
      await driver.overlayClick(page, '[data-control=hideImages]');
      assert.equal((await driver.overlayRun(page, look)).imagesShown, 0);
      // Kept for the next reader.
      await driver.click(page);
      await waitFor(async () => (await driver.overlay(page)) === null, 'the reader to close');
      await driver.click(page);
      await waitFor(() => driver.overlay(page), 'the reader again');
      const kept = await driver.overlayRun(page, look);
      assert.equal(kept.focus, true);
      assert.equal(kept.imagesShown, 0);
      await driver.overlayClick(page, '[data-control=focusMode]');
      await driver.overlayClick(page, '[data-control=hideImages]');
      const back = await driver.overlayRun(page, look);
      assert.equal(back.focus, false);
      assert.equal(back.imagesShown, back.images);
      await driver.click(page);
    });
  });
}
