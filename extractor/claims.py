"""Claims: the attributions, contacts and dates found on a Doc, assembled into spec records.

A contact that is the occasion of an attribution, standing between its source or cue and its content
("Adderley wrote to the embassy asking ...", "Zelensky said in a meeting with Honcharuk, ..."), or
that is reported inside its content ("The briefing notes that ... spoke") rides on that attribution's
claim; any other contact is a claim of its own, asserted by the article. Each
claim takes the date expression nearest its contact cue, else the first in its content, else the
first in its sentence, resolved against the publication date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable

from spacy.tokens import Doc, Token

from extractor.attribution import (
    GROUP_DEPS,
    SPEECH,
    Found,
    in_quotes,
    opens_quotation,
    quotations,
    verb_group_start,
)
from extractor.contacts import FoundContact
from extractor.dates import Resolution, anaphoric_offset, is_clock_time, resolve_date
from extractor.doccache import doc_text
from extractor.formats import make_span
from extractor.models import Attribution, Claim, Contact, DateRef, Party, Span
from extractor.speakers import SpeakerResolver

MEDIA_VERBS = {"report", "learn", "write", "publish", "tweet", "post"}
# verbs whose date is the day words were spoken or written
STATEMENT_VERBS = SPEECH | {
    "tweet", "post", "urge", "call", "speak", "deny", "respond", "reply", "continue", "ask", "demand", "accuse",
    "blame", "promise", "vow", "pledge", "threaten", "condemn", "criticize", "praise", "reject", "confirm", "endorse",
    "thank", "apologize", "concede", "comment"}


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
    r"|^(?:for )?(?:about |around |roughly |nearly |almost |over |more than |at least |some )?"
    r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|forty|fifty|a hundred|hundreds of|dozens of|a couple of)[- ]"
    r"(?:hours?|days?|weeks?|months?|years?|decades?|centuries)(?:-long)?$"
    r"|^(?:for )?(?:hours|days|weeks|months|years|decades)$"
    r"|^[\"“]?(?-i:Day)(?: after (?-i:Day))?$"  # a name or title: 'described Day to the BBC', '"Day after Day'
)  # lengths of time: 'for many centuries', 'three days of mourning', 'the two-day shutdown' say how long,
#    never when (spans with 'ago', 'later', 'in', 'the past' are other expressions)


def is_claim_date(text: str) -> bool:
    """Whether a DATE expression can say when something happened (not an age, a frequency or a count)."""
    return not NOT_A_DATE.search(text.strip())


CLAUSE_LINKS = frozenset({"relcl", "advcl", "ccomp", "conj", "parataxis", "csubj", "csubjpass"})
"""Dependencies that start another clause: a date beyond one of them dates that clause."""


def _new_clause(tok: Token) -> bool:
    """Whether ``tok`` starts a clause of its own ('between January 2016 and December 2019' does not)."""
    if tok.dep_ == "conj" and tok.pos_ not in ("VERB", "AUX"):
        return False
    return tok.dep_ in CLAUSE_LINKS and not _participle(tok)


def _participle(tok: Token) -> bool:
    """A verb that modifies without a clause of its own: 'to establish', 'a statement released after
    the attack', 'Speaking on Monday', 'was to meet Monday to discuss'."""
    if tok.dep_ == "xcomp":
        return True
    infinitive = tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    reduced = tok.tag_ == "VBD" and tok.dep_ == "acl"  # 'a press release issued the following day', tagged VBD
    if tok.tag_ not in ("VBG", "VBN") and not infinitive and not reduced or any(
            c.dep_ in ("nsubj", "nsubjpass", "mark", "auxpass") or c.dep_ == "aux" and c.lower_ != "to"
            for c in tok.children):
        return False
    # 'criticized the move, not only implying ... but also recommending ...'
    return tok.dep_ in ("acl", "advcl") or tok.dep_ == "conj" and _participle(tok.head)


