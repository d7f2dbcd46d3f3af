"""Shared fixtures: the corpus, read as the tool reads it, and its claims extracted once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SEED_DUP = "000_108201784cdfbb3e"
SEED_CALL = "004_cfc88bfb802f9a60"


def read_raw(article_id: str) -> str:
    return (CORPUS / f"{article_id}.txt").read_bytes().decode("utf-8-sig")


@pytest.fixture(scope="session")
def corpus_ids() -> list[str]:
    return sorted(p.stem for p in CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def corpus_results(corpus_ids):
    """Every corpus article through the whole pipeline (dates from datelines; 004 published 2022-05-13)."""
    import datetime as dt

    from extractor.pipeline import process
    from extractor.reading import read_inputs

    articles = []
    for item in read_inputs([str(CORPUS / f"{i}.txt") for i in corpus_ids]):
        if item.id == SEED_CALL:
            item = item.model_copy(update={"published": dt.date(2022, 5, 13)})
        articles.append(item)
    return {r.article.id: r for r in process(articles)}
