"""Attribution rules: who said what, found on spaCy's dependency parse.

A cue (a reporting verb from ``patterns/cues.json``, "according to", a headline colon) is found first;
its source is the subject noun phrase (or the agent of a passive, or the object of "according to"),
its content the complement clause, the quotation next to it, or the clause it interrupts. Quotations
that run over several sentences are taken whole, and a quotation that continues after "he added" is
joined to the same attribution. Span boundaries follow PolNeAR/PARC: content keeps a leading "that"
and its quotation marks; the source is the whole noun phrase.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from extractor.doccache import doc_text, span_ents

PATTERNS = Path(__file__).parent / "patterns"

OPEN_QUOTES = "\"“«„"
CLOSE_QUOTES = "\"”»"
_QUOTE = re.compile(r"[\"“”«»„]")
_TRIM = " \t\r\n\xa0,;:—–-"
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
RELATIVE = {"who", "which", "that", "whom"}
WH_START = re.compile(r"(?i)(?:how|what|why|who|whether|if|when|where|which)\b")


@dataclass(frozen=True)
class Lexicon:
    verbs: frozenset[str]
    belief: frozenset[str]
    object_content: frozenset[str]
    particle_cues: dict[str, tuple[str, ...]]
    needs_particle: frozenset[str]
    media_verbs: frozenset[str]
    stance: frozenset[str] = frozenset()
    adjectives: frozenset[str] = frozenset()
    raising: frozenset[str] = frozenset()
    lead_in: frozenset[str] = frozenset()
    not_lead_in: frozenset[str] = frozenset()
    credit_labels: frozenset[str] = frozenset()
    cue_particles: frozenset[str] = frozenset()
    object_preps: frozenset[str] = frozenset()
    audiences: frozenset[str] = frozenset()
    told_objects: frozenset[str] = frozenset()
    hearsay_adverbs: frozenset[str] = frozenset()
    deed_objects: dict[str, frozenset[str]] = field(default_factory=dict)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = json.loads((PATTERNS / "cues.json").read_text(encoding="utf-8"))
    return Lexicon(
        verbs=frozenset(data["verbs"]) | frozenset(data["stance"]),
        belief=frozenset(data["belief"]),
        object_content=frozenset(data["object_content"]) | frozenset(data["stance"]),
        particle_cues={k: tuple(v) for k, v in data["particle_cues"].items()},
        needs_particle=frozenset(data["needs_particle"]),
        media_verbs=frozenset(data["reporting_media_verbs"]),
        stance=frozenset(data["stance"]) - frozenset(data["verbs"]),
        adjectives=frozenset(data.get("adjectives", [])),
        raising=frozenset(data["raising"]),
        lead_in=frozenset(data["lead_in"]),
        not_lead_in=frozenset(data["not_lead_in"]),
        credit_labels=frozenset(data["credit_labels"]),
        cue_particles=frozenset(data["cue_particles"]),
        object_preps=frozenset(data["object_preps"]),
        audiences=frozenset(data["audiences"]),
        told_objects=frozenset(data["told_objects"]),
        hearsay_adverbs=frozenset(data.get("hearsay_adverbs", [])),
        deed_objects={k: frozenset(v) for k, v in data.get("deed_objects", {}).items()},
    )


@dataclass
class Found:
    """One attribution found in a Doc, as character offsets into the Doc's text."""

    cue: tuple[int, int]
    cue_lemma: str
    source: tuple[int, int] | None
    content: list[tuple[int, int]]
    kind: str  # direct, indirect, according_to, passive, other
    sentence: tuple[int, int]
    confidence: float
    via: list[tuple[int, int]] = field(default_factory=list)
    cue_token: int | None = None
    nested: bool = False  # the cue lies inside a quotation or another attribution's content
    in_quote: bool = False  # the cue lies inside a quotation: the quoted speaker's own words
    stance: bool = False  # a stance verb (support, oppose, seek), not a verb of saying
    link: bool = False  # 'citing X' where X is already in another attribution's chain (``via``)

    @property
    def content_span(self) -> tuple[int, int] | None:
        if not self.content:
            return None
        return self.content[0][0], self.content[-1][1]


_MARK = re.compile(r"``|''|[\"“”«»„]")
_OPENING_GLYPHS = ("“", "«", "„", "``")
_CLOSING_GLYPHS = ("”", "»")


def opens_quotation(text: str, i: int) -> bool:
    """Whether a quotation opens at ``text[i]``: a quote mark, or two apostrophes or backticks (PTB style)."""
    return text[i] in OPEN_QUOTES or text[i : i + 2] in ("''", "``")


def quotations(text: str) -> list[tuple[int, int]]:
    """Quotation spans (marks included) within each paragraph; never crashes on unbalanced marks.

    Curly marks say which way they face; a straight mark (" or '') faces the word it touches: after a
    space or bracket it opens, before a space or punctuation it closes. An opening mark pairs with
    the next closing mark of any kind (news copy mixes “...," freely); an opening mark again means
    the earlier one was unbalanced, and a closing mark with nothing open is a stray and is ignored.
    """
    out: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        body, base = para.group(), para.start()
        start: int | None = None
        for m in _MARK.finditer(body):
            mark, at, after = m.group(), m.start(), m.end()
            if mark in _OPENING_GLYPHS:
                opens = True
            elif mark in _CLOSING_GLYPHS:
                opens = False
            else:
                before_ch = body[at - 1] if at else " "
                after_ch = body[after] if after < len(body) else " "
                if (before_ch.isspace() or before_ch in "([{—–-/") and not after_ch.isspace():
                    opens = True
                elif not before_ch.isspace() and (after_ch.isspace() or not after_ch.isalnum()):
                    opens = False
                else:
                    opens = start is None
            if opens:
                start = base + at
            elif start is not None:
                if base + at - start > 1:
                    out.append((start, base + after))
                start = None
    return out


def in_quotes(offset: int, quotes: list[tuple[int, int]]) -> bool:
    """Whether a character offset lies strictly inside one of the quotation spans."""
    return any(q0 < offset < q1 for q0, q1 in quotes)


def trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Character span with surrounding white space and clause punctuation removed (quotes kept)."""
    text = doc_text(doc)
    while start < end and (text[start] in _TRIM or text[start] == ")"):
        start += 1  # ')' too: 'According to Notes from Poland (NFP), some ...' where the parser leaves it out
    while end > start and text[end - 1] in _TRIM + ".":
        if text[end - 1] == "." and end - start > 1 and text[end - 2].isupper():
            break  # "U.S." keeps its dot
        end -= 1
    return (start, end) if end > start else None


def gerund_content(verb: Token) -> Token | None:
    """'said legalizing it could put people to work': the parser hangs the gerund subject of the said
    clause on the verb as an xcomp; the gerund clause is the content (PolNeAR: 30 of 34 such cues)."""
    if verb.lemma_.lower() not in SPEECH or any(c.dep_ in ("ccomp", "dobj") for c in verb.children):
        return None
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None  # 'was said to be suffering'
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > verb.i
                 and not any(a.dep_ == "aux" for a in c.children)), None)


def name_calling_quote(verb: Token, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """'She called his actions "a crucial step forward"': the quotation right after (or inside) the
    object of 'call' is the name given, which the parser often hangs on the object (PolNeAR: 20 of 21)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or any(c.dep_ in ("oprd", "ccomp") for c in verb.children):
        return None
    start, end = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
    after = verb.doc[obj.right_edge.i + 1] if obj.right_edge.i + 1 < len(verb.doc) else None
    reach = after.idx + len(after) if after is not None else end
    return next(((q0, q1) for q0, q1 in quotes if start < q0 < reach or start <= q0 < end), None)


def quoted_before(verb: Token) -> bool:
    """'"...," Trump said': the verb's clause closes a quotation just before it."""
    before = verb.doc[max(verb.sent.start, verb.i - 4) : verb.i].text
    return any(q in before for q in ("”", '"', "''"))


def beyond_semicolon(clause: Token, verb: Token, quotes: list[tuple[int, int]]) -> bool:
    """'The FSB denies X; reports describe Y': a clause left of a semicolon before the verb is a sentence
    of its own, not what the verb reports (unless the semicolon sits inside a quotation)."""
    if clause.i > verb.i:
        return False
    return any(t.text == ";" and not in_quotes(t.idx, quotes)
               for t in verb.doc[clause.right_edge.i + 1 : verb.i])


def names_a_source_per(tok: Token) -> bool:
    """A 'per' that names a source for its clause ('Per the request, Parliament would meet', 'Per reports,
    the sources said', '..., per CTV News.'): a name, a document or a phrase with its own determiner; not a
    rate ('per capita') nor whose wish an act follows ('Per request of Prime Minister Boris Johnson, the
    Queen suspended parliament')."""
    doc = tok.doc
    if tok.dep_ != "prep" or not (tok.i == tok.sent.start or doc[tok.i - 1].text == ","):
        return False
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.like_num:
        return False
    if tok.i == tok.sent.start:  # 'Per the request, Parliament would meet', not 'Per capita income rose'
        verb = tok.head
        if verb.pos_ not in ("VERB", "AUX") or verb.i < pobj.i or not any(t.text == "," for t in doc[pobj.i : verb.i]):
            return False
    elif pobj.right_edge.i + 1 < tok.sent.end and doc[pobj.right_edge.i + 1].text not in (".", "!", "?"):
        return False  # '..., per CTV News.' ends the sentence; 'said, per a translator, that' is a go-between
    named = pobj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or pobj.pos_ == "PROPN"
    determined = any(c.dep_ in ("det", "poss") for c in pobj.children)
    return named or determined or pobj.lemma_.lower() in DOCUMENTS | ANONYMOUS_SOURCES | {"doctrine", "rule", "law"}


