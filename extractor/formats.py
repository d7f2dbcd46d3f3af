"""Import and export of claims: brat standoff, Prodigy-style JSONL, attribution JSONL, claim JSONL.

Why here: scoring, the benchmark and review tools all need the same readers and writers, and
each format has one subtle rule that must be decided once:

- brat (PolNeAR layout): a ``T`` line's text may continue on following lines, spans may be
  discontinuous (``0 5;16 23``), ``Content2`` is merged into content, and events with neither
  cue nor content are dropped -- exactly the choices of ``shared/tools/polnear_convert.py``, so
  gold read here equals the reference converter's output.
- A discontinuous span becomes one :class:`~extractor.models.Span` covering all its pieces
  (so ``raw[start:end] == text`` still holds) with the pieces kept in the extra key
  ``fragments`` (``[[s, e], ...]``); every writer here exports the pieces, not the cover.
- Attribution JSONL (what ``attrib_score.py`` reads) holds one record per article,
  ``{"id", "attributions": [{"source", "cue", "content"}]}`` with ``[[s, e], ...]`` spans and the
  speaker's mention as source. A claim is an attribution when it has a cue or a speaker: claims
  the article asserts itself are not attributions in PolNeAR's sense.

Offsets always index the text as read with ``open(p, encoding="utf-8", newline="")``.
Library code: raises :class:`~extractor.errors.InputError`, never prints.
"""

from __future__ import annotations

import bisect
import csv
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from extractor.errors import InputError
from extractor.models import Claim, Contact, DateRef, Party, Span

Frag = tuple[int, int]
FragList = list[list[int]]

# --------------------------------------------------------------------------- text and spans


def read_text(path: str | Path) -> str:
    """Read an article exactly as the extractor does: no newline translation, BOM kept."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def span_frags(span: Span | None) -> list[Frag]:
    """The pieces of a span: its ``fragments`` extra when discontinuous, else ``[(start, end)]``."""
    if span is None:
        return []
    extra = (span.model_extra or {}).get("fragments")
    if extra:
        return [(int(s), int(e)) for s, e in extra]
    return [(span.start, span.end)]


def cue_frags(span: Span | None) -> list[Frag]:
    """A cue as PolNeAR/PARC draw it: the whole verb group ('also said') that a claim keeps in ``group``
    beside the reporting word ('said')."""
    group = (span.model_extra or {}).get("group") if span is not None else None
    if group:
        return [(int(group[0]), int(group[1]))]
    return span_frags(span)


def content_frags(span: Span | None) -> list[Frag]:
    """A content as PolNeAR/PARC draw it: with the part before an interrupting source and cue that a
    claim keeps in ``lead`` ('Around 50 gallons of diesel fuel, officials said, spilled and ignited')."""
    lead = (span.model_extra or {}).get("lead") if span is not None else None
    return ([(int(lead[0]), int(lead[1]))] if lead else []) + span_frags(span)


def make_span(text: str, frags: Sequence[Sequence[int]]) -> Span | None:
    """One Span covering ``frags`` of ``text``; the pieces go to ``fragments`` when there are several."""
    pieces = sorted((int(s), int(e)) for s, e in frags)
    if not pieces:
        return None
    start, end = pieces[0][0], max(e for _, e in pieces)
    span = Span.of(text, start, end)
    if len(pieces) > 1:
        span = Span(text=span.text, start=start, end=end, fragments=[list(p) for p in pieces])
    return span


def fragment_text(text: str, frags: Iterable[Frag]) -> str:
    """The pieces' text joined by one space, as brat writes a discontinuous span."""
    return " ".join(text[s:e] for s, e in frags)


_ABBREV = re.compile(
    r"(?:\b[A-Z]|\b(?:[A-Z]\.)+[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|St|Jr|Sr|Inc|Co|"
    r"Corp|Ltd|No|vs|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Rev|Prof|Ave|Mt|Ft))\.$"
)
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+")


