// Multi-page articles: once the reader shows page one, the following pages are fetched one at a
// time, each read by the same engine, and their bodies appended under a "Page 2 of 4" marker.
//
// What a page cannot make us do: fetch another origin (the request is made in `same-origin`
// mode, so a cross-origin address or redirect fails before anything is sent), fetch more than
// MAX_FETCHES pages, fetch a page twice or go back (each next page must carry a page number one
// higher, see next-page.js), or hang the reader (one page at a time, each with a time and size
// cap, and the person's Stop button). No script of a fetched page runs: it is parsed by
// DOMParser into an inert document and walked like the live one. A page that fails, is not the
// same article (samePageTitle) or repeats an earlier page ends the join quietly.
import { declutterMessage as t } from './i18n.js';
import { findNextPage, samePageTitle } from './next-page.js';
import { walk } from './walk.js';

export const MAX_FETCHES = 10;
const PAGE_TIMEOUT_MS = 20_000;
// Article pages are rarely past 2 MB of HTML; parsing this much blocks the tab for a moment at most.
const MAX_PAGE_BYTES = 4 << 20;

// `reader` is the open overlay ({appendPage, joining}); `analyzePage(walked, url)` resolves to the
// engine's result for a page. Returns { stop, done, pages }: `done` resolves with the number of
// pages appended once the join ends; `pages` lists those appended so far, each { page, label,
// url, walked, found }, for the Markdown export.
export function joinPages({ doc, url, reader, analyzePage, first }) {
  const controller = new AbortController();
  const stop = () => controller.abort();
  const pages = [];
  const done = run().catch((e) => {
    if (!controller.signal.aborted) console.info('declutter: the next page was not joined', e);
  }).finally(() => reader.joining(null)).then(() => pages.length);

  async function run() {
    if (!first.fingerprint) return;
    const seenUrls = new Set([url.replace(/#.*$/, '')]);
    const seenBodies = new Set([first.fingerprint]);
    const images = new Set(first.images);
    let next = findNextPage(doc, url);
    let total = next?.total ?? null;
    for (let fetched = 0; next && fetched < MAX_FETCHES && !seenUrls.has(next.url); fetched++) {
      seenUrls.add(next.url);
      const label = total ? t('pageOf', String(next.page), String(total)) : t('pageNumber', String(next.page));
      reader.joining(t('loadingPage', label), stop);
      const page = await fetchPage(next.url, controller.signal);
      const walked = walk(page, null);
      const result = await analyzePage(walked, next.url);
      if (controller.signal.aborted) return;
      const parts = articleParts(result?.overlay);
      if (!parts || seenBodies.has(parts.fingerprint)) return;
      if (!samePageTitle(parts.title, first.title) && !samePageTitle(page.title, first.docTitle)) return;
      seenBodies.add(parts.fingerprint);
      reader.appendPage(withoutRepeats(parts.body, first.title, images), label);
      // What the Markdown export reads again: the walk's output (not its nodes) and the clutter.
      pages.push({ page: next.page, label, url: next.url, walked: { ops: walked.ops, text: walked.text }, found: { hidden: result.hidden } });
      const after = findNextPage(page, next.url);
      if (after && after.page <= next.page) return;
      if (after?.total) total = Math.max(total ?? 0, after.total);
      next = after;
    }
  }

  return { stop, done, pages };
}

// The page at `url`, parsed into an inert document. Same origin only: `same-origin` mode fails
// on another origin and on a redirect to one, before the request is made.
async function fetchPage(url, signal) {
  const timeout = AbortSignal.timeout(PAGE_TIMEOUT_MS);
  const response = await fetch(url, {
    mode: 'same-origin',
    credentials: 'same-origin',
    signal: AbortSignal.any([signal, timeout]),
  });
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || !/^(text\/html|application\/xhtml\+xml)\b/i.test(type)) throw new Error(`${response.status} ${type}`);
  const bytes = await readCapped(response);
  const html = new TextDecoder(charsetOf(type, bytes)).decode(bytes);
  return new DOMParser().parseFromString(html, 'text/html');
}

async function readCapped(response) {
  const chunks = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_PAGE_BYTES) {
      reader.cancel().catch(() => {});
      throw new Error('page too large');
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

// The page's character encoding: the header's, else a <meta> in the first 1024 bytes, else
// this page's (a site serves its pages alike).
function charsetOf(type, bytes) {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const label = /charset="?([\w-]+)/i.exec(type)?.[1] ?? /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? document.characterSet;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return 'utf-8';
  }
}

// The reader tree's title, body blocks and lead image (src/render/tree.rs lays it out), and a
// fingerprint of the body: its first words.
export function articleParts(tree) {
  if (!tree || typeof tree !== 'object') return null;
  const byClass = (node, name) => {
    if (typeof node === 'string') return null;
    if (node.attrs?.some(([k, v]) => k === 'class' && v.split(' ').includes(name))) return node;
    for (const c of node.children ?? []) {
      const found = byClass(c, name);
      if (found) return found;
    }
    return null;
  };
  const body = byClass(tree, 'dc-body')?.children ?? [];
  const text = body.map(textOf).join(' ').replace(/\s+/g, ' ').trim();
  if (!text) return null;
  return {
    title: textOf(byClass(tree, 'dc-title') ?? ''),
    body,
    fingerprint: text.slice(0, 200),
    images: [byClass(tree, 'dc-lead'), ...body].flatMap((n) => (n ? imagesOf(n) : [])),
  };
}

function textOf(node) {
  return typeof node === 'string' ? node : (node.children ?? []).map(textOf).join('');
}

function imagesOf(node) {
  if (typeof node === 'string') return [];
  const src = node.tag === 'img' ? node.attrs?.find(([k]) => k === 'src')?.[1] : null;
  return [...(src ? [src] : []), ...(node.children ?? []).flatMap(imagesOf)];
}

// A following page's body without what page one already shows: a heading that repeats the title
// at its start, and figures of images already in the reader (the lead image again).
function withoutRepeats(body, title, images) {
  const kept = body.filter((node, i) => {
    if (typeof node === 'string') return true;
    if (i === 0 && /^h[1-6]$/.test(node.tag) && samePageTitle(textOf(node), title)) return false;
    const shown = imagesOf(node);
    return node.tag !== 'figure' || shown.length === 0 || !shown.every((src) => images.has(src));
  });
  for (const node of kept) for (const src of imagesOf(node)) images.add(src);
  return kept;
}
