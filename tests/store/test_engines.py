"""The same behaviour from both store engines: SQLite on a temporary file, PostgreSQL when a server is given."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from spinscope.document import Document, Meta, Outlet
from spinscope.errors import ErrorCode, StoreError
from spinscope.store import Store
from spinscope.store.base import SCHEMA_VERSION

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
RESULT_KEYS = {"id", "source", "title", "score", "snippet"}


def example_doc(name: str) -> Document:
    """Return a bundled example as a Document with its first line as title."""
    path = next(EXAMPLES.glob(f"{name}_*.txt"))
    text = path.read_text(encoding="utf-8")
    title = text.strip().splitlines()[0].lstrip("# ").strip()
    return Document(text=text, source=str(path), meta=Meta(title=title, language="en"))


def plain_doc(text: str, title: str | None = None, **kwargs: object) -> Document:
    """Return a small hand-written document (controls for ranking and id tests)."""
    return Document(text=text, source=f"inline:{title or text[:20]}", meta=Meta(title=title), **kwargs)  # type: ignore[arg-type]


def outlet_doc() -> Document:
    """An example with full metadata, to check that every summary column is stored."""
    return example_doc("004").with_meta(
        url="https://www.tehrantimes.com/news/461390/hamas",
        outlet=Outlet(name="Tehran Times", domain="tehrantimes.com", country="IR", state_affiliated=True),
        published="2021-05-26",
    )


def _analysis(doc: Document, note: str = "") -> dict[str, Any]:
    return {"schema": "spinscope/analysis-1", "id": doc.id, "source": doc.source, "text": doc.text,
            "meta": doc.meta.to_json(), "techniques": [{"start": 0, "end": 5, "text": doc.text[:5],
                                                        "label": "Loaded_Language", "score": 0.9}],
            "quotes": [], "claims": [], "entities": [], "speakers": [], "note": note}


def _corpus(store: Store) -> dict[str, str]:
    """Store both examples and three unrelated controls; return name -> id."""
    docs = {
        "rhc": example_doc("000"),
        "tehran": example_doc("004"),
        "weather": plain_doc("Heavy rain is expected over the coast on Tuesday, forecasters said.", "Rain ahead"),
        "markets": plain_doc("Stock markets closed higher on Friday after the central bank kept rates.", "Markets"),
        "sport": plain_doc("The home side won the cup final after extra time in front of a full stadium.", "Final"),
    }
    return {name: store.add(doc)[0] for name, doc in docs.items()}


class _FailAfter:
    """A connection stand-in that runs a matching statement and then fails, as a crash mid-transaction would."""

    def __init__(self, conn: Any, prefix: str) -> None:
        self._real = conn
        self._prefix = prefix.upper()

    def execute(self, sql: Any, *args: Any, **kwargs: Any) -> Any:
        result = self._real.execute(sql, *args, **kwargs)
        if str(sql).lstrip().upper().startswith(self._prefix):
            raise RuntimeError("simulated failure after " + self._prefix)
        return result

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def test_readd_is_idempotent(store: Store) -> None:
    doc = example_doc("000")
    first = store.add(doc, _analysis(doc))
    again = store.add(doc, _analysis(doc, note="second run"))
    assert first == (doc.id, True)
    assert again == (doc.id, False)
    assert store.count() == 1
    assert store.get(doc.id)["note"] == ""  # an existing analysis is never overwritten
    assert store.status(doc.hash) == "analysed"


def test_analysis_added_later_to_raw_document(store: Store) -> None:
    doc = example_doc("004")
    assert store.status(doc.hash) is None
    assert store.add(doc) == (doc.id, True)
    assert store.status(doc.hash) == "raw"
    raw = store.get(doc.id)
    assert raw["text"] == doc.text and raw["techniques"] == [] and raw["meta"]["title"] == doc.meta.title
    assert store.add(doc, _analysis(doc, note="later")) == (doc.id, False)
    assert store.status(doc.hash) == "analysed"
    assert store.get(doc.id) == _analysis(doc, note="later")
    assert store.count() == 1
    assert [row.analysed for row in store.list()] == [True]


def test_concurrent_adds_of_one_document_store_it_once(open_target: Callable[[], Store]) -> None:
    doc = example_doc("000")
    stores = [open_target() for _ in range(4)]
    results: list[tuple[str, bool]] = []
    errors: list[BaseException] = []
    start = threading.Barrier(len(stores))

    def worker(s: Store) -> None:
        try:
            start.wait()
            results.append(s.add(doc, _analysis(doc)))
        except BaseException as exc:  # noqa: BLE001 - reported by the assert below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(results) == [(doc.id, False)] * 3 + [(doc.id, True)]
    assert stores[0].count() == 1


def test_summary_row_and_stored_analysis(store: Store) -> None:
    doc = outlet_doc()
    store.add(doc, _analysis(doc))
    [row] = store.list()
    assert row.to_json() | {"ingested_at": None} == {
        "id": doc.id, "source": doc.source, "title": doc.meta.title,
        "url": "https://www.tehrantimes.com/news/461390/hamas", "outlet": "Tehran Times",
        "published": "2021-05-26", "language": "en", "analysed": True, "ingested_at": None,
    }
    assert row.ingested_at[:4].isdigit() and "T" in row.ingested_at
    assert store.get(doc.id) == _analysis(doc)


def test_get_by_unique_prefix(store: Store) -> None:
    ids = _corpus(store)
    full = ids["rhc"]
    assert store.get(full)["id"] == full
    assert store.get(full[:6])["source"].endswith("000_0d4423ccaaff396e.txt")


def test_ambiguous_and_missing_ids(store: Store) -> None:
    a = plain_doc("First text sharing an id prefix.", id="abcd1111")
    b = plain_doc("Second text sharing an id prefix.", id="abcd2222")
    store.add(a)
    store.add(b)
    with pytest.raises(StoreError) as ambiguous:
        store.get("abcd")
    assert ambiguous.value.code is ErrorCode.E011 and "ambiguous" in str(ambiguous.value)
    for missing in ("ffff", "abcd3", "%", "_bcd", "abcd%", "\\"):
        with pytest.raises(StoreError) as err:
            store.get(missing)
        assert err.value.code is ErrorCode.E011
    assert store.get("abcd2")["text"] == b.text


def test_same_short_id_for_different_texts_keeps_both(store: Store) -> None:
    a = plain_doc("One text.", id="0000aaaa")
    b = plain_doc("Another text.", id="0000aaaa")
    assert store.add(a) == ("0000aaaa", True)
    assert store.add(b) == (b.hash, True)
    assert store.get("0000aaaa")["text"] == "One text."
    assert store.get(b.hash)["text"] == "Another text."


def test_search_ranks_more_relevant_first_with_marked_snippet(store: Store) -> None:
    ids = _corpus(store)
    results = store.search("resistance")
    assert [r["id"] for r in results] == [ids["tehran"], ids["rhc"]]  # 9 mentions against 2
    assert all(set(r) == RESULT_KEYS for r in results)
    assert results[0]["score"] > results[1]["score"] > 0
    assert "[resistance]" in results[0]["snippet"].lower()
    assert results[0]["title"].startswith("date 2021-05-26 TEHRAN")

    only = store.search("ROCKETS")  # case-insensitive
    assert [r["id"] for r in only] == [ids["tehran"]]
    assert "[rockets]" in only[0]["snippet"]
    # All words must occur: Germany is only in the RHC article.
    assert [r["id"] for r in store.search("Hamas Germany")] == [ids["rhc"]]
    assert store.search("Hamas cricket") == []
    assert store.search("") == [] and store.search("  ...  ") == []
    assert len(store.search("the", limit=2)) == 2


def test_title_match_outranks_body_match(store: Store) -> None:
    titled = plain_doc("Officials met in the capital to discuss the harvest and the next steps.", "Drought talks")
    body = plain_doc("Officials met in the capital to discuss a drought and the next steps.", "Talks resume")
    store.add(body)
    store.add(titled)
    _corpus(store)
    assert [r["id"] for r in store.search("drought")] == [titled.id, body.id]


@pytest.mark.parametrize("query", [
    '"Hamas', 'Hamas"', '"Hamas AND Iran"', "Hamas AND", "AND", "OR Iran", "NOT", "Hamas NOT Iran",
    "NEAR(Hamas Iran, 2)", "NEAR", "Hama*", "*", "(Hamas", "Hamas)", "()", "title:Hamas", "text : Iran",
    "^Hamas", "-Hamas", "Hamas -Iran", "Hamas & Iran | Gaza", "!Hamas", "Hamas <-> Iran", "Hamas:*", "'Hamas'",
    "Hamas's", "{Hamas}", "[Hamas]", "+", "\\", "%", "_", ":", "''", "Hamas\x00Iran", "Hamas; DROP TABLE documents",
])
def test_query_syntax_characters_are_plain_text(store: Store, query: str) -> None:
    ids = _corpus(store)
    results = store.search(query)
    assert all(set(r) == RESULT_KEYS for r in results)
    assert store.count() == len(ids)  # nothing a query says can change the store


def test_punctuation_around_a_word_does_not_change_its_results(store: Store) -> None:
    _corpus(store)
    plain = [r["id"] for r in store.search("Hamas")]
    assert len(plain) == 2
    for decorated in ('"Hamas"', "Hamas:*", "(Hamas)", "Hamas*", "^Hamas", "-Hamas", "!Hamas", "{Hamas}"):
        assert [r["id"] for r in store.search(decorated)] == plain, decorated


def test_state_round_trip(store: Store) -> None:
    assert store.load_state("speakers") is None
    value = {"clusters": [["Khaled Qaddoumi", "Khaled al-Qaddoumi"]], "next": 3, "note": "القدومي"}
    store.save_state("speakers", value)
    assert store.load_state("speakers") == value
    store.save_state("speakers", {"next": 4})
    assert store.load_state("speakers") == {"next": 4}
    with pytest.raises(TypeError):
        store.save_state("speakers", {"bad": object()})
    assert store.load_state("speakers") == {"next": 4}
    assert store.load_state("other") is None


def test_iter_analyses_and_list_order(store: Store) -> None:
    ids = _corpus(store)
    order = list(ids.values())
    assert [a["id"] for a in store.iter_analyses()] == order
    assert [row.id for row in store.list()] == order[::-1]
    assert [row.id for row in store.list(limit=2, offset=1)] == order[::-1][1:3]
    assert store.count() == len(order)


def test_iter_analyses_pages_past_one_batch(store: Store) -> None:
    docs = [plain_doc(f"Bulletin number {i} of the day.", f"Bulletin {i}") for i in range(450)]
    for doc in docs:
        store.add(doc, _analysis(doc))
    assert [a["id"] for a in store.iter_analyses()] == [d.id for d in docs]


def test_failed_insert_leaves_nothing(store: Store) -> None:
    doc = example_doc("000")
    real = store._conn  # type: ignore[attr-defined]
    store._conn = _FailAfter(real, "INSERT INTO documents")  # type: ignore[attr-defined]
    with pytest.raises(RuntimeError, match="simulated failure"):
        store.add(doc, _analysis(doc))
    store._conn = real  # type: ignore[attr-defined]
    assert store.count() == 0
    assert store.status(doc.hash) is None
    assert store.search("Qaddoumi") == [] and store.list() == []
    assert store.add(doc, _analysis(doc)) == (doc.id, True)  # still usable, and the retry writes it whole
    assert [r["id"] for r in store.search("Qaddoumi")] == [doc.id]


def test_failed_analysis_update_keeps_raw_document(store: Store) -> None:
    doc = example_doc("004")
    store.add(doc)
    real = store._conn  # type: ignore[attr-defined]
    store._conn = _FailAfter(real, "UPDATE documents")  # type: ignore[attr-defined]
    with pytest.raises(RuntimeError, match="simulated failure"):
        store.add(doc, _analysis(doc))
    store._conn = real  # type: ignore[attr-defined]
    assert store.status(doc.hash) == "raw"
    assert store.get(doc.id)["techniques"] == []
    assert store.add(doc, _analysis(doc)) == (doc.id, False)
    assert store.status(doc.hash) == "analysed"


def test_unserialisable_analysis_writes_nothing(store: Store) -> None:
    doc = example_doc("000")
    with pytest.raises(TypeError):
        store.add(doc, {"schema": "spinscope/analysis-1", "bad": {1, 2}})
    assert store.count() == 0 and store.status(doc.hash) is None
    assert store.add(doc) == (doc.id, True)


def test_text_with_nul_character_is_stored(store: Store) -> None:
    doc = plain_doc("Before\x00after the storm came a drought.", "Nul\x00title")
    assert store.add(doc) == (doc.id, True)
    assert store.add(doc) == (doc.id, False)
    got = store.get(doc.id)["text"]
    # Offsets must survive: PostgreSQL stores U+FFFD in place of NUL, SQLite the NUL itself.
    assert len(got) == len(doc.text) and got.replace("\x00", "\ufffd") == doc.text.replace("\x00", "\ufffd")
    assert [r["id"] for r in store.search("drought")] == [doc.id]


def test_reopened_store_keeps_everything(open_target: Callable[[], Store]) -> None:
    first = open_target()
    ids = _corpus(first)
    first.save_state("linker", [1, 2, 3])
    first.close()
    second = open_target()
    assert second.count() == len(ids)
    assert second.load_state("linker") == [1, 2, 3]
    assert [r["id"] for r in second.search("rockets")] == [ids["tehran"]]


def test_newer_schema_is_refused(open_target: Callable[[], Store]) -> None:
    store = open_target()
    store._conn.execute(f"UPDATE schema_info SET version = {SCHEMA_VERSION + 1}")  # type: ignore[attr-defined]
    store.close()
    with pytest.raises(StoreError) as err:
        open_target()
    assert err.value.code is ErrorCode.E012


_INGEST_CHILD = """
import sys
from spinscope.document import Document, Meta
from spinscope.store import open_store

