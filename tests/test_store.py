import sqlite3

from conftest import SEED_CALL

from extractor.store import SCHEMA_VERSION, Store


def save(store, result):
    a = result.article
    store.save_article(a.id, a.text, a.published, result.dropped, result.claims)


def test_reingest_replaces_claims_and_keeps_decisions(tmp_path, corpus_results):
    result = corpus_results[SEED_CALL]
    with Store(tmp_path / "c.db") as store:
        save(store, result)
        first = [c.claim_id for c in store.iter_claims(SEED_CALL)]
        kept, gone = first[0], first[1]
        store.add_decision(kept, "ana", "accept")
        store.add_decision(gone, "ana", "reject")
        save(store, result)
        assert [c.claim_id for c in store.iter_claims(SEED_CALL)] == first
        assert store.counts()["claims"] == len(result.claims)
        # the article changes: one claim disappears, its decision is orphaned, not deleted
        shorter = type(result)(article=result.article, dropped=result.dropped,
                               claims=[c for c in result.claims if c.claim_id != gone])
        save(store, shorter)
        assert store.counts()["decisions"] == 2
        assert [d.claim_id for d in store.orphaned_decisions()] == [gone]
        assert store.decisions(kept)[0].decision == "accept"


def test_failed_write_leaves_no_half_article(tmp_path, corpus_results):
    result = corpus_results[SEED_CALL]
    with Store(tmp_path / "c.db") as store:
        bad = result.claims[0].model_copy(update={"claim_id": None})  # NOT NULL violation mid-write
        try:
            store.save_article("broken", result.article.text, None, result.dropped, [result.claims[1], bad])
        except sqlite3.IntegrityError:
            pass
        assert store.get_article("broken") is None
        assert list(store.iter_claims("broken")) == []


def test_schema_is_versioned(tmp_path):
    Store(tmp_path / "v.db").close()
    conn = sqlite3.connect(tmp_path / "v.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
