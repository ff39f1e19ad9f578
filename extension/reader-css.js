// Styles of the reader overlay and the toast, adopted as constructable stylesheets by their
// closed shadow roots: neither the page's CSS nor its CSP (style-src) can reach or block them.
// The host rules are !important: for important declarations the shadow tree's own win over the
// page's (CSS Cascade 4, shadow context), so `div{display:none!important}` in the page cannot
// hide or restyle the host.
export const DECLUTTER_READER_CSS = `
:host {
  all: initial !important; position: fixed !important; inset: 0 !important; z-index: 2147483647 !important;
  display: block !important; visibility: visible !important; opacity: 1 !important;
}
.dc-dialog {
  --dc-bg: #fbfbf8; --dc-fg: #1f2328; --dc-muted: #5b6370; --dc-link: #0b57a4; --dc-rule: #dcdcd6;
  --dc-code-bg: #f0f0ec; --dc-mark: #fff1a8;
  position: absolute; inset: 0; display: flex; flex-direction: column;
  background: var(--dc-bg); color: var(--dc-fg); outline: none;
  font-size: var(--dc-size, 20px); line-height: var(--dc-line, 1.6);
  font-family: Charter, 'Iowan Old Style', 'Palatino Linotype', Georgia, 'DejaVu Serif', serif;
  -webkit-font-smoothing: antialiased; text-rendering: optimizeLegibility;
}
.dc-dialog[data-font="sans"] { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif; }
.dc-dialog[data-font="legible"] { font-family: var(--dc-legible, system-ui), system-ui, sans-serif; }
.dc-dialog[data-font="mono"] { font-family: ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace; }
.dc-dialog[data-theme="sepia"] { --dc-bg: #f4ecd8; --dc-fg: #433422; --dc-muted: #6f5d45; --dc-link: #8a4b0f; --dc-rule: #dccfb0; --dc-code-bg: #ebe1c8; }
.dc-dialog[data-theme="dark"] { --dc-bg: #1c1d21; --dc-fg: #e3e3e0; --dc-muted: #a4a7ad; --dc-link: #8ab4f8; --dc-rule: #3a3c42; --dc-code-bg: #26282d; --dc-mark: #5a4b00; }
@media (prefers-color-scheme: dark) {
  .dc-dialog[data-theme="system"] { --dc-bg: #1c1d21; --dc-fg: #e3e3e0; --dc-muted: #a4a7ad; --dc-link: #8ab4f8; --dc-rule: #3a3c42; --dc-code-bg: #26282d; --dc-mark: #5a4b00; }
}
.dc-toolbar {
  direction: ltr; display: flex; flex-wrap: wrap; gap: 4px; align-items: center; justify-content: center;
  padding: 6px 12px; border-bottom: 1px solid var(--dc-rule); background: var(--dc-bg);
  font: 14px/1.2 system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif;
}
.dc-toolbar button, .dc-toolbar select {
  font: inherit; color: var(--dc-fg); background: transparent; border: 1px solid var(--dc-rule);
  border-radius: 6px; padding: 4px 9px; min-width: 34px; cursor: pointer;
}
.dc-toolbar select option { color: #1f2328; background: #fff; }
.dc-toolbar button:hover, .dc-toolbar select:hover { border-color: var(--dc-muted); }
.dc-toolbar :focus-visible { outline: 2px solid var(--dc-link); outline-offset: 1px; }
.dc-speech { display: inline-flex; gap: 4px; }
.dc-menu { position: relative; display: inline-block; }
.dc-menu-list {
  position: absolute; top: calc(100% + 4px); left: 0; z-index: 1; display: flex; flex-direction: column;
  min-width: 14em; padding: 4px; gap: 2px; background: var(--dc-bg); border: 1px solid var(--dc-rule);
  border-radius: 8px; box-shadow: 0 6px 22px rgba(0, 0, 0, .18);
}
.dc-menu-list[hidden] { display: none; }
.dc-toolbar .dc-menu-list button { border: 0; text-align: start; border-radius: 4px; }
.dc-toolbar .dc-menu-list button:hover, .dc-toolbar .dc-menu-list button:focus-visible { background: var(--dc-code-bg); }
.dc-menu-list { max-height: 70vh; overflow-y: auto; }
.dc-toolbar .dc-menu-list button.dc-sub { padding-inline-start: 1.8em; }
.dc-back { font: 14px/1.2 system-ui, sans-serif; margin-inline-start: .6em; color: var(--dc-link); background: transparent; border: 1px solid var(--dc-rule); border-radius: 6px; padding: 2px 8px; cursor: pointer; }
:focus-visible { outline: 2px solid var(--dc-link); outline-offset: 2px; }
.dc-body [tabindex="-1"]:focus { outline: none; }
.dc-status { color: var(--dc-muted); min-width: 0; }
.dc-colours { display: inline-flex; gap: 4px; align-items: center; }
.dc-toolbar input[type="color"] { width: 34px; height: 28px; padding: 1px; border: 1px solid var(--dc-rule); border-radius: 6px; background: transparent; }
.dc-toolbar button[aria-pressed="true"] { background: var(--dc-code-bg); border-color: var(--dc-muted); }
.dc-dialog[data-focus] .dc-body > :not(.dc-current) { opacity: .3; transition: opacity .2s; }
.dc-dialog[data-images="hidden"] figure, .dc-dialog[data-images="hidden"] img { display: none; }
.dc-progress { height: 3px; flex: none; background: linear-gradient(to right, var(--dc-link) var(--dc-progress, 0%), transparent 0); }
.dc-status:empty, .dc-pages:empty { display: none; }
.dc-pages { color: var(--dc-muted); }
.dc-page { margin: 2.4em 0 1.2em; padding-top: .6em; border-top: 1px solid var(--dc-rule); color: var(--dc-muted); font-size: .8em; letter-spacing: .04em; text-transform: uppercase; }
.dc-scroll { flex: 1; overflow: auto; overscroll-behavior: contain; outline: none; }
.dc-article { max-width: var(--dc-width, 34em); margin: 0 auto; padding: 2.2em 1.25em 4em; overflow-wrap: break-word; }
.dc-site { margin: 0 0 .4em; color: var(--dc-muted); font-size: .8em; letter-spacing: .04em; text-transform: uppercase; }
.dc-title { margin: 0 0 .45em; font-size: 1.9em; line-height: 1.2; font-weight: 700; }
.dc-meta { margin: 0 0 1.6em; color: var(--dc-muted); font-size: .85em; display: flex; flex-wrap: wrap; column-gap: 1.2em; }
.dc-meta > * { position: relative; unicode-bidi: isolate; }
/* Date and reading time are in the reader's language, not the article's. */
.dc-meta > .dc-date, .dc-meta > .dc-reading { direction: ltr; }
.dc-meta > * + *::before { content: "·"; position: absolute; left: -.75em; }
.dc-article[dir="rtl"] .dc-meta > * + *::before { left: auto; right: -.75em; }
.dc-body > :first-child { margin-top: 0; }
p, ul, ol, blockquote, pre, figure, .dc-table, math[display="block"] { margin: 0 0 1.1em; }
h2, h3, h4, h5, h6 { line-height: 1.3; margin: 1.6em 0 .6em; }
h2 { font-size: 1.4em; } h3 { font-size: 1.2em; } h4, h5, h6 { font-size: 1.05em; }
a { color: var(--dc-link); text-decoration-thickness: 1px; text-underline-offset: 2px; }
ul, ol { padding-inline-start: 1.5em; }
li { margin: .3em 0; }
blockquote { margin-inline: 0; padding-inline-start: 1em; border-inline-start: 3px solid var(--dc-rule); color: var(--dc-muted); font-style: italic; }
.dc-embed { margin: 0 0 1.1em; padding: 0.6em 0.9em; border: 1px solid var(--dc-rule); border-radius: 6px; }
.dc-embed-provider { display: block; color: var(--dc-muted); font-size: 0.85em; }
.dc-embed > blockquote { margin: 0.4em 0 0.6em; }
code { font-family: ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace; font-size: .86em; background: var(--dc-code-bg); border-radius: 3px; padding: .1em .3em; }
pre { background: var(--dc-code-bg); padding: .9em 1em; border-radius: 6px; overflow-x: auto; line-height: 1.45; white-space: pre; direction: ltr; text-align: left; }
pre code { background: none; padding: 0; font-size: .8em; }
figure { margin-inline: 0; }
img { display: block; max-width: 100%; height: auto; margin: 0 auto; border-radius: 2px; }
figcaption { margin-top: .5em; color: var(--dc-muted); font-size: .8em; line-height: 1.45; }
.dc-credit { font-size: .9em; opacity: .85; }
.dc-lead { margin-bottom: 1.6em; }
.dc-table { overflow-x: auto; }
table { border-collapse: collapse; font-size: .85em; line-height: 1.4; min-width: 50%; }
th, td { border: 1px solid var(--dc-rule); padding: .4em .6em; text-align: start; vertical-align: top; }
.dc-specs table { width: 100%; }
.dc-specs th { width: 38%; font-weight: 600; }
th { background: var(--dc-code-bg); }
caption { caption-side: top; padding-bottom: .4em; color: var(--dc-muted); text-align: start; }
hr { border: 0; border-top: 1px solid var(--dc-rule); margin: 2em 0; }
.dc-note { margin: 0 0 1.1em; padding: .6em 1em; border-inline-start: 4px solid var(--dc-rule); background: var(--dc-code-bg); border-radius: 4px; }
.dc-note > :last-child { margin-bottom: 0; }
.dc-footnotes { font-size: .85em; border-top: 1px solid var(--dc-rule); padding-top: 1em; }
.dc-footer { margin-top: 3em; padding-top: 1em; border-top: 1px solid var(--dc-rule); font-size: .85em; }
.dc-speaking { background: var(--dc-mark); border-radius: 3px; box-shadow: 0 0 0 .25em var(--dc-mark); }
.dc-scroll[data-highlight="word"] .dc-speaking { background: none; box-shadow: none; }
.dc-word { background: var(--dc-mark); border-radius: 2px; box-shadow: 0 0 0 .12em var(--dc-mark); }
@media print {
  :host { position: static !important; }
  .dc-dialog { position: static; display: block; background: #fff; color: #000; }
  .dc-toolbar { display: none; }
  .dc-scroll { overflow: visible; }
  .dc-article { max-width: none; padding: 0; }
  a { color: inherit; }
}
`;

// Added to the reader's styles in a saved HTML file: a plain page instead of a fixed overlay.
export const DECLUTTER_SAVED_CSS = `
html, body { margin: 0; }
.dc-dialog { position: static; display: block; min-height: 100vh; }
`;

export const DECLUTTER_TOAST_CSS = `
:host {
  all: initial !important; position: fixed !important; left: 50% !important; bottom: 24px !important;
  transform: translateX(-50%) !important; z-index: 2147483647 !important; display: block !important;
  visibility: visible !important; opacity: 1 !important;
}
div { font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif; color: #fff;
  background: #2b2d31; padding: 10px 16px; border-radius: 8px; box-shadow: 0 4px 18px rgba(0,0,0,.25); }
`;

// The person's look on a reader dialog: the theme and font the stylesheet selects by data
// attribute, and the sizes it reads from custom properties. The overlay and the saved HTML file
// share it, so a saved article looks as it did in the reader.
export function applyLook(dialog, look) {
  dialog.dataset.theme = look.theme;
  dialog.dataset.font = look.font;
  dialog.style.setProperty('--dc-size', `${look.size}px`);
  dialog.style.setProperty('--dc-width', `${look.width}em`);
  dialog.style.setProperty('--dc-line', String(look.lineHeight));
}