def sentence_bounds(text: str) -> list[Frag]:
    """Split text into rough sentences without a model (newlines and end punctuation).

    Why: gold read from brat has no sentence, but claim matching needs evidence spans; a
    regex is enough because the evidence only has to overlap the prediction's sentence.
    """
    out: list[Frag] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group().startswith((".", "!", "?")):
            cut = m.start() + len(m.group().rstrip())
            if _ABBREV.search(text[max(0, m.start() - 12) : m.start() + 1]):
                continue
        else:
            cut = m.start()
        if cut > start and text[start:cut].strip():
            out.append((start, cut))
        start = m.end()
    if start < len(text) and text[start:].strip():
        out.append((start, len(text)))
    return out


def sentence_around(text: str, frags: Sequence[Frag], bounds: list[Frag] | None = None) -> Frag:
    """The run of sentences covering every piece in ``frags`` (the claim's evidence)."""
    bounds = bounds if bounds is not None else sentence_bounds(text)
    lo, hi = min(s for s, _ in frags), max(e for _, e in frags)
    starts = [s for s, _ in bounds]
    i = max(0, bisect.bisect_right(starts, lo) - 1)
    j = max(0, bisect.bisect_right(starts, max(lo, hi - 1)) - 1)
    if not bounds:
        return lo, hi
    return min(lo, bounds[i][0]), max(hi, bounds[j][1])


# --------------------------------------------------------------------------- claim JSONL


def claim_from_dict(data: Mapping[str, Any], where: str = "claim") -> Claim:
    """Validate one claim record, naming where it came from in the error."""
    try:
        return Claim.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(x) for x in first["loc"])
        raise InputError(where, f"invalid claim: {loc}: {first['msg']}") from exc


def read_claims_jsonl(path: str | Path) -> list[Claim]:
    """Claims as the extractor emits them: one JSON object per line, blank lines skipped."""
    out: list[Claim] = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}", f"invalid JSON: {exc.msg}") from exc
            out.append(claim_from_dict(data, f"{path}:{n}"))
    return out


def claims_to_jsonl(claims: Iterable[Claim]) -> str:
    """Claim JSONL text (the ingest output format), one claim per line."""
    return "".join(c.model_dump_json(exclude_none=False) + "\n" for c in claims)


def group_by_article(claims: Iterable[Claim]) -> dict[str, list[Claim]]:
    """Claims keyed by article id, in input order."""
    out: dict[str, list[Claim]] = {}
    for c in claims:
        out.setdefault(c.article_id, []).append(c)
    return out


# --------------------------------------------------------------------------- attribution JSONL


def is_attribution(claim: Claim) -> bool:
    """An attribution needs someone or some cue doing the attributing (see module docstring)."""
    return claim.cue is not None or claim.speaker is not None


def claim_to_attribution(claim: Claim, parc_cues: bool = True) -> dict[str, FragList]:
    """``{source, cue, content}`` as ``[[s, e], ...]``; the speaker's mention is the source. ``parc_cues``:
    the cue as PolNeAR/PARC draw it (the verb group), else the claim's reporting word. A resumed part of a
    quotation is its own attribution here (``claims_to_attrib_record`` joins it to its cue's)."""
    speaker = claim.speaker.mention if claim.speaker is not None else None
    return {
        "source": [list(f) for f in span_frags(speaker)],
        "cue": [list(f) for f in (cue_frags if parc_cues else span_frags)(claim.cue)],
        "content": [list(f) for f in (content_frags if parc_cues else span_frags)(claim.content)],
    }


def is_nested(claim: Claim) -> bool:
    """An attribution inside a quotation or another attribution's content (the extractor flags it)."""
    return bool((claim.model_extra or {}).get("nested"))


