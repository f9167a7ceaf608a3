"""The cue tagger: the packaged MiniLM encoder with LoRA updates fine-tuned on PolNeAR train to mark cue words,
its word probabilities blended with the linear cue model's (`cues.CueModel`).

The linear model reads the parse; the tagger reads the words in context, and finds the long tail of cues that
PolNeAR marks and a parse feature rarely shows ("plans to", "the decision to", "is determined to"). A logistic
regression over the two models' log-odds, fitted on a fifth of PolNeAR train that neither of them saw, blends
them (`train.train_tagger` writes all of it into one file, `cue_tagger.npz`).
"""

from __future__ import annotations

import functools
import math
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc, Token

from spinscope.errors import ErrorCode, ModelError
from spinscope.layers.quotes.cues import MODEL_DIR
from spinscope.layers.quotes.extract import CueScorer

__all__ = ["CueTagger", "load_cue_tagger", "TAGGER_FILE", "encoder_words", "logit"]

TAGGER_FILE = "cue_tagger.npz"
_EPS = 1e-6


def logit(p: float) -> float:
    """Return the log-odds of a probability, kept finite."""
    p = min(1.0 - _EPS, max(_EPS, p))
    return math.log(p / (1.0 - p))


def _native_bf16() -> bool:
    """Whether torch's CPU kernels compute bfloat16 natively here (else bfloat16 would be emulated, and slow)."""
    try:
        import torch

        return bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):
        return False


def encoder_words(doc: Doc) -> list[Any]:
    """Return the parse's words as the encoder's word tokens (character offsets), one per spaCy token."""
    from spinscope.layers.techniques.features import Token as Word

    return [Word(t.idx, t.idx + len(t.text), t.text, 0) for t in doc]


class CueTagger:
    """Word probabilities of the fine-tuned encoder (column 0: the head of a cue; column 1: inside a cue) and
    their blend with the linear cue model. `threshold` is the blended probability a candidate cue needs."""

    def __init__(self, arrays: Any, bf16: bool | None = None) -> None:
        """`bf16`: encode in bfloat16 (default: where the CPU computes it natively, as with AMX; a third faster,
        word probabilities within 0.03 of float32's and PolNeAR dev scores within 0.001)."""
        import torch

        from spinscope.layers.techniques.encoder import Embedder, TaggerHead

        self.head = TaggerHead.from_arrays(arrays)
        self.embedder = Embedder(lora=arrays)
        if bf16 if bf16 is not None else _native_bf16():
            self.embedder.model.to(torch.bfloat16)
        blend = np.asarray(arrays["blend"], dtype=np.float64).reshape(-1)
        if blend.shape != (4,):
            raise ModelError(ErrorCode.E020, TAGGER_FILE, "the blend must hold 4 numbers (3 weights, 1 bias)")
        self.blend = tuple(float(x) for x in blend)
        self.threshold = float(np.asarray(arrays["threshold"]).reshape(-1)[0])

    def word_probabilities(self, doc: Doc) -> np.ndarray:
        """Return an (n_tokens × 2) array of the tagger's probabilities for the words of a parse.

        The text is encoded in tiles that do not overlap (`encoder.tiles`): a third fewer pieces than the
        overlapping windows the tagger was trained on, PolNeAR dev scores within 0.0015 of theirs, and the layer
        meets its speed target this way."""
        from spinscope.layers.techniques.encoder import tiles, word_probabilities

        if not len(doc):
            return np.zeros((0, 2), dtype=np.float64)
        offsets, vectors = self.embedder.piece_vectors(doc.text, cut=tiles)
        words = word_probabilities(doc.text, encoder_words(doc), offsets, vectors)
        return self.head(words.astype(np.float32)).astype(np.float64)

    def scorer(self, doc: Doc, linear: CueScorer, probabilities: np.ndarray | None = None) -> CueScorer:
        """Return a cue scorer for `doc` that blends `linear`'s probability with the tagger's."""
        q = self.word_probabilities(doc) if probabilities is None else probabilities
        w_linear, w_head, w_inside, bias = self.blend

        def score(tok: Token, inside: bool) -> float:
            z = (w_linear * logit(linear(tok, inside)) + w_head * logit(float(q[tok.i, 0]))
                 + w_inside * logit(float(q[tok.i, 1])) + bias)
            return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

        return score

    @classmethod
    def load(cls, path: Path) -> CueTagger:
        """Read a tagger written by `train.train_tagger`."""
        try:
            with np.load(path) as data:
                arrays = {k: data[k] for k in data.files}
            return cls(arrays)
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(ErrorCode.E020, str(path), "run `spinscope train quotes-tagger` to rebuild it") from exc


@functools.lru_cache(maxsize=1)
def load_cue_tagger() -> CueTagger:
    """Load the shipped cue tagger once per process."""
    return CueTagger.load(MODEL_DIR / TAGGER_FILE)
