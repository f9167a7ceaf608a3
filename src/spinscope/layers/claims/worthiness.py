"""Check-worthiness: TF-IDF word and character n-grams, claim cue features, sentence context, the speaker/turn
structure and static word vectors, scored by logistic regression trained on CheckThat! 2020 Task 5 (English
political speech), blended with two scores over contextual sentence vectors.

The static word vectors are all-MiniLM-L6-v2 embeddings of each training-vocabulary word on its own (computed once
at training time, stored int8): a sentence vector is their TF-IDF-weighted mean, for the sentence and, weighted
down, its neighbours.

The sentence vectors are all-MiniLM-L6-v2 sentence embeddings of each sentence on its own (the packaged,
SHA-256-checked encoder; mean pooling, as the model was trained). Two scores come from them: a logistic
regression on the sentence's and its neighbours' vectors, and the cosine similarity to the nearest check-worthy
training sentence (candidates repeat their talking points from one debate to the next). The final log-odds add
both to the sparse model's with weights chosen by grouped cross-validation (`BLEND`).
Encoding every sentence costs most of the layer's time, so the layer uses the blend only when asked, and then
encodes only the sentences the sparse model does not already rule out (see `claims.layer`).

The model is stored without pickle: vocabularies and weights in one compressed `.npz`, so loading it
executes no code and survives scikit-learn upgrades.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from spinscope.errors import ErrorCode, ModelError
from spinscope.layers.claims.speech import N_TURN, normalise_speaker, speaker_priors, turn_features

__all__ = ["Sentence", "WorthinessModel", "StaticVectors", "DenseScorer", "load_model", "MODEL_PATH", "BLEND",
           "cue_features", "fit_model", "make_sentences", "encode_words", "sentence_vectors"]

logger = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).resolve().parents[2] / "models" / "claims" / "worthiness.npz"

_NUMBER = re.compile(r"\d|\b(percent|million|billion|thousand|hundred|dozens?|half|twice|triple|double)\b", re.I)
_COMPARE = re.compile(
    r"\b(more|less|fewer|most|least|higher|lower|largest|biggest|increase[ds]?|decrease[ds]?|cut|raised?|doubled|"
    r"tripled|record|never|always|every|only|first|percent|times)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(i|i'm|i've|my|me)\b", re.I)
_WORD_NGRAMS = (1, 2)
_CHAR_NGRAMS = (2, 5)
#: Weight of the neighbouring sentences' word n-grams: claims come in runs, so context helps ranking.
CONTEXT_WEIGHT = 0.5
#: Weights of the sentence's and its neighbours' static-vector means (chosen by grouped CV on train).
EMBED_WEIGHT = 1.0
EMBED_CONTEXT_WEIGHT = 0.5
#: Sentences are cut at this many wordpieces for their vectors (the model was trained on 128).
SENTENCE_PIECES = 128
#: Sentence vectors: weight of the neighbours' vectors, the logistic regression's C, and the weights of its
#: log-odds and of the nearest-positive similarity in the final score (all chosen by grouped CV on train).
DENSE_CONTEXT_WEIGHT = 0.5
DENSE_C = 0.1
BLEND = (1.0, 5.0)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence to score, with its neighbours in the same document (empty at the edges), its speaker
    ("" in news text) and its turn features (see `speech.turn_features`; empty = a one-sentence monologue)."""

    text: str
    prev: str = ""
    next: str = ""
    is_question: bool = False
    speaker: str = ""
    turn: tuple[float, ...] = ()
    vector: np.ndarray | None = field(default=None, compare=False, repr=False)


def make_sentences(texts: Sequence[str], speakers: Sequence[str] | None = None,
                   vectors: np.ndarray | None = None) -> list[Sentence]:
    """Model inputs for one document's sentences in order, with neighbours and turn structure.

    `vectors`: their `sentence_vectors`, where already computed; the model encodes the others when it needs them."""
    who = list(speakers) if speakers is not None else [""] * len(texts)
    turns = turn_features(who, texts) if texts else np.zeros((0, N_TURN))
    return [Sentence(t, texts[i - 1] if i else "", texts[i + 1] if i + 1 < len(texts) else "",
                     speaker=normalise_speaker(who[i]), turn=tuple(float(v) for v in turns[i]),
                     vector=None if vectors is None else vectors[i])
            for i, t in enumerate(texts)]


