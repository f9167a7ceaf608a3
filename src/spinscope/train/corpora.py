"""Readers for the technique corpora laid out as in ../shared/data (PTC and SemEval-2023 subtask 3)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from spinscope.errors import ErrorCode, SpinscopeError
from spinscope.layers.techniques.rollup import paragraphs
from spinscope.settings import shared_data_dir  # re-exported for the trainers

__all__ = ["Article", "read_articles", "read_ptc_gold", "read_semeval_paragraphs", "read_semeval_spans",
           "paragraphs", "shared_data_dir"]


logger = logging.getLogger(__name__)

_ARTICLE = re.compile(r"article(\d+)\.txt$")


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its id, exact text (utf-8, BOM kept: offsets count it) and gold spans if known."""

    id: str
    text: str
    spans: tuple[tuple[str, int, int], ...] = field(default=())  # (label, start, end)


def _read_text(path: Path) -> str:
    # Not utf-8-sig, and no newline translation: gold offsets count the BOM and every character.
    return path.read_bytes().decode("utf-8")


def read_articles(directory: Path) -> dict[str, str]:
    """Return article id → text for every article<ID>.txt in a directory."""
    if not directory.is_dir():
        raise SpinscopeError(ErrorCode.E040, str(directory), "no articles/ folder")
    out = {}
    for path in sorted(directory.iterdir()):
        m = _ARTICLE.search(path.name)
        if m:
            out[m.group(1)] = _read_text(path)
    if not out:
        raise SpinscopeError(ErrorCode.E040, str(directory), "no article<ID>.txt files")
    return out


def _tsv_rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in _read_text(path).splitlines() if line.strip()]


def read_ptc_gold(labels_dir: Path) -> list[tuple[str, str, int, int]] | None:
    """Return the TC gold (article, label, start, end) of a PTC labels folder, or None if it has none."""
    if not labels_dir.is_dir():
        return None
    aggregated = sorted(labels_dir.glob("*task-flc-tc.labels"))
    files = aggregated or sorted(labels_dir.glob("*/*.task-flc-tc.labels"))
    if not files:
        return None
    rows = []
    for f in files:
        for r in _tsv_rows(f):
            if len(r) != 4:
                raise SpinscopeError(ErrorCode.E040, str(f), f"expected 4 tab-separated columns, got {len(r)}")
            rows.append((r[0], r[1], int(r[2]), int(r[3])))
    return rows


def read_semeval_paragraphs(labels_dir: Path) -> dict[tuple[str, int], list[str]] | None:
    """Return (article, paragraph_no) → labels from a SemEval-2023 labels folder, or None if absent."""
    if not labels_dir.is_dir():
        return None
    files = sorted(labels_dir.glob("*labels-subtask-3.txt"))
    if not files:
        return None
    gold: dict[tuple[str, int], list[str]] = {}
    for f in files:
        for r in _tsv_rows(f):
            if len(r) < 2:
                raise SpinscopeError(ErrorCode.E040, str(f), "expected article<TAB>paragraph<TAB>labels")
            labels = r[2].split(",") if len(r) > 2 and r[2].strip() else []
            gold[(r[0], int(r[1]))] = [x.strip() for x in labels if x.strip()]
    return gold


def read_semeval_spans(labels_dir: Path) -> list[tuple[str, str, int, int]]:
    """Return the span gold (article, label, start, end) of a SemEval-2023 labels folder (empty if absent)."""
    rows = []
    for f in sorted(labels_dir.glob("*-spans/*.txt")):
        for r in _tsv_rows(f):
            if len(r) == 4:
                rows.append((r[0], r[1], int(r[2]), int(r[3])))
    return rows
