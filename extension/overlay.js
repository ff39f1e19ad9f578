// The reader overlay: a closed shadow root on a host element appended to <html>, built from the
// article tree that the wasm renderer returns. Elements are created one by one from a fixed
// allow-list (never innerHTML), so page markup cannot become live here even if a bug let it into
// the tree; URLs are checked again before they are set.
//
// Also here: the controls (font, size, width, line height, theme, read aloud, print), keyboard
// (Esc closes, +/- font size), focus handling, and the "no article found" toast.
const DeclutterOverlay = (() => {
  const MATHML = 'http://www.w3.org/1998/Math/MathML';
  const TAGS = new Set([
    'article', 'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'span', 'a', 'em',
    'strong', 'code', 'pre', 'sub', 'sup', 'br', 'hr', 'ul', 'ol', 'li', 'blockquote', 'figure',
    'figcaption', 'img', 'small', 'time', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td',
    'div', 'section',
  ]);
  const MATH_TAGS = new Set([
    'math', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'msub', 'msup', 'msubsup', 'mfrac',
    'msqrt', 'mroot', 'munder', 'mover', 'munderover', 'mtable', 'mtr', 'mtd', 'mstyle', 'mpadded',
    'mphantom', 'menclose', 'semantics', 'annotation',
  ]);
  const ATTRS = new Set([
    'class', 'href', 'src', 'alt', 'lang', 'dir', 'datetime', 'colspan', 'rowspan', 'loading',
    'referrerpolicy', 'rel', 'width', 'height', 'id', 'display', 'mathvariant',
  ]);
  const SIZES = [14, 16, 18, 20, 22, 24, 28, 32];
  const WIDTHS = [30, 34, 38, 42, 48];
  const LINE_HEIGHTS = [1.4, 1.5, 1.6, 1.75, 1.9];
  const THEMES = ['system', 'light', 'sepia', 'dark'];
  const FONTS = { serif: 'Serif', sans: 'Sans', mono: 'Mono' };

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

  function localizeDates(root) {
    for (const t of root.querySelectorAll('time[datetime]')) {
      const d = new Date(t.getAttribute('datetime'));
      if (!Number.isNaN(d.getTime())) {
        t.textContent = d.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
      }
    }
  }

  function button(label, title, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.title = title;
    b.setAttribute('aria-label', title);
    b.addEventListener('click', onClick);
    return b;
  }

  function sheet(css) {
    const s = new CSSStyleSheet();
    s.replaceSync(css);
    return s;
  }

  let styles = null;

  function open(tree, prefs, { onClose, onPrefs }) {
    const state = { ...prefs };
    const previousFocus = document.activeElement;
    const scroll = [window.scrollX, window.scrollY];
    const host = document.createElement('declutter-reader');
    const shadow = host.attachShadow({ mode: 'closed' });
    styles ??= sheet(DECLUTTER_READER_CSS);
    shadow.adoptedStyleSheets = [styles];

    const dialog = document.createElement('div');
    dialog.className = 'dc-dialog';
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.tabIndex = -1;

    const article = build(tree, false);
    localizeDates(article);
    const title = article.querySelector('h1');
    if (title) {
      title.id = 'dc-title';
      dialog.setAttribute('aria-labelledby', 'dc-title');
    }
    const speech = readAloud(article, state);

    const toolbar = document.createElement('div');
    toolbar.className = 'dc-toolbar';
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', 'Reader settings');
    const fonts = document.createElement('select');
    fonts.setAttribute('aria-label', 'Font');
    for (const [value, label] of Object.entries(FONTS)) fonts.append(new Option(label, value, false, value === state.font));
    fonts.addEventListener('change', () => update({ font: fonts.value }));
    const themes = document.createElement('select');
    themes.setAttribute('aria-label', 'Theme');
    for (const t of THEMES) themes.append(new Option(t === 'system' ? 'Auto' : t[0].toUpperCase() + t.slice(1), t, false, t === state.theme));
    themes.addEventListener('change', () => update({ theme: themes.value }));
    const step = (list, value, by) => list[Math.max(0, Math.min(list.length - 1, nearest(list, value) + by))];
    const size = (by) => update({ size: step(SIZES, state.size, by) });
    toolbar.append(
      fonts,
      button('A−', 'Smaller text', () => size(-1)),
      button('A+', 'Larger text', () => size(1)),
      button('⇤⇥', 'Narrower column', () => update({ width: step(WIDTHS, state.width, -1) })),
      button('⇠⇢', 'Wider column', () => update({ width: step(WIDTHS, state.width, 1) })),
      button('☰', 'Line spacing', () => update({ lineHeight: LINE_HEIGHTS[(nearest(LINE_HEIGHTS, state.lineHeight) + 1) % LINE_HEIGHTS.length] })),
      themes,
      speech.controls,
      button('Print', 'Print the article', () => window.print()),
      button('✕', 'Close reader (Esc)', () => onClose()),
    );

    const scroller = document.createElement('div');
    scroller.className = 'dc-scroll';
    scroller.append(article);
    dialog.append(toolbar, scroller);
    shadow.append(dialog);

    function apply() {
      dialog.dataset.theme = state.theme;
      dialog.dataset.font = state.font;
      dialog.style.setProperty('--dc-size', `${state.size}px`);
      dialog.style.setProperty('--dc-width', `${state.width}em`);
      dialog.style.setProperty('--dc-line', String(state.lineHeight));
    }
    function update(change) {
      Object.assign(state, change);
      apply();
      onPrefs({ ...state });
    }
    apply();

    const onKey = (e) => {
      if (e.key === 'Escape') onClose();
      else if (!e.composedPath().includes(host)) return;
      else if (e.key === '+' || e.key === '=') size(1);
      else if (e.key === '-') size(-1);
      else return;
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    window.addEventListener('keydown', onKey, true);

    document.documentElement.setAttribute('data-declutter-reading', '');
    document.documentElement.append(host);
    dialog.focus({ preventScroll: true });

    return {
      host,
      close() {
        speech.stop();
        window.removeEventListener('keydown', onKey, true);
        host.remove();
        document.documentElement.removeAttribute('data-declutter-reading');
        window.scrollTo(scroll[0], scroll[1]);
        if (previousFocus && typeof previousFocus.focus === 'function') previousFocus.focus({ preventScroll: true });
      },
    };
  }

  function nearest(list, value) {
    let best = 0;
    list.forEach((v, i) => {
      if (Math.abs(v - value) < Math.abs(list[best] - value)) best = i;
    });
    return best;
  }

  // Read aloud with the browser's speech synthesis, one block at a time, the block highlighted.
  function readAloud(article, state) {
    const controls = document.createElement('span');
    controls.className = 'dc-speech';
    const synth = globalThis.speechSynthesis;
    if (!synth) return { controls, stop() {} };
    const blocks = [...article.querySelectorAll('h1, .dc-body > *:not(figure), .dc-body li')].filter(
      (b) => b.textContent.trim() && !b.querySelector('li'),
    );
    let index = 0;
    let playing = false;
    const play = button('▶', 'Read aloud', toggle);
    const rate = document.createElement('select');
    rate.setAttribute('aria-label', 'Reading speed');
    for (const r of [0.8, 1, 1.25, 1.5, 2]) rate.append(new Option(`${r}×`, String(r), false, r === state.rate));
    rate.addEventListener('change', () => {
      state.rate = Number(rate.value);
      if (playing) {
        synth.cancel();
        speak();
      }
    });
    controls.append(play, rate);

    function highlight(on) {
      blocks.forEach((b, i) => b.classList.toggle('dc-speaking', on && i === index));
    }
    function speak() {
      if (index >= blocks.length) return stop();
      const u = new SpeechSynthesisUtterance(blocks[index].textContent);
      u.lang = article.getAttribute('lang') || document.documentElement.lang || '';
      u.rate = state.rate;
      u.onend = () => {
        if (!playing) return;
        index += 1;
        speak();
      };
      // No voice installed, or the engine refused: stop rather than race through the article.
      u.onerror = (e) => {
        if (e.error !== 'interrupted' && e.error !== 'canceled') {
          stop();
          play.title = `Read aloud is not available here (${e.error})`;
        }
      };
      highlight(true);
      blocks[index].scrollIntoView({ block: 'center', behavior: 'smooth' });
      synth.speak(u);
    }
    function toggle() {
      playing = !playing;
      play.textContent = playing ? '❚❚' : '▶';
      play.title = playing ? 'Pause reading' : 'Read aloud';
      if (playing && synth.paused) synth.resume();
      else if (playing) speak();
      else synth.pause();
    }
    function stop() {
      playing = false;
      synth.cancel();
      highlight(false);
      play.textContent = '▶';
      index = 0;
    }
    return { controls, stop };
  }

  // A short message in its own closed shadow root that removes itself.
  function toast(message) {
    const host = document.createElement('declutter-toast');
    const shadow = host.attachShadow({ mode: 'closed' });
    shadow.adoptedStyleSheets = [sheet(DECLUTTER_TOAST_CSS)];
    const box = document.createElement('div');
    box.setAttribute('role', 'status');
    box.textContent = `declutter: ${message}`;
    shadow.append(box);
    document.documentElement.append(host);
    setTimeout(() => host.remove(), 3000);
  }

  return { open, toast };
})();