def sentence_vectors(texts: Sequence[str], batch: int = 8) -> np.ndarray:
    """all-MiniLM-L6-v2 sentence embeddings (mean pooling, unit length) of each text on its own, as the
    sentence-transformers model computes them; small batches of similar length keep padding small (on 2 cores
    batches of 8 encode news sentences about 1.8 times as fast as batches of 64)."""
    import torch

    from spinscope.layers.techniques.encoder import load_embedder

    embedder = load_embedder()
    out = np.zeros((len(texts), embedder.dim), dtype=np.float64)
    order = np.argsort([len(t) for t in texts], kind="stable")
    with torch.inference_mode():
        for i in range(0, len(order), batch):
            idx = order[i : i + batch]
            out[idx] = _mean_pooled(embedder, [texts[j] for j in idx], SENTENCE_PIECES)
    return out


def _mean_pooled(embedder: Any, texts: list[str], max_length: int) -> np.ndarray:
    """One batch through the encoder: the mean of each text's last-layer vectors, unit length (float64)."""
    import torch

    enc = embedder.tokenizer(texts, padding=True, truncation=True, max_length=max_length, return_tensors="pt")
    hidden = embedder.model(**enc).last_hidden_state
    mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
    vec = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
    return np.asarray(torch.nn.functional.normalize(vec, p=2, dim=1).numpy(), dtype=np.float64)


def _own_vectors(sents: Sequence[Sentence]) -> np.ndarray:
    """The sentences' vectors: those they carry, the others encoded now."""
    rows = [s.vector for s in sents]
    missing = [i for i, v in enumerate(rows) if v is None]
    for i, v in zip(missing, sentence_vectors([sents[i].text for i in missing]) if missing else (), strict=True):
        rows[i] = v
    return np.asarray(rows, dtype=np.float64).reshape(len(sents), -1)


def _dense_rows(sents: Sequence[Sentence], own: np.ndarray) -> np.ndarray:
    """Each sentence's vector beside its neighbours' (weighted down; zero at a document's edges)."""
    prev = np.vstack([np.zeros((1, own.shape[1])), own[:-1]]) if len(own) else own
    nxt = np.vstack([own[1:], np.zeros((1, own.shape[1]))]) if len(own) else own
    has_prev = np.asarray([bool(s.prev) for s in sents], dtype=np.float64)[:, None]
    has_next = np.asarray([bool(s.next) for s in sents], dtype=np.float64)[:, None]
    return np.hstack([own, DENSE_CONTEXT_WEIGHT * has_prev * prev, DENSE_CONTEXT_WEIGHT * has_next * nxt])


@dataclass(frozen=True)
class DenseScorer:
    """The scores over sentence vectors: a logistic regression and the nearest check-worthy training sentence.

    Both are centred on their training means, so the blend moves a sentence's log-odds up or down from the
    sparse model's without shifting them all: the scores stay calibrated for the layer's threshold."""

    coef: np.ndarray  # (3 × dim,): own, previous, next
    intercept: float
    positives: np.ndarray  # unit vectors of the check-worthy training sentences
    centers: tuple[float, float]  # training means of the regression's log-odds and of the similarity
    blend: tuple[float, float] = BLEND  # their weights in the final log-odds

    def components(self, sents: Sequence[Sentence]) -> tuple[np.ndarray, np.ndarray]:
        """Return the regression's log-odds and the nearest-positive similarity of each sentence."""
        own = _own_vectors(sents)
        logit = _dense_rows(sents, own) @ self.coef + self.intercept
        nearest = (own @ self.positives.T).max(axis=1) if len(self.positives) else np.zeros(len(sents))
        return np.asarray(logit, dtype=np.float64), np.asarray(nearest, dtype=np.float64)

    def __call__(self, sents: Sequence[Sentence]) -> np.ndarray:
        logit, nearest = self.components(sents)
        return self.blend[0] * (logit - self.centers[0]) + self.blend[1] * (nearest - self.centers[1])


