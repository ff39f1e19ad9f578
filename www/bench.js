// Draws www/bench-results.json (see bench.html). Plain SVG, no libraries.
const SVG = 'http://www.w3.org/2000/svg';
const COLORS = { walk: '#4c78a8', decode: '#9ecae9', classify: '#f58518', extract: '#54a24b', cold: '#e45756', warm: '#4c78a8' };

function el(name, attrs = {}, parent = null) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  parent?.append(e);
  return e;
}
function text(parent, x, y, s, anchor = 'start') {
  el('text', { x, y, 'text-anchor': anchor }, parent).textContent = s;
}
const f = (x, d = 2) => (x == null ? '-' : Number(x).toFixed(d));

// A figure with its caption, appended to `section`; returns the chart's SVG.
function chart(section, width, height, caption) {
  const figure = document.createElement('figure');
  const svg = el('svg', { width, height, viewBox: `0 0 ${width} ${height}` });
  const figcaption = document.createElement('figcaption');
  figcaption.textContent = caption;
  figure.append(svg, figcaption);
  section.append(figure);
  return svg;
}

function headline(section, r) {
  const s = r.summary;
  const meta = document.createElement('p');
  meta.textContent =
    `${r.browser}, ${s.pages} pages (${s.errors} errors), ${r.generated}; wasm ${(r.wasm.raw / 1000).toFixed(0)} KB raw, ` +
    `${(r.wasm.gzip / 1000).toFixed(1)} KB gzip` +
    (r.wasmClutter ? ` (clutter-only module for automatic cleaning: ${(r.wasmClutter.gzip / 1000).toFixed(1)} KB gzip)` : '') +
    `. Warm = median of ${r.samples} samples after ${r.warmup} warm-up runs.`;
  const rows = [['', 'declutter / Readability median', 'p95', 'declutter / floor median', 'p95', 'declutter ms', 'Readability ms', 'floor ms']];
  for (const t of ['cold', 'warm']) {
    const x = s[t];
    rows.push([t, f(x.vsReadability.median), f(x.vsReadability.p95), f(x.vsFloor.median), f(x.vsFloor.p95),
      f(x.declutterMs.median), f(x.readabilityMs.median), f(x.floorMs.median)]);
  }
  const wf = s.warm.walkVsFloor;
  if (wf) rows.push(['walk alone / floor, warm', '', '', f(wf.median), f(wf.p95), '', '', '']);
  const o = s.observer;
  if (o) {
    rows.push(['DOMContentLoaded → hidden (ms)', f(s.dclToHidden.median, 1), f(s.dclToHidden.p95, 1), '', '', '', '', '']);
    rows.push(['observer, 10,000 nodes in 3 s (ms/s)', f(o.extensionMsPerS, 1), `${f(o.extensionMsPerS / 10, 1)}% of main thread`, '', '', '', '', '']);
  }
  const table = document.createElement('table');
  rows.forEach((row, i) => {
    const tr = table.insertRow();
    for (const c of row) {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      cell.textContent = c;
      tr.append(cell);
    }
  });
  section.append(meta, table);
}

function scatter(section, pages) {
  const W = 560, H = 420, M = 45;
  const svg = chart(section, W, H, 'Per page, warm: declutter vs Readability.js (ms, log scales). Below the red line = at most half of Readability\'s time (the target).');
  const pts = pages.filter((p) => p.warm.declutter > 0 && p.warm.readability > 0);
  const all = pts.flatMap((p) => [p.warm.declutter, p.warm.readability]);
  const lo = Math.log10(Math.min(...all)), hi = Math.log10(Math.max(...all));
  const x = (v) => M + ((Math.log10(v) - lo) / (hi - lo)) * (W - 2 * M);
  const y = (v) => H - M - ((Math.log10(v) - lo) / (hi - lo)) * (H - 2 * M);
  for (let d = Math.ceil(lo); d <= hi; d++) {
    text(svg, x(10 ** d), H - M + 15, `${10 ** d} ms`, 'middle');
    text(svg, M - 5, y(10 ** d) + 4, `${10 ** d}`, 'end');
  }
  const a = 10 ** lo, b = 10 ** hi;
  el('line', { x1: x(a), y1: y(a), x2: x(b), y2: y(b), stroke: '#999' }, svg);
  el('line', { x1: x(a * 2), y1: y(a), x2: x(b), y2: y(b / 2), class: 'target' }, svg);
  text(svg, W / 2, H - 8, 'Readability.js (ms)', 'middle');
  text(svg, 8, 14, 'declutter (ms)');
  for (const p of pts) {
    const c = el('circle', { cx: x(p.warm.readability), cy: y(p.warm.declutter), r: 3, fill: p.corpus === 'zyte' ? '#f58518' : '#4c78a8', 'fill-opacity': 0.7 }, svg);
    el('title', {}, c).textContent = `${p.corpus}/${p.name}: declutter ${f(p.warm.declutter)} ms, Readability ${f(p.warm.readability)} ms`;
  }
}