def clause_verb(doc: Doc, offsets: tuple[int, int], stops: set[int]) -> Token | None:
    """The verb whose clause a date expression modifies: up from the expression through nouns,
    prepositions and participles ('in a statement released on Monday'), stopping early at a token in
    ``stops`` (a noun cue: 'a phone call on Friday')."""
    span = doc.char_span(*offsets, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.i in stops:
            return tok
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass") and not _participle(tok):
            return tok
    return tok


def _within_clause(tok: Token, heads: set[int]) -> bool:
    """Whether ``tok`` lies in the own clause of one of ``heads``: up from it to one, crossing no clause link."""
    while tok.i not in heads:
        if _new_clause(tok) or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def dates_clause(doc: Doc, offsets: tuple[int, int], cues: set[int], content: tuple[int, int] | None) -> bool:
    """Whether a date outside a claim's content dates the claim's own clause ("On Tuesday, Trump
    announced", "Speaking on Monday, she said", "attended a summit in February"), not another clause of
    its sentence ("Putin was briefed, and flew there on Monday", "Trump, who appointed Murphy in 2017,
    responded"; the guideline's decision). A date the parser hangs on the content's verb ("At 2:45
    a.m., his office said, he died") and one fronted before verbs joined by 'and' ("On Monday, she met
    him and said") count too."""
    verb = clause_verb(doc, offsets, cues)
    if verb is None or any(_within_clause(doc[c], {verb.i}) for c in cues):
        return True
    if content is not None and content[0] <= verb.idx < content[1]:
        return True
    return offsets[1] <= verb.idx and any(doc[c].dep_ == "conj" and doc[c].head.i == verb.i for c in cues)


ADJACENT = re.compile(r"\s*,?\s*(?:on|in|at)?\s*")
"""What may stand between two expressions naming one time ('earlier this week on Wednesday')."""


def _precision(res: Resolution) -> int:
    """Days known for a single day, months for a month; an interval is less precise than its start."""
    return len(res.value or "") - (1 if res.end_value else 0)


def pick_date(
    dates: list[tuple[int, int]], raw: str, region: tuple[int, int], resolve: DateResolver,
    near: int | None = None, spoken: bool = True, keep: Callable[[tuple[int, int]], bool] | None = None,
) -> DateRef | None:
    """The date expression for a claim: nearest ``near`` (a contact cue) or first, inside ``region``
    (and kept by ``keep``). With ``spoken``, one inside a quotation is resolved against the day the
    words were spoken."""
    inside = [d for d in dates if _inside(d, region) and is_claim_date(raw[d[0] : d[1]])
              and (keep is None or keep(d))]
    if not inside:
        return None
    if near is not None:
        inside.sort(key=lambda d: min(abs(d[0] - near), abs(d[1] - near)))
    resolved = [(d, resolve(d, spoken=spoken)) for d in inside]
    resolved = [(d, r) for d, r in resolved if r.resolved or not is_clock_time(raw[d[0] : d[1]])]  # 'after 10pm'
    if not resolved:
        return None
    # a calendar date before an event one ('after the summit on May 13'); in order otherwise
    (start, end), res = next(((d, r) for d, r in resolved if r.resolved), resolved[0])
    for d, r in resolved:  # 'earlier this week on Wednesday', 'next month on August 2': the exact day
        gap = raw[end : d[0]] if d[0] >= end else raw[d[1] : start] if d[1] <= start else None
        if gap is not None and ADJACENT.fullmatch(gap) and r.resolved and _precision(r) > _precision(res):
            (start, end), res = d, r
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
    ahead (``doc._.future_dates``: 'will meet on Monday' is the next Monday) or tells a deed done
    (``doc._.past_dates``: 'accepted responsibility in December', in September, is the last December),
    the day quoted words were spoken (:class:`SpeechDate`), and the story's own day for 'the next day',
    'that day' or 'two days later', which publication does not anchor. That day is the last day-precise date up to
    publication, outside quotations, in the same sentence or the one before (further back, Wikinews
    stories had moved on to another day as often as not); with none there, it stays unresolved."""

    def __init__(self, dates: list[tuple[int, int]], raw: str, published: dt.date | None,
                 future: frozenset[int], spoken: SpeechDate, sentence_starts: list[int],
                 past: frozenset[int] = frozenset()):
        self.raw, self.published, self.future, self.spoken = raw, published, future, spoken
        self.past = past
        self.anchored: dict[tuple[int, int], Resolution] = {}
        day: tuple[dt.date, int] | None = None  # (the day, its sentence)
        for d in dates:
            if spoken.quoted(d):
                continue
            sentence = bisect_right(sentence_starts, d[0])
            offset = anaphoric_offset(raw[d[0] : d[1]])
            if offset is not None:
                recent = published is None or day is None or (published - day[0]).days <= 7
                if day is not None and day[1] >= sentence - 1 and (recent or not is_clock_time(raw[d[0] : d[1]])):
                    # a bare time of day is news of the last days ('At 2:45 a.m., his office said, he died'
                    # after 'his last roll call vote was on September 11' is not September 11)
                    day = day[0] + dt.timedelta(days=offset), sentence
                    self.anchored[d] = Resolution(day[0].isoformat(), None, True)
                continue
            res = resolve_date(raw[d[0] : d[1]], published, d[0] in future, d[0] in past)
            if res.resolved and res.end_value is None and len(res.value or "") == 10 and \
                    (published is None or res.value <= published.isoformat()):  # not 'is to take effect on December 10'
                day = dt.date.fromisoformat(res.value or ""), sentence

    def __call__(self, d: tuple[int, int], spoken: bool = True) -> Resolution:
        if d in self.anchored:
            return self.anchored[d]
        anchor = self.spoken.anchor(d) if spoken else self.published
        return resolve_date(self.raw[d[0] : d[1]], anchor, d[0] in self.future, d[0] in self.past)


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
                                 [sent.start_char for sent in doc.sents], doc._.past_dates or frozenset())
    reported = assign_contacts([f for f in found if reportable(f)], contacts)
    used_contacts = {id(c) for c, _ in reported.values()}
    events: list[tuple[int, str, object]] = [(f.cue[0], "a", f) for f in found]
    events += [(c.cue[0], "c", c) for c in contacts]
    events.sort(key=lambda e: (e[0], e[1]))
    by_found: dict[int, Claim] = {}
    quoted_contacts: list[tuple[int, FoundContact]] = []
    for _, kind, item in events:  # in text order: pronouns resolve to the speaker before them
        if kind == "a" and not reportable(item):
            continue
        if kind == "a":
            head, tails = _resumed_parts(doc, item)
            claim = _attribution_claim(doc, head, reported.get(id(item), (None, False)), resolver, dates,
                                       article_id, raw, resolve_dates)
            claims.append(claim)
            by_found[id(item)] = claim
            claims += [_resumed_claim(doc, raw, item, _attribution_claim(
                doc, tail, (None, False), resolver, dates, article_id, raw, resolve_dates), later)
                for tail, later in tails]
            spoken.saw(item, dates, raw)
        elif id(item) not in used_contacts:
            quoted = in_quotes(item.cue[0], quotes)
            if not quoted and _inside_any_content(item, found):
                continue  # it rides on the claim whose content holds it, or on none
            used_contacts.add(id(item))
            claims.append(_contact_claim(doc, item, resolver, dates, article_id, raw, resolve_dates))
            if quoted:
                quoted_contacts.append((len(claims) - 1, item))
    # a second contact quoted from someone ('"I informed John Bolton ... I asked John for his resignation,"
    # wrote Trump'): its own claim, with 'I' the speaker as for the first
    for index, item in quoted_contacts:
        host = next((f for f in found if reportable(f) and f.content_span is not None
                     and _inside(item.cue, f.content_span) and id(f) in by_found), None)
        contact = claims[index].contact
        if host is not None and contact is not None and by_found[id(host)].speaker is not None:
            contact = _first_person_is_speaker(contact, by_found[id(host)].speaker, host.content_span)
            claims[index] = claims[index].model_copy(update={"contact": contact})
    out: dict[str, Claim] = {}
    for claim in claims:
        claim = claim.with_id()
        out.setdefault(claim.claim_id, claim)
    return list(out.values())


def _resumed_parts(doc: Doc, f: Found) -> tuple[Found, list[tuple[Found, bool]]]:
    """'"A," said Brown. "B."': the guidelines make the quotation before the cue one claim, a part resumed in
    the same sentence a second claim on the same cue, and one resumed in later sentences (``True`` beside
    it) a claim of its own with no cue; PARC makes all of it one content, which the PolNeAR export puts
    back together."""
    frame = [f.cue] + ([f.source] if f.source is not None else [])
    start, end = min(s for s, _ in frame), max(e for _, e in frame)
    head = [c for c in f.content if c[1] <= start]
    tail = [c for c in f.content if c[0] >= end]
    text = doc_text(doc)
    if not head or not tail or len(head) + len(tail) != len(f.content) or not all(
            _quoted(text, c) for c in f.content):
        return f, []  # 'Khan reportedly started attacking': a subject before the cue is not a quotation
    cue_sentence_start, cue_sentence_end = _cue_sentence(doc, f)
    if head[-1][1] <= cue_sentence_start:
        return f, []  # a quotation from an earlier sentence that the cue's content took in
    same = [c for c in tail if c[0] < cue_sentence_end]
    later = [c for c in tail if c[0] >= cue_sentence_end]
    return dataclasses.replace(f, content=head), [
        (dataclasses.replace(f, content=part), part is later) for part in (same, later) if part]


def _quoted(text: str, piece: tuple[int, int]) -> bool:
    start = piece[0]
    while start < piece[1] and text[start].isspace():
        start += 1
    return start < piece[1] and opens_quotation(text, start)


def _cue_sentence(doc: Doc, f: Found) -> tuple[int, int]:
    """The parser's sentence around the cue (a Found's own sentence may run over a quotation)."""
    span = doc.char_span(*f.cue, alignment_mode="expand")
    if span is None or not len(span):
        return f.sentence
    return span[0].sent.start_char, span[-1].sent.end_char


def _resumed_claim(doc: Doc, raw: str, f: Found, claim: Claim, later: bool) -> Claim:
    """A resumed part of a quotation, marked with the PARC cue it resumes; past the cue's sentence
    (``later``) it has its own sentences, no cue and no speaker mention (the speaker is the one named
    before)."""
    update: dict = {"resumes": list(f.cue)}
    if later and claim.content is not None:
        span = doc.char_span(claim.content.start, claim.content.end, alignment_mode="expand")
        sents = list(span.sents) if span is not None else []
        if sents:
            update["sentence"] = _span(raw, (sents[0].start_char, sents[-1].end_char)) or claim.sentence
        update["cue"] = None
        if claim.speaker is not None:
            update["speaker"] = claim.speaker.model_copy(update={"mention": None})
    return Claim.model_validate({**claim.model_dump(), **update})


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


def _tokens(doc: Doc, offsets: tuple[int, int]) -> set[int]:
    span = doc.char_span(*offsets, alignment_mode="expand")
    return {t.i for t in span} if span is not None else set()


def _in_clause_of(doc: Doc, offsets: tuple[int, int], heads: set[int]) -> bool:
    """Whether a date inside a content modifies the clause of one of its heads, not a clause below it."""
    span = doc.char_span(*offsets, alignment_mode="expand")
    return span is None or not len(span) or _within_clause(span.root, heads)


def _content_heads(doc: Doc, f: Found) -> set[int]:
    """The heads of a one-sentence content's pieces, whose clauses its own dates must modify ('announced
    it had entered into an agreement after Turkey began an operation on Wednesday': not Wednesday)."""
    heads: set[int] = set()
    for start, end in f.content:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span) or span[0].sent.start != span[-1].sent.start:
            return set()
        heads.add(span.root.i)
    return heads


FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "me", "us"})


def _same_voice(party: Party, speaker: Party | None) -> bool:
    """The chain's party is the speaker, written the same way or in the first or second person."""
    if speaker is None or party.name != speaker.name:
        return False
    if party.mention is None or speaker.mention is None:
        return True
    low = party.mention.text.lower()
    return low == speaker.mention.text.lower() or low in FIRST_SECOND_PERSON


def _attribution_claim(
    doc: Doc, f: Found, reported: tuple[FoundContact | None, bool], resolver: SpeakerResolver,
    dates: list[tuple[int, int]], article_id: str, raw: str, resolve_dates: DateResolver,
) -> Claim:
    speaker = resolver.resolve(*f.source) if f.source is not None else None
    via = [resolver.resolve(s, e, speaker=False) for s, e in f.via]
    # 'Smith told Wikinews he believed ...': the outer speaker stays in the chain even when it is the same
    # person, named once and then referred to; 'I think I've mentioned' is one voice, not a chain
    seen: set[str] = set()
    via = [p for p in via if not (p.name in seen or seen.add(p.name)) and not _same_voice(p, speaker)]
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
        heads = _content_heads(doc, f)
        date = pick_date(dates, raw, content_span, resolve_dates, near=near,
                         keep=lambda d: not heads or _in_clause_of(doc, d, heads))
    if date is None:
        cues = _tokens(doc, f.cue) | ({f.cue_token} if f.cue_token is not None else set())
        if contact_item is not None:
            cues |= _tokens(doc, contact_item.cue)
        date = pick_date(dates, raw, f.sentence, resolve_dates, near=near,
                         keep=lambda d: dates_clause(doc, d, cues, content_span))
    confidence *= date_factor(date, content_span)
    if via:
        confidence *= 0.9  # the chain is one more thing to get right
    extra = {"nested": True} if f.nested else {}
    return Claim(
        article_id=article_id,
        sentence=_span(raw, f.sentence) or Span.of(raw, *f.sentence),
        content=_content(raw, f),
        cue=_cue(doc, raw, f),
        speaker=speaker,
        attribution=Attribution(type=kind, via=via),
        date=date,
        contact=contact,
        confidence=round(confidence, 3),
        **extra,
    )


