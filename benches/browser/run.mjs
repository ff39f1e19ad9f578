#!/usr/bin/env node
// `make bench`: declutter against Readability.js 0.6.0 and a bare TreeWalker, in the same page and
// run time of headless Chromium (and Firefox), over every page of both corpora. Writes
// www/bench-results.json (www/bench-results-firefox.json), drawn by www/bench.html, and prints the
// headline table.
//
//   node benches/browser/run.mjs [--browser chromium|firefox] [--limit N] [--warmup N] [--samples N]
//                                [--only SUBSTRING]
//
// Per page, four fresh loads, so that each contender's first (cold) run really is the first touch
// of that page's DOM (the first walk materialises a JS wrapper per node and runs unoptimised code):
//   load 1: floor cold, then warm timings of all contenders and the phase split;
//   load 2: declutter cold (walk + analyze), then the overlay build cold;
//   load 3: Readability cold;
//   load 4: in another tab, the extension's own content scripts injected at document start as
//           automatic cleaning does: DOMContentLoaded -> clutter hidden, the wasm compiled while
//           the page parses, as in the extension.
// Then the frame probe: each clutter fixture (tests/fixtures/clutter) loaded PROBE_LOADS times with
// automatic cleaning as in load 4 and frame-probe.js before it; the share of known clutter
// elements rendered in any animation frame before they were hidden (a flash of clutter).
// Then the MutationObserver page: main-thread time the extension's observer takes per second
// while a page inserts 10,000 nodes over 3 s (CDP sampling profile, plus task-time difference
// against the same run without the extension).
//
// Firefox (selenium + geckodriver) runs loads 1 to 3. Load 4 and the observer need a script
// injected at document start and a sampling profile, which the drivers offer only for Chromium.
// Firefox has no gc() for pages, so garbage is collected whenever Firefox decides.
import { chromium } from 'playwright-core';
import { Builder } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { serve, addScripts, benchSource, loadHarness, REPO, CORPUS, AUTO_SCRIPTS } from './server.mjs';
import { WASM } from '../../extension/scripts.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const BROWSER = arg('browser', 'chromium');
const LIMIT = Number(arg('limit', Infinity));
const ONLY = arg('only', '');
// Warm-up calls let V8 tier the code up; a contender's time is the median of this many samples.
// Firefox takes twice as many: its pages cannot collect garbage before a sample, so collections
// land in some samples of either contender, and seven left its per-page ratios noisy enough to
// move the p95 by a tenth between two runs of the same code.
const WARMUP = Number(arg('warmup', 3));
const SAMPLES = Number(arg('samples', BROWSER === 'firefox' ? 15 : 7));
// The CDP sampling interval for the observer profile (us): fine enough for 1 ms flushes.
const PROFILE_INTERVAL_US = 100;

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
}

function pages() {
  const rtp = readdirSync(join(CORPUS, 'readability-test-pages')).sort().map((n) => ({ corpus: 'readability', name: n, path: `/rtp/${n}/` }));
  const zyte = readdirSync(join(CORPUS, 'article-extraction-benchmark', 'html')).sort()
    .map((f) => f.replace('.html.gz', '')).map((h) => ({ corpus: 'zyte', name: h.slice(0, 12), path: `/zyte/${h}.html` }));
  return [...rtp, ...zyte].filter((p) => p.name.includes(ONLY)).slice(0, LIMIT);
}

async function load(page, url, harness = true) {
  await page.goto(url);
  if (harness) await loadHarness(page, new URL(url).origin);
}

