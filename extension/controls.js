// The person's controls on the page itself: show what was hidden (peek), hide one more element
// (zapper), pick the article for the reader, give scrolling back, and the report.
//
// content.js owns the marks and the reader; it hands this module a small API (attach). Our UI
// lives in closed shadow roots on hosts of our own, never in page markup, so page styles and
// scripts cannot reach it. What a person decides is stored per site (site-rules.js) and applied
// whenever declutter runs on the site.
import { declutterMessage } from './i18n.js';
import { DeclutterOverlay } from './overlay.js';
import { DeclutterSelectors } from './selectors.js';
import { loadDeclutterSettings } from './settings.js';
import { declutterSiteKey, loadSiteRules, updateSiteRules } from './site-rules.js';

export const DeclutterControls = (() => {
  const HIDDEN_ATTR = 'data-declutter-hidden';
  const UNLOCK_ATTR = 'data-declutter-unlock';
  const UNBLUR_ATTR = 'data-declutter-unblur';
  const PEEK_ATTR = 'data-declutter-peek';
  // Kinds that come as a modal: hiding one may have to give scrolling back.
  const MODAL_KINDS = new Set(['consent', 'newsletter', 'overlay', 'user']);
  const t = declutterMessage;
  const KIND_NAMES = {
    ad: 'optionsKindAd', newsletter: 'optionsKindNewsletter', share: 'optionsKindShare', consent: 'optionsKindConsent',
    recommendation: 'optionsKindRecommendation', overlay: 'optionsKindOverlay', user: 'kindUser',
  };
  const host = location.hostname;

  let api = null; // from content.js: { page, markElement, unmark, notifyBadge, openReader, closeReader, peekInShadowRoots }
  let site = { zaps: [], keep: [] };
  const siteLoaded = loadSiteRules(host).then((rules) => (site = rules)).catch(() => site);
  chrome.storage.onChanged.addListener((changes) => {
    const change = changes[declutterSiteKey(host)];
    if (change) site = { zaps: [], keep: [], ...change.newValue };
  });

  // --- the person's rules -------------------------------------------------------------------
  const keeps = (el) => site.keep.some((rule) => DeclutterSelectors.matches(el, rule));

  // Marks what the person's own hide rules match now; true when something new was hidden.
  function applyZaps() {
    let changed = false;
    for (const rule of site.zaps) {
      for (const el of DeclutterSelectors.find(rule)) {
        if (!el.closest(`[${HIDDEN_ATTR}]`)) changed = api.markElement(el, 'user', 'your-rule') || changed;
      }
    }
    if (changed) afterChange();
    return changed;
  }

  // Re-rendered pages put a zapped element back: look again once per frame while rules exist.
  let zapWatch = null;
  function watchZaps() {
    if (zapWatch || site.zaps.length === 0) return;
    let scheduled = false;
    zapWatch = new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        applyZaps();
      });
    });
    zapWatch.observe(document.documentElement, { childList: true, subtree: true });
  }
  function stopWatchingZaps() {
    zapWatch?.disconnect();
    zapWatch = null;
  }

  function afterChange() {
    updateScrollLock();
    api.notifyBadge();
    if (peekLayer) peekLayer.refresh();
  }

  // --- scrolling that a hidden modal locked -------------------------------------------------
  // A consent or newsletter modal usually locks the page under it: overflow:hidden or
  // position:fixed on html/body, `inert` on the rest, a blur filter. While such a modal is hidden
  // we override these with our attributes (the hiding stylesheet gives them !important user
  // rules) and lift `inert`; restoring puts every one back as it was.
  const unlocked = { marked: [], inert: [] };
  let lockWatch = null;

  function modalHidden() {
    return api.page.marked.some((el) => MODAL_KINDS.has(el.getAttribute(HIDDEN_ATTR)));
  }

  function updateScrollLock() {
    if (!modalHidden()) return relock();
    for (const el of [document.documentElement, document.body].filter(Boolean)) {
      const style = getComputedStyle(el);
      const words = [];
      if (/hidden|clip/.test(style.overflowY) || /hidden|clip/.test(style.overflow)) words.push('overflow');
      if (style.position === 'fixed') words.push('fixed');
      const had = el.getAttribute(UNLOCK_ATTR)?.split(' ') ?? [];
      const all = [...new Set([...had, ...words])];
      if (all.length > had.length) {
        el.setAttribute(UNLOCK_ATTR, all.join(' '));
        if (!unlocked.marked.includes(el)) unlocked.marked.push(el);
      }
    }
    // Blur is put on the page's wrapper: look at the top three levels only.
    const near = document.body ? [document.body, ...document.body.querySelectorAll(':scope > *, :scope > * > *')] : [];
    for (const el of near) {
      if (el.hasAttribute(HIDDEN_ATTR) || el.hasAttribute(UNBLUR_ATTR)) continue;
      if (/blur\(/.test(getComputedStyle(el).filter)) {
        el.setAttribute(UNBLUR_ATTR, '');
        unlocked.marked.push(el);
      }
    }
    for (const el of document.querySelectorAll('[inert]')) {
      if (el.closest(`[${HIDDEN_ATTR}]`)) continue;
      el.removeAttribute('inert');
      unlocked.inert.push(el);
    }
    // The page may lock a moment after showing its modal (a class on body after an animation).
    if (!lockWatch) {
      lockWatch = new MutationObserver(() => modalHidden() && updateScrollLock());
      for (const el of [document.documentElement, document.body].filter(Boolean)) {
        lockWatch.observe(el, { attributes: true, attributeFilter: ['class', 'style', 'inert'] });
      }
    }
  }

  function relock() {
    lockWatch?.disconnect();
    lockWatch = null;
    for (const el of unlocked.marked) {
      el.removeAttribute(UNLOCK_ATTR);
      el.removeAttribute(UNBLUR_ATTR);
    }
    for (const el of unlocked.inert) el.setAttribute('inert', '');
    unlocked.marked = [];
    unlocked.inert = [];
  }

  // --- our own UI hosts ---------------------------------------------------------------------
  // A plain <div> host, as the reader's (overlay.js says why: a custom element name is the
  // page's to define first); tests find it by data-declutter-ui.
  function layer(name, css) {
    const el = document.createElement('div');
    el.setAttribute('data-declutter-ui', name);
    const shadow = el.attachShadow({ mode: 'closed' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    document.documentElement.append(el);
    return { el, shadow };
  }

  const UI_CSS = `
    :host { all: initial !important; }
    .bar { position: fixed; z-index: 2147483647; left: 50%; top: 8px; transform: translateX(-50%);
      font: 13px/1.4 system-ui, sans-serif; color: #fff; background: #1f2328; border-radius: 6px;
      padding: 6px 10px; box-shadow: 0 2px 8px rgba(0,0,0,.3); display: flex; gap: 8px; align-items: center; }
    .bar button { font: inherit; color: #1f2328; background: #fff; border: 0; border-radius: 4px; padding: 2px 8px; cursor: pointer; }
    .box { position: fixed; z-index: 2147483646; pointer-events: none; outline: 2px solid #d1242f;
      background: rgba(209,36,47,.12); }
    .box .what { position: absolute; left: 0; top: -20px; font: 12px/18px ui-monospace, monospace; color: #fff;
      background: #d1242f; padding: 0 4px; white-space: nowrap; max-width: 60vw; overflow: hidden; text-overflow: ellipsis; }
    .tag { position: absolute; z-index: 2147483646; font: 12px/1.3 system-ui, sans-serif; color: #fff;
      background: #8a1c1c; border: 0; border-radius: 3px; padding: 2px 6px; cursor: pointer; max-width: 40em;
      text-align: left; box-shadow: 0 1px 4px rgba(0,0,0,.35); }
    .tag:hover, .tag:focus { background: #1a7f37; outline: 2px solid #fff; }
    .tag b { font-weight: 600; }
    pre { font: 12px/1.4 ui-monospace, monospace; white-space: pre-wrap; max-height: 50vh; overflow: auto;
      background: #fff; color: #1f2328; padding: 8px; margin: 0; max-width: 70vw; user-select: text; }
    .panel { flex-direction: column; align-items: stretch; }
  `;

  // --- peek: show what was hidden -----------------------------------------------------------
  let peekLayer = null;

  function peek() {
    if (peekLayer) return endPeek();
    api.closeReader(true);
    const { el, shadow } = layer('peek', UI_CSS);
    el.style.setProperty('position', 'absolute', 'important');
    el.style.setProperty('top', '0', 'important');
    el.style.setProperty('left', '0', 'important');
    document.documentElement.setAttribute(PEEK_ATTR, '');
    api.peekInShadowRoots(true);
    const bar = document.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'status');
    const count = document.createElement('span');
    const done = uiButton(t('peekDone'), endPeek);
    bar.append(count, done);
    const tags = document.createElement('div');
    shadow.append(bar, tags);
    const onKey = (e) => {
      if (e.isTrusted && e.key === 'Escape') {
        e.stopImmediatePropagation();
        endPeek();
      }
    };
    window.addEventListener('keydown', onKey, true);

    function refresh() {
      tags.replaceChildren();
      count.textContent = t('peekCount', String(api.page.marked.length));
      for (const target of api.page.marked) {
        const rect = target.getBoundingClientRect();
        const tag = document.createElement('button');
        tag.type = 'button';
        tag.className = 'tag';
        tag.dataset.kind = target.getAttribute(HIDDEN_ATTR);
        const kind = document.createElement('b');
        kind.textContent = `${tag.dataset.kind}: ${t(KIND_NAMES[tag.dataset.kind] ?? 'kindUser')}`;
        tag.append(kind, ` · ${api.page.rules.get(target) ?? ''} · ${t('peekBringBack')}`);
        tag.title = DeclutterSelectors.describe(target);
        tag.style.left = `${Math.max(0, rect.left + scrollX)}px`;
        tag.style.top = `${Math.max(0, rect.top + scrollY)}px`;
        tag.addEventListener('click', (e) => e.isTrusted && bringBack(target));
        tags.append(tag);
      }
    }
    peekLayer = { el, refresh, onKey };
    refresh();
    addEventListener('resize', refresh);
  }

  function endPeek() {
    if (!peekLayer) return;
    removeEventListener('resize', peekLayer.refresh);
    window.removeEventListener('keydown', peekLayer.onKey, true);
    peekLayer.el.remove();
    peekLayer = null;
    document.documentElement.removeAttribute(PEEK_ATTR);
    api.peekInShadowRoots(false);
  }

  // One hidden element back, and an exception for the site so that it stays back.
  async function bringBack(el) {
    const kind = el.getAttribute(HIDDEN_ATTR);
    const rule = DeclutterSelectors.ruleFor(el);
    api.unmark(el);
    afterChange();
    await siteLoaded;
    await updateSiteRules(host, (rules) => {
      if (kind === 'user') rules.zaps = rules.zaps.filter((z) => !DeclutterSelectors.matches(el, z));
      else if (!rules.keep.some((k) => k.selector === rule.selector)) rules.keep.push(rule);
    }).catch((e) => DeclutterOverlay.toast('toastStoreFailed', e?.message ?? e));
  }

  function uiButton(text, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.addEventListener('click', onClick);
    return b;
  }

  // --- choosing an element: the zapper and the article picker -------------------------------
  // Hover outlines the element under the pointer; ArrowUp/ArrowDown move to the parent and back
  // down; a click (or Enter) chooses; Esc ends. Page handlers see none of these events.
  let chooser = null;

  function choose(hint, onChoose, { once }) {
    endChoosing();
    const { el, shadow } = layer('chooser', UI_CSS);
    const bar = document.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'status');
    bar.append(hint, uiButton(t('chooseDone'), () => endChoosing()));
    const box = document.createElement('div');
    box.className = 'box';
    const what = document.createElement('span');
    what.className = 'what';
    box.append(what);
    shadow.append(bar, box);
    let current = null;
    let down = []; // the path ArrowUp climbed, for ArrowDown to come back

    function show(target) {
      current = target;
      if (!target) {
        box.style.display = 'none';
        return;
      }
      const r = target.getBoundingClientRect();
      Object.assign(box.style, { display: 'block', left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
      what.textContent = DeclutterSelectors.describe(target);
    }
    const pageElement = (target) => target instanceof Element && target !== el && target !== document.documentElement && target !== document.body;
    // Only the person's input counts: a page script's synthetic events choose nothing.
    const onMove = (e) => {
      if (!e.isTrusted || e.composedPath().includes(el)) return;
      const target = e.target;
      if (pageElement(target) && target !== current && !down.length) show(target);
    };
    const onPointer = (e) => {
      if (!e.isTrusted || e.composedPath().includes(el)) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      if (e.type === 'click') act(pageElement(e.target) && !down.length ? e.target : current);
    };
    const onKey = (e) => {
      if (!e.isTrusted) return;
      if (e.key === 'Escape') endChoosing();
      else if (e.key === 'ArrowUp' && current && pageElement(current.parentElement)) {
        down.push(current);
        show(current.parentElement);
      } else if (e.key === 'ArrowDown' && current) {
        const next = down.pop() ?? current.firstElementChild;
        if (next) show(next);
      } else if (e.key === 'Enter' && current) act(current);
      else return;
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    function act(target) {
      if (!target) return;
      down = [];
      onChoose(target);
      if (once) endChoosing();
      else show(null);
    }
    const pointerEvents = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'auxclick', 'contextmenu'];
    window.addEventListener('mousemove', onMove, true);
    window.addEventListener('mouseover', onMove, true);
    for (const type of pointerEvents) window.addEventListener(type, onPointer, true);
    window.addEventListener('keydown', onKey, true);
    chooser = {
      el,
      show,
      end() {
        window.removeEventListener('mousemove', onMove, true);
        window.removeEventListener('mouseover', onMove, true);
        for (const type of pointerEvents) window.removeEventListener(type, onPointer, true);
        window.removeEventListener('keydown', onKey, true);
        el.remove();
      },
    };
  }

  function endChoosing() {
    chooser?.end();
    chooser = null;
  }

  async function zap(el) {
    const rule = DeclutterSelectors.ruleFor(el);
    api.markElement(el, 'user', 'your-rule');
    afterChange();
    await siteLoaded;
    await updateSiteRules(host, (rules) => {
      if (!rules.zaps.some((z) => z.selector === rule.selector)) rules.zaps.push(rule);
      rules.keep = rules.keep.filter((k) => k.selector !== rule.selector);
    }).catch((e) => DeclutterOverlay.toast('toastStoreFailed', e?.message ?? e));
    watchZaps();
  }

  function startZapper() {
    endPeek();
    api.closeReader(true);
    choose(t('zapHint'), (el) => zap(el), { once: false });
  }

  // "This is not the article": the person clicks the block that holds it; the reader opens on it
  // and the choice is remembered for the site's pages built from the same template.
  function startPicker(settings) {
    api.closeReader(true);
    choose(t('pickHint'), async (el) => {
      const rule = DeclutterSelectors.ruleFor(el);
      await api.openReader(settings, el);
      await siteLoaded;
      await updateSiteRules(host, (rules) => {
        rules.article = { selector: rule.selector };
      }).catch((e) => DeclutterOverlay.toast('toastStoreFailed', e?.message ?? e));
    }, { once: true });
  }

  // The remembered article block on this page, when the page has exactly one such block with text
  // in it (another template, or a page without it, gets the automatic choice).
  async function rememberedArticle() {
    await siteLoaded;
    if (!site.article) return null;
    const found = DeclutterSelectors.find({ selector: site.article.selector });
    return found.length === 1 && found[0].textContent.trim().length > 0 ? found[0] : null;
  }

  // --- report -------------------------------------------------------------------------------
  function reportText() {
    const lines = [
      'declutter report',
      `URL: ${location.href}`,
      `Extension version: ${chrome.runtime.getManifest().version}`,
      `Browser: ${navigator.userAgent}`,
      '',
      `Hidden now (${api.page.marked.length}):`,
    ];
    for (const el of api.page.marked) {
      const text = el.textContent.replace(/\s+/g, ' ').trim().slice(0, 60);
      lines.push(`- ${el.getAttribute(HIDDEN_ATTR)} [${api.page.rules.get(el) ?? '?'}] ${DeclutterSelectors.build(el)}${text ? ` "${text}"` : ''}`);
    }
    lines.push('', `Your rules for ${host}:`);
    for (const z of site.zaps) lines.push(`- hide ${z.selector} (text ${z.text})`);
    for (const k of site.keep) lines.push(`- keep ${k.selector} (text ${k.text})`);
    if (site.article) lines.push(`- article ${site.article.selector}`);
    for (const flag of ['always', 'never', 'reader']) if (site[flag]) lines.push(`- ${flag}`);
    if (site.zaps.length + site.keep.length === 0 && !site.article) lines.push('- none');
    return lines.join('\n') + '\n';
  }

  // Shows the report with a Copy button: the clipboard takes text from a click in the page, and
  // the report goes nowhere else.
  function report(copyNow) {
    const text = reportText();
    const { el, shadow } = layer('report', UI_CSS);
    const panel = document.createElement('div');
    panel.className = 'bar panel';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', t('reportTitle'));
    const pre = document.createElement('pre');
    pre.textContent = text;
    const status = document.createElement('span');
    status.setAttribute('role', 'status');
    const copy = () =>
      navigator.clipboard.writeText(text).then(
        () => (status.textContent = t('reportCopied')),
        () => {
          // No clipboard access: select the text for Ctrl+C.
          getSelection().selectAllChildren(pre);
          status.textContent = t('reportSelect');
        },
      );
    const close = () => el.remove();
    panel.append(pre, uiButton(t('reportCopy'), copy), uiButton(t('chooseDone'), close), status);
    shadow.append(panel);
    if (copyNow) copy();
    return text;
  }

  async function siteChoice(command) {
    const reply = await chrome.runtime.sendMessage({ type: 'control', command });
    if (reply?.error) DeclutterOverlay.toast('toastSiteAccess');
    return reply;
  }

  // --- undo ---------------------------------------------------------------------------------
  function reset() {
    endPeek();
    endChoosing();
    stopWatchingZaps();
    relock();
  }

  function attach(contentApi) {
    api = contentApi;
    return {
      keeps,
      applyZaps: () => siteLoaded.then(() => {
        applyZaps();
        watchZaps();
      }),
      afterChange,
      reset,
      rememberedArticle,
      site: () => siteLoaded.then(() => site),
      handlers: {
        peek: () => (peek(), { status: 'peek', hidden: api.page.marked.length }),
        zap: () => (startZapper(), { status: 'zapping', hidden: api.page.marked.length }),
        pick: async () => (startPicker(await loadDeclutterSettings()), { status: 'picking' }),
        report: (message) => ({ status: 'report', report: report(message.copy) }),
        // Site choices from the reader's toolbar go to the background (as the toolbar button's
        // menu does). A site not yet allowed needs the browser's prompt, which only the button's
        // menu can show (a page click is not the extension's gesture): say so.
        always: () => siteChoice('always'),
        never: () => siteChoice('never'),
        readerAuto: () => siteChoice('reader'),
      },
    };
  }

  return { attach, reportText };
})();
