"""The shipped technique model: a word tagger that finds spans and a span classifier over the 23 labels."""

from __future__ import annotations

import bisect
import functools
import hashlib
import json
import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.special import expit

from spinscope.errors import ErrorCode, ModelError
from spinscope.layers.techniques.features import (
    ArticleContext,
    Hashers,
    Token,
    hash_rows,
    paragraph_features,
    span_features,
    span_scalars,
    token_features,
    tokenize,
)
from spinscope.layers.techniques.rollup import paragraphs, rollup

__all__ = ["Decoding", "TechniquesModel", "load_model", "MODEL_DIR", "tokens_of_span", "blend_labels",
           "span_head_inputs"]

logger = logging.getLogger(__name__)

_evidence_cache: OrderedDict[tuple[int, str], Evidence] = OrderedDict()
_evidence_lock = threading.Lock()

SpanRow = tuple[int, int, str, float]  # start, end, label, score
ParagraphRow = tuple[int, int, int, dict[str, float]]  # paragraph_no, start, end, {label: score}

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "techniques"
#: The MiniLM tagger head; a model folder without it runs the linear models alone.
ADAPTER = "tagger_head.npz"
#: Weights smaller than this are dropped when saving: together they move a score by far less than its noise,
#: and dropping them keeps the shipped files small.
PRUNE = 0.01
#: Tokens that never start or end a span (the PTC v2 gold is trimmed of them).
_EDGE_PUNCT = frozenset(".,:;!?)]}(\"“”'’‘-—–")


@dataclass(frozen=True, slots=True)
class Decoding:
    """How word probabilities become spans and labels; tuned on training folds, stored in the model config."""

    threshold: float = 0.5  # a word is inside a span when its probability reaches this
    gap: int = 2  # runs separated by at most this many words (same line) are merged
    min_words: int = 1
    extra_label: float = 0.35  # a span gets a further label when the classifier gives it at least this
    paragraph_threshold: float = 0.3  # a paragraph gets a label when its score for it reaches this
    rollup_threshold: float = 0.4  # word threshold of the spans behind the roll-up (recall matters more there)
    #: Paragraph score of a label = max(best span score × span_weight, classifier probability × classifier_weight).
    span_weight: float = 1.0
    classifier_weight: float = 1.0
    #: Blend with the MiniLM tagger where the model has one (0: linear model only).
    tagger_weight: float = 0.0  # word probability = (1 - w) × linear + w × tagger
    tagger_label_weight: float = 0.0  # span label probabilities, likewise
    tagger_paragraph_weight: float = 0.0  # paragraph score also max(tagger probability over its words) × this
    #: Then blend with the span head (label probabilities from the span text's own embedding), likewise.
    span_head_weight: float = 0.0
    #: The span head's weight in the labels of the spans behind the paragraph roll-up (tuned on its own: better span
    #: labels need not make better paragraph labels).
    rollup_span_head_weight: float = 0.0
    #: One paragraph threshold per label (in LABELS order); empty: paragraph_threshold for all.
    paragraph_thresholds: tuple[float, ...] = ()

    def for_rollup(self) -> Decoding:
        """Return the decoding of the spans behind the paragraph roll-up."""
        return replace(self, threshold=self.rollup_threshold, span_head_weight=self.rollup_span_head_weight)

    def threshold_of(self, k: int) -> float:
        """Return the paragraph threshold of the k-th label."""
        return self.paragraph_thresholds[k] if self.paragraph_thresholds else self.paragraph_threshold

    def to_json(self) -> dict[str, Any]:
        """Return the config form."""
        return {k: list(v) if isinstance(v := getattr(self, k), tuple) else v for k in self.__slots__}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Decoding:
        """Build from the config form."""
        return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return expit(x)  # no overflow warning for very negative scores


