"""`spinscope eval semeval2023`: paragraph labels of SemEval-2023 subtask 3 from the techniques layer's roll-up.

Reads `DIR/articles/article<ID>.txt` (paragraph n = line n, blank lines skipped); gold (optional) from
`DIR/labels/*labels-subtask-3.txt`. Writes `article_id<TAB>paragraph_no<TAB>label,label` and, where gold is
present, scores micro- and macro-F1 over the 23 labels on the gold paragraphs of the articles in DIR.
"""

from __future__ import annotations

import logging
from pathlib import Path

from spinscope.document import Document
from spinscope.eval.scorers.techniques import paragraph_scores
from spinscope.layers.techniques.labels import LABELS
from spinscope.layers.techniques.layer import TechniquesLayer
from spinscope.train.corpora import read_articles, read_semeval_paragraphs

__all__ = ["run", "predict_paragraphs"]

logger = logging.getLogger(__name__)


def predict_paragraphs(texts: dict[str, str], layer: TechniquesLayer) -> dict[tuple[str, int], list[str]]:
    """Return (article, paragraph_no) → labels for every non-blank line of every article."""
    out: dict[tuple[str, int], list[str]] = {}
    for art, text in texts.items():
        doc = layer(Document(text=text, source=f"article{art}.txt"))
        for span in doc.spans("technique_paragraphs"):
            out[(art, int(span.attrs["paragraph"]))] = list(span.attrs["labels"])
    return out


def run(data: Path, predictions: Path | None = None, model_dir: Path | None = None) -> dict[str, float]:
    """Predict paragraph labels for every article; score them where gold labels are present."""
    texts = read_articles(data / "articles")
    predicted = predict_paragraphs(texts, TechniquesLayer(model_dir))
    if predictions is not None:
        predictions.parent.mkdir(parents=True, exist_ok=True)
        with predictions.open("w", encoding="utf-8") as f:
            for (art, no), labels in sorted(predicted.items(), key=lambda kv: (kv[0][0], kv[0][1])):
                f.write(f"{art}\t{no}\t{','.join(labels)}\n")
    gold = read_semeval_paragraphs(data / "labels")
    if gold is None:
        return {}
    kept = {k: v for k, v in gold.items() if k[0] in texts}
    if len(kept) < len(gold):
        logger.info("scoring %d of %d gold paragraphs: the others belong to articles not in %s",
                    len(kept), len(gold), data)
    return paragraph_scores(predicted, kept, LABELS)
