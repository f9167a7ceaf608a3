"""Titles of plain-text and Markdown articles: a heading, a `Title:` line, or a headline first line."""

from __future__ import annotations

import logging
import re

from spinscope.meta.dates import find_header_date

__all__ = ["find_title", "MAX_TITLE_WORDS"]

logger = logging.getLogger(__name__)

MAX_TITLE_WORDS = 30
_ATX = re.compile(r"^\s{0,3}#{1,6}\s+(?P<title>.+?)\s*#*\s*$")
_LABELLED = re.compile(r"^\s*(?:title|headline)\s*:\s*(?P<title>.+?)\s*$", re.I)
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_EMPHASIS = re.compile(r"^[*_]{1,3}(.+?)[*_]{1,3}$")
# A headline may end in ? or ! (or a closing quote), a body paragraph ends in a full stop or colon.
_BODY_END = re.compile(r"[.:;,…]['\"’”)\]]*$")
_NOT_TITLE = re.compile(r"^\s*(?:https?://|www\.|\$|\\|[-*+>|]\s|\d+[.)]\s)")


def _clean(title: str) -> str:
    title = title.strip()
    m = _EMPHASIS.match(title)
    return (m.group(1) if m else title).strip()


def find_title(text: str) -> tuple[str, int, int] | None:
    """Return (title, start, end) of the text's title, or None when the text has none."""
    lines = text.split("\n")
    pos = 0
    for i, line in enumerate(lines):
        if not line.strip():
            pos += len(line) + 1
            continue
        start = pos + len(line) - len(line.lstrip())
        end = pos + len(line.rstrip())
        for pattern in (_ATX, _LABELLED):
            m = pattern.match(line)
            if m:
                return _clean(m.group("title")), pos + m.start("title"), pos + m.end("title")
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if _SETEXT.match(following) and following.strip():
            return _clean(line), start, end
        words = line.split()
        rest = "\n".join(lines[i + 1 :]).strip()
        # A plain first line is a headline only if a blank line and more text follow it.
        if (
            not following.strip()
            and rest
            and 2 <= len(words) <= MAX_TITLE_WORDS
            and not _BODY_END.search(line.rstrip())
            and not _NOT_TITLE.match(line)
            and find_header_date(line) is None  # a date line opens the body
        ):
            return _clean(line), start, end
        return None
    return None
