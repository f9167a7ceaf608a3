"""The embedded engine: one SQLite file, FTS5 for search, one transaction per document."""

from __future__ import annotations

import builtins
import json
import logging
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spinscope.document import Document
from spinscope.errors import ErrorCode, StoreError
from spinscope.store.base import SCHEMA_VERSION, StoredDocument
from spinscope.store.schema import DOCUMENT_COLUMNS, document_row, stored_analysis

__all__ = ["SqliteStore"]

logger = logging.getLogger(__name__)

_DDL = """
CREATE TABLE IF NOT EXISTS documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    title TEXT, url TEXT, outlet TEXT, outlet_domain TEXT, published TEXT, language TEXT,
    text TEXT NOT NULL,
    meta TEXT NOT NULL,
    analysis TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_outlet ON documents(outlet);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL);
"""


class SqliteStore:
    """A store in one SQLite file; a single writer, guarded by a lock for threaded callers."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.url = f"sqlite:///{self.path}"
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA busy_timeout=10000")
            self._migrate()
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(ErrorCode.E010, str(self.path), str(exc)) from exc

    def _migrate(self) -> None:
        with self._transaction():
            for statement in _split(_DDL):
                self._conn.execute(statement)
            row = self._conn.execute("SELECT version FROM schema_info").fetchone()
            if row is None:
                self._conn.execute("INSERT INTO schema_info(version) VALUES (?)", (SCHEMA_VERSION,))
            elif row[0] > SCHEMA_VERSION:
                raise StoreError(ErrorCode.E012, str(self.path), f"schema {row[0]} > {SCHEMA_VERSION}")

    def _transaction(self) -> _Transaction:
        return _Transaction(self._conn, self._lock)

    def add(self, doc: Document, analysis: dict[str, Any] | None = None) -> tuple[str, bool]:
        """Store a document and its analysis in one transaction; idempotent by content hash."""
        row = document_row(doc, analysis)
        with self._transaction():
            existing = self._conn.execute(
                "SELECT id, analysis FROM documents WHERE hash = ?", (row["hash"],)
            ).fetchone()
            if existing is not None:
                if existing["analysis"] is None and row["analysis"] is not None:
                    self._conn.execute(
                        "UPDATE documents SET analysis = ? WHERE hash = ?", (row["analysis"], row["hash"])
                    )
                return str(existing["id"]), False
            # Two different texts may share a short id prefix only by a hash collision; keep ids unique.
            if self._conn.execute("SELECT 1 FROM documents WHERE id = ?", (row["id"],)).fetchone():
                row["id"] = row["hash"]
            cols = ", ".join(DOCUMENT_COLUMNS)
            marks = ", ".join("?" for _ in DOCUMENT_COLUMNS)
            self._conn.execute(f"INSERT INTO documents({cols}) VALUES ({marks})", [row[c] for c in DOCUMENT_COLUMNS])
        return str(row["id"]), True

    def status(self, content_hash: str) -> str | None:
        """Return None if no document has this content hash, else "raw" or "analysed"."""
        row = self._conn.execute(
            "SELECT analysis IS NOT NULL FROM documents WHERE hash = ?", (content_hash,)
        ).fetchone()
        return None if row is None else ("analysed" if row[0] else "raw")

    def get(self, doc_id: str) -> dict[str, Any]:
        """Return the stored analysis object of a document (an id or a unique id prefix)."""
        if not doc_id.strip():
            raise StoreError(ErrorCode.E011, repr(doc_id), "empty id")
        rows = self._conn.execute(
            "SELECT * FROM documents WHERE id = ? OR id LIKE ? ESCAPE '\\' LIMIT 2",
            (doc_id, _like_prefix(doc_id)),
        ).fetchall()
        exact = [r for r in rows if r["id"] == doc_id]
        if exact:
            return stored_analysis(dict(exact[0]))
        if len(rows) != 1:
            raise StoreError(ErrorCode.E011, doc_id, "ambiguous id prefix" if rows else "")
        return stored_analysis(dict(rows[0]))

    def list(self, limit: int = 50, offset: int = 0) -> builtins.list[StoredDocument]:
        """Return documents, most recently ingested first."""
        rows = self._conn.execute(
            "SELECT id, source, title, url, outlet, published, language, analysis IS NOT NULL AS analysed, ingested_at"
            " FROM documents ORDER BY rowid DESC LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()
        # sqlite3.Row iterates over values, not column names, so .keys() is needed here.
        return [StoredDocument(**{k: r[k] for k in r.keys()} | {"analysed": bool(r["analysed"])}) for r in rows]  # noqa: SIM118

    def search(self, query: str, limit: int = 20) -> builtins.list[dict[str, Any]]:
        """Full-text search with BM25 ranking; the query is treated as plain words, not FTS syntax."""
        match = _fts_query(query)
        if not match:
            return []
        rows = self._conn.execute(
            "SELECT d.id, d.source, d.title, -bm25(documents_fts, 2.0, 1.0) AS score,"
            " snippet(documents_fts, 1, '[', ']', ' … ', 16) AS snippet"
            " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            " WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts, 2.0, 1.0) LIMIT ?",
            (match, limit),
        ).fetchall()
        return [{"id": r["id"], "source": r["source"], "title": r["title"], "score": float(f"{r['score']:.4g}"),
                 "snippet": r["snippet"]} for r in rows]

    def iter_analyses(self) -> Iterator[dict[str, Any]]:
        """Yield every stored analysis object, in ingest order."""
        last = 0
        while True:
            rows = self._conn.execute(
                "SELECT rowid, * FROM documents WHERE rowid > ? ORDER BY rowid LIMIT 200", (last,)
            ).fetchall()
            if not rows:
                return
            for r in rows:
                yield stored_analysis(dict(r))
            last = rows[-1]["rowid"]

    def count(self) -> int:
        """Return the number of stored documents."""
        return int(self._conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def load_state(self, name: str) -> Any:
        """Return a named JSON state blob, or None."""
        row = self._conn.execute("SELECT value FROM state WHERE name = ?", (name,)).fetchone()
        return json.loads(row[0]) if row else None

    def save_state(self, name: str, value: Any) -> None:
        """Write a named JSON state blob in one transaction."""
        with self._transaction():
            self._conn.execute(
                "INSERT INTO state(name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                (name, json.dumps(value, ensure_ascii=False)),
            )

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error, so nothing half-written survives."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.Lock) -> None:
        self._conn = conn
        self._lock = lock

    def __enter__(self) -> None:
        self._lock.acquire()
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except BaseException:
            self._lock.release()
            raise

    def __exit__(self, exc_type: object, *rest: object) -> None:
        try:
            self._conn.execute("ROLLBACK" if exc_type else "COMMIT")
        finally:
            self._lock.release()


def _split(ddl: str) -> list[str]:
    # Triggers contain semicolons; split on the statement terminator at line ends only.
    out, buf = [], []
    for line in ddl.strip().splitlines():
        buf.append(line)
        if line.rstrip().endswith(";") and (not buf[0].lstrip().startswith("CREATE TRIGGER") or line.strip() == "END;"):
            out.append("\n".join(buf))
            buf = []
    return out


def _like_prefix(prefix: str) -> str:
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _fts_query(query: str) -> str:
    """Quote each word so user text can never be read as FTS5 syntax."""
    import re

    words = re.findall(r"\w+", query, flags=re.UNICODE)
    return " ".join('"' + w + '"' for w in words)