def _softmax(x: np.ndarray) -> np.ndarray:
    z = x - x.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def blend_labels(classifier: np.ndarray, tagger: np.ndarray | None, head: np.ndarray | None,
                 decoding: Decoding) -> np.ndarray:
    """Return span label probabilities: the classifier blended with the tagger, that blended with the span head."""
    p = classifier
    if tagger is not None and decoding.tagger_label_weight:
        p = (1 - decoding.tagger_label_weight) * p + decoding.tagger_label_weight * tagger
    if head is not None and decoding.span_head_weight:
        p = (1 - decoding.span_head_weight) * p + decoding.span_head_weight * head
    return p


def span_head_inputs(embedder: Any, spans: list[tuple[str, list[Token], ArticleContext, int, int]]) -> np.ndarray:
    """Return the span head's input rows (training and inference alike) for (text, tokens, context, first, last)
    word ranges: the embedding of the range's own text, then its `span_scalars`; one embedding call for all."""
    vectors = embedder.embed_texts([text[tokens[a].start : tokens[b].end] for text, tokens, _, a, b in spans])
    rows = [np.concatenate([v, span_scalars(ctx, a, b)]) for (_, _, ctx, a, b), v in zip(spans, vectors, strict=True)]
    return np.array(rows, dtype=np.float32).reshape(len(spans), -1)


