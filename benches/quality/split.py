#!/usr/bin/env python3
"""The tuning/validation split of the quality corpora, by site (docs/quality-split.md).

A page's part is fixed by its host name alone, so that every page of one site falls on the same
side: host = the page's URL host, lower-cased, without a leading "www."; part = "tuning" if the
first byte of SHA-256(host as UTF-8) is below 128, else "validation".

Where the URL comes from: the Zyte benchmark and wcxb-dev give one per page in ground-truth.json.
A Readability test page has none in its metadata, so its source's <link rel="canonical"> or
og:url is read; a page with neither is keyed by its folder name (then "host" is "case:<name>").

This module is the one definition; it writes benches/quality/split.tsv (corpus, id, host, part),
which the bench (run.py) and the ratchet (tests/quality_ratchet.rs) both read. Rerun only if a
corpus gains pages: the rule is fixed, so existing rows never change.

Usage: python3 benches/quality/split.py [--corpus DIR] [--check]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
TSV = Path(__file__).with_name("split.tsv")
CORPORA = {"readability": "readability-test-pages", "zyte": "article-extraction-benchmark",
           "wcxb": "wcxb-dev"}

CANONICAL = [
    re.compile(r"""<link\b[^>]*\brel=["']?canonical["']?[^>]*\bhref=["']([^"']+)""", re.I),
    re.compile(r"""<link\b[^>]*\bhref=["']([^"']+)["'][^>]*\brel=["']?canonical""", re.I),
    re.compile(r"""<meta\b[^>]*\bproperty=["']og:url["'][^>]*\bcontent=["']([^"']+)""", re.I),
    re.compile(r"""<meta\b[^>]*\bcontent=["']([^"']+)["'][^>]*\bproperty=["']og:url""", re.I),
]


def host_of(url: str) -> str | None:
    host = (urlsplit(url.strip()).hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    return host or None


def part_of(host: str) -> str:
    return "tuning" if hashlib.sha256(host.encode()).digest()[0] < 128 else "validation"


def readability_host(case: Path) -> str:
    source = (case / "source.html").read_text(errors="replace")
    for rx in CANONICAL:
        m = rx.search(source)
        if m and (h := host_of(m.group(1))):
            return h
    return f"case:{case.name}"


def rows(corpus: Path) -> list[tuple[str, str, str, str]]:
    out = []
    rd = corpus / CORPORA["readability"]
    for case in sorted(p for p in rd.iterdir() if (p / "source.html").exists()):
        h = readability_host(case)
        out.append(("readability", case.name, h, part_of(h)))
    for name in ("zyte", "wcxb"):
        gt = json.loads((corpus / CORPORA[name] / "ground-truth.json").read_text())
        for pid, v in sorted(gt.items()):
            h = host_of(v.get("url") or "") or f"case:{pid}"
            out.append((name, pid, h, part_of(h)))
    return out


def load(path: Path = TSV) -> dict[tuple[str, str], str]:
    """(corpus, id) -> part, as committed."""
    parts = {}
    for line in path.read_text().splitlines()[1:]:
        corpus, pid, _host, part = line.split("\t")
        parts[(corpus, pid)] = part
    return parts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path,
                    default=Path(os.environ.get("DECLUTTER_CORPUS", ROOT.parent / "shared" / "corpus")))
    ap.add_argument("--check", action="store_true", help="fail if split.tsv differs from the rule")
    args = ap.parse_args()
    table = rows(args.corpus)
    text = "corpus\tid\thost\tpart\n" + "".join("\t".join(r) + "\n" for r in table)
    if args.check:
        sys.exit(0 if TSV.read_text() == text else "split.tsv differs from the rule")
    TSV.write_text(text)
    counts = Counter((r[0], r[3]) for r in table)
    sites = Counter((c, p) for c, _h, p in {(r[0], r[2], r[3]) for r in table})
    for c in CORPORA:
        print(c, {p: f"{counts[(c, p)]} pages / {sites[(c, p)]} hosts" for p in ("tuning", "validation")})


if __name__ == "__main__":
    main()
