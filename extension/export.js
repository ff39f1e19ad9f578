// The reader's "Keep it" menu: Copy as Markdown, Save as Markdown, Save as HTML (images linked
// or inlined), Save as EPUB (epub.js, loaded on that click). A toolbar menu (menu.js) that the
// overlay only places.
//
// Why these shapes:
// - The Markdown is the wasm's (src/render/markdown.rs), the very text the CLI prints, so the
//   native tests cover it; nothing here rewrites it. It comes from the background's export
//   module on the click (content.js: markdownOf).
// - Files are offered through an <a download> on a blob: URL made here: no `downloads`
//   permission, and the browser asks where to save as it does for any download.
// - The HTML file is the reader's own article element, serialised: that element was built node
//   by node from the allow-listed tree (overlay.js), so the file holds no page markup or script,
//   and its CSP forbids scripts anyway. Inlining images fetches them from here; an image the
//   site does not let us fetch (CORS) stays a link to its address.
import { declutterMessage } from './i18n.js';
import { toolbarMenu } from './menu.js';
import { DECLUTTER_READER_CSS, DECLUTTER_SAVED_CSS, applyLook } from './reader-css.js';

export const DeclutterExport = (() => {
  const t = declutterMessage;

  // What the menu needs from the reader: the article element, a promise of its Markdown
  // (`markdown()`, asked for on the click), the display
  // settings for the HTML file, and how to say what happened.
  function menu({ article, markdown, settings, status }) {
    const keep = toolbarMenu('keep');
    const item = (name, run) => keep.add(name, t(name), async () => {
      try {
        status(await run());
      } catch (e) {
        console.warn('declutter:', e);
        status(t('exportFailed', e?.message ?? e));
      }
    });
    const base = fileName(article);
    item('copyMarkdown', async () => {
      await copyText(await markdown(), keep.element);
      return t('copied');
    });
    item('saveMarkdown', async () => save(`${base}.md`, 'text/markdown;charset=utf-8', await markdown()));
    item('saveHtml', async () => save(`${base}.html`, 'text/html;charset=utf-8', await htmlFile(article, settings(), false)));
    item('saveHtmlImages', async () => save(`${base}.html`, 'text/html;charset=utf-8', await htmlFile(article, settings(), true)));
    item('saveEpub', async () => {
      const build = await epubWriter();
      return save(`${base}.epub`, 'application/epub+zip', await build(article, bookMeta(article)));
    });
    return keep;
  }

  // A file name from the title: letters and digits of any script, dashes between words.
  function fileName(article) {
    const title = article.querySelector('h1')?.textContent ?? '';
    const slug = title.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
    return slug.slice(0, 80).replace(/-+$/, '') || 'article';
  }

  // The EPUB writer (epub.js), injected by the background the first time it is needed.
  async function epubWriter() {
    if (!globalThis.declutterBuildEpub) {
      const reply = await chrome.runtime.sendMessage({ type: 'load-script', file: 'epub.js' });
      if (reply?.error) throw new Error(reply.error);
    }
    if (!globalThis.declutterBuildEpub) throw new Error('the EPUB writer did not load');
    return globalThis.declutterBuildEpub;
  }

  // The book's metadata, as the reader shows it.
  function bookMeta(article) {
    const text = (selector) => article.querySelector(selector)?.textContent.trim() || null;
    return {
      title: text('h1') ?? '',
      author: text('.dc-byline'),
      date: article.querySelector('.dc-date')?.getAttribute('datetime') ?? null,
      lang: article.getAttribute('lang'),
      url: article.querySelector('.dc-original')?.getAttribute('href') ?? location.href,
    };
  }

  function save(name, type, content) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    // Clicked while detached from the page: the page sees no element and no event.
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return t('saved', name);
  }

  async function copyText(text, near) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // No clipboard API here (page not a secure context): the older copy command, from a
      // text area inside the reader's shadow root, where the page cannot see it.
    }
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;opacity:0;pointer-events:none';
    near.append(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    if (!done) throw new Error('the clipboard refused');
  }

  // One self-contained HTML document: the article and the reader's styles in the look the
  // person chose.
  async function htmlFile(article, settings, inlineImages) {
    const copy = article.cloneNode(true);
    // Read aloud's highlight is not part of the article.
    for (const el of copy.querySelectorAll('.dc-speaking, .dc-focus')) el.classList.remove('dc-speaking', 'dc-focus');
    for (const mark of copy.querySelectorAll('span.dc-word')) mark.replaceWith(...mark.childNodes);
    for (const a of copy.querySelectorAll('a[target]')) a.removeAttribute('target');
    for (const img of copy.querySelectorAll('img')) img.removeAttribute('loading');
    if (inlineImages) await Promise.all([...copy.querySelectorAll('img[src^="http"]')].map(inline));
    const title = article.querySelector('h1')?.textContent ?? '';
    const lang = article.getAttribute('lang');
    const doc = document.implementation.createHTMLDocument(title);
    if (lang) doc.documentElement.setAttribute('lang', lang);
    const meta = (attrs) => {
      const m = doc.createElement('meta');
      for (const [k, v] of Object.entries(attrs)) m.setAttribute(k, v);
      doc.head.prepend(m);
    };
    meta({ name: 'viewport', content: 'width=device-width, initial-scale=1' });
    // Scripts and frames can never run in the saved file, whatever it holds.
    meta({ 'http-equiv': 'Content-Security-Policy', content: "default-src 'none'; img-src http: https: data:; style-src 'unsafe-inline'" });
    meta({ charset: 'utf-8' });
    const style = doc.createElement('style');
    style.textContent = `${DECLUTTER_READER_CSS}\n${DECLUTTER_SAVED_CSS}`;
    doc.head.append(style);
    const dialog = doc.createElement('div');
    dialog.className = 'dc-dialog';
    applyLook(dialog, settings);
    dialog.append(doc.importNode(copy, true));
    doc.body.append(dialog);
    return `<!DOCTYPE html>\n${doc.documentElement.outerHTML}\n`;
  }

  // An image as a data: URL when the site lets us fetch it; otherwise left as it was.
  async function inline(img) {
    try {
      const response = await fetch(img.getAttribute('src'), { credentials: 'omit', referrerPolicy: 'no-referrer' });
      const type = response.headers.get('content-type') ?? '';
      if (!response.ok || !/^image\/(png|jpeg|gif|webp|avif)\b/.test(type)) return;
      img.setAttribute('src', await dataUrl(await response.blob()));
      img.removeAttribute('srcset');
    } catch {
      // Refused by CORS or the network: the image stays a link to its address.
    }
  }

  function dataUrl(blob) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
  }

  return { menu, htmlFile, fileName };
})();
