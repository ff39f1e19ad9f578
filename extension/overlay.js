// The reader overlay: a closed shadow root on a host element appended to <html>, built from the
// article tree that the wasm renderer returns. Elements are created one by one from a fixed
// allow-list (never innerHTML), so page markup cannot become live here even if a bug let it into
// the tree; URLs are checked again before they are set.
//
// Also here: the controls (font, size, width, line height, theme, read aloud, print), keyboard
// (Esc closes, +/- font size), focus handling, and the toasts. Every string the reader adds is
// the extension's own, in the browser's language (i18n.js); dates too.
//
// Focus: the overlay is a modal dialog, so focus stays inside while it is open. Tab and
// Shift+Tab cycle through its controls and links (and back around), and focus that a page
// script moves out is brought back; on close it returns to the page element that had it, inside
// the page's shadow roots too.
//
// Page objects: the content script's world does not see the page's named properties on
// `document` (`<img name="createElement">` is invisible here, checked in both browsers), but in
// Chrome it does see a form's controls as properties of the form, so the page element that had
// focus is focused through the prototype's method (a `<form tabindex=0>` with an
// `<input name="focus">` would otherwise swallow the call).
import { declutterMessage } from './i18n.js';
import { DECLUTTER_READER_CSS, DECLUTTER_TOAST_CSS, applyLook } from './reader-css.js';
import { DeclutterExport } from './export.js';
import { contentsMenu, followInPageLinks, moveTo, openLinksInReader } from './navigate.js';
import { trackPosition } from './positions.js';
import { applyReadingAids, followCurrentBlock, readingAids } from './reading-aids.js';
import { readAloud } from './read-aloud.js';
import { LEGIBLE_FAMILY, showLegibleFont } from './fonts.js';

