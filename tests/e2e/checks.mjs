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
    if (records.some((r) => [...r.addedNodes].some((n) => n.localName === 'declutter-toast'))) {
      window.__declutterToastSeen = true;
    }
  }).observe(document.documentElement, { childList: true });
}

export function inPageToastSeen() {
  return window.__declutterToastSeen === true;
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
