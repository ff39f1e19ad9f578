// What both browser suites assert, written once. The `inPage*` functions run inside the page
// (Playwright's evaluate, Selenium's executeScript); the rest compare their results.
import assert from 'node:assert/strict';

// Collects what the fixture page marks: `data-expect="article"` on every article paragraph and
// `data-expect="<kind>"` on every piece of clutter.
export function inPageExpectations() {
  const norm = (s) => s.replace(/\s+/g, ' ').trim();
  const marked = [...document.querySelectorAll('[data-expect]')];
  return {
    title: norm(document.querySelector('h1')?.textContent ?? ''),
    article: marked.filter((e) => e.dataset.expect === 'article').map((e) => norm(e.textContent)),
    clutter: marked
      .filter((e) => e.dataset.expect !== 'article')
      .map((e) => ({
        kind: e.dataset.expect,
        what: `${e.localName}.${[...e.classList].join('.')}`,
        marked: e.closest('[data-declutter-hidden]') !== null,
        visible: e.checkVisibility(),
      })),
    articleVisible: marked.filter((e) => e.dataset.expect === 'article').every((e) => e.closest('[data-declutter-hidden]') === null),
  };
}

// Records uncaught errors from here on (the same way in every browser and under any CSP).
export function inPageWatchErrors() {
  window.__declutterTestErrors = [];
  window.addEventListener('error', (e) => window.__declutterTestErrors.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => window.__declutterTestErrors.push(String(e.reason)));
}

export function inPageErrors() {
  return window.__declutterTestErrors ?? ['error watch not installed'];
}

// Remembers whether declutter's toast ever appeared (it removes itself after a few seconds, so
// polling for it could miss it on a slow machine).
export function inPageWatchToast() {
  window.__declutterToastSeen = false;
  new MutationObserver((records) => {
    if (records.some((r) => [...r.addedNodes].some((n) => n.nodeType === 1 && n.getAttribute('data-declutter-ui') === 'toast'))) {
      window.__declutterToastSeen = true;
    }
  }).observe(document.documentElement, { childList: true });
}

export function inPageToastSeen() {
  return window.__declutterToastSeen === true;
}

// Starts recording the hostile fixtures' sentinels: every payload posts 'dc-hit:<name>' to the
// top window when it runs. Installed by the test after the page's own load, so only what runs
// from then on (because declutter copied it into the reader) is recorded.
export function inPageArmSentinels() {
  window.__dcHits = [];
  window.addEventListener('message', (e) => {
    if (typeof e.data === 'string' && e.data.startsWith('dc-hit:')) window.__dcHits.push(e.data.slice(7));
  });
}

export function inPageSentinelHits() {
  return window.__dcHits ?? ['sentinels not armed'];
}

// The page element that has focus, as its opening tag (read through the prototype: the page may
// clobber `activeElement` and `outerHTML`).
export function inPageFocus() {
  const el = Object.getOwnPropertyDescriptor(Document.prototype, 'activeElement').get.call(document);
  const html = el && Object.getOwnPropertyDescriptor(Element.prototype, 'outerHTML').get.call(el);
  return html ? html.slice(0, html.indexOf('>') + 1) : null;
}

export function inPageHtml() {
  return document.documentElement.outerHTML;
}

export function inPageHiddenCount() {
  return document.querySelectorAll('[data-declutter-hidden]').length;
}

// Inserts a newsletter block the way a page script would, after declutter is running.
export function inPageInsertLatePrompt() {
  const box = document.createElement('div');
  box.className = 'newsletter-inline-promo';
  box.setAttribute('data-expect', 'newsletter');
  const p = document.createElement('p');
  p.textContent = 'Get our morning briefing: subscribe to the newsletter.';
  const input = document.createElement('input');
  input.type = 'email';
  input.placeholder = 'Email address';
  const button = document.createElement('button');
  button.textContent = 'Sign up';
  box.append(p, input, button);
  document.querySelector('main, body').append(box);
}

const norm = (s) => s.replace(/\s+/g, ' ').trim();

