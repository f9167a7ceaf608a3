"""The shipped technique model: a word tagger that finds spans and a span classifier over the 23 labels."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from spinscope.errors import ErrorCode, ModelError
from spinscope.layers.techniques.features import (
    ArticleContext,
    Hashers,
    Token,
    hash_rows,
    span_features,
    token_features,
    tokenize,
)

__all__ = ["Decoding", "TechniquesModel", "load_model", "MODEL_DIR", "tokens_of_span"]

logger = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "techniques"
#: Tokens that never start or end a span (the PTC v2 gold is trimmed of them).
_EDGE_PUNCT = frozenset(".,:;!?)]}(\"“”'’‘-—–")


@dataclass(frozen=True, slots=True)
class Decoding:
    """How word probabilities become spans and labels; tuned on training folds, stored in the model config."""

    threshold: float = 0.5  # a word is inside a span when its probability reaches this
    gap: int = 2  # runs separated by at most this many words (same line) are merged
    min_words: int = 1
    extra_label: float = 0.35  # a span gets a further label when the classifier gives it at least this
    paragraph_threshold: float = 0.3  # a paragraph gets a label when one of its spans scores at least this
    rollup_threshold: float = 0.4  # word threshold of the spans behind the roll-up (recall matters more there)

    def to_json(self) -> dict[str, Any]:
        """Return the config form."""
        return {k: getattr(self, k) for k in self.__slots__}


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _softmax(x: np.ndarray) -> np.ndarray:
    z = x - x.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def tokens_of_span(tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    """Return the first and last index of the tokens overlapping [start, end), or None."""
    idx = [i for i, t in enumerate(tokens) if t.start < end and t.end > start]
    return (idx[0], idx[-1]) if idx else None


@dataclass(frozen=True)
class TechniquesModel:
    """Linear tagger + classifier over hashed features; weights in numpy arrays, config in JSON."""

    labels: tuple[str, ...]
    hashers: Hashers
    tag_w: np.ndarray  # (n_token_features,)
    tag_b: float
    cls_w: sp.csr_matrix  # (n_labels, n_span_features)
    cls_b: np.ndarray  # (n_labels,)
    decoding: Decoding

    # -- word tagger ---------------------------------------------------------------------------------
    def word_probabilities(self, tokens: list[Token]) -> np.ndarray:
        """Return P(inside a technique span) for every token."""
        if not tokens:
            return np.zeros(0)
        X = hash_rows(self.hashers.tokens(), token_features(tokens))
        return _sigmoid(X @ self.tag_w + self.tag_b)

    def decode(self, text: str, tokens: list[Token], probs: np.ndarray,
               decoding: Decoding | None = None) -> list[tuple[int, int, float]]:
        """Return (first_token, last_token, score) runs of words above threshold, merged across short gaps."""
        d = decoding or self.decoding
        runs: list[list[int]] = []
        for i, p in enumerate(probs):
            if p < d.threshold or tokens[i].text in _EDGE_PUNCT:
                continue
            if runs and i - runs[-1][1] - 1 <= d.gap and tokens[runs[-1][1]].line == tokens[i].line:
                runs[-1][1] = i
            else:
                runs.append([i, i])
        out = []
        for first, last in runs:
            if last - first + 1 < d.min_words:
                continue
            out.append((first, last, float(probs[first : last + 1].mean())))
        return out

    # -- span classifier -----------------------------------------------------------------------------
    def classify(self, text: str, ctx: ArticleContext, token_spans: list[tuple[int, int]]) -> np.ndarray:
        """Return label probabilities (n_spans × n_labels) for spans given as token index ranges."""
        if not token_spans:
            return np.zeros((0, len(self.labels)))
        rows = [span_features(text, ctx, first, last) for first, last in token_spans]
        X = hash_rows(self.hashers.spans(), rows)
        scores = np.asarray((X @ self.cls_w.T).todense()) + self.cls_b
        return _softmax(scores)

    def classify_offsets(self, text: str, spans: list[tuple[int, int]]) -> np.ndarray:
        """Return label probabilities for spans given as character offsets (the TC setting)."""
        tokens = tokenize(text)
        ctx = ArticleContext.of(tokens)
        token_spans = []
        for start, end in spans:
            found = tokens_of_span(tokens, start, end)
            if found is None:  # a span of only spaces: classify the nearest word instead
                nearest = min(range(len(tokens)), key=lambda i: abs(tokens[i].start - start)) if tokens else 0
                found = (nearest, nearest)
            token_spans.append(found)
        if not tokens:
            return np.full((len(spans), len(self.labels)), 1.0 / len(self.labels))
        return self.classify(text, ctx, token_spans)

    # -- both ----------------------------------------------------------------------------------------
    def labelled_spans(self, text: str, tokens: list[Token], ctx: ArticleContext, probs: np.ndarray,
                       decoding: Decoding) -> list[tuple[int, int, str, float]]:
        """Return (start, end, label, score) spans decoded from word probabilities, with the classifier's labels."""
        runs = self.decode(text, tokens, probs, decoding)
        if not runs:
            return []
        probs_cls = self.classify(text, ctx, [(f, la) for f, la, _ in runs])
        out = []
        for (first, last, found), p in zip(runs, probs_cls, strict=True):
            start, end = tokens[first].start, tokens[last].end
            for rank, k in enumerate(np.argsort(-p)):
                if rank > 0 and p[k] < decoding.extra_label:
                    break
                out.append((start, end, self.labels[k], float(found * p[k])))
        return out

    def analyse(self, text: str) -> tuple[list[tuple[int, int, str, float]], list[tuple[int, int, str, float]]]:
        """Return the technique spans of a text and the (lower-threshold) spans behind its paragraph roll-up."""
        tokens = tokenize(text)
        if not tokens:
            return [], []
        ctx = ArticleContext.of(tokens)
        probs = self.word_probabilities(tokens)
        spans = self.labelled_spans(text, tokens, ctx, probs, self.decoding)
        if self.decoding.rollup_threshold == self.decoding.threshold:
            return spans, spans
        low = replace(self.decoding, threshold=self.decoding.rollup_threshold)
        return spans, self.labelled_spans(text, tokens, ctx, probs, low)

    def predict(self, text: str) -> list[tuple[int, int, str, float]]:
        """Return (start, end, label, score) technique spans of a text; spans may overlap."""
        return self.analyse(text)[0]

    # -- files ---------------------------------------------------------------------------------------
    def save(self, directory: Path, extra: dict[str, Any] | None = None) -> None:
        """Write the weights (float16, compressed) and the config, then a SHA-256 manifest."""
        directory.mkdir(parents=True, exist_ok=True)
        cls = self.cls_w.tocoo()
        np.savez_compressed(
            directory / "weights.npz",
            tag_w=self.tag_w.astype(np.float16), tag_b=np.array([self.tag_b], dtype=np.float32),
            cls_row=cls.row.astype(np.int16), cls_col=cls.col.astype(np.int32),
            cls_val=cls.data.astype(np.float16), cls_b=self.cls_b.astype(np.float32),
        )
        config = {"format": "spinscope-techniques-linear-1", "labels": list(self.labels),
                  "token_bits": self.hashers.token_bits, "span_bits": self.hashers.span_bits,
                  "decoding": self.decoding.to_json(), **(extra or {})}
        (directory / "config.json").write_text(json.dumps(config, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        manifest = "".join(f"{_sha256(directory / n)}  {n}\n" for n in ("config.json", "weights.npz"))
        (directory / "MANIFEST.sha256").write_text(manifest, encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> TechniquesModel:
        """Load a model folder after checking every file against its manifest."""
        manifest = directory / "MANIFEST.sha256"
        if not manifest.is_file():
            raise ModelError(ErrorCode.E020, str(manifest), "file missing; run `spinscope train techniques`")
        for line in manifest.read_text(encoding="utf-8").splitlines():
            digest, name = line.split(maxsplit=1)
            path = directory / name
            if not path.is_file() or _sha256(path) != digest:
                raise ModelError(ErrorCode.E020, str(path), "missing or its SHA-256 differs from the manifest")
        config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
        w = np.load(directory / "weights.npz")
        labels = tuple(config["labels"])
        hashers = Hashers(config["token_bits"], config["span_bits"])
        cls_w = sp.csr_matrix(
            (w["cls_val"].astype(np.float32), (w["cls_row"].astype(np.int64), w["cls_col"].astype(np.int64))),
            shape=(len(labels), 2 ** hashers.span_bits),
        )
        return cls(labels, hashers, w["tag_w"].astype(np.float32), float(w["tag_b"][0]), cls_w,
                   w["cls_b"].astype(np.float32), Decoding(**config["decoding"]))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@functools.lru_cache(maxsize=4)
def load_model(directory: Path = MODEL_DIR) -> TechniquesModel:
    """Load (once per process) the shipped technique model."""
    return TechniquesModel.load(directory)
