#!/usr/bin/env python3
"""bench-quality: declutter vs Readability.js vs trafilatura on the three shared corpora, in one run.

For every page of ../shared/corpus (or $DECLUTTER_CORPUS): the Readability test pages, the Zyte
article-extraction benchmark and wcxb-dev (seven page types), this runs
`target/release/declutter extract --format text` (and `--format json` for the metadata),
Readability.js through benches/quality/readability.mjs (node) and trafilatura through
benches/quality/trafilatura_peer.py (in .venv-bench/, made by `make bench-quality`), writes each
tool's predictions under target/bench-quality/<tool>/<corpus>/ and scores them with the corpus's
own score_extract.py (4-gram precision/recall/F1, the Zyte benchmark's metric).

A fourth table, "heldout", covers article pages from registry packages' own tests when
benches/quality/heldout.py has put them in target/heldout/ (`make bench-quality` does). Their
ground truth is another extractor's expected output: judge extra text there by eye.

Tables: one per corpus, one row per tool and part of the split (benches/quality/split.tsv, see
docs/quality-split.md), and for wcxb-dev one row per page type and part. "empty" counts pages
with no output (no tokens). Sub-tables aggregate score_extract.py's per-page tp/fp/fn with its
own `aggregate`, so a part's figures are what the scorer would print for those pages alone.

The peers' outputs are cached under target/bench-quality/cache/<tool>@<version>/, keyed by the
SHA-256 of the page's bytes and URL, so a rerun only runs declutter (and peers on new pages).

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

Usage: python3 benches/quality/run.py [--no-build] [--only TOOL[,TOOL]] [--corpus NAME[,NAME]]
                                      [--per-page] [--jobs N] [--json OUT]
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("DECLUTTER_CORPUS", ROOT.parent / "shared" / "corpus"))
if not (CORPUS / "readability-test-pages").is_dir():
    sys.exit(f"bench-quality: the full corpora are not at {CORPUS}: set DECLUTTER_CORPUS to their folder "
             "or put them at ../shared/corpus (tests/corpus holds only the tests' sample)")
READABILITY = CORPUS / "readability-test-pages"
ZYTE = CORPUS / "article-extraction-benchmark"
WCXB = CORPUS / "wcxb-dev"
# Held-out article pages from registry packages' tests (benches/quality/heldout.py makes it; not
# in the split: no rule is tuned on it, so it has one row per tool).
HELDOUT = Path(__file__).resolve().parents[2] / "target" / "heldout"
OUT = ROOT / "target" / "bench-quality"
BIN = ROOT / "target" / "release" / "declutter"
VENV_PY = ROOT / ".venv-bench" / "bin" / "python"
HERE = Path(__file__).resolve().parent
# The URL Readability's own test suite gives its pages.
FAKE_URL = "http://fakehost/test/page.html"
FIELDS = ["title", "byline", "siteName", "publishedTime", "excerpt", "lang", "dir"]
TOOLS = ["declutter", "readability", "trafilatura"]
PARTS = ["tuning", "validation"]
PEER_BATCH = 100

sys.path.insert(0, str(HERE))
import split  # noqa: E402  (the one definition of the split)

_spec = importlib.util.spec_from_file_location("score_extract", CORPUS / "score_extract.py")
scorer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scorer)


def pages() -> dict[str, list[dict]]:
    """corpus name -> [{id, path, url, type}]"""
    rd = [
        {"id": d.name, "path": str(d / "source.html"), "url": FAKE_URL, "type": "article"}
        for d in sorted(READABILITY.iterdir())
        if (d / "source.html").exists()
    ]
    out = {"readability": rd}
    for name, root in (("zyte", ZYTE), ("wcxb", WCXB), ("heldout", HELDOUT)):
        if name == "heldout" and not (root / "ground-truth.json").exists():
            continue
        gt = json.loads((root / "ground-truth.json").read_text())
        out[name] = [
            {"id": k, "path": str(root / "html" / f"{k}.html.gz"), "url": v.get("url") or FAKE_URL,
             "type": v.get("page_type", "article")}
            for k, v in sorted(gt.items())
        ]
    return out


def gt_of(corpus: str) -> Path:
    return {"readability": READABILITY, "zyte": ZYTE / "ground-truth.json",
            "wcxb": WCXB / "ground-truth.json", "heldout": HELDOUT / "ground-truth.json"}[corpus]


def read_page(path: str) -> bytes:
    data = Path(path).read_bytes()
    return gzip.decompress(data) if path.endswith(".gz") else data


def run_declutter(corpus: str, jobs: list[dict], workers: int) -> dict[str, dict]:
    out = OUT / "declutter" / corpus
    out.mkdir(parents=True, exist_ok=True)

    def one(job: dict) -> tuple[str, dict]:
        data = read_page(job["path"])
        args = [str(BIN), "extract", "--url", job["url"]]
        started = time.perf_counter()
        text = subprocess.run(args + ["--format", "text"], input=data, capture_output=True, timeout=60)
        ms = (time.perf_counter() - started) * 1000
        body = text.stdout.split(b"\n\n", 1)[1] if b"\n\n" in text.stdout else b""
        (out / f"{job['id']}.txt").write_bytes(body)
        meta = None
        if corpus == "readability":
            js = subprocess.run(args + ["--format", "json"], input=data, capture_output=True, timeout=60)
            if js.returncode == 0:
                a = json.loads(js.stdout)
                meta = {
                    "title": a.get("title"), "byline": a.get("byline"), "siteName": a.get("site_name"),
                    "publishedTime": a.get("published_time"), "excerpt": a.get("excerpt"),
                    "lang": a.get("lang"), "dir": a.get("dir"),
                }
        return job["id"], {"meta": meta, "ms": ms, "rc": text.returncode}

    with ThreadPoolExecutor(workers) as pool:
        return dict(pool.map(one, jobs))


def peer_version(tool: str) -> str:
    if tool == "readability":
        v = [json.loads((ROOT / "node_modules" / m / "package.json").read_text())["version"]
             for m in ("@mozilla/readability", "jsdom")]
        return f"{v[0]}+jsdom{v[1]}"
    res = subprocess.run([str(VENV_PY), "-c", "import trafilatura; print(trafilatura.__version__)"],
                         capture_output=True, text=True, check=True)
    return res.stdout.strip()


def page_key(job: dict) -> str:
    h = hashlib.sha256(read_page(job["path"]))
    h.update(b"\0" + job["url"].encode())
    return h.hexdigest()


def run_peer(tool: str, corpus: str, jobs: list[dict], workers: int) -> dict[str, dict]:
    """Runs a peer on the pages its cache lacks, then copies its outputs under the page ids."""
    cache = OUT / "cache" / f"{tool}@{peer_version(tool)}"
    cache.mkdir(parents=True, exist_ok=True)
    keyed = [dict(j, key=page_key(j)) for j in jobs]
    todo = [{"id": j["key"], "path": j["path"], "url": j["url"], "out": str(cache)}
            for j in keyed if not (cache / f"{j['key']}.meta.json").exists()]
    if todo:
        print(f"[bench-quality] {tool}: {len(todo)} of {len(jobs)} {corpus} pages not cached", flush=True)
        # Batches of PEER_BATCH pages per process: a fresh heap for each, and a crash costs
        # one batch (the cache keeps the rest).
        batches = [todo[i:i + PEER_BATCH] for i in range(0, len(todo), PEER_BATCH)]
        for first in range(0, len(batches), workers if tool == "readability" else 1):
            procs = []
            for n in range(first, min(first + workers, len(batches))) if tool == "readability" else [first]:
                spec = cache / f"jobs-{corpus}-{n}.json"
                spec.write_text(json.dumps(batches[n]))
                cmd = (["node", str(HERE / "readability.mjs"), str(spec)] if tool == "readability"
                       else [str(VENV_PY), str(HERE / "trafilatura_peer.py"), str(spec), str(workers)])
                procs.append(subprocess.Popen(cmd, cwd=ROOT))
            if any([p.wait() != 0 for p in procs]):  # a list: every process is waited for
                sys.exit(f"{tool} failed on {corpus}")
    out = OUT / tool / corpus
    out.mkdir(parents=True, exist_ok=True)
    metas = {}
    for j in keyed:
        shutil.copyfile(cache / f"{j['key']}.txt", out / f"{j['id']}.txt")
        metas[j["id"]] = json.loads((cache / f"{j['key']}.meta.json").read_text())
    return metas


def score(tool: str, corpus: str, per_page: bool) -> dict:
    js = OUT / tool / f"{corpus}.score.json"
    args = [sys.executable, str(CORPUS / "score_extract.py"), str(OUT / tool / corpus), str(gt_of(corpus)),
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


def summarise(rows: list[dict]) -> dict:
    """score_extract.py's corpus figures for a subset of its per-page rows."""
    s = scorer.aggregate([(r["tp"], r["fp"], r["fn"]) for r in rows])
    s["pages"] = len(rows)
    s["empty"] = sum(1 for r in rows if r["pred_tokens"] == 0)
    return s


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--only", default=",".join(TOOLS), help="tools, comma-separated")
    ap.add_argument("--corpus", default="readability,zyte,wcxb,heldout",
                    help="corpora, comma-separated (heldout: when benches/quality/heldout.py has made it)")
    ap.add_argument("--per-page", action="store_true")
    ap.add_argument("--show-meta", action="store_true", help="print every metadata mismatch")
    ap.add_argument("--jobs", type=int, default=2, help="processes per tool (the machine is shared)")
    ap.add_argument("--json", type=Path, default=OUT / "summary.json", help="write every figure here")
    args = ap.parse_args()
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--bin", "declutter"], cwd=ROOT, check=True)
    tools = [t for t in TOOLS if t in args.only.split(",")]
    corpora = {c: j for c, j in pages().items() if c in args.corpus.split(",")}
    parts = split.load()
    figures: dict = {}
    meta_rows, times = [], {}
    for tool in tools:
        for corpus, jobs in corpora.items():
            metas = (run_declutter(corpus, jobs, args.jobs) if tool == "declutter"
                     else run_peer(tool, corpus, jobs, args.jobs))
            per_page = {r["id"]: r for r in score(tool, corpus, args.per_page)["pages"]}
            times[(tool, corpus)] = [m["ms"] for m in metas.values()]
            kinds = {j["id"]: j["type"] for j in jobs}
            groups = ["all"] + (sorted(set(kinds.values())) if corpus == "wcxb" else [])
            for g in groups:
                for part in ["all"] + (PARTS if corpus != "heldout" else []):
                    rows = [r for i, r in per_page.items()
                            if (g == "all" or kinds[i] == g) and (part == "all" or parts[(corpus, i)] == part)]
                    figures.setdefault(corpus, {}).setdefault(g, {}).setdefault(part, {})[tool] = summarise(rows)
            if corpus == "readability":
                meta_rows.append((tool, metadata_right(metas, args.show_meta, tool),
                                  metadata_right(metas, False, tool, rules=True)))
    for corpus, groups in figures.items():
        print(f"\n### {corpus}\n")
        print("| page type | part | pages | " + " | ".join(
            f"{t} F1 / P / R / empty" for t in tools) + " |")
        print("|---|---|---|" + "---|" * len(tools))
        for g, by_part in groups.items():
            for part, by_tool in by_part.items():
                cells = [f"{s['f1']:.3f} / {s['precision']:.3f} / {s['recall']:.3f} / {s['empty']}"
                         for s in (by_tool[t] for t in tools)]
                print(f"| {g} | {part} | {by_tool[tools[0]]['pages']} | " + " | ".join(cells) + " |")
    if meta_rows:
        print("\n| tool | Readability metadata right | right (issue rules) |\n|---|---|---|")
        for tool, m, r in meta_rows:
            print(f"| {tool} | {m[0]}/{m[1]} ({m[0] / m[1]:.1%}) | {r[0]}/{r[1]} ({r[0] / r[1]:.1%}) |")
    print("\n| tool | corpus | median ms | max ms |\n|---|---|---|---|")
    for (tool, corpus), ts in times.items():
        print(f"| {tool} | {corpus} | {statistics.median(ts):.1f} | {max(ts):.1f} |")
    print("(declutter: per CLI process, parse included; Readability.js: jsdom parse + parse(); "
          "trafilatura: extract() on the bytes; peers' times are those of the run that filled the cache)")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