// The reader's typography, measured in its shadow root (run in the page by the drivers):
// characters per full line of the body paragraphs (median), line height as a multiple of the font
// size, and for each theme the contrast of body text, muted text (byline, date) and links
// against the background (WCAG 2 ratios).
export function inShadowTypography(root) {
  const dialog = root.querySelector('[role=dialog]');
  const luminance = (color) => {
    const [r, g, b] = color.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (el) => {
    const [a, b] = [luminance(getComputedStyle(el).color), luminance(getComputedStyle(dialog).backgroundColor)];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  };
  const paragraphs = [...root.querySelectorAll('.dc-body > p')];
  const perLine = paragraphs.map((p) => {
    const lines = Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));
    // The last line is partly empty: count it as half.
    return lines >= 3 ? [...p.textContent.trim()].length / (lines - 0.5) : null;
  }).filter(Boolean).sort((a, b) => a - b);
  const p = paragraphs[0];
  const themes = {};
  const current = dialog.dataset.theme;
  for (const theme of ['light', 'sepia', 'dark']) {
    dialog.dataset.theme = theme;
    themes[theme] = { body: contrast(p), muted: contrast(root.querySelector('.dc-meta')), link: contrast(root.querySelector('.dc-body a, a')) };
  }
  dialog.dataset.theme = current;
  return {
    charsPerLine: perLine[Math.floor(perLine.length / 2)],
    lineHeight: parseFloat(getComputedStyle(p).lineHeight) / parseFloat(getComputedStyle(p).fontSize),
    themes,
  };
}

// The overlay shows the title and every article paragraph; all marked clutter is hidden on the
// page and none of the article is.
export function assertReader(expect, overlay) {
  assert.ok(overlay, 'the reader overlay is open');
  assert.equal(norm(overlay.title), expect.title, 'the overlay shows the page title');
  const text = norm(overlay.text);
  for (const paragraph of expect.article) {
    assert.ok(text.includes(paragraph), `the overlay shows: ${paragraph.slice(0, 70)}...`);
  }
  assertCleaned(expect);
}

export function assertCleaned(expect) {
  assert.ok(expect.clutter.length > 0, 'the page has clutter to hide');
  for (const c of expect.clutter) {
    assert.ok(c.marked && !c.visible, `${c.kind} clutter hidden: ${c.what}`);
  }
  assert.ok(expect.articleVisible, 'no article paragraph is hidden on the page');
}

// What the reader's article may contain, written here independently of the extension's own
// lists (src/render/tree.rs, extension/overlay.js) so that a mistake there shows up here.
const READER_TAGS = new Set(`article header footer h1 h2 h3 h4 h5 h6 p span a em strong code pre sub sup br hr
  ul ol li blockquote aside figure figcaption img small time table caption thead tbody tr th td div section math mrow
  mi mn mo ms mtext mspace msub msup msubsup mfrac msqrt mroot munder mover munderover mtable mtr mtd mstyle
  mpadded mphantom menclose semantics annotation`.split(/\s+/));
const READER_ATTRS = new Set(`class href src alt lang dir datetime colspan rowspan scope loading referrerpolicy rel
  width height id display mathvariant target`.split(/\s+/));

function decodeAttr(v) {
  return v.replace(/&(quot|amp|lt|gt|nbsp|#\d+|#x[\da-f]+);/gi, (m, e) => ({ quot: '"', amp: '&', lt: '<', gt: '>', nbsp: '\u00a0' })[e.toLowerCase()]
    ?? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)));
}

export function safeReaderUrl(name, value) {
  const v = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '').toLowerCase();
  if (/^https?:/.test(v)) return true;
  if (name === 'href') return v.startsWith('mailto:') || v.startsWith('#');
  return /^data:image\/(png|jpe?g|gif|webp|avif)[;,]/.test(v);
}

// Problems in the reader article's HTML as a browser serialised it (outerHTML: text never
// contains a raw `<`, attribute values are always double-quoted), or [] when it is inert.
export function auditReaderHtml(html) {
  const problems = [];
  for (const [, tag, attrs] of html.matchAll(/<([a-zA-Z][^\s/>]*)([^>]*)>/g)) {
    if (!READER_TAGS.has(tag.toLowerCase())) problems.push(`element <${tag}>`);
    for (const [, name, value = ''] of attrs.matchAll(/\s([^\s=/>]+)(?:="([^"]*)")?/g)) {
      if (!READER_ATTRS.has(name.toLowerCase())) problems.push(`attribute ${name} on <${tag}>`);
      else if ((name === 'href' || name === 'src') && !safeReaderUrl(name, decodeAttr(value))) problems.push(`${name}="${value}" on <${tag}>`);
    }
  }
  return problems;
}
