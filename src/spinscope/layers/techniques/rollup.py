"""Paragraph roll-up: which techniques each paragraph (non-blank line) uses, from the spans inside it."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

__all__ = ["paragraphs", "rollup"]


def paragraphs(text: str) -> list[tuple[int, int, int]]:
    """Return (paragraph_no, start, end) of every non-blank line; numbering is 1-based over all lines."""
    out = []
    pos = 0
    for no, line in enumerate(text.split("\n"), 1):
        if line.strip():
            out.append((no, pos, pos + len(line)))
        pos += len(line) + 1
    return out


def rollup(
    text: str, spans: Iterable[tuple[int, int, str, float]], threshold: float
) -> list[tuple[int, int, int, dict[str, float]]]:
    """Return (paragraph_no, start, end, {label: score}) with each label's best span score at least `threshold`."""
    paras = paragraphs(text)
    found: list[dict[str, float]] = [{} for _ in paras]
    starts = [p[1] for p in paras]
    for start, end, label, score in spans:
        if score < threshold:
            continue
        # A span that crosses a line break counts for every paragraph it touches.
        i = max(0, bisect.bisect_right(starts, start) - 1)
        while i < len(paras) and paras[i][1] < end:
            if paras[i][2] > start:
                found[i][label] = max(found[i].get(label, 0.0), score)
            i += 1
    return [(no, s, e, f) for (no, s, e), f in zip(paras, found, strict=True)]