def tokens_of_span(tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    """Return the first and last index of the tokens overlapping [start, end), or None."""
    return tokens_in(tokens, start, end)


def tokens_in(tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    """Return the first and last index of the tokens overlapping [start, end), or None (binary search)."""
    lo = bisect.bisect_right([t.end for t in tokens], start)
    hi = lo
    while hi < len(tokens) and tokens[hi].start < end:
        hi += 1
    return (lo, hi - 1) if hi > lo else None


@dataclass(frozen=True)
class Evidence:
    """What the models say about one article's words, computed once and decoded under any settings."""

    tokens: list[Token]
    ctx: ArticleContext
    linear: np.ndarray  # (n_words,) P(inside a span), linear tagger
    tagger: np.ndarray | None  # (n_words, 1 + n_labels) MiniLM tagger: any technique, then each label
    #: Span head inputs already computed, by (first, last) word: decoding again does not re-embed a span.
    span_inputs: dict[tuple[int, int], np.ndarray] = field(default_factory=dict, repr=False, compare=False)
    #: Span classifier probabilities already computed, by the word ranges asked for together: the roll-up's spans,
    #: decoded at the same threshold but blended differently, are not classified again.
    classified: dict[tuple[tuple[int, int], ...], np.ndarray] = field(default_factory=dict, repr=False, compare=False)

    def word_scores(self, d: Decoding) -> np.ndarray:
        """Return the blended P(inside a span) of every word."""
        if self.tagger is None or d.tagger_weight == 0:
            return self.linear
        return (1 - d.tagger_weight) * self.linear + d.tagger_weight * self.tagger[:, 0]

    def tagger_labels(self, first: int, last: int) -> np.ndarray | None:
        """Return the tagger's label distribution over a word range (mean, normalised), if there is a tagger."""
        if self.tagger is None:
            return None
        p = self.tagger[first : last + 1, 1:].mean(axis=0)
        return p / max(float(p.sum()), 1e-9)


@dataclass(frozen=True)
class TechniquesModel:
    """Linear tagger + classifier over hashed features; weights in numpy arrays, config in JSON."""

    labels: tuple[str, ...]
    hashers: Hashers
    tag_w: np.ndarray  # (n_token_features,)
    tag_b: float
    cls_w: sp.csr_matrix  # (n_labels, n_span_features)
    cls_b: np.ndarray  # (n_labels,)
    par_w: sp.csr_matrix  # (n_labels, n_span_features): one binary classifier per label, on paragraphs
    par_b: np.ndarray  # (n_labels,)
    decoding: Decoding
    tagger: Any = None  # encoder.MiniLMTagger, when the model folder has a tagger head

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
        if not tokens:
            return []
        edge = np.fromiter((t.text in _EDGE_PUNCT for t in tokens), dtype=bool, count=len(tokens))
        line = np.fromiter((t.line for t in tokens), dtype=np.int64, count=len(tokens))
        idx = np.flatnonzero((probs >= d.threshold) & ~edge)
        if not len(idx):
            return []
        # A new run starts after a gap of more than `gap` words or at a line break.
        breaks = np.flatnonzero((np.diff(idx) - 1 > d.gap) | (np.diff(line[idx]) != 0))
        firsts = idx[np.r_[0, breaks + 1]]
        lasts = idx[np.r_[breaks, len(idx) - 1]]
        csum = np.r_[0.0, np.cumsum(probs)]
        out = []
        for first, last in zip(firsts.tolist(), lasts.tolist(), strict=True):
            if last - first + 1 >= d.min_words:
                out.append((first, last, float((csum[last + 1] - csum[first]) / (last - first + 1))))
        return out

    def evidence(self, text: str) -> Evidence:
        """Tokenise a text and run the word taggers once (the last few texts are remembered: TC asks again)."""
        key = (id(self), text)
        with _evidence_lock:
            hit = _evidence_cache.get(key)
        if hit is not None:
            return hit
        tokens = tokenize(text)
        tagged = self.tagger.word_probabilities(text, tokens) if self.tagger is not None and tokens else None
        ev = Evidence(tokens, ArticleContext.of(tokens), self.word_probabilities(tokens), tagged)
        with _evidence_lock:
            _evidence_cache[key] = ev
            while len(_evidence_cache) > 4:
                _evidence_cache.popitem(last=False)
        return ev

    # -- span classifier -----------------------------------------------------------------------------
    def classify(self, text: str, ctx: ArticleContext, token_spans: list[tuple[int, int]]) -> np.ndarray:
        """Return label probabilities (n_spans × n_labels) for spans given as token index ranges."""
        if not token_spans:
            return np.zeros((0, len(self.labels)))
        rows = [span_features(text, ctx, first, last) for first, last in token_spans]
        X = hash_rows(self.hashers.spans(), rows)
        scores = np.asarray((X @ self.cls_w.T).todense()) + self.cls_b
        return _softmax(scores)

    def span_head_probabilities(self, text: str, ev: Evidence, token_spans: list[tuple[int, int]]
                                ) -> np.ndarray | None:
        """Return the span head's label probabilities (n_spans × n_labels), or None where the model has none."""
        head = getattr(self.tagger, "span_head", None)
        if head is None or not token_spans:
            return None
        missing = sorted({r for r in token_spans if r not in ev.span_inputs})
        if missing:
            inputs = span_head_inputs(self.tagger.embedder, [(text, ev.tokens, ev.ctx, a, b) for a, b in missing])
            ev.span_inputs.update(zip(missing, inputs, strict=True))
        return head(np.stack([ev.span_inputs[r] for r in token_spans]))  # type: ignore[no-any-return]

    def classify_blended(self, text: str, ev: Evidence, token_spans: list[tuple[int, int]],
                         decoding: Decoding) -> np.ndarray:
        """Return label probabilities of spans: the span classifier, blended with the tagger and the span head
        where the model has them."""
        key = tuple(token_spans)
        p = ev.classified.get(key)
        if p is None:
            p = ev.classified[key] = self.classify(text, ev.ctx, token_spans)
        if not token_spans:
            return p
        t = (np.stack([ev.tagger_labels(a, b) for a, b in token_spans])  # type: ignore[misc]
             if ev.tagger is not None and decoding.tagger_label_weight else None)
        h = self.span_head_probabilities(text, ev, token_spans) if decoding.span_head_weight else None
        return blend_labels(p, t, h, decoding)

    def classify_offsets(self, text: str, spans: list[tuple[int, int]]) -> np.ndarray:
        """Return label probabilities for spans given as character offsets (the TC setting)."""
        ev = self.evidence(text)
        tokens = ev.tokens
        if not tokens:
            return np.full((len(spans), len(self.labels)), 1.0 / len(self.labels))
        token_spans = []
        for start, end in spans:
            found = tokens_of_span(tokens, start, end)
            if found is None:  # a span of only spaces: classify the nearest word instead
                nearest = min(range(len(tokens)), key=lambda i: abs(tokens[i].start - start))
                found = (nearest, nearest)
            token_spans.append(found)
        return self.classify_blended(text, ev, token_spans, self.decoding)

    # -- both ----------------------------------------------------------------------------------------
    def labelled_spans(self, text: str, ev: Evidence, decoding: Decoding) -> list[tuple[int, int, str, float]]:
        """Return (start, end, label, score) spans decoded from word probabilities, with the classifier's labels."""
        tokens = ev.tokens
        runs = self.decode(text, tokens, ev.word_scores(decoding), decoding)
        if not runs:
            return []
        probs_cls = self.classify_blended(text, ev, [(f, la) for f, la, _ in runs], decoding)
        out = []
        for (first, last, found), p in zip(runs, probs_cls, strict=True):
            start, end = tokens[first].start, tokens[last].end
            for rank, k in enumerate(np.argsort(-p)):
                if rank > 0 and p[k] < decoding.extra_label:
                    break
                out.append((start, end, self.labels[k], float(found * p[k])))
        return out

    def paragraph_probabilities(self, ctx: ArticleContext, ranges: list[tuple[int, int]]) -> np.ndarray:
        """Return P(label used) per paragraph (n_paragraphs × n_labels) from the paragraph classifier."""
        if not ranges:
            return np.zeros((0, len(self.labels)))
        X = hash_rows(self.hashers.spans(), [paragraph_features(ctx, a, b) for a, b in ranges])
        return _sigmoid(np.asarray((X @ self.par_w.T).todense()) + self.par_b)

    def paragraph_scores(self, text: str, ev: Evidence, rollup_spans: list[tuple[int, int, str, float]],
                         decoding: Decoding) -> list[tuple[int, int, int, dict[str, float], np.ndarray, np.ndarray]]:
        """Return per paragraph: number, offsets, best span score per label, classifier and tagger probabilities."""
        rows = rollup(text, rollup_spans, 0.0)
        ranges, where = [], []
        for i, (_, start, end, _) in enumerate(rows):
            found = tokens_in(ev.tokens, start, end)
            if found is not None:
                ranges.append(found)
                where.append(i)
        clf = np.zeros((len(rows), len(self.labels)))
        tag = np.zeros((len(rows), len(self.labels)))
        if ranges:
            clf[where] = self.paragraph_probabilities(ev.ctx, ranges)
            if ev.tagger is not None:
                tag[where] = np.stack([ev.tagger[a : b + 1, 1:].max(axis=0) for a, b in ranges])
        return [(no, s_, e, spans, clf[i], tag[i]) for i, (no, s_, e, spans) in enumerate(rows)]

    def paragraph_labels(self, text: str, ev: Evidence, rollup_spans: list[tuple[int, int, str, float]],
                         decoding: Decoding) -> list[tuple[int, int, int, dict[str, float]]]:
        """Return (paragraph_no, start, end, {label: score}) for every non-blank line."""
        out = []
        for no, start, end, spans, clf, tag in self.paragraph_scores(text, ev, rollup_spans, decoding):
            combined = np.maximum(clf * decoding.classifier_weight, tag * decoding.tagger_paragraph_weight)
            scores = {label: float(combined[k]) for k, label in enumerate(self.labels)}
            for label, score in spans.items():
                scores[label] = max(scores[label], score * decoding.span_weight)
            out.append((no, start, end, {la: sc for k, (la, sc) in enumerate(scores.items())
                                         if sc >= decoding.threshold_of(k)}))
        return out

    def analyse(self, text: str) -> tuple[list[SpanRow], list[ParagraphRow]]:
        """Return the technique spans of a text and its paragraphs' (number, start, end, {label: score})."""
        ev = self.evidence(text)
        if not ev.tokens:
            return [], [(no, s, e, {}) for no, s, e in paragraphs(text)]
        spans = self.labelled_spans(text, ev, self.decoding)
        rollup = self.decoding.for_rollup()
        low = spans if rollup == self.decoding else self.labelled_spans(text, ev, rollup)
        return spans, self.paragraph_labels(text, ev, low, self.decoding)

    def predict(self, text: str) -> list[tuple[int, int, str, float]]:
        """Return (start, end, label, score) technique spans of a text; spans may overlap."""
        return self.analyse(text)[0]

    # -- files ---------------------------------------------------------------------------------------
    def save(self, directory: Path, extra: dict[str, Any] | None = None) -> None:
        """Write the weights (float16, pruned below PRUNE, compressed) and the config, then a SHA-256 manifest."""
        directory.mkdir(parents=True, exist_ok=True)
        tag_w = np.where(np.abs(self.tag_w) < PRUNE, 0.0, self.tag_w)
        np.savez_compressed(
            directory / "weights.npz",
            tag_w=tag_w.astype(np.float16), tag_b=np.array([self.tag_b], dtype=np.float32),
            **_sparse_arrays("cls", self.cls_w), cls_b=self.cls_b.astype(np.float32),
            **_sparse_arrays("par", self.par_w), par_b=self.par_b.astype(np.float32),
        )
        config = {"format": "spinscope-techniques-linear-1", "labels": list(self.labels),
                  "token_bits": self.hashers.token_bits, "span_bits": self.hashers.span_bits,
                  "decoding": self.decoding.to_json(), **(extra or {})}
        (directory / "config.json").write_text(json.dumps(config, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        names = ["config.json", "weights.npz"] + ([ADAPTER] if (directory / ADAPTER).is_file() else [])
        manifest = "".join(f"{_sha256(directory / n)}  {n}\n" for n in names)
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
        shape = (len(labels), 2**hashers.span_bits)
        cls_w, par_w = _sparse_from(w, "cls", shape), _sparse_from(w, "par", shape)
        tagger = None
        if (directory / ADAPTER).is_file():
            from spinscope.layers.techniques.encoder import (
                Embedder,
                MiniLMTagger,
                SpanHead,
                TaggerHead,
                load_embedder,
            )

            arrays = np.load(directory / ADAPTER)
            # A fine-tuned tagger carries LoRA updates: it gets its own encoder copy; a frozen one shares the cache.
            embedder = Embedder(lora=arrays) if "lora_scale" in arrays else load_embedder()
            tagger = MiniLMTagger(embedder, TaggerHead.from_arrays(arrays), SpanHead.from_arrays(arrays))
        return cls(labels, hashers, w["tag_w"].astype(np.float32), float(w["tag_b"][0]), cls_w,
                   w["cls_b"].astype(np.float32), par_w, w["par_b"].astype(np.float32),
                   Decoding.from_json(config["decoding"]), tagger)


def _sparse_arrays(name: str, m: sp.csr_matrix) -> dict[str, np.ndarray]:
    """Return a weight matrix as flat positions (delta-coded, so they compress) and float16 values."""
    coo = m.tocoo()
    keep = np.abs(coo.data) >= PRUNE
    flat = np.sort(coo.row[keep].astype(np.int64) * m.shape[1] + coo.col[keep])
    values = np.asarray(m[np.unravel_index(flat, m.shape)]).ravel() if len(flat) else np.zeros(0)
    return {f"{name}_pos": np.diff(flat, prepend=0).astype(np.uint32), f"{name}_val": values.astype(np.float16)}


def _sparse_from(arrays: Any, name: str, shape: tuple[int, int]) -> sp.csr_matrix:
    flat = np.cumsum(arrays[f"{name}_pos"].astype(np.int64))
    rows, cols = np.unravel_index(flat, shape)
    return sp.csr_matrix((arrays[f"{name}_val"].astype(np.float32), (rows, cols)), shape=shape)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@functools.lru_cache(maxsize=4)
def load_model(directory: Path = MODEL_DIR) -> TechniquesModel:
    """Load (once per process) the shipped technique model."""
    return TechniquesModel.load(directory)
