"""Review state: decisions, undo, conflicts, edit validation and export of reviewed claims.

Why this shape: the ``decisions`` table is append-only, so the state of a claim is *derived*, never
stored. Every accept/reject/edit is a row; an undo is a row pointing at the row it cancels
(``undoes``). The current decision of a claim is its latest accept/reject/edit row that no undo
row points at. Nothing is overwritten, so two reviewers writing at once lose nothing and the
history says who decided what, when.

Pending means *no current decision by anyone*: two reviewers on one database split the queue
instead of doing the work twice. The queue is re-read before each claim is shown, so a claim
another reviewer decided meanwhile is passed over. Two reviewers who decide the same claim at
the same moment (or one re-reviewing with ``--status all``) both keep their rows; if the outcomes
differ, :func:`conflicts` lists the claim.

Edits are applied one field at a time (``speaker.name = Lloyd Austin``) or as a whole claim
JSON, and validated by the pydantic :class:`~extractor.models.Claim` plus a check that every span
still matches the article text, so a bad value raises :class:`EditError` and the caller can ask
again. Library code: never prints or exits.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from extractor.formats import claim_to_prodigy, claims_to_ann
from extractor.models import Claim, Span
from extractor.store import Decision, Store, StoredArticle

STATUSES = ("pending", "accepted", "rejected", "edited")
STATUS_OF = {"accept": "accepted", "reject": "rejected", "edit": "edited"}
EXPORT_STATUSES = ("accepted", "rejected", "edited", "pending", "reviewed", "all")
EXPORT_FORMATS = ("jsonl", "prodigy", "brat", "annotations")


class EditError(ValueError):
    """An edit the claim schema or the article text does not allow; the message says why."""


class ExportError(ValueError):
    """An export that cannot be written as asked (e.g. it would overwrite hand annotations)."""


# --------------------------------------------------------------------------- claim state


def current_decision(rows: Iterable[Decision]) -> Decision | None:
    """The latest accept/reject/edit row no undo row cancels (rows oldest first)."""
    rows = list(rows)
    undone = {d.undoes for d in rows if d.decision == "undo"}
    for d in reversed(rows):
        if d.decision != "undo" and d.id not in undone:
            return d
    return None


@dataclass
class ClaimState:
    """A claim as extracted, its current decision and each reviewer's own current decision."""

    claim: Claim
    decision: Decision | None = None
    by_reviewer: dict[str, Decision] = field(default_factory=dict)

    @property
    def claim_id(self) -> str:
        return self.claim.claim_id or ""

    @property
    def status(self) -> str:
        return "pending" if self.decision is None else STATUS_OF[self.decision.decision]

    @property
    def effective(self) -> Claim:
        """The claim as reviewed: an edited (or accepted edited) version replaces the extracted one."""
        return effective_claim(self.claim, self.decision)


def effective_claim(claim: Claim, decision: Decision | None) -> Claim:
    if decision is not None and decision.claim is not None:
        return decision.claim
    return claim


def _state(claim: Claim, rows: list[Decision]) -> ClaimState:
    per: dict[str, list[Decision]] = {}
    for d in rows:
        per.setdefault(d.reviewer, []).append(d)
    # an undo cancels a row of its own reviewer, so per-reviewer state needs that reviewer's rows only
    by_reviewer = {r: cur for r, ds in per.items() if (cur := current_decision(ds)) is not None}
    return ClaimState(claim=claim, decision=current_decision(rows), by_reviewer=by_reviewer)


def claim_states(store: Store, article_id: str | None = None) -> list[ClaimState]:
    """Every stored claim (article and position order) with its review state."""
    rows: dict[str, list[Decision]] = {}
    for d in store.decisions():
        rows.setdefault(d.claim_id, []).append(d)
    return [_state(c, rows.get(c.claim_id or "", [])) for c in store.iter_claims(article_id)]


def claim_state(store: Store, claim_id: str) -> ClaimState | None:
    """One claim's state read fresh from the database (None when the claim is gone)."""
    claim = store.get_claim(claim_id)
    return None if claim is None else _state(claim, store.decisions(claim_id))


# --------------------------------------------------------------------------- decisions


