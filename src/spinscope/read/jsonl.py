"""JSONL: one article per line, `text` plus optional `title`, `url`, `published`, `outlet`, `id`, `language`.

A record's offsets are offsets into its `text` value. A bad line yields one ReadError whose subject is
"file:line" (1-based) and the rest of the file goes on.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

from spinscope.document import Document, Meta, Outlet
from spinscope.errors import ErrorCode, ReadError
from spinscope.meta import enrich, outlets
from spinscope.meta.dates import normalise
from spinscope.read.decode import decode

__all__ = ["iter_jsonl", "document_of_record"]

logger = logging.getLogger(__name__)


def _str(record: dict[str, Any], key: str, subject: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and key == "id":
        return str(value)
    if not isinstance(value, str):
        raise ReadError(ErrorCode.E006, subject, f"`{key}` must be a string, not {type(value).__name__}")
    return value.strip() or None


def _outlet(value: Any, url: str | None, subject: str) -> Outlet | None:
    if isinstance(value, dict):
        name = value.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ReadError(ErrorCode.E006, subject, "`outlet` object needs a `name` string")
        known = outlets.resolve(domain=value.get("domain") or url, name=name)
        if known:
            return known
        affiliated = value.get("state_affiliated")
        return Outlet(
            name=name.strip(),
            domain=outlets.normalise_domain(value.get("domain") or url),
            country=value.get("country") if isinstance(value.get("country"), str) else None,
            state_affiliated=affiliated if isinstance(affiliated, bool) else None,
            typology=value.get("typology") if isinstance(value.get("typology"), str) else None,
        )
    if value is not None and not isinstance(value, str):
        raise ReadError(ErrorCode.E006, subject, "`outlet` must be a string or an object")
    name = value.strip() if isinstance(value, str) and value.strip() else None
    known = outlets.resolve(domain=url, name=name)
    if known or name is None:
        return known
    # The record names its outlet but the table does not know it: affiliation stays unknown.
    return Outlet(name=name, domain=outlets.normalise_domain(url))


def document_of_record(record: Any, subject: str) -> Document:
    """Return the enriched document of one parsed JSONL record (raises ReadError E006)."""
    if not isinstance(record, dict):
        raise ReadError(ErrorCode.E006, subject, f"a line must hold a JSON object, not {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ReadError(ErrorCode.E006, subject, "missing or empty `text`")
    url = _str(record, "url", subject)
    published_raw = record.get("published")
    published = normalise(published_raw)
    if published_raw not in (None, "") and published is None:
        logger.warning("%s: `published` %r is not a date; ignored", subject, published_raw)
    meta = Meta(
        title=_str(record, "title", subject),
        url=url,
        outlet=_outlet(record.get("outlet"), url, subject),
        published=published,
        language=_str(record, "language", subject),
    )
    return enrich(Document(text=text, source=subject, meta=meta, id=_str(record, "id", subject) or ""))


def iter_jsonl(data: bytes, source: str) -> Iterator[Document | ReadError]:
    """Yield a document or a ReadError for every non-blank line (raises ReadError if the file is unreadable)."""
    text = decode(data, source).text
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        subject = f"{source}:{number}"
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield ReadError(ErrorCode.E006, subject, f"not JSON: {exc}")
            continue
        try:
            yield document_of_record(record, subject)
        except ReadError as exc:
            yield exc
