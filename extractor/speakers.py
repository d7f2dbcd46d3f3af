"""Speaker resolution inside one article: names, roles, pronouns, organisations, anonymous sources.

The article's people are collected first (every PERSON entity with the title written before it or
the apposition after it). A mention is then resolved to the fullest name the article gives: a
surname to the full name, a role phrase ("the U.S. Secretary of Defense") to the person introduced
with that role, "he"/"she" to the last person who spoke. A surname shared by two people is resolved
by recency only when one of them was named in the last two sentences, and is otherwise flagged
ambiguous with its candidates, never guessed silently.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise, takewhile
from pathlib import Path

from rapidfuzz import fuzz
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from extractor.attribution import in_quotes, quotations
from extractor.contacts import PLACE_ENTS, is_web_address
from extractor.doccache import span_ents
from extractor.models import Party, Span

PATTERNS = Path(__file__).parent / "patterns"
_WORD = re.compile(r"[\w.]+")


@dataclass(frozen=True)
class PartyLexicon:
    media: frozenset[str]
    government: frozenset[str]
    anonymous: frozenset[str]
    documents: frozenset[str]
    role_synonyms: dict[str, str]
    countries: dict[str, str]
    suffixes: frozenset[str]
    he_she: frozenset[str]
    they: frozenset[str]
    titles: frozenset[str] = frozenset()
    gender: dict[str, str] = field(default_factory=dict)  # 'wife' -> 'f', 'his' -> 'm'
    outlet_descriptors: tuple[str, ...] = ()
    outlet_tails: frozenset[str] = frozenset()
    organisation_tails: frozenset[str] = frozenset()
    proportions: frozenset[str] = frozenset()
    public_bodies: frozenset[str] = frozenset()
    state_bodies: frozenset[str] = frozenset()
    political: frozenset[str] = frozenset()
    state_names: frozenset[str] = frozenset()
    peers: frozenset[str] = frozenset()
    honours: frozenset[str] = frozenset()
    media_heads: frozenset[str] = frozenset()
    unnamed_groups: frozenset[str] = frozenset()
    given_names: dict[str, str] = field(default_factory=dict)  # 'Bernard' -> 'm', 'Kim' -> '' (either)
    word_names: frozenset[str] = frozenset()  # given names that are also English words: 'Frank', 'Royal'


@lru_cache(maxsize=1)
def party_lexicon() -> PartyLexicon:
    d = json.loads((PATTERNS / "parties.json").read_text(encoding="utf-8"))
    names = json.loads((PATTERNS / "given_names.json").read_text(encoding="utf-8"))
    return PartyLexicon(
        media=frozenset(d["media_words"]),
        government=frozenset(d["government_words"]),
        anonymous=frozenset(d["anonymous_heads"]) | frozenset(d["unnamed_groups"]),
        unnamed_groups=frozenset(d["unnamed_groups"]),
        documents=frozenset(d["document_heads"]),
        role_synonyms=d["role_synonyms"],
        countries={alias: code for code, aliases in d["country_aliases"].items() for alias in aliases},
        suffixes=frozenset(d["name_suffixes"]),
        he_she=frozenset(d["pronouns_person"]),
        they=frozenset(d["pronouns_group"]),
        titles=frozenset(d.get("person_titles", [])),
        gender={w: g for g, words in d.get("gendered_words", {}).items() for w in words},
        outlet_descriptors=tuple(d.get("outlet_descriptors", [])),
        outlet_tails=frozenset(d.get("outlet_name_tails", [])),
        organisation_tails=frozenset(d.get("organisation_name_tails", [])),
        proportions=frozenset(d.get("proportion_heads", [])),
        public_bodies=frozenset(d.get("public_body_heads", [])),
        state_bodies=frozenset(d.get("state_body_words", [])),
        political=frozenset(d.get("political_name_words", [])),
        state_names=frozenset(d.get("state_name_words", [])),
        peers=frozenset(d.get("peer_heads", [])),
        honours=frozenset(d.get("honours", [])),
        media_heads=frozenset(d.get("media_heads", [])),
        given_names=names["names"],
        word_names=frozenset(names["words"]),
    )


_NAME_RUN = r"((?:[A-Z][\w.'’-]*|[A-Z]{2,}\d*|\w+\.(?:com|net|org)\w*)(?:[^\S\n](?:[A-Z][\w.'’-]*|\d+))*)"


@lru_cache(maxsize=64)
def _outlet_patterns(descriptors: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = "|".join(re.escape(d) for d in sorted(descriptors, key=len, reverse=True))
    before = re.compile(rf"\b(?i:{words})[^\S\n]+{_NAME_RUN}")
    appos = re.compile(rf"{_NAME_RUN},[^\S\n]+(?:a|an|the)[^\S\n]+(?:[\w-]+[^\S\n]+){{0,3}}?(?i:{words})\b")
    return before, appos


def outlet_names(text: str, lex: PartyLexicon) -> frozenset[str]:
    """Names the article itself calls news outlets, folded: 'Greek daily Kathimerini', 'Polish broadcaster
    TVN24', 'Rappler, a news website', and any web address used as a name ('Znak.com')."""
    before, appos = _outlet_patterns(lex.outlet_descriptors)
    found = {m.group(1) for m in before.finditer(text)} | {m.group(1) for m in appos.finditer(text)}
    return frozenset(fold(bare_name(n)) for n in found if n)


def _shorter_form(short: str, full: str) -> bool:
    """'Robert Mugabe' of 'Robert Gabriel Mugabe', 'John Bolton' of 'John R. Bolton': the same first
    and last word, the rest of the shorter name in the fuller one in order."""
    a, b = short.split(), full.split()
    if len(a) < 2 or len(b) <= len(a) or a[0] != b[0] or a[-1] != b[-1]:
        return False
    rest = iter(b[1:-1])
    return all(w in rest for w in a[1:-1])


@dataclass
class Person:
    name: str
    surname: str
    roles: list[str] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)
    mentions: list[int] = field(default_factory=list)  # character offsets where named
    gender: str | None = None  # 'f'/'m' when words say ('Mrs.', 'a diplomat's wife', 'she' for them)
    name_gender: str | None = None  # 'f'/'m' that the given name suggests ('Bernard'); a guess, so weaker
    given: str | None = None  # 'Qaboos' of 'Qaboos bin Said': a patronymic name is also called by it
    keys: frozenset[str] = field(init=False)  # the surname (and such a given name) folded, as mentions are
    parts: frozenset[str] = field(init=False)  # the name's other words ('Rosselló' of 'Ricardo Rosselló Nevares')
    called_by_part: bool = False  # the article also calls them by one of those words alone ('Hunter')

    def __post_init__(self) -> None:
        self.keys = frozenset(fold(n) for n in (self.surname, self.given) if n)
        self.parts = frozenset(fold(w) for w in self.name.split()
                               if len(w) > 2 and not w.endswith(".") and w[0].isupper()) - self.keys


