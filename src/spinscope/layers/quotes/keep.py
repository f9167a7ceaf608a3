"""The keep model: a logistic regression over whole extracted attributions that decides which ones are quotes.

The cue model proposes candidates at a low threshold; this second model looks at what extraction made of each
(its cue's probability and part of speech, its content's length and quotation, its source's kind) and keeps the
likely ones, scoring each with its probability. Trained on out-of-fold candidates of PolNeAR train.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from spinscope.layers.quotes.cues import MODEL_DIR, LinearModel
from spinscope.layers.quotes.extract import Found, doc_text

__all__ = ["KeepModel", "keep_features", "load_keep_model"]

_P_EDGES = (0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
_LENGTH_EDGES = (10, 20, 40, 80, 160, 320)
_SOURCE_EDGES = (2, 3, 5, 8, 12)
_OPENERS = frozenset({"that", "whether", "if", "to"})


def keep_features(doc: Doc, found: Found) -> dict[str, float]:
    """Return the features of one extracted attribution: binary indicators plus the cue probability `p`."""
    text = doc_text(doc)
    feats: dict[str, float] = {
        "p": found.score,
        f"pb={bisect_right(_P_EDGES, found.score)}": 1.0,
        f"kind={found.kind}": 1.0,
        f"src={'y' if found.source else 'n'}": 1.0,
        f"clen={bisect_right(_LENGTH_EDGES, sum(e - s for s, e in found.content))}": 1.0,
        f"nfrag={min(len(found.content), 3)}": 1.0,
        f"origin={found.origin}": 1.0,
    }
    if found.content_score is not None:
        # How sure the content model was of the chosen content: a doubtful one is often no attribution.
        feats["cp"] = found.content_score
        feats[f"cpb={bisect_right(_P_EDGES, found.content_score)}"] = 1.0
    if found.cue:
        cue = doc.char_span(*found.cue, alignment_mode="expand")
        if cue is not None and len(cue):
            head = cue.root
            feats[f"cpos={head.pos_}"] = 1.0
            feats[f"cdep={head.dep_}"] = 1.0
            feats[f"ckind={found.kind}|{head.pos_}"] = 1.0
            feats[f"side={'after' if found.content[0][0] >= found.cue[1] else 'before'}"] = 1.0
            feats[f"colon={text[found.cue[0] : found.cue[1]].strip() == ':'}"] = 1.0
    else:
        feats["nocue"] = 1.0
    if found.source:
        source = doc.char_span(*found.source, alignment_mode="expand")
        if source is not None and len(source):
            kind = source.root.ent_type_ or source.root.pos_
            feats[f"sk={kind}"] = 1.0
            feats[f"slen={bisect_right(_SOURCE_EDGES, len(source))}"] = 1.0
            feats[f"skk={kind}|{found.kind}"] = 1.0
    content = text[found.content[0][0] : found.content[-1][1]]
    feats[f"opener={content.split(' ', 1)[0].lower() in _OPENERS}"] = 1.0
    feats[f"newline={chr(10) in content}"] = 1.0
    return feats


@dataclass(frozen=True)
class KeepModel(LinearModel):
    """The keep model: features of a whole extracted attribution (`keep_features`); every weight is kept.
    Its threshold is written by training (`train.KEEP_THRESHOLD`) and read from `keep.json`."""

    min_weight: float = 0.0

    def probability(self, doc: Doc, found: Found) -> float:
        """Return the probability that `found` is an attribution whose content a reader would mark."""
        return self.logistic(keep_features(doc, found).items())

    def select(self, doc: Doc, found: Sequence[Found], threshold: float | None = None) -> list[Found]:
        """Keep the candidates at or above `threshold` (default: the model's), each scored with its probability."""
        least = self.threshold if threshold is None else threshold
        scored = [replace(f, score=self.probability(doc, f)) for f in found]
        return [f for f in scored if f.score >= least]


@functools.lru_cache(maxsize=1)
def load_keep_model() -> KeepModel:
    """Load the shipped keep model once per process."""
    return KeepModel.load(MODEL_DIR / "keep.json")
