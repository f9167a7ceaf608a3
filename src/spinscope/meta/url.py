"""The article URL of a plain text: a line that holds a URL and nothing else of substance."""

from __future__ import annotations

import logging
import re

__all__ = ["find_url", "clean_url"]

logger = logging.getLogger(__name__)

_URL = re.compile(r"https?://[^\s<>\"'{}\[\]$|\\^`]+", re.I)
# What may surround a source URL on its line: stray LaTeX ($\frac{...$), Markdown brackets, a label.
_JUNK = re.compile(r"\\[a-z]+|[${}()\[\]<>*_|:\"'`~\-–—]|\b(?:source|link|url|original|read more|via|at|from)\b", re.I)


def clean_url(url: str) -> str:
    """Return a URL without trailing punctuation picked up from the text."""
    return url.rstrip(".,;:!?)]}'\"")


def find_url(text: str) -> tuple[str, int, int] | None:
    """Return (url, start, end) of the last line that is only a URL (give or take markup), or None."""
    lines = text.split("\n")
    ends = []
    pos = 0
    for line in lines:
        ends.append(pos)
        pos += len(line) + 1
    for line, start in zip(reversed(lines), reversed(ends), strict=True):
        if "http" not in line.lower():
            continue
        urls = list(_URL.finditer(line))
        if len(urls) != 1:
            continue
        rest = line[: urls[0].start()] + line[urls[0].end() :]
        if _JUNK.sub("", rest).strip():
            continue
        url = clean_url(urls[0].group(0))
        return url, start + urls[0].start(), start + urls[0].start() + len(url)
    return None
