// Reading your way: a focus mode that dims every block but the one being read, images hidden or
// shown, and custom text and background colours, refused when they would be hard to read. All
// three are reader settings (storage.sync, settings.js), applied by the overlay's apply().
import { declutterMessage as t } from './i18n.js';

// WCAG 2 relative luminance of a #rrggbb colour, and the contrast ratio of two.
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
// WCAG AA for body text.
export const MIN_CONTRAST = 4.5;

// The toolbar controls: `state` the reader's settings, `update(change)` saves and applies them,
// `status(text)` says what happened.
export function readingAids(state, update, status) {
  const toggle = (name, on, flip) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.control = name;
    b.textContent = t(name);
    b.setAttribute('aria-pressed', String(on()));
    b.addEventListener('click', () => {
      flip();
      b.setAttribute('aria-pressed', String(on()));
    });
    return b;
  };
  const focus = toggle('focusMode', () => state.focus, () => update({ focus: !state.focus }));
  const images = toggle('hideImages', () => !state.images, () => update({ images: !state.images }));

  const colours = document.createElement('span');
  colours.className = 'dc-colours';
  const input = (name, value) => {
    const i = document.createElement('input');
    i.type = 'color';
    i.dataset.control = name;
    i.value = value;
    i.title = t(name);
    i.setAttribute('aria-label', t(name));
    return i;
  };
  const fg = input('textColour', state.fg || '#1f2328');
  const bg = input('backgroundColour', state.bg || '#fbfbf8');
  const apply = document.createElement('button');
  apply.type = 'button';
  apply.dataset.control = 'applyColours';
  apply.textContent = t('applyColours');
  apply.addEventListener('click', () => {
    const ratio = contrast(fg.value, bg.value);
    if (ratio < MIN_CONTRAST) {
      status(t('coloursRefused', ratio.toFixed(1)));
      return;
    }
    update({ fg: fg.value, bg: bg.value });
    status('');
  });
  const reset = document.createElement('button');
  reset.type = 'button';
  reset.dataset.control = 'resetColours';
  reset.textContent = t('resetColours');
  reset.addEventListener('click', () => update({ fg: '', bg: '' }));
  colours.append(fg, bg, apply, reset);
  return [focus, images, colours];
}

// Applies the settings to the dialog.
export function applyReadingAids(dialog, state) {
  dialog.toggleAttribute('data-focus', Boolean(state.focus));
  dialog.dataset.images = state.images === false ? 'hidden' : 'shown';
  const hex = /^#[0-9a-f]{6}$/i;
  const custom = hex.test(state.fg) && hex.test(state.bg) && contrast(state.fg, state.bg) >= MIN_CONTRAST;
  for (const [name, value] of [['--dc-fg', state.fg], ['--dc-bg', state.bg], ['--dc-muted', state.fg], ['--dc-link', state.fg]]) {
    if (custom) dialog.style.setProperty(name, value);
    else dialog.style.removeProperty(name);
  }
}

// Focus mode's current block: the one across a line a third of the way down the reader.
// The blocks are looked up on each scroll: a multi-page article grows while it is read.
export function followCurrentBlock(article, scroller) {
  let current = null;
  function mark() {
    const blocks = article.querySelectorAll('.dc-body > *');
    const box = scroller.getBoundingClientRect();
    const line = box.top + box.height / 3;
    const next = [...blocks].find((b) => b.getBoundingClientRect().bottom >= line) ?? null;
    if (next === current) return;
    current?.classList.remove('dc-current');
    next?.classList.add('dc-current');
    current = next;
  }
  scroller.addEventListener('scroll', mark, { passive: true });
  requestAnimationFrame(mark);
}