async function benchPage(page, autoPage, origin, p) {
  const url = origin + p.path;
  const r = { corpus: p.corpus, name: p.name };
  await load(page, url);
  r.cold = { floor: (await page.evaluate(() => declutterBench.once('floor'))).ms };
  Object.assign(r, await page.evaluate(() => declutterBench.info()));
  r.warm = {};
  // declutter before render: render builds the overlay from declutter's last article tree.
  for (const name of ['floor', 'declutter', 'readability', 'render']) {
    r.warm[name] = median(await page.evaluate(([n, w, s]) => declutterBench.warm(n, w, s), [name, WARMUP, SAMPLES]));
  }
  const wf = await page.evaluate(([w, s]) => declutterBench.walkAndFloor(w, s), [WARMUP, SAMPLES]);
  r.walkVsFloor = median(wf.walk) / median(wf.floor);
  const splits = [];
  for (let i = 0; i < SAMPLES; i++) splits.push(await page.evaluate(() => declutterBench.split()));
  r.split = Object.fromEntries(Object.keys(splits[0]).map((k) => [k, median(splits.map((s) => s[k]))]));

  await load(page, url);
  const d = await page.evaluate(() => declutterBench.once('declutter'));
  r.cold.declutter = d.ms;
  r.readerable = d.ok;
  r.cold.render = (await page.evaluate(() => declutterBench.once('render'))).ms;

  await load(page, url);
  const rd = await page.evaluate(() => declutterBench.once('readability'));
  r.cold.readability = rd.ms;
  r.readabilityFound = rd.ok;

  if (!autoPage) return r;
  await load(autoPage, url, false);
  const auto = await autoPage.evaluate(async () => {
    const done = await globalThis.declutterBenchAuto;
    const nav = performance.getEntriesByType('navigation')[0];
    return { ...done, dcl: nav.domContentLoadedEventStart };
  });
  r.dclToHidden = auto.error ? null : auto.hiddenAt - auto.dcl;
  r.autoHidden = auto.hidden ?? 0;
  if (auto.error) r.autoError = auto.error;
  return r;
}

// Sums the profile's samples whose stack holds a frame of the extension (its scripts or the wasm).
function extensionTime(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ours = (n) => /\/bench\/(ext\/|chrome-stub)/.test(n.callFrame.url) || n.callFrame.url.startsWith('wasm://');
  const memo = new Map();
  const inOurs = (id) => {
    if (memo.has(id)) return memo.get(id);
    let v = false;
    for (let x = id; x !== undefined; x = parent.get(x)) if (ours(byId.get(x))) { v = true; break; }
    memo.set(id, v);
    return v;
  };
  let us = 0;
  profile.samples.forEach((id, i) => { if (inOurs(id)) us += profile.timeDeltas[i + 1] ?? 0; });
  return us / 1000;
}

async function observerRun(page, origin, withExtension) {
  await page.goto(`${origin}/bench/observer.html`, { waitUntil: 'load' });
  if (withExtension) {
    await addScripts(page, origin, AUTO_SCRIPTS);
    await page.evaluate(() => globalThis.declutterBenchAuto);
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: PROFILE_INTERVAL_US });
  const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name).value;
  const task0 = await metric('TaskDuration');
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  await page.evaluate(async () => {
    await declutterInsert();
    // Let the observer drain what is pending (it works per animation frame).
    await new Promise((ok) => setTimeout(ok, 500));
  });
  const wall = (Date.now() - t0) / 1000;
  const { profile } = await cdp.send('Profiler.stop');
  const task = (await metric('TaskDuration')) - task0;
  const hidden = await page.evaluate(() => document.querySelectorAll('[data-declutter-hidden]').length);
  await cdp.detach();
  return { wallS: wall, taskMs: task * 1000, extensionMs: extensionTime(profile), hidden };
}

// A tab as the bench uses it: goto(url) waits for the load event; evaluate(fn, arg) runs `fn` in
// the page and returns its (awaited) result.
async function openChromium() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
      // gc() between warm samples (see harness.js). No wasm native-module cache: in real use each
      // tab is its own renderer and compiles the wasm afresh, while all bench loads share one
      // renderer, so every page after the first would reuse the first page's compiled code.
      '--js-flags=--expose-gc --no-wasm-native-module-cache-enabled'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = async () => {
    const page = await context.newPage();
    return {
      page,
      goto: (url) => page.goto(url, { waitUntil: 'load', timeout: 60_000 }),
      evaluate: (fn, arg) => page.evaluate(fn, arg),
    };
  };
  const page = await tab();
  // Automatic cleaning: the extension's content scripts at document start of every load.
  const autoPage = await tab();
  const autoScripts = await Promise.all(AUTO_SCRIPTS.map(benchSource));
  await autoPage.page.addInitScript({ content: autoScripts.join(';\n') });
  const probePage = await tab();
  await probePage.page.addInitScript({ content: [await benchSource('frame-probe.js'), ...autoScripts].join(';\n') });
  return { name: `Chromium ${browser.version()}`, page, autoPage, probePage, close: () => browser.close() };
}

