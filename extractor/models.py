"""The claim record of ``shared/spec/claims.md`` as pydantic models: the one schema.

Every other stage (pipeline, store, review, scoring, annotations) reads and writes
these models, so validation rules live here and nowhere else.
"""

from __future__ import annotations

import hashlib
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

PartyKind = Literal["person", "organisation", "media", "government", "anonymous", "unknown"]
AttributionType = Literal["direct", "indirect", "according_to", "reported", "citing", "passive", "other"]
Channel = Literal["phone", "meeting", "video", "letter", "hotline", "unspecified"]
ContactStatus = Literal["held", "attempted", "refused", "unanswered", "not_attempted", "planned"]

PARTY_KINDS: tuple[str, ...] = PartyKind.__args__
ATTRIBUTION_TYPES: tuple[str, ...] = AttributionType.__args__
CHANNELS: tuple[str, ...] = Channel.__args__
CONTACT_STATUSES: tuple[str, ...] = ContactStatus.__args__

_ISO_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class Record(BaseModel):
    """Base for the spec's objects: extra keys are allowed and kept."""

    model_config = ConfigDict(extra="allow")


class Span(Record):
    """A piece of the article: ``raw[start:end] == text`` in the text as read."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} before start {self.start}")
        return self

    def matches(self, raw: str) -> bool:
        """True when the span's text is exactly what the article holds at its offsets."""
        return raw[self.start : self.end] == self.text

    @classmethod
    def of(cls, raw: str, start: int, end: int) -> Span:
        return cls(text=raw[start:end], start=start, end=end)


class Party(Record):
    """Someone who speaks or takes part in a contact."""

    name: str
    mention: Span | None = None
    kind: PartyKind = "unknown"
    role: str | None = None


class Attribution(Record):
    type: AttributionType = "other"
    via: list[Party] = Field(default_factory=list)


class DateRef(Record):
    """A date expression with its value resolved against the publication date when possible."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    value: str | None = None
    end_value: str | None = None
    resolved: bool = False

    @field_validator("value", "end_value")
    @classmethod
    def _iso(cls, v: str | None) -> str | None:
        if v is not None and not _ISO_PARTIAL.match(v):
            raise ValueError(f"date value {v!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        return v

    @model_validator(mode="after")
    def _resolved_has_value(self) -> DateRef:
        if self.resolved and self.value is None:
            raise ValueError("a resolved date needs a value")
        return self

    def span(self) -> Span:
        return Span(text=self.text, start=self.start, end=self.end)


class Contact(Record):
    """A communication event between parties."""

    initiator: list[Party] = Field(default_factory=list)
    counterpart: list[Party] = Field(default_factory=list)
    channel: Channel = "unspecified"
    status: ContactStatus = "held"
    duration: str | None = None
    cue: Span | None = None


class Claim(Record):
    """One thing an article asserts, who asserts it, when, and any contact it describes."""

    article_id: str
    claim_id: str | None = None
    sentence: Span
    content: Span | None = None
    cue: Span | None = None
    speaker: Party | None = None
    attribution: Attribution | None = None
    date: DateRef | None = None
    contact: Contact | None = None
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)

    def spans(self) -> list[tuple[str, Span]]:
        """Every span the claim holds, labelled by role (for offset checks and rendering)."""
        out: list[tuple[str, Span]] = [("sentence", self.sentence)]
        for label, span in (("content", self.content), ("cue", self.cue)):
            if span is not None:
                out.append((label, span))
        if self.speaker is not None and self.speaker.mention is not None:
            out.append(("speaker", self.speaker.mention))
        if self.attribution is not None:
            out += [("via", p.mention) for p in self.attribution.via if p.mention is not None]
        if self.date is not None:
            out.append(("date", self.date.span()))
        if self.contact is not None:
            if self.contact.cue is not None:
                out.append(("contact_cue", self.contact.cue))
            for p in self.contact.initiator + self.contact.counterpart:
                if p.mention is not None:
                    out.append(("party", p.mention))
        return out

    def with_id(self) -> Claim:
        """Return the claim with its stable id set from the article and its spans."""
        return self.model_copy(update={"claim_id": make_claim_id(self)})


def make_claim_id(claim: Claim) -> str:
    """Stable id: the same article, sentence, cue and content give the same id on every run."""

    def key(span: Span | None) -> str:
        return f"{span.start}-{span.end}" if span is not None else "-"

    contact_cue = claim.contact.cue if claim.contact is not None else None
    basis = "|".join(
        [claim.article_id, key(claim.sentence), key(claim.cue), key(claim.content), key(contact_cue)]
    )
    return claim.article_id + ":" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:12]


class DroppedParagraph(Record):
    """A paragraph removed as a repeat, kept so a reviewer can see what went and why."""

    span: Span
    duplicate_of: Span
    similarity: float = Field(ge=0.0, le=100.0)
    kind: Literal["exact", "near"]


class Annotation(Record):
    """A hand annotation file: ``annotations/<article_id>.json``."""

    article_id: str
    published: str | None = None
    claims: list[Claim] = Field(default_factory=list)
