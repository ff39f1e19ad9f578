#!/usr/bin/env python3
"""bench-quality: declutter vs Readability.js on the two shared corpora, in one run.

For every page of ../shared/corpus (the Readability test pages and the Zyte article-extraction
benchmark) this runs `target/release/declutter extract --format text` (and `--format json` for the
metadata), and Readability.js through benches/quality/readability.mjs, writes each tool's
predictions under target/bench-quality/<tool>/<corpus>/, scores them with the corpus's own
score_extract.py (4-gram precision/recall/F1, the Zyte benchmark's metric) and prints one table.

The text format prints the title first, then the body; the title line is cut before scoring,
because the ground truths (and Readability.js's textContent) are the body alone and the title is
scored with the metadata instead.

Metadata: for the Readability pages, each of title, byline, siteName, publishedTime, excerpt, lang
and dir is compared with expected-metadata.json after whitespace collapsing; a missing value
matches null, and dir "ltr" matches null (the page did not say otherwise).

A second count applies the issue's own rules to the expected values, where they differ from
Readability's: bylines without a leading "By"/"Par"/"Written by" and without the date, titles
without a trailing " - Site"/" | Site" naming the site, and a published time the expected file
lacks counted right when the page's source states that exact value.

Usage: python3 benches/quality/run.py [--no-build] [--only declutter|readability] [--per-page]
"""
from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
READABILITY = CORPUS / "readability-test-pages"
ZYTE = CORPUS / "article-extraction-benchmark"
OUT = ROOT / "target" / "bench-quality"
BIN = ROOT / "target" / "release" / "declutter"
# The URL Readability's own test suite gives its pages.
FAKE_URL = "http://fakehost/test/page.html"
FIELDS = ["title", "byline", "siteName", "publishedTime", "excerpt", "lang", "dir"]


def pages() -> dict[str, list[dict]]:
    """corpus name -> [{id, path, url}]"""
    rd = [
        {"id": d.name, "path": str(d / "source.html"), "url": FAKE_URL}
        for d in sorted(READABILITY.iterdir())
        if (d / "source.html").exists()
    ]
    gt = json.loads((ZYTE / "ground-truth.json").read_text())
    zy = [
        {"id": k, "path": str(ZYTE / "html" / f"{k}.html.gz"), "url": v.get("url") or FAKE_URL}
        for k, v in sorted(gt.items())
    ]
    return {"readability": rd, "zyte": zy}


def run_declutter(corpus: str, jobs: list[dict]) -> dict[str, dict]:
    out = OUT / "declutter" / corpus
    out.mkdir(parents=True, exist_ok=True)
    metas = {}
    for job in jobs:
        data = Path(job["path"]).read_bytes()
        if job["path"].endswith(".gz"):
            data = gzip.decompress(data)
        args = [str(BIN), "extract", "--url", job["url"]]
        started = time.perf_counter()
        text = subprocess.run(args + ["--format", "text"], input=data, capture_output=True, timeout=60)
        ms = (time.perf_counter() - started) * 1000
        body = text.stdout.split(b"\n\n", 1)[1] if b"\n\n" in text.stdout else b""
        (out / f"{job['id']}.txt").write_bytes(body)
        js = subprocess.run(args + ["--format", "json"], input=data, capture_output=True, timeout=60)
        meta = None
        if js.returncode == 0:
            a = json.loads(js.stdout)
            meta = {
                "title": a.get("title"), "byline": a.get("byline"), "siteName": a.get("site_name"),
                "publishedTime": a.get("published_time"), "excerpt": a.get("excerpt"),
                "lang": a.get("lang"), "dir": a.get("dir"),
            }
        metas[job["id"]] = {"meta": meta, "ms": ms, "rc": text.returncode}
    return metas


def run_readability(corpus: str, jobs: list[dict]) -> dict[str, dict]:
    out = OUT / "readability" / corpus
    out.mkdir(parents=True, exist_ok=True)
    spec = out / "jobs.json"
    spec.write_text(json.dumps([dict(j, out=str(out)) for j in jobs]))
    subprocess.run(["node", str(Path(__file__).with_name("readability.mjs")), str(spec)], cwd=ROOT, check=True)
    return {j["id"]: json.loads((out / f"{j['id']}.meta.json").read_text()) for j in jobs}