def cue_features(texts: Sequence[str]) -> np.ndarray:
    """Dense cue features: numbers, comparisons, length, questions, first person."""
    rows = []
    for t in texts:
        n_words = len(t.split())
        stripped = t.rstrip()
        rows.append([
            1.0 if _NUMBER.search(t) else 0.0,
            min(len(_COMPARE.findall(t)), 3) / 3,
            min(n_words, 50) / 50,
            1.0 if stripped.endswith("?") else 0.0,
            1.0 if n_words < 5 else 0.0,
            1.0 if n_words < 10 else 0.0,
            1.0 if _FIRST_PERSON.search(t) else 0.0,
        ])
    return np.asarray(rows, dtype=np.float64).reshape(len(texts), 7)


def _vectorizers() -> tuple[Any, Any]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    words = TfidfVectorizer(ngram_range=_WORD_NGRAMS, min_df=2, sublinear_tf=True, max_features=60_000)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=_CHAR_NGRAMS, min_df=3, sublinear_tf=True,
                            max_features=60_000)
    return words, chars


def _turns(sents: Sequence[Sentence]) -> np.ndarray:
    lone = turn_features([""], ["."])[0]
    return np.asarray([s.turn if s.turn else lone for s in sents], dtype=np.float64).reshape(len(sents), N_TURN)


def _priors(table: dict[str, float], sents: Sequence[Sentence]) -> np.ndarray:
    return np.asarray([[table[s.speaker], 1.0] if s.speaker in table else [0.0, 0.0] for s in sents],
                      dtype=np.float64).reshape(len(sents), 2)


@dataclass(frozen=True)
class StaticVectors:
    """Unit word vectors for some columns of the word TF-IDF vocabulary (rows = `columns`)."""

    columns: np.ndarray
    vectors: np.ndarray

    def mean(self, tfidf: Any) -> np.ndarray:
        """TF-IDF-weighted mean vector of each row of a word TF-IDF matrix, L2-normalised (zero if no known word)."""
        v = np.asarray(tfidf[:, self.columns] @ self.vectors, dtype=np.float64)
        norm = np.linalg.norm(v, axis=1, keepdims=True)
        out: np.ndarray = np.divide(v, norm, out=np.zeros_like(v), where=norm > 0)
        return out


def _matrix(words: Any, chars: Any, sents: Sequence[Sentence], priors: np.ndarray,
            vectors: StaticVectors | None = None) -> Any:
    from scipy.sparse import csr_matrix, hstack

    texts = [s.text for s in sents]
    own, prev, nxt = (words.transform(texts), words.transform([s.prev for s in sents]),
                      words.transform([s.next for s in sents]))
    parts = [own, chars.transform(texts), csr_matrix(cue_features(texts)), CONTEXT_WEIGHT * prev,
             CONTEXT_WEIGHT * nxt, csr_matrix(_turns(sents)), csr_matrix(priors)]
    if vectors is not None:
        parts.append(csr_matrix(EMBED_WEIGHT * vectors.mean(own)))
        parts.append(csr_matrix(EMBED_CONTEXT_WEIGHT * vectors.mean(prev)))
        parts.append(csr_matrix(EMBED_CONTEXT_WEIGHT * vectors.mean(nxt)))
    return hstack(parts).tocsr()


_WORD_VECTORS: dict[str, np.ndarray] = {}


def encode_words(terms: Sequence[str], batch: int = 256) -> np.ndarray:
    """all-MiniLM-L6-v2 sentence embedding (mean pooling, unit length) of each word alone; cached per process."""
    import torch

    todo = [t for t in dict.fromkeys(terms) if t not in _WORD_VECTORS]
    if todo:
        # The techniques layer's frozen encoder: the same packaged, SHA-256-checked weights (training time only).
        from spinscope.layers.techniques.encoder import load_embedder

        embedder = load_embedder()
        with torch.inference_mode():
            for i in range(0, len(todo), batch):
                chunk = todo[i : i + batch]
                _WORD_VECTORS.update(zip(chunk, _mean_pooled(embedder, chunk, 32), strict=True))
    return np.asarray([_WORD_VECTORS[t] for t in terms], dtype=np.float64).reshape(len(terms), -1)


