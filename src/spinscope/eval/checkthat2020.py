"""`spinscope eval checkthat2020`: rank each file's sentences by check-worthiness; MAP, R-precision, P@k."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from spinscope.errors import ErrorCode, SpinscopeError

__all__ = ["Line", "read_file", "read_dir", "sentences_of", "average_precision", "r_precision", "precision_at",
           "score_files", "run"]

logger = logging.getLogger(__name__)

K_VALUES = (1, 3, 5, 10, 20, 50)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a CheckThat! 2020 Task 5 file; label is None when the file carries no gold."""

    number: int
    speaker: str
    text: str
    label: int | None


def read_file(path: Path) -> list[Line]:
    """Read `line_number<TAB>speaker<TAB>text[<TAB>label]` lines."""
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        parts = raw.split("\t")
        if len(parts) < 3:
            raise SpinscopeError(ErrorCode.E040, str(path), f"expected 3 or 4 tab-separated fields: {raw[:60]!r}")
        label = int(parts[3]) if len(parts) > 3 and parts[3].strip() in ("0", "1") else None
        lines.append(Line(int(parts[0]), parts[1], parts[2], label))
    return lines


def read_dir(data: Path) -> dict[str, list[Line]]:
    """Read every `*.tsv` of a directory, by file name."""
    files = sorted(data.glob("*.tsv")) if data.is_dir() else []
    if not files:
        raise SpinscopeError(ErrorCode.E040, str(data), "no *.tsv files (expected the checkthat2020-t5-en layout)")
    return {f.name: read_file(f) for f in files}


def sentences_of(lines: Sequence[Line], vectors: np.ndarray | None = None):  # type: ignore[no-untyped-def]
    """Turn a file's lines into model inputs with their neighbouring lines and speaker turns as context
    (`vectors`: the lines' sentence vectors where already computed)."""
    from spinscope.layers.claims.worthiness import make_sentences

    return make_sentences([ln.text for ln in lines], [ln.speaker for ln in lines], vectors)


def _ranked(scores: Sequence[float], labels: Sequence[int]) -> np.ndarray:
    # Stable sort: ties keep file order, as the official scorer does.
    order = np.argsort(-np.asarray(scores, dtype=np.float64), kind="stable")
    return np.asarray(labels)[order]


def average_precision(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Average precision of one ranked file."""
    ranked = _ranked(scores, labels)
    hits = np.cumsum(ranked)
    total = int(ranked.sum())
    if total == 0:
        return 0.0
    return float(np.sum((hits / np.arange(1, len(ranked) + 1)) * ranked) / total)


def r_precision(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Precision at R, R = the number of check-worthy lines."""
    ranked = _ranked(scores, labels)
    r = int(ranked.sum())
    return float(ranked[:r].sum() / r) if r else 0.0


def precision_at(scores: Sequence[float], labels: Sequence[int], k: int) -> float:
    """Precision among the top k lines."""
    ranked = _ranked(scores, labels)
    return float(ranked[:k].sum() / k)


def score_files(results: Sequence[tuple[Sequence[float], Sequence[int]]]) -> dict[str, float]:
    """Mean of the per-file measures, as the official scorer reports them."""
    out = {
        "map": float(np.mean([average_precision(s, y) for s, y in results])),
        "r_precision": float(np.mean([r_precision(s, y) for s, y in results])),
    }
    for k in K_VALUES:
        out[f"p@{k}"] = float(np.mean([precision_at(s, y, k) for s, y in results]))
    return out


def run(data: Path, predictions: Path | None = None) -> dict[str, float]:
    """Score every file of `data` with the shipped model; write `OUT/<name>`; return scores where gold exists."""
    from spinscope.layers.claims.worthiness import load_model

    model = load_model()
    files = read_dir(data)
    gold: list[tuple[Sequence[float], Sequence[int]]] = []
    if predictions is not None:
        predictions.mkdir(parents=True, exist_ok=True)
    for name, lines in files.items():
        scores = model.score(sentences_of(lines)) if lines else np.zeros(0)
        if predictions is not None:
            with (predictions / name).open("w", encoding="utf-8") as fh:
                for ln, s in zip(lines, scores, strict=True):
                    fh.write(f"{ln.number}\t{s:.6f}\n")
        if lines and all(ln.label is not None for ln in lines):
            gold.append((list(scores), [int(ln.label or 0) for ln in lines]))
    logger.info("scored %d files (%d with gold)", len(files), len(gold))
    return score_files(gold) if gold else {}