def record(store: Store, state: ClaimState, reviewer: str, decision: str, claim: Claim | None = None) -> int:
    """Append one decision; the claim shown is stored with it when it differs from the extracted one.

    Why store it on accept too: accepting an edited version must keep the edit, or the latest
    decision (an accept with no claim) would silently bring the extracted values back.
    """
    if decision not in STATUS_OF:
        raise ValueError(f"decision must be one of {', '.join(STATUS_OF)}")
    if decision == "edit" and claim is None:
        raise ValueError("an edit needs the edited claim")
    if decision == "reject":
        claim = None
    elif claim is not None and _same(claim, state.claim):
        claim = None if decision == "accept" else claim
    return store.add_decision(state.claim_id, reviewer, decision, claim)


def undo_last(store: Store, reviewer: str) -> Decision | None:
    """Cancel ``reviewer``'s latest live decision with an undo row; returns the cancelled row.

    One IMMEDIATE transaction, so finding the row and cancelling it cannot interleave with
    another writer. Decisions on claims that no longer exist (orphans) are left alone.
    """
    with store.transaction() as conn:
        live = {r[0] for r in conn.execute("SELECT claim_id FROM claims")}
        rows = store.decisions(reviewer=reviewer)
        undone = {d.undoes for d in rows if d.decision == "undo"}
        for d in reversed(rows):
            if d.decision != "undo" and d.id not in undone and d.claim_id in live:
                store.add_decision(d.claim_id, reviewer, "undo", undoes=d.id)
                return d
    return None


def _same(a: Claim, b: Claim) -> bool:
    return a.model_dump(mode="json") == b.model_dump(mode="json")


# --------------------------------------------------------------------------- the review walk


class ReviewSession:
    """Which claim to show next, for one reviewer: the queue is fixed at start, states are not.

    ``status="pending"`` shows claims nobody has decided (re-read before each one);
    ``"all"`` shows every claim in the selection. Skipped claims come back in the next session.
    After an undo the undone claim is shown again whatever the status filter says.
    """

    def __init__(
        self,
        store: Store,
        reviewer: str,
        article_id: str | None = None,
        status: str = "pending",
        min_confidence: float | None = None,
    ):
        if status not in ("pending", "all"):
            raise ValueError("status must be 'pending' or 'all'")
        self.store, self.reviewer, self.status = store, reviewer, status
        self.queue = [
            c.claim_id
            for c in store.iter_claims(article_id)
            if c.claim_id and (min_confidence is None or (c.confidence or 0.0) >= min_confidence)
        ]
        self.pos = 0
        self.skipped: set[str] = set()
        self.revisit: str | None = None
        self.decided = 0
        self._articles: dict[str, StoredArticle] = {}

    def current(self) -> ClaimState | None:
        """The claim to show now, or None when the selection is done."""
        if self.revisit is not None:
            state = claim_state(self.store, self.revisit)
            if state is not None:
                return state
            self.revisit = None
        while self.pos < len(self.queue):
            cid = self.queue[self.pos]
            if cid not in self.skipped:
                state = claim_state(self.store, cid)
                if state is not None and (self.status == "all" or state.decision is None):
                    return state
            self.pos += 1
        return None

    def position(self, state: ClaimState) -> tuple[int, int]:
        """1-based place of the claim in the queue and the queue's length (for the header)."""
        i = self.queue.index(state.claim_id) + 1 if state.claim_id in self.queue else 0
        return i, len(self.queue)

    def remaining(self) -> int:
        """Claims in the selection with no current decision (skipped ones included)."""
        return sum(1 for cid in self.queue if (s := claim_state(self.store, cid)) and s.decision is None)

    def article(self, article_id: str) -> StoredArticle | None:
        if article_id not in self._articles:
            art = self.store.get_article(article_id)
            if art is None:
                return None
            self._articles[article_id] = art
        return self._articles[article_id]

    def decide(self, state: ClaimState, decision: str, claim: Claim | None = None) -> int:
        """Record a decision on the shown claim and move on."""
        row = record(self.store, state, self.reviewer, decision, claim)
        self.decided += 1
        self._advance(state)
        return row

    def skip(self, state: ClaimState) -> None:
        self.skipped.add(state.claim_id)
        self._advance(state)

    def undo(self) -> Decision | None:
        """Undo this reviewer's last decision (from any session) and show that claim next."""
        undone = undo_last(self.store, self.reviewer)
        if undone is not None:
            # show it again now, then go on after it (or where we were, if that comes first)
            self.skipped.discard(undone.claim_id)
            self.revisit = undone.claim_id
            if undone.claim_id in self.queue:
                self.pos = min(self.pos, self.queue.index(undone.claim_id) + 1)
        return undone

    def _advance(self, state: ClaimState) -> None:
        if self.revisit == state.claim_id:
            self.revisit = None
        elif self.pos < len(self.queue) and self.queue[self.pos] == state.claim_id:
            self.pos += 1


