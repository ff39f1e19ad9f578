// Read aloud in both browsers. Headless browsers here have no voice, so a speech-synthesis double
// stands in for the engine: it is installed in the extension's content-script world of the tab
// (scripting.executeScript, the world the reader runs in) before the reader opens, speaks by
// timer, and sends `boundary` events for each word, or none at all, as voices do. What is
// asserted is the reader's own behaviour: the marked word advances word by word through the
// article's text, the reader scrolls to follow it, a voice without word boundaries gets the
// paragraph highlight, pause/stop work and closing the reader stops the speech. If a browser does
// report voices, the same word test runs with its real engine.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, waitFor, withBrowser } from './suite.mjs';
import { installSpeechDouble } from './speech-double.mjs';

// In the overlay's shadow root: records every change of the marked word and of the highlighted
// block on the dialog (data-test-log), and the words of the blocks read aloud, in order.
const watch = `function () {
  const root = this;
  const dialog = root.querySelector('[role=dialog]');
  const log = { words: [], blocks: [] };
  const blocks = [...root.querySelectorAll('h1, .dc-body > *:not(figure), .dc-body li')].filter((b) => b.textContent.trim() && !b.querySelector('li'));
  let last = null;
  new MutationObserver(() => {
    // A new mark element is a new word (other class changes, e.g. focus mode's, are not).
    const marks = [...root.querySelectorAll('.dc-word')];
    if (marks.length && marks[0] !== last) log.words.push(marks.map((m) => m.textContent).join(''));
    last = marks[0] ?? null;
    const block = blocks.indexOf(root.querySelector('.dc-speaking'));
    if (block !== -1 && log.blocks.at(-1) !== block) log.blocks.push(block);
    dialog.dataset.testLog = JSON.stringify(log);
  }).observe(root.querySelector('article'), { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
  return blocks.map((b) => b.textContent.match(/\\S+/g));
}`;

// The log, where the highlight is, and whether the marked word is in the reader's view.
const probe = `function () {
  const scroller = this.querySelector('.dc-scroll');
  const mark = this.querySelector('.dc-word');
  const view = scroller.getBoundingClientRect();
  const box = mark?.getBoundingClientRect();
  return {
    log: JSON.parse(this.querySelector('[role=dialog]').dataset.testLog ?? '{"words":[],"blocks":[]}'),
    mode: scroller.dataset.highlight,
    scrollTop: scroller.scrollTop,
    marks: this.querySelectorAll('.dc-word').length,
    speaking: this.querySelectorAll('.dc-speaking').length,
    inView: box ? box.top >= view.top && box.bottom <= view.bottom : null,
    button: this.querySelector('[data-control=readAloud]').getAttribute('aria-label'),
  };
}`;

const speech = (driver, page) => driver.evaluate(page, () => JSON.parse(document.documentElement.getAttribute('data-test-speech')));

