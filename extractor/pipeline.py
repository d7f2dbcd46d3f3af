"""The ingest path: read -> clean/de-duplicate -> spaCy pipeline -> claims -> store.

Articles stream through ``nlp.pipe`` in batches; with ``workers > 1`` a process pool runs the same
path per chunk, each process loading the model once. Each article is written to the store in its
own transaction as soon as its claims are built, so memory stays flat and a failure never leaves a
half-written article.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from extractor.cleaning import NEAR_THRESHOLD, clean
from extractor.errors import InputError
from extractor.models import Claim, DroppedParagraph
from extractor.nlp import DEFAULT_MODEL, load_pipeline
from extractor.reading import Article

BATCH_SIZE = 32


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
) -> Iterator[ArticleResult]:
    """Run the whole extraction on a stream of articles in one process."""
    from extractor.claims import build_claims

    nlp = load_pipeline(model)

    def prepared() -> Iterator[tuple[str, tuple[Article, list[DroppedParagraph]]]]:
        for article in articles:
            cleaned = clean(article.text, threshold)
            yield cleaned.masked, (article, cleaned.dropped)

    for doc, (article, dropped) in nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size):
        claims = build_claims(doc, article.id, article.text, article.published)
        yield ArticleResult(article=article, dropped=dropped, claims=claims)


def _worker_chunk(args: tuple[list[Article], str, float]) -> list[ArticleResult]:
    chunk, model, threshold = args
    return list(process(chunk, model=model, threshold=threshold))


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def process_parallel(
    articles: Iterable[Article],
    model: str = DEFAULT_MODEL,
    workers: int = 1,
    batch_size: int = BATCH_SIZE,
    threshold: float = NEAR_THRESHOLD,
) -> Iterator[ArticleResult]:
    """Like ``process``, over ``workers`` processes (order kept); 1 worker runs in this process."""
    if workers <= 1:
        yield from process(articles, model=model, batch_size=batch_size, threshold=threshold)
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(workers) as pool:
        jobs = ((chunk, model, threshold) for chunk in _chunks(articles, batch_size))
        for results in pool.imap(_worker_chunk, jobs):
            yield from results


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
    """Extract claims from every readable input, storing each article as it is done.

    Input errors are counted and handed to ``on_error``; they never stop the batch.
    """
    summary = Summary()
    started = time.perf_counter()

    def readable() -> Iterator[Article]:
        for item in inputs:
            if isinstance(item, InputError):
                summary.failed += 1
                summary.errors.append(str(item))
                if on_error is not None:
                    on_error(item)
            else:
                yield item

    for result in process_parallel(readable(), model=model, workers=workers, threshold=threshold):
        article = result.article
        if store is not None:
            store.save_article(article.id, article.text, article.published, result.dropped, result.claims,
                               source=article.source, published_from=article.published_from)
        summary.articles += 1
        summary.paragraphs_dropped += len(result.dropped)
        summary.claims += len(result.claims)
        summary.words += len(article.text.split())
        if on_result is not None:
            on_result(result)
    summary.seconds = time.perf_counter() - started
    return summary
