"""The `techniques` layer: persuasion-technique spans (SemEval-2023 labels, may overlap) and a paragraph roll-up."""

from __future__ import annotations

import logging
from pathlib import Path

from spinscope.document import Document, Span
from spinscope.layers.base import Layer
from spinscope.layers.techniques.model import MODEL_DIR, TechniquesModel, load_model

__all__ = ["TechniquesLayer"]

logger = logging.getLogger(__name__)


class TechniquesLayer(Layer):
    """Adds `techniques` (one span per technique use, scored) and `technique_paragraphs` (one span per paragraph)."""

    name = "techniques"
    requires = ()  # the model tokenises on its own; it needs no other layer
    produces = ("techniques", "technique_paragraphs")

    def __init__(self, model_dir: Path | None = None) -> None:
        self._model_dir = model_dir or MODEL_DIR
        self._model: TechniquesModel | None = None

    @property
    def model(self) -> TechniquesModel:
        """Return the model, loading it on first use so that building a pipeline stays cheap."""
        if self._model is None:
            self._model = load_model(self._model_dir)
        return self._model

    def __call__(self, doc: Document) -> Document:
        spans, rows = self.model.analyse(doc.text)
        techniques = [Span(start, end, label, round(score, 4)) for start, end, label, score in spans]
        paragraphs = []
        for no, start, end, found in rows:
            ranked = sorted(found.items(), key=lambda kv: -kv[1])
            paragraphs.append(Span(start, end, "paragraph", round(max(found.values(), default=0.0), 4), attrs={
                "paragraph": no,
                "labels": [label for label, _ in ranked],
                "scores": {label: round(score, 4) for label, score in ranked},
            }))
        return doc.with_layer("techniques", techniques).with_layer("technique_paragraphs", paragraphs)
