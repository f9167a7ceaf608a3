"""The shared engine: PostgreSQL through psycopg 3, a generated tsvector for search, one transaction per document."""

from __future__ import annotations

import builtins
import json
import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from spinscope.document import Document
from spinscope.errors import ErrorCode, StoreError
from spinscope.store.base import SCHEMA_VERSION, StoredDocument
from spinscope.store.schema import DOCUMENT_COLUMNS, document_row, stored_analysis

__all__ = ["PostgresStore", "redact_url"]

logger = logging.getLogger(__name__)

# 'simple' = lower-casing without stemming or stop words, as close as PostgreSQL gets to FTS5's unicode61,
# so both engines find the same documents for the same words.
_TS_CONFIG = "simple"

# A tsvector is capped at 1 MB; indexing the first 500k characters keeps pathological inputs storable.
_DDL = (
    """CREATE TABLE IF NOT EXISTS documents (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id TEXT COLLATE "C" NOT NULL UNIQUE,
        hash TEXT COLLATE "C" NOT NULL UNIQUE,
        source TEXT NOT NULL,
        title TEXT, url TEXT, outlet TEXT, outlet_domain TEXT, published TEXT, language TEXT,
        text TEXT NOT NULL,
        meta TEXT NOT NULL,
        analysis TEXT,
        ingested_at TEXT NOT NULL,
        fts tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A')
            || setweight(to_tsvector('simple'::regconfig, left(text, 500000)), 'B')
        ) STORED
    )""",
    "CREATE INDEX IF NOT EXISTS documents_outlet ON documents(outlet)",
    "CREATE INDEX IF NOT EXISTS documents_published ON documents(published)",
    "CREATE INDEX IF NOT EXISTS documents_fts ON documents USING GIN (fts)",
    "CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL)",
)

# Serialises concurrent first opens: CREATE … IF NOT EXISTS races on the catalog otherwise.
_MIGRATE_LOCK = 0x5350494E  # "SPIN"

# Title weighs twice the body, as the SQLite engine's bm25 weights (A=1.0, B=0.5); rank is divided by
# 1 + log(length) so long articles do not win by size alone.
_SEARCH = f"""
WITH q AS (SELECT plainto_tsquery('{_TS_CONFIG}', %(query)s) AS q),
hits AS (
    SELECT d.seq, d.id, d.source, d.title, d.text, q.q,
           ts_rank_cd('{{0.1, 0.2, 0.5, 1.0}}', d.fts, q.q, 1) AS score
    FROM documents d, q WHERE d.fts @@ q.q
    ORDER BY score DESC, d.seq LIMIT %(limit)s
)
SELECT id, source, title, score,
       ts_headline('{_TS_CONFIG}', text, q,
                   'StartSel=[, StopSel=], MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=" … "')
           AS snippet
FROM hits ORDER BY score DESC, seq
"""


