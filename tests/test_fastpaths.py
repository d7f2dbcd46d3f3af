"""The speed-ups change nothing: same annotations, same claims, same stored rows (no timings here)."""

from __future__ import annotations

import sqlite3

import pytest
import spacy
from conftest import CORPUS, SEED_CALL, SEED_DUP, read_raw
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from extractor import DEFAULT_MODEL
from extractor.doccache import doc_ents, doc_text, remember_text, span_ents
from extractor.fastpipes import FastAttributeRuler, speed_up
from extractor.store import Store

ANNOTATIONS = [POS, TAG, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]


@pytest.fixture(scope="module")
def corpus_texts() -> list[str]:
    return [read_raw(p.stem) for p in sorted(CORPUS.glob("*.txt"))]


def test_fast_components_annotate_exactly_like_spacys(corpus_texts):
    stock = spacy.load(DEFAULT_MODEL)
    fast = spacy.load(DEFAULT_MODEL)
    assert speed_up(fast) == ["attribute_ruler", "lemmatizer"]
    assert speed_up(fast) == []  # idempotent
    for a, b in zip(stock.pipe(corpus_texts), fast.pipe(corpus_texts), strict=True):
        assert (a.to_array(ANNOTATIONS) == b.to_array(ANNOTATIONS)).all()


def _ruler(patterns: list[dict]):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp, ruler


def test_fast_attribute_ruler_matches_like_the_matcher():
    nlp, ruler = _ruler([
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}},
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
        {"patterns": [[{"ORTH": "A"}], [{"LOWER": {"IN": ["b", "c"]}}]], "attrs": {"NORM": "x"}},
        {"patterns": [[{"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"LEMMA": "not"}},
        {"patterns": [[{"LOWER": {"NOT_IN": ["a", "b"]}, "IS_SPACE": False}]], "attrs": {"NORM": "y"}},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"NORM": "_"}},
    ])
    fast = FastAttributeRuler()
    assert fast.wrap(ruler)
    doc = nlp("A b c gon na do n't gonna don't  A\n\nb gon")
    assert fast.match(doc) == ruler.match(doc)
    assert fast.match(doc) == ruler.match(doc)  # from the memo this time
    assert fast.match(nlp("")) == ruler.match(nlp("")) == []


def test_fast_attribute_ruler_declines_patterns_it_cannot_evaluate():
    for pattern in ([{"LOWER": "a", "OP": "+"}], [{"LENGTH": 3}], [{"LOWER": {"FUZZY": "abc"}}]):
        _, ruler = _ruler([{"patterns": [pattern], "attrs": {"NORM": "z"}}])
        assert not FastAttributeRuler().wrap(ruler)


def test_doc_caches_equal_what_spacy_computes(corpus_texts):
    from extractor.nlp import load_pipeline

    nlp = load_pipeline()
    text = corpus_texts[0]
    primed = nlp(remember_text(nlp.make_doc(text), text))
    plain = nlp(text)
    assert doc_text(primed) == doc_text(plain) == plain.text == text
    assert [(e.start, e.end, e.label_) for e in doc_ents(plain)] == [(e.start, e.end, e.label_) for e in plain.ents]
    spans = list(plain.sents) + [plain[i : i + w] for w in (1, 3, 8) for i in range(0, len(plain) - w, 2)]
    for span in spans:
        assert [(e.start, e.end) for e in span_ents(span)] == [(e.start, e.end) for e in span.ents]


def test_parallel_results_equal_one_process(corpus_results):
    from extractor.pipeline import process_parallel
    from extractor.reading import read_inputs

    articles = list(read_inputs([str(CORPUS)]))
    articles = [a.model_copy(update={"published": corpus_results[a.id].article.published}) for a in articles]
    # small chunks, split by size too, and workers replaced every 2 chunks: the same results, in order
    results = list(process_parallel(articles, workers=2, chunk_size=3, chunk_chars=6_000, tasks_per_worker=2))
    assert [r.article.id for r in results] == [a.id for a in articles]
    for r in results:
        expected = corpus_results[r.article.id]
        assert [c.model_dump() for c in r.claims] == [c.model_dump() for c in expected.claims]
        assert r.dropped == expected.dropped


def test_batches_are_capped_by_count_and_by_size(corpus_results):
    from extractor.pipeline import _chunks, process
    from extractor.reading import Article

    sizes = [10, 50, 30, 5, 200, 1, 1, 1]
    articles = [Article(id=str(i), text="x" * n) for i, n in enumerate(sizes)]
    chunks = [[len(a.text) for a in c] for c in _chunks(articles, 3, 60)]
    assert chunks == [[10, 50], [30, 5], [200], [1, 1, 1]]  # an article over the cap goes alone
    assert [a for c in _chunks(articles, 3, 60) for a in c] == articles

    seed = corpus_results[SEED_CALL].article
    one_by_one = list(process([seed, seed], batch_chars=1))
    assert [[c.model_dump() for c in r.claims] for r in one_by_one] == [
        [c.model_dump() for c in corpus_results[SEED_CALL].claims]] * 2


def test_batched_writes_keep_the_articles_before_a_failure(tmp_path, corpus_results):
    def record(article_id, claims):
        result = corpus_results[SEED_CALL]
        return dict(article_id=article_id, text=result.article.text, published=None, dropped=result.dropped,
                    claims=claims)

    good = corpus_results[SEED_CALL].claims
    bad = good[0].model_copy(update={"claim_id": None})  # NOT NULL violation in the middle of an article
    with Store(tmp_path / "b.db") as store:
        with pytest.raises(sqlite3.IntegrityError):
            store.save_articles([record("first", good), record("broken", [good[1], bad]), record("after", good)])
        assert store.get_article("first") is not None
        assert len(list(store.iter_claims("first"))) == len(good)
        assert store.get_article("broken") is None and list(store.iter_claims("broken")) == []
        assert store.get_article("after") is None
        assert not store.conn.in_transaction
        assert store.save_articles([record("after", good)]) == 1


def test_ingest_stores_every_article(tmp_path, corpus_results):
    from extractor.pipeline import ingest
    from extractor.reading import read_inputs

    with Store(tmp_path / "i.db") as store:
        summary = ingest(read_inputs([str(CORPUS)]), store=store, workers=2)
        assert summary.articles == len(corpus_results) == len(store.article_ids())
        stored = [c.claim_id for c in store.iter_claims(SEED_DUP)]
        assert stored == [c.claim_id for c in corpus_results[SEED_DUP].claims]


def test_pipeline_loads_once_however_the_model_is_named():
    from extractor.nlp import load_pipeline

    assert load_pipeline() is load_pipeline(DEFAULT_MODEL) is load_pipeline(model=DEFAULT_MODEL)
