"""Paths, directories, globs and stdin: lazy, sorted, hidden files skipped, one error per bad file."""

from __future__ import annotations

import io
import itertools
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from spinscope.document import Document
from spinscope.errors import ErrorCode, ReadError
from spinscope.read import DEFAULT_MAX_BYTES, read_paths

ROOT = Path(__file__).resolve().parents[2]
TEHRAN = ROOT / "examples" / "004_f84c2f7eacc5cb2b.txt"
ARTICLE = b"GENEVA - The agency said on Wednesday that the outbreak had been brought under control.\n"
PAGE = (b"<!doctype html><html><head><title>T</title></head><body><nav>Menu</nav><article><p>"
        + ARTICLE + b"</p><p>Officials said more cases were expected in the coming weeks.</p></article></body></html>")


def test_directory_is_recursive_sorted_and_skips_hidden(write: Callable[[str, bytes], Path], tmp_path: Path) -> None:
    write("b.txt", ARTICLE)
    write("a/z.txt", ARTICLE + b"z")
    write("a/y.md", ARTICLE + b"y")
    write(".hidden.txt", ARTICLE)
    write(".git/config.txt", ARTICLE)
    write("c.html", PAGE)
    sources = [d.source for d in read_paths([str(tmp_path)]) if isinstance(d, Document)]
    assert sources == [str(tmp_path / p) for p in ("b.txt", "c.html", "a/y.md", "a/z.txt")]


def test_glob_patterns(write: Callable[[str, bytes], Path], tmp_path: Path) -> None:
    write("x/one.txt", ARTICLE)
    write("x/deep/two.txt", ARTICLE + b"2")
    write("x/three.html", PAGE)
    sources = [d.source for d in read_paths([str(tmp_path / "x" / "**" / "*.txt")]) if isinstance(d, Document)]
    assert sources == [str(tmp_path / "x/deep/two.txt"), str(tmp_path / "x/one.txt")]


def test_missing_path_and_empty_glob_are_e007(tmp_path: Path) -> None:
    items = list(read_paths([str(tmp_path / "nope.txt"), str(tmp_path / "*.none")]))
    assert [(type(i), i.code) for i in items if isinstance(i, ReadError)] == [(ReadError, ErrorCode.E007)] * 2


def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    payload = json.dumps({"text": ARTICLE.decode()}).encode() + b"\n" + json.dumps({"text": "x" * 40}).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload)))
    docs = list(read_paths(["-"]))
    assert [d.source for d in docs] == ["<stdin>:1", "<stdin>:2"]


def test_stdin_html(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE)))
    (doc,) = read_paths(["-"])
    assert isinstance(doc, Document) and doc.source == "<stdin>" and "outbreak" in doc.text and "Menu" not in doc.text


def test_oversize_file_is_e003(write: Callable[[str, bytes], Path]) -> None:
    path = write("big.txt", ARTICLE * 20)
    (item,) = read_paths([str(path)], max_bytes=100)
    assert isinstance(item, ReadError) and item.code is ErrorCode.E003 and item.subject == str(path)
    assert DEFAULT_MAX_BYTES == 10 * 1024 * 1024


def test_read_paths_is_lazy(write: Callable[[str, bytes], Path], tmp_path: Path) -> None:
    write("1.txt", ARTICLE)
    it = read_paths([str(tmp_path)])
    write("2.txt", ARTICLE + b"2")  # created after the call: a lazy reader still sees it
    assert len(list(it)) == 2


def test_ten_thousand_mixed_files_stream_with_the_right_counts(tmp_path: Path) -> None:
    kinds = [
        ("txt", ARTICLE, 1, 0),
        ("empty.txt", b"", 0, 1),
        ("bin", b"\x00\x01\x02binary\x00" * 10, 0, 1),
        ("md", b"# Title here\n\n" + ARTICLE, 1, 0),
        ("jsonl", json.dumps({"text": ARTICLE.decode()}).encode() + b"\n{bad\n", 1, 1),
        ("latin1.txt", "Caf\xe9 cr\xe8me et cr\xeape, dit-il.".encode("latin-1"), 1, 0),
        ("nav.html", b"<html><body><nav>Home | About</nav></body></html>", 0, 1),
        ("bad.txt", "d\xe9j\xe0 ".encode() + b"\xff\xfe", 0, 1),
    ]
    docs_expected = errors_expected = 0
    for n, (suffix, data, d, e) in zip(range(10_000), itertools.cycle(kinds), strict=False):
        sub = tmp_path / f"d{n % 10}"
        sub.mkdir(exist_ok=True)
        (sub / f"f{n:05d}.{suffix}").write_bytes(data + (str(n).encode() if data and suffix.endswith("txt") else b""))
        docs_expected += d
        errors_expected += e
    docs = errors = 0
    for item in read_paths([str(tmp_path)]):
        if isinstance(item, ReadError):
            errors += 1
        else:
            docs += 1
    assert (docs, errors) == (docs_expected, errors_expected)
