#!/usr/bin/env python3
"""Snapshot the extractor's output, to check that a speed change leaves every claim as it was.

Writes one JSON line per article (id, dropped paragraphs, claims) for ``corpus/*.txt`` and the
first ``--polnear N`` PolNeAR texts (read in place; skipped when absent). Run it before and after a
change (e.g. with ``PYTHONPATH`` pointing at a copy of the package without the change) and compare:

    python bench/claims_snapshot.py /tmp/before.jsonl --polnear 200
    python bench/claims_snapshot.py /tmp/after.jsonl --polnear 200
    python bench/claims_snapshot.py --compare /tmp/before.jsonl /tmp/after.jsonl

``--lemmatizer spacy`` runs spaCy's own rule lemmatizer instead of the pipeline's memoising one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import REPO, polnear_files  # noqa: E402

SEED_CALL = "004_cfc88bfb802f9a60"  # published 2022-05-13, as the tests assume


def articles(polnear_limit: int) -> Iterator[object]:
    from extractor.reading import Article, read_inputs

    paths = sorted(str(p) for p in (REPO / "corpus").glob("*.txt"))
    paths += [str(p) for p in polnear_files(polnear_limit)] if polnear_limit else []
    for item in read_inputs(paths):
        if not isinstance(item, Article):
            raise SystemExit(f"unreadable input: {item}")
        if item.id == SEED_CALL:
            item = item.model_copy(update={"published": dt.date(2022, 5, 13)})
        yield item


def snapshot(out: Path, polnear_limit: int, lemmatizer: str) -> int:
    from extractor import nlp as nlp_module
    from extractor.pipeline import process

    if lemmatizer == "spacy":
        nlp_module.MEMO_LEMMATIZER = False
    n = 0
    with out.open("w", encoding="utf-8") as handle:
        for result in process(articles(polnear_limit)):
            record = {
                "id": result.article.id,
                "dropped": [d.model_dump(mode="json") for d in result.dropped],
                "claims": [c.model_dump(mode="json") for c in result.claims],
            }
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    return n


def compare(a: Path, b: Path) -> int:
    """Print the articles whose output differs; 0 when both files hold the same records."""
    left = [json.loads(line) for line in a.open(encoding="utf-8")]
    right = [json.loads(line) for line in b.open(encoding="utf-8")]
    if [r["id"] for r in left] != [r["id"] for r in right]:
        print("the two snapshots hold different articles")
        return 1
    differ = [x["id"] for x, y in zip(left, right, strict=True) if x != y]
    claims = sum(len(r["claims"]) for r in left)
    for article_id in differ:
        print(f"differs: {article_id}")
    print(f"{len(left)} articles, {claims} claims; {len(differ)} articles differ")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", type=Path, help="snapshot file to write")
    ap.add_argument("--polnear", type=int, default=200, help="PolNeAR articles to add (0: none)")
    ap.add_argument("--lemmatizer", choices=("memo", "spacy"), default="memo")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"), help="compare two snapshots")
    a = ap.parse_args(argv)
    if a.compare:
        return compare(*a.compare)
    if a.out is None:
        ap.error("give an output file or --compare A B")
    started = time.perf_counter()
    n = snapshot(a.out, a.polnear, a.lemmatizer)
    print(f"{n} articles -> {a.out} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