def claims_to_attrib_record(
    article_id: str, claims: Iterable[Claim], text: str | None = None, outermost_only: bool = False,
    parc: bool = True,
) -> dict:
    """One attrib_score.py record for an article (``text`` added when given, as gold needs it).

    ``outermost_only`` follows PolNeAR/PARC, which annotate no attribution nested in another's content;
    ``parc`` their other conventions (off when the gold is our own annotations, which follow the
    guidelines): a cue is the whole verb group, and a quotation resumed after the cue ('"A," said Brown.
    "B."'), two claims here, is one attribution whose content has both parts.
    """
    rec: dict[str, Any] = {"id": article_id}
    if text is not None:
        rec["text"] = text
    out: list[dict[str, FragList]] = []
    by_cue: dict[tuple[int, int], dict[str, FragList]] = {}
    for c in claims:
        if not is_attribution(c) or (outermost_only and is_nested(c)):
            continue
        resumes = (c.model_extra or {}).get("resumes") if parc else None
        if resumes:
            host = by_cue.get((int(resumes[0]), int(resumes[1])))
            if host is not None:
                host["content"] += [list(f) for f in span_frags(c.content)]
            continue
        att = claim_to_attribution(c, parc)
        out.append(att)
        if parc and len(att["cue"]) == 1:
            by_cue.setdefault((att["cue"][0][0], att["cue"][0][1]), att)
    rec["attributions"] = out
    return rec


def read_attrib_jsonl(path: str | Path) -> dict[str, dict]:
    """Attribution JSONL keyed by id (later lines win, as attrib_score.py's loader does)."""
    out: dict[str, dict] = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}", f"invalid JSON: {exc.msg}") from exc
            if not isinstance(rec, dict) or "id" not in rec or "attributions" not in rec:
                raise InputError(f"{path}:{n}", "not an attribution record (needs 'id' and 'attributions')")
            out[rec["id"]] = rec
    return out


def write_jsonl(path: str | Path, records: Iterable[Mapping[str, Any]]) -> int:
    """Write dicts one per line (UTF-8, non-ASCII kept); returns how many."""
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def jsonl_kind(path: str | Path) -> str:
    """``"attribution"`` or ``"claim"``: which of the two JSONL formats a file holds (first record)."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(str(path), f"invalid JSON: {exc.msg}") from exc
                return "attribution" if isinstance(rec, dict) and "attributions" in rec else "claim"
    return "claim"


# --------------------------------------------------------------------------- brat standoff

_T_LINE = re.compile(r"(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)", re.S)
_E_LINE = re.compile(r"E\d+\t")
_OTHER_LINE = re.compile(r"[#RAMN*]\d*\t")
BRAT_ROLE = {"Source": "source", "Cue": "cue", "Content": "content", "Content2": "content"}
_EXTENDED_ROLE = {
    "Date": "date",
    "Initiator": "initiator",
    "Counterpart": "counterpart",
    "ContactCue": "contact_cue",
}
_ANNOTATOR_SUFFIX = re.compile(r"_[0-9a-f]{4}\.ann$")


@dataclass
class BratSpan:
    type: str
    frags: list[list[int]]
    text: str


@dataclass
class BratDoc:
    """A parsed ``.ann``: text-bound spans by id and events as ``[(role, tid), ...]``."""

    spans: dict[str, BratSpan] = field(default_factory=dict)
    events: list[list[tuple[str, str]]] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)


def parse_ann(content: str) -> BratDoc:
    """Parse brat standoff text with polnear_convert.py's rules (continuation lines included)."""
    doc, last = BratDoc(), None
    for line in content.removesuffix("\n").split("\n"):
        m = _T_LINE.fullmatch(line)
        if m:
            frags = [[int(x) for x in fr.split()] for fr in m.group(3).split(";")]
            doc.spans[m.group(1)] = BratSpan(m.group(2), frags, m.group(4))
            last = m.group(1)
        elif _E_LINE.match(line):
            eid, _, args = line.partition("\t")
            doc.events.append([tuple(a.split(":", 1)) for a in args.split()])  # type: ignore[misc]
            doc.event_ids.append(eid)
            last = None
        elif _OTHER_LINE.match(line):
            last = None
        elif last is not None:  # a span text holding a newline continues on the next line
            doc.spans[last].text += "\n" + line
    return doc


