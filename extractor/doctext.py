"""A Doc's text, joined once per Doc.

spaCy's ``Doc.text`` rebuilds the string from every token on each access, so rules that read it per
cue paid a whole-document join each time. ``doc_text`` keeps the string in ``doc.user_data``; the
pipeline primes it with the text it tokenized (spaCy's tokenization never alters the text).
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "extractor.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed at most once per Doc."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> Doc:
    """Record ``text`` (what ``doc`` was tokenized from) as its text, so it is never joined."""
    doc.user_data[_KEY] = text
    return doc