def other_report(clause: Token, verb: Token, quotes: list[tuple[int, int]]) -> bool:
    """A reporting clause with its own subject that the parser joined to what ``verb`` reports, past a
    semicolon ('Phivolcs reported the magnitude was 5.5; USGS reported 5.8'): a report of its own."""
    if clause.dep_ != "conj" or clause.i < verb.i or clause.lemma_.lower() not in lexicon().verbs:
        return False
    if not any(c.dep_ == "nsubj" and c.i < clause.i for c in clause.children):
        return False
    start = clause.left_edge.i
    return any(t.text == ";" and not in_quotes(t.idx, quotes) for t in verb.doc[max(verb.i, start - 2) : start])


def continues_report(clause: Token, first: Token) -> bool:
    """A second clause the parser hung on the reporting verb after the first reported one, that goes on
    with what was reported ('said it would be "a condition of travel" and "masks [...] we must keep"
    so the public should use ...'): not a report of its own, a relative clause ('..., whose vehicle was
    used') or one a participle opens (', citing ...'), and not past a semicolon."""
    doc, verbs = clause.doc, lexicon().verbs
    if clause.lemma_.lower() in verbs and any(c.dep_ == "nsubj" for c in clause.children):
        return False  # 'one in three said ... and one in four said ...'
    opener = next(t for t in clause.subtree if not t.is_punct)  # ('that' opens reported clauses too)
    if opener.lower_ in ("which", "who", "whom", "whose") or opener.tag_ == "VBG":
        return False
    return not any(t.text == ";" for t in doc[first.i + 1 : opener.i])


def subtree_chars(tok: Token) -> tuple[int, int]:
    """Character extent of a token's subtree."""
    doc = tok.doc
    return doc[tok.left_edge.i].idx, doc[tok.right_edge.i].idx + len(doc[tok.right_edge.i])


def subtree_after(tok: Token, cue: Token) -> tuple[int, int]:
    """Character extent of a token's subtree from the cue on: the parser may hang a word before the cue
    on a complement after it ('where Biden has been projected to have defeated ...': 'where' on 'defeated'),
    and the subject before the cue is a piece of its own."""
    doc = tok.doc
    return doc[max(tok.left_edge.i, cue.i + 1)].idx, subtree_chars(tok)[1]


def saying_time_end(clause: Token, cue: Token) -> int:
    """First token of a reported clause after a time phrase the parser hung on it but that dates the
    saying: 'Police said on Monday they believe ...' (PolNeAR's content starts at 'they')."""
    doc = clause.doc
    start = clause.left_edge.i
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if start != cue.i + 1 or subject is None:
        return start
    for child in clause.lefts:
        if child.i >= subject.i:
            break
        if child.left_edge.i != start or child.dep_ not in ("prep", "npadvmod") or not all(
                t.ent_type_ in ("DATE", "TIME") or t.dep_ == "prep" for t in child.subtree):
            break
        start = child.right_edge.i + 1
        while doc[start].is_punct and start < subject.i:
            start += 1
    return start


def dateline_end(sent: Span) -> int | None:
    """Index of the first token after a wire dateline opening the sentence ('WASHINGTON (AP) —',
    'ORLANDO, Fla. (Reuters) -'), which the parser hangs on the subject; None without one."""
    doc = sent.doc
    first = doc[sent.start]
    if not (first.is_upper and first.is_alpha and len(first) > 1 or first.pos_ == "PROPN"):
        return None
    for i in range(sent.start + 1, min(sent.end - 1, sent.start + 10)):
        if doc[i].text in DASHES and doc[i].whitespace_ and doc[i - 1].whitespace_:  # not 'AFL-CIO'
            if doc[i - 1].text == ")" or doc[i - 1].is_upper and doc[i - 1].is_alpha and first.is_upper:
                return i + 1
            return None
    return None


def past_dateline(subject: Token, others: Sequence[Token] = ()) -> Token:
    """The subject the parser hung on a dateline ('WASHINGTON (AP) — The White House said', 'MOSCOW
    (Reuters) - Defence Minister Sergei Shoigu held talks'): a later subject, or the phrase after the dash."""
    end = dateline_end(subject.sent)
    if end is None or subject.i >= end:
        return subject
    later = next((o for o in others if o.i >= end), None)
    if later is None:
        later = next((t for t in subject.subtree if t.i >= end and t.head.i < end), None)
    return later if later is not None and later.pos_ in ("NOUN", "PROPN", "PRON") else subject


def noun_phrase(tok: Token, stop_before: int | None = None, relative: bool = False) -> tuple[int, int]:
    """The source noun phrase: the whole subtree, but never running into the cue or content. A relative
    clause set off by a comma stays only with `relative` and only when it describes the source (see
    ``_describes``; PolNeAR train: 32 more sources exact than keeping it only after the cue)."""
    doc = tok.doc
    left, right = tok.left_edge.i, tok.right_edge.i
    if stop_before is not None and left < stop_before <= right:
        right = stop_before - 1
    if relative:  # 'Alfonso Aguilar, the executive director of ..., who also said that': a nested reporting clause
        for clause in tok.subtree:
            start = clause.left_edge.i
            if clause.head.i != tok.i and clause.dep_ == "relcl" and left < start <= right and \
                    doc[start - 1].text == "," and not _describes(clause, SPEECH):
                right = min(right, start - 1)
    for child in tok.rights:  # 'a strategist who spoke on condition of anonymity', ', becoming the first'
        start = child.left_edge.i
        if child.dep_ in CLAUSE_DEPS and start <= right and start > 0 and doc[start - 1].text == "," and not (
                relative and _describes(child, lexicon().verbs if stop_before is not None else SPEECH)):
            right = min(right, start - 1)  # only a clause set off by a comma: 'people who attended said' keeps it
        if child.dep_ == "prep" and 0 < start <= right <= child.right_edge.i \
                and child.lower_ in ("during", "on", "in", "over") \
                and any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in child.children):
            right = min(right, start - 1)  # 'the British capital's new mayor on Tuesday', 'the report on Wednesday'
        if child.dep_ == "prep" and child.lower_ in ("per", "via") and 0 < start <= right:
            right = min(right, start - 1)  # 'said Russell Zimmerman per ABC News': the chain, not the source
        if child.dep_ == "prep" and 0 < start <= right and (doc[start - 1].text == "," or child.lower_ == "in") and any(
                o.dep_ == "pobj" and o.lemma_.lower() in OCCASIONS for o in child.children):
            right = min(right, start - 1)  # 'Ane Alencar, in remarks to UOL.com.br, said': the occasion
    end_of_dateline = dateline_end(tok.sent)
    if end_of_dateline is not None and left < end_of_dateline <= right:
        left = end_of_dateline  # 'ORLANDO, Fla. (Reuters) - President Barack Obama said'
    for child in tok.lefts:  # 'Even the organizer of a rally', but 'Nearly half of respondents'
        if child.dep_ == "advmod" and child.i == left and child.lower_ not in QUANTITY_ADVERBS:
            left = child.right_edge.i + 1
    while left < tok.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    if left > 0 and doc[left - 1].pos_ == "ADP" and doc[left].ent_type_ == "DATE":
        while left < tok.i and doc[left].ent_type_ == "DATE" and doc[left].dep_ == "compound":
            left += 1  # 'On Friday Ford Motor Company announced': the parser made the day part of the name
    while right > tok.i and (doc[right].is_punct or doc[right].is_space or doc[right].dep_ == "cc") and not (
            doc[right].text == ")" and doc[left:right].text.count("(") > doc[left:right].text.count(")")):
        right -= 1  # but 'The Revolutionary Guard Corps (IRGC)' keeps its bracket
    if right + 1 < tok.sent.end and doc[right + 1].text == ")" and \
            doc[left : right + 1].text.count("(") > doc[left : right + 1].text.count(")"):
        right += 1  # 'Notes from Poland (NFP)': the parser hangs the closing bracket on the verb
    for child in tok.rights:
        if child.dep_ == "cc" and child.lower_ in ("but", "yet") and left < child.i <= right and \
                doc[child.i - 1].text == "," and any(c.dep_ == "conj" and c.i > child.i for c in tok.children):
            left = child.i + 1  # 'the company invested ..., but Gazeta Prawna reports': a clause the parser joined
    return doc[left].idx, doc[right].idx + len(doc[right])


def _describes(clause: Token, verbs: frozenset[str]) -> bool:
    """A relative clause that describes the source ('Chris Cox, who runs the NRA's lobbying arm, says'),
    not one holding an attribution of its own ('Weaver, who said business executives ...') among
    ``verbs``. PolNeAR keeps the first in the source and never the second; before the cue it also
    leaves out a clause with a stance verb ('Andreessen, who backed Mr. Romney in 2012, said')."""
    return clause.dep_ == "relcl" and clause.doc[clause.left_edge.i].lower_ in RELATIVE_PRONOUNS | {"whose"} and \
        not any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in verbs for t in clause.subtree)


CLAUSE_DEPS = ("relcl", "acl", "advcl")
DASHES = frozenset({"-", "--", "–", "—"})
QUANTITY_ADVERBS = frozenset({"nearly", "almost", "about", "only", "virtually", "just", "roughly", "approximately",
                              "around", "fully", "exactly", "barely", "some"})
