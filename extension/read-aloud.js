// Read aloud: the browser's speech synthesis reads the article one block at a time, the word being
// spoken is marked from the engine's `boundary` events, and the reader scrolls to keep it in view.
//
// The mark is a span.dc-word wrapped around the spoken characters inside the reader's own closed
// shadow tree, and unwrapped before the next word. Not the CSS Custom Highlight API: its registry
// (CSS.highlights) is the document's, shared with page scripts, and the Ranges in it would hand
// them nodes of our closed shadow root.
//
// Some voices send no word boundaries (remote voices, some engines). The block being read is
// highlighted from the start; once an utterance ends without a word boundary, the reader stops
// waiting for words and keeps to the block (data-highlight="paragraph" on the scroller).
//
// speechSynthesis and SpeechSynthesisUtterance are looked up when reading starts, and only their
// `on...` handler properties are used, so the tests can stand in a double for an engine that
// headless browsers lack.
import { declutterMessage as t } from './i18n.js';

const RATES = [0.8, 1, 1.25, 1.5, 2];
const BLOCKS = 'h1, .dc-body > *:not(figure), .dc-body li';

// `ui` lends the overlay's control builders: button(name, symbol, onClick), select(name,
// options, selected, onChange), label(control, text).
export function readAloud(article, scroller, state, ui) {
  const controls = document.createElement('span');
  controls.className = 'dc-speech';
  const synth = globalThis.speechSynthesis;
  if (!synth) return { controls, stop() {} };
  const blocksNow = () => [...article.querySelectorAll(BLOCKS)].filter((b) => b.textContent.trim() && !b.querySelector('li'));
  let blocks = blocksNow();
  let index = 0;
  let playing = false;
  let current = null; // the utterance being spoken; events of any other are stale
  let marked = null; // the block holding the word marks
  const play = ui.button('readAloud', '▶', toggle);
  const halt = ui.button('stopReading', '■', stop);
  const rate = ui.select('readingSpeed', RATES.map((r) => [r, `${r}×`]), state.rate, (value) => {
    state.rate = Number(value);
    if (playing) restart();
  });
  controls.append(play, halt, rate);
  setMode('pending');

  function setMode(mode) {
    scroller.dataset.highlight = mode;
  }

  function speak() {
    // A multi-page article grows while it is read: its later pages are read on.
    if (index >= blocks.length) blocks = blocksNow();
    if (index >= blocks.length) return stop();
    const block = blocks[index];
    const text = block.textContent;
    const u = new globalThis.SpeechSynthesisUtterance(text);
    u.lang = article.getAttribute('lang') || document.documentElement.lang || '';
    u.rate = state.rate;
    let words = 0;
    u.onboundary = (e) => {
      if (u !== current || (e.name && e.name !== 'word')) return;
      words += 1;
      setMode('word');
      const mark = markWord(block, text, e.charIndex, e.charLength);
      if (mark) follow(mark);
    };
    u.onend = () => {
      if (u !== current) return;
      if (words === 0 && scroller.dataset.highlight === 'pending') setMode('paragraph');
      unmark();
      if (!playing) return;
      index += 1;
      speak();
    };
    // No voice installed, or the engine refused: stop rather than race through the article.
    // Our own cancels drop `current` first, so an interruption here came from elsewhere (the
    // page shares the engine): the controls go back to rest.
    u.onerror = (e) => {
      if (u !== current) return;
      stop();
      if (e.error === 'interrupted' || e.error === 'canceled') return;
      ui.label(play, t('readAloudUnavailable', e.error));
      play.dataset.state = 'unavailable';
    };
    current = u;
    blocks.forEach((b, i) => b.classList.toggle('dc-speaking', i === index));
    follow(block);
    synth.speak(u);
  }

  // Wraps characters [start, start + length) of the block's text in span.dc-word (one span per
  // text node the word crosses, e.g. into an <em>) and returns the first.
  function markWord(block, text, start, length) {
    unmark();
    if (!(start >= 0) || start >= text.length) return null;
    const end = start + (length > 0 ? length : (/^\S*/.exec(text.slice(start))[0].length || 1));
    const parts = [];
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(), at = 0; node && at < end; node = walker.nextNode()) {
      const from = Math.max(start, at) - at;
      const to = Math.min(end, at + node.data.length) - at;
      if (from < to) parts.push([node, from, to]);
      at += node.data.length;
    }
    marked = block;
    return parts.map(([node, from, to]) => {
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, to);
      const mark = document.createElement('span');
      mark.className = 'dc-word';
      range.surroundContents(mark);
      return mark;
    })[0] ?? null;
  }

  function unmark() {
    if (!marked) return;
    for (const mark of marked.querySelectorAll('span.dc-word')) mark.replaceWith(...mark.childNodes);
    marked.normalize();
    marked = null;
  }

  // Scrolls the reader (and nothing else) when `el` leaves the middle of the view.
  function follow(el) {
    const view = scroller.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    if (box.top >= view.top + view.height * 0.15 && box.bottom <= view.bottom - view.height * 0.25) return;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    scroller.scrollTo({ top: scroller.scrollTop + box.top - view.top - view.height / 3, behavior: smooth ? 'smooth' : 'auto' });
  }

  function show(on) {
    play.textContent = on ? '❚❚' : '▶';
    ui.label(play, t(on ? 'pauseReading' : 'readAloud'));
  }

  function toggle() {
    playing = !playing;
    show(playing);
    delete play.dataset.state;
    if (playing && synth.paused && current) synth.resume();
    else if (playing) speak();
    else synth.pause();
  }

  // A new rate applies from the start of the current block.
  function restart() {
    current = null;
    synth.cancel();
    unmark();
    speak();
  }

  function stop() {
    playing = false;
    current = null;
    synth.cancel();
    // An engine paused before cancel stays paused in Chrome: the next play would be silent.
    if (synth.paused) synth.resume();
    unmark();
    for (const b of blocks) b.classList.remove('dc-speaking');
    show(false);
    index = 0;
  }
  return { controls, stop };
}
