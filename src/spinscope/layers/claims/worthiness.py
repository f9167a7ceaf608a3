"""Check-worthiness: TF-IDF word and character n-grams, claim cue features, sentence context and the
speaker/turn structure, scored by logistic regression trained on CheckThat! 2020 Task 5 (English political speech).

The model is stored without pickle: vocabularies and weights in one compressed `.npz`, so loading it
executes no code and survives scikit-learn upgrades.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from spinscope.errors import ErrorCode, ModelError
from spinscope.layers.claims.speech import N_TURN, normalise_speaker, speaker_priors, turn_features

__all__ = ["Sentence", "WorthinessModel", "load_model", "MODEL_PATH", "cue_features", "fit_model", "make_sentences"]

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


def make_sentences(texts: Sequence[str], speakers: Sequence[str] | None = None) -> list[Sentence]:
    """Model inputs for one document's sentences in order, with neighbours and turn structure."""
    who = list(speakers) if speakers is not None else [""] * len(texts)
    turns = turn_features(who, texts) if texts else np.zeros((0, N_TURN))
    return [Sentence(t, texts[i - 1] if i else "", texts[i + 1] if i + 1 < len(texts) else "",
                     speaker=normalise_speaker(who[i]), turn=tuple(float(v) for v in turns[i]))
            for i, t in enumerate(texts)]


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


def _matrix(words: Any, chars: Any, sents: Sequence[Sentence], priors: np.ndarray) -> Any:
    from scipy.sparse import csr_matrix, hstack

    texts = [s.text for s in sents]
    parts = [words.transform(texts), chars.transform(texts), csr_matrix(cue_features(texts))]
    parts.append(CONTEXT_WEIGHT * words.transform([s.prev for s in sents]))
    parts.append(CONTEXT_WEIGHT * words.transform([s.next for s in sents]))
    parts.append(csr_matrix(_turns(sents)))
    parts.append(csr_matrix(priors))
    return hstack(parts).tocsr()


@dataclass(frozen=True)
class WorthinessModel:
    """A fitted check-worthiness scorer."""

    words: Any
    chars: Any
    coef: np.ndarray
    intercept: float
    speakers: dict[str, float]

    def decision(self, sents: Sequence[Sentence]) -> np.ndarray:
        """Return raw scores (higher = more check-worthy)."""
        if not sents:
            return np.zeros(0)
        x = _matrix(self.words, self.chars, sents, _priors(self.speakers, sents))
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
        names = sorted(self.speakers)
        arrays["speaker_terms"] = np.frombuffer("\n".join(names).encode("utf-8"), dtype=np.uint8)
        arrays["speaker_logodds"] = np.asarray([self.speakers[k] for k in names], dtype=np.float64)
        np.savez_compressed(path, **arrays)


def fit_model(sents: Sequence[Sentence], labels: Sequence[int], groups: Sequence[str], c: float = 1.0,
              seed: int = 0, class_weight: str | None = None) -> WorthinessModel:
    """Fit the vectorizers, the speaker priors and the logistic regression; `groups` names each line's file."""
    from sklearn.linear_model import LogisticRegression

    words, chars = _vectorizers()
    texts = [s.text for s in sents]
    words.fit(texts)
    chars.fit(texts)
    table, own = speaker_priors([s.speaker for s in sents], labels, groups)
    x = _matrix(words, chars, sents, own)
    clf = LogisticRegression(C=c, max_iter=3000, random_state=seed, class_weight=class_weight)
    clf.fit(x, np.asarray(labels))
    return WorthinessModel(words, chars, clf.coef_.ravel().astype(np.float64), float(clf.intercept_[0]), table)


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
            return WorthinessModel(words, chars, z["coef"].astype(np.float64), float(z["intercept"]), speakers)
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(ErrorCode.E020, str(path), str(exc)) from exc


def model_info(path: Path = MODEL_PATH) -> dict[str, Any]:
    """Return the training record stored with the model."""
    with np.load(path, allow_pickle=False) as z:
        return dict(json.loads(bytes(z["info"]).decode()))
