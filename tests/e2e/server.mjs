// A static server for the browser tests and the demo, on 127.0.0.1.
//   /…            files from www/
//   /fixtures/…   files from tests/fixtures/
//   /csp/…        the same files served with `Content-Security-Policy: script-src 'self'`, the
//                 strict policy under which Chrome refuses wasm in content scripts.
//   /corpus/readability/<page>   a Readability test page (tests/corpus/readability-test-pages/<page>/source.html)
//   /corpus/zyte/<hash>          an article-extraction-benchmark page (html/<hash>.html.gz, inflated)
//   /wiki/Mozilla, /blog/emscripten-standalone-wasm   two Readability pages of the in-repo sample
//                 at their own sites' paths, so that their links resolve as in the CLI's expected
//                 Markdown (tests/fixtures/markdown/) once this origin is swapped for the site's;
//                 /sample/data-url-image another sample page
//   /pages/endless/<n>?delay=<ms>   page n of an article that never ends (each page links page
//                 n+1 with rel=next), answered after `delay` ms: the multi-page join's caps
//                 Every request is logged in `server.requests` ({host, path, start, end, prefetch}).
//                 Corpus pages are served with NO_FETCH_CSP: their scripts cannot run (so only
//                 declutter can change the DOM) and nothing leaves the machine. They are served as
//                 UTF-8, as their sites did: every file of both corpora is UTF-8 and both
//                 benchmarks read them so, but 12 Readability pages and 32 Zyte pages declare no
//                 charset early enough, and a browser would read those as windows-1252 (mojibake).
import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};
export const STRICT_CSP = "script-src 'self'";
export const NO_FETCH_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

// The corpus sample in the repository (tests/corpus/README.md), laid out as the full corpora.
export const CORPUS = fileURLToPath(new URL('../corpus', import.meta.url));

// Every corpus page as a server path.
export async function corpusPaths() {
  const readability = await readdir(join(CORPUS, 'readability-test-pages'));
  const zyte = (await readdir(join(CORPUS, 'article-extraction-benchmark', 'html'))).filter((f) => f.endsWith('.html.gz'));
  return [
    ...readability.sort().map((p) => `/corpus/readability/${p}`),
    ...zyte.sort().map((f) => `/corpus/zyte/${f.slice(0, -'.html.gz'.length)}`),
  ];
}

// Pages of the in-repo sample (tests/corpus) served at the path they had on their site (see the
// header); the export tests use them, so they run in a clone with nothing beside it.
const SAMPLE = fileURLToPath(new URL('../corpus', import.meta.url));
export const AT_SITE_PATH = {
  '/wiki/Mozilla': { page: 'wikipedia', origin: 'https://en.wikipedia.org' },
  '/blog/emscripten-standalone-wasm': { page: 'v8-blog', origin: 'https://v8.dev' },
  '/sample/data-url-image': { page: 'data-url-image', origin: null },
};

async function corpusPage(pathname) {
  if (AT_SITE_PATH[pathname]) return readFile(join(SAMPLE, 'readability-test-pages', AT_SITE_PATH[pathname].page, 'source.html'));
  const [, , set, name] = pathname.split('/');
  if (!/^[\w.-]+$/.test(name ?? '')) throw new Error('bad corpus page');
  if (set === 'readability') return readFile(join(CORPUS, 'readability-test-pages', name, 'source.html'));
  if (set === 'zyte') return gunzipSync(await readFile(join(CORPUS, 'article-extraction-benchmark', 'html', `${name}.html.gz`)));
  throw new Error('no such corpus');
}

function resolve(pathname) {
  const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  if (clean.startsWith('/fixtures/')) return join(root, 'tests', clean);
  return join(root, 'www', clean.endsWith('/') ? `${clean}index.html` : clean);
}

// One page of the endless article (see the header).
function endlessPage(n, search) {
  const words = 'The story goes on, as stories of this kind do, one more page and then another, each of them much like the last.';
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The Endless Story</title>
<link rel="next" href="/pages/endless/${n + 1}${search}"></head><body><article><h1>The Endless Story</h1>
<p>This is page ${n} of the endless story. ${words}</p><p>${words} Page ${n} again, to be sure. ${words}</p>
<p>${words}</p></article></body></html>`;
}

export function serve(port = 0) {
  const requests = [];
  const server = createServer(async (req, res) => {
    // `prefetch`: the browser's own prefetch of a <link rel=next> (Firefox does it), not ours.
    const prefetch = /prefetch/i.test(`${req.headers['sec-purpose'] ?? ''} ${req.headers['x-moz'] ?? ''} ${req.headers.purpose ?? ''}`);
    const logged = { host: req.headers.host, path: req.url, start: Date.now(), end: null, prefetch };
    requests.push(logged);
    res.on('finish', () => (logged.end = Date.now()));
    let { pathname, searchParams } = new URL(req.url, 'http://localhost');
    const endless = /^\/pages\/endless\/(\d+)$/.exec(pathname);
    if (endless) {
      await new Promise((r) => setTimeout(r, Number(searchParams.get('delay') ?? 0)));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(endlessPage(Number(endless[1]), new URL(req.url, 'http://localhost').search));
      return;
    }
    const strict = pathname.startsWith('/csp/');
    if (strict) pathname = pathname.slice(4);
    try {
      if (pathname.startsWith('/corpus/') || AT_SITE_PATH[pathname]) {
        const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': NO_FETCH_CSP };
        const body = await corpusPage(pathname);
        res.writeHead(200, headers).end(body);
        return;
      }
      const body = await readFile(resolve(pathname));
      const headers = { 'content-type': TYPES[extname(pathname)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (strict) headers['content-security-policy'] = STRICT_CSP;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  server.requests = requests;
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

export function origin(server) {
  return `http://127.0.0.1:${server.address().port}`;
}

// `node tests/e2e/server.mjs [port]` serves until stopped (used by `make demo` with HEADED=1).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve(Number(process.argv[2] ?? 8642));
  console.log(`serving www/ on ${origin(server)}/`);
}
