"""Per-Doc caches of what spaCy recomputes on every access.

``Doc.text`` joins every token's text and ``Doc.ents`` (so ``Span.ents``) builds a Span per entity
each time they are read; the rules read them per cue and per mention, which made them the largest
share of the extractor's own time (bench/README.md). The values are kept in ``doc.user_data``.
They are for code that runs once the Doc is complete: its text never changes (spaCy tokenization
keeps it verbatim), and its entities must not change after the first ``doc_ents`` call.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

_TEXT = "extractor.text"
_ENTS = "extractor.ents"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined at most once per Doc."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> Doc:
    """Record ``text`` (what ``doc`` was tokenized from) as its text, so it is never joined."""
    doc.user_data[_TEXT] = text
    return doc


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per Doc."""
    return _ents(doc)[0]


def span_ents(span: Span) -> list[Span]:
    """``span.ents`` (the entities wholly inside it, stopping at the first that runs past its end)."""
    ents, starts = _ents(span.doc)
    out = []
    for ent in ents[bisect_left(starts, span.start) :]:
        if ent.end > span.end:
            break
        out.append(ent)
    return out


def _ents(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    cached = doc.user_data.get(_ENTS)
    if cached is None:
        ents = doc.ents
        cached = doc.user_data[_ENTS] = (ents, [e.start for e in ents])
    return cached
