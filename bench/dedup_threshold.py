"""Measure the near-duplicate threshold of extractor.cleaning on real articles.

Two questions decide the rapidfuzz ``ratio`` threshold at which a paragraph is dropped as a near repeat:

- false drops: how similar do *distinct* paragraphs of one real article get? Every pair of paragraphs
  (of at least ``NEAR_MIN_CHARS`` characters) within each Wikinews and PolNeAR article is compared, and
  the pairs at or above each threshold are counted (exact repeats, which are real duplicates, excluded).
- missed repeats: how similar is a paragraph to its own lightly edited copy? Each paragraph is copied
  with the edits re-published news shows (a changed or dropped word, a typo, changed punctuation and
  quotes, a trailing credit) and the share of copies at or above each threshold is counted.

usage: python bench/dedup_threshold.py [--limit N]
"""

from __future__ import annotations

import argparse
import random
import sys
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import polnear, wikinews  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

from extractor.cleaning import NEAR_MIN_CHARS, normalise, split_paragraphs  # noqa: E402

THRESHOLDS = (70, 75, 80, 85, 88, 90, 92, 95, 98)


def edited(text: str, rng: random.Random) -> str:
    """A copy of a paragraph with one or two of the edits that re-published news shows."""
    words = text.split()
    for _ in range(rng.choice((1, 2))):
        kind = rng.choice(("swap_word", "drop_word", "typo", "punct", "credit"))
        i = rng.randrange(len(words))
        if kind == "swap_word":
            words[i] = rng.choice(("the", "said", "also", "new", "on", "a"))
        elif kind == "drop_word" and len(words) > 5:
            del words[i]
        elif kind == "typo" and len(words[i]) > 3:
            w = words[i]
            j = rng.randrange(len(w) - 1)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
        elif kind == "punct":
            words[i] = words[i].replace('"', "“").replace(",", "") + rng.choice(("", ",", ";"))
        else:
            words.append(rng.choice(("(AP)", "(Reuters)", "— Staff")))
    return " ".join(words)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="articles per corpus")
    args = ap.parse_args(argv)
    texts = wikinews(args.limit) + polnear(args.limit)
    rng = random.Random(13)
    distinct = {t: 0 for t in THRESHOLDS}
    copies = {t: 0 for t in THRESHOLDS}
    pairs = paragraphs = 0
    closest: list[tuple[float, str, str]] = []
    for art in texts:
        paras = [normalise(art.text[p.start : p.end]) for p in split_paragraphs(art.text)]
        paras = [p for p in paras if len(p) >= NEAR_MIN_CHARS]
        for a, b in combinations(paras, 2):
            if a == b:
                continue
            pairs += 1
            score = fuzz.ratio(a, b)
            for t in THRESHOLDS:
                distinct[t] += score >= t
            if score >= 80:
                closest.append((score, a[:90], b[:90]))
        for p in paras:
            paragraphs += 1
            score = fuzz.ratio(p, normalise(edited(p, rng)))
            for t in THRESHOLDS:
                copies[t] += score >= t
    print(f"articles={len(texts)} paragraphs={paragraphs} distinct pairs={pairs}")
    print(f"{'threshold':>10}{'distinct pairs >=':>20}{'edited copies >=':>20}")
    for t in THRESHOLDS:
        print(f"{t:>10}{distinct[t]:>12} ({100 * distinct[t] / max(pairs, 1):.4f}%){copies[t]:>10}"
              f" ({100 * copies[t] / max(paragraphs, 1):.1f}%)")
    print("\nclosest distinct pairs (ratio >= 80):")
    for score, a, b in sorted(closest, reverse=True)[:8]:
        print(f"  {score:.1f}  {a!r}\n        {b!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
