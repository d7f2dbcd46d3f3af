"""Cleaning: split an article into paragraphs and drop repeated ones, without moving any offset.

Exact repeats are found by hashing a normalised form; near repeats by rapidfuzz, but only between
paragraphs that share a word shingle in a small min-hash sketch, so the work stays near-linear in the
number of paragraphs. Dropped paragraphs are masked with spaces of the same length, so the text the
pipeline sees has every character where the raw text has it.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from extractor.models import DroppedParagraph, Span

NEAR_THRESHOLD = 90.0
"""rapidfuzz ``ratio`` (0-100) at or above which two paragraphs are near repeats; measured in bench/DEDUP.md."""
NEAR_MIN_CHARS = 40
"""Paragraphs shorter than this are only dropped as exact repeats: short lines differ by one word."""
SKETCH_SIZE = 4
SHINGLE = 3
MAX_BUCKET = 64
"""Paragraphs indexed under one sketch key at most. A key shared by more is a stock phrase, not a sign of
a repeat (a repeat shares its other keys too); the cap keeps a huge text's comparisons linear. Real
articles stay far below it: 13 at most over the Wikinews and PolNeAR texts (bench/README.md)."""

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'", "`": "'"})
_QUOTE_PAIRS = tuple((chr(k), v) for k, v in _QUOTES.items())  # no replacement is itself replaced
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_BLANK_LINE = re.compile(r"[^\S\n]*\n")
_NOT_LINE_BREAK = re.compile(r"[^\r\n]")


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int


@dataclass
class Cleaned:
    """An article split into paragraphs, with its repeats dropped and masked."""

    raw: str
    paragraphs: list[Paragraph]
    dropped: list[DroppedParagraph] = field(default_factory=list)
    masked: str = ""

    @property
    def kept(self) -> list[Paragraph]:
        gone = {(d.span.start, d.span.end) for d in self.dropped}
        return [p for p in self.paragraphs if (p.start, p.end) not in gone]


def normalise(text: str) -> str:
    """The form two paragraphs must share to be exact repeats: case, quotes and white space folded."""
    # the same as _SPACE.sub(" ", text.translate(_QUOTES).casefold()).strip(), several times faster
    for mark, plain in _QUOTE_PAIRS:
        if mark in text:
            text = text.replace(mark, plain)
    return " ".join(text.casefold().split())


def split_paragraphs(raw: str) -> list[Paragraph]:
    """Paragraphs are runs of non-blank lines; a line ending a sentence also ends a paragraph.

    Articles come both with blank lines between paragraphs and with one paragraph per line; a
    hard-wrapped line that stops mid-sentence is joined to the next.
    """
    out: list[Paragraph] = []
    start = end = None
    pos = 0
    for line in raw.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        line_start = pos + (len(body) - len(body.lstrip()))
        line_end = pos + len(body.rstrip())
        pos += len(line)
        if not stripped:
            if start is not None:
                out.append(Paragraph(start, end))
                start = None
            continue
        if start is None:
            start = line_start
        end = line_end
        if stripped[-1] in ".!?:\"'”’)]" or len(stripped) < 60:
            out.append(Paragraph(start, end))
            start = None
    if start is not None:
        out.append(Paragraph(start, end))
    return out


def _sketch(norm: str) -> list[int]:
    words = _WORD.findall(norm)
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    hashes = sorted(int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big") for s in shingles)
    return hashes[:SKETCH_SIZE]


def clean(raw: str, threshold: float = NEAR_THRESHOLD) -> Cleaned:
    """Split ``raw`` into paragraphs and drop exact and near repeats, keeping the first of each."""
    paragraphs = split_paragraphs(raw)
    result = Cleaned(raw=raw, paragraphs=paragraphs)
    seen_exact: dict[str, Paragraph] = {}
    by_key: dict[int, list[tuple[Paragraph, str]]] = defaultdict(list)
    masked: list[str] = []  # the text up to ``done``, dropped paragraphs blanked
    done = 0
    for para in paragraphs:
        norm = normalise(raw[para.start : para.end])
        first = seen_exact.get(norm)
        match: tuple[Paragraph, float, str] | None = (first, 100.0, "exact") if first else None
        keys = _sketch(norm) if len(norm) >= NEAR_MIN_CHARS else []
        if match is None and keys:
            best: tuple[Paragraph, float] | None = None
            checked: set[int] = set()  # starts of the paragraphs compared (hashing ints, not dataclasses)
            for key in keys:
                for other, other_norm in by_key.get(key, ()):
                    if other.start in checked:
                        continue
                    checked.add(other.start)
                    score = fuzz.ratio(norm, other_norm, score_cutoff=threshold)
                    if score and (best is None or score > best[1]):
                        best = (other, score)
            if best is not None:
                match = (best[0], best[1], "near")
        if match is not None:
            original, score, kind = match
            result.dropped.append(
                DroppedParagraph(
                    span=Span.of(raw, para.start, para.end),
                    duplicate_of=Span.of(raw, original.start, original.end),
                    similarity=round(score, 2),
                    kind=kind,
                )
            )
            masked += [raw[done : para.start], _NOT_LINE_BREAK.sub(" ", raw[para.start : para.end])]
            done = para.end
            continue
        seen_exact[norm] = para
        for key in keys:
            bucket = by_key[key]
            if len(bucket) < MAX_BUCKET:
                bucket.append((para, norm))
    masked.append(raw[done:])
    result.masked = "".join(masked)
    return result
