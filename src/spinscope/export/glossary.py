"""Plain-language definitions of the technique labels, for the text summary and the HTML page."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["definitions"]


def definitions(labels: Iterable[str]) -> list[tuple[str, str]]:
    """Return (label, definition and example) for each distinct known label, in first-seen order."""
    # Imported here: the techniques package loads its model code, which only pages with techniques need.
    from spinscope.layers.techniques.labels import technique

    out = []
    for label in dict.fromkeys(labels):
        try:
            t = technique(label)
        except KeyError:
            continue
        out.append((label, f"{t.definition} For example: \u201c{t.example}\u201d"))
    return out
