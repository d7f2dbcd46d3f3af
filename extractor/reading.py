"""Reading articles: text files, folders, JSON Lines and stdin, each yielding an Article or an InputError.

Bad input never stops a batch: every problem becomes an ``InputError`` naming the input, yielded in
place of the article, and the caller decides how to report it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from pydantic import BaseModel

from extractor.errors import InputError

MAX_BYTES = 2_000_000
"""Largest article read (bytes). News articles are a few kB; a multi-megabyte "article" is a dump or a mistake."""

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl",)


class Article(BaseModel):
    """One article as read: ``text`` is what every offset points into."""

    id: str
    text: str
    published: dt.date | None = None
    source: str = ""
    published_from: str | None = None  # "input", "option" or "dateline": where the date came from


def decode(data: bytes, source: str, max_bytes: int = MAX_BYTES) -> str:
    """Bytes to article text, or an InputError saying why they are not an article."""
    if len(data) > max_bytes:
        raise InputError(source, f"too large ({len(data):,} bytes; the limit is {max_bytes:,})")
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(source, f"not valid UTF-8 (byte {err.start}: {data[err.start:err.start + 1]!r})") from None
    if not text.strip():
        raise InputError(source, "empty article (no text)")
    return text


def parse_date(value: object, source: str) -> dt.date | None:
    """An ISO date (or datetime) string from an input record or option, or None."""
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            pass
    raise InputError(source, f"published date {value!r} is not YYYY-MM-DD")


def with_date(article: Article, published: dt.date | None) -> Article:
    """Fill the publication date: the record's own, else the option's, else a leading dateline."""
    if article.published is not None:
        return article.model_copy(update={"published_from": "input"})
    if published is not None:
        return article.model_copy(update={"published": published, "published_from": "option"})
    from extractor.dates import parse_dateline

    found = parse_dateline(article.text)
    if found is not None:
        return article.model_copy(update={"published": found, "published_from": "dateline"})
    return article


def read_text_file(path: Path, max_bytes: int = MAX_BYTES) -> Article:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(str(path), err.strerror or str(err)) from None
    return Article(id=path.stem, text=decode(data, str(path), max_bytes), source=str(path))


def read_jsonl(lines: Iterable[bytes], name: str, max_bytes: int = MAX_BYTES) -> Iterator[Article | InputError]:
    """One article per line: ``{"id", "text", "published"}``; a bad line is an error, the rest go on."""
    stem = Path(name).stem
    for number, raw in enumerate(lines, start=1):
        where = f"{name}:{number}"
        if not raw.strip():
            continue
        try:
            record = json.loads(decode(raw, where, max_bytes))
            if not isinstance(record, dict):
                raise InputError(where, "malformed JSON line: expected an object")
            text = record.get("text")
            if not isinstance(text, str) or not text.strip():
                raise InputError(where, 'no "text" in the record (or it is empty)')
            yield Article(
                id=str(record.get("id") or f"{stem}-{number}"),
                text=text,
                published=parse_date(record.get("published"), where),
                source=where,
            )
        except json.JSONDecodeError as err:
            yield InputError(where, f"malformed JSON line ({err.msg} at column {err.colno})")
        except InputError as err:
            yield err


def expand(paths: Iterable[str]) -> Iterator[str | InputError]:
    """Paths to files: folders recursively (``*.txt``, ``*.jsonl``, sorted), ``-`` for stdin."""
    for name in paths:
        if name == "-":
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in TEXT_SUFFIXES + JSONL_SUFFIXES)
            if not found:
                yield InputError(name, "folder holds no .txt or .jsonl files")
            yield from (str(p) for p in found)
        elif path.exists():
            yield name
        else:
            yield InputError(name, "no such file or folder")


def read_inputs(
    paths: Iterable[str],
    published: dt.date | None = None,
    stdin: BinaryIO | None = None,
    stdin_id: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Article | InputError]:
    """Every article in the inputs, in order, with its publication date filled where one can be found."""
    for item in expand(paths):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            if item == "-":
                if stdin is None:
                    raise InputError("<stdin>", "no standard input")
                data = stdin.read()
                if stdin_id is None and data.lstrip()[:1] == b"{":
                    results: Iterable[Article | InputError] = read_jsonl(data.splitlines(), "<stdin>", max_bytes)
                else:
                    results = [Article(id=stdin_id or "stdin", text=decode(data, "<stdin>", max_bytes),
                                       source="<stdin>")]
            elif Path(item).suffix in JSONL_SUFFIXES:
                results = _jsonl_file(Path(item), max_bytes)
            else:
                results = [read_text_file(Path(item), max_bytes)]
            for result in results:
                if isinstance(result, Article):
                    try:
                        result = with_date(result, published)
                    except InputError as err:
                        result = err
                yield result
        except InputError as err:
            yield err


def _jsonl_file(path: Path, max_bytes: int) -> Iterator[Article | InputError]:
    try:
        handle = path.open("rb")
    except OSError as err:
        yield InputError(str(path), err.strerror or str(err))
        return
    with handle:
        yield from read_jsonl(handle, str(path), max_bytes)
