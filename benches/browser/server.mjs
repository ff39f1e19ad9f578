// The bench's static server on 127.0.0.1. Corpus pages are read in place from the full corpora
// ($DECLUTTER_CORPUS or ../shared/corpus, never copied), served with a CSP that lets only our own
// scripts run:
//   /rtp/<name>/          readability-test-pages/<name>/source.html
//   /zyte/<hash>.html     article-extraction-benchmark/html/<hash>.html.gz, gunzipped
//   /bench/ext/<file>     the built extension (dist/chrome)
//   /bench/lib/Readability.js   node_modules/@mozilla/readability (the pinned 0.6.0)
//   /bench/<file>         this folder (harness and auto-bench.js bundled; stubs, the inserting page)
//   /clutter/<file>       tests/fixtures/clutter (the frame probe's pages)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from '../../extension/build.mjs';
import { fullCorpus } from '../corpus.mjs';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const CORPUS = fullCorpus();
const here = fileURLToPath(new URL('.', import.meta.url));

// Page scripts never run: inline ones are refused, and 'self' only holds our files (a page's own
// relative script URLs get 404). 'wasm-unsafe-eval' is what a wasm-friendly page allows; inline
// styles stay so that pages look as they do. COOP + COEP make the page cross-origin isolated,
// which gives performance.now() microsecond resolution instead of 100 us.
const HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cache-control': 'no-store',
};
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

// Automatic cleaning as the extension runs it (auto-bench.js is its auto.js with a stopwatch),
// behind a stand-in for the extension APIs.
export const AUTO_SCRIPTS = ['chrome-stub.js', 'auto-bench.js'];

// The in-page harness (harness.js, which imports the extension's own modules) behind a stand-in
// for the extension APIs and Readability.js, in load order.
const HARNESS = ['chrome-stub.js', 'lib/Readability.js', 'harness.js'];

// The bench's own ES modules, bundled as the extension's entry points are.
const BUNDLED = new Set(['harness.js', 'auto-bench.js']);

// Appends classic scripts to a loaded page one after the other (page.addScriptTag fails on the
// page's own CSP violation reports, e.g. a refused favicon). `page` has evaluate(fn, arg).
export function addScripts(page, origin, files) {
  return page.evaluate(async (list) => {
    for (const src of list) {
      await new Promise((ok, fail) => {
        const s = document.createElement('script');
        s.src = src;
        s.onload = ok;
        s.onerror = () => fail(new Error(`could not load ${src}`));
        document.documentElement.append(s);
      });
    }
  }, files.map((f) => `${origin}/bench/${f}`));
}

// Puts the harness into a loaded page and starts its wasm engine (`declutterBench` is then ready).
export async function loadHarness(page, origin) {
  await addScripts(page, origin, HARNESS);
  const ext = `${origin}/bench/ext`;
  await page.evaluate((u) => declutterBench.init(u), { clutter: `${ext}/declutter_clutter_bg.wasm`, full: `${ext}/declutter_bg.wasm` });
}

// The source of a bench file as served (for scripts injected at document start).
export async function benchSource(path) {
  return (await body(`/bench/${path}`)).toString('utf8');
}

async function body(pathname) {
  const clean = normalize(decodeURIComponent(pathname));
  let m;
  if ((m = /^\/rtp\/([^/]+)\/$/.exec(clean))) return readFile(join(CORPUS, 'readability-test-pages', m[1], 'source.html'));
  if ((m = /^\/clutter\/([\w-]+\.html)$/.exec(clean))) return readFile(join(REPO, 'tests', 'fixtures', 'clutter', m[1]));
  if ((m = /^\/zyte\/([0-9a-f]+)\.html$/.exec(clean))) {
    return gunzipSync(await readFile(join(CORPUS, 'article-extraction-benchmark', 'html', `${m[1]}.html.gz`)));
  }
  // DECLUTTER_BENCH_WASM: another build of the same wasm, e.g. one that keeps function names for
  // benches/browser/profile.mjs.
  if (clean === '/bench/ext/declutter_bg.wasm' && process.env.DECLUTTER_BENCH_WASM) return readFile(process.env.DECLUTTER_BENCH_WASM);
  if (clean.startsWith('/bench/ext/')) return readFile(join(REPO, 'dist', 'chrome', clean.slice(11)));
  if (clean === '/bench/lib/Readability.js') return readFile(join(REPO, 'node_modules', '@mozilla', 'readability', 'Readability.js'));
  if (BUNDLED.has(clean.slice(7))) return Buffer.from(await bundle(join(here, clean.slice(7))));
  if (clean.startsWith('/bench/')) return readFile(join(here, clean.slice(7)));
  throw new Error('not found');
}

export function serve() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    try {
      const data = await body(url.pathname);
      const page = /^\/(rtp|zyte|clutter)\//.test(url.pathname);
      const type = page ? 'text/html' : (TYPES[extname(url.pathname)] ?? 'application/octet-stream');
      res.writeHead(200, { ...HEADERS, 'content-type': type }).end(data);
    } catch {
      res.writeHead(404, { ...HEADERS, 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}