def read_ann(path: str | Path) -> BratDoc:
    """Parse one ``.ann`` file (read with ``newline=""`` so ``\\r`` inside span text survives)."""
    return parse_ann(read_text(path))


def brat_attributions(doc: BratDoc) -> list[dict[str, FragList]]:
    """Events as attrib records, polnear_convert.py's choices: Content2 merged, empty events dropped."""
    out = []
    for args in doc.events:
        att: dict[str, FragList] = {"source": [], "cue": [], "content": []}
        for role, tid in args:
            if role in BRAT_ROLE and tid in doc.spans:
                att[BRAT_ROLE[role]].extend(doc.spans[tid].frags)
        if not att["cue"] and not att["content"]:
            continue
        for frags in att.values():
            frags.sort()
        out.append(att)
    return out


def brat_to_claims(article_id: str, text: str, doc: BratDoc) -> list[Claim]:
    """Gold claims from brat events: speaker = Source (name = its text), cue, content.

    The sentence is the run of regex sentences around all the event's spans (brat has none).
    PolNeAR gives no attribution type, date or contact, so those stay null; the extended roles
    this module writes (Date, Initiator, Counterpart, ContactCue) are read back when present.
    """
    bounds = sentence_bounds(text)
    claims = []
    for args in doc.events:
        roles: dict[str, list[list[int]]] = {}
        parties: dict[str, list[Party]] = {"initiator": [], "counterpart": []}
        for role, tid in args:
            span = doc.spans.get(tid)
            if span is None:
                continue
            key = BRAT_ROLE.get(role) or _EXTENDED_ROLE.get(role)
            if key in ("initiator", "counterpart"):
                mention = make_span(text, span.frags)
                if mention is not None:
                    parties[key].append(Party(name=_norm_name(mention.text), mention=mention))
            elif key is not None:
                roles.setdefault(key, []).extend(span.frags)
        if not roles.get("cue") and not roles.get("content"):
            continue
        every = [tuple(f) for frags in roles.values() for f in frags]
        every += [(p.mention.start, p.mention.end) for ps in parties.values() for p in ps if p.mention]
        s, e = sentence_around(text, every, bounds)  # type: ignore[arg-type]
        source = make_span(text, roles.get("source", []))
        date_span = make_span(text, roles.get("date", []))
        contact = None
        if parties["initiator"] or parties["counterpart"] or roles.get("contact_cue"):
            contact = Contact(
                initiator=parties["initiator"],
                counterpart=parties["counterpart"],
                cue=make_span(text, roles.get("contact_cue", [])),
            )
        claims.append(
            Claim(
                article_id=article_id,
                sentence=Span.of(text, s, e),
                content=make_span(text, roles.get("content", [])),
                cue=make_span(text, roles.get("cue", [])),
                speaker=Party(name=_norm_name(source.text), mention=source) if source is not None else None,
                date=DateRef(text=date_span.text, start=date_span.start, end=date_span.end)
                if date_span is not None
                else None,
                contact=contact,
            )
        )
    return claims


def _norm_name(text: str) -> str:
    return " ".join(text.split())