# --------------------------------------------------------------------------- conflicts


@dataclass
class Conflict:
    """A claim whose reviewers' current decisions disagree (outcome or edited values)."""

    state: ClaimState

    @property
    def decisions(self) -> list[Decision]:
        return sorted(self.state.by_reviewer.values(), key=lambda d: d.id)


def _outcome(state: ClaimState, d: Decision) -> str:
    if d.decision == "reject":
        return "reject"
    return "keep:" + json.dumps(effective_claim(state.claim, d).model_dump(mode="json"), sort_keys=True)


def conflicts(store: Store, article_id: str | None = None) -> list[Conflict]:
    """Claims decided differently by two or more reviewers (accept vs reject, or different edits)."""
    out = []
    for state in claim_states(store, article_id):
        outcomes = {_outcome(state, d) for d in state.by_reviewer.values()}
        if len(outcomes) > 1:
            out.append(Conflict(state))
    return out


# --------------------------------------------------------------------------- edits

_SPAN_KEYS = {"sentence", "content", "cue", "mention"}
_PARTY_LISTS = {("contact", "initiator"), ("contact", "counterpart"), ("attribution", "via")}
_NONE = {"none", "null", "-"}
_PATH_PART = re.compile(r"([A-Za-z_]\w*)((?:\[\d+\])*)$")
_OFFSETS = re.compile(r"^\s*(\d+)\s*:\s*(\d+)\s*$")
EDIT_HELP = (
    "FIELD = VALUE sets a field: speaker.name = Lloyd Austin, date.value = 2022-05-13, "
    "contact.status = refused, speaker.kind = person.\n"
    "Spans (sentence, content, cue, *.mention, date, speaker, a party) take the text as it appears "
    "in the sentence, or START:END offsets into the article.\n"
    "Party lists (contact.initiator, contact.counterpart, attribution.via) take mentions separated by ';'; "
    "FIELD += VALUE adds one. 'none' clears a field."
)


def parse_path(path: str) -> list[str | int]:
    """``contact.initiator[0].name`` -> ``["contact", "initiator", 0, "name"]``."""
    out: list[str | int] = []
    for part in path.strip().split("."):
        m = _PATH_PART.match(part.strip())
        if not m:
            raise EditError(f"{path!r} is not a field path (like speaker.name or contact.initiator[0].kind)")
        out.append(m.group(1))
        out += [int(i) for i in re.findall(r"\d+", m.group(2))]
    return out


def find_span(text: str, claim: Claim, spec: str) -> Span:
    """A span from ``START:END`` or from text found in the claim's sentence (else anywhere in the article)."""
    m = _OFFSETS.match(spec)
    if m:
        start, end = int(m.group(1)), int(m.group(2))
        if end < start or end > len(text):
            raise EditError(f"offsets {start}:{end} are not inside the article (0:{len(text)})")
        return Span.of(text, start, end)
    needle = spec.strip()
    if not needle:
        raise EditError("empty span text")
    s = claim.sentence
    i = text.find(needle, s.start, s.end)
    if i < 0:
        i = text.find(needle)
    if i < 0:
        raise EditError(f"{needle!r} does not occur in the article")
    return Span.of(text, i, i + len(needle))


def _party(text: str, claim: Claim, spec: str, old: dict | None = None) -> dict:
    span = find_span(text, claim, spec)
    party = {"kind": "unknown", "role": None, **(old or {})}
    party.update(name=" ".join(span.text.split()), mention=span.model_dump())
    return party


