"""`train_quotes`: fit the cue model on PolNeAR train, seeded and reproducible."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.tokens import Doc

from spinscope.eval.polnear import Attribution
from spinscope.layers.quotes.cues import MODEL_DIR, CueModel, features
from spinscope.layers.quotes.marks import find_quotes

__all__ = ["train", "train_quotes", "cue_examples", "load_polnear"]

logger = logging.getLogger(__name__)

CANDIDATE_POS = frozenset({"VERB", "AUX", "NOUN"})


def load_polnear(split_dir: Path) -> list[tuple[str, str, list[Attribution]]]:
    """Return (stem, text, gold attributions) for every article of a PolNeAR split folder."""
    from spinscope.eval.polnear import gold_file, read_brat

    out = []
    for f in sorted((split_dir / "text").glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        gold = gold_file(split_dir, f.stem)
        attrs = read_brat(gold.read_text(encoding="utf-8"), text) if gold else []
        out.append((f.stem, text, attrs))
    return out


def _cue_heads(doc: Doc, attributions: Sequence[Attribution]) -> set[int]:
    heads = set()
    for a in attributions:
        for start, end in a.cue:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            inside = {t.i for t in span}
            words = [t for t in span if t.pos_ in CANDIDATE_POS] or list(span)
            roots = [t for t in words if t.head.i not in inside or t.head.i == t.i]
            heads.add((roots or words)[0].i)
    return heads


def cue_examples(doc: Doc, attributions: Sequence[Attribution]) -> tuple[list[list[str]], list[int]]:
    """Return features and 0/1 labels of every candidate cue word of a parsed document."""
    heads = _cue_heads(doc, attributions)
    quotes = find_quotes(doc.text)
    X, y = [], []
    for tok in doc:
        if tok.pos_ not in CANDIDATE_POS:
            continue
        inside = any(q.start <= tok.idx < q.end for q in quotes)
        X.append(features(tok, inside))
        y.append(int(tok.i in heads))
    return X, y


def train_quotes(
    data: Path,
    out: Path | None = None,
    seed: int = 13,
    c: float = 0.25,
    threshold: float = 0.4,
    parsed: Iterable[Doc] | None = None,
) -> CueModel:
    """Fit the cue model on `data` (a PolNeAR split folder, normally train) and write `cues.json`.

    The defaults (C=0.25, threshold 0.4) were chosen by cross-validation on PolNeAR train folds
    (2 of 5 folds, seed 0 split: C=0.25 beat 0.5 and 1.0 on content, source, cue and attribution F1).
    """
    # scikit-learn is needed for training only; the shipped model is plain JSON weights.
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from spinscope.layers.nlp import load_spacy

    articles = load_polnear(Path(data))
    docs = list(parsed) if parsed is not None else list(load_spacy().pipe(t for _, t, _ in articles))
    X: list[dict[str, int]] = []
    y: list[int] = []
    for doc, (_, _, gold) in zip(docs, articles, strict=True):
        feats, labels = cue_examples(doc, gold)
        X.extend({f: 1 for f in fs} for fs in feats)
        y.extend(labels)
    vec = DictVectorizer()
    matrix = vec.fit_transform(X).tocsr()
    # liblinear accepts only 32-bit sparse indices.
    matrix.indices = matrix.indices.astype("int32")
    matrix.indptr = matrix.indptr.astype("int32")
    clf = LogisticRegression(C=c, max_iter=2000, random_state=seed, solver="liblinear")
    clf.fit(matrix, y)
    names = vec.get_feature_names_out()
    weights = {str(n): float(w) for n, w in zip(names, clf.coef_[0], strict=True)}
    model = CueModel(weights=weights, bias=float(clf.intercept_[0]), threshold=threshold)
    target = (out or MODEL_DIR) / "cues.json"
    model.save(target)
    logger.info("cue model: %d examples, %d positives, written to %s", len(y), sum(y), target)
    return CueModel.load(target)


def train(seed: int = 13, out_dir: Path | None = None) -> dict[str, object]:
    """Entry point of `spinscope train quotes`: the shipped recipe on PolNeAR train."""
    from spinscope.settings import shared_data_dir

    data = shared_data_dir() / "polnear" / "train"
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    model = train_quotes(data, out=out_dir, seed=seed)
    return {"data": str(data), "seed": seed, "features": len(model.weights), "threshold": model.threshold,
            "model": str((out_dir or MODEL_DIR) / "cues.json")}
