// Finding an article's next page (extension/next-page.js) without a browser: the fixture site's
// pages under jsdom, and the address rules on their own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { findNextPage, pageStep, samePageTitle } from '../../extension/next-page.js';

const SITE = 'https://trail.example/fixtures/multipage/';
const fixture = (name) => new JSDOM(readFileSync(new URL(`../fixtures/multipage/${name}`, import.meta.url), 'utf8')).window.document;
const doc = (html) => new JSDOM(html).window.document;

test('the four-page story: rel=next, then the pagination block, then a "Next page" link', () => {
  assert.deepEqual(findNextPage(fixture('story.html'), `${SITE}story.html`), { url: `${SITE}story-2.html`, page: 2, total: 4 });
  // Page two has no rel=next of its own (the "Next story" aside's rel=next is another article).
  assert.deepEqual(findNextPage(fixture('story-2.html'), `${SITE}story-2.html`), { url: `${SITE}story-3.html`, page: 3, total: 4 });
  // Page three's rel=next points back: the "Next page" link wins.
  assert.deepEqual(findNextPage(fixture('story-3.html'), `${SITE}story-3.html`), { url: `${SITE}story-4.html`, page: 4, total: null });
  // The last page's rel=next loops back to page one: no next page.
  assert.equal(findNextPage(fixture('story-4.html'), `${SITE}story-4.html`), null);
});

test('a "next" link to another article is not a next page', () => {
  // harbour.html's rel=next link has the address of a page two (its title tells it apart: the
  // join checks that); its "Next story" link is another article by its address.
  const found = findNextPage(fixture('harbour.html'), `${SITE}harbour.html`);
  assert.equal(found.url, `${SITE}harbour-2.html`);
  const next = doc('<a rel="next" href="/stories/lighthouse-keeper">Next story</a><a href="/stories/other">Next</a>');
  assert.equal(findNextPage(next, 'https://x.example/stories/harbour'), null);
});

test('other origins are never a next page', () => {
  for (const href of ['https://evil.example/story/2', '//evil.example/story/2', 'http://x.example/story/2', 'javascript:alert(1)//2']) {
    assert.equal(findNextPage(doc(`<link rel="next" href="${href}"><a href="${href}">Next page</a>`), 'https://x.example/story'), null, href);
  }
});

test('page addresses: the common conventions', () => {
  const steps = [
    ['https://x.example/2026/09/story/', 'https://x.example/2026/09/story/2/', { from: 1, to: 2 }],
    ['https://x.example/story/2/', 'https://x.example/story/3/', { from: 2, to: 3 }],
    ['https://x.example/story', 'https://x.example/story/page/2', { from: 1, to: 2 }],
    ['https://x.example/story.html', 'https://x.example/story_2.html', { from: 1, to: 2 }],
    ['https://x.example/story-p2.html', 'https://x.example/story-p3.html', { from: 2, to: 3 }],
    ['https://x.example/a?id=7', 'https://x.example/a?page=2&id=7', { from: 1, to: 2 }],
    ['https://x.example/a?id=7&page=2', 'https://x.example/a?id=7&page=3', { from: 2, to: 3 }],
    ['https://x.example/a?p=123', 'https://x.example/a?p=123&page=2', { from: 1, to: 2 }],
  ];
  for (const [from, to, want] of steps) assert.deepEqual(pageStep(from, to), want, `${from} -> ${to}`);
  const others = [
    ['https://x.example/story', 'https://x.example/other-story-2'],
    ['https://x.example/news/12345', 'https://x.example/news/12346'],
    ['https://x.example/story/', 'https://x.example/story/comment-page-2/'],
    ['https://x.example/a?id=7', 'https://x.example/a?id=8'],
    ['https://x.example/a?page=2', 'https://x.example/b?page=3'],
    ['https://x.example/story', 'https://x.example/story?page=two'],
    ['https://x.example/story', 'https://y.example/story/2'],
  ];
  for (const [from, to] of others) assert.equal(pageStep(from, to), null, `${from} -> ${to}`);
});

test('the same article by its title, whatever the page marker', () => {
  assert.ok(samePageTitle('The Long Road North', 'The Long Road North'));
  assert.ok(samePageTitle('The Long Road North – Trail Journal', 'The Long Road North – Page 2 – Trail Journal'));
  assert.ok(samePageTitle('Big GPU Review', 'Big GPU Review: Benchmarks (2)'));
  assert.ok(samePageTitle('Seite 2 von 3: Der lange Weg', 'Der lange Weg'));
  assert.ok(!samePageTitle('Notes from the Harbour', 'A Recipe for Plum Cake'));
  assert.ok(!samePageTitle('Notes', 'Notes from the Harbour'));
  assert.ok(!samePageTitle('', ''));
});
