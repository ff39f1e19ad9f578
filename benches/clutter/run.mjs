#!/usr/bin/env node
// bench-clutter: how much article text `declutter clean` keeps and how much filter-list clutter it
// removes, over both full corpora ($DECLUTTER_CORPUS or ../shared/corpus). Not part of `make test`.
//
//   [DECLUTTER_BIN=path] node benches/clutter/run.mjs [--no-build] [--corpus readability|zyte] [--limit N]
//                                [--per-page] [--missed N]
//
// 1. article kept: 4-gram recall of the ground truth in the cleaned page's visible text, divided by
//    the same recall for the uncleaned page (serialised by jsdom, so both sides are well-formed HTML);
//    pages whose uncleaned text holds none of the ground truth are left out and counted.
// 2. clutter removed: elements matched by the `##` rules of EasyList, Fanboy's Social and Newsletter
//    lists (generic rules plus those for the page's domain, see lists.mjs) that are visible in the
//    uncleaned page and do not contain article text; removed = inside an element declutter hides
//    (located in the same jsdom tree through the CSS paths of `declutter clean --report`).
// The lists are a yardstick only: nothing here feeds back into the classifier.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { LISTS, readList, selectorsFor } from './lists.mjs';
import { Matcher } from './match.mjs';
import { fullCorpus } from '../corpus.mjs';

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const SHARED = path.resolve(REPO, '../shared');
/** `DECLUTTER_BIN` points at another build (then nothing is built). */
const BIN = process.env.DECLUTTER_BIN || path.join(REPO, 'target/release/declutter');
/** An element holds article text when it shares this many 4-grams with the ground truth (a run of
 * about 13 words), or a quarter of them for very short articles: enough to tell a paragraph from a
 * teaser link that repeats the headline. */
const ARTICLE_SHINGLES = 10;
const ARTICLE_SHARE = 0.25;

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);

function tokens(text) {
  return text.match(/[\p{L}\p{N}_]+/gu) || [];
}
function shingleSet(text) {
  const t = tokens(text), out = new Set();
  for (let i = 0; i < Math.max(1, t.length - 3); i++) if (t.length) out.add(t.slice(i, i + 4).join(' '));
  return out;
}

function pages() {
  const out = [];
  const which = value('--corpus', 'all');
  if (which === 'all' || which === 'readability') {
    const dir = path.join(fullCorpus(), 'readability-test-pages');
    const gt = JSON.parse(execFileSync('python3', [path.join(REPO, 'benches/clutter/recall.py'), 'gt', dir], { maxBuffer: 1 << 28 }));
    for (const id of Object.keys(gt)) out.push({ corpus: 'readability', id, file: path.join(dir, id, 'source.html'), gt: gt[id], url: null });
  }
  if (which === 'all' || which === 'zyte') {
    const dir = path.join(fullCorpus(), 'article-extraction-benchmark');
    const gt = JSON.parse(fs.readFileSync(path.join(dir, 'ground-truth.json'), 'utf8'));
    for (const id of Object.keys(gt).sort()) out.push({ corpus: 'zyte', id, file: path.join(dir, 'html', id + '.html.gz'), gt: gt[id].articleBody || '', url: gt[id].url });
  }
  const limit = Number(value('--limit', 0));
  return limit ? out.filter((p, i, a) => a.slice(0, i).filter((q) => q.corpus === p.corpus).length < limit) : out;
}

function hostOf(p, doc) {
  const url = p.url || doc.querySelector('link[rel=canonical]')?.getAttribute('href') || doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  try { return new URL(url).hostname.replace(/^www\./, ''); } catch { return ''; }
}

/** Finds the element a `--report` path names. Walked by hand rather than with querySelector: the
 * paths hold class names verbatim, and classes such as `hide@tl+` are not valid CSS. */
