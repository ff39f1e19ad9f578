// The bundled legibility font, Atkinson Hyperlegible (SIL OFL 1.1, scripts.mjs FONT_FILES).
//
// @font-face rules in a shadow root's stylesheet are ignored: Chromium 156 and Firefox ESR 153
// both draw the fallback, and a FontFaceSet exists only on the document. So the faces go into
// document.fonts while the reader shows them and come out when it closes, built from bytes the
// content script fetched itself (no URL that the page's CSP font-src could refuse) under a
// random family name per page (no name a page could look for).
import { FONT_DIR, FONT_FILES } from './scripts.mjs';

// unicode-range of each subset, as the font's npm package declares them.
const RANGES = {
  latin: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  'latin-ext': 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
};

export const LEGIBLE_FAMILY = `dc-${[...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('')}`;

let faces = null; // a promise of the FontFaces, made once per page
let shown = false;

// Adds the faces to the document (on = true) or takes them out.
export async function showLegibleFont(on) {
  shown = on;
  if (!on) {
    if (faces) for (const face of await faces) document.fonts.delete(face);
    return;
  }
  faces ??= Promise.all(FONT_FILES.map(async (file) => {
    const [, subset, weight, style] = /-(latin(?:-ext)?)-(\d+)-(\w+)\.woff2$/.exec(file);
    const bytes = await (await fetch(chrome.runtime.getURL(`${FONT_DIR}/${file}`))).arrayBuffer();
    return new FontFace(LEGIBLE_FAMILY, bytes, { weight, style, unicodeRange: RANGES[subset], display: 'swap' });
  }));
  const loaded = await faces;
  // Closed or switched away while the files were read.
  if (shown) for (const face of loaded) document.fonts.add(face);
}