def find_brat_files(ann_dir: str | Path, text_dir: str | Path) -> dict[str, tuple[Path, Path]]:
    """``{article_id: (ann, txt)}``; ``<article>_<annotator>.ann`` maps to ``<article>.txt``.

    Why the rule: PolNeAR has one file per annotator; like polnear_convert.py we keep the first
    by sorted name. A plain ``<article>.ann`` (what :func:`claims_to_ann` users write) wins when
    its text exists, so ids that happen to end in ``_xxxx`` are not mangled.
    """
    ann_dir, text_dir = Path(ann_dir), Path(text_dir)
    if not ann_dir.is_dir():
        raise InputError(str(ann_dir), "not a directory of .ann files")
    out: dict[str, tuple[Path, Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        aid = ann.stem if (text_dir / f"{ann.stem}.txt").exists() else _ANNOTATOR_SUFFIX.sub("", ann.name)
        txt = text_dir / f"{aid}.txt"
        if aid not in out and txt.exists():
            out[aid] = (ann, txt)
    return out


def load_brat_attributions(ann_dir: str | Path, text_dir: str | Path) -> dict[str, dict]:
    """Gold attrib records ``{id: {id, text, attributions}}`` straight from a brat directory."""
    out = {}
    for aid, (ann, txt) in sorted(find_brat_files(ann_dir, text_dir).items()):
        out[aid] = {"id": aid, "text": read_text(txt), "attributions": brat_attributions(read_ann(ann))}
    return out


def load_brat_claims(ann_dir: str | Path, text_dir: str | Path) -> dict[str, list[Claim]]:
    """Gold claims ``{id: [Claim]}`` from a brat directory."""
    return {
        aid: brat_to_claims(aid, read_text(txt), read_ann(ann))
        for aid, (ann, txt) in sorted(find_brat_files(ann_dir, text_dir).items())
    }


def read_metadata(path: str | Path) -> dict[str, dict[str, str]]:
    """PolNeAR ``metadata.tsv`` rows keyed by ``filename`` (publisher, publication_date, title)."""
    with open(path, encoding="utf-8", newline="") as f:
        return {r["filename"]: r for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}


def load_polnear(data_dir: str | Path, split: str = "train", limit: int | None = None) -> list[dict]:
    """One split as polnear_convert.py's records: ``{id, published, publisher, title, text, attributions}``.

    Sorted by id; ``limit`` keeps the first N. Raises InputError when the data is not there.
    """
    data_dir = Path(data_dir)
    ann_dir, text_dir = data_dir / split / "attributions", data_dir / split / "text"
    if not ann_dir.is_dir() or not text_dir.is_dir():
        raise InputError(
            str(data_dir), f"no PolNeAR split {split!r} here (need {split}/attributions, {split}/text)"
        )
    meta_path = data_dir / "metadata.tsv"
    meta = read_metadata(meta_path) if meta_path.exists() else {}
    by_article: dict[str, list[Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        by_article.setdefault(_ANNOTATOR_SUFFIX.sub("", ann.name), []).append(ann)
    out = []
    for aid in sorted(by_article)[: limit if limit is not None and limit >= 0 else None]:
        m = meta.get(aid, {})
        out.append(
            {
                "id": aid,
                "published": m.get("publication_date"),
                "publisher": m.get("publisher"),
                "title": m.get("title"),
                "text": read_text(text_dir / f"{aid}.txt"),
                "attributions": brat_attributions(read_ann(by_article[aid][0])),
            }
        )
    return out


def _brat_frags(frags: Sequence[Frag]) -> str:
    return ";".join(f"{s} {e}" for s, e in frags)


def claims_to_ann(text: str, claims: Iterable[Claim], extended: bool = False) -> str:
    """Claims as PolNeAR-style brat standoff (``T`` Source/Cue/Content/Attribution + one ``E`` each).

    The Attribution trigger is the cue span (the content when there is no cue), as in PolNeAR;
    claims with neither are not attributions in brat and are skipped. ``extended`` also writes
    the date and contact parties as ``Date``/``Initiator``/``Counterpart``/``ContactCue`` event
    arguments (valid brat, read back by :func:`brat_to_claims`; polnear_convert.py ignores them).
    A span text holding a newline is written as PolNeAR does: it continues on the next line.
    """
    lines: list[str] = []
    t = 0

    def add(type_: str, frags: list[Frag]) -> str:
        nonlocal t
        t += 1
        lines.append(f"T{t}\t{type_} {_brat_frags(frags)}\t{fragment_text(text, frags)}")
        return f"T{t}"

    n_event = 0
    for claim in claims:
        trigger = cue_frags(claim.cue) or span_frags(claim.content)
        if not trigger:
            continue
        args: list[str] = []
        if claim.speaker is not None and claim.speaker.mention is not None:
            args.append("Source:" + add("Source", span_frags(claim.speaker.mention)))
        if claim.cue is not None:
            args.append("Cue:" + add("Cue", cue_frags(claim.cue)))
        if claim.content is not None:
            args.append("Content:" + add("Content", content_frags(claim.content)))
        if extended:
            if claim.date is not None:
                args.append("Date:" + add("Date", [(claim.date.start, claim.date.end)]))
            if claim.contact is not None:
                for role, parties in (
                    ("Initiator", claim.contact.initiator),
                    ("Counterpart", claim.contact.counterpart),
                ):
                    for p in parties:
                        if p.mention is not None:
                            args.append(f"{role}:" + add(role, span_frags(p.mention)))
                if claim.contact.cue is not None:
                    args.append("ContactCue:" + add("ContactCue", span_frags(claim.contact.cue)))
        kind = "Attribution" if claim.speaker is not None else "Attribution-no-source"
        trig = add(kind, trigger)
        n_event += 1
        lines.append(f"E{n_event}\tAttribution:{trig} " + " ".join(args))
    return "".join(line + "\n" for line in lines)


# --------------------------------------------------------------------------- Prodigy JSONL

PRODIGY_LABELS = ("SPEAKER", "CUE", "CONTENT", "DATE", "PARTY")


def claim_to_prodigy(text: str, claim: Claim, window: str = "sentence") -> dict:
    """One Prodigy task per claim: ``{text, spans: [{start, end, label, ...}], answer, meta}``.

    ``window="sentence"`` shows the evidence widened to cover every span of the claim, with
    span offsets relative to it and the article offset in ``meta.offset``; ``"article"`` shows
    the whole text (offset 0). PARTY spans carry ``role`` (initiator/counterpart/via) and CUE
    spans of a contact carry ``role: "contact"``, so reading back loses nothing positional.
    """
    labelled: list[tuple[str, Span, dict]] = []
    if claim.speaker is not None and claim.speaker.mention is not None:
        labelled.append(
            ("SPEAKER", claim.speaker.mention, {"name": claim.speaker.name, "kind": claim.speaker.kind})
        )
    if claim.cue is not None:
        labelled.append(("CUE", claim.cue, {}))
    if claim.content is not None:
        labelled.append(("CONTENT", claim.content, {}))
    if claim.date is not None:
        labelled.append(("DATE", claim.date.span(), {}))
    if claim.contact is not None:
        for role, parties in (
            ("initiator", claim.contact.initiator),
            ("counterpart", claim.contact.counterpart),
        ):
            for p in parties:
                if p.mention is not None:
                    labelled.append(("PARTY", p.mention, {"role": role, "name": p.name, "kind": p.kind}))
        if claim.contact.cue is not None:
            labelled.append(("CUE", claim.contact.cue, {"role": "contact"}))
    if claim.attribution is not None:
        for p in claim.attribution.via:
            if p.mention is not None:
                labelled.append(("PARTY", p.mention, {"role": "via", "name": p.name, "kind": p.kind}))
    if window == "article":
        lo, hi = 0, len(text)
    else:
        lo = min([claim.sentence.start] + [s.start for _, s, _ in labelled])
        hi = max([claim.sentence.end] + [s.end for _, s, _ in labelled])
    spans = []
    for label, span, extra in labelled:
        for s, e in span_frags(span):
            spans.append({"start": s - lo, "end": e - lo, "label": label, "text": text[s:e], **extra})
    meta: dict[str, Any] = {
        "article_id": claim.article_id,
        "claim_id": claim.claim_id,
        "offset": lo,
        "sentence": [claim.sentence.start, claim.sentence.end],
    }
    if claim.attribution is not None:
        meta["attribution_type"] = claim.attribution.type
    if claim.date is not None:
        meta["date_value"], meta["date_end_value"] = claim.date.value, claim.date.end_value
    if claim.contact is not None:
        meta["contact_channel"], meta["contact_status"] = claim.contact.channel, claim.contact.status
        meta["contact_duration"] = claim.contact.duration
    if claim.confidence is not None:
        meta["confidence"] = claim.confidence
    return {"text": text[lo:hi], "spans": spans, "answer": "accept", "meta": meta}


def claims_to_prodigy(text: str, claims: Iterable[Claim], window: str = "sentence") -> Iterator[dict]:
    """Prodigy tasks for one article's claims."""
    for claim in claims:
        yield claim_to_prodigy(text, claim, window)


def prodigy_to_claim(task: Mapping[str, Any]) -> Claim | None:
    """A claim from a Prodigy task (None when rejected/ignored); offsets made absolute again."""
    if task.get("answer", "accept") != "accept":
        return None
    meta = task.get("meta") or {}
    window, lo = task["text"], int(meta.get("offset", 0))
    raw = " " * lo + window  # a text that agrees with the article wherever the window reaches

    def span(frags: list[Frag]) -> Span | None:
        return make_span(raw, frags)

    groups: dict[tuple[str, str | None], list[Frag]] = {}
    names: dict[tuple[str, str | None], list[tuple[Frag, dict]]] = {}
    for sp in task.get("spans") or []:
        key = (sp["label"], sp.get("role"))
        frag = (lo + int(sp["start"]), lo + int(sp["end"]))
        if sp["label"] == "PARTY":
            names.setdefault(key, []).append((frag, sp))
        else:
            groups.setdefault(key, []).append(frag)
    sent = meta.get("sentence") or [lo, lo + len(window)]
    speaker = None
    if groups.get(("SPEAKER", None)):
        mention = span(groups[("SPEAKER", None)])
        first = next(sp for sp in task["spans"] if sp["label"] == "SPEAKER")
        speaker = Party(
            name=first.get("name") or _norm_name(mention.text),
            mention=mention,  # type: ignore[union-attr]
            kind=first.get("kind", "unknown"),
        )

    def parties(role: str) -> list[Party]:
        return [
            Party(
                name=sp.get("name") or _norm_name(raw[s:e]),
                mention=Span.of(raw, s, e),
                kind=sp.get("kind", "unknown"),
            )
            for (s, e), sp in names.get(("PARTY", role), [])
        ]

    date = None
    if groups.get(("DATE", None)):
        d = span(groups[("DATE", None)])
        date = DateRef(
            text=d.text,
            start=d.start,
            end=d.end,
            value=meta.get("date_value"),  # type: ignore[union-attr]
            end_value=meta.get("date_end_value"),
            resolved=meta.get("date_value") is not None,
        )
    contact = None
    initiator, counterpart = parties("initiator"), parties("counterpart")
    if initiator or counterpart or groups.get(("CUE", "contact")) or "contact_status" in meta:
        contact = Contact(
            initiator=initiator,
            counterpart=counterpart,
            cue=span(groups.get(("CUE", "contact"), [])),
            channel=meta.get("contact_channel") or "unspecified",
            status=meta.get("contact_status") or "held",
            duration=meta.get("contact_duration"),
        )
    via = parties("via")
    attribution = None
    if "attribution_type" in meta or via:
        attribution = {"type": meta.get("attribution_type") or "other", "via": via}
    return claim_from_dict(
        {
            "article_id": meta.get("article_id", ""),
            "claim_id": meta.get("claim_id"),
            "sentence": Span.of(raw, int(sent[0]), int(sent[1])),
            "content": span(groups.get(("CONTENT", None), [])),
            "cue": span(groups.get(("CUE", None), [])),
            "speaker": speaker,
            "attribution": attribution,
            "date": date,
            "contact": contact,
            "confidence": meta.get("confidence"),
        },
        "prodigy task",
    )


def read_prodigy_jsonl(path: str | Path) -> list[Claim]:
    """Accepted claims from a Prodigy JSONL export (rejected and ignored tasks skipped)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    task = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{n}", f"invalid JSON: {exc.msg}") from exc
                claim = prodigy_to_claim(task)
                if claim is not None:
                    out.append(claim)
    return out