export const DeclutterOverlay = (() => {
  const MATHML = 'http://www.w3.org/1998/Math/MathML';
  const TAGS = new Set([
    'article', 'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'span', 'a', 'em',
    'strong', 'code', 'pre', 'sub', 'sup', 'br', 'hr', 'ul', 'ol', 'li', 'blockquote', 'aside', 'figure',
    'figcaption', 'img', 'small', 'time', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td',
    'div', 'section',
  ]);
  const MATH_TAGS = new Set([
    'math', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'msub', 'msup', 'msubsup', 'mfrac',
    'msqrt', 'mroot', 'munder', 'mover', 'munderover', 'mtable', 'mtr', 'mtd', 'mstyle', 'mpadded',
    'mphantom', 'menclose', 'semantics', 'annotation',
  ]);
  const ATTRS = new Set([
    'class', 'href', 'src', 'alt', 'lang', 'dir', 'datetime', 'colspan', 'rowspan', 'scope', 'loading',
    'referrerpolicy', 'rel', 'width', 'height', 'id', 'display', 'mathvariant',
  ]);
  const SIZES = [14, 16, 18, 20, 22, 24, 28, 32];
  const WIDTHS = [30, 34, 38, 42, 48];
  const LINE_HEIGHTS = [1.4, 1.5, 1.6, 1.75, 1.9];
  const THEMES = { system: 'themeSystem', light: 'themeLight', sepia: 'themeSepia', dark: 'themeDark' };
  const FONTS = { serif: 'fontSerif', sans: 'fontSans', legible: 'fontLegible', mono: 'fontMono' };
  const FOCUSABLE = 'button, select, a[href], [tabindex="0"]';
  const t = declutterMessage;

  function safeUrl(name, value) {
    const v = value.trim().replace(/[\u0000-\u001f\s]+/g, '');
    if (name === 'href') return /^(https?:|mailto:|#)/i.test(v) ? value : null;
    return /^(https?:|data:image\/(png|jpe?g|gif|webp|avif)[;,])/i.test(v) ? value : null;
  }

  // The article tree: a string is text; otherwise {tag, attrs: [[name, value]...], children}.
  // Depth is bounded by the extractor, so recursion is safe here.
  function build(node, inMath) {
    if (typeof node === 'string') return document.createTextNode(node);
    const math = inMath || node.tag === 'math';
    const allowed = math ? MATH_TAGS.has(node.tag) : TAGS.has(node.tag);
    const el = math
      ? document.createElementNS(MATHML, allowed ? node.tag : 'mrow')
      : document.createElement(allowed ? node.tag : 'span');
    for (const [name, value] of node.attrs ?? []) {
      if (!ATTRS.has(name)) continue;
      if ((name === 'href' || name === 'src') && safeUrl(name, value) === null) continue;
      el.setAttribute(name, value);
    }
    if (el.localName === 'a') el.setAttribute('target', '_top');
    for (const child of node.children ?? []) el.append(build(child, math));
    return el;
  }

  // The renderer writes the reading time as <time datetime="PT<n>M"> and the date as the page
  // gave it; both are shown in the reader's language, as is the link back to the original.
  function localize(article) {
    const lang = chrome.i18n.getUILanguage();
    for (const time of article.querySelectorAll('time[datetime]')) {
      const value = time.getAttribute('datetime');
      const minutes = /^PT(\d+)M$/.exec(value);
      const date = new Date(value);
      if (minutes) time.textContent = t('minRead', minutes[1]);
      else if (!Number.isNaN(date.getTime())) {
        // A bare date is parsed as UTC midnight: show that day, not the evening before.
        const zone = /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? { timeZone: 'UTC' } : {};
        time.textContent = date.toLocaleDateString(lang, { year: 'numeric', month: 'long', day: 'numeric', ...zone });
      }
    }
    for (const link of article.querySelectorAll('.dc-original')) link.textContent = t('viewOriginal');
  }

  // A control: `name` is its stable handle (data-control) and the message key of its label,
  // which is also its text unless a symbol stands for it.
  function button(name, symbol, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.control = name;
    label(b, t(name));
    b.textContent = symbol ?? b.title;
    b.addEventListener('click', onClick);
    return b;
  }

  // What a control says it does, to the pointer (title) and to assistive technology alike.
  function label(control, text) {
    control.title = text;
    control.setAttribute('aria-label', text);
  }

  function select(name, options, selected, onChange) {
    const s = document.createElement('select');
    s.dataset.control = name;
    s.setAttribute('aria-label', t(name));
    for (const [value, label] of options) s.append(new Option(label, String(value), false, value === selected));
    s.addEventListener('change', () => onChange(s.value));
    return s;
  }

  // The host of a closed shadow root: a plain <div>, because a custom element name is the page's
  // to define first (its constructor would run on our element, `disabledFeatures = ['shadow']`
  // would refuse our shadow root, `attachInternals()` would hand the page our closed root).
  // Tests find it by its data-declutter-ui attribute; the page's CSS cannot reach it (reader-css.js).
  function createHost(name) {
    const host = document.createElement('div');
    host.setAttribute('data-declutter-ui', name);
    return host;
  }

  function sheet(css) {
    const s = new CSSStyleSheet();
    s.replaceSync(css);
    return s;
  }

  let styles = null;

  // `onAction(type)`: a page control chosen in the reader's page menu. `markdown()`: a promise of
  // the same article as Markdown (from the wasm), for the Keep menu.
  function open(tree, prefs, { onClose, onPrefs, onAction, markdown }) {
    const state = { ...prefs };
    const previousFocus = focusedElement();
    const scroll = [window.scrollX, window.scrollY];
    const host = createHost('reader');
    const shadow = host.attachShadow({ mode: 'closed' });
    styles ??= sheet(DECLUTTER_READER_CSS);
    shadow.adoptedStyleSheets = [styles];

    const dialog = document.createElement('div');
    dialog.className = 'dc-dialog';
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.tabIndex = -1;

    const article = build(tree, false);
    localize(article);
    const title = article.querySelector('h1');
    if (title) {
      title.id = 'dc-title';
      dialog.setAttribute('aria-labelledby', 'dc-title');
    }
    const status = document.createElement('span');
    status.className = 'dc-status';
    status.setAttribute('role', 'status');
    // The article scrolls in here; focusable, so that arrow keys and Space scroll it.
    const scroller = document.createElement('div');
    scroller.className = 'dc-scroll';
    scroller.tabIndex = 0;
    const speech = readAloud(article, scroller, state, { button, select, label });
    const contents = contentsMenu(article, scroller);
    followInPageLinks(article, scroller);
    openLinksInReader(article, (reply) => {
      if (reply?.reader) toast('linkOpenedReader');
      else toast('linkOpenedPlain', reply?.site ?? reply?.error ?? '');
    });
    const keep = DeclutterExport.menu({
      article,
      markdown,
      settings: () => ({ ...state }),
      status: (text) => {
        status.textContent = text;
      },
    });

    const toolbar = document.createElement('div');
    toolbar.className = 'dc-toolbar';
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', t('toolbar'));
    const named = (keys) => Object.entries(keys).map(([value, key]) => [value, t(key)]);
    const step = (list, value, by) => list[Math.max(0, Math.min(list.length - 1, nearest(list, value) + by))];
    const size = (by) => update({ size: step(SIZES, state.size, by) });
    toolbar.append(
      select('font', named(FONTS), state.font, (font) => update({ font })),
      button('smaller', 'A−', () => size(-1)),
      button('larger', 'A+', () => size(1)),
      button('narrower', '⇤⇥', () => update({ width: step(WIDTHS, state.width, -1) })),
      button('wider', '⇠⇢', () => update({ width: step(WIDTHS, state.width, 1) })),
      button('lineSpacing', '☰', () => update({ lineHeight: LINE_HEIGHTS[(nearest(LINE_HEIGHTS, state.lineHeight) + 1) % LINE_HEIGHTS.length] })),
      select('theme', named(THEMES), state.theme, (theme) => update({ theme })),
      speech.controls,
      ...readingAids(state, (change) => update(change), (text) => {
        status.textContent = text;
      }),
      ...(contents ? [contents.element] : []),
      keep.element,
      button('print', null, () => window.print()),
      ...pageActions(onAction),
      button('close', '✕', () => onClose()),
      status,
    );

    // Multi-page articles (join-pages.js): the following pages go at the end of the body, and
    // the toolbar says which page is loading, with a Stop button.
    const body = article.querySelector('.dc-body') ?? article;
    const pages = document.createElement('span');
    pages.className = 'dc-pages';
    pages.setAttribute('role', 'status');
    toolbar.append(pages);
    let pageStop = null;

    scroller.append(article);
    // How far into the article the person is.
    const bar = document.createElement('div');
    bar.className = 'dc-progress';
    bar.setAttribute('role', 'progressbar');
    bar.setAttribute('aria-label', t('progress'));
    bar.setAttribute('aria-valuemin', '0');
    bar.setAttribute('aria-valuemax', '100');
    dialog.append(toolbar, bar, scroller);
    shadow.append(dialog);
    followCurrentBlock(article, scroller);
    const position = trackPosition({
      article,
      scroller,
      bar,
      href: location.href,
      moveTo: (el) => moveTo(scroller, el),
      // Offered in the toolbar's status line, as a button.
      offer(onContinue) {
        const go = document.createElement('button');
        go.type = 'button';
        go.dataset.control = 'continueReading';
        go.textContent = t('continueReading');
        go.addEventListener('click', () => {
          go.remove();
          onContinue();
        });
        status.replaceChildren(go);
      },
    });

    dialog.style.setProperty('--dc-legible', `'${LEGIBLE_FAMILY}'`);
    function apply() {
      applyLook(dialog, state);
      showLegibleFont(state.font === 'legible').catch((e) => console.warn('declutter: the legible font did not load', e));
      applyReadingAids(dialog, state);
    }
    function update(change) {
      Object.assign(state, change);
      apply();
      onPrefs({ ...state });
    }
    apply();

    // Tab order is document order (nothing here has a positive tabindex), so the trap moves
    // focus itself: the next or previous visible control, wrapping around at either end.
    function cycleFocus(backwards) {
      const stops = [...dialog.querySelectorAll(FOCUSABLE)].filter((el) => el.checkVisibility());
      const at = stops.indexOf(shadow.activeElement);
      const next = at === -1 ? (backwards ? stops.length - 1 : 0) : (at + (backwards ? -1 : 1) + stops.length) % stops.length;
      stops[next]?.focus();
    }

    // Keys a page script dispatches are not the user's: only trusted events act.
    const onKey = (e) => {
      if (!e.isTrusted) return;
      // Escape closes an open menu first, then the reader.
      if (e.key === 'Escape') contents?.close() || keep.close() || onClose();
      else if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) cycleFocus(e.shiftKey);
      else if (!e.composedPath().includes(host)) return;
      else if (e.key === '+' || e.key === '=') size(1);
      else if (e.key === '-') size(-1);
      else return;
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    // Focus that leaves for the page (a page script calling focus()) comes back to the reader.
    const onFocusIn = (e) => {
      if (e.target !== host) scroller.focus({ preventScroll: true });
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('focusin', onFocusIn, true);

    document.documentElement.setAttribute('data-declutter-reading', '');
    document.documentElement.append(host);
    scroller.focus({ preventScroll: true });

    return {
      host,
      // `nodes`: a following page's body blocks (article tree nodes), after a marker `label`.
      appendPage(nodes, label) {
        const marker = document.createElement('p');
        marker.className = 'dc-page';
        marker.textContent = label;
        const wrapper = document.createElement('div');
        for (const node of nodes) wrapper.append(build(node, false));
        localize(wrapper);
        contents?.addHeadings(wrapper);
        body.append(marker, ...wrapper.childNodes);
      },
      // What is loading and a way to stop it; `joining(null)` when nothing is.
      // Only the text changes from page to page: keyboard focus stays on the Stop button.
      joining(text, onStop) {
        if (text === null) return pages.replaceChildren();
        if (!pages.firstChild) {
          const stop = button('stopPages', null, () => pageStop());
          pages.append(document.createElement('span'), ' ', stop);
        }
        pageStop = onStop;
        pages.firstChild.textContent = text;
      },
      close() {
        speech.stop();
        position.stop();
        showLegibleFont(false).catch(() => {});
        window.removeEventListener('keydown', onKey, true);
        window.removeEventListener('focusin', onFocusIn, true);
        host.remove();
        document.documentElement.removeAttribute('data-declutter-reading');
        window.scrollTo(scroll[0], scroll[1]);
        refocus(previousFocus);
      },
    };
  }

  // The page controls in the reader's toolbar (extension/controls.js does them): the wrong
  // article, and a menu with what the toolbar button's context menu offers for the page.
  function pageActions(onAction) {
    if (!onAction) return [];
    const actions = {
      pick: 'notArticle', peek: 'menuPeek', zap: 'menuZap', report: 'menuReport',
      always: 'menuAlways', never: 'menuNever', readerAuto: 'menuReaderAuto',
    };
    const menu = select('pageMenu', [['', t('pageMenu')], ...Object.entries(actions).slice(1).map(([v, k]) => [v, t(k)])], '', (value) => {
      menu.value = '';
      onAction(value);
    });
    return [button('notArticle', null, () => onAction('pick')), menu];
  }

  // The element that has focus, inside the page's shadow roots too (document.activeElement stops
  // at the outermost host). Closed roots are reached through the extension APIs made for it.
  const SHADOW_ROOT = Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot').get;
  const ACTIVE_IN_ROOT = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'activeElement').get;
  // Firefox gives content scripts Element.openOrClosedShadowRoot, Chrome the chrome.dom API.
  const CHROME_DOM = globalThis.chrome?.dom;
  function shadowRootOf(el) {
    try {
      if ('openOrClosedShadowRoot' in el) return el.openOrClosedShadowRoot ?? null;
      if (CHROME_DOM?.openOrClosedShadowRoot) return CHROME_DOM.openOrClosedShadowRoot(el) ?? null;
      return SHADOW_ROOT.call(el);
    } catch {
      return null; // not an element that can host a shadow root
    }
  }
  function focusedElement() {
    let el = document.activeElement;
    for (let root = el && shadowRootOf(el); root; root = shadowRootOf(el)) {
      const inner = ACTIVE_IN_ROOT.call(root);
      if (!inner) break;
      el = inner;
    }
    return el;
  }

  function refocus(el) {
    const focus = el instanceof HTMLElement ? HTMLElement.prototype.focus : el instanceof SVGElement ? SVGElement.prototype.focus : null;
    focus?.call(el, { preventScroll: true });
  }

  function nearest(list, value) {
    let best = 0;
    list.forEach((v, i) => {
      if (Math.abs(v - value) < Math.abs(list[best] - value)) best = i;
    });
    return best;
  }

  // A short message in its own closed shadow root that removes itself.
  function toast(key, ...substitutions) {
    const host = createHost('toast');
    const shadow = host.attachShadow({ mode: 'closed' });
    shadow.adoptedStyleSheets = [sheet(DECLUTTER_TOAST_CSS)];
    const box = document.createElement('div');
    box.setAttribute('role', 'status');
    box.textContent = `declutter: ${t(key, ...substitutions)}`;
    shadow.append(box);
    document.documentElement.append(host);
    setTimeout(() => host.remove(), 3000);
  }

  return { open, toast };
})();
