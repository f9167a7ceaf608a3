"""Quotation-mark pairing: direct-quote segments, including quotes that run over several paragraphs."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

__all__ = ["QuoteSegment", "find_quotes"]

logger = logging.getLogger(__name__)

_OPEN = "“„«"
_CLOSE = "”»"
_STRAIGHT = '"'
_PARAGRAPH = re.compile(r"\n")


@dataclass(frozen=True, slots=True)
class QuoteSegment:
    """A quoted stretch `[start, end)` including its marks; `closed` is False if the paragraph ended first."""

    start: int
    end: int
    closed: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        """Return the offsets without the quotation marks."""
        return self.start + 1, self.end - (1 if self.closed else 0)


def _opens(text: str, i: int) -> bool:
    """Decide whether a straight double quote at `i` opens (True) or closes a quotation."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-:":
        return not after.isspace() or after == "\n"
    return False


def _typed_as_close(text: str, i: int) -> bool:
    """Whether an opening mark at `i`, inside an open quotation, stands where a closing one belongs: right after a
    word or punctuation and before a space, punctuation or the end of the text."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and before not in "([{—–-" and (after.isspace() or after in ".,;:!?)]")


def _typed_as_open(text: str, i: int, start: int) -> bool:
    """Whether a closing mark at `i`, with no quotation open, stands where an opening one belongs: at the start
    of its paragraph or after a space, right before a word ('”Fear. I am truly afraid ...')."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return (i == start or text[i - 1].isspace()) and after.isalnum()


def _paragraph_quotes(text: str, start: int, end: int) -> list[QuoteSegment]:
    segments: list[QuoteSegment] = []
    open_at: int | None = None
    i = start
    while i < end:
        ch = text[i]
        width = 1
        if text.startswith("''", i) or text.startswith("``", i):
            # Typewriter quotes (''...'' or ``...''), common in wire and NYT copy, count as one mark.
            ch, width = ('"' if ch == "'" else "“"), 2
        elif ch == "'":
            i += 1
            continue
        if ch in _OPEN and open_at is not None and _typed_as_close(text, i):
            # An opening mark typed where the closing one belongs ('“the best in the world“ and', 'here,“ said').
            segments.append(QuoteSegment(open_at, i + width))
            open_at = None
        elif (ch in _OPEN or (ch == _STRAIGHT and open_at is None and _opens(text, i))
              or (ch in _CLOSE and open_at is None and _typed_as_open(text, i, start))):
            if open_at is None:
                open_at = i
            # A second opening mark inside an open quote is a nested or stray mark: keep the outer one.
        elif (ch in _CLOSE or ch == _STRAIGHT) and open_at is not None:
            segments.append(QuoteSegment(open_at, i + width))
            open_at = None
        i += width
    if open_at is not None:
        stop = end
        while stop > open_at and text[stop - 1].isspace():
            stop -= 1
        segments.append(QuoteSegment(open_at, stop, closed=False))
    return segments


def find_quotes(text: str) -> list[QuoteSegment]:
    """Return the quoted segments of a text in order.

    A paragraph that ends inside an open quote continues into the next paragraph when that one opens
    with a quotation mark (the newspaper convention for long quotes); both become one segment.
    """
    bounds = []
    pos = 0
    for m in _PARAGRAPH.finditer(text):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(text)))
    merged: list[QuoteSegment] = []
    carry: QuoteSegment | None = None
    for start, end in bounds:
        if not text[start:end].strip():
            continue  # blank lines between paragraphs neither open nor close a quote
        segs = _paragraph_quotes(text, start, end)
        if carry is not None:
            first_char = text[start:end].lstrip()[:1]
            if segs and first_char and first_char in _OPEN + _STRAIGHT + "'`":
                head = segs[0]
                segs[0] = QuoteSegment(carry.start, head.end, head.closed)
            else:
                merged.append(carry)
            carry = None
        for seg in segs:
            if seg.closed:
                merged.append(seg)
            else:
                carry = seg
    if carry is not None:
        merged.append(carry)
    return merged