target, base = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
store = open_store(target)
for i in range(100000):
    text = f"{base}\\n\\nmarker{i:06d}\\n"
    analysis = {"schema": "spinscope/analysis-1", "n": i, "claims": [{"text": base, "i": i}] * 10}
    print(i, flush=True)  # announced before the write, so the kill lands during (or just after) an add
    store.add(Document(text=text, source=f"gen/{i}", meta=Meta(title=f"Generated {i}")), analysis)
"""


def test_killed_ingest_leaves_only_whole_documents(store_target: str, store: Store, tmp_path: Path) -> None:
    base = example_doc("000").text + example_doc("004").text
    base_file = tmp_path / "base.txt"
    base_file.write_text(base, encoding="utf-8")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    child = subprocess.Popen([sys.executable, "-c", _INGEST_CHILD, store_target, str(base_file)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout is not None
        last = -1
        while last < 60:
            line = child.stdout.readline()
            assert line, f"ingest child ended early: {child.stderr.read() if child.stderr else ''}"
            last = int(line)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert child.returncode == -signal.SIGKILL

    n = store.count()
    assert last <= n <= last + 1
    analyses = list(store.iter_analyses())
    assert [a["n"] for a in analyses] == list(range(n))  # every committed document, in order, nothing else
    for a in analyses:
        assert len(a["claims"]) == 10 and all(c["text"] == base for c in a["claims"])
    for i in (0, n // 2, n - 1):
        [hit] = store.search(f"marker{i:06d}")
        assert hit["title"] == f"Generated {i}"
    assert len(store.search("Qaddoumi", limit=n + 10)) == n
    if not store_target.startswith("postgresql"):
        _check_sqlite_file(Path(store_target), n)


def _check_sqlite_file(path: Path, n: int) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # The docsize shadow table holds one row per indexed document: the FTS index matches the rows.
        assert conn.execute("SELECT count(*) FROM documents_fts_docsize").fetchone()[0] == n
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
        for (raw,) in conn.execute("SELECT analysis FROM documents"):
            json.loads(raw)
    finally:
        conn.close()


def test_empty_id_is_not_found_even_with_one_document(store) -> None:  # type: ignore[no-untyped-def]
    """Regression: an empty prefix used to match the only stored document."""
    from spinscope import Document
    from spinscope.errors import StoreError

    store.add(Document("Only one document here.", "one.txt"))
    with pytest.raises(StoreError, match="E011"):
        store.get("")