PLATFORMS = frozenset({"twitter", "facebook", "instagram", "youtube", "tiktok", "weibo", "telegram", "television",
                       "tv", "radio", "air", "camera", "video"})
# documents that speak ('the report said'): one list, read by the speaker resolver too
_PARTIES = json.loads((PATTERNS / "parties.json").read_text(encoding="utf-8"))
DOCUMENTS = frozenset(_PARTIES["document_heads"])
ANONYMOUS_SOURCES = frozenset(_PARTIES["anonymous_heads"])
OCCASIONS = frozenset({"statement", "interview", "remark", "remarks", "speech", "tweet", "letter", "briefing",
                       "conference", "email", "post", "release", "appearance", "address", "filing", "op-ed", "column",
                       "essay", "memo"})


GROUP_DEPS = ("aux", "auxpass", "neg", "advmod")
SPEECH = frozenset({"say", "tell", "announce", "write", "claim", "argue", "insist", "state", "report", "add",
                    "note", "explain", "warn", "suggest", "acknowledge", "admit", "predict", "declare", "assert"})
# what a speaker goes on to do in the same breath ('said ... and urged the crowd'); not 'demanded' or 'attacked',
# which the subject of the reported clause may as well have done
SECOND_ACTS = SPEECH | {"urge", "ask", "call", "describe", "mention"}


# what 'it' (an organisation, a report) does as a source besides speaking: 'It also urged people to ...'
IT_ACTS = frozenset({"urge", "call", "cite", "accuse", "list", "recommend", "demand", "criticize", "criticise",
                     "deny", "reject", "publish", "condemn", "blame", "praise"})
NOT_IN_GROUP = frozenset({"so", "as", "when", "where", "while", "how", "why", "once"})


def verb_group_start(tok: Token) -> int:
    """First token of the verb group: 'has repeatedly said', 'did not mention', 'went on to say' keeps 'to say'."""
    doc = tok.doc
    start = tok.i
    while start > 0:
        prev = doc[start - 1]
        if prev.head.i == tok.i and prev.dep_ in GROUP_DEPS and not prev.is_punct and prev.lower_ not in NOT_IN_GROUP:
            start -= 1
        else:
            break
    return start


RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})


