"""Train the technique model from ../shared/data, seeded; the PTC dev documents are never seen.

Data: SemEval-2023 subtask-3 English train (the PTC train+dev articles relabelled with the 23 techniques),
less every document that is in PTC dev, so that both PTC dev and the SemEval-2023 validation split stay
held out. Decoding settings (word threshold, gap, extra labels, paragraph threshold) are tuned on
out-of-fold predictions over the training documents only.
"""

from __future__ import annotations

import itertools
import logging
import random
import time
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression, SGDClassifier

from spinscope.eval.scorers.techniques import paragraph_scores, si_scores
from spinscope.layers.techniques.features import (
    ArticleContext,
    Hashers,
    Token,
    hash_rows,
    span_features,
    token_features,
    tokenize,
)
from spinscope.layers.techniques.labels import LABELS
from spinscope.layers.techniques.model import MODEL_DIR, Decoding, TechniquesModel, tokens_of_span
from spinscope.layers.techniques.rollup import rollup
from spinscope.train.corpora import read_articles, read_semeval_paragraphs, read_semeval_spans, shared_data_dir

__all__ = ["train_techniques", "heldout_ids", "DEFAULT_SEED"]

logger = logging.getLogger(__name__)

DEFAULT_SEED = 13
#: Near-duplicate training articles (ptc/PROVENANCE.md): each pair stays in one fold.
NEAR_DUPLICATES = (("724791253", "738060046"), ("793534424", "793921939"), ("999000125", "999001970"))
_FOLDS = 3
_TAGGER_ALPHA = 2e-6
_CLASSIFIER_C = 2.0


@dataclass
class _Doc:
    id: str
    text: str
    tokens: list[Token]
    ctx: ArticleContext
    X: sp.csr_matrix
    y: np.ndarray
    spans: list[tuple[str, int, int]]  # gold (label, start, end)
    span_rows: list[list[str]]
    span_labels: list[str]


def heldout_ids(data: Path) -> set[str]:
    """Return the ids of the PTC dev documents, held out of training in both schemes."""
    return set(read_articles(data / "ptc" / "dev" / "articles"))


def _prepare(doc_id: str, text: str, spans: list[tuple[str, int, int]], hashers: Hashers) -> _Doc:
    tokens = tokenize(text)
    y = np.zeros(len(tokens), dtype=np.int8)
    for _, start, end in spans:
        for i, t in enumerate(tokens):
            if t.start < end and t.end > start:
                y[i] = 1
    ctx = ArticleContext.of(tokens)
    rows, labels = [], []
    for label, start, end in spans:
        found = tokens_of_span(tokens, start, end)
        if found:
            rows.append(span_features(text, ctx, *found))
            labels.append(label)
    X = hash_rows(hashers.tokens(), token_features(tokens))
    return _Doc(doc_id, text, tokens, ctx, X, y, spans, rows, labels)


def _fit(docs: list[_Doc], hashers: Hashers, seed: int) -> TechniquesModel:
    X = sp.vstack([d.X for d in docs]).tocsr()
    y = np.concatenate([d.y for d in docs])
    tagger = SGDClassifier(loss="log_loss", alpha=_TAGGER_ALPHA, max_iter=20, tol=None, random_state=seed)
    tagger.fit(X, y)
    rows = [r for d in docs for r in d.span_rows]
    labels = [la for d in docs for la in d.span_labels]
    Xs = hash_rows(hashers.spans(), rows)
    clf = LogisticRegression(C=_CLASSIFIER_C, max_iter=2000, random_state=seed)
    clf.fit(Xs, labels)
    # Labels never seen in training keep zero weights and a very low bias.
    W = np.zeros((len(LABELS), Xs.shape[1]), dtype=np.float32)
    b = np.full(len(LABELS), -30.0, dtype=np.float32)
    for k, label in enumerate(clf.classes_):
        W[LABELS.index(label)] = clf.coef_[k]
        b[LABELS.index(label)] = clf.intercept_[k]
    return TechniquesModel(LABELS, hashers, tagger.coef_[0].astype(np.float32), float(tagger.intercept_[0]),
                           sp.csr_matrix(W), b, Decoding())


def _folds(docs: list[_Doc], seed: int) -> list[list[_Doc]]:
    group_of = {d.id: d.id for d in docs}
    for a, b in NEAR_DUPLICATES:
        group_of[b] = a
    groups = sorted({group_of[d.id] for d in docs})
    random.Random(seed).shuffle(groups)
    fold_of = {g: i % _FOLDS for i, g in enumerate(groups)}
    folds: list[list[_Doc]] = [[] for _ in range(_FOLDS)]
    for d in docs:
        folds[fold_of[group_of[d.id]]].append(d)
    return folds


def _predict_spans(model: TechniquesModel, d: _Doc, probs: np.ndarray,
                   decoding: Decoding) -> list[tuple[int, int, str, float]]:
    return model.labelled_spans(d.text, d.tokens, d.ctx, probs, decoding)


