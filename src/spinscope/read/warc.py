"""WARC files: every HTML (or plain-text) response or resource record becomes a document.

A WARC file is streamed, never loaded whole: the size limit applies to each record's payload, not to
the file (crawls are gigabytes). A record's source is its WARC-Target-URI, which is also its URL.
Requests, metadata, redirects and non-text payloads (images, scripts) are skipped without an error.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from typing import IO

from spinscope.document import Document
from spinscope.errors import ErrorCode, ReadError
from spinscope.read.html import read_html
from spinscope.read.sniff import is_warc
from spinscope.read.text import read_text

__all__ = ["iter_warc"]

logger = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)


def _content_type(record: object) -> str:
    http = getattr(record, "http_headers", None)
    value = http.get_header("Content-Type") if http is not None else None
    if not value:
        value = record.rec_headers.get_header("Content-Type")  # type: ignore[attr-defined]
    return (value or "").split(";")[0].strip().lower()


def iter_warc(stream: IO[bytes], source: str, max_bytes: int) -> Iterator[Document | ReadError]:
    """Yield a document or a ReadError per text record of a WARC stream."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    head = stream.read(4096)
    stream.seek(0)
    if not is_warc(head):
        yield ReadError(ErrorCode.E006, source, "not a WARC file")
        return
    try:
        records = ArchiveIterator(stream)
        for number, record in enumerate(records, start=1):
            if record.rec_type not in ("response", "resource"):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"{source}#{number}"
            http = record.http_headers
            if http is not None and not (http.get_statuscode() or "").startswith("2"):
                continue
            ctype = _content_type(record)
            if ctype not in _HTML_TYPES + _TEXT_TYPES:
                continue
            payload = record.content_stream().read(max_bytes + 1)
            if len(payload) > max_bytes:
                yield ReadError(ErrorCode.E003, uri, f"record payload over {max_bytes} bytes")
                continue
            # Bytes the payload decoder left unread (a chunked body's trailer) are fine; a file that ends
            # before the record's stated length is not: its page is incomplete, so it is refused by name.
            left = getattr(record.raw_stream, "limit", 0)
            missing = left - len(record.raw_stream.read(left)) if left else 0
            if missing:
                yield ReadError(ErrorCode.E006, uri, f"WARC record cut short: {missing} of its {record.length} "
                                                     "bytes are missing")
                continue
            try:
                reader = read_html if ctype in _HTML_TYPES else read_text
                docs = reader(payload, uri, url=uri)
            except ReadError as exc:
                yield exc
                continue
            yield from docs
        end = records.offset
        stream.seek(end)
        if stream.read(4096).strip():
            # warcio stops without an error where a record's headers are cut short: say so.
            yield ReadError(ErrorCode.E006, source, f"truncated WARC: the record at byte {end} is cut short")
    except (ArchiveLoadFailed, ValueError, EOFError, OSError, zlib.error) as exc:
        yield ReadError(ErrorCode.E006, source, f"broken WARC: {exc}")
