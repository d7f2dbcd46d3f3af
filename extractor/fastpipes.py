"""Faster stand-ins for two of the model's rule components, giving exactly the same annotations.

The English model's ``attribute_ruler`` and ``lemmatizer`` are rules, not networks, yet on news text
they cost about 12% and 1-10% of the model's time (bench/README.md):

* ``attribute_ruler`` runs spaCy's general ``Matcher`` (179 patterns) over every token. Nearly all
  its patterns test one token's TAG, LOWER, DEP or IS_SPACE, so ``FastAttributeRuler`` evaluates
  the patterns once per distinct combination of those values and looks the answer up afterwards,
  then hands the same match list to the ruler's own ``set_annotations``. A ruler with patterns it
  cannot evaluate this way (operators, other attributes) is left as it is.
* ``lemmatizer`` (rule mode) re-derives base forms for every token and tests inflected forms with
  ``form in index`` on word lists of up to 57,000 entries. ``MemoLemmatizer`` lemmatizes each
  (form, POS, morphology), the only inputs of the rules, once, and makes the word lists sets.

``speed_up(nlp)`` installs both; tests/test_fastpipes.py checks the annotations are identical.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, NORM, ORTH, TAG
from spacy.language import Language
from spacy.tokens import Doc

MAX_MEMO = 50_000
"""Entries at which a memo is emptied, so a long run's memory stays flat (a full memo is 10-20 MB;
the frequent entries, which give nearly all the hits, are back within a few articles)."""

_STRING_ATTRS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "NORM": NORM, "TAG": TAG, "DEP": DEP}
_FLAG_ATTRS = {"IS_SPACE": IS_SPACE}

Test = Callable[[Any], bool]


@Language.factory("fast_attribute_ruler")
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler()


class FastAttributeRuler:
    """spaCy's ``AttributeRuler`` with its matching done by look-up (see the module docstring)."""

    def __init__(self) -> None:
        self.ruler: Any = None
        self.attrs: list[str] = []
        self.attr_ids: list[int] = []
        self.single: list[tuple[int, int, list[tuple[int, Test]]]] = []  # (entry, match id, tests)
        self.multi: list[tuple[int, int, list[list[tuple[int, Test]]]]] = []  # (entry, match id, per token)
        self.unanchored: list[int] = []
        self.anchors: list[tuple[int, dict[Any, tuple[int, ...]]]] = []
        self.memo: dict[tuple[int, ...], Any] = {}

    def wrap(self, ruler: Any) -> bool:
        """Take over ``ruler``'s matching; False (nothing changed) if a pattern is beyond this class."""
        entries = []
        used: dict[str, int] = {}
        for number, entry in enumerate(ruler.patterns):
            match_id = ruler.vocab.strings[str(number)]
            compiled = []
            for pattern in entry["patterns"]:
                specs = [_compile_spec(spec, used) for spec in pattern]
                if not specs or any(s is None for s in specs):
                    return False
                compiled.append(specs)
            entries.append((number, match_id, compiled))
        self.attrs = sorted(used, key=used.get)
        self.attr_ids = [used[a] for a in self.attrs]
        position = {a: i for i, a in enumerate(self.attrs)}
        for number, match_id, compiled in entries:
            for specs in compiled:
                indexed = [[(position[a], t) for a, t in spec] for spec in specs]
                if len(indexed) == 1:
                    self.single.append((number, match_id, indexed[0]))
                else:
                    self.multi.append((number, match_id, indexed))
        # index one-token patterns by a plain equality they require, so a token is tested only
        # against the patterns that can match it
        tables: dict[int, dict[Any, list[int]]] = {}
        self.unanchored = []
        for n, (_, _, tests) in enumerate(self.single):
            anchor = next(((i, t.equals) for i, t in tests if hasattr(t, "equals")), None)
            if anchor is None:
                self.unanchored.append(n)
            else:
                tables.setdefault(anchor[0], {}).setdefault(anchor[1], []).append(n)
        self.anchors = [(position, {k: tuple(v) for k, v in table.items()}) for position, table in tables.items()]
        self.ruler = ruler
        return True

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The list ``AttributeRuler.match`` returns: (entry, match id, start, end), sorted."""
        if not len(doc):
            return []
        rows = doc.to_array(self.attr_ids).tolist()
        if len(self.attr_ids) == 1:
            rows = [[value] for value in rows]
        memo = self.memo
        if len(memo) > MAX_MEMO:
            memo.clear()
        found: list[tuple[int, int, int, int]] = []
        satisfied: list[frozenset[tuple[int, int]]] = []
        starts: list[tuple[int, int]] = []
        for i, row in enumerate(rows):
            key = tuple(row)
            hit = memo.get(key)
            if hit is None:
                hit = memo[key] = self._evaluate(doc, key)
            singles, first, parts = hit
            for number, match_id in singles:
                found.append((number, match_id, i, i + 1))
            for p in first:
                starts.append((p, i))
            satisfied.append(parts)
        for p, start in starts:
            number, match_id, specs = self.multi[p]
            end = start + len(specs)
            if end <= len(rows) and all((p, k) in satisfied[start + k] for k in range(1, len(specs))):
                found.append((number, match_id, start, end))
        return sorted(set(found))

    def _evaluate(
        self, doc: Doc, key: tuple[int, ...]
    ) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...], frozenset[tuple[int, int]]]:
        """For one token's values: the one-token matches, the multi-token patterns it can start, and
        the (pattern, position) pairs it satisfies."""
        strings = doc.vocab.strings
        values = [bool(v) if a in _FLAG_ATTRS else strings[v] for a, v in zip(self.attrs, key, strict=True)]
        candidates = list(self.unanchored)
        for position, table in self.anchors:
            candidates += table.get(values[position], ())
        singles = tuple(
            (n, m)
            for n, m, tests in (self.single[c] for c in sorted(candidates))
            if all(t(values[i]) for i, t in tests)
        )
        parts = frozenset(
            (p, k)
            for p, (_, _, specs) in enumerate(self.multi)
            for k, tests in enumerate(specs)
            if all(t(values[i]) for i, t in tests)
        )
        first = tuple(p for p, k in sorted(parts) if k == 0)
        return singles, first, parts


class _Equals:
    """The test ``value == equals``, with its value visible for indexing."""

    __slots__ = ("equals",)

    def __init__(self, equals: Any) -> None:
        self.equals = equals

    def __call__(self, value: Any) -> bool:
        return value == self.equals


def _compile_spec(spec: dict[str, Any], used: dict[str, int]) -> list[tuple[str, Test]] | None:
    """One token's pattern as (attribute, test) pairs, or None if the Matcher's semantics are needed."""
    tests: list[tuple[str, Test]] = []
    for name, cond in spec.items():
        attr = name.upper()
        if attr in _STRING_ATTRS:
            test = _string_test(cond)
            attr = "ORTH" if attr == "TEXT" else attr
            used[attr] = _STRING_ATTRS[attr]
        elif attr in _FLAG_ATTRS and isinstance(cond, bool):
            test = _Equals(cond)
            used[attr] = _FLAG_ATTRS[attr]
        else:
            return None  # an operator ("OP"), another attribute, an extension
        if test is None:
            return None
        tests.append((attr, test))
    return tests


def _string_test(cond: Any) -> Test | None:
    if isinstance(cond, str):
        return _Equals(cond)
    if isinstance(cond, dict) and len(cond) == 1:
        ((op, arg),) = cond.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            members = frozenset(arg)
            return (lambda v: v in members) if op == "IN" else (lambda v: v not in members)
        if op == "REGEX" and isinstance(arg, str):
            regex = re.compile(arg)
            return lambda v: bool(regex.search(v))
    return None


@Language.factory("memo_lemmatizer")
def make_memo_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    return MemoLemmatizer()


class MemoLemmatizer:
    """The model's own lemmatizer, memoised on (form, POS, morphology) (see the module docstring)."""

    def __init__(self) -> None:
        self.lemmatizer: Any = None
        self.memo: dict[tuple[int, int, int], int] = {}

    def wrap(self, lemmatizer: Any) -> bool:
        """Run ``lemmatizer`` (spaCy's component, loaded) through this memo; False if it is not one."""
        if not (hasattr(lemmatizer, "lemmatize") and hasattr(lemmatizer, "overwrite")):
            return False
        lookups = getattr(lemmatizer, "lookups", None)
        if lookups is not None and lookups.has_table("lemma_index"):
            index = lookups.get_table("lemma_index")
            for key in list(index.keys()):
                if isinstance(index[key], list):
                    index[key] = frozenset(index[key])  # only ever used for "in"
        self.lemmatizer = lemmatizer
        return True

    def __call__(self, doc: Doc) -> Doc:
        lemmatize = self.lemmatizer.lemmatize
        overwrite = self.lemmatizer.overwrite
        strings = doc.vocab.strings
        memo = self.memo
        if len(memo) > MAX_MEMO:
            memo.clear()
        for token in doc:
            if overwrite or token.lemma == 0:
                key = (token.orth, token.pos, token.morph.key)
                lemma = memo.get(key)
                if lemma is None:
                    lemma = memo[key] = strings.add(lemmatize(token)[0])
                token.lemma = lemma
        return doc


def speed_up(nlp: Language) -> list[str]:
    """Put the stand-ins in front of the model's components where they apply; returns those replaced."""
    done = []
    for name, factory, stand_in in (
        ("attribute_ruler", "fast_attribute_ruler", FastAttributeRuler),
        ("lemmatizer", "memo_lemmatizer", MemoLemmatizer),
    ):
        if name not in nlp.pipe_names:
            continue
        original = nlp.get_pipe(name)
        if isinstance(original, stand_in):
            continue
        if name == "lemmatizer" and hasattr(original, "lemmatize"):
            original(nlp.make_doc(""))  # spaCy checks its lookup tables on the first call
        probe = stand_in()
        if not probe.wrap(original):
            continue
        nlp.replace_pipe(name, factory)
        nlp.get_pipe(name).wrap(original)
        done.append(name)
    return done