def _tune(oof: list[tuple[TechniquesModel, _Doc, np.ndarray]], gold_paragraphs: dict[tuple[str, int], list[str]],
          ) -> tuple[Decoding, dict[str, float]]:
    """Pick decoding settings on out-of-fold predictions: first SI F1, then paragraph micro-F1."""
    gold_si = [(d.id, s, e) for _, d, _ in oof for _, s, e in d.spans]
    best_si, best = -1.0, Decoding()
    for threshold, gap, min_words in itertools.product((0.2, 0.25, 0.3, 0.35, 0.4, 0.45), (0, 1, 2, 3, 5), (1, 2)):
        dec = Decoding(threshold=threshold, gap=gap, min_words=min_words)
        pred = []
        for model, d, probs in oof:
            pred.extend((d.id, d.tokens[f].start, d.tokens[la].end) for f, la, _ in model.decode(d.text, d.tokens, probs, dec))
        f1 = si_scores(pred, gold_si)["si_f1"]
        if f1 > best_si:
            best_si, best = f1, dec
    logger.info("tuned SI decoding %s: out-of-fold SI F1 %.4f", best, best_si)
    best_par = -1.0
    gold = {k: v for k, v in gold_paragraphs.items() if k[0] in {d.id for _, d, _ in oof}}
    # The paragraph roll-up may use a lower word threshold than SI: recall matters more there.
    cache: dict[tuple[float, float], list[tuple[_Doc, list[tuple[int, int, str, float]]]]] = {}
    for word_threshold, extra in itertools.product((best.threshold, best.threshold - 0.1), (0.2, 0.3, 0.45, 1.01)):
        dec = replace(best, threshold=word_threshold, extra_label=extra)
        cache[(word_threshold, extra)] = [(d, _predict_spans(m, d, p, dec)) for m, d, p in oof]
    chosen = (best.threshold, 1.01, 0.3)
    for (word_threshold, extra), predicted in cache.items():
        for par_threshold in (0.05, 0.1, 0.15, 0.2, 0.3, 0.4):
            pred = {}
            for d, spans in predicted:
                for no, _, _, found in rollup(d.text, spans, par_threshold):
                    pred[(d.id, no)] = list(found)
            f1 = paragraph_scores(pred, gold, LABELS)["paragraph_micro_f1"]
            if f1 > best_par:
                best_par, chosen = f1, (word_threshold, extra, par_threshold)
    logger.info("tuned roll-up (word threshold, extra label, paragraph threshold) %s: out-of-fold micro-F1 %.4f",
                chosen, best_par)
    dec = replace(best, rollup_threshold=chosen[0], extra_label=chosen[1], paragraph_threshold=chosen[2])
    return dec, {"oof_si_f1": best_si, "oof_paragraph_micro_f1": best_par}


def train_techniques(seed: int = DEFAULT_SEED, out_dir: Path = MODEL_DIR, data: Path | None = None) -> dict[str, Any]:
    """Train, tune and save the technique model; return a summary with out-of-fold figures and the time taken."""
    t0 = time.perf_counter()
    data = data or shared_data_dir()
    root = data / "semeval2023t3" / "en" / "train"
    texts = read_articles(root / "articles")
    held = heldout_ids(data)
    spans_by: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for art, label, start, end in read_semeval_spans(root / "labels"):
        spans_by[art].append((label, start, end))
    gold_paragraphs = read_semeval_paragraphs(root / "labels") or {}
    hashers = Hashers()
    ids = sorted(i for i in texts if i not in held)
    logger.info("training on %d articles (%d held out as PTC dev)", len(ids), len(texts) - len(ids))
    docs = [_prepare(i, texts[i], spans_by.get(i, []), hashers) for i in ids]
    oof = []
    folds = _folds(docs, seed)
    for k, fold in enumerate(folds):
        rest = [d for j, f in enumerate(folds) if j != k for d in f]
        model = _fit(rest, hashers, seed)
        oof.extend((model, d, _sigmoid_probs(model, d)) for d in fold)
        logger.info("fold %d/%d done (%.0f s)", k + 1, _FOLDS, time.perf_counter() - t0)
    decoding, tuned = _tune(oof, gold_paragraphs)
    final = replace(_fit(docs, hashers, seed), decoding=decoding)
    summary = {"seed": seed, "train_articles": len(ids), "heldout_articles": len(texts) - len(ids),
               **{k: round(v, 4) for k, v in tuned.items()}, "seconds": round(time.perf_counter() - t0, 1)}
    final.save(out_dir, extra={"training": summary})
    logger.info("saved %s in %.0f s", out_dir, summary["seconds"])
    return summary


def _sigmoid_probs(model: TechniquesModel, d: _Doc) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(d.X @ model.tag_w + model.tag_b)))