function resolvePath(doc, p) {
  let cur = null;
  for (const part of p.split(' > ')) {
    const nth = part.match(/:nth-of-type\((\d+)\)$/);
    const head = nth ? part.slice(0, nth.index) : part;
    const m = head.match(/^([^.#]+)(?:#(.*)|\.(.*))?$/);
    if (!m) return null;
    const [, tag, id] = m;
    if (id !== undefined) { cur = doc.getElementById(id); if (!cur) return null; continue; }
    const pool = cur ? [...cur.children] : [doc.documentElement];
    const same = pool.filter((e) => e.localName === tag);
    cur = same[nth ? Number(nth[1]) - 1 : 0] || null;
    if (!cur) return null;
  }
  return cur;
}

const SKIP = new Set(['HEAD', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HTML', 'BODY']);
function visible(el) {
  if (SKIP.has(el.tagName)) return false;
  for (let e = el; e; e = e.parentElement) {
    if (SKIP.has(e.tagName) && e.tagName !== 'HTML' && e.tagName !== 'BODY') return false;
    if (e.hasAttribute('hidden')) return false;
    const style = (e.getAttribute('style') || '').replace(/\s+/g, '').toLowerCase();
    if (style.includes('display:none') || style.includes('visibility:hidden')) return false;
  }
  return !(el.tagName === 'INPUT' && el.getAttribute('type') === 'hidden');
}

function run(p, lists, matcher) {
  const bytes = fs.readFileSync(p.file);
  const raw = p.file.endsWith('.gz') ? zlib.gunzipSync(bytes) : bytes;
  const clean = execFileSync(BIN, ['clean', p.file], { maxBuffer: 1 << 28 }).toString('utf8');
  const report = JSON.parse(execFileSync(BIN, ['clean', '--report', p.file], { maxBuffer: 1 << 28 }));
  const dom = new JSDOM(raw, { virtualConsole: new VirtualConsole() });
  const doc = dom.window.document;
  const hidden = new Set();
  let unresolved = 0;
  for (const r of report) {
    const el = resolvePath(doc, r.path);
    if (el) hidden.add(el); else unresolved++;
  }
  const gtSet = shingleSet(p.gt);
  const need = Math.max(1, Math.min(ARTICLE_SHINGLES, Math.ceil(ARTICLE_SHARE * gtSet.size)));
  const holdsArticle = (el) => {
    let hits = 0;
    for (const s of shingleSet(el.textContent)) if (gtSet.has(s) && ++hits >= need) return true;
    return false;
  };
  const isHidden = (el) => { for (let e = el; e; e = e.parentElement) if (hidden.has(e)) return true; return false; };
  const host = hostOf(p, doc);
  const perList = {};
  const missed = [];
  const all = new Set();
  for (const l of lists) {
    const found = new Set();
    matcher.matchAll(doc, selectorsFor(l, host), found);
    let matched = 0, removed = 0;
    for (const el of found) {
      if (!visible(el) || holdsArticle(el)) continue;
      matched++;
      all.add(el);
      if (isHidden(el)) removed++;
      else missed.push(`${l.label}: <${el.tagName.toLowerCase()} class="${el.getAttribute('class') || ''}" id="${el.id}"> ${el.textContent.replace(/\s+/g, ' ').trim().slice(0, 60)}`);
    }
    perList[l.label] = [removed, matched];
  }
  let allRemoved = 0;
  for (const el of all) if (isHidden(el)) allRemoved++;
  perList.all = [allRemoved, all.size];
  const base = dom.serialize();
  dom.window.close();
  return { perList, missed, unresolved, hiddenCount: report.length, base, clean };
}

/** Pages per worker process: jsdom and its selector engine keep memory across documents, so each
 * chunk of pages runs in a fresh process. */
const CHUNK = 12;

/** Worker: runs pages [from, to), appends their texts to `jsonl`, prints their counts as JSON. */
function worker(range, jsonl) {
  const [from, to] = range.split(':').map(Number);
  const lists = LISTS.map((l) => ({ ...l, ...readList(path.join(SHARED, 'filterlists'), l.files) }));
  const matcher = new Matcher();
  const missedShow = Number(value('--missed', 0));
  const out = [];
  for (const p of pages().slice(from, to)) {
    const r = run(p, lists, matcher);
    fs.appendFileSync(jsonl, JSON.stringify({ id: p.corpus + '/' + p.id, gt: p.gt, base: r.base, clean: r.clean }) + '\n');
    out.push({ corpus: p.corpus, id: p.id, perList: r.perList, unresolved: r.unresolved, hidden: r.hiddenCount, missed: r.missed.slice(0, missedShow), invalid: matcher.invalid.size });
  }
  process.stdout.write(JSON.stringify(out));
}

function main() {
  if (flag('--worker')) return worker(value('--worker'), value('--jsonl'));
  if (!flag('--no-build') && !process.env.DECLUTTER_BIN) execFileSync('cargo', ['build', '--release', '--quiet', '--bin', 'declutter'], { cwd: REPO, stdio: 'inherit' });
  const lists = LISTS.map((l) => ({ ...l, ...readList(path.join(SHARED, 'filterlists'), l.files) }));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-clutter-'));
  const jsonl = path.join(tmp, 'pages.jsonl');
  const all = pages();
  const results = [];
  let invalid = 0;
  for (let i = 0; i < all.length; i += CHUNK) {
    const argv = [new URL(import.meta.url).pathname, ...args, '--worker', `${i}:${i + CHUNK}`, '--jsonl', jsonl];
    const chunk = JSON.parse(execFileSync(process.execPath, argv, { maxBuffer: 1 << 28 }));
    for (const c of chunk) {
      results.push({ p: { corpus: c.corpus, id: c.id }, perList: c.perList, unresolved: c.unresolved, hidden: c.hidden });
      for (const m of c.missed) console.log(`  missed ${c.corpus}/${c.id.slice(0, 12)} ${m}`);
      invalid = Math.max(invalid, c.invalid);
    }
  }
  const recall = JSON.parse(execFileSync('python3', [path.join(REPO, 'benches/clutter/recall.py'), 'score', jsonl], { maxBuffer: 1 << 28 }));
  fs.rmSync(tmp, { recursive: true });

  const rows = [];
  for (const corpus of ['readability', 'zyte']) {
    const rs = results.filter((r) => r.p.corpus === corpus);
    if (!rs.length) continue;
    const kept = [];
    let noText = 0;
    for (const r of rs) {
      const [base, cleaned] = recall[corpus + '/' + r.p.id];
      if (base === 0) { noText++; continue; }
      r.kept = Math.min(1, cleaned / base);
      kept.push(r.kept);
    }
    const sum = (k) => rs.reduce((a, r) => [a[0] + r.perList[k][0], a[1] + r.perList[k][1]], [0, 0]);
    const pct = ([a, b]) => `${b ? ((100 * a) / b).toFixed(1) : '-'}% (${a}/${b})`;
    rows.push([
      corpus, `${rs.length}`,
      `${((100 * kept.reduce((a, b) => a + b, 0)) / kept.length).toFixed(2)}%`,
      `${(100 * Math.min(...kept)).toFixed(1)}%`, `${kept.filter((k) => k < 0.97).length}`,
      pct(sum('all')), pct(sum('easylist')), pct(sum('social')), pct(sum('newsletter')),
    ]);
    if (flag('--per-page')) {
      for (const r of rs.sort((a, b) => (a.kept ?? 2) - (b.kept ?? 2))) {
        const [a, b] = r.perList.all;
        console.log(`${corpus}/${r.p.id}\tkept ${r.kept === undefined ? 'n/a' : (100 * r.kept).toFixed(1) + '%'}\tremoved ${a}/${b}\thidden ${r.hidden}${r.unresolved ? ` (unresolved ${r.unresolved})` : ''}`);
      }
    }
    if (noText) console.log(`${corpus}: ${noText} page(s) left out of "article kept": the uncleaned page holds none of the ground truth`);
    const unresolved = rs.reduce((a, r) => a + r.unresolved, 0);
    if (unresolved) console.log(`${corpus}: ${unresolved} reported path(s) did not resolve in jsdom (counted as not removed)`);
  }
  const head = ['corpus', 'pages', 'article kept (mean)', 'min', 'pages < 97%', 'clutter removed / matched', 'EasyList', 'Social', 'Newsletter'];
  console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  const skipped = lists.map((l) => `${l.label} ${l.skipped}`).join(', ');
  console.log(`\nrules skipped (scriptlets, HTML filters, procedural operators): ${skipped}; selectors jsdom could not parse: ${invalid} (largest count in one worker)`);
}

main();
