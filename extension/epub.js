// Save as EPUB: the reader's article as an EPUB 3 book (title, author, date, language, the body
// and its images, a table of contents from its headings).
//
// Loaded only when the person picks Save as EPUB: the background injects this bundle into the
// content script's world (scripting.executeScript, allowed by the click that opened the reader),
// and it leaves one function on the world's global object for export.js. The zip is written by
// fflate (npm), with `mimetype` stored first as the EPUB container format requires.
//
// Images live inside the book (EPUB reading systems do not load remote images): each is fetched
// from here; one the site does not let us fetch, or of a type outside EPUB's core media types,
// becomes a link to its address with its alt text.
import { strToU8, zipSync } from 'fflate';

const XHTML = 'http://www.w3.org/1999/xhtml';
const IMAGE_TYPES = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif' };

// `article`: the reader's article element; `meta`: {title, author, date, lang, url}; `now`: the
// book's modification time. Returns the .epub file's bytes.
async function buildEpub(article, meta, now = new Date()) {
  const body = article.cloneNode(true);
  const images = await packImages(body);
  const headings = prepare(body);
  const lang = meta.lang || 'und';
  const files = {
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(CONTAINER),
    'EPUB/content.opf': strToU8(packageDocument(meta, lang, now, images, hasMath(body))),
    'EPUB/nav.xhtml': strToU8(navDocument(meta.title, lang, headings)),
    'EPUB/article.xhtml': strToU8(xhtmlDocument(meta.title, lang, serialize(body))),
    'EPUB/style.css': strToU8(BOOK_CSS),
  };
  for (const image of images) files[`EPUB/${image.href}`] = [image.bytes, { level: 0 }];
  return zipSync(files, { level: 6, mtime: now });
}

// Replaces each image by a file in the book, or by a link when it cannot be had.
async function packImages(body) {
  const images = [];
  for (const img of body.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? '';
    const got = await fetchImage(src);
    if (got) {
      const href = `images/${images.length + 1}.${IMAGE_TYPES[got.type]}`;
      images.push({ href, type: got.type, bytes: got.bytes });
      img.setAttribute('src', href);
    } else {
      const link = img.ownerDocument.createElement('a');
      if (/^https?:/i.test(src)) link.setAttribute('href', src);
      link.textContent = img.getAttribute('alt') || src.replace(/^data:.*/, '') || 'image';
      img.replaceWith(link);
    }
  }
  return images;
}

async function fetchImage(src) {
  if (/^data:/i.test(src)) return decodeDataUrl(src);
  try {
    const response = await fetch(src, { credentials: 'omit', referrerPolicy: 'no-referrer' });
    const type = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (!response.ok || !IMAGE_TYPES[type === 'image/jpg' ? 'image/jpeg' : type]) return null;
    return { type: type === 'image/jpg' ? 'image/jpeg' : type, bytes: new Uint8Array(await response.arrayBuffer()) };
  } catch {
    return null;
  }
}

// A data: URL's bytes, decoded here: fetching it would be subject to the page's CSP in Firefox.
function decodeDataUrl(src) {
  const m = /^data:([^;,]*)((?:;[^;,]*)*?)(;base64)?,(.*)$/is.exec(src);
  const type = m?.[1].trim().toLowerCase().replace('image/jpg', 'image/jpeg');
  if (!m || !IMAGE_TYPES[type]) return null;
  try {
    const raw = m[3] ? atob(m[4].replace(/\s+/g, '')) : decodeURIComponent(m[4]);
    return { type, bytes: Uint8Array.from(raw, (c) => c.charCodeAt(0)) };
  } catch {
    return null;
  }
}

// Reader-only attributes out; what XHTML validity asks for in. Returns the headings for the
// table of contents, each given an id.
function prepare(body) {
  for (const el of body.querySelectorAll('[target], [loading], [referrerpolicy]')) {
    el.removeAttribute('target');
    el.removeAttribute('loading');
    el.removeAttribute('referrerpolicy');
  }
  // Read aloud's highlight is not part of the article.
  for (const el of body.querySelectorAll('.dc-speaking, .dc-focus')) el.classList.remove('dc-speaking', 'dc-focus');
  for (const mark of body.querySelectorAll('span.dc-word')) mark.replaceWith(...mark.childNodes);
  // <time> without a machine-readable value would be invalid: the text stays in a <span>.
  for (const time of body.querySelectorAll('time')) {
    const span = body.ownerDocument.createElement('span');
    span.className = time.className;
    span.append(...time.childNodes);
    time.replaceWith(span);
  }
  // In-page links whose target is not in the book lead nowhere: their words stay, in a <span>
  // (EPUB's schema wants every <a> to have an href).
  const ids = new Set([...body.querySelectorAll('[id]')].map((el) => el.id));
  for (const a of body.querySelectorAll('a')) {
    const href = a.getAttribute('href') ?? '';
    if (href && !(href.startsWith('#') && !ids.has(decodeURIComponent(href.slice(1))))) continue;
    const span = body.ownerDocument.createElement('span');
    span.append(...a.childNodes);
    a.replaceWith(span);
  }
  const headings = [];
  for (const h of body.querySelectorAll('h2, h3')) {
    h.id ||= `h-${headings.length + 1}`;
    headings.push({ id: h.id, level: Number(h.localName[1]), text: h.textContent.trim().replace(/\s+/g, ' ') });
  }
  return headings.filter((h) => h.text);
}

