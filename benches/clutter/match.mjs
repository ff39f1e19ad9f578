// Which elements of a jsdom document a long list of selectors matches.
//
// Like uBlock's generic cosmetic filtering, a selector whose last compound names a class or an id is
// only tried when the document has that class or id (a cheap set lookup), which skips most of the
// lists on any page. The rest are tried in comma-joined batches (one querySelectorAll per batch); a
// batch that fails to parse is split in halves until the bad selectors are isolated and skipped.
// Invalid selectors are remembered across pages so each costs one failure per run.
const BATCH = 300;

/** The class (`.x`) or id (`#x`) the selector's last compound requires, or null. */
export function keyOf(sel) {
  let depth = 0, start = 0;
  for (let i = 0; i < sel.length; i++) {
    const c = sel[i];
    if (c === '\\') { i++; continue; }
    if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (depth === 0) {
      if (c === ',') return null;
      if (c === ' ' || c === '>' || c === '+' || c === '~') start = i + 1;
    }
  }
  const last = sel.slice(start);
  depth = 0;
  for (let i = 0; i < last.length; i++) {
    const c = last[i];
    if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (depth === 0 && (c === '.' || c === '#')) {
      const m = last.slice(i + 1).match(/^[A-Za-z0-9_\-\u00a0-\uffff]+/);
      if (m && !last.slice(i + 1 + m[0].length).startsWith('\\')) return c + m[0];
      return null;
    }
  }
  return null;
}

export class Matcher {
  constructor() {
    this.invalid = new Set();
    this.keys = new Map();
  }

  /** Adds every element matched by `sels` in `doc` to `found` (a Set). Queries are grouped by key
   * (and the unkeyed rest in fixed batches) so the same few query strings recur from page to page:
   * the selector engine caches every query string it parses, and per-page batches grew that cache
   * without bound. */
  matchAll(doc, sels, found) {
    const present = new Set();
    for (const el of doc.querySelectorAll('[class],[id]')) {
      for (const c of el.classList) present.add('.' + c);
      if (el.id) present.add('#' + el.id);
    }
    const byKey = new Map();
    const unkeyed = [];
    for (const s of sels) {
      if (this.invalid.has(s)) continue;
      if (!this.keys.has(s)) this.keys.set(s, keyOf(s));
      const k = this.keys.get(s);
      if (k === null) unkeyed.push(s);
      else if (present.has(k)) (byKey.get(k) || byKey.set(k, []).get(k)).push(s);
    }
    for (const group of byKey.values()) this.#batch(doc, group, found);
    for (let i = 0; i < unkeyed.length; i += BATCH) this.#batch(doc, unkeyed.slice(i, i + BATCH), found);
  }

  #batch(doc, sels, found) {
    if (sels.length === 0) return;
    try {
      for (const el of doc.querySelectorAll(sels.join(','))) found.add(el);
    } catch {
      if (sels.length === 1) {
        this.invalid.add(sels[0]);
        return;
      }
      const mid = sels.length >> 1;
      this.#batch(doc, sels.slice(0, mid), found);
      this.#batch(doc, sels.slice(mid), found);
    }
  }
}
