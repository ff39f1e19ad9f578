// Cosmetic (`##`) rules of the yardstick filter lists, parsed once per run.
//
// Only element-hiding rules are read. Rules jsdom cannot evaluate honestly are skipped and counted:
// scriptlets (`##+js`), HTML filters (`##^`) and procedural operators (`:has-text`, `:-abp-*`,
// `:upward`, `:xpath` ...). `#?#` rules made of plain CSS (e.g. `:has()`) are kept as normal rules.
// `#@#` exceptions are honoured: generic ones drop the selector everywhere, domain ones on that domain.
import fs from 'node:fs';
import path from 'node:path';

/** The lists the issue names as the yardstick, with the label used in the table. */
export const LISTS = [
  { label: 'easylist', files: ['easylist.txt'] },
  { label: 'social', files: ['easylist-social.txt'] },
  { label: 'newsletter', files: ['easylist-newsletters.txt'] },
];

const PROCEDURAL = [
  ':has-text(', ':-abp-', ':upward(', ':xpath(', ':matches-css', ':remove(', ':style(', ':matches-path(',
  ':min-text-length(', ':watch-attr(', ':others(', ':matches-attr(', ':matches-prop(', ':if(', ':if-not(',
  ':nth-ancestor(', ':contains(', ':remove-attr(', ':remove-class(', ':matches-media(',
];

function parseDomains(s) {
  const include = [], exclude = [];
  for (const d of s.split(',').map((x) => x.trim()).filter(Boolean)) {
    if (d.startsWith('~')) exclude.push(d.slice(1)); else include.push(d);
  }
  return { include, exclude };
}

export function domainMatches(host, d) {
  return host === d || host.endsWith('.' + d);
}

/** Reads one list: { generic: [sel], specific: [{include, exclude, sel}], exceptions, skipped }. */
export function readList(dir, files) {
  const out = { generic: [], specific: [], exceptions: [], skipped: 0 };
  for (const f of files) {
    for (const raw of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      const line = raw.trim();
      if (!line || line.startsWith('!') || line.startsWith('[')) continue;
      const m = line.match(/^([^#]*?)(#@?\??#|#@?\$\??#)(.*)$/);
      if (!m) continue;
      const [, domains, sep, sel] = m;
      if (sep.includes('$')) { out.skipped++; continue; } // CSS injection, not hiding
      if (sel.startsWith('+js') || sel.startsWith('^')) { out.skipped++; continue; }
      if (PROCEDURAL.some((p) => sel.includes(p))) { out.skipped++; continue; }
      const d = parseDomains(domains);
      if (sep.includes('@')) { out.exceptions.push({ ...d, sel }); continue; }
      if (d.include.length === 0 && d.exclude.length === 0) out.generic.push(sel);
      else out.specific.push({ ...d, sel });
    }
  }
  return out;
}

/** The selectors that apply on `host` (may be '' when the page's domain is unknown). */
export function selectorsFor(list, host) {
  const off = new Set();
  for (const e of list.exceptions) {
    if (e.include.length === 0 || (host && e.include.some((d) => domainMatches(host, d)))) off.add(e.sel);
  }
  const sels = list.generic.filter((s) => !off.has(s));
  if (host) {
    for (const r of list.specific) {
      if (off.has(r.sel)) continue;
      if (r.exclude.some((d) => domainMatches(host, d))) continue;
      if (r.include.length > 0 && !r.include.some((d) => domainMatches(host, d))) continue;
      // `~a.com##sel` alone is generic except on a.com.
      sels.push(r.sel);
    }
  }
  return sels;
}
