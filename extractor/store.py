"""SQLite store: articles, dropped paragraphs, claims and review decisions.

Each article is written atomically (its own transaction, or a savepoint inside a batch's one commit:
``save_articles``), so a failure never leaves half an article behind. Claims are replaced
on re-ingest; decisions are never deleted or overwritten: they point at claim ids, and a decision
whose claim no longer exists is reported as orphaned. WAL mode and a busy timeout let several
reviewers write at once.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.models import Claim, DroppedParagraph, Span

SCHEMA_VERSION = 1
DEFAULT_DB = "extractor.db"
DECISIONS = ("accept", "reject", "edit", "undo")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    published TEXT,
    published_from TEXT,
    source TEXT,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS dropped_paragraphs (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    duplicate_start INTEGER NOT NULL,
    duplicate_end INTEGER NOT NULL,
    similarity REAL NOT NULL,
    kind TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dropped_article ON dropped_paragraphs(article_id);
CREATE TABLE IF NOT EXISTS claims (
    claim_id TEXT PRIMARY KEY NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    confidence REAL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_article ON claims(article_id, position);
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('accept', 'reject', 'edit', 'undo')),
    claim TEXT,
    undoes INTEGER REFERENCES decisions(id),
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS decisions_claim ON decisions(claim_id, id);
"""


@dataclass
class StoredArticle:
    id: str
    text: str
    published: dt.date | None
    source: str | None
    dropped: list[DroppedParagraph] = field(default_factory=list)


@dataclass
class Decision:
    id: int
    claim_id: str
    article_id: str
    reviewer: str
    decision: str
    claim: Claim | None
    undoes: int | None
    created_at: str


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


class SchemaError(Exception):
    """The database was written by a newer version of extractor."""