def _quantise(v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    scale = np.maximum(np.abs(v).max(axis=1), 1e-12) / 127.0
    return np.round(v / scale[:, None]).astype(np.int8), scale.astype(np.float32)


def _word_vectors(words: Any) -> StaticVectors:
    """Static vectors for the single-word terms of a fitted word vectorizer, as stored (int8) in the model."""
    terms = sorted((t for t in words.vocabulary_ if " " not in t), key=words.vocabulary_.get)
    q, scale = _quantise(encode_words(terms))
    return StaticVectors(np.asarray([words.vocabulary_[t] for t in terms], dtype=np.int64),
                         q.astype(np.float64) * scale[:, None].astype(np.float64))


@dataclass(frozen=True)
class WorthinessModel:
    """A fitted check-worthiness scorer."""

    words: Any
    chars: Any
    coef: np.ndarray
    intercept: float
    speakers: dict[str, float]
    vectors: StaticVectors | None = None
    dense: DenseScorer | None = None

    def decision(self, sents: Sequence[Sentence]) -> np.ndarray:
        """Return raw scores (higher = more check-worthy)."""
        out = self.sparse_decision(sents)
        return out + self.dense(sents) if self.dense is not None and len(sents) else out

    def sparse_decision(self, sents: Sequence[Sentence]) -> np.ndarray:
        """Return the sparse model's log-odds alone (no sentence encoding): cheap, for ruling sentences out."""
        if not sents:
            return np.zeros(0)
        x = _matrix(self.words, self.chars, sents, _priors(self.speakers, sents), self.vectors)
        return np.asarray(x @ self.coef + self.intercept).ravel()

    def score(self, sents: Sequence[Sentence]) -> np.ndarray:
        """Return check-worthiness probabilities in [0, 1]."""
        return np.asarray(1.0 / (1.0 + np.exp(-self.decision(sents))), dtype=np.float64)

    def save(self, path: Path, info: dict[str, Any]) -> None:
        """Write the model as plain arrays (no pickle)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, Any] = {"coef": self.coef.astype(np.float32), "intercept": np.float64(self.intercept),
                                  "info": np.frombuffer(json.dumps(info, sort_keys=True).encode(), dtype=np.uint8)}
        for name, vec in (("words", self.words), ("chars", self.chars)):
            terms = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
            arrays[f"{name}_terms"] = np.frombuffer("\n".join(terms).encode("utf-8"), dtype=np.uint8)
            arrays[f"{name}_idf"] = vec.idf_.astype(np.float32)
        if self.vectors is not None:
            terms = sorted(self.words.vocabulary_, key=self.words.vocabulary_.get)
            arrays["vector_terms"] = np.frombuffer("\n".join(terms[i] for i in self.vectors.columns).encode("utf-8"),
                                                   dtype=np.uint8)
            q, scale = _quantise(self.vectors.vectors)
            arrays["vector_q"], arrays["vector_scale"] = q, scale
        if self.dense is not None:
            arrays["dense_coef"] = self.dense.coef.astype(np.float32)
            arrays["dense_intercept"] = np.float64(self.dense.intercept)
            arrays["dense_centers"] = np.asarray(self.dense.centers, dtype=np.float64)
            arrays["dense_blend"] = np.asarray(self.dense.blend, dtype=np.float64)
            arrays["positives_q"], arrays["positives_scale"] = _quantise(self.dense.positives)
        names = sorted(self.speakers)
        arrays["speaker_terms"] = np.frombuffer("\n".join(names).encode("utf-8"), dtype=np.uint8)
        arrays["speaker_logodds"] = np.asarray([self.speakers[k] for k in names], dtype=np.float64)
        np.savez_compressed(path, **arrays)


def fit_model(sents: Sequence[Sentence], labels: Sequence[int], groups: Sequence[str], c: float = 1.0,
              seed: int = 0, class_weight: str | None = None, vectors: bool = True,
              dense: bool = True, blend: tuple[float, float] = BLEND) -> WorthinessModel:
    """Fit the vectorizers, the speaker priors and the logistic regression; `groups` names each line's file.
    `vectors`: add the static word-vector features; `dense`: blend in the scores over contextual sentence
    vectors (both need the packaged MiniLM encoder at training time)."""
    from sklearn.linear_model import LogisticRegression

    words, chars = _vectorizers()
    texts = [s.text for s in sents]
    words.fit(texts)
    chars.fit(texts)
    table, own = speaker_priors([s.speaker for s in sents], labels, groups)
    vec = _word_vectors(words) if vectors else None
    x = _matrix(words, chars, sents, own, vec)
    clf = LogisticRegression(C=c, max_iter=3000, random_state=seed, class_weight=class_weight)
    clf.fit(x, np.asarray(labels))
    scorer = _fit_dense(sents, labels, seed, blend) if dense else None
    return WorthinessModel(words, chars, clf.coef_.ravel().astype(np.float64), float(clf.intercept_[0]), table, vec,
                           scorer)


def _fit_dense(sents: Sequence[Sentence], labels: Sequence[int], seed: int, blend: tuple[float, float]
               ) -> DenseScorer:
    from sklearn.linear_model import LogisticRegression

    own = _own_vectors(sents)
    y = np.asarray(labels)
    clf = LogisticRegression(C=DENSE_C, max_iter=3000, random_state=seed).fit(_dense_rows(sents, own), y)
    q, scale = _quantise(own[y == 1])
    positives = q.astype(np.float64) * scale[:, None].astype(np.float64)  # as stored, so a reload scores the same
    fitted = DenseScorer(clf.coef_.ravel().astype(np.float32).astype(np.float64), float(clf.intercept_[0]),
                         positives, (0.0, 0.0), blend)
    logit, nearest = fitted.components([replace(s, vector=v) for s, v in zip(sents, own, strict=True)])
    return replace(fitted, centers=(float(logit.mean()), float(nearest.mean())))


def _restore(terms: np.ndarray, idf: np.ndarray, analyzer: str) -> Any:
    words, chars = _vectorizers()
    vec = words if analyzer == "word" else chars
    vocab = bytes(terms).decode("utf-8").split("\n")
    vec.vocabulary_ = {t: i for i, t in enumerate(vocab)}
    vec.idf_ = idf.astype(np.float64)
    return vec


@functools.lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> WorthinessModel:
    """Load the shipped model once per process."""
    if not path.is_file():
        raise ModelError(ErrorCode.E020, str(path), "run `spinscope train claims` to rebuild it")
    try:
        with np.load(path, allow_pickle=False) as z:
            words = _restore(z["words_terms"], z["words_idf"], "word")
            chars = _restore(z["chars_terms"], z["chars_idf"], "char")
            names = bytes(z["speaker_terms"]).decode("utf-8").split("\n") if z["speaker_terms"].size else []
            speakers = dict(zip(names, (float(v) for v in z["speaker_logodds"]), strict=True))
            vectors = None
            if "vector_q" in z.files:
                terms = bytes(z["vector_terms"]).decode("utf-8").split("\n")
                columns = np.asarray([words.vocabulary_[t] for t in terms], dtype=np.int64)
                vectors = StaticVectors(columns, z["vector_q"].astype(np.float64) * z["vector_scale"][:, None])
            dense = None
            if "dense_coef" in z.files:
                positives = z["positives_q"].astype(np.float64) * z["positives_scale"][:, None].astype(np.float64)
                dense = DenseScorer(z["dense_coef"].astype(np.float64), float(z["dense_intercept"]), positives,
                                    (float(z["dense_centers"][0]), float(z["dense_centers"][1])),
                                    (float(z["dense_blend"][0]), float(z["dense_blend"][1])))
            return WorthinessModel(words, chars, z["coef"].astype(np.float64), float(z["intercept"]), speakers,
                                   vectors, dense)
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(ErrorCode.E020, str(path), str(exc)) from exc


def model_info(path: Path = MODEL_PATH) -> dict[str, Any]:
    """Return the training record stored with the model."""
    with np.load(path, allow_pickle=False) as z:
        return dict(json.loads(bytes(z["info"]).decode()))
