"""Storage: one interface, two engines (SQLite with FTS5 by default, PostgreSQL by URL)."""

from spinscope.store.base import Store, StoredDocument, default_store_path, open_store

__all__ = ["Store", "StoredDocument", "default_store_path", "open_store"]