class Store:
    """A claim database at ``path`` (created, with its schema, on first use)."""

    def __init__(self, path: str | Path = DEFAULT_DB, timeout: float = 30.0):
        self.path = str(path)
        self.conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        self.conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise SchemaError(f"{self.path}: schema version {version} is newer than this extractor ({SCHEMA_VERSION})")
        if version < SCHEMA_VERSION:
            with self.transaction():
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def transaction(self) -> _Transaction:
        return _Transaction(self.conn)

    # -- articles and claims -------------------------------------------------------------------------

    def save_article(
        self,
        article_id: str,
        text: str,
        published: dt.date | None,
        dropped: Iterable[DroppedParagraph],
        claims: Iterable[Claim],
        source: str | None = None,
        published_from: str | None = None,
    ) -> None:
        """Write one article with its dropped paragraphs and claims, replacing what it had, atomically."""
        with self.transaction():
            self.conn.execute(
                "INSERT INTO articles(id, text, published, published_from, source, ingested_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET text=excluded.text,"
                " published=excluded.published, published_from=excluded.published_from,"
                " source=excluded.source, ingested_at=excluded.ingested_at",
                (article_id, text, published.isoformat() if published else None, published_from, source, now()),
            )
            self.conn.execute("DELETE FROM dropped_paragraphs WHERE article_id = ?", (article_id,))
            self.conn.executemany(
                "INSERT INTO dropped_paragraphs VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (article_id, d.span.start, d.span.end, d.duplicate_of.start, d.duplicate_of.end,
                     d.similarity, d.kind)
                    for d in dropped
                ],
            )
            self.conn.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
            self.conn.executemany(
                "INSERT OR REPLACE INTO claims(claim_id, article_id, position, confidence, data)"
                " VALUES (?, ?, ?, ?, ?)",
                [
                    (c.claim_id, article_id, i, c.confidence, c.model_dump_json(exclude_none=False))
                    for i, c in enumerate(claims)
                ],
            )

    def save_articles(self, articles: Iterable[Mapping[str, Any]]) -> int:
        """Write several articles (each ``save_article``'s keyword arguments) with one commit.

        Each article stays all-or-nothing: one that fails is rolled back alone, the ones before it
        are committed, and the error is raised. Returns the number of articles written.
        """
        done = 0
        if self.conn.in_transaction:  # inside the caller's transaction: it commits
            for kwargs in articles:
                self.save_article(**kwargs)
                done += 1
            return done
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for kwargs in articles:
                self.save_article(**kwargs)  # a savepoint: a failure undoes that article only
                done += 1
        finally:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
        return done

    def get_article(self, article_id: str) -> StoredArticle | None:
        row = self.conn.execute(
            "SELECT id, text, published, source FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return None
        text = row[1]
        dropped = [
            DroppedParagraph(
                span=Span.of(text, s, e), duplicate_of=Span.of(text, ds, de), similarity=sim, kind=kind
            )
            for s, e, ds, de, sim, kind in self.conn.execute(
                "SELECT start, end, duplicate_start, duplicate_end, similarity, kind FROM dropped_paragraphs"
                " WHERE article_id = ? ORDER BY start",
                (article_id,),
            )
        ]
        published = dt.date.fromisoformat(row[2]) if row[2] else None
        return StoredArticle(id=row[0], text=text, published=published, source=row[3], dropped=dropped)

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY id")]

    def iter_claims(self, article_id: str | None = None) -> Iterator[Claim]:
        """Claims as extracted, in article and position order."""
        sql = "SELECT data FROM claims"
        args: tuple = ()
        if article_id is not None:
            sql += " WHERE article_id = ?"
            args = (article_id,)
        for (data,) in self.conn.execute(sql + " ORDER BY article_id, position", args):
            yield Claim.model_validate_json(data)

    def get_claim(self, claim_id: str) -> Claim | None:
        row = self.conn.execute("SELECT data FROM claims WHERE claim_id = ?", (claim_id,)).fetchone()
        return Claim.model_validate_json(row[0]) if row else None

    def counts(self) -> dict[str, int]:
        return {
            table: self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("articles", "dropped_paragraphs", "claims", "decisions")
        }

    # -- review decisions ----------------------------------------------------------------------------

    def add_decision(
        self,
        claim_id: str,
        reviewer: str,
        decision: str,
        claim: Claim | None = None,
        undoes: int | None = None,
    ) -> int:
        """Append one decision row (never updates one) and return its id."""
        if decision not in DECISIONS:
            raise ValueError(f"decision must be one of {', '.join(DECISIONS)}")
        row = self.conn.execute("SELECT article_id FROM claims WHERE claim_id = ?", (claim_id,)).fetchone()
        if row is None:
            raise KeyError(f"no claim {claim_id!r}")
        with self.transaction():
            cur = self.conn.execute(
                "INSERT INTO decisions(claim_id, article_id, reviewer, decision, claim, undoes, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (claim_id, row[0], reviewer, decision, claim.model_dump_json() if claim else None, undoes, now()),
            )
            return int(cur.lastrowid)

    def decisions(self, claim_id: str | None = None, reviewer: str | None = None) -> list[Decision]:
        """Decision rows, oldest first."""
        where, args = [], []
        if claim_id is not None:
            where.append("claim_id = ?")
            args.append(claim_id)
        if reviewer is not None:
            where.append("reviewer = ?")
            args.append(reviewer)
        sql = "SELECT id, claim_id, article_id, reviewer, decision, claim, undoes, created_at FROM decisions"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [
            Decision(r[0], r[1], r[2], r[3], r[4], Claim.model_validate_json(r[5]) if r[5] else None, r[6], r[7])
            for r in self.conn.execute(sql + " ORDER BY id", args)
        ]

    def orphaned_decisions(self) -> list[Decision]:
        """Decisions whose claim disappeared on re-ingest: kept, never deleted."""
        live = {r[0] for r in self.conn.execute("SELECT claim_id FROM claims")}
        return [d for d in self.decisions() if d.claim_id not in live]


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception.

    Re-entrant: an inner one is a SAVEPOINT inside the outer, so a failed inner block (one article
    of a batch) is undone alone and the outer one decides about the rest.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.outer = False

    def __enter__(self) -> sqlite3.Connection:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")
            self.outer = True
        else:
            self.conn.execute("SAVEPOINT inner_write")
        return self.conn

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if not self.outer:
            if exc_type is not None:
                self.conn.execute("ROLLBACK TO inner_write")
            self.conn.execute("RELEASE inner_write")
            return
        if exc_type is None:
            self.conn.execute("COMMIT")
        else:
            self.conn.execute("ROLLBACK")