PATRONYMIC = frozenset({"bin", "ibn", "bint", "binti"})
ROLE_TAIL = frozenset({"of", "for", "responsible", "in", "at", "on", "with", "to", "from", "who", "which", "since"})
# words that say where or when someone holds a role, not which role: 'the local health minister'
_ROLE_GENERIC = frozenset({"local", "former", "new", "current", "then", "top", "senior", "s"})  # ('s of "X's")


def fold(name: str) -> str:
    """A name without accents or case, so that 'Erdogan' finds 'Recep Tayyip Erdoğan'."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def _strip_possessive(text: str) -> str:
    return re.sub(r"\s*['’]s$", "", text.strip())


_DETERMINER = re.compile(r"^(the|a|an|their|his|her|its|our|your|my|some|this|that|these|those)\s+", re.I)


def bare_name(text: str) -> str:
    """A party name without a leading determiner: 'their US colleagues' -> 'US colleagues'."""
    return _DETERMINER.sub("", text.strip())


_ACRONYM_TAIL = re.compile(r"\s*\([^()]*\)?$")
_DEFINED_ACRONYM = re.compile(
    r"((?:[A-Z][\w'’.-]*,?\s+(?:(?:of|and|for|the|on|in|de|du)\s+)*){1,11})\(([A-Z]{2,8}|[A-Z][a-z][A-Za-z]{1,9})\)")
_ACRONYM_FILLER = frozenset({"of", "and", "for", "the", "on", "in", "de", "du"})


def defined_acronyms(text: str) -> dict[str, str]:
    """'the National Emergency Operation Centre (NEOC)': acronyms the article spells out, each to the
    full name, when the capitals of the words before the bracket spell it ('UNESCO' from 'United
    Nations Educational, Scientific and Cultural Organization'). One written in lower case too ('Phivolcs',
    'AfCFTA', 'TfL') takes the longest name of two words or more that starts with its letter and holds its
    letters in order ('Philippine Institute of Volcanology and Seismology')."""
    out: dict[str, str] = {}
    for m in _DEFINED_ACRONYM.finditer(text):
        acronym, words = m.group(2), m.group(1).split()
        for start in range(len(words)):
            kept = [w for w in words[start:] if w.lower() not in _ACRONYM_FILLER]
            if not kept or words[start].lower() in _ACRONYM_FILLER:
                continue
            if "".join(w[0] for w in kept).upper() == acronym or not acronym.isupper() and len(kept) > 1 and \
                    kept[0][0] == acronym[0] and _in_order(acronym.lower(), "".join(kept).lower()):
                out.setdefault(acronym, " ".join(words[start:]).rstrip(","))
                break
    return out


def _in_order(letters: str, text: str) -> bool:
    """Every letter of ``letters`` appears in ``text``, in that order."""
    rest = iter(text)
    return all(ch in rest for ch in letters)


def document_name(span) -> str:
    """A document as a party's name: the phrase without its dates, what a comma sets off or a determiner
    other than the definite article, which the spec writes 'The briefing' ('a March 14, 2019 NATO press
    release' -> 'NATO press release', 'a poll published by NBC News last week' -> 'poll published by NBC
    News', 'the report' -> 'The report', 'a Twitter post by Amy Cook, director of ...' -> 'Twitter post by
    Amy Cook'): the document, not when it appeared or who its author is."""
    head = span.root
    end = next((t.i for t in span if t.i > head.i and t.text in (",", ";", "(", "—")), span.end)
    dates = {t.i for e in span_ents(span) if e.label_ in ("DATE", "TIME") for t in e}
    words = [t for t in span[: end - span.start] if not (t.i in dates and t.i < head.i)]  # 'a 2011 study'
    while words and words[0].dep_ == "det" and words[0].i < head.i and words[0].lower_ != "the":
        words.pop(0)
    gone = set(dates)
    while len(words) > 1 and words[-1].i > head.i:  # 'on Monday', 'last week', 'dated March 16', 'as of Wednesday'
        last = words[-1]
        if last.i in dates or last.is_punct or last.dep_ in ("prep", "acl") and last.tag_ in ("IN", "VBN") and all(
                c.i in gone for c in last.subtree if c.i != last.i):
            gone.add(words.pop().i)
        else:
            break
    if not words or head.i in dates:
        return bare_name(span.text)
    out = ("".join(a.text + (a.whitespace_ if b.i == a.i + 1 else " ") for a, b in pairwise(words))
           + words[-1].text).strip()
    return "The " + out[4:] if out.startswith("the ") else out


def _names_only(span) -> bool:
    """A phrase made of names alone, with a leading determiner and 'of/in/to PLACE' links: its whole
    text is the name."""
    toks = list(span)
    if toks and toks[0].dep_ == "det":
        toks = toks[1:]
    return bool(toks) and toks[0].ent_type_ in PLACE_ENTS and all(
        t.ent_type_ in PLACE_ENTS or t.dep_ in ("prep", "case") and t.lower_ in ("of", "in", "to", "'s", "’s")
        or t.text in ("(", ")") for t in toks)


NAME_TITLES = frozenset({"queen", "king", "pope", "prince", "princess", "sultan", "emir", "sheikh", "sir", "dame",
                         "lord", "lady"})
"""Titles that are part of how a person is named ('Queen Elizabeth II', 'Pope Francis'): kept."""


def _before_relative(span: SpacySpan) -> SpacySpan:
    """The mention without a relative clause set off by a comma ('Cherry, who led the petition'): the
    clause describes the party, it does not name it."""
    for tok in span:
        start = tok.left_edge.i
        if tok.dep_ == "relcl" and span.start < start - 1 and span.doc[start - 1].text == "," and \
                span.start <= tok.head.i < start:
            return span.doc[span.start : start - 1]
    return span


def _under_prep(tok, head) -> bool:
    """Whether ``tok`` hangs on ``head`` through a preposition ('scientists from ... UC Davis')."""
    while tok.i != head.i and tok.head.i != tok.i:
        if tok.dep_ == "prep":
            return True
        tok = tok.head
    return False


def is_honour(tok) -> bool:
    """Letters after a name that are an honour, not part of it ('QC' in 'Judge Durham Hall QC')."""
    return tok.lower_.replace(".", "") in party_lexicon().honours


def is_title(word: str, titles: frozenset[str]) -> bool:
    """A title word, written with or without its full stop ('Dr', 'Dr.')."""
    low = word.lower()
    return low in titles or low + "." in titles


def person_name(ent, titles: frozenset[str]) -> str:
    """The name a PERSON entity gives, mended where the small model cuts or pads it: a given name it
    left out after a title or place ('Mayor of London Sadiq Khan' tagged 'Khan'), a surname after it
    ('Wanda Vázquez' of 'Wanda Vázquez Garced'), and titles it took in ('Cardinal Marc Ouellet',
    'Detective Constable Daniel Dubé'). A title is kept when the name would be left a single word."""
    doc = ent.doc

    def title(t) -> bool:
        return is_title(t.text, titles) or t.lemma_.lower() in titles  # 'Representatives'

    def namelike(t) -> bool:
        return t.pos_ == "PROPN" and t.is_title and t.ent_type_ == "" and t.is_alpha and not title(t)

    start, end = ent.start, ent.end
    if start > 1 and namelike(doc[start - 1]) and not doc[start - 1].is_sent_start and \
            doc[start - 1].dep_ == "compound" and start <= doc[start - 1].head.i < end:
        before = doc[start - 2]  # 'Mayor of London Sadiq', 'spokesperson Barend', 'Superintendent Yolanda'
        if title(before) or before.pos_ == "NOUN" or before.ent_type_ in ("GPE", "ORG", "NORP"):
            start -= 1
    if end - start > 1 and end < len(doc) and namelike(doc[end]) and doc[end].head.i != end - 1 and \
            all(start <= t.head.i < end or t.head.i == end for t in doc[start:end]):
        end += 1
    while end - start > 2 and is_honour(doc[end - 1]):
        end -= 1  # 'Judge Durham Hall QC'
    while end - start > 2 and title(doc[start]) and (doc[start].lower_ not in NAME_TITLES or
                                                     start > 0 and doc[start - 1].lower_ == "crown"):
        start += 1  # but 'Crown Prince' is an office, not how he is named
    return _strip_possessive(doc[start:end].text)


class SpeakerResolver:
    """Resolves mentions in one Doc; keeps the last person speaker for pronouns."""

    def __init__(self, doc: Doc, raw: str | None = None, lex: PartyLexicon | None = None,
                 quotes: list[tuple[int, int]] | None = None):
        self.doc = doc
        self.raw = raw if raw is not None else doc.text
        self.lex = lex or party_lexicon()
        self.people: list[Person] = []
        self.last_person: Party | None = None
        self.person_speakers: list[Party] = []  # every person who spoke so far, in order
        self.last_group: Party | None = None
        self.last_body: Party | None = None  # the last single organisation, outlet or document that spoke: 'it'
        self._author: Party | None = None  # the person behind a document just resolved
        self._quotes = quotes if quotes is not None else quotations(self.raw)
        self._fuller: dict[str, str] = {}  # a name the article also gives more fully -> that fuller name
        self._acronyms = defined_acronyms(self.raw)  # 'NEOC' -> 'National Emergency Operation Centre'
        self._untagged = self._untagged_names()
        self._outlets = outlet_names(self.raw, self.lex)
        self._collect()

    # -- the article's people ------------------------------------------------------------------------

    def _collect(self) -> None:
        doc, lex = self.doc, self.lex
        for ent in sorted([*doc.ents, *self._untagged], key=lambda e: e.start):
            if not self._names_person(ent):
                continue
            name = person_name(ent, lex.titles)
            words = name.split()
            if not words:
                continue
            core = [w for w in words if w.lower() not in lex.suffixes] or words
            surname = core[-1]
            own = [w for w in core if w.lower() not in lex.titles]
            given = own[0] if len(own) > 2 and own[1].lower() in PATRONYMIC else None  # 'Qaboos bin Said'
            person = self._find_full(name)
            if person is None:
                person = Person(name=name, surname=surname, given=given)
                self.people.append(person)
            person.mentions.append(ent.start_char)
            role = self._role_near(ent)
            if role:
                person.roles.append(role)
                person.countries |= self._countries(role)
                person.gender = person.gender or self._gender_of_words(role)
            for said_to_be in self._descriptions(ent):  # 'Sacoolas, who has immunity as a diplomat's wife'
                person.gender = person.gender or self._gender_of_words(said_to_be.lower_)
            tail = doc[ent.end : min(len(doc), ent.end + 5)].text.lower()
            person.countries |= self._countries(tail.split(",")[0])
        # a lone surname first seen before the full name: merge into the full name
        named_fully = [p for p in self.people if self._lone_word(p.name) is None]
        for p in list(self.people):
            lone = self._lone_word(p.name)  # 'Lee', or 'Sheriff Lee' for a 'Kerry Lee' the article names
            if lone is not None:
                owners = [f for f in named_fully if fold(lone) in f.keys]
                if not owners and not is_title(lone, self.lex.titles):  # 'Rosselló' of 'Ricardo Rosselló Nevares'
                    owners = [f for f in named_fully if fold(lone) in f.parts]
                    owners = owners if len(owners) == 1 else []
                    for f in owners:
                        f.called_by_part = True
                if not owners and all(in_quotes(m, self._quotes) for m in p.mentions):
                    # '"... I asked John for his resignation," wrote Trump': a given name, in quoted speech
                    owners = [f for f in named_fully if fold(self._given_name(f)) == fold(lone)]
                    owners = [f for f in owners if not any(o.keys == f.keys and len(o.name) > len(f.name)
                                                           for o in owners)]
                if len(owners) == 1:
                    owners[0].mentions += p.mentions
                    owners[0].roles += p.roles
                    owners[0].gender = owners[0].gender or p.gender
                    self.people.remove(p)
        # 'Robert Mugabe' and 'Robert Gabriel Mugabe': one person, named by the fuller form
        for p in sorted(self.people, key=lambda q: len(q.name.split())):
            fuller = [f for f in self.people if f is not p and _shorter_form(p.name, f.name)]
            if len(fuller) == 1:
                f = fuller[0]
                f.mentions = sorted(f.mentions + p.mentions)
                f.roles += p.roles
                f.countries |= p.countries
                f.gender = f.gender or p.gender
                self.people.remove(p)
                self._fuller[p.name] = f.name
        for short, full in list(self._fuller.items()):
            while full in self._fuller:
                full = self._fuller[full]
            self._fuller[short] = full
        for p in self.people:  # what the article does not say, the given name may ('Bernard', not 'Kim')
            own = [w for w in p.name.split() if not is_title(w, lex.titles)]
            if len(own) > 1:
                p.name_gender = lex.given_names.get(own[0]) or None

    def _lone_word(self, name: str) -> str | None:
        """The one name word of a person named by it alone, with or without a title ('Lee', 'Sheriff Lee')."""
        words = name.split()
        if len(words) == 2 and is_title(words[0], self.lex.titles) and not is_title(words[1], self.lex.titles):
            return words[1]
        return words[0] if len(words) == 1 else None

    @staticmethod
    def _descriptions(ent) -> list:
        """Nouns that say what a named person is: the apposition's head ('Charlotte Charles, Dunn's
        mother'), and in a relative clause the attribute or 'as' object ('who is his wife', 'who has
        immunity as a diplomat's wife')."""
        out = []
        for child in ent.root.children:
            if child.i < ent.end:
                continue
            if child.dep_ == "appos" and not any(t.pos_ == "PROPN" and t.dep_ != "poss" for t in child.subtree):
                out.append(child)  # ('Dunn's mother'; not 'Trump, his wife Melania, and son Barron')
            elif child.dep_ == "relcl":
                out += [t for t in child.subtree if t.dep_ == "attr" and t.head.i == child.i
                        or t.dep_ == "pobj" and t.head.lower_ == "as"]
        return out

    def _untagged_names(self) -> list:
        """Names the model tagged as nothing that the article gives a person's title in apposition
        ('Ricardo Rosselló Nevares, Puerto Rico's governor, announced ...'): spans labelled PERSON."""
        out = []
        for tok in self.doc:
            if tok.dep_ != "appos" or tok.lower_ not in self.lex.titles or tok.ent_type_:
                continue
            head = tok.head
            words = [t for t in head.lefts if t.dep_ == "compound" and t.i >= head.i - 3] + [head]
            if head.i < tok.i and 2 <= len(words) == head.i - words[0].i + 1 and all(
                    t.pos_ == "PROPN" and t.is_title and t.is_alpha and not t.ent_type_ for t in words):
                out.append(SpacySpan(self.doc, words[0].i, head.i + 1, label="PERSON"))
        return out + self._names_after_office() + self._given_named()

    def _given_named(self) -> list:
        """Names the model tagged as an organisation, a building or a group ('Nicola Sturgeon' ORG,
        'Dominic Hare' FAC): two or three capitalised words that start with a given name which is no
        English word ('Royal', 'Chase') and end in no word of an organisation's name. Not places:
        'Hong Kong', 'Victoria Park'."""
        lex = self.lex
        bodies = lex.organisation_tails | lex.government | lex.media | lex.outlet_tails
        return [SpacySpan(self.doc, ent.start, ent.end, label="PERSON") for ent in self.doc.ents
                if ent.label_ in ("ORG", "FAC", "NORP") and not ent.ent_id_ and 2 <= len(ent) <= 3
                and ent[0].text in lex.given_names and ent[0].text not in lex.word_names
                and all(t.pos_ == "PROPN" and t.is_title and t.is_alpha and t.lower_ not in bodies for t in ent)]

    def _names_after_office(self) -> list:
        """'First Minister of Scotland Nicola Sturgeon', 'President of Ukraine Volodymyr Zelenskyy': a name
        run on from the place of an office, which the model tags with the place as one organisation
        or place (or as nothing): the words after a place the article names are a person."""
        doc = self.doc
        places = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "NORP")}
        out = []
        for of in doc:
            if of.lower_ != "of" or of.head.lower_ not in self.lex.titles:
                continue
            run = list(takewhile(lambda t: t.pos_ == "PROPN", doc[of.i + 1 : of.i + 6]))
            if len(run) < 3 or any(t.ent_type_ == "PERSON" for t in run) \
                    or run[-1].lower_ in self.lex.organisation_tails:
                continue
            for k in range(1, len(run) - 1):
                place = doc[run[0].i : run[k].i].text
                if place in places or self._countries(place):
                    if all(t.is_title and t.is_alpha for t in run[k:]):
                        out.append(SpacySpan(doc, run[k].i, run[-1].i + 1, label="PERSON"))
                    break
        return out

    def _names_person(self, ent) -> bool:
        """A PERSON entity, or a name the small model labels otherwise but the article gives a person's
        title in apposition ('Gáspár Maróth, the Hungarian Government commissioner ...', tagged ORG)."""
        if ent.label_ == "PERSON":
            return True
        if ent.label_ not in ("ORG", "GPE", "NORP") or len(ent) < 2:
            return False
        if len(ent) > 2 and is_honour(ent[-1]) and all(
                t.pos_ == "PROPN" and t.is_title for t in ent[:-1]):
            return True  # 'Prosecutor Kama Melly QC', tagged ORG
        if not all(t.pos_ == "PROPN" and t.is_title for t in ent):
            return False
        return any(c.dep_ == "appos" and c.i > ent.end - 1 and c.lower_ in self.lex.titles and c.ent_type_ == ""
                   for c in ent.root.children)

    def _is_person_name(self, text: str) -> bool:
        """A person the article names, by full name or surname."""
        return any(fold(text) in p.keys or p.name == text for p in self.people)

    def _find_full(self, name: str) -> Person | None:
        for p in self.people:
            if p.name == name:
                return p
        return None

    def _role_near(self, ent) -> str | None:
        """Title before the name ('Pentagon spokesman John Kirby') or apposition after it."""
        doc = self.doc
        root = ent.root
        left = root.left_edge.i
        before = [t for t in doc[left : ent.start] if t.dep_ not in ("det", "punct")]
        if before and not any(t.ent_type_ == "PERSON" for t in before):
            text = doc[before[0].i : ent.start].text.strip(" ,")
            if text:
                return text
        for child in root.children:
            if child.dep_ == "appos" and child.i > root.i and child.ent_type_ != "PERSON":
                return doc[child.left_edge.i : child.right_edge.i + 1].text
        # 'the defense ministers, A for the United States and B for Russia': each is a 'defense minister'
        node = root
        for _ in range(4):
            node = node.head
            if node.pos_ == "NOUN" and node.i < root.i and any(c.dep_ == "appos" for c in node.children):
                words = [t.text for t in node.lefts if t.dep_ in ("compound", "amod")] + [node.lemma_]
                return " ".join(words)
            if node.head.i == node.i:
                break
        return None

    def _countries(self, text: str) -> set[str]:
        low = f" {text.lower()} "
        return {code for alias, code in self.lex.countries.items() if f" {alias} " in low or f" {alias}'" in low}

    def _role_head(self, role: str) -> str:
        """The noun a role is about: 'secretary' in 'secretary of Russia's Security Council' and in
        'Defense Secretary'; 'commissioner' in 'Police and Crime Commissioner' and in 'the Government
        commissioner responsible for defence'."""
        words = [w.lower().strip(".,") for w in role.split(",")[0].split()]
        cut = next((i for i, w in enumerate(words) if i and w in ROLE_TAIL), len(words))
        words = words[:cut]  # 'commissioner responsible for defence', 'minister in charge of ...'
        head = words[-1] if words else ""
        return self.lex.role_synonyms.get(head, head)

    def _normalise_role(self, text: str) -> set[str]:
        words = [w.lower().strip(".") for w in _WORD.findall(text)]
        words = [self.lex.role_synonyms.get(w, w) for w in words if w not in ("the", "a", "an", "of", "for", "to")]
        return {w for w in words if w and w not in self.lex.countries}

    # -- mentions ------------------------------------------------------------------------------------

    def resolve(self, start: int, end: int, speaker: bool = True) -> Party:
        """The party a mention names. ``speaker`` marks mentions that speak (pronouns then track them)."""
        doc, raw = self.doc, self.raw
        span = doc.char_span(start, end, alignment_mode="expand")
        mention = Span.of(raw, start, end)
        text = raw[start:end].strip()
        if span is None or not text:
            return Party(name=text, mention=mention, kind="unknown")
        span = _before_relative(span)
        text = raw[span.start_char : span.end_char].strip() or text
        low = text.lower()
        self._author = None
        party = self._resolve_span(span, text, low, mention)
        if party.name == bare_name(text) and not party.model_extra:
            party = self._owned(span, party)
        if speaker:
            if self._author is not None:
                self.last_person = self._author
                self.person_speakers.append(self._author)
            elif party.kind == "person" and not (party.model_extra.get("ambiguous") or "members" in party.model_extra):
                self.last_person = party
                self.person_speakers.append(party)
            elif party.model_extra.get("resolved_from") == "pronoun":
                pass  # 'it' or 'they' names who spoke last; it does not make a pronoun's group the latest
            elif "members" in party.model_extra or party.kind in ("organisation", "government", "media", "anonymous") \
                    and not self.lex.unnamed_groups & set(_WORD.findall(party.name.lower())):
                self.last_group = party  # ('they' and 'we' are as often wrong as right with 'the researchers')
            if party.model_extra.get("resolved_from") != "pronoun" and "members" not in party.model_extra \
                    and span.root.tag_ not in ("NNS", "NNPS") and (party.kind in ("organisation", "government", "media")
                    or party.kind == "unknown" and span.root.lemma_.lower() in self.lex.documents):
                self.last_body = party  # 'The Emergencies Ministry said ... It also urged', 'The report ... It'
        head = span.root
        if party.kind == "unknown" and not party.model_extra and head.tag_ == "NN" and (
                head.lower_ in self.lex.gender or head.lower_ in self.lex.titles):
            # 'The father', 'his wife', 'The local health minister': one person the article singles out; 'a
            # woman', 'one candidate' is anyone. (Not what a later 'he' or 'they' means: that stays with the
            # names, as 'the crown prince' is one of them.)
            indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one", "no") or
                             c.dep_ == "nummod" and c.lower_ == "one" for c in head.children)
            party = party.model_copy(update={"kind": "anonymous" if indefinite else "person"})
        return party

    def _coordinated(self, span, mention: Span) -> Party | None:
        """'Barr and Ross', 'the AP and NBC News', 'China, Iran, and Russia': each named party resolved on
        its own, the mention named by all of them ('William Barr and Wilbur Ross'), ``members`` listing
        them. None unless every conjunct is a named party (not 'Trump and his supporters', nor one name
        such as 'Search and Rescue Agency')."""
        doc, root = self.doc, span.root
        members = [root]
        for tok in span:
            if tok.dep_ == "conj" and any(tok.head.i == m.i for m in members):
                members.append(tok)
        links = [c.lower_ for m in members for c in m.children if c.dep_ == "cc"]
        if len(members) < 2 or not links or any(w not in ("and", "&") for w in links) or any(
                c.dep_ == "nummod" for c in root.children):
            return None  # not 'the University and the Chess Club rather than ...', 'Two Representatives, A, and B'
        named = next((e for e in span_ents(span) if e.start <= root.i < e.end), None)
        if named is not None and named.end > members[1].i or any(
                c.dep_ == "prep" and c.i < members[1].i and c.lower_ == "of" for c in root.children):
            return None  # one name: 'Department of Health and Human Services', 'High Court of England and Wales'
        bodies = self.lex.government | self.lex.media
        if sum(1 for t in span if not span.start <= t.head.i < span.end or t.head.i == t.i) > 1 or not all(
                m.pos_ == "PROPN" or m.ent_type_ or m.lower_ in bodies for m in members):
            return None  # 'New Orleans and Jefferson Parish officials': a name does not stand for its officials
        parts = []
        for m in members:
            cut = {t.i for c in m.children for t in c.subtree if c.dep_ in ("conj", "cc", "preconj", "appos")
                   or c.dep_ == "punct" and c.i > m.i or c.lower_ in ("both", "all", "each")}
            toks = [t.i for t in m.subtree if t.i not in cut and span.start <= t.i < span.end]
            if not toks or toks != list(range(toks[0], toks[-1] + 1)):
                return None
            part = doc[toks[0] : toks[-1] + 1]
            party = self._resolve_span(part, part.text, part.text.lower(), mention, True)
            extra = party.model_extra
            if party.kind not in ("person", "organisation", "government", "media") or extra.get("unresolved") \
                    or extra.get("ambiguous") or extra.get("resolved_from") == "role":
                return None
            parts.append(party)
        names = [p.name for p in parts]
        name = " and ".join(names) if len(names) == 2 else ", ".join(names[:-1]) + ", and " + names[-1]
        return Party(name=name, mention=mention, kind=parts[0].kind, role=None, members=names)

    def _resolve_span(self, span, text: str, low: str, mention: Span, antecedent: bool = False) -> Party:
        """``antecedent``: the span is a subject searched for what 'he' means, not a speaker."""
        lex = self.lex
        if low in ("who", "which", "that", "whom") and span.root.head.dep_ == "relcl":
            noun = span.root.head.head  # 'the lawmaker, who said ...': the mention is 'who', the party the noun
            np = self.doc[noun.left_edge.i : noun.i + 1]
            party = self._resolve_span(np, np.text, np.text.lower(), mention)
            return party.model_copy(update={"resolved_from": "relative pronoun"})
        if low in lex.he_she:
            antecedent = self._pronoun_person(span[0])
            if antecedent is not None:
                return Party(name=antecedent.name, mention=mention, kind="person", role=antecedent.role,
                             resolved_from="pronoun")
            return Party(name=text, mention=mention, kind="person", role=None, unresolved=True)
        if low == "it" and not antecedent:
            if self.last_body is not None:
                return Party(name=self.last_body.name, mention=mention, kind=self.last_body.kind,
                             role=self.last_body.role, resolved_from="pronoun")
            return Party(name=text, mention=mention, kind="unknown", unresolved=True)
        if low in lex.they:
            if self.last_group is not None:
                return Party(name=self.last_group.name, mention=mention, kind=self.last_group.kind,
                             role=self.last_group.role, resolved_from="pronoun")
            return Party(name=text, mention=mention, kind="unknown", unresolved=True)
        if not antecedent:
            together = self._coordinated(span, mention)
            if together is not None:
                return together
        outlet = self._outlet(span)
        if outlet is not None:
            return Party(name=outlet, mention=mention, kind="media", role=None)
        persons = self._head_entities(span, ("PERSON",))
        if not antecedent and span.root.pos_ == "NOUN" and span.root.ent_type_ == "":
            # "Trump's spokesman", "Klobuchar's campaign": the possessor is not the one who speaks
            persons = [e for e in persons if not (e.root.dep_ == "poss" and e.root.head.i == span.root.i)]
            if span.root.lemma_.lower() not in lex.documents:
                # 'scientists from the University of Bristol and UC Davis', 'a lawyer for Paul Manafort':
                # a name inside the head's prepositional phrase is not who speaks
                # (an apposition that ends the phrase is the head's, wherever the parser hung it: 'The
                # delegate to the House, Aumua Amata')
                persons = [e for e in persons if not _under_prep(e.root, span.root)
                           or e.root.dep_ == "appos" and e.end >= span.end - span[-1].is_punct]
            if persons and span.root.lemma_.lower() in lex.documents:
                # 'a study conducted by Dr. Naomi Martisius': the document speaks; its author is the
                # one 'she' will mean next
                self._author = self._person(persons[0], mention, None)
                return Party(name=document_name(span), mention=mention, kind="unknown", role=None)
        if not persons:
            persons = [e for e in self._untagged if span.start <= e.start and e.end <= span.end]
        role = self._role_in(span, persons)
        if persons:
            return self._person(persons[0], mention, role)
        head = span.root
        head_low = head.lower_
        words = set(_WORD.findall(low))
        known = self._known_surname(span)
        if known is not None:
            return self._by_surname(known, known, mention, None, span.start_char)
        titled = self._titled_name(span)
        if titled is not None:
            return titled
        part_of = next((c for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children
                        if c.dep_ == "pobj" and span.start <= c.left_edge.i and c.right_edge.i < span.end), None)
        if part_of is not None and part_of.pos_ != "PRON" and (head.pos_ == "NUM" or head_low in lex.proportions) \
                and not any(c.dep_ == "appos" for c in head.children):
            # 'Some of the protesters', 'A number of Senators', 'one of his lawyers': the group's voice
            group = self.doc[part_of.left_edge.i : span.end]
            party = self._resolve_span(group, group.text, group.text.lower(), mention, antecedent)
            if party.kind == "unknown" and head_low in lex.anonymous:
                party = party.model_copy(update={"kind": "anonymous"})  # 'Many of our users'
            return party if head_low in lex.proportions else party.model_copy(update={"name": bare_name(text)})
        ents = [e for e in self._head_entities(span, ("ORG", "GPE", "NORP", "FAC"))
                if e.start <= head.i < e.end or e.root.dep_ == "appos" and e.root.head.i == head.i]
        if ents:
            ent = ents[0]
            name = re.sub(r"^(the|The)\s+", "", _strip_possessive(ent.text))
            if ent.start <= head.i < ent.end and _names_only(span) and not any(
                    t.dep_ == "poss" and self._is_person_name(t.text) for t in span):
                # 'the U.S. State Department' (two entities to the model), 'the US Embassy in London',
                # "Taiwan's Constitutional Court"; not "Trump's State Department"
                name = _strip_possessive(bare_name(text))
            name = _ACRONYM_TAIL.sub("", name) or name  # 'World Health Organization (WHO)'
            name = self._acronyms.get(name, name)
            if ent.ent_id_ == "media" or words & lex.media:
                kind = "media"
            elif ent.label_ in ("GPE", "NORP") or ent.ent_id_ == "government" or words & lex.government \
                    or self._state_body(name, span, words):
                kind = "government"
            else:
                kind = "organisation"
            if head_low in lex.anonymous and head.ent_type_ == "":
                return Party(name=bare_name(text), mention=mention, kind="anonymous", role=None)
            return Party(name=name, mention=mention, kind=kind, role=None)
        if head.lemma_.lower() in lex.documents:
            return Party(name=document_name(span), mention=mention, kind="unknown", role=None)
        by_role = self._by_role(span, text)
        if by_role is not None:
            return by_role
        if head_low in lex.media and words & lex.media or head.lemma_.lower() in lex.media_heads:
            return Party(name=bare_name(text), mention=mention, kind="media", role=None)
        if head_low in lex.anonymous or head.lemma_.lower() in lex.anonymous:
            # 'a government official', 'Local authorities', 'A source within the Interior Ministry'
            return Party(name=bare_name(text), mention=mention, kind="anonymous", role=None)
        if head_low in lex.government or words & {"side", "government", "ministry", "administration"}:
            return Party(name=bare_name(text), mention=mention, kind="government", role=None)
        if head.pos_ == "PROPN":  # a name the model did not tag: 'Florida Highway Patrol', 'Phivolcs'
            name = self._acronyms.get(bare_name(text), bare_name(text))
            kind = "government" if self._state_body(name, span, words) else "organisation"
            return Party(name=name, mention=mention, kind=kind, role=None)
        return Party(name=bare_name(text), mention=mention, kind="unknown", role=None)

    def _pronoun_person(self, pronoun) -> Party | None:
        """The person 'he', 'she', 'his' or 'her' most likely means, or None."""
        gender = self.lex.gender.get(pronoun.lower_)
        antecedent = self._antecedent(pronoun.i, gender)
        if antecedent is not None and gender is not None and not in_quotes(pronoun.idx, self._quotes):
            # 'she' for the subject just before, outside quotations ('"he's going to think", she said')
            person = self._find_full(antecedent.name)
            if person is not None and person.gender is None:
                person.gender = gender
        if antecedent is None:  # the latest person who spoke and may be called so
            antecedent = next((p for p in reversed(self.person_speakers) if self._fits(p.name, gender)), None)
        if antecedent is None:  # '... driven by Anne Sacoolas. She informed police': one just named
            antecedent = self._recently_named(pronoun.i, gender)
        return antecedent

    def _owned(self, span, party: Party) -> Party:
        """'his office', 'her daughter': named by the person the possessive means ("Elijah Cummings's
        office"), as a reviewer needs it; not peers ('their counterparts' stay 'counterparts')."""
        first, head = span[0], span.root
        if first.lower_ not in ("his", "her") or first.dep_ != "poss" or first.head.i != head.i or \
                head.pos_ != "NOUN" or head.lemma_.lower() in self.lex.peers or in_quotes(first.idx, self._quotes):
            return party
        # not _pronoun_person: a possessive learns no gender and never reaches back to the last speaker
        # ('At 2:45 a.m., his office said, he died' after three Cummingses stays 'office')
        gender = self.lex.gender.get(first.lower_)
        owner = self._fronted_owner(first) or self._coordinated_owner(head) or \
            self._antecedent(first.i, gender) or self._recently_named(first.i, gender)
        if owner is None or not owner.name[:1].isupper():
            return party
        return party.model_copy(update={"name": f"{owner.name}'s {bare_name(party.name)}", "owner": owner.name})

    def _coordinated_owner(self, head) -> Party | None:
        """'President-elect Joe Biden and his team': the person the owned noun is coordinated with."""
        if head.dep_ != "conj" or head.head.ent_type_ != "PERSON":
            return None
        ent = next((e for e in self.doc.ents if e.start <= head.head.i < e.end), None)
        if ent is None:
            return None
        party = self._person(ent, Span.of(self.raw, ent.start_char, ent.end_char), None)
        return None if party.model_extra.get("ambiguous") else party

    def _fronted_owner(self, pronoun) -> Party | None:
        """'According to his publicist, Mendez died': a possessive in a phrase put before the main
        clause means that clause's subject when a person is named there."""
        verb = pronoun.sent.root
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.i < pronoun.i or subject.pos_ == "PRON" or \
                any(a.i == subject.i for a in pronoun.ancestors):
            return None
        if not any(a.i == verb.i for a in pronoun.ancestors):
            return None
        return self._person_named_by(self.doc[subject.left_edge.i : subject.i + 1],
                                     self.lex.gender.get(pronoun.lower_))

    def _person_named_by(self, np, gender: str | None) -> Party | None:
        """The person a noun phrase names, if 'he'/'she' of ``gender`` can mean them: not a group, nor
        a surname two people share unless the gender tells them apart."""
        party = self._resolve_span(np, np.text, np.text.lower(), Span.of(self.raw, np.start_char, np.end_char),
                                   antecedent=True)
        party = self._by_gender(party, gender)
        if party.kind == "person" and not party.model_extra.get("ambiguous") and self._fits(party.name, gender, False):
            return party  # (the subject just before outweighs what a given name suggests: 'Mears ... she')
        return None

    def _by_gender(self, party: Party, gender: str | None) -> Party:
        """An ambiguous surname as a pronoun's antecedent: 'his' cannot mean the wife the article
        names, so 'Mendez' there is Tony Mendez. Unchanged unless exactly one candidate fits."""
        if gender is None or not party.model_extra.get("ambiguous"):
            return party
        fitting = [c for c in party.model_extra.get("candidates", []) if self._fits(c, gender)]
        if len(fitting) != 1 or len(fitting) == len(party.model_extra["candidates"]):
            return party
        person = self._find_full(fitting[0])
        if person is None:
            return party
        return self._named(person, party.mention, party.role, resolved_from="gender")

    def _state_body(self, name: str, span, words: set[str]) -> bool:
        """An organisation its own name makes a state body: 'Florida Highway Patrol', or an institute or
        service the mention gives a country ("Bangladesh's Institute of Epidemiology", 'National ... Centre')."""
        own = set(_WORD.findall(name.lower()))
        if own & self.lex.political:
            return False  # 'Democratic National Committee'
        if own & self.lex.state_bodies:
            return True
        return bool(own & self.lex.public_bodies) and bool(
            (words | own) & self.lex.state_names or self._countries(span.text)
            or any(e.label_ in ("GPE", "NORP") for e in span_ents(span)))

    def _outlet(self, span) -> str | None:
        """The name of the news outlet a mention names, whatever the model tagged it: one the article calls
        an outlet, a web address, or a name ending like one ('Manila Bulletin')."""
        head = span.root
        ents = [e for e in span_ents(span) if e.start <= head.i < e.end]
        names = [_strip_possessive(re.sub(r"^(the|The)\s+", "", e.text)) for e in ents]
        if not ents and head.pos_ == "PROPN":  # an untagged name: its compound run
            first = min((t.i for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"
                         and t.i >= span.start), default=head.i)
            names = [self.doc[first : head.i + 1].text]
        for name in names:
            words = name.split()
            if fold(name) in self._outlets or is_web_address(name) or (
                    len(words) > 1 and words[-1].lower() in self.lex.outlet_tails and words[0][0].isupper()):
                return name
        return None

    def _gender_of_words(self, text: str) -> str | None:
        """'f' or 'm' when a role or title says ('the diplomat's wife', 'Mr.'); None if it does not."""
        found = {self.lex.gender[w] for w in text.lower().replace("’", "'").split() if w in self.lex.gender}
        return found.pop() if len(found) == 1 else None

    def _fits(self, name: str, gender: str | None, by_name: bool = True) -> bool:
        """Whether 'he'/'she' can mean this person: not when the article says otherwise, nor (``by_name``)
        when their given name suggests otherwise and the article says nothing."""
        person = self._find_full(name)
        if gender is None or person is None:
            return True
        return (person.gender or (person.name_gender if by_name else None)) in (None, gender)

    def _recently_named(self, token_index: int, gender: str | None) -> Party | None:
        """The person named last in this sentence or the two before whom the article gives the gender
        'he'/'she' asks for (a name alone does not tell)."""
        doc = self.doc
        sent = doc[token_index].sent
        first = sent
        for _ in range(2):
            if first.start > 0:
                first = doc[first.start - 1].sent
        end = doc[token_index].idx
        named = [(max(m for m in p.mentions if first.start_char <= m < end), p) for p in self.people
                 if any(first.start_char <= m < end for m in p.mentions) and p.gender == gender]
        if not named:
            return None
        person = max(named, key=lambda x: x[0])[1]
        return Party(name=person.name, mention=None, kind="person", role=person.roles[0] if person.roles else None)

    def _antecedent(self, token_index: int, gender: str | None = None) -> Party | None:
        """The person a 'he'/'she' most likely means: the nearest clause subject before it (the main
        clause's first) that names a person whose gender the article does not contradict, in this
        sentence or the two before."""
        doc = self.doc
        sent = doc[token_index].sent
        sents = [sent]
        while len(sents) < 3 and sents[-1].start > 0:
            sents.append(doc[sents[-1].start - 1].sent)
        for i, s in enumerate(sents):
            subjects = [t for t in s if (t.dep_ in ("nsubj", "nsubjpass") or t.dep_ == "pobj" and t.head.dep_ == "mark")
                        and (i > 0 or t.i < token_index)]  # 'after Theresa May stepped down': parsed as an object
            subjects.sort(key=lambda t: (t.head.dep_ != "ROOT", -t.i) if i > 0 else (0, -t.i))
            for t in subjects:
                if t.lower_ in self.lex.he_she or t.lower_ in self.lex.they or t.pos_ == "PRON":
                    continue
                named = next((c for c in t.rights if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
                if named is not None and t.ent_type_ != "PERSON":
                    t = named  # 'the director of IEDCR, Dr Meerjady Sabrina Flora, said': the one named
                left = t.left_edge.i
                stops = (c.i for c in t.rights if c.is_punct or c.dep_ in ("relcl", "acl", "appos"))
                right = next(stops, t.right_edge.i + 1)
                party = self._person_named_by(doc[left : max(right, t.i + 1)], gender)
                if party is not None:
                    return party
        return None

    def _titled_name(self, span) -> Party | None:
        """'Former US Ambassador to the United Nations Nikki Haley': a title, then a name the model
        did not tag as a person (or tagged as a place)."""
        toks = [t for t in span if t.text not in ("'s", "’s")]
        end = len(toks)
        while end > 0 and toks[end - 1].is_punct:
            end -= 1
        while end > 2 and is_honour(toks[end - 1]):
            end -= 1  # 'Prosecutor Kama Melly QC'
        start = end
        while start > 0 and toks[start - 1].pos_ == "PROPN" and toks[start - 1].lower_ not in self.lex.titles:
            start -= 1
            if toks[start].ent_iob_ == "B":
                break  # the name is one entity, whatever label the model gave it
        name_toks = toks[start:end]
        if not 2 <= len(name_toks) <= 4 or start == 0 or toks[start - 1].pos_ in ("DET", "ADP"):
            return None  # 'a representative of the Security Council' names no person
        if not any(t.lower_ in self.lex.titles for t in toks[:start]):
            return None
        doc = self.doc
        name = doc[name_toks[0].i : name_toks[-1].i + 1].text
        role = doc[toks[0].i : name_toks[0].i].text.strip(" ,") or None
        mention = Span.of(self.raw, span.start_char, span.end_char)
        return Party(name=name, mention=mention, kind="person", role=bare_name(role) if role else None)

    @staticmethod
    def _head_entities(span, labels: tuple[str, ...]) -> list:
        """Entities of ``labels`` in a mention, best first: the one holding the phrase's head, then one in
        apposition to it ('Dunn's mother, Charlotte Charles'), then the last one."""
        ents = [e for e in span_ents(span) if e.label_ in labels]
        if len(ents) <= 1:
            return ents
        head = span.root

        def rank(e) -> tuple[int, int]:
            if e.start <= head.i < e.end:
                return (0, 0)
            if e.root.dep_ == "appos" and e.root.head.i == head.i:
                return (1, 0)
            return (2, -e.start)

        return sorted(ents, key=rank)

    def _known_surname(self, span) -> str | None:
        """A lone proper noun the model did not tag as a person, but that is a surname the article gave
        (the tagger may call a capitalised one a common noun: 'Radmall conceded')."""
        words = [t for t in span if not t.is_punct and not t.like_num and t.lower_ not in ("the", "'s", "’s")]
        if len(words) != 1 or not (words[0].pos_ == "PROPN" or words[0].pos_ == "NOUN" and words[0].text[:1].isupper()):
            return None
        key = fold(words[0].text)
        return words[0].text if any(key in p.keys or key in p.parts for p in self.people) else None

    def _role_in(self, span, persons) -> str | None:
        if not persons:
            return None
        first = persons[0]
        before = span.doc[span.start : first.start]
        text = before.text.strip(" ,")
        text = re.sub(r"^(the|The|a|A)\s+", "", text)
        return text or None

    def _person(self, ent, mention: Span, role: str | None) -> Party:
        name = person_name(ent, self.lex.titles)
        words = [w for w in name.split() if w.lower() not in self.lex.suffixes]
        lone = self._lone_word(" ".join(words))
        if lone is not None and lone != name:
            # 'Sheriff Lee' after 'County sheriff Kerry Lee', 'Dr Meerjady' after 'Dr Meerjady Sabrina Flora'
            party = self._by_surname(lone, name, mention, role, ent.start_char)
            if party.name != name or party.model_extra.get("ambiguous"):
                return party
        if len(name.split()) > 1:
            name = self._fuller.get(name, name)
            person = self._find_full(name)
            known_role = role or (person.roles[0] if person and person.roles else None)
            return Party(name=name, mention=mention, kind="person", role=known_role)
        return self._by_surname(words[-1] if words else name, name, mention, role, ent.start_char)

    def _by_surname(self, surname: str, written: str, mention: Span, role: str | None, offset: int) -> Party:
        """A lone surname: the one person the article gives it to; with several, the one named in this
        or the previous sentence, else the only one the article has named before it; otherwise the name
        as written, flagged ambiguous with its candidates."""
        key = fold(surname)
        candidates = [p for p in self.people if key in p.keys and len(p.name.split()) > 1] or [
            p for p in self.people if key in p.keys
        ]
        if not candidates and not is_title(surname, self.lex.titles):
            parts = [p for p in self.people if key in p.parts]  # 'Rosselló', 'Prime Minister Tuilaepa'
            if len(parts) == 1:
                return self._named(parts[0], mention, role, resolved_from="part of the name")
        if len(candidates) == 1:
            return self._named(candidates[0], mention, role)
        if len(candidates) > 1:
            recent = self._most_recent(candidates, offset)
            if recent is not None:
                return self._named(recent, mention, role, candidates=[p.name for p in candidates],
                                   resolved_from="recency")
            plain = [p for p in candidates if not p.called_by_part]
            if len(plain) == 1:  # 'Hunter' for the son: a bare 'Biden' is the other one
                return self._named(plain[0], mention, role, candidates=[c.name for c in candidates],
                                   resolved_from="the one not called by given name")
            introduced = [p for p in candidates if p.mentions and min(p.mentions) < offset]
            if len(introduced) == 1:  # 'Mugabe' before the article has named Grace Mugabe: Robert
                return self._named(introduced[0], mention, role, candidates=[c.name for c in candidates],
                                   resolved_from="the only one named yet")
            return Party(name=written, mention=mention, kind="person", role=role, ambiguous=True,
                         candidates=[p.name for p in candidates])
        given = [p for p in self.people if len(p.name.split()) > 1 and fold(self._given_name(p)) == key
                 and in_quotes(offset, self._quotes)]
        if len(given) == 1:  # '"I asked John for his resignation"' in an article about John R. Bolton
            return self._named(given[0], mention, role, resolved_from="given name")
        return Party(name=written, mention=mention, kind="person", role=role)

    @staticmethod
    def _named(p: Person, mention: Span, role: str | None, **why: object) -> Party:
        """The party for a person the article names, with its title here or the one the article gave."""
        return Party(name=p.name, mention=mention, kind="person", role=role or (p.roles[0] if p.roles else None),
                     **why)

    def _given_name(self, person: Person) -> str:
        return next((w for w in person.name.split() if w.lower().rstrip(".") not in self.lex.titles), "")

    def _most_recent(self, candidates: list[Person], offset: int) -> Person | None:
        """The candidate named in this sentence or the one before, when only one of them was."""
        doc = self.doc
        tok = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if tok is None:
            return None
        sent = tok[0].sent
        window_start = sent.start_char
        if sent.start > 0:
            window_start = doc[sent.start - 1].sent.start_char
        near = [p for p in candidates if any(window_start <= m < offset for m in p.mentions)]
        return near[0] if len(near) == 1 else None

    def _by_role(self, span, text: str) -> Party | None:
        """'the U.S. Secretary of Defense' -> the person the article introduced with that role."""
        lex = self.lex
        if text.lower().startswith(("a ", "an ", "another ")) and not (
                span.root.dep_ == "appos" and span.root.head.ent_type_ == "PERSON"):
            return None  # 'according to a hospital spokesperson': someone new, not a named one's title
        if span.root.tag_ in ("NNS", "NNPS"):
            return None  # 'government ministers' are not the one Prime Minister
        wanted = self._normalise_role(text)
        head = span.root.lower_
        head = lex.role_synonyms.get(head, head)
        countries = self._countries(text)
        best: list[tuple[float, Person]] = []
        for p in self.people:
            for role in p.roles:
                have = self._normalise_role(role)
                if head != self._role_head(role):
                    continue
                mine, theirs = (ws - {head} - _ROLE_GENERIC for ws in (wanted, have))
                if mine and theirs and not mine & theirs:
                    continue  # 'the local health minister' is not the Civil Aviation Minister
                score = fuzz.token_set_ratio(" ".join(sorted(wanted)), " ".join(sorted(have)))
                if countries and p.countries and not countries & p.countries:
                    continue
                if countries and countries & p.countries:
                    score += 10
                best.append((score, p))
        if not best:
            return None
        best.sort(key=lambda x: -x[0])
        top_score, top = best[0]
        tied = [p for s, p in best if s >= top_score - 5]
        if self.last_person is not None and len({p.name for p in tied}) > 1:
            recent = [p for p in tied if p.name == self.last_person.name]
            if recent:
                top, tied = recent[0], recent
        others = {p.name for p in tied if p is not top}
        mention = Span.of(self.raw, span.start_char, span.end_char)
        if top_score < 60:
            return None
        if others:
            return Party(name=text, mention=mention, kind="person", role=text, ambiguous=True,
                         candidates=[top.name, *sorted(others)])
        return Party(name=top.name, mention=mention, kind="person", role=bare_name(text),
                     resolved_from="role")