def _content(raw: str, f: Found) -> Span | None:
    """What is asserted as the guidelines take it: where the attribution interrupts its content
    ('Around 50 gallons of diesel fuel, officials said, spilled and ignited'), the part after the
    source and cue, as the annotators took it 28 times in 29; PolNeAR/PARC take both parts, so the part
    before stays in the span's ``lead`` for the exports that follow PARC."""
    pieces = [p for p in (_span(raw, c) for c in f.content) if p is not None]
    if not pieces:
        return None
    frame = [f.cue] + ([f.source] if f.source is not None else [])
    before = [p for p in pieces if p.end <= min(s for s, _ in frame)]
    after = [p for p in pieces if p.start >= max(e for _, e in frame)]
    lead = None
    if before and after and len(before) + len(after) == len(pieces):
        lead, pieces = [before[0].start, before[-1].end], after
    cover = make_span(raw, [(p.start, p.end) for p in pieces])
    if cover is None or lead is None:
        return cover
    return Span(**cover.model_dump(exclude_none=True), lead=lead)


def _cue(doc: Doc, raw: str, f: Found) -> Span | None:
    """The reporting word(s) as the guidelines take them ('also said' -> 'said', 'has called for' -> 'called
    for', 'is reported' -> 'reported'); PolNeAR/PARC's whole verb group stays in the span's ``group`` for
    the exports that follow PARC. An agentive passive keeps its auxiliary ('was stated by'), and a negated
    group stays whole: a reviewer must not read 'did not say' as 'say'."""
    cue = _span(raw, f.cue)
    if cue is None or f.cue_token is None:
        return cue
    head = doc[f.cue_token]
    group = list(doc.char_span(cue.start, head.idx, alignment_mode="expand") or []) \
        if cue.start < head.idx < cue.end else []
    # 'failed to mention', 'went on to say': the verb the cue reaches back over stays in the group only
    own = verb_group_start(head)
    reaches = head.dep_ in ("xcomp", "pcomp") and group and group[0].i < own
    lead = [t for t in group if t.i >= own] if reaches else group
    if not (reaches or lead) or not all(t.dep_ in GROUP_DEPS for t in lead) or any(t.dep_ == "neg" for t in group) \
            or (any(t.dep_ == "auxpass" for t in lead) and cue.text.lower().endswith(" by")):
        return cue
    word = Span.of(raw, head.idx, cue.end)
    return Span(text=word.text, start=word.start, end=word.end, group=[cue.start, cue.end])


def _contact_claim(
    doc: Doc, c: FoundContact, resolver: SpeakerResolver, dates: list[tuple[int, int]], article_id: str, raw: str,
    resolve_dates: DateResolver,
) -> Claim:
    cues = _tokens(doc, c.cue)
    date = pick_date(dates, raw, c.sentence, resolve_dates, near=c.cue[0], spoken=False,
                     keep=lambda d: dates_clause(doc, d, cues, None))
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
