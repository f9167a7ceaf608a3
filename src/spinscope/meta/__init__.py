"""Document metadata: title, URL, outlet, publication date, dateline and language, found in the text."""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from spinscope.document import Document, Meta, Outlet
from spinscope.meta import outlets
from spinscope.meta.dateline import Dateline, parse_dateline, place_line
from spinscope.meta.dates import find_header_date
from spinscope.meta.language import detect
from spinscope.meta.title import find_title
from spinscope.meta.url import find_url

__all__ = ["enrich", "from_text", "outlet_for", "header_end"]

logger = logging.getLogger(__name__)

_HEADER_LINES = 3  # a date header and a dateline sit in the first lines of the body, not further down
_OUTLET_LINE_WORDS = 6
_OUTLET_LINE_CHARS = 60
_OUTLET_LABEL = re.compile(r"^[\s\-–—*_>]*(?:source|from|via|published by)?\s*:?\s*", re.I)


def _body_lines(text: str, after: int) -> list[tuple[str, int]]:
    """Return the first non-empty lines at or after an offset, with their start offsets."""
    out: list[tuple[str, int]] = []
    pos = text.rfind("\n", 0, after) + 1 if after else 0
    if after:
        pos = text.find("\n", after)
        pos = len(text) if pos < 0 else pos + 1
    while pos < len(text) and len(out) < _HEADER_LINES:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if line.strip():
            out.append((line, pos))
        pos = end + 1
    return out


def _header(text: str, after: int) -> tuple[str | None, Dateline | None]:
    """Return the header date and the dateline of the body that starts after the title."""
    published = None
    for line, start in _body_lines(text, after):
        rest, offset = line, start
        found = find_header_date(line)
        if found:
            published = published or found[0]
            rest, offset = line[found[1] :], start + found[1]
            if not rest.strip():
                continue  # a date-only line; the dateline may be on the next one
        return published, parse_dateline(rest, offset) or place_line(rest, offset)
    return published, None


def header_end(line: str) -> int:
    """Where the words of a line start after the header date and the dateline that open it ("date 2021-05-26
    TEHRAN - Hamas has said ..." -> the offset of "Hamas"); 0 where neither opens it or nothing follows them."""
    header = find_header_date(line)
    skip = header[1] if header else 0
    dateline = parse_dateline(line[skip:], skip)
    if dateline is not None:
        skip = dateline.end
    rest = line[skip:]
    if (header is None and dateline is None) or not rest.strip():
        return 0
    return skip + len(rest) - len(rest.lstrip())


def _outlet_line(text: str, url_start: int | None) -> str | None:
    """Return the last non-empty line if it is short enough to be an outlet name."""
    stripped = text.rstrip()
    start = stripped.rfind("\n") + 1
    if url_start is not None and url_start >= start:
        return None
    line = _OUTLET_LABEL.sub("", stripped[start:]).strip(" *_")
    if not line or len(line) > _OUTLET_LINE_CHARS or len(line.split()) > _OUTLET_LINE_WORDS:
        return None
    return line


def outlet_for(url: str | None, name: str | None = None) -> Outlet | None:
    """Return the outlet of a URL's domain, else of a name."""
    return outlets.resolve(domain=url, name=name)


def from_text(text: str) -> Meta:
    """Return the metadata that the text itself states; unknown fields are None."""
    title = find_title(text)
    url = find_url(text)
    published, dateline = _header(text, title[2] if title else 0)
    if published is None and dateline is not None:
        published = dateline.date
    outlet = outlets.resolve(domain=url[0] if url else None, name=_outlet_line(text, url[1] if url else None))
    return Meta(
        title=title[0] if title else None,
        url=url[0] if url else None,
        outlet=outlet,
        published=published,
        dateline=dateline.place if dateline else None,
        language=detect(text),
    )


def enrich(doc: Document) -> Document:
    """Return the document with metadata gaps filled from its text; known values are kept."""
    meta, found = doc.meta, from_text(doc.text)
    outlet = meta.outlet
    if outlet is None and meta.url:
        outlet = outlets.resolve(domain=meta.url)
    merged = replace(
        meta,
        title=meta.title or found.title,
        url=meta.url or found.url,
        outlet=outlet or found.outlet,
        published=meta.published or found.published,
        dateline=meta.dateline or found.dateline,
        language=meta.language or found.language,
    )
    return replace(doc, meta=merged)
