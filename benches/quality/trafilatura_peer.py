#!/usr/bin/env python3
"""Runs trafilatura (pinned in requirements.txt, in .venv-bench/) over a list of pages and writes,
per page, its plain-text main content, so that run.py can score it exactly like declutter.
Defaults of trafilatura.extract (comments and tables included), as a user of the library gets.
Input: a JSON file [{id, path, url, out}] given as argv[1]; argv[2] = worker processes.
"""
import gzip
import json
import sys
import time
from multiprocessing import Pool
from pathlib import Path

import trafilatura


def one(job: dict) -> None:
    data = Path(job["path"]).read_bytes()
    if job["path"].endswith(".gz"):
        data = gzip.decompress(data)
    started = time.perf_counter()
    try:
        text = trafilatura.extract(data, url=job["url"], output_format="txt") or ""
    except Exception:  # a crash is a page with no output, as for the other tools
        text = ""
    ms = (time.perf_counter() - started) * 1000
    out = Path(job["out"])
    (out / f"{job['id']}.txt").write_text(text)
    (out / f"{job['id']}.meta.json").write_text(json.dumps({"meta": None, "ms": ms}))


if __name__ == "__main__":
    jobs = json.loads(Path(sys.argv[1]).read_text())
    with Pool(int(sys.argv[2]) if len(sys.argv) > 2 else 1) as pool:
        pool.map(one, jobs, chunksize=4)