function ratios(section, pages) {
  const W = 900, H = 260, M = 40;
  const svg = chart(section, W, H, 'declutter / Readability.js per page, sorted; cold (first run on a fresh page) and warm. Red: the 0.5 median target.');
  const series = ['cold', 'warm'].map((t) => [t, pages.map((p) => p[t].declutter / p[t].readability).filter(Number.isFinite).sort((a, b) => a - b)]);
  const max = Math.min(4, Math.max(...series.flatMap(([, r]) => r)));
  const y = (v) => H - M - (Math.min(v, max) / max) * (H - 2 * M);
  for (const v of [0.5, 1, 2, 3, 4].filter((v) => v <= max)) {
    el('line', { x1: M, x2: W - 10, y1: y(v), y2: y(v), stroke: v === 0.5 ? '#c33' : '#ddd', 'stroke-dasharray': v === 0.5 ? '4 3' : '' }, svg);
    text(svg, M - 5, y(v) + 4, String(v), 'end');
  }
  for (const [t, r] of series) {
    const pts = r.map((v, i) => `${M + (i / (r.length - 1)) * (W - M - 10)},${y(v)}`).join(' ');
    el('polyline', { points: pts, fill: 'none', stroke: COLORS[t], 'stroke-width': 2 }, svg);
    text(svg, W - 12, y(r.at(-1)) + (t === 'cold' ? -6 : 12), t, 'end');
  }
  text(svg, W / 2, H - 10, 'pages, sorted by ratio (capped at 4)', 'middle');
}

function split(section, pages) {
  const W = 900, H = 260, M = 40;
  const svg = chart(section, W, H, 'Where declutter\'s warm time goes, per page (sorted by total): walk (JS), decode (text into wasm memory + snapshot), classify, extract + render + answer.');
  const keys = ['walk', 'decode', 'classify', 'extract'];
  const rows = pages.filter((p) => p.split).map((p) => keys.map((k) => Math.max(0, p.split[k]))).sort((a, b) => a.reduce((s, v) => s + v) - b.reduce((s, v) => s + v));
  const max = Math.max(...rows.map((r) => r.reduce((s, v) => s + v)));
  const bw = (W - M - 10) / rows.length;
  const y = (v) => ((H - 2 * M) * v) / max;
  rows.forEach((r, i) => {
    let base = H - M;
    r.forEach((v, k) => {
      const h = y(v);
      el('rect', { x: M + i * bw, y: base - h, width: Math.max(1, bw - 0.5), height: h, fill: COLORS[keys[k]] }, svg);
      base -= h;
    });
  });
  text(svg, M - 5, M + 4, `${f(max, 0)} ms`, 'end');
  keys.forEach((k, i) => {
    el('rect', { x: M + 10 + i * 110, y: 8, width: 12, height: 12, fill: COLORS[k] }, svg);
    text(svg, M + 26 + i * 110, 18, k);
  });
}

function dcl(section, pages) {
  const W = 900, H = 240, M = 40;
  const svg = chart(section, W, H, 'Automatic cleaning: clutter hidden, in ms after DOMContentLoaded (below zero: before it), per page, sorted; the content scripts start at document start and the wasm compiles while the page parses. Red: one 60 Hz frame.');
  const v = pages.map((p) => p.dclToHidden).filter(Number.isFinite).sort((a, b) => a - b);
  const lo = Math.max(-200, Math.min(0, v[0])), max = Math.min(200, v.at(-1));
  const y = (ms) => H - M - ((Math.max(lo, Math.min(ms, max)) - lo) / (max - lo)) * (H - 2 * M);
  el('line', { x1: M, x2: W - 10, y1: y(16), y2: y(16), class: 'target' }, svg);
  el('line', { x1: M, x2: W - 10, y1: y(0), y2: y(0), stroke: '#999' }, svg);
  text(svg, M - 5, y(16) + 4, '16', 'end');
  text(svg, M - 5, y(0) + 4, '0', 'end');
  text(svg, M - 5, y(max) + 4, f(max, 0), 'end');
  text(svg, M - 5, y(lo) + 4, f(lo, 0), 'end');
  el('polyline', { points: v.map((ms, i) => `${M + (i / (v.length - 1)) * (W - M - 10)},${y(ms)}`).join(' '), fill: 'none', stroke: COLORS.warm, 'stroke-width': 2 }, svg);
  text(svg, W / 2, H - 10, 'pages, sorted (ms, capped at ±200)', 'middle');
}

// One section per browser that has results.
async function show(file) {
  const r = await (await fetch(file)).json();
  const pages = r.pages.filter((p) => !p.error);
  const section = document.createElement('section');
  const h2 = document.createElement('h2');
  h2.textContent = r.browser;
  section.append(h2);
  document.getElementById('results').append(section);
  headline(section, r);
  scatter(section, pages);
  ratios(section, pages);
  split(section, pages);
  if (r.observer) dcl(section, pages);
}

for (const file of ['bench-results.json', 'bench-results-firefox.json']) {
  show(file).catch((e) => document.getElementById('results').append(`No ${file} yet (run \`make bench\`): ${e}. `));
}
