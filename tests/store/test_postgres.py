"""PostgreSQL-only behaviour: URL redaction, connection errors, concurrent first opens, the search index."""

from __future__ import annotations

import socket
import threading

import pytest

from spinscope.errors import ErrorCode, StoreError
from spinscope.store import Store, open_store

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'spinscope[postgres]')")

from spinscope.store.postgres import redact_url  # noqa: E402 - needs psycopg only at connect time, kept together


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(("url", "expected"), [
    ("postgresql://spin:s3cret@db.example:5432/news", "postgresql://spin:***@db.example:5432/news"),
    ("postgresql://spin@db.example/news", "postgresql://spin@db.example/news"),
    ("postgres://db.example/news?password=s3cret&sslmode=require",
     "postgres://db.example/news?password=***&sslmode=require"),
    ("postgresql://u:p%40ss@[::1]:5433/x", "postgresql://u:***@[::1]:5433/x"),
])
def test_redact_url_hides_passwords(url: str, expected: str) -> None:
    assert redact_url(url) == expected


@pytest.mark.parametrize("template", [
    "postgresql://spin:s3cret-pw@127.0.0.1:{port}/news",
    "postgresql://spin@127.0.0.1:{port}/news?password=s3cret-pw",
])
def test_unreachable_server_is_e010_naming_url_without_password(template: str) -> None:
    with pytest.raises(StoreError) as err:
        open_store(template.format(port=_free_port()))
    assert err.value.code is ErrorCode.E010
    assert "127.0.0.1" in str(err.value) and "/news" in str(err.value)
    assert "s3cret-pw" not in str(err.value)


@pytest.mark.postgres
def test_missing_database_is_e010(pg_url: str) -> None:
    base = pg_url.rsplit("/", 1)[0]
    with pytest.raises(StoreError) as err:
        open_store(f"{base}/spinscope_no_such_database")
    assert err.value.code is ErrorCode.E010 and "spinscope_no_such_database" in str(err.value)


@pytest.mark.postgres
def test_lost_connection_is_e010(pg_schema_url: str, pg_url: str) -> None:
    store = open_store(pg_schema_url)
    try:
        pid = store._conn.info.backend_pid  # type: ignore[attr-defined]
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        with pytest.raises(StoreError) as err:
            store.count()
        assert err.value.code is ErrorCode.E010 and "s3cret" not in str(err.value)
    finally:
        store.close()


@pytest.mark.postgres
def test_concurrent_first_opens_create_the_schema_once(pg_schema_url: str) -> None:
    stores: list[Store] = []
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def opener() -> None:
        try:
            start.wait()
            stores.append(open_store(pg_schema_url))
        except BaseException as exc:  # noqa: BLE001 - reported by the assert below
            errors.append(exc)

    threads = [threading.Thread(target=opener) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert errors == []
        rows = stores[0]._conn.execute("SELECT version FROM schema_info").fetchall()  # type: ignore[attr-defined]
        assert len(rows) == 1
    finally:
        for s in stores:
            s.close()


@pytest.mark.postgres
def test_search_can_use_the_gin_index(pg_schema_url: str) -> None:
    store = open_store(pg_schema_url)
    try:
        conn = store._conn  # type: ignore[attr-defined]
        conn.execute("SET enable_seqscan = off")
        plan = " ".join(r["QUERY PLAN"] for r in conn.execute(
            "EXPLAIN SELECT id FROM documents WHERE fts @@ plainto_tsquery('simple', 'Hamas')").fetchall())
        assert "documents_fts" in plan
    finally:
        store.close()


@pytest.mark.postgres
def test_role_without_create_rights_is_e010(pg_url: str) -> None:
    import uuid

    role = f"spin_reader_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(f'CREATE ROLE "{role}" LOGIN')
    try:
        scheme, rest = pg_url.split("://", 1)
        with pytest.raises(StoreError) as err:
            open_store(f"{scheme}://{role}@{rest.split('@', 1)[-1]}")
        assert err.value.code is ErrorCode.E010 and "permission denied" in str(err.value)
    finally:
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute(f'DROP ROLE "{role}"')
