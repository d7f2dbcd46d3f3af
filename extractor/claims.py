"""Claims: the attributions, contacts and dates found on a Doc, assembled into spec records.

A contact that is the occasion of an attribution, standing between its source or cue and its content
("Adderley wrote to the embassy asking ...", "Zelensky said in a meeting with Honcharuk, ..."), or
that is reported inside its content ("The briefing notes that ... spoke") rides on that attribution's
claim; any other contact is a claim of its own, asserted by the article. Each
claim takes the date expression nearest its contact cue, else the first in its content, else the
first in its sentence, resolved against the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right

from spacy.tokens import Doc

from extractor.attribution import SPEECH, Found, quotations
from extractor.contacts import FoundContact
from extractor.dates import Resolution, anaphoric_offset, resolve_date
from extractor.doccache import doc_text
from extractor.models import Attribution, Claim, Contact, DateRef, Party, Span
from extractor.speakers import SpeakerResolver

MEDIA_VERBS = {"report", "learn", "write", "publish", "tweet", "post"}
# verbs whose date is the day words were spoken or written
STATEMENT_VERBS = SPEECH | {
    "tweet", "post", "urge", "call", "speak", "deny", "respond", "reply", "continue", "ask", "demand", "accuse",
    "blame", "promise", "vow", "pledge", "threaten", "condemn", "criticize", "praise", "reject", "confirm"}


def _span(raw: str, offsets: tuple[int, int] | None) -> Span | None:
    if offsets is None:
        return None
    start, end = offsets
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return Span.of(raw, start, end) if end > start else None


def _inside(offsets: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= offsets[0] and offsets[1] <= outer[1]


NOT_A_DATE = re.compile(
    r"(?i)\b(?:years?|months?|weeks?|days?)[- ]old\b"  # ages: 'six years old', '19-year-old'
    r"|^(?:daily|weekly|monthly|annually|yearly|nightly|hourly)$"  # frequencies
    r"|^\d{1,3}$|^(?!1[89]\d\d$|20\d\d$)\d{4}$"  # counts and clock times, not years
    r"|^(?:for )?(?:some|many|several|a few|few) (?:years|months|weeks|days|decades|centuries)$"
)  # vague lengths of time: 'for many centuries' says how long, never when


def is_claim_date(text: str) -> bool:
    """Whether a DATE expression can say when something happened (not an age, a frequency or a count)."""
    return not NOT_A_DATE.search(text.strip())


def pick_date(
    dates: list[tuple[int, int]], raw: str, region: tuple[int, int], resolve: DateResolver,
    near: int | None = None, spoken: bool = True,
) -> DateRef | None:
    """The date expression for a claim: nearest ``near`` (a contact cue) or first, inside ``region``.
    With ``spoken``, one inside a quotation is resolved against the day the words were spoken."""
    inside = [d for d in dates if _inside(d, region) and is_claim_date(raw[d[0] : d[1]])]
    if not inside:
        return None
    if near is not None:
        inside.sort(key=lambda d: min(abs(d[0] - near), abs(d[1] - near)))
    resolved = [(d, resolve(d, spoken=spoken)) for d in inside]
    # a calendar date before an event one ('after the summit on May 13'); in order otherwise
    (start, end), res = next(((d, r) for d, r in resolved if r.resolved), resolved[0])
    text = raw[start:end]
    return DateRef(text=text, start=start, end=end, value=res.value, end_value=res.end_value, resolved=res.resolved)


class SpeechDate:
    """The day quoted words were spoken, for 'today' or 'last night' inside a quotation.

    A news story dates a statement outside the quote ("On Tuesday, Trump announced ..."; "In his
    speech on Wednesday, ...") and the quotations that follow keep that day until another statement
    is dated; with none dated yet, the publication date is the best guess. Reported speech outside
    quotation marks shifts its deictics ("said he would leave the next day"), so it keeps the
    publication date.
    """

    def __init__(self, published: dt.date | None, quotes: list[tuple[int, int]]):
        self.published = published
        self.day = published
        self.quotes = quotes

    def quoted(self, offsets: tuple[int, int]) -> bool:
        return any(q0 < offsets[0] and offsets[1] < q1 for q0, q1 in self.quotes)

    def anchor(self, offsets: tuple[int, int]) -> dt.date | None:
        """The date to resolve the expression at ``offsets`` against."""
        return self.day if self.quoted(offsets) else self.published

    def saw(self, found: Found, dates: list[tuple[int, int]], raw: str) -> None:
        """Take the day a statement was made, when its sentence gives one outside what is said and
        outside any quotation ("On Tuesday, Trump announced ...", "said yesterday"), as the new day."""
        if found.cue_lemma not in STATEMENT_VERBS:
            return  # 'released the messages on July 13' dates a deed, not words
        content = found.content_span
        outside = [d for d in dates if _inside(d, found.sentence) and not self.quoted(d)
                   and not (content is not None and _inside(d, content)) and is_claim_date(raw[d[0] : d[1]])]
        outside.sort(key=lambda d: min(abs(d[0] - found.cue[0]), abs(d[1] - found.cue[0])))
        for start, end in outside:
            res = resolve_date(raw[start:end], self.published)
            if res.resolved and res.end_value is None and len(res.value or "") == 10:
                self.day = dt.date.fromisoformat(res.value)
                return


class DateResolver:
    """Resolves an article's date expressions in their context: whether the clause each dates points
    ahead (``doc._.future_dates``: 'will meet on Monday' is the next Monday), the day quoted words
    were spoken (:class:`SpeechDate`), and the story's own day for 'the next day', 'that day' or 'two
    days later', which publication does not anchor. That day is the last day-precise date up to
    publication, outside quotations, in the same sentence or the one before (further back, Wikinews
    stories had moved on to another day as often as not); with none there, it stays unresolved."""

    def __init__(self, dates: list[tuple[int, int]], raw: str, published: dt.date | None,
                 future: frozenset[int], spoken: SpeechDate, sentence_starts: list[int]):
        self.raw, self.published, self.future, self.spoken = raw, published, future, spoken
        self.anchored: dict[tuple[int, int], Resolution] = {}
        day: tuple[dt.date, int] | None = None  # (the day, its sentence)
        for d in dates:
            if spoken.quoted(d):
                continue
            sentence = bisect_right(sentence_starts, d[0])
            offset = anaphoric_offset(raw[d[0] : d[1]])
            if offset is not None:
                if day is not None and day[1] >= sentence - 1:
                    day = day[0] + dt.timedelta(days=offset), sentence
                    self.anchored[d] = Resolution(day[0].isoformat(), None, True)
                continue
            res = resolve_date(raw[d[0] : d[1]], published, d[0] in future)
            if res.resolved and res.end_value is None and len(res.value or "") == 10 and \
                    (published is None or res.value <= published.isoformat()):  # not 'is to take effect on December 10'
                day = dt.date.fromisoformat(res.value or ""), sentence

    def __call__(self, d: tuple[int, int], spoken: bool = True) -> Resolution:
        if d in self.anchored:
            return self.anchored[d]
        anchor = self.spoken.anchor(d) if spoken else self.published
        return resolve_date(self.raw[d[0] : d[1]], anchor, d[0] in self.future)


def build_claims(doc: Doc, article_id: str, raw: str, published: dt.date | None) -> list[Claim]:
    """All claims of one processed article; ``doc.text`` must have ``raw``'s length (dropped text masked)."""
    if len(doc_text(doc)) != len(raw):
        raise ValueError("the Doc's text must keep the raw text's offsets")
    quotes = quotations(raw)
    resolver = SpeakerResolver(doc, raw, quotes=quotes)
    found: list[Found] = sorted(doc._.attributions or [], key=lambda f: f.cue[0])
    contacts: list[FoundContact] = list(doc._.contacts or [])
    dates: list[tuple[int, int]] = list(doc._.dates or [])
    claims: list[Claim] = []
    spoken = SpeechDate(published, quotes)
    resolve_dates = DateResolver(dates, raw, published, doc._.future_dates or frozenset(), spoken,
                                 [sent.start_char for sent in doc.sents])
    reported = assign_contacts([f for f in found if reportable(f)], contacts)
    used_contacts = {id(c) for c, _ in reported.values()}
    events: list[tuple[int, str, object]] = [(f.cue[0], "a", f) for f in found]
    events += [(c.cue[0], "c", c) for c in contacts]
    events.sort(key=lambda e: (e[0], e[1]))
    for _, kind, item in events:  # in text order: pronouns resolve to the speaker before them
        if kind == "a" and not reportable(item):
            continue
        if kind == "a":
            claim = _attribution_claim(item, reported.get(id(item), (None, False)), resolver, dates, article_id,
                                       raw, resolve_dates)
            claims.append(claim)
            spoken.saw(item, dates, raw)
        elif id(item) not in used_contacts and not _inside_any_content(item, found):
            used_contacts.add(id(item))
            claims.append(_contact_claim(item, resolver, dates, article_id, raw, resolve_dates))
    out: dict[str, Claim] = {}
    for claim in claims:
        claim = claim.with_id()
        out.setdefault(claim.claim_id, claim)
    return list(out.values())


def date_factor(date: DateRef | None, region: tuple[int, int] | None) -> float:
    """How much a claim's date lowers the belief in it: a date outside the content may date the
    statement rather than the event, and an unresolved one may be wrong in more ways."""
    if date is None:
        return 1.0
    factor = 1.0 if date.resolved else 0.9
    if region is None or not _inside((date.start, date.end), region):
        factor *= 0.85
    return factor


def reportable(found: Found) -> bool:
    """Whether an attribution is a claim of its own. A cue inside a quotation is part of the quoted
    words ('"I think we will win," he said'), and a stance verb inside another attribution's content
    ('Kirby said Russia refused ...') is part of what is reported: neither is a separate claim; nor is
    'citing U.S. media', which is already the chain of the claim it qualifies."""
    return not found.in_quote and not (found.nested and found.stance) and not found.link


def _first_person_is_speaker(contact: Contact, speaker: Party, content: tuple[int, int]) -> Contact:
    """'Trump wrote, "I informed John Bolton ..."': inside what a speaker says, 'I' and 'me' are the speaker."""

    def own(p: Party) -> Party:
        m = p.mention
        if m is None or m.text.lower() not in ("i", "me") or not _inside((m.start, m.end), content):
            return p
        return p.model_copy(update={"name": speaker.name, "kind": speaker.kind, "role": speaker.role,
                                    "resolved_from": "first person in a quotation"})

    return contact.model_copy(update={"initiator": [own(p) for p in contact.initiator],
                                      "counterpart": [own(p) for p in contact.counterpart]})


def _frame(f: Found) -> tuple[int, int]:
    """An attribution's own words: its cue and source, and what stands between them and a content that
    follows ('said in a meeting with Honcharuk, "..."'); never the content itself."""
    ends = [f.cue] + ([f.source] if f.source is not None else [])
    start, end = min(s for s, _ in ends), max(e for _, e in ends)
    content = f.content_span
    if content is not None and content[0] >= end:
        end = content[0]
    elif content is not None and content[1] <= start:
        start = max(start, content[1])
    return start, end


def assign_contacts(found: list[Found], contacts: list[FoundContact]) -> dict[int, tuple[FoundContact, bool]]:
    """The contact each attribution reports, by ``id`` of the attribution: first one in its own frame,
    between source and content ("Adderley wrote to the embassy asking ...", "Zelensky said in a meeting
    with Honcharuk, ..."), then, for the rest, the first inside its content ("Kirby said Austin spoke
    with Shoigu"). Each contact rides on one claim at most; the flag says it was found in the frame."""
    out: dict[int, tuple[FoundContact, bool]] = {}
    used: set[int] = set()
    for in_frame in (True, False):
        for f in found:
            if id(f) in out:
                continue
            hit = next((c for c in contacts if id(c) not in used and (
                _in_frame(c, f) if in_frame else f.content_span is not None and _inside(c.cue, f.content_span))),
                None)
            if hit is not None:
                out[id(f)] = (hit, in_frame)
                used.add(id(hit))
    return out


def _in_frame(c: FoundContact, f: Found) -> bool:
    """The contact is the attribution's occasion: its cue lies between the attribution's cue and a
    content that follows ('said in a meeting with Honcharuk, "..."'), or between the source and the cue
    when the source is the contact's own initiator ("Adderley wrote to the embassy asking ..."), or opens
    the sentence with the source taking part ('During the summit, Pope Francis said', 'In a meeting that
    day he was told by Zinichev')."""
    start, end = _frame(f)
    src = f.source
    own = src is not None and any(a < src[1] and src[0] < b for a, b in c.initiator)
    told = f.kind == "passive" and src is not None and any(a < src[1] and src[0] < b for a, b in c.counterpart)
    if (own or told) and f.sentence[0] <= c.cue[0] < start and not any(
            a < c.cue[1] and c.cue[0] < b for a, b in f.content):
        return True
    if not (c.cue[0] < end and start < c.cue[1]):
        return False
    return c.cue[0] >= f.cue[0] or own


def _inside_any_content(contact: FoundContact, found: list[Found]) -> bool:
    return any(_inside(contact.cue, f.content_span) for f in found if f.content_span is not None)


def _contact(item: FoundContact, resolver: SpeakerResolver, raw: str) -> Contact:
    def parties(spans: list[tuple[int, int]]) -> list[Party]:
        return [resolver.resolve(s, e, speaker=False) for s, e in spans]

    return Contact(
        initiator=parties(item.initiator),
        counterpart=parties(item.counterpart),
        channel=item.channel,
        status=item.status,
        duration=item.duration,
        cue=_span(raw, item.cue),
    )


def _attribution_claim(
    f: Found, reported: tuple[FoundContact | None, bool], resolver: SpeakerResolver,
    dates: list[tuple[int, int]], article_id: str, raw: str, resolve_dates: DateResolver,
) -> Claim:
    speaker = resolver.resolve(*f.source) if f.source is not None else None
    via = [resolver.resolve(s, e, speaker=False) for s, e in f.via]
    seen = {speaker.name} if speaker is not None else set()
    via = [p for p in via if not (p.name in seen or seen.add(p.name))]  # never its own source, nor one twice
    content_span = f.content_span
    kind = f.kind  # direct, indirect, according_to, passive or other: already attribution types
    if kind == "indirect" and f.cue_lemma in MEDIA_VERBS and speaker is not None and speaker.kind == "media":
        kind = "reported"
    contact_item, in_frame = reported
    contact = None
    confidence = f.confidence
    if contact_item is not None:
        contact = _contact(contact_item, resolver, raw)
        if speaker is not None and content_span is not None:
            contact = _first_person_is_speaker(contact, speaker, content_span)
        if in_frame and not contact.initiator and speaker is not None:
            # 'Zelensky said in a meeting with Honcharuk': the one who speaks at the meeting takes part
            contact = contact.model_copy(update={"initiator": [speaker]})
        elif not contact.initiator and contact.counterpart and speaker is not None and \
                speaker.kind in ("person", "organisation", "government") and contact.status == "attempted":
            # 'The secretary added that it would not deter sustained efforts to communicate with Moscow':
            # an attempt with no one named making it is the speaker's side's (the guideline's implied side)
            contact = contact.model_copy(update={"initiator": [speaker]})
        confidence *= contact_item.confidence
    if speaker is not None and speaker.model_extra.get("ambiguous"):
        confidence *= 0.7
    near = contact_item.cue[0] if contact_item else None
    date = None
    if content_span is not None:
        date = pick_date(dates, raw, content_span, resolve_dates, near=near)
    if date is None:
        date = pick_date(dates, raw, f.sentence, resolve_dates, near=near)
    confidence *= date_factor(date, content_span)
    if via:
        confidence *= 0.9  # the chain is one more thing to get right
    extra = {"nested": True} if f.nested else {}
    content = _span(raw, content_span)
    if content is not None and len(f.content) > 1:
        pieces = [p for p in (_span(raw, c) for c in f.content) if p is not None]
        content = Span(text=content.text, start=content.start, end=content.end,
                       fragments=[[p.start, p.end] for p in pieces])
    return Claim(
        article_id=article_id,
        sentence=_span(raw, f.sentence) or Span.of(raw, *f.sentence),
        content=content,
        cue=_span(raw, f.cue),
        speaker=speaker,
        attribution=Attribution(type=kind, via=via),
        date=date,
        contact=contact,
        confidence=round(confidence, 3),
        **extra,
    )


def _contact_claim(
    c: FoundContact, resolver: SpeakerResolver, dates: list[tuple[int, int]], article_id: str, raw: str,
    resolve_dates: DateResolver,
) -> Claim:
    date = pick_date(dates, raw, c.sentence, resolve_dates, near=c.cue[0], spoken=False)
    return Claim(
        article_id=article_id,
        sentence=_span(raw, c.sentence) or Span.of(raw, *c.sentence),
        content=None,
        cue=None,
        speaker=None,
        attribution=None,
        date=date,
        contact=_contact(c, resolver, raw),
        confidence=round(c.confidence * date_factor(date, c.sentence), 3),
    )