def _value_for(path: list[str | int], value: str, text: str, claim: Claim, old: Any) -> Any:
    """Turn the typed string into what the field holds (spans and parties are looked up in the text)."""
    raw = value.strip()
    if raw.lower() in _NONE or raw == "":
        return [] if tuple(path[-2:]) in _PARTY_LISTS or tuple(path) in _PARTY_LISTS else None
    if raw[:1] in "{[":
        try:
            return json.loads(raw)
        except json.JSONDecodeError as exc:
            raise EditError(f"invalid JSON: {exc.msg}") from None
    key = path[-1]
    names = [p for p in path if isinstance(p, str)]
    if tuple(path) in _PARTY_LISTS:
        return [_party(text, claim, part) for part in raw.split(";") if part.strip()]
    if key in _SPAN_KEYS:
        return find_span(text, claim, raw).model_dump()
    if path == ["date"]:
        span = find_span(text, claim, raw)
        keep = old if isinstance(old, dict) else {}
        return {**keep, "text": span.text, "start": span.start, "end": span.end}
    if path == ["speaker"] or (isinstance(key, int) and tuple(names[-2:]) in _PARTY_LISTS):
        return _party(text, claim, raw, old if isinstance(old, dict) else None)
    return raw


def _get(data: Any, key: str | int) -> Any:
    if isinstance(key, int):
        return data[key] if isinstance(data, list) and -len(data) <= key < len(data) else KeyError
    return data.get(key, KeyError) if isinstance(data, dict) else KeyError


def apply_edit(claim: Claim, text: str, path: str, value: str, append: bool = False) -> Claim:
    """The claim with one field set (``append`` adds to a party list); EditError when invalid.

    A missing object on the way (``contact`` when there is none) is created empty so that
    ``contact.status = held`` works on a claim without a contact; pydantic then says what else
    the new object needs.
    """
    keys = parse_path(path)
    if keys[0] in ("article_id", "claim_id"):
        raise EditError(f"{keys[0]} identifies the claim and cannot be edited")
    data = claim.model_dump(mode="json")
    node: Any = data
    for i, key in enumerate(keys[:-1]):
        nxt = _get(node, key)
        if nxt is None and keys[: i + 1] == ["date"]:
            raise EditError("the claim has no date: set its text first (date = May 13, or START:END)")
        if nxt is None and isinstance(keys[i + 1], str):
            nxt = {}
            node[key] = nxt
        if nxt is KeyError or not isinstance(nxt, (dict, list)):
            where = _path_str(keys[: i + 1])
            raise EditError(f"{where} is {'missing' if nxt is KeyError else 'not an object'}")
        node = nxt
    last = keys[-1]
    old = _get(node, last)
    if isinstance(node, list) and old is KeyError:
        raise EditError(f"{path}: no item {last} (the list has {len(node)})")
    if isinstance(node, dict) and old is KeyError and isinstance(last, str):
        known = _known_keys(keys)
        if known is not None and last not in known:
            raise EditError(f"{path}: unknown field {last!r} (one of {', '.join(sorted(known))})")
    new = _value_for(keys, value, text, claim, None if old is KeyError else old)
    if append:
        if not isinstance(old, list):
            raise EditError(f"{path} is not a list: use = instead of +=")
        new = old + (new if isinstance(new, list) else [new])
    if new is None and isinstance(node, list):
        del node[last]  # "contact.initiator[1] = none" removes that party
    else:
        node[last] = new
    return validate_claim(data, text)


def _path_str(keys: list[str | int]) -> str:
    return "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in keys).lstrip(".")


def _known_keys(keys: list[str | int]) -> set[str] | None:
    """Field names of the model a path ends in, so a typo is refused instead of kept as an extra."""
    from extractor import models

    model: Any = models.Claim
    for key in keys[:-1]:
        if isinstance(key, int):
            continue
        info = model.model_fields.get(key)
        if info is None:
            return None
        found = None
        for arg in _type_args(info.annotation):
            if isinstance(arg, type) and issubclass(arg, models.BaseModel):
                found = arg
        if found is None:
            return None
        model = found
    return set(model.model_fields)


def _type_args(tp: Any) -> Iterator[Any]:
    yield tp
    for arg in getattr(tp, "__args__", ()) or ():
        yield from _type_args(arg)


def validate_claim(data: dict | Claim, text: str) -> Claim:
    """A valid Claim whose every span matches the article text, or EditError naming the problem."""
    try:
        claim = data if isinstance(data, Claim) else Claim.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(x) for x in first["loc"]) or "claim"
        got = first.get("input")
        shown = f" (got {got!r})" if isinstance(got, (str, int, float)) else ""
        raise EditError(f"{loc}: {first['msg']}{shown}") from None
    for label, span in claim.spans():
        if span.end > len(text):
            raise EditError(f"{label}: {span.start}:{span.end} is beyond the article's end ({len(text)})")
        if not span.matches(text):
            raise EditError(
                f"{label}: text {span.text!r} is not what the article holds at {span.start}:{span.end} "
                f"({text[span.start:span.end]!r})"
            )
    return claim