async function openFirefox() {
  const options = new firefox.Options().setBinary('/usr/bin/firefox-esr').addArguments('-headless');
  // Full timer precision (the pages are cross-origin isolated, see server.mjs).
  options.setPreference('privacy.reduceTimerPrecision', false);
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).build();
  await driver.manage().setTimeouts({ script: 300_000, pageLoad: 60_000 });
  await driver.manage().window().setRect({ width: 1280, height: 900 });
  const caps = await driver.getCapabilities();
  const page = {
    goto: (url) => driver.get(url),
    async evaluate(fn, arg) {
      const r = await driver.executeAsyncScript(
        `const done = arguments[arguments.length - 1];
         Promise.resolve().then(() => (${fn})(arguments[0]))
           .then((v) => done({ v }), (e) => done({ e: String((e && e.message) || e) }));`,
        arg,
      );
      if (r.e !== undefined) throw new Error(r.e);
      return r.v;
    },
  };
  return { name: `Firefox ${caps.get('browserVersion')}`, page, autoPage: null, close: () => driver.quit() };
}

async function main() {
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await (BROWSER === 'firefox' ? openFirefox() : openChromium());
  const results = [];
  const list = pages();
  for (const [i, p] of list.entries()) {
    try {
      results.push(await benchPage(browser.page, browser.autoPage, origin, p));
    } catch (e) {
      results.push({ corpus: p.corpus, name: p.name, error: String(e.message ?? e).split('\n')[0] });
    }
    const r = results.at(-1);
    process.stderr.write(`[${i + 1}/${list.length}] ${p.corpus}/${p.name} ${r.error ?? `nodes ${r.nodes} warm: floor ${r.warm.floor.toFixed(2)} declutter ${r.warm.declutter.toFixed(2)} readability ${r.warm.readability.toFixed(2)} ms; DCL->hidden ${r.dclToHidden?.toFixed(1)} ms`}\n`);
  }
  const probe = browser.probePage ? await frameProbe(browser.probePage, origin) : null;
  let observer = null;
  if (browser.autoPage) {
    observer = {};
    for (const mode of ['without', 'with']) {
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await observerRun(browser.page.page, origin, mode === 'with'));
      observer[mode] = runs;
    }
  }
  await browser.close();
  server.close();

  // `wasm` is the full module (the reader's, timed above), `wasmClutter` the clutter-only one
  // (automatic cleaning, the DOMContentLoaded -> hidden figure).
  const size = (file) => {
    const path = join(REPO, 'dist', 'chrome', file);
    return { raw: statSync(path).size, gzip: gzipSync(readFileSync(path), { level: 9 }).length };
  };
  const wasm = size(WASM.full);
  const wasmClutter = size(WASM.clutter);
  const summary = summarise(results, observer);
  if (probe) summary.frameProbe = probe;
  const out = { generated: new Date().toISOString(), browser: browser.name, warmup: WARMUP, samples: SAMPLES, wasm, wasmClutter, summary, observer, pages: results };
  const file = BROWSER === 'firefox' ? 'bench-results-firefox.json' : 'bench-results.json';
  writeFileSync(join(REPO, 'www', file), JSON.stringify(out, null, 1) + '\n');
  print(out);
}

const PROBE_LOADS = 5;

// Loads every clutter fixture with automatic cleaning and the frame probe; sums what was painted.
async function frameProbe(probePage, origin) {
  const fixtures = readdirSync(fileURLToPath(new URL('../../tests/fixtures/clutter', import.meta.url))).filter((f) => f.endsWith('.html')).sort();
  const total = { loads: 0, known: 0, painted: 0, kinds: {}, firstPaints: [] };
  for (const file of fixtures) {
    for (let i = 0; i < PROBE_LOADS; i++) {
      await probePage.goto(`${origin}/clutter/${file}`);
      const r = await probePage.evaluate(async () => {
        await globalThis.declutterBenchAuto;
        // A few more frames, so that anything shown after cleaning is seen too.
        for (let n = 0; n < 5; n++) await new Promise((ok) => requestAnimationFrame(ok));
        return globalThis.declutterFrameProbe();
      });
      total.loads += 1;
      total.known += r.known;
      total.painted += r.painted;
      total.firstPaints.push(r.firstPaint);
      for (const k of r.paintedKinds) total.kinds[k] = (total.kinds[k] ?? 0) + 1;
    }
  }
  total.share = total.known ? total.painted / total.known : null;
  total.firstPaintMs = median(total.firstPaints);
  return total;
}

