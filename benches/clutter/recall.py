#!/usr/bin/env python3
"""Text side of bench-clutter, with the corpus scorer's own tokenizer, 4-grams and visible text.

    recall.py gt READABILITY_DIR      -> JSON {case: visible text of expected.html}
    recall.py score PAGES.jsonl       -> JSON {id: [recall of uncleaned page, recall of cleaned page]}

Each PAGES.jsonl line is {"id", "gt", "base", "clean"} (ground truth text, uncleaned HTML, cleaned HTML).
"""
import json
import os
import sys
from pathlib import Path

# The corpus scorer lives beside the full corpora: $DECLUTTER_CORPUS, else ../shared/corpus.
CORPUS = Path(os.environ.get('DECLUTTER_CORPUS') or Path(__file__).resolve().parents[3] / 'shared' / 'corpus')
if not (CORPUS / 'score_extract.py').exists():
    sys.exit(f'recall.py: the full corpora are not at {CORPUS}: set DECLUTTER_CORPUS or put them at ../shared/corpus')
sys.path.insert(0, str(CORPUS))
from score_extract import recall_score, tp_fp_fn, visible_text  # noqa: E402


def recall(gt: str, html: str) -> float:
    return recall_score(*tp_fp_fn(gt, visible_text(html)))


def main() -> None:
    mode, arg = sys.argv[1], Path(sys.argv[2])
    if mode == 'gt':
        out = {c.name: visible_text((c / 'expected.html').read_text(encoding='utf8'))
               for c in sorted(arg.iterdir()) if (c / 'expected.html').is_file()}
    else:
        out = {}
        with arg.open(encoding='utf8') as f:
            for line in f:
                p = json.loads(line)
                out[p['id']] = [recall(p['gt'], p['base']), recall(p['gt'], p['clean'])]
    json.dump(out, sys.stdout)


if __name__ == '__main__':
    main()
