"""Where documents come from: paths, directories (recursive), globs and stdin, streamed lazily."""

from __future__ import annotations

import glob
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from spinscope.document import Document
from spinscope.errors import ErrorCode, ReadError
from spinscope.read.html import read_html
from spinscope.read.jsonl import iter_jsonl
from spinscope.read.sniff import is_warc, sniff
from spinscope.read.text import read_text
from spinscope.read.warc import iter_warc

__all__ = ["DEFAULT_MAX_BYTES", "STDIN", "read_paths", "read_bytes", "iter_bytes", "expand"]

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
STDIN = "<stdin>"
_GLOB_CHARS = frozenset("*?[")


def iter_bytes(data: bytes, source: str, *, fmt: str | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | ReadError]:
    """Yield the documents of some bytes, and a ReadError for each bad record (raises ReadError if all is bad)."""
    if len(data) > max_bytes and (fmt or sniff(data, source)) != "warc":
        raise ReadError(ErrorCode.E003, source, f"{len(data)} bytes, limit {max_bytes}")
    fmt = fmt or sniff(data, source)
    if fmt in ("text", "markdown"):
        yield from read_text(data, source)
    elif fmt == "html":
        yield from read_html(data, source)
    elif fmt == "jsonl":
        yield from iter_jsonl(data, source)
    elif fmt == "warc":
        import io

        yield from iter_warc(io.BytesIO(data), source, max_bytes)
    else:
        raise ValueError(f"unknown format {fmt!r}")


def read_bytes(data: bytes, source: str, *, fmt: str | None = None) -> list[Document]:
    """Return the documents of some bytes; raise the first ReadError (a bad file, or a bad JSONL/WARC record)."""
    docs = []
    for item in iter_bytes(data, source, fmt=fmt):
        if isinstance(item, ReadError):
            raise item
        docs.append(item)
    return docs


def _walk(root: Path) -> Iterator[Path]:
    """Yield the files under a directory, sorted, skipping hidden files and directories."""
    for dirpath, dirnames, filenames in os.walk(root, onerror=lambda e: logger.warning("%s", e)):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def expand(paths: Iterable[str]) -> Iterator[str | ReadError]:
    """Yield file paths (and "-") for path arguments: directories recursively, globs expanded."""
    for arg in paths:
        if arg == "-":
            yield arg
            continue
        path = Path(arg)
        if path.is_dir():
            yield from (str(p) for p in _walk(path))
        elif path.exists():
            yield arg
        elif _GLOB_CHARS & set(arg):
            matches = sorted(glob.iglob(arg, recursive=True))
            if not matches:
                yield ReadError(ErrorCode.E007, arg, "no file matches this pattern")
            for match in matches:
                if Path(match).is_dir():
                    yield from (str(p) for p in _walk(Path(match)))
                elif not Path(match).name.startswith("."):
                    yield match
        else:
            yield ReadError(ErrorCode.E007, arg)


def _read_file(path: str, max_bytes: int) -> Iterator[Document | ReadError]:
    with open(path, "rb") as fh:
        head = fh.read(4096)
        if is_warc(head) or sniff(head, path) == "warc":
            fh.seek(0)
            yield from iter_warc(fh, path, max_bytes)
            return
        size = os.fstat(fh.fileno()).st_size
        if size > max_bytes:
            raise ReadError(ErrorCode.E003, path, f"{size} bytes, limit {max_bytes}")
        data = head + fh.read(max_bytes + 1 - len(head))
    yield from iter_bytes(data, path, max_bytes=max_bytes)


def _read_one(path: str, max_bytes: int) -> Iterator[Document | ReadError]:
    try:
        if path == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            yield from iter_bytes(data, STDIN, max_bytes=max_bytes)
        else:
            yield from _read_file(path, max_bytes)
    except ReadError as exc:
        yield exc
    except OSError as exc:
        yield ReadError(ErrorCode.E007, path, exc.strerror or type(exc).__name__)
    except Exception as exc:  # one broken file must not stop a batch of thousands; the log keeps the trace
        logger.exception("%s: unexpected error while reading", path)
        yield ReadError(ErrorCode.E006, path, f"unexpected {type(exc).__name__}: {exc}")


def read_paths(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | ReadError]:
    """Yield one Document per article and one ReadError per bad file or record, lazily, in path order."""
    for item in expand(paths):
        if isinstance(item, ReadError):
            yield item
        else:
            yield from _read_one(item, max_bytes)