def apply_edit_line(claim: Claim, text: str, line: str) -> Claim:
    """``FIELD = VALUE`` or ``FIELD += VALUE`` applied to the claim (EditError when invalid)."""
    m = re.match(r"^\s*([^=+]+?)\s*(\+?=)\s*(.*)$", line, re.S)
    if not m:
        raise EditError("type FIELD = VALUE (for example: contact.status = refused)")
    return apply_edit(claim, text, m.group(1), m.group(3), append=m.group(2) == "+=")


def claim_from_json(source: str, text: str, original: Claim) -> Claim:
    """A whole claim edited as JSON; its article and id cannot change."""
    try:
        data = json.loads(source)
    except json.JSONDecodeError as exc:
        raise EditError(f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    if not isinstance(data, dict):
        raise EditError("the claim must be a JSON object")
    data["article_id"], data["claim_id"] = original.article_id, original.claim_id
    return validate_claim(data, text)


def editable_fields(claim: Claim) -> list[tuple[str, str]]:
    """``(path, shown value)`` for every field a reviewer can set, in reading order."""
    out: list[tuple[str, str]] = []

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict) and {"text", "start", "end"} <= value.keys() and "value" not in value:
            out.append((prefix, f"{value['text']!r} [{value['start']}:{value['end']}]"))
        elif isinstance(value, dict) and "text" in value and "value" in value:  # a date
            out.append((prefix, f"{value['text']!r} [{value['start']}:{value['end']}]"))
            for k in ("value", "end_value", "resolved"):
                out.append((f"{prefix}.{k}", json.dumps(value.get(k))))
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(f"{prefix}.{k}" if prefix else k, v)
        elif isinstance(value, list):
            if not value:
                out.append((prefix, "[]"))
            for i, v in enumerate(value):
                walk(f"{prefix}[{i}]", v)
        else:
            out.append((prefix, "none" if value is None else str(value)))

    data = claim.model_dump(mode="json")
    for key in ("article_id", "claim_id"):
        data.pop(key, None)
    walk("", data)
    return out


# --------------------------------------------------------------------------- export


def select(states: Iterable[ClaimState], status: str) -> list[ClaimState]:
    """Claims of an export status: ``accepted`` means kept (accepted or edited); ``reviewed`` any decision."""
    if status not in EXPORT_STATUSES:
        raise ValueError(f"status must be one of {', '.join(EXPORT_STATUSES)}")
    keep = {
        "accepted": {"accepted", "edited"},
        "edited": {"edited"},
        "rejected": {"rejected"},
        "pending": {"pending"},
        "reviewed": {"accepted", "edited", "rejected"},
        "all": set(STATUSES),
    }[status]
    return [s for s in states if s.status in keep]


def review_meta(state: ClaimState) -> dict[str, Any]:
    d = state.decision
    return {
        "status": state.status,
        "reviewer": d.reviewer if d else None,
        "decided_at": d.created_at if d else None,
        "decision_id": d.id if d else None,
    }


def jsonl_records(states: Iterable[ClaimState]) -> Iterator[dict]:
    """Reviewed claims as claim records (edited values in place) with a ``review`` extra key."""
    for s in states:
        yield {**s.effective.model_dump(mode="json"), "review": review_meta(s)}


def prodigy_records(store: Store, states: Iterable[ClaimState]) -> Iterator[dict]:
    """Prodigy tasks: ``answer`` accept (accepted/edited) or reject; pending tasks have no answer."""
    texts: dict[str, str] = {}
    for s in states:
        if s.claim.article_id not in texts:
            art = store.get_article(s.claim.article_id)
            texts[s.claim.article_id] = art.text if art else ""
        task = claim_to_prodigy(texts[s.claim.article_id], s.effective)
        if s.status == "pending":
            task.pop("answer", None)
        else:
            task["answer"] = "reject" if s.status == "rejected" else "accept"
        task["meta"].update({k: v for k, v in review_meta(s).items() if k != "status"}, status=s.status)
        yield task


