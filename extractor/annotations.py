"""Hand annotations: ``annotations/<article_id>.json`` files (see shared/spec/claims.md).

Why a checker: scores are only as good as the gold. A span whose offsets drift from the
article text, a status outside the spec or an article nobody annotated silently skews every
figure, so :func:`check_annotations` lists each such problem on one line before scoring.

Articles are read exactly as the extractor reads them (``open(p, encoding="utf-8", newline="")``):
a leading BOM is kept, because stripping it would shift every offset by one.
Library code: returns problems and raises :class:`~extractor.errors.InputError`, never prints.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from extractor.errors import InputError
from extractor.formats import read_text, span_frags
from extractor.models import Annotation, Claim

REPO_ROOT = Path(__file__).resolve().parents[1]


def default_dir(name: str) -> Path:
    """``<repo>/<name>`` when running from a checkout, else ``./<name>`` (an installed package)."""
    repo = REPO_ROOT / name
    return repo if (REPO_ROOT / "pyproject.toml").exists() and repo.is_dir() else Path.cwd() / name


def _validation_lines(where: str, exc: ValidationError) -> list[str]:
    out = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err["loc"]) or "(top level)"
        got = (
            f" (got {err['input']!r})" if err["type"] in ("literal_error", "string_type", "int_type") else ""
        )
        out.append(f"{where}: {loc}: {err['msg']}{got}")
    return out


def _parse(path: Path) -> tuple[Annotation | None, list[str]]:
    """The annotation in ``path`` or the one-line problems that stop it from loading."""
    try:
        with open(path, encoding="utf-8") as f:
            data: Any = json.load(f)
    except UnicodeDecodeError as exc:
        return None, [f"{path}: not UTF-8: {exc.reason}"]
    except json.JSONDecodeError as exc:
        return None, [f"{path}: invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"]
    try:
        return Annotation.model_validate(data), []
    except ValidationError as exc:
        return None, _validation_lines(str(path), exc)


def load_annotation(path: str | Path) -> Annotation:
    """One annotation file, validated; InputError names the first problem."""
    ann, problems = _parse(Path(path))
    if ann is None:
        raise InputError(str(path), problems[0].removeprefix(f"{path}: ") if problems else "unreadable")
    return ann


def annotation_files(annotations_dir: str | Path) -> list[Path]:
    """The ``*.json`` files of an annotations directory, sorted (other files are not annotations)."""
    d = Path(annotations_dir)
    if not d.is_dir():
        raise InputError(str(d), "annotations directory not found")
    return sorted(p for p in d.glob("*.json") if p.is_file())


def load_annotations(annotations_dir: str | Path) -> dict[str, Annotation]:
    """Every annotation keyed by article id (stop at the first invalid file: scoring needs all)."""
    out: dict[str, Annotation] = {}
    for path in annotation_files(annotations_dir):
        ann = load_annotation(path)
        if ann.article_id in out:
            raise InputError(str(path), f"article {ann.article_id!r} annotated twice")
        out[ann.article_id] = ann
    return out


class Problems(list[str]):
    """The problems found (a list of one-line strings) plus what was checked, for the OK line."""

    files: int = 0
    claims: int = 0
    spans: int = 0
    articles: int = 0


def _claim_problems(where: str, claim: Claim, article_id: str, raw: str | None) -> tuple[list[str], int]:
    out: list[str] = []
    if claim.article_id != article_id:
        out.append(f"{where}: article_id {claim.article_id!r} differs from the file's {article_id!r}")
    names = [("speaker", claim.speaker)]
    if claim.attribution is not None:
        names += [(f"attribution.via[{i}]", p) for i, p in enumerate(claim.attribution.via)]
    if claim.contact is not None:
        names += [(f"contact.initiator[{i}]", p) for i, p in enumerate(claim.contact.initiator)]
        names += [(f"contact.counterpart[{i}]", p) for i, p in enumerate(claim.contact.counterpart)]
    for label, party in names:
        if party is not None and not party.name.strip():
            out.append(f"{where}: {label}: empty name")
    if claim.date is not None and claim.date.value and claim.date.end_value:
        if claim.date.end_value < claim.date.value:
            out.append(f"{where}: date: end_value {claim.date.end_value} before value {claim.date.value}")
    checked = 0
    if raw is None:
        return out, checked
    for label, span in claim.spans():
        checked += 1
        if span.end > len(raw):
            out.append(
                f"{where}: {label}: span {span.start}:{span.end} beyond the article's end ({len(raw)})"
            )
        elif not span.matches(raw):
            out.append(
                f"{where}: {label}: text {span.text!r} != article[{span.start}:{span.end}] "
                f"{raw[span.start : span.end]!r}"
            )
        frags = span_frags(span)
        if len(frags) > 1 and any(s < span.start or e > span.end or e < s for s, e in frags):
            out.append(f"{where}: {label}: fragments {frags} outside {span.start}:{span.end}")
    return out, checked


def check_annotations(annotations_dir: str | Path, corpus_dir: str | Path) -> Problems:
    """Every problem with the annotations, one line each (empty when all is well).

    Checks: JSON and schema validity (pydantic enforces kinds, statuses, channels, types and
    date formats), file name = article id, ``published`` an ISO date, party names non-empty,
    each span's text equal to ``raw[start:end]`` of ``corpus/<article_id>.txt``, duplicate
    claims (identical but for id and confidence), annotated articles missing from the corpus and
    corpus articles not annotated.
    """
    problems = Problems()
    corpus = Path(corpus_dir)
    if not corpus.is_dir():
        problems.append(f"{corpus}: corpus directory not found")
    try:
        files = annotation_files(annotations_dir)
    except InputError as exc:
        problems.append(str(exc))
        return problems
    seen: dict[str, Path] = {}
    for path in files:
        problems.files += 1
        ann, errs = _parse(path)
        problems.extend(errs)
        if ann is None:
            seen.setdefault(path.stem, path)
            continue
        aid = ann.article_id
        if path.stem != aid:
            problems.append(f"{path}: article_id {aid!r} does not match the file name")
        if aid in seen:
            problems.append(f"{path}: article {aid!r} already annotated in {seen[aid]}")
        seen.setdefault(aid, path)
        if ann.published is not None:
            try:
                dt.date.fromisoformat(ann.published)
            except ValueError:
                problems.append(f"{path}: published {ann.published!r} is not YYYY-MM-DD")
        text_path = corpus / f"{aid}.txt"
        raw = read_text(text_path) if text_path.is_file() else None
        if raw is None and corpus.is_dir():
            problems.append(f"{path}: article file {text_path} not found")
        keys: dict[str, int] = {}
        for i, claim in enumerate(ann.claims):
            problems.claims += 1
            errs, n = _claim_problems(f"{path}: claims[{i}]", claim, aid, raw)
            problems.extend(errs)
            problems.spans += n
            key = claim.model_dump_json(exclude={"claim_id", "confidence"})
            if key in keys:
                problems.append(f"{path}: claims[{i}]: duplicate of claims[{keys[key]}]")
            keys.setdefault(key, i)
    if corpus.is_dir():
        articles = sorted(p for p in corpus.glob("*.txt") if p.is_file())
        problems.articles = len(articles)
        for p in articles:
            if p.stem not in seen:
                problems.append(
                    f"{p}: corpus article has no annotation ({Path(annotations_dir) / (p.stem + '.json')})"
                )
    return problems