def relative_in_content(verb: Token) -> tuple[Token, Token] | None:
    """'the drawdown, which they say left a vacuum': (the relative pronoun, the real subject) when the
    verb has both as subjects; the pronoun then belongs to what is reported, not to who reports it."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if len(subjects) > 1 and subjects[0].lower_ in RELATIVE_PRONOUNS:
        return subjects[0], subjects[1]
    return None


def inverted_subject(cue: Token) -> Token | None:
    """'"...," said David Brock, a Clinton confidant who ...': the parser hangs the name that follows the
    cue on some later word; the phrase after the cue, up to a comma, names the speaker."""
    phrase = inverted_phrase(cue)
    if phrase is None:
        return None
    root = cue.doc[phrase[0] : phrase[1]].root
    return root if root.pos_ in ("PROPN", "NOUN") and root.head.i != cue.i else None


def inverted_phrase(cue: Token) -> tuple[int, int] | None:
    """Token range of the name phrase right after the cue, up to a comma, bracket or the sentence end."""
    doc, sent = cue.doc, cue.sent
    start = cue.i + 1
    if start >= sent.end or doc[start].pos_ not in ("PROPN", "DET", "ADJ", "NOUN"):
        return None
    end = start
    while end < sent.end and not doc[end].is_punct and doc[end].pos_ in ("PROPN", "DET", "ADJ", "NOUN", "ADP", "PART"):
        end += 1
    if end == start or end < sent.end and doc[end].text not in (",", ".", "(", ";", "\n"):
        return None
    return start, end


def clause_end(verb: Token) -> Token:
    """Last token of a verb's own clause, leaving out what the parser hangs after it: a conjoined finite
    verb ('to reduce corruption but at the same time interfered with ...') and 'according to X'. A
    conjoined infinitive ('to end ... and to stop paying ...', 'to assist authorities and deny ...') stays."""
    last = verb
    for c in verb.rights:
        if c.dep_ in ("cc", "punct") or c.lower_ == "according" or (
                c.dep_ == "conj" and c.tag_ != "VB" and not any(a.lower_ == "to" for a in c.children)):
            continue
        last = c.right_edge if c.right_edge.i > last.i else last
    return last


def is_clause(subject: Token) -> bool:
    """A 'subject' the parser built from a clause of its own ('The partner asked for X, but'): it holds
    a finite verb (not in a relative clause), so a second subject of the same verb is the real one."""
    return any(
        t.tag_ in ("VBD", "VBZ", "VBP") and t.dep_ in ("acl", "relcl", "advcl") and t.i > subject.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE_PRONOUNS for c in t.children)
        for t in subject.subtree)


def stranded_subject(verb: Token) -> Token | None:
    """'In an interview with hosts Joe Scarborough and Mika Brzezinski, the Democratic candidate stated that':
    the parser hangs the noun phrase right before a subjectless main verb on an earlier phrase (here as an
    apposition); it is the subject."""
    start = verb_group_start(verb)
    if start <= verb.sent.start:
        return None
    prev = verb.doc[start - 1]
    if prev.pos_ not in ("NOUN", "PROPN") or prev.dep_ not in ("appos", "conj", "pobj", "npadvmod") \
            or prev.head.i == verb.i:
        return None
    if prev.dep_ == "pobj" and prev.head.lower_ == "of" and prev.head.head.pos_ == "NOUN" \
            and prev.head.head.dep_ in ("appos", "conj", "npadvmod"):
        return prev.head.head  # 'an international team of scientists report'
    return prev


def second_act(verb: Token) -> bool:
    """A reporting verb the parser joined to the reported clause that belongs to the reporting verb
    ('Flynn said there was a lack of transparency and urged the crowd to ...': Flynn urged): it has no
    subject of its own, follows an 'and', and has the tense of the reporting verb."""
    head = verb.head
    if verb.dep_ != "conj" or head.dep_ != "ccomp" or head.head.i == head.i or verb.tag_ != head.head.tag_:
        return False
    return verb.lemma_.lower() in SECOND_ACTS and head.head.lemma_.lower() in lexicon().verbs and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children) and any(
        c.dep_ == "cc" and c.lower_ == "and" and c.i < verb.i for c in head.children) and not any(
        c.dep_ == "mark" and c.lower_ != "that" for c in head.children)  # 'told me if anyone came and asked


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, inherited from the verb it is coordinated with or subordinate to."""
    seen = 0
    while verb is not None and seen < 4:
        relative = relative_in_content(verb)
        if relative is not None:
            return relative[1]
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            subject = past_dateline(subjects[0], subjects[1:])
            for later in subjects[1:]:
                if is_clause(subject):
                    subject = later  # 'The partner asked for ..., but the commissioner stated': the nearer one
            return subject  # a relative pronoun ('who said') is the source; claims resolve it
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lower_ in PLATFORMS and verb.head.dep_ == "pobj":
            verb = next((a for a in verb.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
            seen += 1  # 'Pompeo posted a message on Twitter blaming Iran': Twitter carries, Pompeo blames
            continue
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head  # 'Democrats hoping to retain ...', 'evidence suggesting that ...'
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.i != verb.head.i:
            verb = verb.head.head  # 'followed that by saying', 'In asking to depose Clinton, Judicial Watch noted'
            seen += 1
            continue
        if second_act(verb):
            verb = verb.head.head  # 'Flynn said there was ... and urged the crowd': Flynn urged
            seen += 1
            continue
        if verb.dep_ in ("conj", "advcl", "xcomp", "acl", "acomp") and verb.head.i != verb.i:
            verb = verb.head  # (acomp: 'was not willing to say')
            seen += 1
            continue
        return None
    return None


class AttributionFinder:
    """Find attributions in a parsed Doc."""

    def __init__(self, lex: Lexicon | None = None):
        self.lex = lex or lexicon()
        # a cue of its own ('said to', 'happy to') or a copula ('is to ignore') never joins the cue after it
        self._never_lead = self.lex.verbs | self.lex.adjectives | self.lex.not_lead_in

    def _deed(self, verb: Token) -> bool:
        """'the virus claimed 6606 lives': the verb's object makes it a deed, not words."""
        objects = self.lex.deed_objects.get(verb.lemma_.lower())
        return bool(objects) and any(c.dep_ == "dobj" and c.lemma_.lower() in objects for c in verb.children)

    def _leads_in(self, lead: Token, cue: Token) -> bool:
        """PolNeAR's cue takes in the verb or adjective the cue's 'to' hangs on ('has yet to endorse',
        'is choosing not to respond to', 'are more likely to say'), but not one a preposition hangs it on
        ('resign for saying'), nor a verb before a gerund unless listed ('rolled responding to')."""
        lemma = lead.lemma_.lower()
        return lemma in self.lex.lead_in or (cue.dep_ == "xcomp" and lead.pos_ in ("VERB", "AUX", "ADJ")
                                             and lemma not in self._never_lead
                                             and cue.tag_ != "VBG")  # 'rolled responding to'; 'kept asking' is listed

    def __call__(self, doc: Doc) -> list[Found]:
        quotes = quotations(doc_text(doc))
        found: list[Found] = []
        for sent in doc.sents:
            for tok in sent:
                item = None
                if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                    item = self._according_to(tok, sent)
                elif tok.lower_ == "per" and names_a_source_per(tok):
                    item = self._according_to(tok, sent)
                elif tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.lex.verbs and not self._deed(tok):
                    item = self._verb(tok, sent, quotes)
                    if item is not None and item.source is None and (item.kind == "direct" or (
                            item.kind == "indirect" and not item.stance and tok.tag_ == "VBG")):
                        # a quotation with no speaker found is mostly a misreading ('the Islamic State, also
                        # known as "IS"', 'Written "at this time of crisis," the statement'): 12 right of 136
                        item = None
                elif tok.pos_ == "ADJ" and tok.dep_ == "acomp" and tok.lemma_.lower() in self.lex.adjectives:
                    item = self._adjective(tok, sent)
                elif tok.text == ":" and tok.i > sent.start:
                    item = self._colon(tok, sent)
                elif tok.dep_ == "advmod" and tok.lower_ in self.lex.hearsay_adverbs:
                    item = self._hearsay(tok, sent)
                if item is not None:
                    item.cue_token = tok.i
                    found.append(item)
        found = self._raised_cues(doc, found)
        text = doc_text(doc)
        for item in found:
            self._extend_quotes(doc, item, quotes)
            start = item.content[0][0]
            if item.kind == "indirect" and opens_quotation(text, start):
                item.kind = "direct"
        self._continue_quotes(doc, found, quotes)
        citing = citing_sources(doc)
        self._as_reported_by(doc, found, citing)
        self._reporter_at_the_end(doc, found)
        self._mark_nested(found, quotes)
        self._participle_sources(doc, found)
        self._chains(found, citing, publishers(doc, found))
        return found

    # -- cue kinds -----------------------------------------------------------------------------------

    def _verb(self, tok: Token, sent: Span, quotes: list[tuple[int, int]]) -> Found | None:
        lex, doc = self.lex, tok.doc
        lemma = tok.lemma_.lower()
        if tok.lower_ == "said" and tok.i == sent.start + 1 and doc[sent.start].lower_ == "that":
            return None  # 'That said, ...': a discourse marker
        cue_end = tok.i
        particles = lex.particle_cues.get(lemma, ())
        particle = next(
            (c for c in tok.children if c.dep_ in ("prep", "prt") and c.lower_ in particles and c.i > tok.i), None
        )
        marked = doc[tok.i + 1] if particle is None and tok.i + 1 < len(doc) else None
        if marked is not None and not (marked.lower_ in particles and marked.dep_ == "mark"
                                       and marked.head.dep_ in ("advcl", "xcomp") and marked.head.head.i == tok.i):
            marked = None  # 'is calling for the United States to step up': 'for' parsed as the clause's mark
        particle = particle if particle is not None else marked
        quote_only = lemma in lex.needs_particle and particle is None  # 'spoke on Fox News, "..."' only
        if particle is not None and particle.i == tok.i + 1:
            cue_end = particle.i
        elif tok.i + 1 < len(doc) and doc[tok.i + 1].head.i == tok.i and doc[tok.i + 1].dep_ in ("prep", "prt") \
                and doc[tok.i + 1].lower_ in lex.cue_particles:
            cue_end = tok.i + 1  # 'pointed out', 'spoke about', 'lashed out': PolNeAR counts the particle in the cue
        named = name_calling_quote(tok, quotes) if lemma == "call" else None
        if lemma == "call" and particle is None and named is None and not any(c.dep_ == "oprd" for c in tok.children):
            if not any(c.dep_ == "ccomp" for c in tok.children):
                return None
        # '"We stand ready" tweeted Johnson.': the small model reads the verb as an adjective of the name
        misread = inverted_phrase(tok) if tok.dep_ in ("amod", "acl") and tok.i > 0 and any(
            q_end == doc[tok.i - 1].idx + len(doc[tok.i - 1]) for _, q_end in quotes) else None
        if (tok.dep_ == "amod" or (tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") and lemma != "say")) \
                and misread is None:
            return None
        if (gerund := gerund_content(tok.head)) is not None and gerund.i == tok.i:
            return None  # 'said seeing so many officers was welcome': the gerund is what was said
        confidence = 0.6
        kind = "indirect"
        content: tuple[int, int] | None = None
        parts: list[tuple[int, int]] = []
        ccomps = [c for c in tok.children if c.dep_ in ("ccomp", "csubjpass") and not beyond_semicolon(c, tok, quotes)]
        ccomp = next(iter(ccomps), None)
        if len(ccomps) > 1 and ccomp.i < tok.i < ccomps[-1].i and not quoted_before(tok) and not (
                ccomps[-1].lemma_.lower() in lex.verbs  # not '..., CNN reported, the governor said'
                and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in ccomps[-1].children)):
            ccomp = ccomps[-1]  # 'the doubt has had an effect: 20 percent said they believe ...': what follows
        if quote_only or tok.lower_ in ("citing", "quoting"):
            ccomp = None  # 'said, citing U.S. media, that ...': the clause is what was said, not cited
        if ccomp is not None:
            content = (doc[saying_time_end(ccomp, tok)].idx, subtree_chars(ccomp)[1])
            later = [c for c in ccomps if c.i > ccomp.i > tok.i and continues_report(c, ccomp)]
            if later:  # 'said it would be "a condition of travel" and "masks [...] we must keep" so ...'
                content = (content[0], subtree_chars(later[-1])[1])
            second = next((c for c in ccomp.children if c.i > tok.i and second_act(c)), None)
            if second is not None:  # 'Flynn said there was a lack of transparency and urged the crowd to ...'
                last = doc[next(c for c in ccomp.children if c.dep_ == "cc" and c.i < second.i).i - 1]
                content = (content[0], last.idx + len(last))
            other = next((c for c in ccomp.children if other_report(c, tok, quotes)), None)
            if other is not None:  # 'Phivolcs reported the magnitude was 5.5; USGS reported 5.8'
                cut = other.left_edge.i - 1
                while cut > ccomp.i and (doc[cut].is_punct or doc[cut].dep_ == "cc"):
                    cut -= 1
                content = (content[0], doc[cut].idx + len(doc[cut]))
            pronoun = doc[ccomp.left_edge.i]
            if pronoun.i < tok.i < ccomp.i and pronoun.head.i == ccomp.i and pronoun.lower_ in RELATIVE_PRONOUNS:
                # 'a mission, which NASA said might take place this summer': which | might take place ...
                content, parts = (pronoun.idx, pronoun.idx + len(pronoun)), [(doc[tok.i + 1].idx, content[1])]
            confidence += 0.15
            # "..., X said" where the parser hangs the whole preceding clause on "said"
        if content is None and lemma in lex.raising:  # 'Superdelegates might seem profoundly anti-democratic'
            subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.lower_ not in ("it", "there")), None)
            comp = next((c for c in tok.children if c.i > tok.i and (
                c.dep_ in ("xcomp", "oprd", "acomp", "attr") or c.dep_ == "prep" and c.lower_ in ("like", "as"))), None)
            if subj is not None and comp is not None:
                content, parts = subtree_chars(subj), [subtree_after(comp, tok)]
        if content is None and marked is not None:
            last = clause_end(marked.head)
            content = (doc[marked.i + 1].idx, last.idx + len(last))
        if content is None and particle is not None:
            pobj = next((c for c in particle.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                content = subtree_chars(pobj)
                more = [c for c in particle.children if c.dep_ == "conj" and c.pos_ == "ADP"]
                if more:  # 'called for at least 20 years in prison and up to life in prison'
                    content = (content[0], subtree_chars(more[-1])[1])
                # 'called on Clinton to release the transcripts': the parser hangs 'to release' on the verb
                told = next((c for c in tok.children if c.dep_ in ("xcomp", "advcl") and c.i > pobj.right_edge.i
                             and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
                if told is not None:
                    last = clause_end(told)
                    content = (content[0], last.idx + len(last))
        if content is None and lemma in ("ask", "wonder", "question", "inquire"):
            asked = next((c for c in tok.children if c.i > tok.i and (
                c.dep_ == "prep" and c.lower_ in ("about", "whether", "if")
                or c.dep_ in ("advcl", "ccomp") and any(m.lower_ in ("if", "whether") for m in c.children))), None)
            if asked is not None:
                content = subtree_chars(asked)
        if content is None and not quote_only:
            relative = relative_in_content(tok)
            comp = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i), None)
            if relative is not None and comp is not None:
                rel = relative[0]  # 'the drawdown, which they say left a vacuum': which | left a vacuum
                content, parts = (rel.idx, rel.idx + len(rel)), [subtree_chars(comp)]
        if content is None and not quote_only:
            pieces = self._interrupted_clause(tok, sent)
            if pieces:
                content, parts = pieces[0], pieces[1:]
                confidence += 0.1
        if content is None and not quote_only:
            obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
            xcomp = next((c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i), None)
            if (gerund := gerund_content(tok)) is not None:
                content = subtree_chars(gerund)
            elif xcomp is not None and lemma in lex.object_content | {"tell", "ask", "urge", "warn", "call"}:
                start = obj.left_edge if obj is not None and obj.i < xcomp.i else xcomp.left_edge
                last = xcomp.right_edge
                finite = [c for c in xcomp.rights if c.dep_ == "conj" and c.tag_ in ("VBD", "VBZ", "VBP")
                          and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)]
                if finite:  # 'urged the embassy to reconsider and spoke with Pompeo': the urging's subject spoke
                    cut = finite[0].left_edge.i - 1
                    while cut > xcomp.i and xcomp.doc[cut].dep_ in ("cc", "punct"):
                        cut -= 1
                    last = xcomp.doc[cut]
                content = (start.idx, last.idx + len(last))
            elif lemma == "tell" and obj is not None and obj.pos_ == "NOUN" and not obj.ent_type_ \
                    and obj.lemma_.lower() in lex.told_objects:
                content = subtree_chars(obj)  # 'told a joke', 'told the story of ...'
            elif obj is None and lemma == "call" and subject_of(tok) is not None and (
                    oprd := next((c for c in tok.children if c.dep_ == "oprd" and c.i > tok.i), None)) is not None:
                content = subtree_chars(oprd)  # 'calls Clinton unqualified' parsed as a clause under 'calls'
            elif obj is not None and (lemma in lex.object_content or lemma == "say") and subject_of(tok) is not None \
                    and not (lemma == "ask" and (obj.pos_ == "PRON" or obj.ent_type_ in ("PERSON", "NORP", "ORG")
                                                 or obj.lemma_.lower() in lex.audiences)):
                oprd = next((c for c in tok.children if c.dep_ == "oprd"), None)
                end = oprd.right_edge if oprd is not None else obj.right_edge
                for prep in tok.children:  # 'criticized Nabisco for the move', 'showed Trump with a lead'
                    if prep.dep_ == "prep" and prep.i == end.i + 1 and prep.lower_ in lex.object_preps:
                        end = prep.right_edge
                content = (obj.left_edge.idx, max(end.idx + len(end), named[1] if named else 0))
                if obj.i < tok.i < end.i:  # 'in what the police declared a "terrorist-related" attack': what |
                    content, parts = subtree_chars(obj), [(doc[tok.i + 1].idx, content[1])]  # what it was called
                confidence -= 0.05
        if content is None and lemma in SPEECH and not quote_only:
            mark = next((t for t in doc[tok.i + 1 : sent.end]
                         if t.lower_ == "that" and t.dep_ in ("mark", "advmod")), None)  # 'advmod': a misparse
            if mark is not None and not any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in lex.verbs
                                            and t.lower_ not in ("citing", "quoting")
                                            for t in doc[tok.i + 1 : mark.i]):
                content = (mark.idx, sent.end_char)
                confidence -= 0.1
        quote_source: tuple[int, int] | None = None
        if content is None and not in_quotes(tok.idx, quotes):
            # ('we expect' inside a quotation introduces no other quotation)
            found_quote = self._adjacent_quote(tok, sent, quotes, after_only=quote_only)
            if found_quote is not None:
                content, quote_source = found_quote
                kind = "direct"
        if content is None and tok.tag_ == "VBN" and not any(c.dep_ == "agent" for c in tok.children):
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            xcomp = next((c for c in tok.children if c.i > tok.i and (
                c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "as")), None)  # 'is seen as'
            if subj is not None and xcomp is not None and subj.lower_ not in ("it", "there"):
                # 'The House is expected to pass the bill': no source; the subject and what it is expected to do
                content = subtree_chars(subj)
                parts = [subtree_after(xcomp, tok)]
                kind = "passive"
                confidence -= 0.1
        if content is None and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children):
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if subj is not None:  # 'This was stated by X': the subject is what was stated
                content = subtree_chars(subj)
        if content is None:
            return None
        # source
        source_tok: Token | None = None
        source: tuple[int, int] | None = None
        passive = tok.tag_ == "VBN" and any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
        if passive:
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if pobj is not None:
                source_tok = pobj
                kind = "passive"
                if agent.i == cue_end + 1:
                    cue_end = agent.i  # 'was stated by'
                if content is None or ccomp is None:
                    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
                    if subj is not None:
                        content = subtree_chars(subj)
        elif lemma in lex.raising:
            source_tok = None  # 'Sanders seems to have a lead': the writer's inference; Sanders says nothing
        elif tok.tag_ == "VBN" and tok.dep_ == "advcl" and not any(c.dep_ in ("nsubj", "aux") for c in tok.children):
            # 'Asked whether ..., Priebus said': the asker is not Priebus; 'Asked by Thrush if ...' names one
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            source_tok = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        else:
            source_tok = subject_of(tok)
            if source_tok is not None and source_tok.i < tok.i and in_quotes(source_tok.idx, quotes):
                # '"Meh," wrote a Trump supporter': the quoted word is what was written, the later subject wrote it
                source_tok = next((c for c in tok.children if c.dep_ == "nsubj" and c.i > tok.i), source_tok)
            if source_tok is None and content is not None and content[0] > tok.idx and tok.dep_ == "ROOT":
                source_tok = stranded_subject(tok)
            if source_tok is None and content is not None and content[1] <= tok.idx:
                # '"...," added Gowdy': the parser takes the inverted speaker for an object
                source_tok = next((c for c in tok.children if c.dep_ == "dobj" and c.left_edge.i == tok.i + 1
                                   and c.pos_ in ("PROPN", "PRON", "NOUN")), None) or inverted_subject(tok)
        if misread is not None and quote_source is None and content is not None and content[1] <= tok.idx:
            quote_source = (doc[misread[0]].idx, doc[misread[1] - 1].idx + len(doc[misread[1] - 1]))
        if quote_source is not None:
            source_tok = doc.char_span(*quote_source, alignment_mode="expand").root
        if source_tok is not None:
            if source_tok.lower_ == "it" and tok.dep_ != "relcl" and (passive or lemma not in SPEECH | IT_ACTS):
                source_tok = None  # 'it seems', 'it is said'; but '"...," it said' is the report speaking
        if source_tok is not None:
            stop = tok.i if source_tok.i < tok.i else None
            source = quote_source or noun_phrase(source_tok, stop_before=stop, relative=True)
            if quote_source is None and source_tok.dep_ == "nsubj" and source_tok.pos_ == "NOUN" \
                    and not is_clause(source_tok):  # "Niger's president Mahamadou Issoufou" parsed as two;
                gap = (",", "-", "–")  # "The judge presiding over the case, Bernard Schwartz, said"
                twin = next((c for c in source_tok.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"
                             and c.i > source_tok.i and c.left_edge.i > source_tok.right_edge.i
                             and all(t.text in gap for t in doc[source_tok.right_edge.i + 1 : c.left_edge.i])
                             and (source_tok.right_edge.is_alpha or c.left_edge.i > source_tok.right_edge.i + 1)),
                            None)
                if twin is not None:
                    source = (source[0], noun_phrase(twin, stop_before=stop)[1])
            if content and source[0] < content[1] and content[0] < source[1]:
                source = (source_tok.idx, source_tok.idx + len(source_tok))
            confidence += 0.15
        else:
            confidence -= 0.15
        content = trim(tok.doc, *without_citing(doc, content)) if content else None
        if content is None:
            return None
        text = doc_text(doc)
        if lemma == "see" and WH_START.match(text, content[0]):
            return None  # 'to see how the vote goes': watching, not a view (PolNeAR: 9 of 35 are cues)
        opening = text[content[0] : content[0] + 6].lower()
        if text[content[0]] in OPEN_QUOTES or opening.startswith(("that “", 'that "')):
            kind = "direct" if kind != "passive" else kind
        if lemma in lex.belief:
            confidence -= 0.2
        if lemma in ("say", "tell"):
            confidence += 0.05
        cue_tok = doc[cue_end]
        cue_start = verb_group_start(tok)
        lead = tok.head if tok.dep_ == "xcomp" else tok.head.head if tok.dep_ == "pcomp" else None
        if lead is not None and lead.i < tok.i and self._leads_in(lead, tok) and all(
                t.dep_ in ("prt", "aux", "prep", "advmod", "neg") for t in doc[lead.i + 1 : tok.i]):
            # 'went on to say', 'began by saying', 'failed to mention' (not 'followed that by saying')
            cue_start = verb_group_start(lead)
            copula = lead.head
            if lead.pos_ == "ADJ" and lead.dep_ == "acomp" and copula.i < lead.i and all(
                    t.dep_ in ("advmod", "neg") for t in doc[copula.i + 1 : lead.i]):
                cue_start = verb_group_start(copula)  # 'was quick to point out', 'is not eager to'
        return Found(
            stance=lemma in lex.stance,
            cue=(doc[cue_start].idx, cue_tok.idx + len(cue_tok)),
            cue_lemma=lemma,
            source=source,
            content=[content, *parts],
            kind=kind,
            sentence=(sent.start_char, sent.end_char),
            confidence=max(0.05, min(0.97, confidence)),
        )

    def _adjective(self, tok: Token, sent: Span) -> Found | None:
        """'X is confident that ...', 'X was critical of Y': the copula and adjective are the cue, the
        that-clause or the prepositional object the content, the copula's subject the source."""
        doc = tok.doc
        clause = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i), None)
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.i == tok.i + 1
                     and c.lower_ in ("of", "about", "with", "over", "that", "on")), None)
        cue_end = tok.i
        if clause is not None:
            content = subtree_chars(clause)
        elif prep is not None and any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
            obj = next(c for c in prep.children if c.dep_ in ("pobj", "pcomp"))
            content = subtree_chars(obj)
            cue_end = prep.i
        else:
            return None
        copula = tok.head
        subject = subject_of(copula) if copula.pos_ in ("AUX", "VERB") else None
        if subject is None or subject.lower_ in ("it", "there"):
            return None
        content = trim(doc, *content)
        if content is None:
            return None
        start = verb_group_start(copula) if copula.i < tok.i else tok.i
        return Found(
            cue=(doc[start].idx, doc[cue_end].idx + len(doc[cue_end])),
            cue_lemma=tok.lemma_.lower(),
            source=noun_phrase(subject, stop_before=copula.i if subject.i < copula.i else None),
            content=[content],
            kind="other",
            sentence=(sent.start_char, sent.end_char),
            confidence=0.6,
            stance=True,
        )

    def _hearsay(self, tok: Token, sent: Span) -> Found | None:
        """'Khan reportedly started attacking people': the adverb is the cue, the clause it modifies
        (around the adverb, as PolNeAR marks it) the content, and no one is named as the source. Before a
        phrase ('health problems, reportedly colon cancer') or after its verb ('stabbed reportedly several
        people') the content is what follows it, as the annotations mark it."""
        doc, head = tok.doc, tok.head
        while head.dep_ in ("nummod", "quantmod", "amod", "det") and head.head.i > head.i:
            head = head.head  # 'reportedly several people', 'reportedly 18.9 deaths': the whole noun phrase
        if head.lemma_.lower() in self.lex.verbs:
            return None  # 'reportedly said': the verb is the cue
        if head.pos_ not in ("VERB", "AUX") or head.dep_ == "prep":
            if head.i < tok.i or head.dep_ == "ROOT":
                return None
            # 'health problems, reportedly colon cancer', 'shot him dead, reportedly outside a Boots store'
            lo, hi = tok.i + 1, head.right_edge.i + 1
        elif tok.i > head.i and head.pos_ != "AUX" and head.lemma_ != "be":  # ('there were reportedly four')
            lo, hi = tok.i + 1, clause_end(head).i + 1  # 'stabbed reportedly several people'
        else:
            lo, hi = head.left_edge.i, clause_end(head).i + 1
        parts = [p for p in (trim(doc, doc[lo].idx, tok.idx), trim(doc, tok.idx + len(tok), doc[hi - 1].idx
                                                                   + len(doc[hi - 1]))) if p is not None]
        if not parts:
            return None
        return Found(
            cue=(tok.idx, tok.idx + len(tok)),
            cue_lemma=tok.lower_,
            source=None,
            content=parts,
            kind="passive",
            sentence=(sent.start_char, sent.end_char),
            confidence=0.6,
        )

    def _interrupted_clause(self, tok: Token, sent: Span) -> list[tuple[int, int]] | None:
        """'Russia refused ..., Kirby said' and 'The years, he said, brought a shift': the cue interrupts
        or ends the clause it reports, and the parser hangs it under that clause."""
        head = tok.head
        if head.i == tok.i or tok.dep_ not in ("parataxis", "advcl", "ccomp", "conj"):
            return None
        if not any(c.dep_ == "nsubj" for c in tok.children) and tok.dep_ != "parataxis":
            return None
        if any(c.dep_ == "mark" and c.lower_ not in ("as", "like") for c in tok.children):
            return None  # 'if he would have told her', 'because he liked it': a subordinate clause, not an aside
        doc = tok.doc
        words = [t.i for t in tok.subtree if not t.is_punct]  # the aside's own commas hang on the verb too
        left, right = words[0], words[-1]
        if doc[left].tag_ in ("WDT", "WP", "WP$", "WRB"):
            return None  # 'giving readers what they want, how they want it': a clause, not an aside
        if left == sent.start and head.i > right and right + 1 < sent.end and doc[right + 1].text in (",", ":"):
            if any(c.dep_ == "nsubj" for c in tok.children) and right + 2 < sent.end and any(
                c.dep_ == "mark" and c.lower_ in ("as", "like") for c in tok.children
            ):
                return [(doc[right + 2].idx, sent.end_char)]
        if left <= sent.start or doc[left - 1].text not in (",", "—", "–", "-") + tuple(CLOSE_QUOTES) + ("''",):
            return None
        after = [t for t in doc[right + 1 : min(sent.end, right + 3)]]
        if after and after[0].text in (",", ":") and len(after) > 1 and (
                after[1].text in OPEN_QUOTES or after[1].text in ("''", "``")):
            return None  # 'and when asked ..., he said, "I hope not."': the quotation is what he said
        parts = [(doc[sent.start].idx, doc[left - 1].idx + len(doc[left - 1]))]
        if head.i > tok.i:
            rest = trim(doc, doc[right + 1].idx, sent.end_char) if right + 1 < sent.end else None
            if rest is None:
                return None
            parts.append(rest)
        return parts

    def _adjacent_quote(
        self, tok: Token, sent: Span, quotes: list[tuple[int, int]], after_only: bool = False
    ) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
        """A quotation next to the cue, with only the source and punctuation between:
        '"...," he said', '"...," said Cruz', 'he said: "..."', and a quotation closed in the sentence before."""
        doc = tok.doc
        subject = subject_of(tok)
        between_ok = set(subject.subtree) if subject is not None else set()
        for child in tok.children:  # the verb's own modifiers: 'said on Twitter, "..."', 'spoke to the press: "..."'
            if child.dep_ in ("prep", "npadvmod", "advmod", "dative", "agent", "dobj") and child.i > tok.i:
                between_ok |= {t for t in child.subtree if t.pos_ not in ("VERB", "AUX")}
        text = doc_text(doc)

        def only_source(start: int, end: int) -> bool:
            span = doc.char_span(start, end, alignment_mode="contract")
            if span is None:
                return not text[start:end].strip(" ,:\n\xa0—–-")
            return all(t.is_punct or t.is_space or t in between_ok or t.i == tok.i or t.dep_ in GROUP_DEPS
                       for t in span)

        for q_start, q_end in quotes:
            before = q_end <= tok.idx and q_end >= sent.start_char - 3 and "\n" not in text[q_end : tok.idx]
            if before and not after_only:
                if only_source(q_end, tok.idx):
                    return (q_start, q_end), None
                gap = doc.char_span(q_end, tok.idx, alignment_mode="contract")
                if gap is not None and 0 < len(gap) <= 10 and not any(t.pos_ in ("VERB", "AUX") for t in gap) and any(
                    t.pos_ in ("PROPN", "PRON", "NOUN") for t in gap
                ):  # '"...," Ramos, 58, told AFP': the parse hung the verb on the quote
                    return (q_start, q_end), trim(doc, gap.start_char, gap.end_char)
            if q_start >= tok.idx + len(tok) and q_start <= sent.end_char and only_source(tok.idx + len(tok), q_start):
                return (q_start, q_end), None
        return None

    def _according_to(self, tok: Token, sent: Span) -> Found | None:
        """'According to X, ...' and '..., according to X'; also 'Per X, ...' (``tok`` is 'per')."""
        doc = tok.doc
        to = doc[tok.i + 1] if tok.lower_ == "according" else tok
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        src_start, src_end = noun_phrase(pobj)
        src_end = self._according_source_end(pobj, src_end)
        src_end = self._according_name_run_on(pobj, src_end)
        phrase_start, phrase_end = tok.idx, src_end
        prep = next((t for t in doc[pobj.i : sent.end] if t.idx >= src_end), None)
        if prep is not None and prep.dep_ == "prep" and prep.head.i in (tok.i, pobj.i) and any(
                o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in prep.children):
            phrase_end = prep.right_edge.idx + len(prep.right_edge)  # 'according to police on Saturday, ...'
        text = doc_text(doc)
        before = trim(doc, sent.start_char, phrase_start)
        after = trim(doc, phrase_end, sent.end_char)
        relative = after is not None and re.match(r"[\s,]*(?:which|who)\b", text[after[0] : after[0] + 12]) is not None
        if after and (not before or (after[1] - after[0]) >= (before[1] - before[0])) and not (before and relative):
            content = after  # (not 'according to the report, which figured ...': the report's own clause)
        else:
            content = before
        if content is None:
            return None
        if text[content[0]] in ",;:":
            content = trim(doc, content[0] + 1, content[1])
            if content is None:
                return None
        return Found(
            cue=(tok.idx, to.idx + len(to)),
            cue_lemma="according to" if to.i != tok.i else tok.lower_,
            source=(src_start, src_end),
            content=[content],
            kind="according_to",
            sentence=(sent.start_char, sent.end_char),
            confidence=0.85,
        )

    @staticmethod
    def _according_name_run_on(pobj: Token, end: int) -> int:
        """'According to Connecticut Senator Richard Blumenthal, ...', "According to Windsor Locks' first
        selectman, Chris Kervick, ...": a name the parser hangs elsewhere runs on from the source up to the
        comma that ends it."""
        doc = pobj.doc
        i = next((t.i for t in doc[pobj.i :] if t.idx >= end), len(doc))  # the token after the source
        stop = pobj.sent.end
        j = next((t.i for t in doc[i:stop] if t.pos_ != "PROPN"), stop)
        if i < j < stop and doc[j].text == "," and doc[i - 1].pos_ == "PROPN":
            return doc[j - 1].idx + len(doc[j - 1])  # 'Connecticut' + 'Senator Richard Blumenthal'
        if i + 1 < stop and doc[i].text == "," and pobj.pos_ == "NOUN" and pobj.lemma_.lower() not in DOCUMENTS \
                and doc[i + 1].ent_type_ == "PERSON" and doc[i + 1].ent_iob_ == "B":
            name = next(e for e in span_ents(doc[i + 1 : stop]) if e.start == i + 1)
            if name.end < stop and doc[name.end].text in (",", ")"):
                return name.end_char  # "Windsor Locks' first selectman" + ', Chris Kervick,'
        return end

    @staticmethod
    def _according_source_end(pobj: Token, end: int) -> int:
        """'According to Manila Bulletin, Wednesday's earthquake ...', 'according to NDRRMC report on
        Saturday, which figured ...': the source ends at a comma the parser runs it over, unless what
        follows the comma is an apposition closed by another ('According to the El Paso mayor, Dee
        Margo, ...')."""
        from extractor.contacts import party_nouns  # (contacts imports this module)

        doc = pobj.doc
        for t in pobj.subtree:
            if t.i <= pobj.i or t.idx >= end or doc[t.i - 1].text != ",":
                continue
            cut = doc[t.i - 2].idx + len(doc[t.i - 2])  # before the comma
            if t.dep_ in CLAUSE_DEPS or t.head.dep_ in CLAUSE_DEPS and t.head.left_edge.i == t.i:
                return cut
            joined = t  # the conjunct the comma opens ('415' in ', 415 thousand priests and ...')
            while joined.dep_ != "conj" and joined.head.i > pobj.i and joined.head.left_edge.i == t.i:
                joined = joined.head
            if joined.dep_ == "conj" and joined.left_edge.i == t.i:
                verb = next((h for h in pobj.ancestors if h.pos_ in ("VERB", "AUX")), None)
                if verb is not None and verb.i > t.i and not any(
                        c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
                    return cut  # 'Per the decree signed by ..., priests and nuns ... are expected': the subject
            if t.dep_ == "appos" or t.head.dep_ == "appos" and t.head.left_edge.i == t.i:
                appos = t if t.dep_ == "appos" else t.head
                after = appos.right_edge.i + 1
                verb = next((h for h in pobj.ancestors if h.pos_ in ("VERB", "AUX") and h.lower_ != "according"), None)
                naming = appos.pos_ == "PROPN" or appos.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or \
                    appos.lemma_.lower() in party_nouns()  # 'Dennis B. Ross, another former ... envoy'
                subjectless = verb is not None and verb.i > appos.i and not naming and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)
                if subjectless or after < len(doc) and doc[after].text not in (",", ")", ".", ";", "\n") and \
                        not doc[after].is_space:  # the 'apposition' is the subject of what the source says
                    return cut
        return end

    def _colon(self, tok: Token, sent: Span) -> Found | None:
        """A source introduced by a colon: a short verbless label at the start of a sentence ('Pentagon:
        Shoigu and Gerasimov refused ...', 'Poll: ...', a transcript's 'KATE BOULDUAN: Why not debate?'),
        or a name right before a colon that opens a quotation ('... pollster Daron Shaw: "..."')."""
        doc = tok.doc
        text = doc_text(doc)
        head = doc[sent.start : tok.i]
        after = text[tok.idx + 1 : tok.idx + 4].lstrip()
        label = (1 <= len(head) <= 6 and not any(t.pos_ in ("VERB", "AUX") for t in head)
                 and head[0].text[:1].isupper()
                 and all(t.pos_ in ("PROPN", "NOUN", "PUNCT", "DET", "ADP", "NUM", "CCONJ", "ADJ") for t in head)
                 and (any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in head)
                      or any(t.pos_ == "PROPN" for t in head) or len(head) == 1))
        last = head[-1].text
        if any(last.lower() == w or last.endswith(w.capitalize()) for w in self.lex.credit_labels):
            return None  # 'Image: Voice of America.', 'Jo JorgensenImage: ...' (a caption run on): a credit
        if label and len(head.text) > 1:  # not an interview's 'Q:' and 'A:'
            src = trim(doc, head.start_char, head.end_char)
        elif after[:1] in OPEN_QUOTES and tok.i > sent.start and doc[tok.i - 1].ent_type_ in ("PERSON", "ORG"):
            src = noun_phrase(doc[tok.i - 1], stop_before=tok.i)
        else:
            return None
        content = trim(doc, tok.idx + 1, sent.end_char)
        if src is None or content is None or content[1] - content[0] < 12:
            return None
        return Found(
            cue=(tok.idx, tok.idx + 1),
            cue_lemma=":",
            source=src,
            content=[content],
            kind="other",
            sentence=(sent.start_char, sent.end_char),
            confidence=0.6,
        )

    # -- quotations and chains -----------------------------------------------------------------------

    def _extend_quotes(self, doc: Doc, item: Found, quotes: list[tuple[int, int]]) -> None:
        """A content that cuts a quotation takes the whole quotation, across sentences if need be; so does
        each of its parts ('which Trump had called a "disaster"': which | a "disaster")."""
        for n, (start, end) in enumerate(item.content):
            for q_start, q_end in quotes:
                if q_start < end and start < q_end and not (q_start <= item.cue[0] < q_end):
                    start, end = min(start, q_start), max(end, q_end)
            item.content[n] = (start, end)
            if end > item.sentence[1] or start < item.sentence[0]:
                item.sentence = (min(item.sentence[0], start), max(item.sentence[1], end))
                item.sentence = self._whole_sentences(doc, *item.sentence)

    @staticmethod
    def _whole_sentences(doc: Doc, start: int, end: int) -> tuple[int, int]:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return start, end
        return span[0].sent.start_char, span[-1].sent.end_char

    def _continue_quotes(self, doc: Doc, found: list[Found], quotes: list[tuple[int, int]]) -> None:
        """'"A," he said. "B."': a quotation right after a quoted attribution, with no cue of its own, joins it."""
        outside = [f for f in found if not in_quotes(f.cue[0], quotes)]
        covered = [(f.content[0][0], f.content[-1][1]) for f in outside]
        cues = sorted(f.cue[0] for f in outside)
        text = doc_text(doc)
        for item in found:
            if item.kind != "direct":
                continue
            last_end = max(item.content[-1][1], item.cue[1], item.source[1] if item.source else 0)
            for q_start, q_end in quotes:
                if q_start < last_end:
                    continue
                gap = text[last_end:q_start]
                if not (re.fullmatch(r"[\s\xa0.,;:]*", gap) or last_end == max(item.cue[1], item.source[1] if
                        item.source else 0) and _OCCASION_GAP.fullmatch(gap)) or gap.count("\n") > 4:
                    break  # words between: the quotation is someone else's, or the article's
                if any(s <= q_start < e for s, e in covered) or any(q_start <= c < q_end for c in cues):
                    break
                item.content.append((q_start, q_end))
                item.sentence = self._whole_sentences(doc, item.sentence[0], max(item.sentence[1], q_end))
                last_end = q_end

    def _raised_cues(self, doc: Doc, found: list[Found]) -> list[Found]:
        """'Mr. Cruz seemed to mock his tough talk': a raising verb over a cue is one cue, 'seemed to mock',
        whose source is the subject (PolNeAR annotates it so); without a cue below ('seems to have a lead')
        the raising verb stays the writer's inference with no source."""
        by_token = {item.cue_token: item for item in found if item.cue_token is not None}
        dropped: set[int] = set()
        for item in found:
            if item.cue_lemma not in self.lex.raising or item.cue_token is None:
                continue
            comp = next((c for c in doc[item.cue_token].children if c.dep_ == "xcomp"), None)
            inner = by_token.get(comp.i) if comp is not None else None
            if inner is None or inner.source is None or inner.cue[0] < item.cue[1]:
                continue
            item.cue, item.cue_lemma = (item.cue[0], inner.cue[1]), inner.cue_lemma
            item.source, item.content, item.kind = inner.source, inner.content, inner.kind
            item.stance, item.confidence = inner.stance, inner.confidence
            dropped.add(id(inner))
        return [item for item in found if id(item) not in dropped]

    @staticmethod
    def _as_reported_by(doc: Doc, found: list[Found], citing: dict[int, list[tuple[int, int]]]) -> None:
        """'Erdogan said — as reported by Hurriyet Daily News — "..."', '"...", as quoted by Greek Reporter':
        the newspaper is the chain behind the nearest attribution of the sentence (and, where a source is
        found for it, an attribution of its own, as PolNeAR and the annotations have it); the words stay out
        of that attribution's content."""
        text = doc_text(doc)
        for tok in doc:
            if tok.lemma_.lower() not in ("report", "quote", "cite") \
                    or not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
                continue
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if by is None:
                continue
            hosts = [o for o in found if o.cue_token is not None and o.cue_token != tok.i
                     and o.sentence[0] <= tok.idx < o.sentence[1]]  # its sentence, or the quotation it ends
            if hosts:
                host = min(hosts, key=lambda o: (o.cue_token > tok.i, abs(o.cue_token - tok.i)))  # type: ignore[operator]
                citing.setdefault(host.cue_token, []).append(noun_phrase(by))  # type: ignore[arg-type]
                host.content = _without(host.content, _aside(tok))
                if host.kind == "indirect" and text[host.content[0][0]] in OPEN_QUOTES:
                    host.kind = "direct"  # '— as reported by X — "..."'

    @staticmethod
    def _reporter_at_the_end(doc: Doc, found: list[Found]) -> None:
        """'In December, a Turkish official said that the pipeline renders the effort unnecessary, Cyprus
        Mail reported.': the parser hangs 'reported' inside what the official said; the paper reports the
        whole clause, the official's words end before the comma."""
        text = doc_text(doc)
        for outer in found:
            for inner in found:
                if inner is outer or inner.source is None or outer.source is None or len(inner.content) != 1 \
                        or len(outer.content) != 1 or inner.kind != "indirect":
                    continue
                (o0, o1), (i0, i1) = outer.content[0], inner.content[0]
                if not (o0 <= inner.cue[0] < o1 and o0 == i0 and i1 <= inner.source[0] < inner.cue[0]
                        and text[i1:inner.source[0]].strip() == "," and outer.source[1] <= outer.cue[0] < o0):
                    continue
                start = outer.sentence[0]
                while text[start] in " \n\t":
                    start += 1
                inner.content = [(start, i1)]
                outer.content = [(o0, i1)]

    @staticmethod
    def _participle_sources(doc: Doc, found: list[Found]) -> None:
        """'Oramah said the use of currencies "costs Africa $5 billion," further saying, "..."': the parser
        hangs the participle inside the content, whose subject is not who speaks; the outer source is."""
        for item in found:
            if not item.nested or item.in_quote or item.source is None or item.cue_token is None \
                    or doc[item.cue_token].tag_ != "VBG" or doc[item.cue_token].dep_ != "advcl":
                continue
            host = next((o for o in found if o is not item and not o.nested and o.source is not None
                         and any(c0 <= item.cue[0] < c1 and c0 <= item.source[0] < c1 for c0, c1 in o.content)), None)
            if host is not None:
                item.source = host.source

    @staticmethod
    def _mark_nested(found: list[Found], quotes: list[tuple[int, int]]) -> None:
        """PolNeAR/PARC annotate only the outermost attribution; nested ones are kept but flagged."""
        for item in found:
            item.in_quote = in_quotes(item.cue[0], quotes)
        outer = [item for item in found if not item.in_quote]  # words quoted report nothing outside the quote

        def inside(item: Found, other: Found) -> bool:
            return other is not item and any(c0 <= item.cue[0] < c1 for c0, c1 in other.content)

        for item in found:
            # two attributions each inside the other's content: the likelier one is the outer one
            item.nested = item.in_quote or any(
                inside(item, other) and not (inside(other, item) and item.confidence > other.confidence)
                for other in outer
            )

    @staticmethod
    def _chains(
        found: list[Found], citing: dict[int, list[tuple[int, int]]], published_by: dict[int, list[tuple[int, int]]]
    ) -> None:
        """'X said, citing Y', 'according to a poll published by NBC News' and 'CNN reported that ...
        officials said' give the chain behind a source."""
        for item in found:
            item.via = list(citing.get(item.cue_token, [])) + published_by.get(id(item), [])
        cited = [span for spans in citing.values() for span in spans]
        for item in found:
            item.link = item.cue_lemma in ("cite", "quote") and any(
                c0 < v1 and v0 < c1 for c0, c1 in item.content for v0, v1 in cited)
        for outer in found:
            if outer.source is None or outer.in_quote:
                continue  # words inside a quotation are not a source in the chain
            for inner in found:
                if inner is outer or inner.source is None or not any(
                        c0 <= inner.cue[0] < c1 for c0, c1 in outer.content):
                    continue  # between two quoted fragments is not inside the content
                if inner.source[0] < outer.source[1] and outer.source[0] < inner.source[1]:
                    continue  # 'He noted that ... and mentioned ...': one speaker, two verbs, no chain
                inner.via = [outer.source, *outer.via, *inner.via]


