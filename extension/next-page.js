// Multi-page articles: which link leads to the next part of the article on this page.
//
// Why JavaScript and not src/extract: only the extension can fetch the next page (the CLI reads
// one file), the decision needs nothing of the extraction but the page's links, and the browser's
// URL parser is already here; the wasm stays the engine that reads each page.
//
// A page's next part is found by the published conventions, strongest first: `rel=next` (a
// `<link>` in the head or an `<a>`), a pagination block (links whose text is a page number), and a
// link that says "Next page" in one of the reader's languages. Every candidate must then be the
// next page of the SAME article by its address: same origin, and the address differs from this
// page's only by a page number one higher (`/story/` -> `/story/2/`, `story.html` ->
// `story-2.html`, `?page=2` -> `?page=3`). A "next" link to another article (WordPress's old
// `<link rel=next>` to the next post, "Next story") fails that test; the join checks the fetched
// page's title as well (samePageTitle).
//
// Pure functions of a Document and a URL: tests/e2e/next-page.test.mjs runs them under jsdom.

// Page numbers past this are ids, not pages.
const MAX_PAGE = 999;

// Link texts that announce the next page (en, de, fr, es, it, pt, nl), arrows allowed around.
const NEXT_WORDS = /^(?:next(?: page)?|continue|nächste(?: seite)?|weiter|page suivante|suivante?|página siguiente|siguiente|pagina successiva|successiva|próxima(?: página)?|volgende(?: pagina)?)$/;
const ARROWS = /[\s›»→>]+/g;

// A page marker on its own: "/2", "-2", "/page/2", "page-2", "?page=2", "&p=2", ",2".
const MARKER = /^[/\-_,.?&;]?(?:(?:page|pages|seite|pagina|página|part|teil|p|pg|pn)[/\-_=]?)?(\d{1,3})\/?$/i;
// Query keys that hold a page number.
const PAGE_KEY = /pag|seite|part|^p[gn]?$/i;

// When `to` is a page of the same article as `from`: { from, to }, their page numbers (an address
// without a page marker is page 1); otherwise null.
export function pageStep(from, to) {
  let a;
  let b;
  try {
    a = new URL(from);
    b = new URL(to, from);
  } catch {
    return null;
  }
  if (a.origin !== b.origin || !/^https?:$/.test(b.protocol)) return null;
  const path = (u) => (u.pathname.length > 1 ? u.pathname.replace(/\/+$/, '') : u.pathname);
  if (path(a) === path(b)) return queryStep(a.searchParams, b.searchParams);
  if (a.search !== b.search) return null;
  return markerStep(path(a), path(b));
}

// Same path: exactly one query key, a page key, differs.
function queryStep(a, b) {
  const keys = new Set([...a.keys(), ...b.keys()]);
  let step = null;
  for (const key of keys) {
    if (a.getAll(key).join('\u0000') === b.getAll(key).join('\u0000')) continue;
    if (step || !PAGE_KEY.test(key)) return null;
    const m = /^\d{1,3}$/.exec(b.get(key) ?? '');
    const n = a.has(key) ? /^\d{1,3}$/.exec(a.get(key)) : ['1'];
    if (!m || !n) return null;
    step = { from: Number(n[0]), to: Number(m[0]) };
  }
  return step;
}

// Different paths: they differ only by a page marker (added, or with another number).
function markerStep(a, b) {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  // Never split a number: "/story/12" and "/story/13" differ in "12" and "13".
  while (start > 0 && /\d/.test(a[start - 1])) start--;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  while (end > 0 && /\d/.test(b[b.length - end])) end--;
  const was = a.slice(start, a.length - end);
  const now = b.slice(start, b.length - end);
  const m = MARKER.exec(now);
  if (!m) return null;
  if (was === '') return { from: 1, to: Number(m[1]) };
  const n = MARKER.exec(was);
  // Both carry a marker of the same form ("page-2" -> "page-3", "2" -> "3").
  if (!n || was.replace(/\d+/, '') !== now.replace(/\d+/, '')) return null;
  return { from: Number(n[1]), to: Number(m[1]) };
}

// The link to the next page of the article `doc` (a page at `pageUrl`) is on, and the number of
// pages when a pagination block says it: { url, page, total } (total null when unknown), or null.
export function findNextPage(doc, pageUrl) {
  const here = new URL(pageUrl);
  here.hash = '';
  const base = baseOf(doc, here);
  const hrefOf = (el) => {
    try {
      return new URL(el.getAttribute('href'), base).href;
    } catch {
      return '';
    }
  };
  const candidates = [];
  for (const el of doc.querySelectorAll('link[rel][href], a[rel][href]')) {
    if (el.getAttribute('rel').toLowerCase().split(/\s+/).includes('next')) candidates.push(hrefOf(el));
  }
  // Pagination blocks: every link whose text is a page number of this article.
  let total = null;
  const numbered = [];
  const worded = [];
  for (const a of doc.querySelectorAll('a[href]')) {
    const label = (a.getAttribute('aria-label') ?? '').trim().toLowerCase();
    const text = (a.textContent.trim() || label).toLowerCase().replace(/\s+/g, ' ');
    const number = /^(?:page |seite |página |pagina )?(\d{1,3})$/.exec(text);
    if (number) numbered.push([Number(number[1]), hrefOf(a)]);
    else if (NEXT_WORDS.test(text.replace(ARROWS, ' ').trim()) || NEXT_WORDS.test(label)) worded.push(hrefOf(a));
  }
  for (const [number, href] of numbered) {
    const step = pageStep(here.href, href);
    if (!step || step.to !== number) continue;
    total = Math.max(total ?? 0, number, step.from);
    if (step.to === step.from + 1) candidates.push(href);
  }
  candidates.push(...worded);
  for (const href of candidates) {
    const step = pageStep(here.href, href);
    if (!step || step.to !== step.from + 1 || step.to > MAX_PAGE) continue;
    const url = new URL(href, here);
    url.hash = '';
    if (url.href === here.href) continue;
    return { url: url.href, page: step.to, total: total && total >= step.to ? total : null };
  }
  return null;
}

// The document's base URL: its first <base href>, resolved against the page's address (a parsed
// document's own baseURI is the parser's page, not the one it was fetched from).
function baseOf(doc, here) {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  try {
    return href ? new URL(href, here) : here;
  } catch {
    return here;
  }
}

// True when two pages' titles name the same article: equal once page markers ("Page 2", "(2)",
// "- 2/4") and punctuation are set aside, or one starts with the other (a part's own subtitle).
export function samePageTitle(a, b) {
  const norm = (s) => s.toLowerCase().normalize('NFKC')
    .replace(/\b(?:page|seite|página|pagina|part|teil)\s*\d+(?:\s*(?:of|von|de|sur|di)\s*\d+)?/g, ' ')
    .replace(/\(\d+\)|\b\d+\s*\/\s*\d+\b/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const [x, y] = [norm(a), norm(b)];
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return short.split(' ').length >= 2 && long.startsWith(`${short} `);
}
