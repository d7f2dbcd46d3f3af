#!/usr/bin/env python3
"""De-duplication time against the number of paragraphs: it must grow near-linearly.

``extractor.cleaning.clean`` hashes every paragraph (exact repeats) and runs rapidfuzz only on
candidate pairs that share a word-trigram of a 4-hash min-hash sketch (near repeats). This builds
synthetic text from real paragraphs (Wikinews, plus PolNeAR when present): 70% distinct paragraphs
(real ones, then new ones made of sentences drawn from different real paragraphs once those run
out), 15% exact repeats of an earlier paragraph of the same 20-paragraph article (case and quotes
changed) and 15% near repeats (a word in every ~15 replaced), and times ``clean`` on it two ways:

- ``one text``: all N paragraphs in one ``clean`` call, the worst case for the candidate index;
- ``articles``: the same paragraphs as articles of 20, one ``clean`` call each (as ingest runs it).

Reported per size: seconds, microseconds per paragraph, rapidfuzz comparisons made (against the
N(N-1)/2 of all pairs) and how many planted exact and near repeats were dropped.

usage: python bench/dedup_scaling.py [--sizes 1000,10000,100000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpora  # noqa: E402

from extractor import cleaning  # noqa: E402

ARTICLE_PARAGRAPHS = 20
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


@dataclass
class Synthetic:
    paragraphs: list[str]
    exact: int
    near: int


def real_paragraphs() -> list[str]:
    """Distinct paragraphs of at least 40 characters from the benchmark corpora."""
    seen: set[str] = set()
    out = []
    for t in corpora.wikinews() + corpora.polnear():
        for p in cleaning.split_paragraphs(t.text):
            body = t.text[p.start : p.end]
            key = cleaning.normalise(body)
            if len(key) >= cleaning.NEAR_MIN_CHARS and key not in seen:
                seen.add(key)
                out.append(body.replace("\n", " "))
    return out


def synthetic(n: int, pool: list[str], rng: random.Random) -> Synthetic:
    """``n`` paragraphs in articles of ``ARTICLE_PARAGRAPHS``: distinct ones, and exact and near repeats of
    an earlier paragraph of the same article."""
    sentences = [s for p in pool for s in _SENTENCE_END.split(p) if len(s) > 30]
    used = 0
    out: list[str] = []
    exact = near = 0
    for i in range(n):
        if i % ARTICLE_PARAGRAPHS == 0:
            article: list[str] = []  # this article's distinct paragraphs so far
        kind = rng.random()
        if article and kind < 0.15:
            out.append(rng.choice(article).upper().replace('"', "“"))  # the same once case and quotes fold
            exact += 1
        elif article and kind < 0.30:
            words = rng.choice(article).split()
            for _ in range(max(1, len(words) // 15)):
                words[rng.randrange(len(words))] = rng.choice(("the", "also", "new", "said"))
            out.append(" ".join(words))
            near += 1
        else:
            if used < len(pool):
                text = pool[used]
                used += 1
            else:  # past the real paragraphs: three sentences from three different ones
                text = " ".join(rng.sample(sentences, 3))
            article.append(text)
            out.append(text)
    return Synthetic(out, exact, near)


class CountingFuzz:
    """Stands in for ``rapidfuzz.fuzz`` inside cleaning, counting the comparisons."""

    def __init__(self) -> None:
        from rapidfuzz import fuzz

        self.fuzz = fuzz
        self.calls = 0

    def ratio(self, *args: object, **kwargs: object) -> float:
        self.calls += 1
        return self.fuzz.ratio(*args, **kwargs)


def timed(texts: list[str], repeats: int) -> tuple[float, int, dict[str, int]]:
    """Best-of-``repeats`` seconds to clean ``texts``, with comparisons and drops of one run."""
    best = float("inf")
    counter = CountingFuzz()
    original = cleaning.fuzz
    cleaning.fuzz = counter
    try:
        for _ in range(repeats):
            counter.calls = 0
            dropped = {"exact": 0, "near": 0}
            started = time.perf_counter()
            for text in texts:
                for d in cleaning.clean(text).dropped:
                    dropped[d.kind] += 1
            best = min(best, time.perf_counter() - started)
    finally:
        cleaning.fuzz = original
    return best, counter.calls, dropped


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000", help="paragraph counts (comma-separated)")
    ap.add_argument("--repeats", type=int, default=3, help="runs per measurement; the best is reported")
    a = ap.parse_args(argv)
    pool = real_paragraphs()
    print(f"{len(pool):,} distinct real paragraphs of at least {cleaning.NEAR_MIN_CHARS} characters")
    print(f"{'paragraphs':>10s} {'mode':>9s} {'seconds':>8s} {'us/para':>8s} {'comparisons':>12s}"
          f" {'of all pairs':>13s} {'exact dropped':>14s} {'near dropped':>13s}")
    for n in (int(x) for x in a.sizes.split(",")):
        data = synthetic(n, pool, random.Random(n))
        one = ["\n\n".join(data.paragraphs)]
        articles = ["\n\n".join(data.paragraphs[i : i + ARTICLE_PARAGRAPHS])
                    for i in range(0, n, ARTICLE_PARAGRAPHS)]
        for mode, texts in (("one text", one), ("articles", articles)):
            seconds, calls, dropped = timed(texts, a.repeats)
            pairs = n * (n - 1) // 2
            print(f"{n:>10,} {mode:>9s} {seconds:8.2f} {1e6 * seconds / n:8.1f} {calls:>12,} {calls / pairs:>13.5%}"
                  f" {dropped['exact']:>6,}/{data.exact:<7,} {dropped['near']:>6,}/{data.near:<6,}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
