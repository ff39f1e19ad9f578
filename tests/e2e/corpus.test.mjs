// Real pages in the reader, in Chromium and Firefox: on a sample of the Readability test pages the
// overlay shows the title and every paragraph of the page's expected text (corpus-expected.mjs
// reads it from the corpus's expected.html, not from declutter).
//
// The sample: every Readability page of tests/corpus (16 of 87: the quality ratchet's pages,
// chosen by benches/quality/sample.py by rule, and the snapshot parity test's wikipedia, mathjax,
// rtl-1 and cnet-svg-classes; news sites, blogs, docs, a wiki, an RTL page and Readability's small
// edge-case pages). No page is picked for passing.
//
// KNOWN_MISSES lists, per page, paragraphs of expected.html the reader does not show, each with
// why. Most are page furniture that Readability keeps and declutter hides on purpose (newsletter
// prompts, "Related:" links, photo credits outside a figcaption); any other missing paragraph
// fails the test. An entry the reader now shows is reported as a diagnostic, to be removed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from './server.mjs';
import { expectedReader, norm } from './corpus-expected.mjs';
import { BROWSERS, waitFor, withBrowser } from './suite.mjs';

// Pages whose expected text has no paragraph blocks (005-unescape-html-entities is bare text in a
// div) give this test nothing to check and are left out.
const SAMPLE = readdirSync(join(CORPUS, 'readability-test-pages')).sort().filter((name) => expectedReader(name).paragraphs.length > 0);

// [pattern, why]. "Hidden as …" is src/clutter's decision, the rest src/extract's. Only page
// furniture belongs here: a miss that loses words of the article is a bug to fix, not an entry.
const FURNITURE = 'page furniture Readability keeps';
const KNOWN_MISSES = {
  'bbc-1': [[/^(Read the full transcript of his interview|Five things we learned from Obama interview|The presidential body swerve)$/,
    `${FURNITURE}: link-only "more on this story" lines`]],
  breitbart: [
    [/^JIM WATSON\/AFP\/Getty Images$/, `${FURNITURE}: a photo credit outside any caption`],
    [/^SIGN UP FOR OUR NEWSLETTER$/, 'hidden as a newsletter prompt (div#EmailOptin)'],
  ],
  'ehow-2': [
    [/^Last updated September 14, 2016$/, `${FURNITURE}: a "Last updated" dateline`],
    [/^(Save|Related Searches|Promoted By Zergnet)$/, `${FURNITURE}: a save button's label, a search rail's heading, an ad label`],
  ],
  'iab-1': [
    [/^Read more about ad blocking here\.$/, `${FURNITURE}: a link-only "read more" line`],
    [/^(About the author|Senior Vice President of Technology and Ad Operations at IAB, and General Manager of the IAB Tech Lab)$/,
      `${FURNITURE}: the author box under the article`],
  ],
  'citylab-1': [[/^Cities are changing fast\. Keep up with the CityLab Daily newsletter\.$/, 'hidden as a newsletter prompt (section.c-newsletter)']],
  'nytimes-3': [
    [/^Feb\. 21, 2019$/, 'the dateline: shown as the date in the reader\'s header, in the reader\'s locale'],
    [/^Image$/, `${FURNITURE}: a picture's placeholder label (<span>Image</span>); the reader shows the picture`],
  ],
  spiceworks: [[/^Learn More: /, `${FURNITURE}: link-only "Learn More:" lines`]],
  'wapo-2': [[/^Israeli Prime Minister Benjamin Netanyahu pledged .* \(Reuters\)$/, `${FURNITURE}: the caption of a video player`]],
  wikipedia: [
    [/^See also\[edit\]$/, 'hidden as a recommendation rail (the "See also" heading)'],
    [/^(-zilla \(suffix\)|Mozilla \(mascot\)|The Book of Mozilla|Timeline of web browsers)$/,
      'hidden with the "See also" heading: the list of links to other articles under it'],
    [/^Constant downloads failure in firefox$/, `${FURNITURE}: a link-only "External links" line`],
  ],
};

// A heading's link to itself (the "#" or "¶" docs generators and blogs put after it) is left out
// of the reader (src/extract/body.rs); Readability keeps it as text.
const withoutSelfLink = (p) => p.replace(/\s+[#¶§🔗⚓]$/u, '');

// The expected title as Readability reports it may carry the site's name after a separator
// ("… - Breitbart", "… | eHow", "… · V8"); the reader shows the headline without it, or the
// page's fuller headline that contains it.
function titleShown(expected, shown) {
  const headline = expected.replace(/\s+[-|–—·:»]\s+[^-|–—·:»]+$/, '');
  return shown === expected || (headline.length > 0 && shown.includes(headline));
}

for (const [browser, launch] of BROWSERS) {
  describe(`${browser}: corpus pages in the reader`, () => {
    let driver;
    let base;
    let page = null; // one tab for every page, as a reader going from page to page
    withBrowser(() => launch(), (session) => ({ driver, base } = session));

    for (const name of SAMPLE) {
      test(`${browser}: ${name}: the reader shows the title and every paragraph`, async (t) => {
        const expected = expectedReader(name);
        assert.ok(expected.paragraphs.length > 0, `${name}: expected text found`);
        page ??= await driver.open('about:blank');
        await driver.goto(page, `${base}/corpus/readability/${name}`);
        await driver.click(page);
        const overlay = await waitFor(() => driver.overlay(page), `the reader on ${name}`, 20000);
        try {
          const title = norm(overlay.title);
          assert.ok(titleShown(expected.title, title), `the title "${title}" is the page's "${expected.title}"`);
          const text = norm(overlay.text);
          const known = KNOWN_MISSES[name] ?? [];
          const missing = expected.paragraphs.map(withoutSelfLink).filter((p) => !text.includes(p));
          assert.deepEqual(missing.filter((p) => !known.some(([pattern]) => pattern.test(p))), [], 'every paragraph is in the reader');
          for (const [pattern, why] of known) {
            if (!missing.some((p) => pattern.test(p))) t.diagnostic(`known miss ${pattern} (${why}) is shown now: remove it`);
          }
        } finally {
          await driver.click(page);
          await waitFor(async () => (await driver.overlay(page)) === null, `the reader on ${name} to close`);
        }
      });
    }
  });
}