for (const [browser, launch] of BROWSERS) {
  describe(browser, () => {
    const session = withBrowser(() => launch(), () => {});

    // The reader on news.html with the double in place (the first click grants activeTab and
    // injects the content script; the double goes into that script's world).
    async function readerWithDouble(options) {
      const { driver, base } = session;
      const page = await driver.open(`${base}/demo/news.html`);
      await driver.click(page);
      await waitFor(() => driver.overlay(page), 'the reader');
      await driver.click(page);
      await waitFor(async () => (await driver.overlay(page)) === null, 'the reader to close');
      assert.equal(await driver.contentWorld(page, installSpeechDouble.toString(), options), true);
      await driver.click(page);
      await waitFor(() => driver.overlay(page), 'the reader with the speech double');
      const words = await driver.overlayRun(page, watch);
      return { page, words };
    }

    test(`${browser}: the spoken word is marked word by word and the reader follows it`, async () => {
      const { driver } = session;
      const { page, words } = await readerWithDouble({ boundaries: true, step: 25 });
      await driver.overlayClick(page, '[data-control=readAloud]');
      // Far enough that the reader had to scroll to keep the word in view.
      const far = await waitFor(async () => {
        const p = await driver.overlayRun(page, probe);
        return p.scrollTop > 300 && p.log.blocks.length >= 4 && p.marks > 0 && p;
      }, 'reading to reach a block below the fold', 30_000);
      assert.equal(far.mode, 'word');
      const expected = words.flat();
      assert.ok(far.log.words.length > 40, `${far.log.words.length} words marked`);
      assert.deepEqual(far.log.words, expected.slice(0, far.log.words.length), 'each word marked in turn, in the order of the text');
      assert.deepEqual(far.log.blocks, far.log.blocks.map((_, i) => i), 'block after block');
      await waitFor(async () => (await driver.overlayRun(page, probe)).inView, 'the marked word in view');

      // Pause holds the word; play goes on from it.
      await driver.overlayClick(page, '[data-control=readAloud]');
      const paused = await driver.overlayRun(page, probe);
      assert.equal((await speech(driver, page)).paused, true);
      await new Promise((r) => setTimeout(r, 400));
      assert.equal((await driver.overlayRun(page, probe)).log.words.length, paused.log.words.length, 'no word marked while paused');
      await driver.overlayClick(page, '[data-control=readAloud]');
      await waitFor(async () => (await driver.overlayRun(page, probe)).log.words.length > paused.log.words.length + 3, 'reading to go on');

      // Stop clears the marks; closing the reader while it reads stops the speech.
      await driver.overlayClick(page, '[data-control=stopReading]');
      const stopped = await driver.overlayRun(page, probe);
      assert.equal(stopped.marks + stopped.speaking, 0, 'nothing highlighted after stop');
      assert.equal((await speech(driver, page)).speaking, false);
      await driver.overlayClick(page, '[data-control=readAloud]');
      await waitFor(async () => (await speech(driver, page)).speaking, 'reading again');
      // Someone else cancels the engine (a page shares it): the reader comes to rest, ready to play.
      await driver.contentWorld(page, '() => speechSynthesis.cancel()');
      const interrupted = await waitFor(async () => {
        const p = await driver.overlayRun(page, probe);
        return p.speaking === 0 && p;
      }, 'the reader to stop highlighting');
      assert.equal(interrupted.marks, 0);
      assert.equal(interrupted.button, 'Read aloud');
      await driver.overlayClick(page, '[data-control=readAloud]');
      await waitFor(async () => (await speech(driver, page)).speaking, 'reading once more');
      // The marks live in our closed shadow root only: the page's highlight registry stays empty.
      assert.equal(await driver.evaluate(page, () => globalThis.CSS?.highlights?.size ?? 0), 0);
      const cancels = (await speech(driver, page)).cancels;
      await driver.press(page, 'Escape');
      await waitFor(async () => (await driver.overlay(page)) === null, 'the reader to close');
      const after = await speech(driver, page);
      assert.equal(after.speaking, false, 'closing the reader stops reading aloud');
      assert.ok(after.cancels > cancels);
      await driver.closePage(page);
    });

    test(`${browser}: a voice without word boundaries gets the paragraph highlight`, async () => {
      const { driver } = session;
      const { page } = await readerWithDouble({ boundaries: false, step: 150 });
      await driver.overlayClick(page, '[data-control=readAloud]');
      const first = await waitFor(async () => {
        const p = await driver.overlayRun(page, probe);
        return p.speaking === 1 && p;
      }, 'the first block highlighted');
      assert.equal(first.mode, 'pending', 'the first block is highlighted while the voice has said no word yet');
      const read = await waitFor(async () => {
        const p = await driver.overlayRun(page, probe);
        return p.log.blocks.length >= 4 && p;
      }, 'four blocks read', 20_000);
      assert.equal(read.mode, 'paragraph');
      assert.equal(read.log.words.length, 0, 'no word is ever marked');
      assert.equal(read.marks, 0);
      assert.equal(read.speaking, 1, 'one block highlighted');
      assert.deepEqual(read.log.blocks, read.log.blocks.map((_, i) => i), 'block after block');
      await driver.press(page, 'Escape');
      await waitFor(async () => (await driver.overlay(page)) === null, 'the reader to close');
      assert.equal((await speech(driver, page)).speaking, false);
      await driver.closePage(page);
    });

    test(`${browser}: with the browser's own engine, when it has a voice`, async (t) => {
      const { driver, base } = session;
      const page = await driver.open(`${base}/demo/news.html`);
      const voices = await waitFor(async () => {
        const n = await driver.evaluate(page, () => globalThis.speechSynthesis?.getVoices().length ?? -1);
        return { n };
      }, 'the voice list');
      await new Promise((r) => setTimeout(r, 1000)); // voices arrive asynchronously
      const n = await driver.evaluate(page, () => globalThis.speechSynthesis?.getVoices().length ?? -1);
      if (Math.max(n, voices.n) <= 0) {
        t.skip(`no voice in this ${browser} (speechSynthesis.getVoices() is empty)`);
        await driver.closePage(page);
        return;
      }
      await driver.click(page);
      await waitFor(() => driver.overlay(page), 'the reader');
      await driver.overlayRun(page, watch);
      await driver.overlayClick(page, '[data-control=readAloud]');
      const p = await waitFor(async () => {
        const now = await driver.overlayRun(page, probe);
        return (now.log.words.length >= 3 || now.mode === 'paragraph') && now;
      }, 'the engine to speak', 30_000);
      assert.ok(p.log.words.length >= 3 || p.log.blocks.length >= 1);
      await driver.press(page, 'Escape');
      await driver.closePage(page);
    });
  });
}
