"""The ingest path: read -> clean/de-duplicate -> spaCy pipeline -> claims -> store.

Articles stream through ``nlp.pipe`` in batches; with ``workers > 1`` a process pool runs the same
path on small chunks, with a bounded number of chunks in flight, and the model is loaded once (before
the fork, or once per worker where processes are spawned). Results are written to the store in
batches of articles, one commit each, every article still all-or-nothing; nothing accumulates, so
memory stays flat however many articles stream through. Figures: bench/README.md.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as dt
import multiprocessing as mp
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from extractor.cleaning import NEAR_THRESHOLD, clean
from extractor.doccache import remember_text
from extractor.errors import InputError
from extractor.models import Claim, DroppedParagraph
from extractor.nlp import DEFAULT_MODEL, load_pipeline
from extractor.reading import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

BATCH_SIZE = 32
"""Articles per ``nlp.pipe`` batch at most."""
BATCH_CHARS = 160_000
"""Characters per ``nlp.pipe`` batch at most: the parser's and NER's working arrays grow with a
batch's tokens, so a cap by size (not only by count) keeps the peak the same for any stream."""
CHUNK_SIZE = 8
"""Articles per task sent to a worker process at most: small, so two workers finish together."""
CHUNK_CHARS = 48_000
"""Characters per worker task at most (an article longer than this goes alone)."""
TASKS_PER_WORKER = 64
"""Tasks a worker runs before it is replaced by a fresh fork: what a long run leaves behind in a
worker (interned strings, allocator fragmentation) cannot build up."""
IN_FLIGHT = 3
"""Chunks queued or running per worker: enough to keep it busy, few enough to keep memory flat."""
COMMIT_EVERY = 64
"""Articles per store commit at most."""
COMMIT_SECONDS = 2.0
"""Longest a finished article waits for its commit."""


@dataclass
class ArticleResult:
    """One article after the whole path: what it kept, what it dropped, what it claims."""

    article: Article
    dropped: list[DroppedParagraph]
    claims: list[Claim]


@dataclass
class Summary:
    articles: int = 0
    failed: int = 0
    paragraphs_dropped: int = 0
    claims: int = 0
    words: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        rate = self.words / self.seconds if self.seconds else 0.0
        return (
            f"{self.articles} articles, {self.paragraphs_dropped} paragraphs dropped, {self.claims} claims,"
            f" {self.failed} failed, {self.seconds:.1f} s ({rate:,.0f} words/s)"
        )


def process(
    articles: Iterable[Article],
    model: str = DEFAULT_MODEL,
    batch_size: int = BATCH_SIZE,
    threshold: float = NEAR_THRESHOLD,
    batch_chars: int = BATCH_CHARS,
) -> Iterator[ArticleResult]:
    """Run the whole extraction on a stream of articles in one process.

    Batches hold at most ``batch_size`` articles and ``batch_chars`` characters.
    """
    from extractor.claims import build_claims

    nlp = load_pipeline(model)

    def prepared(article: Article) -> tuple[Doc, tuple[Article, list[DroppedParagraph]]]:
        cleaned = clean(article.text, threshold)
        # tokenized here so the Doc keeps the string it came from (no per-rule join of its tokens)
        return remember_text(nlp.make_doc(cleaned.masked), cleaned.masked), (article, cleaned.dropped)

    for batch in _chunks(articles, batch_size, batch_chars):
        docs = nlp.pipe((prepared(a) for a in batch), as_tuples=True, batch_size=len(batch))
        results = [ArticleResult(article=article, dropped=dropped,
                                 claims=build_claims(doc, article.id, article.text, article.published))
                   for doc, (article, dropped) in docs]
        release_memory()  # the batch's Docs are gone: hand their pages back before the next one
        yield from results


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None  # not glibc: nothing to do


