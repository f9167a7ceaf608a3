"""SQLite-only behaviour: open errors and the `sqlite:///` URL form."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinscope.errors import ErrorCode, StoreError
from spinscope.store import open_store
from spinscope.store.sqlite import SqliteStore


def test_unopenable_path_is_e010(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(StoreError) as err:
        open_store(blocker / "store.sqlite")
    assert err.value.code is ErrorCode.E010 and "a-file" in str(err.value)


def test_not_a_database_is_e010(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a sqlite database at all" * 100)
    with pytest.raises(StoreError) as err:
        open_store(junk)
    assert err.value.code is ErrorCode.E010


def test_sqlite_url_opens_the_same_file(tmp_path: Path) -> None:
    path = tmp_path / "via-url.sqlite"
    store = open_store(f"sqlite:///{path}")
    try:
        assert isinstance(store, SqliteStore) and store.path == path and path.exists()
    finally:
        store.close()