PUBLISHING = frozenset({"publish", "release", "issue", "conduct", "commission", "deliver", "put", "carry"})
NOT_AUTHORS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY", "MONEY"})
# 'footage from the scene': where a document comes from, not who made it
PLACE_NOUNS = frozenset({"scene", "site", "area", "ground", "region", "field", "front", "border", "city", "town",
                         "village", "camp", "street", "hospital", "building", "air", "sky", "location", "spot",
                         "floor", "room", "stage", "zone", "country"})


def publishers(doc: Doc, found: list[Found]) -> dict[int, list[tuple[int, int]]]:
    """For each attribution (by ``id``) whose source is something someone made public, that someone:
    'a poll published by NBC News', 'a statement released by Erdogan's office', 'data from the World Health
    Organisation', 'projections by CNN and NPR', "CNN's projections", 'NEOC data', 'a NATO press release'.
    The document stays the source; its author is the chain behind it."""
    out: dict[int, list[tuple[int, int]]] = {}
    for item in found:
        if item.source is None:
            continue
        span = doc.char_span(*item.source, alignment_mode="expand")
        if span is None:
            continue
        authors: list[Token] = []
        for tok in span:
            if tok.dep_ == "agent" and tok.head.lemma_.lower() in PUBLISHING and tok.head.dep_ == "acl":
                authors += [c for c in tok.children if c.dep_ == "pobj" and c.i < span.end]
        root = span.root
        if not authors and root.lemma_.lower() in DOCUMENTS and root.ent_type_ == "":  # not The Jakarta Post
            authors = _document_authors(root)
        for head in authors:
            out.setdefault(id(item), []).extend(_coordinated(head))
    return out


