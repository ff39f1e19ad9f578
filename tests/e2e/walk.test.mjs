// The walker (extension/walk.js) on its own, in node with jsdom's DOM: its caps are checked before
// it copies, so a page with one huge text node or attribute is refused without copying it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('<!DOCTYPE html><html><head><title>t</title></head><body><p>short</p></body></html>');
for (const name of ['Node', 'Element', 'CharacterData', 'Document', 'HTMLSlotElement', 'DOMImplementation', 'HTMLTemplateElement', 'DocumentFragment']) globalThis[name] = window[name];
const { MAX_TEXT_UNITS, walk } = await import('../../extension/walk.js');
const doc = window.document;

test('the walker reads an ordinary page whole', () => {
  const walked = walk(doc, null);
  assert.equal(walked.tooLarge, null);
  assert.ok(walked.text.includes('short'));
});

test('one text node past the text cap is refused before it is copied', () => {
  const huge = doc.createTextNode('x'.repeat(MAX_TEXT_UNITS + 1));
  doc.body.append(huge);
  try {
    const walked = walk(doc, null);
    assert.match(walked.tooLarge ?? '', /too large: more than \d+ bytes of text/);
    assert.ok(walked.text.length < 1000, `${walked.text.length} units copied`);
  } finally {
    huge.remove();
  }
});

test('one attribute past the text cap is refused before it is copied', () => {
  const p = doc.createElement('p');
  p.setAttribute('data-x', 'y'.repeat(MAX_TEXT_UNITS + 1));
  doc.body.append(p);
  try {
    const walked = walk(doc, null);
    assert.match(walked.tooLarge ?? '', /too large: more than \d+ bytes of text/);
    assert.ok(walked.text.length < 1000, `${walked.text.length} units copied`);
  } finally {
    p.remove();
  }
});
