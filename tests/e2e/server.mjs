// A static server for the browser tests and the demo, on 127.0.0.1.
//   /…            files from www/
//   /fixtures/…   files from tests/fixtures/
//   /csp/…        the same files served with `Content-Security-Policy: script-src 'self'`, the
//                 strict policy under which Chrome refuses wasm in content scripts.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
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

function resolve(pathname) {
  const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  if (clean.startsWith('/fixtures/')) return join(root, 'tests', clean);
  return join(root, 'www', clean.endsWith('/') ? `${clean}index.html` : clean);
}

export function serve(port = 0) {
  const server = createServer(async (req, res) => {
    let { pathname } = new URL(req.url, 'http://localhost');
    const strict = pathname.startsWith('/csp/');
    if (strict) pathname = pathname.slice(4);
    try {
      const body = await readFile(resolve(pathname));
      const headers = { 'content-type': TYPES[extname(pathname)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (strict) headers['content-security-policy'] = STRICT_CSP;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
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
