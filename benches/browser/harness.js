// In-page side of `make bench`: an ES module over the extension's own modules, bundled by
// server.mjs (with extension/build.mjs's `bundle`) into a classic script that is loaded after the
// page, behind chrome-stub.js and Readability.js.
// It defines `declutterBench`, which benches/browser/run.mjs drives through page.evaluate.
//
// Each contender runs in the same page and the same run time:
// - floor: a bare TreeWalker over every node reading each element's tag and class, the least any
//   DOM-reading approach must pay;
// - walk: the extension's walk alone (extension/walk.js), timed against the floor like for like
//   (walkAndFloor);
// - declutter: exactly what extension/content.js does for reader mode: walk(document) then the
//   clutter module's answer and the reader module's around it (engine.js: declutterRead); the
//   overlay build is timed apart;
// - readability: `new Readability(document.cloneNode(true)).parse()`.
import { declutterAnalyze, declutterRead, readyGlues } from '../../extension/engine.js';
import { DeclutterOverlay } from '../../extension/overlay.js';
import { DECLUTTER_DEFAULTS, enabledKinds } from '../../extension/settings.js';
import { walk } from '../../extension/walk.js';

(() => {
  const kinds = enabledKinds({ kinds: DECLUTTER_DEFAULTS.kinds });
  let glues = null;

  async function init(wasmUrls) {
    glues = await readyGlues(wasmUrls);
  }

  function floor() {
    const tw = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    let nodes = 0;
    let chars = 0;
    for (let n = tw.nextNode(); n; n = tw.nextNode()) {
      nodes++;
      if (n.nodeType === 1) chars += n.localName.length + (n.getAttribute('class') ?? '').length;
    }
    return nodes + chars;
  }

  function declutter() {
    const walked = walk(document, null);
    const result = declutterRead(glues, walked.ops, walked.text, { url: location.href, clutter: kinds, article: true });
    tree = result.overlay ?? null;
    return result;
  }

  function readability() {
    return new Readability(document.cloneNode(true)).parse();
  }

  // The phases of one declutter run, by difference between requests that do more and more work:
  // walk (JS), decode (the text into wasm memory, the snapshot, an empty answer), classify,
  // extract + render (+ serialising the article).
  function split() {
    globalThis.gc?.();
    const url = location.href;
    const t0 = performance.now();
    const w = walk(document, null);
    const t1 = performance.now();
    declutterAnalyze(glues.clutter, w.ops, w.text, { url });
    const t2 = performance.now();
    declutterAnalyze(glues.clutter, w.ops, w.text, { url, clutter: kinds });
    const t3 = performance.now();
    declutterAnalyze(glues.reader, w.ops, w.text, { url, article: true });
    const t4 = performance.now();
    const decode = t2 - t1;
    return { walk: t1 - t0, decode, classify: t3 - t2 - decode, extract: t4 - t3 - decode };
  }

  // The overlay build from the last article tree, as content.js does it (then closed again): the
  // closed shadow root, its sheet, the tree's elements, the controls, focus, and the close.
  let tree = null;
  function render() {
    if (!tree) return null;
    const reader = DeclutterOverlay.open(tree, DECLUTTER_DEFAULTS.reader, { onClose() {}, onPrefs() {} });
    reader.close();
    return reader;
  }

  const fns = { floor, walk: () => walk(document, null), declutter, readability, render };

  // One timed call (the cold one on a fresh page when it is the first).
  function once(name) {
    const t = performance.now();
    const r = fns[name]();
    return { ms: performance.now() - t, ok: r != null };
  }

  // Warm timing: `warmup` untimed calls, then `samples` timed ones, each sample averaging enough
  // calls to last at least MIN_SAMPLE_MS (the timer is coarse next to a sub-millisecond floor).
  const MIN_SAMPLE_MS = 2;
  function warm(name, warmup, samples) {
    const fn = fns[name];
    for (let i = 0; i < warmup; i++) fn();
    const inner = callsPerSample(fn);
    const out = [];
    for (let s = 0; s < samples; s++) out.push(sample(fn, inner));
    return out;
  }

  function callsPerSample(fn) {
    const t = performance.now();
    fn();
    const single = performance.now() - t;
    return Math.max(1, Math.min(50, Math.ceil(MIN_SAMPLE_MS / Math.max(single, 0.005))));
  }

  // Mean time of `inner` calls. Garbage of earlier calls (Readability clones the whole document
  // each time) is collected first, not charged to whichever contender happens to trip the
  // collector.
  function sample(fn, inner) {
    globalThis.gc?.();
    const t = performance.now();
    for (let i = 0; i < inner; i++) fn();
    return (performance.now() - t) / inner;
  }

  // The walk against the floor, like for like: their samples alternate, with the same number of
  // calls each. A collection drops the JS wrappers of DOM nodes nothing holds, and the first walk
  // after it makes them again; with fewer calls per sample than the (faster) floor, the walk would
  // carry more of that cost per call.
  function walkAndFloor(warmup, samples) {
    for (let i = 0; i < warmup; i++) {
      fns.walk();
      floor();
    }
    const inner = callsPerSample(fns.walk);
    const out = { walk: [], floor: [] };
    for (let s = 0; s < samples; s++) {
      out.walk.push(sample(fns.walk, inner));
      out.floor.push(sample(floor, inner));
    }
    return out;
  }

  function info() {
    const w = walk(document, null);
    return { nodes: w.nodes.length, ops: w.ops.length, textChars: w.text.length };
  }

  globalThis.declutterBench = { init, once, warm, walkAndFloor, split, info };
})();
