"""Benchmark texts: the Wikinews sample, the PolNeAR texts when present, and scaled, perturbed copies.

The data lives outside the repository, in ``../shared`` next to the repo root (override with
``EXTRACTOR_SHARED``, or ``EXTRACTOR_POLNEAR`` for the PolNeAR folder alone). PolNeAR is research
data without a licence: it is read in place, or copied only into temporary folders, never into the repo.
"""

from __future__ import annotations

import csv
import json
import os
import random
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Text:
    """One benchmark article: the same fields as an ``extractor`` JSONL input record."""

    id: str
    text: str
    published: str | None = None

    def record(self) -> str:
        return json.dumps({"id": self.id, "text": self.text, "published": self.published}, ensure_ascii=False)


def shared_dir() -> Path:
    """``$EXTRACTOR_SHARED`` or ``../shared`` relative to the repository root."""
    return Path(os.environ.get("EXTRACTOR_SHARED") or REPO.parent / "shared")


def polnear_dir() -> Path:
    return Path(os.environ.get("EXTRACTOR_POLNEAR") or shared_dir() / "data" / "polnear")


def wikinews(limit: int | None = None) -> list[Text]:
    """The Wikinews sample (``shared/data/wikinews/*.csv``: url,date,title,text), in file order."""
    csv.field_size_limit(1 << 30)
    out: list[Text] = []
    for path in sorted((shared_dir() / "data" / "wikinews").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=1):
                out.append(Text(f"{path.stem}-{number:03d}", row["text"], row["date"] or None))
    return out[:limit]


def polnear_files(limit: int | None = None) -> list[Path]:
    """PolNeAR train texts, sorted by name; empty when the data is absent."""
    folder = polnear_dir() / "train" / "text"
    return sorted(folder.glob("*.txt"))[:limit] if folder.is_dir() else []


def polnear(limit: int | None = None) -> list[Text]:
    """PolNeAR train texts with their ``metadata.tsv`` publication dates; empty when absent."""
    dates: dict[str, str] = {}
    meta = polnear_dir() / "metadata.tsv"
    if meta.exists():
        with meta.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                dates[row["filename"]] = row.get("publication_date") or ""
    out = []
    for path in polnear_files(limit):
        text = path.read_bytes().decode("utf-8-sig")
        date = dates.get(path.stem, "")
        out.append(Text(path.stem, text, date if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else None))
    return out


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def perturb(text: str, seed: int) -> str:
    """A different article with the same words: sentences shuffled inside each paragraph and a few
    neighbouring words swapped, so the copy is neither an exact nor a near repeat of its source."""
    rng = random.Random(seed)
    out = []
    for para in re.split(r"(\n+)", text):
        if not para.strip() or para.startswith("\n"):
            out.append(para)
            continue
        sentences = _SENTENCE_END.split(para)
        rng.shuffle(sentences)
        words = " ".join(sentences).split(" ")
        for _ in range(max(1, len(words) // 15)):
            i = rng.randrange(len(words))
            j = min(len(words) - 1, i + 1)
            words[i], words[j] = words[j], words[i]
        out.append(" ".join(words))
    return "".join(out)


def scaled(base: list[Text], count: int) -> Iterator[Text]:
    """``count`` articles: ``base`` once as is, then perturbed copies, round-robin, with unique ids."""
    for n in range(count):
        item = base[n % len(base)]
        copy = n // len(base)
        if copy == 0:
            yield item
        else:
            yield Text(f"{item.id}~{copy}", perturb(item.text, seed=n), item.published)


def write_jsonl(texts: Iterable[Text], path: Path) -> int:
    """Write texts as extractor JSONL input (streaming); returns the number written."""
    n = 0
    with path.open("w", encoding="utf-8") as handle:
        for t in texts:
            handle.write(t.record() + "\n")
            n += 1
    return n


def words(text: str) -> int:
    """Words as ``extractor.pipeline.Summary`` counts them."""
    return len(text.split())
