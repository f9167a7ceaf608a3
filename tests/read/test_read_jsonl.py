"""JSONL: one article per line; a bad line is one ReadError "file:line" and the file goes on."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from spinscope.document import Document
from spinscope.errors import ErrorCode, ReadError
from spinscope.read import read_bytes, read_paths

TEXT = "TEHRAN - Iran's foreign minister said on Monday that talks in Vienna would continue next week."


def _lines(*records: object) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records).encode()


def test_records_with_metadata(write: Callable[[str, bytes], Path]) -> None:
    path = write("a.jsonl", _lines(
        {"text": TEXT, "title": "Talks go on", "url": "https://www.presstv.ir/Detail/1",
         "published": "2021-05-26T08:00:00Z", "id": "rec-1"},
        {"text": TEXT + " More.", "outlet": "Tehran Times"},
        {"text": TEXT + " Other.", "outlet": {"name": "Local Paper", "domain": "localpaper.example"}},
    ))
    docs = list(read_paths([str(path)]))
    assert all(isinstance(d, Document) for d in docs)
    first, second, third = docs  # type: ignore[misc]
    assert first.id == "rec-1" and first.source == f"{path}:1"
    assert first.meta.title == "Talks go on" and first.meta.published == "2021-05-26"
    assert first.meta.outlet is not None and first.meta.outlet.name == "Press TV"
    assert first.meta.dateline == "Tehran" and first.meta.language == "en"
    assert first.text == TEXT
    assert second.id == second.hash[:16]
    assert second.meta.outlet is not None and second.meta.outlet.domain == "tehrantimes.com"
    assert third.meta.outlet is not None
    assert (third.meta.outlet.name, third.meta.outlet.domain, third.meta.outlet.state_affiliated) == (
        "Local Paper", "localpaper.example", None)


def test_bad_lines_yield_errors_and_the_file_goes_on(write: Callable[[str, bytes], Path]) -> None:
    path = write("mixed.jsonl", _lines(
        {"text": TEXT}, "{not json", "", "[1, 2]", {"title": "no text"}, {"text": "   "}, {"text": TEXT, "title": 5},
        {"text": TEXT + " Last."},
    ))
    items = list(read_paths([str(path)]))
    errors = [i for i in items if isinstance(i, ReadError)]
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.source for d in docs] == [f"{path}:1", f"{path}:8"]
    assert [e.subject for e in errors] == [f"{path}:{n}" for n in (2, 4, 5, 6, 7)]
    assert {e.code for e in errors} == {ErrorCode.E006}


def test_read_bytes_raises_the_first_bad_record() -> None:
    with pytest.raises(ReadError) as info:
        read_bytes(_lines({"text": TEXT}, "oops"), "up.jsonl")
    assert info.value.subject == "up.jsonl:2"


def test_invalid_published_is_ignored_not_invented() -> None:
    (doc,) = read_bytes(_lines({"text": "A plain sentence about nothing in particular here.", "published": "soon"}),
                        "p.jsonl")
    assert doc.meta.published is None


def test_jsonl_is_sniffed_without_suffix() -> None:
    docs = read_bytes(_lines({"text": TEXT}, {"text": TEXT + " Two."}), "<stdin>")
    assert len(docs) == 2


def test_line_separator_inside_a_string_does_not_split_the_record() -> None:
    (doc,) = read_bytes(_lines({"text": "First part\u2028second part of the same record, long enough."}), "s.jsonl")
    assert "\u2028" in doc.text
