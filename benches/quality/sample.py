#!/usr/bin/env python3
"""Copies the quality ratchet's sample (tests/quality_ratchet.rs) from ../shared/corpus into
tests/corpus/, in the same layout: every n-th page (sorted by id) among the pages below a size
cap, per corpus and, for wcxb-dev, per page type, with the ground-truth entries of those pages
only. Run once; rerun only to change the sample (then re-measure the ratchet's floors).

Usage: python3 benches/quality/sample.py [--corpus DIR]
"""
import argparse
import json
import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEST = ROOT / "tests" / "corpus"
READABILITY_PAGES, READABILITY_CAP = 12, 120_000  # source.html bytes
ZYTE_PAGES, ZYTE_CAP = 15, 60_000  # .html.gz bytes
WCXB_PAGES_PER_TYPE, WCXB_CAP = 4, 50_000  # .html.gz bytes


def every_nth(items: list, count: int) -> list:
    step = max(1, len(items) // count)
    return items[::step][:count]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path,
                    default=Path(os.environ.get("DECLUTTER_CORPUS", ROOT.parent / "shared" / "corpus")))
    src = ap.parse_args().corpus

    rd = src / "readability-test-pages"
    cases = sorted(d.name for d in rd.iterdir()
                   if (d / "source.html").exists() and (d / "source.html").stat().st_size < READABILITY_CAP)
    for name in every_nth(cases, READABILITY_PAGES):
        shutil.copytree(rd / name, DEST / "readability-test-pages" / name, dirs_exist_ok=True)

    for sub, per_type, count, cap in (("article-extraction-benchmark", False, ZYTE_PAGES, ZYTE_CAP),
                                       ("wcxb-dev", True, WCXB_PAGES_PER_TYPE, WCXB_CAP)):
        gt = json.loads((src / sub / "ground-truth.json").read_text())
        groups: dict[str, list[str]] = {}
        for k in sorted(gt):
            if (src / sub / "html" / f"{k}.html.gz").stat().st_size < cap:
                groups.setdefault(gt[k].get("page_type", "article") if per_type else "all", []).append(k)
        chosen = sorted(k for ids in groups.values() for k in every_nth(ids, count))
        (DEST / sub / "html").mkdir(parents=True, exist_ok=True)
        for k in chosen:
            shutil.copyfile(src / sub / "html" / f"{k}.html.gz", DEST / sub / "html" / f"{k}.html.gz")
        (DEST / sub / "ground-truth.json").write_text(
            json.dumps({k: gt[k] for k in chosen}, indent=1, ensure_ascii=False) + "\n")
    for lic in ("article-extraction-benchmark/LICENSE", "wcxb-dev/LICENSE", "wcxb-dev/SOURCE.txt"):
        shutil.copyfile(src / lic, DEST / lic)
    for lic in ("LICENSE.readability", "NOTICE.readability"):
        shutil.copyfile(src / lic, DEST / lic)


if __name__ == "__main__":
    main()
