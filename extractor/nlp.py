"""The spaCy pipeline: the statistical English model plus the project's rule components.

Components are registered with ``@Language.factory`` and leave their results on the Doc:
``doc.spans["cue"|"source"|"content"|"contact"|"date"]`` for display and ``doc._.attributions``,
``doc._.contacts``, ``doc._.dates`` (and ``doc._.future_dates``, ``doc._.past_dates``) for the claim
builder. Pattern data lives in ``patterns/``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from extractor import DEFAULT_MODEL
from extractor.attribution import AttributionFinder
from extractor.contacts import ContactFinder
from extractor.dates import (
    WEEKDAY_THEN_COUNT,
    event_date_spans,
    find_date_expressions,
    future_dates,
    names_a_time,
    past_dates,
)
from extractor.doccache import doc_text
from extractor.errors import ModelError
from extractor.fastpipes import speed_up

__all__ = ["DEFAULT_MODEL", "ModelError", "load_pipeline"]
PATTERNS = Path(__file__).parent / "patterns"

for _name in ("attributions", "contacts", "dates", "future_dates", "past_dates"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.factory("paragraph_sentences")
def make_paragraph_sentences(nlp: Language, name: str) -> ParagraphSentences:
    return ParagraphSentences()


class ParagraphSentences:
    """A paragraph break (or a masked, dropped paragraph) always starts a sentence: headlines have no full stop."""

    def __call__(self, doc: Doc) -> Doc:
        # Only white-space tokens and colons can act (a token's own whitespace_ is " " or ""), so
        # those are found with one array read instead of a Python step per token.
        flags = doc.to_array([IS_SPACE, ORTH])
        candidates = ((flags[:-1, 0] == 1) | (flags[:-1, 1] == doc.vocab.strings[":"])).nonzero()[0]
        for tok in (doc[int(i)] for i in candidates):
            if tok.is_space and "\n" in tok.text:
                doc[tok.i + 1].is_sent_start = True
            elif "\n" in tok.whitespace_ or (tok.is_space and len(tok.text) > 3):
                doc[tok.i + 1].is_sent_start = True
            elif tok.text == ":" and not doc[tok.i + 1].is_space and doc[tok.i + 1].is_sent_start is None:
                doc[tok.i + 1].is_sent_start = False  # "Pentagon: Shoigu and ..." is one sentence
        return doc


@Language.factory("attribution_finder")
def make_attribution_finder(nlp: Language, name: str) -> AttributionComponent:
    return AttributionComponent()


class AttributionComponent:
    def __init__(self) -> None:
        self.finder = AttributionFinder()

    def __call__(self, doc: Doc) -> Doc:
        found = self.finder(doc)
        doc._.attributions = found
        spans = {"cue": [], "source": [], "content": []}
        for item in found:
            for label, offsets in (("cue", [item.cue]), ("source", [item.source] if item.source else []),
                                   ("content", item.content)):
                for start, end in offsets:
                    span = doc.char_span(start, end, label=label, alignment_mode="expand")
                    if span is not None:
                        spans[label].append(span)
        for label, items in spans.items():
            doc.spans[label] = items
        return doc


@Language.factory("contact_finder")
def make_contact_finder(nlp: Language, name: str) -> ContactComponent:
    return ContactComponent()


class ContactComponent:
    def __init__(self) -> None:
        self.finder = ContactFinder()

    def __call__(self, doc: Doc) -> Doc:
        found = self.finder(doc)
        doc._.contacts = found
        doc.spans["contact"] = [
            s for s in (doc.char_span(*c.cue, label=c.channel, alignment_mode="expand") for c in found) if s
        ]
        return doc


NAME_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "FAC", "GPE", "NORP", "LAW"})
"""Entities whose words are a name, whatever date words they hold ('USA Today', 'Sunday Times')."""


@Language.factory("date_finder")
def make_date_finder(nlp: Language, name: str) -> DateComponent:
    return DateComponent()


class DateComponent:
    """DATE entities, widened or complemented by date expressions the model cuts short ('since mid-February')."""

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[int, int]] = []
        raw = doc_text(doc)
        for ent in doc.ents:
            if ent.label_ == "DATE":
                text = ent.text.split("\n", 1)[0].rstrip(" \xa0,")  # a dateline runs into the next paragraph
                counted = WEEKDAY_THEN_COUNT.match(text)
                if counted and re.match(r" [a-z]", raw[ent.end_char : ent.end_char + 2]):
                    text = counted.group(1)  # 'as of Wednesday, 1885 aftershocks had occurred'
                if text.isdigit() and (re.match(r"-[^\W\d]", raw[ent.end_char : ent.end_char + 2]) or
                                       re.search(r"[^\W\d]-$", raw[max(0, ent.start_char - 2) : ent.start_char])):
                    continue  # a year glued into a name: '2019-nCoV', 'COVID-19'
                if text and names_a_time(text):
                    found.append((ent.start_char, ent.start_char + len(text)))
        names = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in NAME_LABELS]
        for start, end in find_date_expressions(raw):
            if any(a <= start and end <= b for a, b in names):
                continue  # 'USA Today noted': a name, not a day
            overlapping = [f for f in found if f[0] < end and start < f[1]]
            for f in overlapping:
                found.remove(f)
            found.append((min([start, *(f[0] for f in overlapping)]), max([end, *(f[1] for f in overlapping)])))
        for start, end in event_date_spans(doc):  # only where no calendar date is: it says more
            if all(end <= f[0] or start >= f[1] for f in found):
                found.append((start, end))
        found.sort()
        doc._.dates = found
        doc._.future_dates = future_dates(doc, found)
        doc._.past_dates = past_dates(doc, found)
        doc.spans["date"] = [
            s for s in (doc.char_span(a, b, label="DATE", alignment_mode="expand") for a, b in found) if s
        ]
        return doc


FAST_COMPONENTS = True
"""Run the model's attribute ruler and lemmatizer through ``extractor.fastpipes`` (same annotations,
less time; bench/README.md). False: spaCy's components as they are."""

RULE_COMPONENTS = ("attribution_finder", "contact_finder", "date_finder")


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The model with the rule components added; loaded once per process and model name."""
    return _load_pipeline(model, FAST_COMPONENTS)


@lru_cache(maxsize=4)
def _load_pipeline(model: str, fast_components: bool) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise ModelError(
            f"spaCy model {model!r} is not installed (install its package; nothing is downloaded at run time)"
        ) from err
    if fast_components:
        speed_up(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_sentences", before="parser")
    if "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
        ruler.from_disk(PATTERNS / "entities.jsonl")
    for name in RULE_COMPONENTS:
        nlp.add_pipe(name, last=True)
    return nlp