class PostgresStore:
    """A store in one PostgreSQL database; one connection, guarded by a lock for threaded callers."""

    def __init__(self, url: str) -> None:
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as exc:
            raise StoreError(ErrorCode.E021, "psycopg", "pip install 'spinscope[postgres]'") from exc

        self._psycopg = psycopg
        self.url = redact_url(url)
        self._lock = threading.Lock()
        kwargs: dict[str, Any] = {}
        if "connect_timeout" not in url:
            kwargs["connect_timeout"] = 10  # a wrong host should fail fast, not hang the CLI
        try:
            self._conn = psycopg.connect(url, autocommit=True, row_factory=dict_row, **kwargs)
        except psycopg.Error as exc:
            raise StoreError(ErrorCode.E010, self.url, _scrub(_first_line(exc), url)) from exc
        logger.debug("opened %s", self.url)
        try:
            self._migrate()
        except psycopg.Error as exc:  # e.g. no right to create tables: the URL's role or database is wrong
            self._conn.close()
            raise StoreError(ErrorCode.E010, self.url, _first_line(exc)) from exc
        except BaseException:
            self._conn.close()
            raise

    def _migrate(self) -> None:
        with self._transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATE_LOCK,))
            for statement in _DDL:
                self._conn.execute(statement)
            row = self._conn.execute("SELECT version FROM schema_info").fetchone()
            if row is None:
                self._conn.execute("INSERT INTO schema_info(version) VALUES (%s)", (SCHEMA_VERSION,))
            elif row["version"] > SCHEMA_VERSION:
                raise StoreError(ErrorCode.E012, self.url, f"schema {row['version']} > {SCHEMA_VERSION}")

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One transaction under the lock: committed on success, rolled back on any error."""
        with self._lock, self._errors(), self._conn.transaction():
            yield

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn a lost or refused connection into E010 naming the URL (without its password)."""
        try:
            yield
        except self._psycopg.OperationalError as exc:
            raise StoreError(ErrorCode.E010, self.url, _first_line(exc)) from exc

    def _query(self, sql: str, params: Any = None) -> list[dict[str, Any]]:
        with self._lock, self._errors():
            return self._conn.execute(sql, params).fetchall()

    def add(self, doc: Document, analysis: dict[str, Any] | None = None) -> tuple[str, bool]:
        """Store a document and its analysis in one transaction; idempotent by content hash."""
        row = document_row(doc, analysis)
        for key, value in row.items():
            # PostgreSQL text cannot hold NUL; U+FFFD keeps every character offset where it was.
            if isinstance(value, str) and "\x00" in value:
                row[key] = value.replace("\x00", "\ufffd")
        cols = ", ".join(DOCUMENT_COLUMNS)
        marks = ", ".join(f"%({c})s" for c in DOCUMENT_COLUMNS)
        with self._transaction():
            # Two different texts may share a short id prefix only by a hash collision; keep ids unique.
            clash = self._conn.execute(
                "SELECT 1 FROM documents WHERE id = %(id)s AND hash <> %(hash)s", row
            ).fetchone()
            if clash:
                row["id"] = row["hash"]
            for _ in range(2):
                # No conflict target: a concurrent writer of the same text collides on id and hash at once, and
                # either index may report it first; after it commits the row is found by hash below.
                inserted = self._conn.execute(
                    f"INSERT INTO documents({cols}) VALUES ({marks}) ON CONFLICT DO NOTHING RETURNING id", row
                ).fetchone()
                if inserted is not None:
                    return str(inserted["id"]), True
                existing = self._conn.execute("SELECT id FROM documents WHERE hash = %(hash)s", row).fetchone()
                if existing is not None:
                    if row["analysis"] is not None:
                        self._conn.execute(
                            "UPDATE documents SET analysis = %(analysis)s WHERE hash = %(hash)s AND analysis IS NULL",
                            row,
                        )
                    return str(existing["id"]), False
                row["id"] = row["hash"]  # another text took this id since the check above
            raise StoreError(ErrorCode.E010, self.url, f"could not store {doc.id}: id and hash both taken")

    def status(self, content_hash: str) -> str | None:
        """Return None if no document has this content hash, else "raw" or "analysed"."""
        rows = self._query("SELECT analysis IS NOT NULL AS analysed FROM documents WHERE hash = %s", (content_hash,))
        return None if not rows else ("analysed" if rows[0]["analysed"] else "raw")

    def get(self, doc_id: str) -> dict[str, Any]:
        """Return the stored analysis object of a document (an id or a unique id prefix)."""
        if not doc_id.strip():
            raise StoreError(ErrorCode.E011, repr(doc_id), "empty id")
        rows = self._query(
            "SELECT * FROM documents WHERE id = %s OR id LIKE %s LIMIT 2", (doc_id, _like_prefix(doc_id))
        )
        exact = [r for r in rows if r["id"] == doc_id]
        if exact:
            return stored_analysis(exact[0])
        if len(rows) != 1:
            raise StoreError(ErrorCode.E011, doc_id, "ambiguous id prefix" if rows else "")
        return stored_analysis(rows[0])

    def list(self, limit: int = 50, offset: int = 0) -> list[StoredDocument]:
        """Return documents, most recently ingested first."""
        rows = self._query(
            "SELECT id, source, title, url, outlet, published, language, analysis IS NOT NULL AS analysed,"
            " ingested_at FROM documents ORDER BY seq DESC LIMIT %s OFFSET %s",
            (limit, offset),
        )
        return [StoredDocument(**r) for r in rows]

    def search(self, query: str, limit: int = 20) -> builtins.list[dict[str, Any]]:
        """Full-text search ranked by cover density; the query is plain words, never tsquery syntax."""
        words = re.findall(r"\w+", query, flags=re.UNICODE)
        if not words:
            return []
        # Only the words go to plainto_tsquery, so both engines search the same tokens.
        rows = self._query(_SEARCH, {"query": " ".join(words), "limit": limit})
        return [{"id": r["id"], "source": r["source"], "title": r["title"], "score": float(f"{float(r['score']):.4g}"),
                 "snippet": r["snippet"]} for r in rows]

    def iter_analyses(self) -> Iterator[dict[str, Any]]:
        """Yield every stored analysis object, in ingest order."""
        last = 0
        while True:
            rows = self._query("SELECT * FROM documents WHERE seq > %s ORDER BY seq LIMIT 200", (last,))
            if not rows:
                return
            for r in rows:
                yield stored_analysis(r)
            last = rows[-1]["seq"]

    def count(self) -> int:
        """Return the number of stored documents."""
        return int(self._query("SELECT count(*) AS n FROM documents")[0]["n"])

    def load_state(self, name: str) -> Any:
        """Return a named JSON state blob, or None."""
        rows = self._query("SELECT value FROM state WHERE name = %s", (name,))
        return json.loads(rows[0]["value"]) if rows else None

    def save_state(self, name: str, value: Any) -> None:
        """Write a named JSON state blob in one transaction."""
        text = json.dumps(value, ensure_ascii=False)
        with self._transaction():
            self._conn.execute(
                "INSERT INTO state(name, value) VALUES (%s, %s)"
                " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                (name, text),
            )

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def redact_url(url: str) -> str:
    """Return the URL with any password (in the authority or a `password=` parameter) replaced by `***`."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, hosts = netloc.rpartition("@")
        if ":" in userinfo:
            userinfo = userinfo.split(":", 1)[0] + ":***"
        netloc = f"{userinfo}@{hosts}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        query = urlencode([(k, "***" if k.lower() == "password" else v) for k, v in pairs], safe="*")
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _scrub(message: str, url: str) -> str:
    """Remove the URL's password from a driver message (libpq may echo parts of a malformed URL)."""
    parts = urlsplit(url)
    secrets = [parts.password or ""] + [v for k, v in parse_qsl(parts.query) if k.lower() == "password"]
    for secret in filter(None, secrets):
        message = message.replace(secret, "***")
    return message


def _like_prefix(prefix: str) -> str:
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
