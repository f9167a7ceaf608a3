"""The storage interface every engine implements, and `open_store` which picks the engine."""

from __future__ import annotations

import builtins
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from spinscope.document import Document

__all__ = ["Store", "StoredDocument", "open_store", "default_store_path", "SCHEMA_VERSION"]

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A summary row of one stored document."""

    id: str
    source: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    language: str | None
    analysed: bool
    ingested_at: str

    def to_json(self) -> dict[str, Any]:
        """Return the row as a plain dict."""
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published,
            "language": self.language,
            "analysed": self.analysed,
            "ingested_at": self.ingested_at,
        }


class Store(Protocol):
    """What the CLI, API and batch engine need from storage."""

    url: str

    def add(self, doc: Document, analysis: dict[str, Any] | None = None) -> tuple[str, bool]:
        """Store a document (and its analysis) in one transaction; returns (id, created).

        Idempotent by content hash: a document already stored is not written again, except that
        an analysis is added to a stored document that had none.
        """
        ...

    def status(self, content_hash: str) -> str | None:
        """Return None if no document has this content hash, else "raw" or "analysed"."""
        ...

    def get(self, doc_id: str) -> dict[str, Any]:
        """Return the stored analysis object of a document (or its text and meta if not analysed)."""
        ...

    def list(self, limit: int = 50, offset: int = 0) -> builtins.list[StoredDocument]:
        """Return documents, most recently ingested first."""
        ...

    def search(self, query: str, limit: int = 20) -> builtins.list[dict[str, Any]]:
        """Full-text search: `{"id","source","title","score","snippet"}`, best first."""
        ...

    def iter_analyses(self) -> Iterator[dict[str, Any]]:
        """Yield every stored analysis object, in ingest order."""
        ...

    def count(self) -> int:
        """Return the number of stored documents."""
        ...

    def load_state(self, name: str) -> Any:
        """Return a named JSON state blob (e.g. the speaker linker's), or None."""
        ...

    def save_state(self, name: str, value: Any) -> None:
        """Write a named JSON state blob in one transaction."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...


def default_store_path() -> Path:
    """Return the per-user store file ($SPINSCOPE_STORE overrides)."""
    env = os.environ.get("SPINSCOPE_STORE")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("spinscope")) / "spinscope.sqlite"


def open_store(url_or_path: str | Path | None = None) -> Store:
    """Open a store: a `postgresql://` URL, a `sqlite:///path`, a file path, or the per-user default."""
    target = str(url_or_path) if url_or_path is not None else str(default_store_path())
    if target.startswith(("postgresql://", "postgres://")):
        from spinscope.store.postgres import PostgresStore

        return PostgresStore(target)
    from spinscope.store.sqlite import SqliteStore

    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///") :]  # sqlite:///rel.db or sqlite:////abs/path.db
    return SqliteStore(Path(target))
