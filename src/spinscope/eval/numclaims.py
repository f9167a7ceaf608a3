"""`spinscope eval numclaims`: quantity extraction and claimant on the project's annotated news articles.

The data directory holds `annotations.jsonl` (one article a line: `article`, `corpus` — a folder under
the shared data — and its gold `quantities`); the article texts are read from the shared data folder
(`$SPINSCOPE_SHARED_DATA`, else the first `shared/data` found beside the data directory or its parents).
A predicted quantity matches a gold one when their spans overlap and value, low, high, unit and the
approximate flag agree; claimant accuracy is measured over matched quantities whose gold claimant is known.
"""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path
from typing import Any

from spinscope import settings
from spinscope.errors import ErrorCode, SpinscopeError

__all__ = ["run", "shared_data_dir", "same_claimant", "predict_article", "OUTLET"]

logger = logging.getLogger(__name__)

OUTLET = "OUTLET"
ANNOTATIONS = "annotations.jsonl"
_NAME_STOP = {"the", "of", "and", "a", "an", "in", "for", "s", "’s", "'s"}


def shared_data_dir(start: Path) -> Path:
    """Locate the shared data folder (environment first, then beside `start` or one of its parents)."""
    if os.environ.get("SPINSCOPE_SHARED_DATA"):
        return settings.shared_data_dir()
    for p in [start.resolve(), *start.resolve().parents]:
        for cand in (p / "shared" / "data", p / ".." / "shared" / "data"):
            if cand.is_dir():
                return cand.resolve()
    if settings.shared_data_dir().is_dir():
        return settings.shared_data_dir()
    raise SpinscopeError(ErrorCode.E040, str(start), "set SPINSCOPE_SHARED_DATA to the shared data folder")


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"[\w’']+", name.lower()) if w not in _NAME_STOP}


def same_claimant(gold: str, predicted: str | None) -> bool:
    """Whether a predicted claimant names the gold one (OUTLET, or a name sharing a word)."""
    if gold == OUTLET or not predicted or predicted == OUTLET:
        return gold == (predicted or OUTLET)
    return bool(_words(gold) & _words(predicted))


def predict_article(pipeline: Any, text: str, source: str) -> list[dict[str, Any]]:
    """Run the pipeline on one text; return its quantities with the claimant's name (or OUTLET)."""
    from spinscope.document import Document

    doc = pipeline(Document(text, source))
    out = []
    for claim in doc.spans("claims"):
        mention = claim.attrs.get("claimant")
        who = (mention or {}).get("name") or (doc.text[mention["start"]:mention["end"]] if mention else None)
        for q in claim.attrs.get("quantities", ()):
            out.append({**q, "claimant": who or OUTLET})
    return out


def _equal(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def _matches(p: dict[str, Any], g: dict[str, Any]) -> bool:
    return (p["start"] < g["end"] and g["start"] < p["end"]
            and all(_equal(p[k], g[k]) for k in ("value", "low", "high"))
            and p.get("unit") == g.get("unit") and bool(p["approximate"]) == bool(g["approximate"]))


def _pipeline() -> Any:
    from spinscope.pipeline import Pipeline

    names = ["nlp", "claims"]
    try:
        import spinscope.layers.quotes  # noqa: F401

        names.insert(1, "quotes")
    except ImportError:
        logger.warning("quotes layer not installed: claimants come from the claims layer's own rule")
    return Pipeline(names)


def run(data: Path, predictions: Path | None = None) -> dict[str, float]:
    """Extract quantities from every annotated article; write predictions; return P/R/F1 and claimant accuracy."""
    path = data / ANNOTATIONS if data.is_dir() else data
    if not path.is_file():
        raise SpinscopeError(ErrorCode.E040, str(data), f"expected {ANNOTATIONS}")
    shared = shared_data_dir(path.parent)
    pipeline = _pipeline()
    tp = n_pred = n_gold = 0
    claim_ok = claim_n = 0
    written = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        article = json.loads(line)
        text_path = shared / article["corpus"] / f"{article['article']}.txt"
        if not text_path.is_file():
            raise SpinscopeError(ErrorCode.E040, str(text_path), "annotated article missing from the shared data")
        preds = predict_article(pipeline, text_path.read_text(encoding="utf-8"), str(text_path))
        gold = list(article["quantities"])
        used: set[int] = set()
        for p in preds:
            hit = next((i for i, g in enumerate(gold) if i not in used and _matches(p, g)), None)
            if hit is None:
                continue
            used.add(hit)
            tp += 1
            if gold[hit].get("claimant") is not None:
                claim_n += 1
                claim_ok += same_claimant(gold[hit]["claimant"], p["claimant"])
        n_pred += len(preds)
        n_gold += len(gold)
        written.append({"article": article["article"], "quantities": preds})
    if predictions is not None:
        predictions.mkdir(parents=True, exist_ok=True)
        with (predictions / "numclaims.jsonl").open("w", encoding="utf-8") as fh:
            for row in written:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"quantity_precision": precision, "quantity_recall": recall, "quantity_f1": f1,
            "claimant_accuracy": claim_ok / claim_n if claim_n else 0.0, "articles": float(len(written)),
            "gold_quantities": float(n_gold)}