def score(tool: str, corpus: str, per_page: bool) -> dict:
    gt = READABILITY if corpus == "readability" else ZYTE / "ground-truth.json"
    js = OUT / tool / f"{corpus}.score.json"
    args = [sys.executable, str(CORPUS / "score_extract.py"), str(OUT / tool / corpus), str(gt),
            "--n-bootstrap", "0", "--json", str(js)]
    if per_page:
        args.append("--per-page")
    res = subprocess.run(args, capture_output=True, text=True, check=True)
    if per_page:
        print(f"== {tool} / {corpus}\n{res.stdout}")
    return json.loads(js.read_text())


def norm(v) -> str | None:
    if v is None:
        return None
    s = " ".join(str(v).split())
    return s or None


BY = ("by ", "par ", "written by ", "von ", "por ")


def issue_rules(field: str, want, have, expected: dict, source: str):
    """The expected value under the issue's rules (see the module docs)."""
    if want is None and field == "publishedTime" and have and have in source:
        return have
    if want is None:
        return want
    if field == "byline":
        low = want.lower()
        for b in BY:
            if low.startswith(b):
                want = want[len(b):]
                break
        if have and want.startswith(have) and want[len(have):len(have) + 1] in (" ", ""):
            rest = want[len(have):].strip().lower()
            if not rest or rest[0].isdigit() or rest.split()[0].rstrip(".,") in MONTHS:
                return have
        return want
    if field == "title":
        site = norm(expected.get("siteName"))
        for sep in (" - ", " | ", " – ", " — ", " · "):
            head, _, tail = want.rpartition(sep)
            if head and site and norm(tail) and norm(tail).lower() in site.lower():
                return head
            if head and have == head:
                return head
    return want


MONTHS = {m[:3] for m in "january february march april may june july august september october november december".split()} | set(
    "january february march april may june july august september october november december".split())


def metadata_right(metas: dict[str, dict], show: bool, tool: str, rules: bool = False) -> tuple[int, int]:
    right = total = 0
    for case, m in metas.items():
        expected = json.loads((READABILITY / case / "expected-metadata.json").read_text())
        got = (m or {}).get("meta") or {}
        source = (READABILITY / case / "source.html").read_text(errors="replace") if rules else ""
        for f in FIELDS:
            if f not in expected:
                continue
            want, have = norm(expected[f]), norm(got.get(f))
            if rules:
                want = norm(issue_rules(f, want, have, expected, source))
            if f == "dir":
                want, have = (want or "ltr"), (have or "ltr")
            total += 1
            if want == have:
                right += 1
            elif show:
                print(f"meta {tool} {case} {f}: want {want!r} got {have!r}")
    return right, total


def summary_of(js: dict) -> dict:
    return js.get("summary", js)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--only", choices=["declutter", "readability"])
    ap.add_argument("--per-page", action="store_true")
    ap.add_argument("--show-meta", action="store_true", help="print every metadata mismatch")
    args = ap.parse_args()
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--bin", "declutter"], cwd=ROOT, check=True)
    tools = [t for t in ["declutter", "readability"] if args.only in (None, t)]
    corpora = pages()
    rows = []
    for tool in tools:
        for corpus, jobs in corpora.items():
            metas = (run_declutter if tool == "declutter" else run_readability)(corpus, jobs)
            s = summary_of(score(tool, corpus, args.per_page))
            times = [m["ms"] for m in metas.values()]
            meta = metadata_right(metas, args.show_meta, tool) if corpus == "readability" else None
            ruled = metadata_right(metas, False, tool, rules=True) if corpus == "readability" else None
            rows.append((tool, corpus, s, meta, ruled, statistics.median(times), max(times)))
    print("| tool | corpus | pages | F1 | precision | recall | metadata right | metadata right (issue rules) | median ms | max ms |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for tool, corpus, s, meta, ruled, med, mx in rows:
        m = f"{meta[0]}/{meta[1]} ({meta[0] / meta[1]:.1%})" if meta else "-"
        r = f"{ruled[0]}/{ruled[1]} ({ruled[0] / ruled[1]:.1%})" if ruled else "-"
        print(f"| {tool} | {corpus} | {s['pages']} | {s['f1']:.3f} | {s['precision']:.3f} | "
              f"{s['recall']:.3f} | {m} | {r} | {med:.1f} | {mx:.1f} |")
    print("(declutter times are per CLI process, parse included; Readability.js times are jsdom parse + parse())")


if __name__ == "__main__":
    main()