# '"A," wrote Trump on Twitter, "and B."': a short phrase of time or place between the speaker and the
# rest of the quotation
_OCCASION_GAP = re.compile(r"[\s\xa0]+(?:on|in|at|via|during|late|early|last|this|from)\b[^\"“”\n.;:,]{1,40},[\s\xa0]*")


def _aside(tok: Token) -> tuple[int, int]:
    """Characters of the phrase under ``tok`` with the commas and dashes that set it off (not quote marks)."""
    doc = tok.doc
    first, last = tok.left_edge.i, tok.right_edge.i
    while first > 0 and ((prev := doc[first - 1]).is_space or prev.is_punct and prev.text not in CLOSE_QUOTES):
        first -= 1
    while last + 1 < len(doc) and doc[last + 1].text in (",", *DASHES):
        last += 1
    return doc[first].idx, doc[last].idx + len(doc[last].text_with_ws)


def _without(spans: list[tuple[int, int]], cut: tuple[int, int]) -> list[tuple[int, int]]:
    """Character spans less one range (at either end, in the middle, or not at all)."""
    out = []
    for c0, c1 in spans:
        if cut[1] <= c0 or c1 <= cut[0]:
            out.append((c0, c1))
            continue
        out += [(a, b) for a, b in ((c0, cut[0]), (cut[1], c1)) if b > a and b - a > 1]
    return out or spans


