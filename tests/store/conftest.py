"""Store fixtures: the same tests run on a fresh SQLite file and, when a server is given, a fresh PostgreSQL schema."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from spinscope.store import Store, open_store

PG_ENV = "SPINSCOPE_TEST_PG_URL"


@pytest.fixture(scope="session")
def pg_url() -> str:
    """The PostgreSQL server of the run; the postgres tests are skipped without one."""
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} is not set (run `export {PG_ENV}=$(bash .ci/postgres.sh | tail -1)`)")
    return url


@pytest.fixture()
def pg_schema_url(pg_url: str) -> Iterator[str]:
    """A URL whose search_path is a fresh, empty schema, dropped afterwards."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in pg_url else "?"
    yield f"{pg_url}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh store lives: a SQLite file path or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "store.sqlite")
    return str(request.getfixturevalue("pg_schema_url"))


@pytest.fixture()
def open_target(store_target: str) -> Iterator[Callable[[], Store]]:
    """Open (another connection to) the fresh store; every store opened is closed afterwards."""
    opened: list[Store] = []

    def _open() -> Store:
        store = open_store(store_target)
        opened.append(store)
        return store

    yield _open
    for store in opened:
        with contextlib.suppress(Exception):  # a test may have closed it already
            store.close()


@pytest.fixture()
def store(open_target: Callable[[], Store]) -> Store:
    """A fresh, empty store of the engine under test."""
    return open_target()