def write_brat(store: Store, states: Iterable[ClaimState], folder: Path) -> list[Path]:
    """``<article>.txt`` (the text as read, offsets intact) and ``<article>.ann`` per article."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for article_id, group in _by_article(states).items():
        art = store.get_article(article_id)
        if art is None:
            continue
        txt, ann = folder / f"{article_id}.txt", folder / f"{article_id}.ann"
        with open(txt, "w", encoding="utf-8", newline="") as f:
            f.write(art.text)
        with open(ann, "w", encoding="utf-8", newline="") as f:
            f.write(claims_to_ann(art.text, [s.effective for s in group], extended=True))
        written += [txt, ann]
    return written


def annotation_record(article: StoredArticle, states: Iterable[ClaimState]) -> dict:
    """A hand annotation file's content from kept claims (confidence dropped: gold has none)."""
    claims = []
    for s in states:
        data = s.effective.model_dump(mode="json")
        data.pop("confidence", None)
        claims.append(data)
    return {
        "article_id": article.id,
        "published": article.published.isoformat() if article.published else None,
        "claims": claims,
    }


def write_annotations(
    store: Store, states: Iterable[ClaimState], folder: Path, force: bool = False
) -> list[Path]:
    """``<folder>/<article_id>.json`` for each article with kept claims.

    Why refuse to overwrite: these files are the gold that scoring trusts; replacing a hand
    annotation by the extractor's reviewed output must be asked for (``force``).
    """
    states = list(states)
    if any(s.status not in ("accepted", "edited") for s in states):
        raise ExportError("annotations hold accepted and edited claims only (use --status accepted)")
    groups = _by_article(states)
    targets = {aid: folder / f"{aid}.json" for aid in groups}
    existing = [p for p in targets.values() if p.exists()]
    if existing and not force:
        raise ExportError(
            f"would overwrite {len(existing)} annotation file(s) ({', '.join(str(p) for p in existing[:3])}"
            f"{', ...' if len(existing) > 3 else ''}); pass --force to replace them"
        )
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for aid, group in groups.items():
        art = store.get_article(aid)
        if art is None:
            continue
        with open(targets[aid], "w", encoding="utf-8") as f:
            json.dump(annotation_record(art, group), f, ensure_ascii=False, indent=1)
            f.write("\n")
        written.append(targets[aid])
    return written


def _by_article(states: Iterable[ClaimState]) -> dict[str, list[ClaimState]]:
    out: dict[str, list[ClaimState]] = {}
    for s in states:
        out.setdefault(s.claim.article_id, []).append(s)
    return out


@dataclass
class ExportResult:
    claims: int
    files: list[Path] = field(default_factory=list)
    pending_in: dict[str, int] = field(default_factory=dict)


def export(
    store: Store,
    fmt: str,
    status: str = "accepted",
    out: TextIO | Path | None = None,
    article_id: str | None = None,
    force: bool = False,
) -> ExportResult:
    """Write reviewed claims: JSONL/Prodigy to a stream or file, brat/annotations to a folder.

    ``pending_in`` counts claims still pending per exported article: an annotation file written
    from a half-reviewed article is incomplete gold, and the caller should say so.
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"format must be one of {', '.join(EXPORT_FORMATS)}")
    states = claim_states(store, article_id)
    chosen = select(states, status)
    pending: dict[str, int] = {}
    exported = {s.claim.article_id for s in chosen}
    for s in states:
        if s.status == "pending" and s.claim.article_id in exported:
            pending[s.claim.article_id] = pending.get(s.claim.article_id, 0) + 1
    result = ExportResult(claims=len(chosen), pending_in=pending)
    if fmt in ("brat", "annotations"):
        if out is None or not isinstance(out, Path):
            raise ExportError(f"--format {fmt} writes a folder: give one with -o")
        if out.exists() and not out.is_dir():
            raise ExportError(f"{out} is not a folder")
        if fmt == "brat":
            result.files = write_brat(store, chosen, out)
        else:
            result.files = write_annotations(store, chosen, out, force)
        return result
    records = jsonl_records(chosen) if fmt == "jsonl" else prodigy_records(store, chosen)
    if isinstance(out, Path):
        with open(out, "w", encoding="utf-8") as f:
            _write_lines(f, records)
        result.files = [out]
    elif out is not None:
        _write_lines(out, records)
    return result


def _write_lines(f: TextIO, records: Iterable[dict]) -> None:
    for rec in records:
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
