"""Contact rules: who contacted whom, how, and whether it happened.

A contact cue is a verb ("spoke with", "met", "summoned", "did not respond") or a noun ("talks",
"a phone call", "a direct line") from ``patterns/contacts.json``. Parties come from syntax: the
subject (or the subject of the verb that governs a noun cue) is the initiator, "with"/"to" objects
and direct objects are counterparts, coordinated and apposed names are split, "between A and B" and
"A and B met" give A then B. The status comes from the words that govern the cue: refused to,
tried to, has not tried to, did not respond, will, plans to.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from extractor.attribution import past_dateline

PATTERNS = Path(__file__).parent / "patterns"
PARTY_ENTS = ("PERSON", "ORG", "GPE", "NORP")
PARTY_PRONOUNS = {"he", "she", "they", "him", "her", "them", "we", "us"}
OBJECT_DEPS = ("dobj", "obj", "dative")
WITH_PREPS = ("with", "to", "between", "among")
EVENT_NOUNS = frozenset({"invasion", "attack", "war", "election", "start", "beginning", "outbreak", "end", "death",
                         "meeting", "summit", "visit", "talks", "crisis", "conflict", "offensive", "operation"})


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    from extractor.attribution import lexicon

    return lexicon().verbs


@dataclass(frozen=True)
class ContactLexicon:
    verbs: dict[str, str]
    verbs_need_party: frozenset[str]
    nouns: dict[str, str]
    nouns_need_party: frozenset[str]
    channel_words: dict[str, str]
    refused: frozenset[str]
    attempted: frozenset[str]
    planned: frozenset[str]
    hindering: frozenset[str]
    unanswered_verbs: frozenset[str]
    not_contact: dict[str, frozenset[str]]
    phone_words: frozenset[str] = frozenset()
    agent_verbs: frozenset[str] = frozenset()
    mutual_agent_verbs: frozenset[str] = frozenset()
    audiences: frozenset[str] = frozenset()
    convening_bodies: frozenset[str] = frozenset()
    request_nouns: frozenset[str] = frozenset()
    answer_verbs: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def contact_lexicon() -> ContactLexicon:
    data = json.loads((PATTERNS / "contacts.json").read_text(encoding="utf-8"))
    status = data["status"]
    return ContactLexicon(
        verbs=data["verbs"],
        verbs_need_party=frozenset(data["verbs_need_party"]),
        nouns=data["nouns"],
        nouns_need_party=frozenset(data["nouns_need_party"]),
        channel_words=data["channel_words"],
        refused=frozenset(status["refused"]),
        attempted=frozenset(status["attempted"]),
        planned=frozenset(status["planned"]),
        hindering=frozenset(status.get("hindering", [])),
        unanswered_verbs=frozenset(status["unanswered_verbs"]),
        not_contact={k: frozenset(v) for k, v in data["not_contact_particles"].items()},
        phone_words=frozenset(data.get("phone_words", [])),
        agent_verbs=frozenset(data.get("agent_verbs", [])),
        mutual_agent_verbs=frozenset(data.get("mutual_agent_verbs", [])),
        audiences=frozenset(data.get("audiences", [])),
        convening_bodies=frozenset(data.get("convening_bodies", [])),
        request_nouns=frozenset(data.get("request_nouns", [])),
        answer_verbs=frozenset(data.get("answer_verbs", [])),
    )


@dataclass
class FoundContact:
    """One contact in a Doc, as character offsets."""

    cue: tuple[int, int]
    initiator: list[tuple[int, int]]
    counterpart: list[tuple[int, int]]
    channel: str
    status: str
    duration: str | None
    sentence: tuple[int, int]
    confidence: float


def party_heads(tok: Token) -> list[Token]:
    """The parties a noun phrase names: 'A and B' gives A, B; 'the ministers, A and B' gives A, B;
    an event noun the parser made the subject ('After Russia's invasion of Ukraine, A and B tried')
    gives the people coordinated under it."""
    if tok.pos_ == "NOUN" and tok.ent_type_ == "" and tok.lemma_.lower() in EVENT_NOUNS:
        named = [t for t in tok.subtree if t.dep_ == "conj" and t.ent_type_ in ("PERSON", "ORG")]
        if named:
            return named
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    named = next((c for c in of.children if c.dep_ == "pobj" and c.ent_type_ == "PERSON" and any(
        g.dep_ == "compound" and g.ent_type_ == "GPE" for g in c.children)), None) if of is not None else None
    if tok.ent_type_ == "" and named is not None:
        tok = named  # 'President of France Emmanuel Macron': the country and name parsed as one phrase
    appos = next((c for c in tok.children if c.dep_ == "appos"), None)
    if appos is not None and tok.pos_ == "NOUN":
        people = [t for t in tok.subtree if t.ent_type_ == "PERSON" and t.head.ent_type_ != "PERSON"
                  and not _in_possessor(t, tok) and not (t.dep_ == "compound" and t.head.i == tok.i)]
        # ('Another former Trump adviser, Sebastian Gorka': Trump names whose adviser he is)
        if len(people) > 1:
            return people  # "the ministers, A for X and B for Y": the parse of the list is often wrong
    if appos is not None and is_named(appos) and not (
            appos.i > 0 and tok.doc[appos.i - 1].text == "("):  # 'Bill Schuette (R)' names a party affiliation
        tok = appos
    # "Shoigu and Russian Army General Valery Gerasimov": the parser hangs "Shoigu and ..." on the
    # second name as a modifier; a modifier with its own "and" and conjunct is a party of its own
    heads = [c for c in tok.lefts if tok.ent_type_ == "PERSON" and c.dep_ in ("nmod", "compound") and is_party(c)
             and any(g.dep_ == "cc" and g.lower_ == "and" for g in c.children)
             and any(g.dep_ == "conj" for g in c.children)]
    heads.append(tok)
    for child in tok.children:
        if child.dep_ == "conj":
            heads.extend(party_heads(child))
    return heads


def _in_possessor(tok: Token, top: Token) -> bool:
    """``tok`` sits in a possessor under ``top``: 'Biden' in "President Biden's adviser Jake Sullivan"."""
    node = tok
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ == "poss":
            return True
        node = node.head
    return False


def entity_of(tok: Token) -> tuple[int, int] | None:
    """Token range of the named entity holding ``tok``, if it is a party-like entity."""
    if tok.ent_type_ not in PARTY_ENTS:
        return None
    doc, start, end = tok.doc, tok.i, tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    return start, end + 1


TITLE_DEPS = ("compound", "amod", "nmod", "punct")
# "the American ambassador to Russia", "the US Embassy in London": a place or body after the head
# belongs to the party's name when the head is not a person's name
PLACE_PREPS = ("of", "in", "to", "from", "at", "for")
PLACE_ENTS = ("GPE", "ORG", "NORP", "LOC", "FAC")


def _place_tail(tok: Token, end: int) -> int:
    """End of the 'of/in/to PLACE' phrases right after a party's head, chained ('of X in Y')."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.i != end or prep.lower_ not in PLACE_PREPS:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or not (obj.ent_type_ in PLACE_ENTS or obj.pos_ == "PROPN" and obj.ent_type_ != "PERSON"):
            continue
        return _place_tail(obj, obj.i + 1)
    return end


def party_span(tok: Token) -> tuple[int, int]:
    """A party's own words: its name with a title written before it ("Defense Minister Sergei Shoigu"),
    or, for a common noun, its phrase up to the head ("their US colleagues"), never what follows it."""
    doc = tok.doc
    ent = entity_of(tok)
    start, end = ent if ent is not None else (tok.i, tok.i + 1)
    left = start
    while left > tok.left_edge.i and doc[left - 1].dep_ in TITLE_DEPS + (("det", "poss", "nummod", "case",
                                                                          "quantmod", "advmod") if ent is None
                                                                         else ()):
        left -= 1
    while left < start and (doc[left].is_punct or doc[left].dep_ == "case"):
        left += 1
    if doc[end - 1].text in ("'s", "’s") and end - 1 > left:
        end -= 1
    elif tok.ent_type_ != "PERSON":
        end = _place_tail(tok, end)
    return doc[left].idx, doc[end - 1].idx + len(doc[end - 1])


@lru_cache(maxsize=1)
def party_nouns() -> frozenset[str]:
    data = json.loads((PATTERNS / "parties.json").read_text(encoding="utf-8"))
    return frozenset(data["party_nouns"]) | frozenset(data["anonymous_heads"]) | frozenset(data["person_titles"])


def named_in(tok: Token) -> list[Token]:
    """The roots of the named people and groups inside a phrase, in order, leaving out names that only
    modify another ('US' in 'US President Donald Trump') or say whom a name or title belongs to ('NASA' in
    'Bill Gerstenmaier of NASA')."""
    lo, hi = tok.left_edge.i, tok.right_edge.i
    # ('Secretary of State Mike Pompeo' names one party; 'the delegations of Cyprus, Greece and Israel' three)
    return [e.root for e in tok.doc.ents if lo <= e.start and e.end <= hi + 1 and e.label_ in ("PERSON", "ORG", "GPE")
            and e.root.dep_ not in ("compound", "amod", "poss", "nmod")
            and not (e.root.dep_ == "pobj" and (e.root.head.head.pos_ == "PROPN" or e.root.head.head.ent_type_))]


def prep_parties(prep: Token) -> list[Token]:
    """The parties a preposition's objects name ('to Biden and his team')."""
    return [h for o in prep.children if o.dep_ == "pobj" and is_party(o) for h in party_heads(o)]


def is_named(tok: Token) -> bool:
    """A party named by an entity or a proper noun, not by a common noun ('relatives')."""
    return tok.ent_type_ in PARTY_ENTS or tok.pos_ == "PROPN"


SPEAKING = frozenset({"speak", "talk", "tell", "say", "write", "explain"})
_DOMAIN = re.compile(r"\.[a-z]{2,4}$")


def is_web_address(text: str) -> bool:
    """A name written as a web address ('Portfolio.hu', 'Znak.com', 'News.com.au'): an outlet."""
    return bool(_DOMAIN.search(text))


def named_owner(tok: Token) -> Token | None:
    """The party a noun belongs to, named and not a pronoun: "Trump's call", "Britain's request"."""
    return next((c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON" and is_party(c)), None)


def is_outlet(tok: Token) -> bool:
    """A news outlet ('Reuters', 'BBC Sport', 'newspaper Star of Mysore', 'Portfolio.hu')."""
    from extractor.speakers import party_lexicon  # speakers imports this module

    media = party_lexicon().media
    return any(t.ent_id_ == "media" or t.lower_ in media for t in tok.subtree) or is_web_address(tok.text)


def is_party(tok: Token) -> bool:
    """Someone who can take part in a contact: a named person, group or place, a pronoun, or a noun for
    people or institutions ('their counterparts'), not 'applause' or 'the hospital'."""
    if is_named(tok) or tok.lower_ in PARTY_PRONOUNS:
        return True
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in party_nouns()


class ContactFinder:
    """Find contacts in a parsed Doc."""

    def __init__(self, lex: ContactLexicon | None = None):
        self.lex = lex or contact_lexicon()

    def __call__(self, doc: Doc) -> list[FoundContact]:
        out: list[FoundContact] = []
        for sent in doc.sents:
            for tok in sent:
                lemma = tok.lemma_.lower()
                item = None
                if tok.pos_ == "VERB" and lemma in self.lex.verbs:
                    item = self._verb(tok, lemma)
                elif tok.pos_ == "NOUN" and lemma in self.lex.request_nouns:
                    item = self._request(tok)
                elif tok.pos_ in ("NOUN", "PROPN") and (tok.lower_ in self.lex.nouns or lemma in self.lex.nouns):
                    item = self._noun(tok, lemma if lemma in self.lex.nouns else tok.lower_)
                if item is not None:
                    item.sentence = (sent.start_char, sent.end_char)
                    out.append(item)
        return self._merge(out)

    # -- cues ----------------------------------------------------------------------------------------

    def _verb(self, tok: Token, lemma: str) -> FoundContact | None:
        lex = self.lex
        children = list(tok.children)
        words = {c.lower_ for c in children if c.dep_ in ("prep", "prt", "dobj")}
        if words & lex.not_contact.get(lemma, frozenset()):
            return None
        if lemma == "reach" and "out" not in words and not any(
            c.dep_ == "dobj" and (c.ent_type_ in PARTY_ENTS or c.lower_ in PARTY_PRONOUNS) for c in children
        ):
            return None
        if lemma == "call" and (any(c.dep_ == "oprd" for c in children) or tok.tag_ == "VBN" and
                                any(c.dep_ == "auxpass" for c in children)):
            return None
        if lemma in ("respond", "reply") and not self._negated(tok):
            return None
        if lemma == "ask" and "for" not in words:
            return None  # 'asked the Queen for a prorogation' is a request to her; 'asked Trump whether' a question
        counterparts: list[Token] = []
        for child in children:
            if child.dep_ in OBJECT_DEPS and is_party(child) and lemma not in ("speak", "talk", "write"):
                counterparts.extend(party_heads(child))
            elif child.dep_ in ("prep", "prt") and child.lower_ in WITH_PREPS + ("out",):
                holder = child
                if child.lower_ == "out":
                    holder = next((c for c in child.children if c.lower_ == "to"), None) or next(
                        (c for c in children if c.dep_ == "prep" and c.lower_ == "to"), None
                    )
                    if holder is None:
                        continue
                counterparts.extend(prep_parties(holder))
        if lemma == "ask" and not counterparts:  # 'asked for national security advisor John R. Bolton's resignation'
            owners = [named_owner(o) for p in children if p.dep_ == "prep" and p.lower_ == "for"
                      for o in p.children if o.dep_ == "pobj"]
            counterparts = [h for owner in owners if owner is not None for h in party_heads(owner)]
        subject = self._subject(tok)
        initiators = party_heads(subject) if subject is not None else []
        passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
        met_by = lemma == "meet" and any(c.dep_ == "agent" for c in children)  # 'He was met by X'
        if (passive is not None and is_party(passive) and (lemma not in ("meet", "speak", "talk", "write") or met_by)
                and not any(c.lower_ in ("enough", "well", "better", "poorly", "ill") for c in children)):
            counterparts = party_heads(passive) + counterparts  # 'Putin was briefed (by X)'
        mutual = lemma in ("meet", "speak", "talk", "confer", "negotiate")
        if mutual and not counterparts and len(initiators) == 1 and subject is not None:
            named = named_in(subject)  # 'US President Donald Trump and ... Erdoğan spoke', parsed as one phrase
            if len(named) > 1:
                initiators = named
        if not counterparts and len(initiators) > 1 and mutual:
            if lemma in ("speak", "talk") and not all(is_named(t) for t in initiators) and \
                    not self._phone_nearby(tok):
                return None  # 'friends and relatives of political prisoners spoke': to a crowd, not each other
            initiators, counterparts = initiators[:1], initiators[1:]
        if lemma in lex.verbs_need_party and not counterparts and lemma not in ("respond", "reply"):
            return None
        if not counterparts and not initiators:
            return None
        if not counterparts and subject is not None and subject.pos_ == "NOUN" and not is_party(subject) and \
                lemma not in ("respond", "reply"):
            return None  # 'Efforts are ongoing to negotiate ...', 'rats that didn't meet': no party
        if not counterparts and lemma == "meet" and len(initiators) == 1 and \
                initiators[0].lemma_.lower() in lex.convening_bodies:
            return None  # 'The Senate was set to meet on Wednesday': a sitting
        if lemma in ("speak", "talk") and not counterparts:
            return None
        channel = lex.verbs[lemma]
        return self._build(tok, channel, initiators, counterparts)

    def _noun(self, tok: Token, key: str) -> FoundContact | None:
        lex = self.lex
        if tok.dep_ == "compound":
            return None  # "phone" in "phone call": the head noun is the cue
        counterparts: list[Token] = []
        initiators: list[Token] = []
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in WITH_PREPS:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and is_party(obj):
                        heads = party_heads(obj)
                        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                        inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
                        if len(heads) == 1 and inner is not None and len(party_heads(inner)) > 1:
                            heads = party_heads(inner)  # "between representatives of A and B"
                        if prep.lower_ in ("between", "among") and len(heads) == 1:
                            heads += self._detached_conjunct(obj)
                        if prep.lower_ in ("between", "among") and len(heads) > 1:
                            initiators.extend(heads[:1])
                            counterparts.extend(heads[1:])
                        else:
                            counterparts.extend(heads)
        hosts = [c for p in tok.children if p.dep_ == "prep" and p.lower_ == "with" for c in prep_parties(p)]
        if hosts:  # 'a visit to Ireland with Taoiseach Leo Varadkar': Ireland is where, Varadkar whom
            counterparts = [c for c in counterparts if c.ent_type_ not in ("GPE", "LOC", "FAC") or c in hosts]
        for prep in tok.children:  # 'the trilateral meeting of Cyprus, Greece and Israel'
            if prep.dep_ == "prep" and prep.lower_ == "of" and not initiators and not counterparts:
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                heads = party_heads(obj) if obj is not None and is_party(obj) else []
                if len(heads) > 1:
                    initiators, counterparts = heads[:1], heads[1:]
        named_agent = False
        senders = [c for p in tok.children if p.dep_ == "prep" and p.lower_ == "from" for c in prep_parties(p)]
        if senders and not initiators:
            initiators, named_agent = senders, True  # 'a sealed letter from Qaboos', 'a call from the embassy'
        owner = named_owner(tok)
        if owner is not None and not initiators:
            initiators = party_heads(owner)  # "Trump's call with Zelensky"
        for acl in tok.children:  # 'a phone call made by President Trump to ...'
            if acl.dep_ == "acl" and not initiators:
                agent = next((c for c in acl.children if c.dep_ == "agent"), None)
                obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                if obj is not None and is_party(obj):
                    initiators = party_heads(obj)
                    named_agent = True
                preps = [c for c in acl.children if c.dep_ == "prep" and c.lower_ in ("to", "with")]
                after = acl.right_edge.i + 1
                if named_agent and not preps and after < len(tok.doc) and tok.doc[after].lower_ == "to" \
                        and tok.doc[after].dep_ == "prep" and tok.doc[after].head.i < tok.i:
                    # 'a call made by Trump late last July to Zelensky': the parser hangs "to" on the verb
                    preps = [tok.doc[after]]
                for prep in preps:
                    counterparts += prep_parties(prep)
        governor = tok.head if tok.dep_ in OBJECT_DEPS + ("pobj", "nsubj", "nsubjpass", "attr") else None
        if governor is not None and tok.dep_ == "pobj":
            governor = governor.head
        if (governor is not None and governor.lemma_.lower() in reporting_verbs()
                and (governor.lemma_.lower() not in lex.attempted | lex.refused
                     or tok.dep_ == "pobj" and tok.head.lower_ != "for")):
            governor = None  # "the briefing summarizes a call", not "sought contact": the briefing is no party
        occasion = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during", "at") else None
        if occasion is not None and occasion.dep_ == "dobj" and occasion.head.pos_ == "VERB":
            occasion = occasion.head  # 'announced the vote in a letter': the parser hangs it on the object
        if occasion is not None and occasion.pos_ == "VERB" and occasion.lemma_.lower() in reporting_verbs() \
                and not initiators and tok.lower_ != "talk":  # 'in his talk at the Atlantic Council': a speech
            # 'Pelosi announced the vote in a letter to other Democrats', 'During the summit, Pope Francis
            # said': the speaker's words were the occasion's, so the speaker takes part
            told = next((c for c in occasion.children if c.dep_ == "nsubjpass" and is_party(c)), None)
            agent = next((c for c in occasion.children if c.dep_ == "agent"), None)
            if told is not None and agent is not None:  # 'In a meeting he was told by Zinichev of ...'
                initiators, counterparts = party_heads(told), counterparts + prep_parties(agent)
            elif (subject := self._subject(occasion)) is not None and is_party(subject):
                initiators = party_heads(subject)
                if not counterparts:  # 'announced ... in a letter to other Democrats', 'encouraged Zelensky'
                    counterparts = [c for p in occasion.children if p.dep_ in ("prep", "dative") and p.lower_ == "to"
                                    and p.i > tok.i for c in prep_parties(p)] + [
                        c for c in occasion.children if c.dep_ == "dobj" and is_named(c)]
            named_agent = bool(initiators)
        if not counterparts and tok.dep_ in OBJECT_DEPS and tok.head.pos_ == "VERB":
            for prep in tok.head.children:  # 'sent a letter to Biden', 'held talks with Erdogan'
                if prep.dep_ in ("prep", "dative") and prep.lower_ in ("with", "to") and prep.i > tok.i:
                    counterparts += prep_parties(prep)
        between = any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in tok.children)
        if not initiators and governor is not None and governor.pos_ in ("VERB", "AUX") and not between:
            subject = self._subject(governor)
            heads = party_heads(subject) if subject is not None and subject.i != tok.i else []
            if heads and (any(is_party(h) for h in heads) or subject.lower_ in ("who", "i")):
                initiators = heads
                if subject.dep_ == "pobj" and subject.head.dep_ == "agent":
                    # "the call was initiated by the United States": the agent names the side that made it
                    verb = governor.lemma_.lower()
                    named_agent = named_agent or verb in lex.agent_verbs or verb in lex.mutual_agent_verbs
                    if verb in lex.mutual_agent_verbs and len(initiators) > 1:
                        initiators, counterparts = initiators[:1], counterparts + initiators[1:]
        elif senders and not counterparts and governor is not None and governor.pos_ == "VERB":
            subject = self._subject(governor)  # 'He received a phone call from the embassy': he was called
            if subject is not None and subject.i != tok.i and (is_party(subject) or subject.pos_ == "PRON"):
                counterparts = party_heads(subject)
        pronoun = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON" and is_party(c)), None)
        if not initiators and counterparts and pronoun is not None:
            initiators = [pronoun]  # 'his visit with Varadkar' (but 'their meeting' alone names no one)
        if not initiators and not counterparts:
            return None
        if key in lex.nouns_need_party and not counterparts and not named_agent:
            return None
        channel = lex.nouns.get(key, "unspecified")
        if key in ("line", "channel") and not any(c.lower_ in ("direct", "hot", "communication", "military")
                                                  for c in tok.children):
            return None
        return self._build(tok, channel, initiators, counterparts)

    def _request(self, tok: Token) -> FoundContact | None:
        """'comply with the request of Prime Minister Boris Johnson', 'Per request of Johnson, the Queen
        suspended parliament', 'declined Britain's request': who asked (the 'of' phrase or the possessor)
        and who was asked (the one who answers it). A request with no one named asking is left out."""
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        asker = obj if obj is not None and is_party(obj) else named_owner(tok)
        if asker is None:
            return None
        answer = tok.head
        if tok.dep_ == "pobj" and answer.lower_ == "with":
            answer = answer.head  # 'comply with the request'
        elif tok.dep_ == "pobj" and answer.lower_ in ("per", "at", "upon", "on", "by"):
            answer = answer.head  # 'Per request of Johnson, the Queen suspended': the one who acts on it
        elif not (tok.dep_ in OBJECT_DEPS and answer.lemma_.lower() in self.lex.answer_verbs):
            answer = None
        asked: list[Token] = [c for p in tok.children if p.dep_ == "prep" and p.lower_ == "to" for c in prep_parties(p)]
        if not asked and answer is not None and answer.pos_ in ("VERB", "AUX") and not any(
                c.dep_ in ("nsubjpass", "auxpass") for c in answer.children):  # 'petitioned by X at the request'
            subject = self._subject(answer)
            if subject is not None and subject.i != asker.i and (is_party(subject) or subject.pos_ == "PRON"):
                asked = party_heads(subject)
        refused = answer is not None and answer.lemma_.lower() in self.lex.refused
        return self._build(tok, "unspecified", party_heads(asker), asked, status="refused" if refused else "held")

    # -- parts ---------------------------------------------------------------------------------------

    @staticmethod
    def _subject(tok: Token) -> Token | None:
        seen = 0
        climbed_xcomp = False
        while seen < 5:
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                if subj.dep_ == "nsubjpass" and not (seen and climbed_xcomp):
                    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
                    return pobj
                return past_dateline(subj, [c for c in tok.children if c.dep_ == "nsubj"])
            if tok.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acl", "pcomp", "relcl", "acomp") and \
                    tok.head.i != tok.i:
                if tok.dep_ == "relcl":
                    return tok.head
                # 'G7 was scheduled to meet': the passive subject of the verb a meeting completes meets
                climbed_xcomp = tok.dep_ == "xcomp"
                tok = tok.head
                seen += 1
                continue
            return None
        return None

    @staticmethod
    def _detached_conjunct(obj: Token) -> list[Token]:
        """'between Giuliani, claiming to represent X, and Andriy Yermak': after an aside the parser
        hangs the second party elsewhere; take the name that follows the aside's closing ', and'."""
        doc, sent = obj.doc, obj.sent
        i = obj.right_edge.i + 1
        if i >= sent.end or doc[i].text != ",":
            return []
        for j in range(i + 1, min(sent.end - 1, i + 16)):
            if doc[j].lower_ == "and" and doc[j - 1].text == ",":
                k = j + 1
                while k < sent.end and doc[k].ent_type_ == "" and doc[k].dep_ in ("compound", "amod", "det"):
                    k += 1
                if k < sent.end and doc[k].ent_type_ in ("PERSON", "ORG", "GPE"):
                    ent = entity_of(doc[k])
                    return [doc[ent[1] - 1]] if ent is not None else []
                return []
        return []

    @staticmethod
    def _negated(tok: Token) -> bool:
        return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't", "no") for c in tok.children)

    def _status(self, tok: Token) -> str:
        lex = self.lex
        lemma = tok.lemma_.lower()
        chain = [tok]
        node = tok
        while node.dep_ in ("xcomp", "dobj", "pobj", "prep", "ccomp", "advcl", "acl", "nsubj", "compound",
                            "pcomp", "conj", "attr") and node.head.i != node.i and len(chain) < 6:
            node = node.head
            chain.append(node)
        lemmas = [t.lemma_.lower() for t in chain]
        negated = any(self._negated(t) for t in chain if t.pos_ in ("VERB", "AUX")
                      and t.lemma_.lower() not in lex.hindering)
        if lemma in lex.unanswered_verbs and self._negated(tok):
            return "unanswered"
        if any(lem in lex.refused for lem in lemmas[1:]) or (lemma in lex.refused):
            return "refused"
        if any(lem in lex.attempted for lem in lemmas[1:]) or any(
            c.lower_ == "out" for c in tok.children if lemma == "reach"
        ):
            return "not_attempted" if negated else "attempted"
        if negated:
            return "not_attempted"
        aux = [c.lower_ for t in chain for c in t.children if c.dep_ in ("aux", "auxpass")]
        if any(a in ("will", "shall", "'ll") for a in aux) or any(lem in lex.planned for lem in lemmas[1:]):
            return "planned"
        return "held"

    def _channel(self, tok: Token, default: str) -> str:
        """Words in the cue's own phrase ("by telephone", "telephone conversations") name the channel."""
        doc = tok.doc
        lo, hi = tok.left_edge.i, tok.i + 1
        for child in tok.children:
            if child.dep_ in ("prep", "compound", "amod", "npadvmod") and child.lower_ not in WITH_PREPS:
                hi = max(hi, child.right_edge.i + 1)
        words = " ".join(t.lower_ for t in doc[lo:hi])
        for word, channel in self.lex.channel_words.items():
            if f" {word} " in f" {words} " and channel != "meeting":
                return channel
        return default

    def _phone_nearby(self, tok: Token) -> bool:
        """'X spoke with Y. ... the call was initiated by X': a call named in this or the next sentence."""
        sent = tok.sent
        doc = tok.doc
        window = list(sent)
        if sent.end < len(doc):
            window += list(doc[sent.end].sent)
        return any(t.lower_ in self.lex.phone_words and t.i != tok.i for t in window)

    @staticmethod
    def _duration(tok: Token) -> str | None:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.lemma_.lower() in ("hour", "minute", "hours", "minutes", "day"):
                    doc = tok.doc
                    return doc[obj.left_edge.i : obj.right_edge.i + 1].text
        return None

    def _build(
        self, tok: Token, channel: str, initiators: list[Token], counterparts: list[Token], status: str | None = None
    ) -> FoundContact | None:
        """A contact from its cue and parties; with ``status`` given, the parties are already in the
        spec's order (initiator first, also for 'refused')."""
        if counterparts and all(c.lemma_.lower() in self.lex.audiences and c.ent_type_ == "" for c in counterparts):
            return None  # speaking to the press or the public is publishing, not a contact between parties
        if counterparts and tok.lemma_.lower() in SPEAKING and all(is_outlet(c) for c in counterparts):
            return None  # 'Speaking to Reuters', 'Speaking to newspaper Star of Mysore': an interview
        if status is None:
            status = self._status(tok)
            if status in ("refused", "unanswered"):
                # the spec: 'refused'/'unanswered' mean the OTHER side declined; the subject here is that side
                initiators, counterparts = counterparts, initiators
        if channel == "unspecified" and tok.pos_ == "VERB" and self._phone_nearby(tok):
            channel = "phone"
        # a contact names its parties and their status less reliably than a speech verb its speaker
        confidence = 0.45 + 0.15 * bool(initiators) + 0.15 * bool(counterparts)
        if tok.pos_ == "NOUN":
            confidence -= 0.05
        return FoundContact(
            cue=(tok.idx, tok.idx + len(tok)),
            initiator=[party_span(t) for t in initiators],
            counterpart=[party_span(t) for t in counterparts],
            channel=self._channel(tok, channel),
            status=status,
            duration=self._duration(tok),
            sentence=(0, 0),
            confidence=min(confidence, 0.8),
        )

    @staticmethod
    def _merge(found: list[FoundContact]) -> list[FoundContact]:
        """Keep one contact per cue word group: 'telephone conversations' and 'establish' in one phrase;
        'leaders met ... for a summit' (a later cue naming no one new adds nothing)."""
        out: list[FoundContact] = []
        for item in found:
            twin = next(
                (o for o in out if o.sentence == item.sentence and set(o.initiator) == set(item.initiator)
                 and (set(o.counterpart) & set(item.counterpart) or o.initiator and not item.counterpart)),
                None,
            )
            if twin is None:
                out.append(item)
        return out
