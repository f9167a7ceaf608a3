"""Train the check-worthiness model: grouped cross-validation over whole files, then a fit on all of them.

`train_claims(data)` is what `spinscope train claims` runs; it is seeded and deterministic.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Any

import numpy as np

from spinscope.eval.checkthat2020 import read_dir, score_files, sentences_of
from spinscope.layers.claims.worthiness import BLEND, MODEL_PATH, fit_model
from spinscope.settings import shared_data_dir

__all__ = ["train", "train_claims", "cross_validate", "DEFAULT_DATA", "C", "CLASS_WEIGHT", "VECTORS", "DENSE"]

logger = logging.getLogger(__name__)

DEFAULT_DATA = shared_data_dir() / "checkthat2020-t5-en" / "train"
#: Inverse regularisation of the logistic regression, chosen by grouped CV on train.
C = 1.0
#: Class weighting of the logistic regression ("balanced" or None), chosen by grouped CV on train.
CLASS_WEIGHT: str | None = None
#: Static MiniLM word-vector features (grouped CV on train: MAP 0.1429 without, 0.1506 with).
VECTORS = True
#: Scores over contextual sentence vectors blended in (grouped CV on train, seed 0: MAP 0.1506 without).
DENSE = True


def _folds(names: list[str], k: int, seed: int) -> list[list[str]]:
    """Split file names into k folds of whole files, shuffled by seed."""
    rng = np.random.default_rng(seed)
    order = list(rng.permutation(len(names)))
    return [[names[i] for i in order[f::k]] for f in range(k)]


def _vectors(data: Path, files: dict[str, list[Any]], dense: bool) -> dict[str, np.ndarray | None]:
    """Every file's sentence vectors, or None without the dense scores."""
    return _encoded(data.resolve()) if dense else dict.fromkeys(files)


@functools.lru_cache(maxsize=1)
def _encoded(data: Path) -> dict[str, np.ndarray | None]:
    """Sentence vectors of a data folder's files, encoded once per process (CV and the final fit share them)."""
    from spinscope.layers.claims.worthiness import sentence_vectors

    return {name: sentence_vectors([ln.text for ln in lines]) for name, lines in read_dir(data).items()}


def _training_set(files: dict[str, list[Any]], names: list[str], vectors: dict[str, np.ndarray | None]
                  ) -> tuple[list[Any], list[int], list[str]]:
    sents: list[Any] = []
    labels: list[int] = []
    groups: list[str] = []
    for name in names:
        lines = files[name]
        sents.extend(sentences_of(lines, vectors[name]))
        labels.extend(int(ln.label or 0) for ln in lines)
        groups.extend([name] * len(lines))
    return sents, labels, groups


def cross_validate(data: Path = DEFAULT_DATA, folds: int = 5, seed: int = 0, c: float = C,
                   class_weight: str | None = CLASS_WEIGHT, vectors: bool = VECTORS, dense: bool = DENSE,
                   blend: tuple[float, float] = BLEND) -> dict[str, float]:
    """Held-out-file validation: each fold's files are scored by a model trained on the other folds."""
    files = read_dir(data)
    vecs = _vectors(data, files, dense)
    results: list[tuple[list[float], list[int]]] = []
    for held in _folds(sorted(files), folds, seed):
        held_set = set(held)
        sents, labels, groups = _training_set(files, [n for n in sorted(files) if n not in held_set], vecs)
        model = fit_model(sents, labels, groups, c=c, seed=seed, class_weight=class_weight, vectors=vectors,
                          dense=dense, blend=blend)
        for name in held:
            lines = files[name]
            scores = model.decision(sentences_of(lines, vecs[name]))
            results.append((list(scores), [int(ln.label or 0) for ln in lines]))
        logger.info("fold done: %d held-out files", len(held))
    return score_files(results)


def train_claims(data: Path = DEFAULT_DATA, out: Path = MODEL_PATH, seed: int = 0, folds: int = 5,
                 validate: bool = True) -> dict[str, Any]:
    """Cross-validate (optional), fit on every file of `data`, save the model to `out`; return the figures."""
    report: dict[str, Any] = {"data": str(data), "seed": seed, "folds": folds, "c": C, "class_weight": CLASS_WEIGHT,
                              "vectors": VECTORS, "dense": DENSE}
    if validate:
        report["cv"] = cross_validate(data, folds, seed)
        logger.info("grouped CV: %s", report["cv"])
    files = read_dir(data)
    sents, labels, groups = _training_set(files, sorted(files), _vectors(data, files, DENSE))
    model = fit_model(sents, labels, groups, c=C, seed=seed, class_weight=CLASS_WEIGHT, vectors=VECTORS,
                      dense=DENSE)
    model.save(out, report)
    report["model"] = str(out)
    return report


def train(seed: int = 0, out_dir: Path | None = None) -> dict[str, Any]:
    """Entry point of `spinscope train claims`: the shipped recipe, optionally written elsewhere."""
    out = out_dir / MODEL_PATH.name if out_dir is not None else MODEL_PATH
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    return train_claims(DEFAULT_DATA, out, seed=seed)


if __name__ == "__main__":  # pragma: no cover - convenience for `python -m`
    import json
    import sys

    logging.basicConfig(level=logging.INFO)
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA
    print(json.dumps(train_claims(path), indent=1))