function summarise(results, observer) {
  const ok = results.filter((r) => !r.error);
  const stat = (f) => {
    const xs = ok.map(f).filter(Number.isFinite);
    return { median: median(xs), p95: quantile(xs, 0.95), n: xs.length };
  };
  const s = { pages: results.length, errors: results.length - ok.length };
  for (const t of ['cold', 'warm']) {
    s[t] = {
      vsReadability: stat((r) => r[t].declutter / r[t].readability),
      vsFloor: stat((r) => r[t].declutter / r[t].floor),
      declutterMs: stat((r) => r[t].declutter),
      readabilityMs: stat((r) => r[t].readability),
      floorMs: stat((r) => r[t].floor),
      renderMs: stat((r) => r[t].render),
    };
  }
  s.warm.walkVsFloor = stat((r) => r.walkVsFloor);
  s.split = Object.fromEntries(['walk', 'decode', 'classify', 'extract'].map((k) => [k, stat((r) => r.split[k])]));
  s.dclToHidden = stat((r) => r.dclToHidden);
  if (!observer) return s;
  const perS = (runs, f) => median(runs.map((r) => f(r) / r.wallS));
  s.observer = {
    extensionMsPerS: perS(observer.with, (r) => r.extensionMs),
    taskMsPerSWith: perS(observer.with, (r) => r.taskMs),
    taskMsPerSWithout: perS(observer.without, (r) => r.taskMs),
    hidden: median(observer.with.map((r) => r.hidden)),
  };
  s.observer.extraTaskMsPerS = s.observer.taskMsPerSWith - s.observer.taskMsPerSWithout;
  return s;
}

function print({ summary: s, wasm, wasmClutter, browser }) {
  const f = (x, d = 2) => (x == null ? '-' : x.toFixed(d));
  console.log(`\n${browser}, ${s.pages} pages (${s.errors} errors), warm = median of ${SAMPLES} after ${WARMUP} warm-up runs`);
  console.log('| run | declutter/Readability median | p95 | declutter/floor median | p95 | declutter ms median | Readability ms median | floor ms median |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const t of ['cold', 'warm']) {
    const x = s[t];
    console.log(`| ${t} | ${f(x.vsReadability.median)} | ${f(x.vsReadability.p95)} | ${f(x.vsFloor.median)} | ${f(x.vsFloor.p95)} | ${f(x.declutterMs.median)} | ${f(x.readabilityMs.median)} | ${f(x.floorMs.median)} |`);
  }
  console.log(`walk / floor (warm): median ${f(s.warm.walkVsFloor.median)}, p95 ${f(s.warm.walkVsFloor.p95)}`);
  console.log(`split (warm, median ms): ${Object.entries(s.split).map(([k, v]) => `${k} ${f(v.median, 3)}`).join(', ')}`);
  console.log(`overlay render: cold median ${f(s.cold.renderMs.median)} ms, warm ${f(s.warm.renderMs.median)} ms`);
  console.log(`wasm: full ${wasm.raw} bytes raw, ${wasm.gzip} gzip; clutter-only ${wasmClutter.raw} raw, ${wasmClutter.gzip} gzip`);
  if (s.frameProbe) {
    const p = s.frameProbe;
    console.log(`frame probe (clutter fixtures, ${p.loads} loads): ${p.painted} of ${p.known} known clutter elements painted before hidden (${f(100 * p.share, 1)}%), first paint median ${f(p.firstPaintMs, 1)} ms${p.painted ? `: ${Object.entries(p.kinds).map(([k, n]) => `${k} ${n}`).join(', ')}` : ''}`);
  }
  if (!s.observer) return;
  console.log(`DOMContentLoaded -> clutter hidden: median ${f(s.dclToHidden.median, 1)} ms, p95 ${f(s.dclToHidden.p95, 1)} ms`);
  const o = s.observer;
  console.log(`observer (10,000 nodes over 3 s): extension ${f(o.extensionMsPerS, 1)} ms/s of main thread (${f(o.extensionMsPerS / 10, 2)}%), task time ${f(o.taskMsPerSWith, 1)} vs ${f(o.taskMsPerSWithout, 1)} ms/s without; ${o.hidden} hidden`);
}

await main();