function hasMath(body) {
  return body.getElementsByTagNameNS('http://www.w3.org/1998/Math/MathML', 'math').length > 0;
}

// XML text without the control characters XML forbids.
function serialize(node) {
  return new XMLSerializer().serializeToString(node).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

function esc(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c])
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

// A W3C date (YYYY, YYYY-MM or YYYY-MM-DD) from what the page stated, or null.
function bookDate(value) {
  const m = /^(\d{4})(-\d{2})?(-\d{2})?/.exec(value ?? '');
  return m ? m[0] : null;
}

function packageDocument(meta, lang, now, images, math) {
  const modified = now.toISOString().replace(/\.\d+Z$/, 'Z');
  const date = bookDate(meta.date);
  const lines = [
    `<dc:identifier id="uid">${esc(meta.url || `urn:declutter:${modified}`)}</dc:identifier>`,
    `<dc:title>${esc(meta.title || 'Untitled')}</dc:title>`,
    `<dc:language>${esc(lang)}</dc:language>`,
    meta.author && `<dc:creator>${esc(meta.author)}</dc:creator>`,
    date && `<dc:date>${date}</dc:date>`,
    meta.url && `<dc:source>${esc(meta.url)}</dc:source>`,
    `<meta property="dcterms:modified">${modified}</meta>`,
  ].filter(Boolean);
  const items = [
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    `<item id="article" href="article.xhtml" media-type="application/xhtml+xml"${math ? ' properties="mathml"' : ''}/>`,
    '<item id="style" href="style.css" media-type="text/css"/>',
    ...images.map((img, i) => `<item id="img${i + 1}" href="${img.href}" media-type="${img.type}"/>`),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="${esc(lang)}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    ${lines.join('\n    ')}
  </metadata>
  <manifest>
    ${items.join('\n    ')}
  </manifest>
  <spine>
    <itemref idref="article"/>
  </spine>
</package>
`;
}

function navDocument(title, lang, headings) {
  // h2 entries, each with its h3s nested below it.
  const entries = [];
  for (const h of headings) {
    if (h.level === 3 && entries.length) entries[entries.length - 1].children.push(h);
    else entries.push({ ...h, children: [] });
  }
  const link = (h) => `<a href="article.xhtml#${esc(h.id)}">${esc(h.text)}</a>`;
  const list = entries.map((e) => e.children.length
    ? `<li>${link(e)}<ol>${e.children.map((c) => `<li>${link(c)}</li>`).join('')}</ol></li>`
    : `<li>${link(e)}</li>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="${XHTML}" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${esc(lang)}" lang="${esc(lang)}">
<head><meta charset="utf-8"/><title>${esc(title)}</title></head>
<body>
<nav epub:type="toc" id="toc"><h1>${esc(title)}</h1>
<ol><li><a href="article.xhtml">${esc(title)}</a>${list.length ? `<ol>${list.join('')}</ol>` : ''}</li></ol>
</nav>
</body>
</html>
`;
}

function xhtmlDocument(title, lang, article) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="${XHTML}" xml:lang="${esc(lang)}" lang="${esc(lang)}">
<head><meta charset="utf-8"/><title>${esc(title)}</title><link rel="stylesheet" type="text/css" href="style.css"/></head>
<body>
${article}
</body>
</html>
`;
}

// The reader's look, reduced to what reading systems honour (they bring their own fonts,
// sizes and themes).
const BOOK_CSS = `body { margin: 0 5%; line-height: 1.5; }
.dc-site, .dc-meta, figcaption, .dc-footnotes, .dc-footer { font-size: .85em; color: #555; }
.dc-meta > * + *::before { content: " · "; }
.dc-title { font-size: 1.8em; line-height: 1.2; margin: 0 0 .4em; }
img { max-width: 100%; height: auto; }
figure { margin: 1em 0; }
.dc-note { margin: 1em 0; padding: .5em 1em; border-left: 4px solid #ccc; background: #f4f4f4; }
blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid #ccc; font-style: italic; }
pre { white-space: pre-wrap; font-size: .85em; }
code { font-family: monospace; }
table { border-collapse: collapse; }
th, td { border: 1px solid #bbb; padding: .2em .4em; vertical-align: top; }
`;

globalThis.declutterBuildEpub = buildEpub;