def release_memory() -> None:
    """Give the heap pages freed after a batch back to the system (glibc's ``malloc_trim``).

    The parser's working arrays for a batch are freed when it ends, but glibc keeps the pages, so
    without this a long run's RSS follows the heaviest batch it ever met (bench/README.md).
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _worker_init(model: str) -> None:
    load_pipeline(model)  # a no-op after a fork from a process that loaded it


def _worker_chunk(args: tuple[list[Article], str, float, int]) -> list[tuple[list[DroppedParagraph], list[Claim]]]:
    """One chunk in a worker: only what the parent does not have goes back (not the articles)."""
    chunk, model, threshold, batch_size = args
    return [(r.dropped, r.claims) for r in process(chunk, model=model, batch_size=batch_size, threshold=threshold)]


def _chunks(items: Iterable[Article], size: int, max_chars: int) -> Iterator[list[Article]]:
    """Consecutive runs of at most ``size`` articles and ``max_chars`` characters (one article at least)."""
    chunk: list[Article] = []
    chars = 0
    for article in items:
        if chunk and (len(chunk) >= size or chars + len(article.text) > max_chars):
            yield chunk
            chunk, chars = [], 0
        chunk.append(article)
        chars += len(article.text)
    if chunk:
        yield chunk


def process_parallel(
    articles: Iterable[Article],
    model: str = DEFAULT_MODEL,
    workers: int = 1,
    batch_size: int = BATCH_SIZE,
    threshold: float = NEAR_THRESHOLD,
    chunk_size: int = CHUNK_SIZE,
    chunk_chars: int = CHUNK_CHARS,
    tasks_per_worker: int | None = TASKS_PER_WORKER,
) -> Iterator[ArticleResult]:
    """Like ``process``, over ``workers`` processes (order kept); 1 worker runs in this process.

    At most ``IN_FLIGHT * workers`` chunks are read ahead (``Pool.imap`` would read the whole input);
    each worker is replaced after ``tasks_per_worker`` chunks (``None``: never).
    """
    if workers <= 1:
        yield from process(articles, model=model, batch_size=batch_size, threshold=threshold)
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    if ctx.get_start_method() == "fork":
        load_pipeline(model)  # once, shared by the forked workers
    pending: deque[tuple[list[Article], Any]] = deque()
    with ctx.Pool(workers, initializer=_worker_init, initargs=(model,), maxtasksperchild=tasks_per_worker) as pool:
        for chunk in _chunks(articles, chunk_size, chunk_chars):
            pending.append((chunk, pool.apply_async(_worker_chunk, ((chunk, model, threshold, batch_size),))))
            if len(pending) >= IN_FLIGHT * workers:
                yield from _results(*pending.popleft())
        while pending:
            yield from _results(*pending.popleft())


def _results(chunk: list[Article], job: Any) -> Iterator[ArticleResult]:
    for article, (dropped, claims) in zip(chunk, job.get(), strict=True):
        yield ArticleResult(article=article, dropped=dropped, claims=claims)


def extract_texts(
    items: Iterable[tuple[str, str, dt.date | None]], model: str | None = None
) -> Iterator[list[Claim]]:
    """Claims for ``(id, text, published)`` items, in order: the entry point for scoring and benchmarks."""
    articles = (Article(id=i, text=t, published=p) for i, t, p in items)
    for result in process(articles, model=model or DEFAULT_MODEL):
        yield result.claims


def ingest(
    inputs: Iterable[Article | InputError],
    store=None,
    model: str = DEFAULT_MODEL,
    workers: int = 1,
    on_result: Callable[[ArticleResult], None] | None = None,
    on_error: Callable[[InputError], None] | None = None,
    threshold: float = NEAR_THRESHOLD,
) -> Summary:
    """Extract claims from every readable input, storing the articles as they are done.

    Input errors are counted and handed to ``on_error``; they never stop the batch. Writes are
    committed every ``COMMIT_EVERY`` articles or ``COMMIT_SECONDS``, and on any exit: an error
    keeps every article finished before it.
    """
    summary = Summary()
    started = time.perf_counter()
    unsaved: list[dict[str, Any]] = []
    last_commit = time.monotonic()

    def commit() -> None:
        nonlocal last_commit
        if unsaved:
            batch = unsaved[:]
            unsaved.clear()
            store.save_articles(batch)
        last_commit = time.monotonic()

    def readable() -> Iterator[Article]:
        for item in inputs:
            if isinstance(item, InputError):
                summary.failed += 1
                summary.errors.append(str(item))
                if on_error is not None:
                    on_error(item)
            else:
                yield item

    try:
        for result in process_parallel(readable(), model=model, workers=workers, threshold=threshold):
            article = result.article
            if store is not None:
                unsaved.append(dict(article_id=article.id, text=article.text, published=article.published,
                                    dropped=result.dropped, claims=result.claims, source=article.source,
                                    published_from=article.published_from))
                if len(unsaved) >= COMMIT_EVERY or time.monotonic() - last_commit >= COMMIT_SECONDS:
                    commit()
            summary.articles += 1
            summary.paragraphs_dropped += len(result.dropped)
            summary.claims += len(result.claims)
            summary.words += len(article.text.split())
            if on_result is not None:
                on_result(result)
    finally:
        if store is not None:
            commit()
    summary.seconds = time.perf_counter() - started
    return summary
