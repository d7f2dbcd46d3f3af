#!/usr/bin/env python3
"""Where the ingest path spends its CPU time: each stage and pipeline component, timed on its own.

Runs the same steps as ``extractor.pipeline.process`` + ``Store.save_article``, but stage by stage
over the whole set (reading, cleaning, tokenizing, each spaCy component, claims, SQLite), and prints
CPU seconds per stage, split into the model's own components and the extractor's additions. No
profiler is involved in these figures (cProfile inflates Python-heavy code several times over);
``--cprofile FILE`` additionally dumps a cProfile of the whole ``ingest`` call for a closer look.

usage: python bench/profile_ingest.py [--wikinews N] [--polnear N] [--cprofile out.prof]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpora  # noqa: E402

T = TypeVar("T")
MODEL_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


class Clock:
    """CPU seconds per stage."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def run(self, stage: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        started = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.process_time() - started


def stages(paths: list[str], db: Path) -> tuple[Clock, int]:
    """Every stage of the ingest path over ``paths``, one stage at a time."""
    from extractor.claims import build_claims
    from extractor.cleaning import clean
    from extractor.doccache import remember_text
    from extractor.nlp import load_pipeline
    from extractor.reading import read_inputs
    from extractor.store import Store

    clock = Clock()
    nlp = clock.run("load (model + rules)", load_pipeline)
    list(nlp.pipe(['Warm-up. "Yes," he said on Monday, according to officials.'] * 2))
    articles = clock.run("read", lambda: list(read_inputs(paths)))
    words = sum(corpora.words(a.text) for a in articles)
    cleaned = [clock.run("clean", clean, a.text) for a in articles]
    docs = [clock.run("tokenize", lambda c: remember_text(nlp.make_doc(c.masked), c.masked), c) for c in cleaned]
    for name, proc in nlp.pipeline:
        if hasattr(proc, "pipe"):
            docs = clock.run(name, lambda p=proc, ds=docs: list(p.pipe(ds, batch_size=32)))
        else:
            docs = [clock.run(name, proc, d) for d in docs]
    claims = [
        clock.run("claims", build_claims, d, a.id, a.text, a.published)
        for d, a in zip(docs, articles, strict=True)
    ]
    with Store(db) as store:
        for a, c, cs in zip(articles, cleaned, claims, strict=True):
            clock.run("store", store.save_article, a.id, a.text, a.published, c.dropped, cs, source=a.source,
                      published_from=a.published_from)
    return clock, words


def report(clock: Clock, words: int) -> None:
    seconds = {k: v for k, v in clock.seconds.items() if not k.startswith("load")}
    model = sum(v for k, v in seconds.items() if k in MODEL_COMPONENTS or k == "tokenize")
    total = sum(seconds.values())
    print(f"{'stage':24s} {'CPU s':>8s} {'% of model':>11s}")
    for name, value in clock.seconds.items():
        mark = "" if name in MODEL_COMPONENTS or name == "tokenize" or name.startswith("load") else "  extractor"
        print(f"{name:24s} {value:8.2f} {100 * value / model:10.1f}%{mark}")
    print(f"{words:,} words; model {model:.1f} s ({words / model:,.0f} words/s), whole path {total:.1f} s"
          f" ({words / total:,.0f} words/s): the extractor adds {100 * (total - model) / model:.1f}%")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wikinews", type=int, default=295, help="Wikinews articles (default: all 295)")
    ap.add_argument("--polnear", type=int, default=0, help="PolNeAR articles, when present (default: 0)")
    ap.add_argument("--cprofile", type=Path, help="also profile one whole ingest() call into this file")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        if a.wikinews:
            corpora.write_jsonl(corpora.wikinews(a.wikinews), Path(tmp) / "wikinews.jsonl")
            paths.append(str(Path(tmp) / "wikinews.jsonl"))
        paths += [str(p) for p in corpora.polnear_files(a.polnear)] if a.polnear else []
        clock, words = stages(paths, Path(tmp) / "stages.db")
        report(clock, words)
        if a.cprofile:
            import cProfile

            from extractor.pipeline import ingest
            from extractor.reading import read_inputs
            from extractor.store import Store

            with Store(Path(tmp) / "profile.db") as store:
                cProfile.runctx("ingest(read_inputs(paths), store=store)", globals(),
                                {"ingest": ingest, "read_inputs": read_inputs, "paths": paths, "store": store},
                                filename=str(a.cprofile))
            print(f"cProfile of ingest() -> {a.cprofile} (python -m pstats {a.cprofile})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
