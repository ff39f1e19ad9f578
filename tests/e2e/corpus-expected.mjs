// What a Readability test page's reader must show, read from the corpus's own expected output
// (readability-test-pages/<page>/expected.html and expected-metadata.json), independently of
// declutter: the title and every paragraph, as whitespace-normalised text.
//
// A "paragraph" is a text block of expected.html: p, li, dt, dd, h1-h6, pre, blockquote, that
// holds no other such block (a list item made of paragraphs counts as its paragraphs). Blocks in
// figure captions are left out: the reader shows captions under their image, not as body text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { CORPUS } from './server.mjs';

const BLOCKS = 'p, li, dt, dd, h1, h2, h3, h4, h5, h6, pre, blockquote';

export const norm = (s) => s.replace(/\s+/g, ' ').trim();

export function expectedReader(name) {
  const dir = join(CORPUS, 'readability-test-pages', name);
  const { title } = JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8'));
  const { document } = new JSDOM(readFileSync(join(dir, 'expected.html'), 'utf8')).window;
  // A line break separates words as rendered text does (innerText), textContent would not.
  for (const br of document.querySelectorAll('br')) br.replaceWith(' ');
  const paragraphs = [...document.querySelectorAll(BLOCKS)]
    .filter((b) => !b.querySelector(BLOCKS) && !b.closest('figcaption'))
    .map((b) => norm(b.textContent))
    .filter(Boolean);
  return { title: norm(title ?? ''), paragraphs };
}