def _document_authors(doc_noun: Token) -> list[Token]:
    """Who wrote or issued a document: 'by X' and 'from X' first (not 'reports from Iraq', not 'a report
    from Tuesday'), then a possessor ("CNN's projections"), then a named modifier ('NATO press release',
    not 'a Twitter post')."""
    by = [c for p in doc_noun.children if p.dep_ == "prep" and p.lower_ in ("by", "from") for c in p.children
          if c.dep_ == "pobj" and c.lemma_.lower() not in DOCUMENTS and (
              c.ent_type_ not in NOT_AUTHORS and c.lemma_.lower() not in PLACE_NOUNS if p.lower_ == "from"
              else c.ent_type_ not in ("DATE", "TIME"))]
    poss = [c for c in doc_noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    named = [c for c in doc_noun.children if c.dep_ == "compound" and c.ent_type_ in ("ORG", "PERSON", "NORP")
             and c.lower_ not in PLATFORMS]
    return by or poss or named[:1]


def _coordinated(tok: Token) -> list[tuple[int, int]]:
    """'CNN and NPR' as two phrases; a single name as its noun phrase (a possessor without its "'s")."""
    members = [tok]
    while (nxt := next((c for c in members[-1].children if c.dep_ == "conj"), None)) is not None:
        members.append(nxt)
    if len(members) == 1:
        start, end = noun_phrase(tok)
        return [(start, next((c.idx for c in tok.children if c.dep_ == "case"), end))]
    doc, out = tok.doc, []
    for m in members:
        stop = next((c.i for c in m.rights if c.dep_ in ("cc", "conj", "punct")), m.right_edge.i + 1)
        out.append((doc[m.left_edge.i].idx, doc[stop - 1].idx + len(doc[stop - 1])))
    return out


def without_citing(doc: Doc, content: tuple[int, int]) -> tuple[int, int]:
    """A content that runs on into 'citing Y' at its end ('reported Hamza bin Laden to be dead citing sources
    within ...'): the citing phrase is the chain (``citing_sources``), not what was reported."""
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None:
        return content
    cite = next((t for t in span if t.lower_ in ("citing", "quoting") and t.i > span.start
                 and t.right_edge.i >= span.end - 1 and t.dep_ in CITING_DEPS), None)
    if cite is None:
        return content
    last = cite.i - 1
    while last > span.start and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return content[0], doc[last].idx + len(doc[last])


CITING_DEPS = ("advcl", "xcomp", "conj", "acl", "prep", "pcomp")


def names_a_source(tok: Token) -> bool:
    """A cited noun that can speak ('sources', 'Johns Hopkins University data', 'CNN'), not a reason
    ('citing COVID-19 safety concerns', 'citing the Republicans' refusal')."""
    return tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.lemma_.lower() in DOCUMENTS | ANONYMOUS_SOURCES


def citing_sources(doc: Doc) -> dict[int, list[tuple[int, int]]]:
    """For each cue verb token index, the sources it cites ('said, citing U.S. media'; 'said X per ABC News')."""
    out: dict[int, list[tuple[int, int]]] = {}
    for tok in doc:
        if tok.lower_ in ("citing", "quoting") and tok.dep_ in CITING_DEPS:
            obj = next((c for c in tok.children if c.dep_ in ("dobj", "pobj", "obj")), None)
            if obj is None:
                continue
            host = tok.head  # 'reported Hamza bin Laden to be dead citing sources': the reporting verb cites
            verbs = lexicon().verbs
            while host.lemma_.lower() not in verbs and host.dep_ in ("xcomp", "ccomp") and host.head.i != host.i \
                    and host.head.lemma_.lower() in verbs and names_a_source(obj):
                host = host.head
            out.setdefault(host.i, []).append(noun_phrase(obj))
        elif tok.lower_ == "per" and tok.dep_ == "prep" and tok.head.dep_ in ("nsubj", "nsubjpass"):
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)  # 'said Zimmerman per ABC News'
            if obj is not None:
                out.setdefault(tok.head.head.i, []).append(noun_phrase(obj))
    return out
