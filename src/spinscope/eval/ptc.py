"""`spinscope eval ptc`: technique spans on PTC articles, mapped to the 14 PTC labels, scored SI and TC.

Reads `DIR/articles/article<ID>.txt`; gold (optional) from `DIR/labels/*task-flc-tc.labels` or the
per-article files beside it. Writes `article_id<TAB>technique<TAB>start<TAB>end` (the shipped layer's
spans whose SemEval-2023 label maps to PTC; see labels.TO_PTC). Where gold is present it also scores:
SI over all predicted spans, and TC by classifying every gold span, written to `<OUT>.tc` when OUT is given.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from pathlib import Path

import numpy as np

from spinscope.document import Document
from spinscope.eval.scorers.techniques import si_scores, tc_scores
from spinscope.layers.techniques.labels import LABELS, PTC_LABELS, TO_PTC
from spinscope.layers.techniques.layer import TechniquesLayer
from spinscope.train.corpora import read_articles, read_ptc_gold

__all__ = ["run", "predict_spans", "classify_gold"]

logger = logging.getLogger(__name__)

# Column k of the 23-label probabilities adds to PTC class _GROUP[k] (-1: no clean PTC counterpart).
_GROUP = np.array([PTC_LABELS.index(TO_PTC[label]) if label in TO_PTC else -1 for label in LABELS])


def predict_spans(texts: dict[str, str], layer: TechniquesLayer) -> list[tuple[str, str, int, int, float]]:
    """Return (article, 2023 label, start, end, score) for every technique span the layer finds."""
    out = []
    for art, text in texts.items():
        doc = layer(Document(text=text, source=f"article{art}.txt"))
        out.extend((art, s.label, s.start, s.end, s.score) for s in doc.spans("techniques"))
    return out


def classify_gold(texts: dict[str, str], gold: list[tuple[str, str, int, int]],
                  layer: TechniquesLayer) -> list[tuple[str, str, int, int]]:
    """Return one PTC label per gold span; k gold labels on one offset pair get the k most likely labels."""
    groups: dict[tuple[str, int, int], int] = defaultdict(int)
    for art, _, start, end in gold:
        groups[(art, start, end)] += 1
    by_article: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for art, start, end in groups:
        by_article[art].append((start, end))
    out = []
    for art, offsets in by_article.items():
        probs = layer.model.classify_offsets(texts[art], offsets)
        for (start, end), p in zip(offsets, probs, strict=True):
            ptc = np.zeros(len(PTC_LABELS))
            np.add.at(ptc, _GROUP[_GROUP >= 0], p[_GROUP >= 0])
            for k in np.argsort(-ptc)[: groups[(art, start, end)]]:
                out.append((art, PTC_LABELS[k], start, end))
    return out


def _write(path: Path, rows: list[tuple[str, str, int, int]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for art, label, start, end in rows:
            f.write(f"{art}\t{label}\t{start}\t{end}\n")


def run(data: Path, predictions: Path | None = None, model_dir: Path | None = None) -> dict[str, float]:
    """Predict technique spans for every article; score SI and TC where gold labels are present."""
    texts = read_articles(data / "articles")
    layer = TechniquesLayer(model_dir)
    found = predict_spans(texts, layer)
    rows = sorted({(a, TO_PTC[la], s, e) for a, la, s, e, _ in found if la in TO_PTC}, key=lambda r: (r[0], r[2], r[1]))
    if predictions is not None:
        _write(predictions, rows)
    gold = read_ptc_gold(data / "labels")
    if gold is None:
        return {}
    gold = [g for g in gold if g[0] in texts]
    scores: dict[str, float] = {}
    # SI is label-blind: every predicted span counts, including those whose label has no PTC class.
    scores.update(si_scores([(a, s, e) for a, _, s, e, _ in found], [(a, s, e) for a, _, s, e in gold]))
    tc = classify_gold(texts, gold, layer)
    if predictions is not None:
        _write(predictions.with_name(predictions.name + ".tc"), tc)
    scores.update(tc_scores(tc, gold, PTC_LABELS))
    logger.info("PTC: %d articles, %d predicted spans, %d gold spans", len(texts), len(rows), len(gold))
    return scores
