"""Train the technique model from ../shared/data, seeded; the PTC dev documents are never seen.

Data: SemEval-2023 subtask-3 English train (the PTC train+dev articles relabelled with the 23 techniques),
less every document that is in PTC dev, so that both PTC dev and the SemEval-2023 validation split stay
held out. Decoding settings (word threshold, gap, extra labels, paragraph threshold) are tuned on
out-of-fold predictions over the training documents only. The shipped model (`spinscope train techniques-lora`)
fine-tunes LoRA updates of the MiniLM encoder; `spinscope train techniques` keeps the encoder frozen (CPU only).
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

from spinscope.eval.scorers.techniques import si_scores
from spinscope.layers.techniques.features import (
    ArticleContext,
    Hashers,
    Token,
    hash_rows,
    paragraph_features,
    span_features,
    token_features,
    tokenize,
)
from spinscope.layers.techniques.labels import LABELS
from spinscope.layers.techniques.model import (
    ADAPTER,
    MODEL_DIR,
    Decoding,
    Evidence,
    TechniquesModel,
    blend_labels,
    span_head_inputs,
    tokens_in,
    tokens_of_span,
)
from spinscope.layers.techniques.rollup import paragraphs
from spinscope.train.corpora import read_articles, read_semeval_paragraphs, read_semeval_spans, shared_data_dir

__all__ = ["train_techniques", "train_techniques_lora", "heldout_ids", "DEFAULT_SEED"]

logger = logging.getLogger(__name__)

DEFAULT_SEED = 13
#: Near-duplicate training articles (ptc/PROVENANCE.md): each pair stays in one fold.
NEAR_DUPLICATES = (("724791253", "738060046"), ("793534424", "793921939"), ("999000125", "999001970"))
_FOLDS = 3
_TAGGER_ALPHA = 2e-6
_CLASSIFIER_C = 2.0
_PARAGRAPH_C = 1.0
#: Span head (label probabilities from the embedding of the span's own text): chosen by label accuracy on the
#: out-of-fold training spans (C 0.003 / 0.01 / 0.03 / 0.1 gave blended accuracy 0.615 / 0.623 / 0.617 / 0.611).
_SPAN_HEAD_C = 0.01
#: Labels with fewer training paragraphs than this keep the common threshold (too few to tune their own).
_MIN_LABEL_PARAGRAPHS = 30
#: The paragraph threshold of a label no training paragraph has: above any score, so the roll-up never gives it (four
#: of the 23 labels have no English training paragraph; stray scores for them once cut a retrained model's
#: paragraph macro-F1 from 0.278 to 0.103).
NEVER = 1.01
#: Roll-up settings (trial, weights and common paragraph threshold) that go on to get per-label thresholds: the best
#: this many under their common threshold (all 1,440 would take 2 min per tuning).
ROLLUP_FINALISTS = 25


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
    par_rows: list[list[str]]
    par_labels: list[list[str]]


def heldout_ids(data: Path) -> set[str]:
    """Return the ids of the PTC dev documents, held out of training in both schemes."""
    return set(read_articles(data / "ptc" / "dev" / "articles"))


def _prepare(doc_id: str, text: str, spans: list[tuple[str, int, int]], hashers: Hashers,
             gold_paragraphs: dict[tuple[str, int], list[str]]) -> _Doc:
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
    par_rows, par_labels = [], []
    for no, start, end in paragraphs(text):
        found = tokens_in(tokens, start, end)
        if found is not None and (doc_id, no) in gold_paragraphs:
            par_rows.append(paragraph_features(ctx, *found))
            par_labels.append(gold_paragraphs[(doc_id, no)])
    X = hash_rows(hashers.tokens(), token_features(tokens))
    return _Doc(doc_id, text, tokens, ctx, X, y, spans, rows, labels, par_rows, par_labels)


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
    # One binary classifier per label on paragraphs (multi-label); labels without examples never fire.
    Xp = hash_rows(hashers.spans(), [r for d in docs for r in d.par_rows])
    par_labels = [set(x) for d in docs for x in d.par_labels]
    Wp = np.zeros((len(LABELS), Xp.shape[1]), dtype=np.float32)
    bp = np.full(len(LABELS), -30.0, dtype=np.float32)
    for k, label in enumerate(LABELS):
        yk = np.array([label in x for x in par_labels])
        if yk.sum() >= 2:
            m = LogisticRegression(C=_PARAGRAPH_C, solver="liblinear", random_state=seed).fit(Xp, yk)
            Wp[k], bp[k] = m.coef_[0], m.intercept_[0]
    return TechniquesModel(LABELS, hashers, tagger.coef_[0].astype(np.float32), float(tagger.intercept_[0]),
                           sp.csr_matrix(W), b, sp.csr_matrix(Wp), bp, Decoding())


def _group_of(ids: list[str]) -> dict[str, str]:
    group_of = {i: i for i in ids}
    for a, b in NEAR_DUPLICATES:
        group_of[b] = a
    return group_of


def _folds(docs: list[_Doc], seed: int) -> list[list[_Doc]]:
    group_of = _group_of([d.id for d in docs])
    groups = sorted({group_of[d.id] for d in docs})
    random.Random(seed).shuffle(groups)
    fold_of = {g: i % _FOLDS for i, g in enumerate(groups)}
    folds: list[list[_Doc]] = [[] for _ in range(_FOLDS)]
    for d in docs:
        folds[fold_of[group_of[d.id]]].append(d)
    return folds


def _rest(folds: list[list[_Doc]], k: int) -> list[_Doc]:
    """Return the documents of every fold but the k-th (what a fold's held-out predictions are trained on)."""
    return [d for j, f in enumerate(folds) if j != k for d in f]


def _tune_spans(items: list[tuple[TechniquesModel, _Doc, Evidence]], weights: tuple[float, ...]
                ) -> tuple[Decoding, float]:
    """Pick the word blend, threshold, gap and minimum length that maximise SI F1."""
    gold_si = [(d.id, s, e) for _, d, _ in items for _, s, e in d.spans]
    best_si, best = -1.0, Decoding()
    for weight, threshold, gap, min_words in itertools.product(
        weights, (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5), (0, 2, 4, 8, 12, 20), (1, 2, 3)
    ):
        dec = Decoding(threshold=threshold, gap=gap, min_words=min_words, tagger_weight=weight)
        pred = []
        for model, d, ev in items:
            scores = ev.word_scores(dec)
            runs = model.decode(d.text, d.tokens, scores, dec)
            pred.extend((d.id, d.tokens[f].start, d.tokens[la].end) for f, la, _ in runs)
        f1 = si_scores(pred, gold_si)["si_f1"]
        if f1 > best_si:
            best_si, best = f1, dec
    return best, best_si


def _tune_labels(items: list[tuple[TechniquesModel, _Doc, Evidence]], dec: Decoding) -> tuple[Decoding, float]:
    """Pick the blend of span classifier, tagger and span head that labels the gold spans best."""
    parts, gold = [], []
    for model, d, ev in items:
        ranges = [tokens_of_span(d.tokens, s, e) for _, s, e in d.spans]
        keep = [(r, la) for r, (la, _, _) in zip(ranges, d.spans, strict=True) if r is not None]
        if not keep:
            continue
        spans = [r for r, _ in keep]
        tagger = np.stack([ev.tagger_labels(a, b) for a, b in spans]) if ev.tagger is not None else None
        parts.append((model.classify(d.text, ev.ctx, spans), tagger, model.span_head_probabilities(d.text, ev, spans)))
        gold.extend(LABELS.index(la) for _, la in keep)
    y = np.array(gold)
    has_tagger, has_head = parts[0][1] is not None, parts[0][2] is not None
    best_acc, best = -1.0, dec
    for w, h in itertools.product((0.0, 0.2, 0.35, 0.5, 0.65, 0.8) if has_tagger else (0.0,),
                                  (0.0, 0.2, 0.3, 0.4, 0.5, 0.6) if has_head else (0.0,)):
        trial = replace(dec, tagger_label_weight=w, span_head_weight=h)
        predicted = np.concatenate([blend_labels(p, t, x, trial).argmax(1) for p, t, x in parts])
        acc = float((predicted == y).mean())
        if acc > best_acc:
            best_acc, best = acc, trial
    return best, best_acc


def _micro_f1(tp: np.ndarray, fp: np.ndarray, fn: np.ndarray) -> float:
    den = 2 * tp.sum() + fp.sum() + fn.sum()
    return float(2 * tp.sum() / den) if den else 1.0


def _label_thresholds(scores: np.ndarray, gold: np.ndarray, start: float) -> tuple[tuple[float, ...], float]:
    """Per-label thresholds by coordinate ascent on micro-F1; rare labels keep the common threshold, labels no
    paragraph has get NEVER."""
    grid = np.round(np.arange(0.02, 0.81, 0.02), 2)
    # counts[k, j] = (tp, fp, fn) of label k at threshold grid[j]
    pred = scores[:, :, None] >= grid[None, None, :]
    g = gold[:, :, None]
    tp = (pred & g).sum(0)
    unseen = gold.sum(0) == 0
    fp = (pred & ~g).sum(0) * ~unseen[:, None]  # an unseen label is never given: it has no false positives
    fn = (~pred & g).sum(0)
    j0 = int(np.argmin(np.abs(grid - start)))
    choice = np.full(scores.shape[1], j0)
    rare = gold.sum(0) < _MIN_LABEL_PARAGRAPHS
    cols = np.arange(scores.shape[1])
    for _ in range(3):
        for k in np.flatnonzero(~rare):
            best_j, best = choice[k], -1.0
            for j in range(len(grid)):
                choice[k] = j
                f = _micro_f1(tp[cols, choice], fp[cols, choice], fn[cols, choice])
                if f > best:
                    best_j, best = j, f
            choice[k] = best_j
    thresholds = tuple(NEVER if unseen[k] else float(grid[j]) for k, j in enumerate(choice))
    return thresholds, _micro_f1(tp[cols, choice], fp[cols, choice], fn[cols, choice])


def _rollup_candidates(items: list[tuple[TechniquesModel, _Doc, Evidence]],
                       gold_paragraphs: dict[tuple[str, int], list[str]], dec: Decoding
                       ) -> list[tuple[Decoding, np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """Return, for each roll-up trial (word threshold, extra labels, with or without the span head in the roll-up's
    span labels), the held-out paragraphs' span, classifier and tagger scores per label and their gold labels."""
    index = {label: k for k, label in enumerate(LABELS)}
    out = []
    for word_threshold, extra, head_w in itertools.product((dec.threshold, dec.threshold - 0.1), (0.2, 0.35, 1.01),
                                                           sorted({0.0, dec.span_head_weight})):
        trial = replace(dec, threshold=word_threshold, extra_label=extra, span_head_weight=head_w)
        span_rows, clf_rows, tag_rows, gold_rows = [], [], [], []
        for m, d, ev in items:
            for no, _, _, spans, clf, tag in m.paragraph_scores(d.text, ev, m.labelled_spans(d.text, ev, trial), trial):
                if (d.id, no) not in gold_paragraphs:
                    continue
                row = np.zeros(len(LABELS))
                for label, score in spans.items():
                    row[index[label]] = score
                span_rows.append(row)
                clf_rows.append(clf)
                tag_rows.append(tag)
                g = np.zeros(len(LABELS), dtype=bool)
                g[[index[x] for x in gold_paragraphs[(d.id, no)] if x in index]] = True
                gold_rows.append(g)
        out.append((replace(dec, rollup_threshold=word_threshold, extra_label=extra, rollup_span_head_weight=head_w),
                    *(np.array(x) for x in (span_rows, clf_rows, tag_rows, gold_rows))))
    return out


def _choose_rollup(candidates: list[tuple[Decoding, np.ndarray, np.ndarray, np.ndarray, np.ndarray]],
                   has_tagger: bool) -> tuple[Decoding, float]:
    """Pick the roll-up trial, the weights of its scores and one threshold per label that maximise paragraph
    micro-F1 on the held-out paragraphs: the ROLLUP_FINALISTS best settings under one common threshold each get
    their per-label thresholds, and the best of them after that wins (many settings tie within 0.001 under one
    threshold; choosing among them by the common-threshold figure alone made retrained models land on different
    ones, 0.013 apart on the validation paragraphs)."""
    weights = list(itertools.product(((0.0, 1.0), (0.5, 1.0), (1.0, 1.0), (1.0, 0.0)),
                                     (0.0, 0.5, 1.0) if has_tagger else (0.0,)))

    def combined(c: int, w: int) -> np.ndarray:
        _, S, C, T, G = candidates[c]
        (span_w, clf_w), tag_w = weights[w]
        out = np.maximum(np.maximum(S * span_w, C * clf_w), T * tag_w)
        out[:, G.sum(0) == 0] = 0.0  # a label no paragraph has is never given (NEVER): no false positives
        return out

    common: list[tuple[float, int, int, float]] = []
    for c, w in itertools.product(range(len(candidates)), range(len(weights))):
        scores, G = combined(c, w), candidates[c][4]
        for par_threshold in (0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
            p = scores >= par_threshold
            common.append((_micro_f1((p & G).sum(0), (p & ~G).sum(0), (~p & G).sum(0)), c, w, par_threshold))
    finalists = sorted(common, key=lambda r: -r[0])[:ROLLUP_FINALISTS]  # stable: ties keep the grid order
    best_par, chosen = -1.0, candidates[0][0]
    for f1_common, c, w, par_threshold in finalists:
        thresholds, f1 = _label_thresholds(combined(c, w), candidates[c][4], start=par_threshold)
        if f1 > best_par:
            (span_w, clf_w), tag_w = weights[w]
            best_par = f1
            chosen = replace(candidates[c][0], paragraph_threshold=par_threshold, span_weight=span_w,
                             classifier_weight=clf_w, tagger_paragraph_weight=tag_w, paragraph_thresholds=thresholds)
            logger.info("roll-up %s, weights %s, threshold %.2f: micro-F1 %.4f, per-label thresholds %.4f",
                        chosen.rollup_threshold, weights[w], par_threshold, f1_common, f1)
    return chosen, best_par


def _tune_paragraphs(items: list[tuple[TechniquesModel, _Doc, Evidence]],
                     gold_paragraphs: dict[tuple[str, int], list[str]],
                     dec: Decoding) -> tuple[Decoding, float]:
    """Pick the roll-up settings and one threshold per label that maximise paragraph micro-F1 on the held-out
    paragraphs: the trials' scores (`_rollup_candidates`), then the choice among them (`_choose_rollup`)."""
    return _choose_rollup(_rollup_candidates(items, gold_paragraphs, dec), items[0][2].tagger is not None)


def _tune(items: list[tuple[TechniquesModel, _Doc, Evidence]], gold_paragraphs: dict[tuple[str, int], list[str]],
          weights: tuple[float, ...] = (0.0,)) -> tuple[Decoding, dict[str, float]]:
    """Tune spans, labels and the roll-up on held-out predictions (out-of-fold, never PTC dev)."""
    dec, si = _tune_spans(items, weights)
    logger.info("tuned spans %s: SI F1 %.4f", dec, si)
    dec, acc = _tune_labels(items, dec)
    logger.info("tuned labels (tagger weight %.2f, span head weight %.2f): accuracy %.4f", dec.tagger_label_weight,
                dec.span_head_weight, acc)
    dec, par = _tune_paragraphs(items, gold_paragraphs, dec)
    logger.info("tuned roll-up %s: paragraph micro-F1 %.4f", dec, par)
    return dec, {"si_f1": si, "label_accuracy": acc, "paragraph_micro_f1": par}


def train_techniques(seed: int = DEFAULT_SEED, out_dir: Path = MODEL_DIR, data: Path | None = None,
                     tagger: bool = True, fine_tune: bool = False) -> dict[str, Any]:
    """Train, tune and save the technique model; return a summary with held-out figures and the time taken.

    `tagger`: add the MiniLM word tagger (a head on the frozen encoder); `fine_tune`: fine-tune LoRA updates of
    the encoder with the head instead, one run per fold and a final one, each with its span head fitted on its own
    fine-tuned encoder (the shipped model; the fine-tunes run on a GPU when torch sees one, about 4 min of the
    whole on an H100, and take about 2 h on 2 CPU cores)."""
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
    docs = [_prepare(i, texts[i], spans_by.get(i, []), hashers, gold_paragraphs) for i in ids]
    oof: list[tuple[TechniquesModel, _Doc, Evidence]] = []
    folds = _folds(docs, seed)
    for k, fold in enumerate(folds):
        rest = _rest(folds, k)
        model = _fit(rest, hashers, seed)
        oof.extend((model, d, Evidence(d.tokens, d.ctx, _sigmoid_probs(model, d), None)) for d in fold)
        logger.info("fold %d/%d done (%.0f s)", k + 1, _FOLDS, time.perf_counter() - t0)
    linear_decoding, tuned = _tune(oof, gold_paragraphs)
    summary: dict[str, Any] = {"seed": seed, **({"fine_tune": True} if fine_tune else {}), "train_articles": len(ids),
                               "heldout_articles": len(texts) - len(ids),
                               **{f"oof_linear_{k}": round(v, 4) for k, v in tuned.items()}}
    decoding = linear_decoding
    out_dir.mkdir(parents=True, exist_ok=True)
    adapter = out_dir / ADAPTER
    if adapter.exists():
        adapter.unlink()
    tagger_arrays: dict[str, np.ndarray] | None = None
    if tagger:
        make = _fine_tuned_tagger if fine_tune else _frozen_tagger
        tagged, tagger_arrays, fold_taggers = make(docs, folds, seed, t0)
        if fine_tune:
            from spinscope.train import techniques_neural as neural

            summary.update({"device": neural.training_device(), "tune_epochs": neural.TUNE_EPOCHS,
                            "tune_lr": neural.TUNE_LR})
        fold_of = {d.id: k for k, fold in enumerate(folds) for d in fold}
        items = [(replace(m, tagger=fold_taggers[fold_of[d.id]]), d, Evidence(d.tokens, d.ctx, ev.linear, tagged[d.id]))
                 for m, d, ev in oof]
        decoding, tuned = _tune(items, gold_paragraphs, weights=(0.0, 0.35, 0.5, 0.65, 0.8, 1.0))
        summary.update({f"oof_{k}": round(v, 4) for k, v in tuned.items()})
    final = replace(_fit(docs, hashers, seed), decoding=decoding)
    summary["seconds"] = round(time.perf_counter() - t0, 1)
    if tagger_arrays is not None:
        np.savez_compressed(adapter, **tagger_arrays)
    final.save(out_dir, extra={"training": summary, "decoding_linear": linear_decoding.to_json()})
    logger.info("saved %s in %.0f s", out_dir, summary["seconds"])
    return summary


def _frozen_tagger(docs: list[_Doc], folds: list[list[_Doc]], seed: int, t0: float
                   ) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray], list[Any]]:
    """Fit heads on frozen encoder vectors: out-of-fold word probabilities per article, the final arrays (word
    tagger and span head), and each fold's tagger (its span head labels that fold's spans during tuning)."""
    from spinscope.layers.techniques.encoder import Embedder, MiniLMTagger
    from spinscope.train.techniques_neural import fit_head

    embedder = Embedder(threads=2)
    vectors = {d.id: embedder.word_vectors(d.text, d.tokens).astype(np.float16) for d in docs}
    examples = _span_examples(embedder, docs)
    logger.info("encoded %d articles and their spans with MiniLM (%.0f s)", len(docs), time.perf_counter() - t0)
    targets = {d.id: _word_targets(d) for d in docs}
    tagged, fold_taggers = {}, []
    for k, fold in enumerate(folds):
        rest = _rest(folds, k)
        h = fit_head(np.concatenate([vectors[d.id] for d in rest]), np.concatenate([targets[d.id] for d in rest]), seed)
        tagged.update({d.id: h(vectors[d.id].astype(np.float32)) for d in fold})
        fold_taggers.append(MiniLMTagger(embedder, h, _fit_span_head(rest, examples, seed)))
    head = fit_head(np.concatenate([vectors[d.id] for d in docs]), np.concatenate([targets[d.id] for d in docs]), seed)
    return tagged, {**head.arrays(), **_fit_span_head(docs, examples, seed).arrays()}, fold_taggers


def _span_examples(embedder: Any, docs: list[_Doc]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Return each article's gold spans as span head inputs (as the layer builds them) and label indices."""
    rows: list[tuple[_Doc, int, int, int]] = []
    for d in docs:
        for label, start, end in d.spans:
            found = tokens_of_span(d.tokens, start, end)
            if found:
                rows.append((d, *found, LABELS.index(label)))
    inputs = span_head_inputs(embedder, [(d.text, d.tokens, d.ctx, a, b) for d, a, b, _ in rows])
    grouped: dict[str, tuple[list[np.ndarray], list[int]]] = defaultdict(lambda: ([], []))
    for (d, _, _, label), x in zip(rows, inputs, strict=True):
        grouped[d.id][0].append(x)
        grouped[d.id][1].append(label)
    return {i: (np.array(x, dtype=np.float32), np.array(y)) for i, (x, y) in grouped.items()}


def _fit_span_head(docs: list[_Doc], examples: dict[str, tuple[np.ndarray, np.ndarray]], seed: int) -> Any:
    """Fit the span head (multinomial logistic regression on standardised inputs) on these articles' spans."""
    from spinscope.layers.techniques.encoder import SpanHead

    X = np.concatenate([examples[d.id][0] for d in docs if d.id in examples])
    y = np.concatenate([examples[d.id][1] for d in docs if d.id in examples])
    mean, scale = X.mean(axis=0), X.std(axis=0) + 1e-6
    clf = LogisticRegression(C=_SPAN_HEAD_C, max_iter=500, random_state=seed).fit((X - mean) / scale, y)
    # Labels never seen in training keep zero weights and a very low bias, as in the span classifier.
    w = np.zeros((X.shape[1], len(LABELS)), dtype=np.float32)
    b = np.full(len(LABELS), -30.0, dtype=np.float32)
    w[:, clf.classes_] = clf.coef_.T
    b[clf.classes_] = clf.intercept_
    return SpanHead(w, b, mean.astype(np.float32), scale.astype(np.float32))


def _fine_tuned_tagger(docs: list[_Doc], folds: list[list[_Doc]], seed: int, t0: float
                       ) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray], list[Any]]:
    """Fine-tune LoRA updates and a head per fold (out-of-fold word probabilities), then once on everything.
    Each run's span head is fitted on its own fine-tuned encoder, the one the layer loads with it."""
    from spinscope.layers.techniques.encoder import Embedder, MiniLMTagger, TaggerHead
    from spinscope.train.techniques_neural import fit_tagger, training_device

    device = training_device()
    examples = {d.id: (d.text, d.tokens, _word_targets(d)) for d in docs}
    tagged: dict[str, np.ndarray] = {}
    fold_taggers = []
    for k, fold in enumerate(folds):
        rest = _rest(folds, k)
        arrays = fit_tagger([examples[d.id] for d in rest], seed)
        # Held-out probabilities go through the inference path: float16 arrays merged into a fresh encoder.
        embedder = Embedder(lora=arrays, device=device)
        fold_tagger = MiniLMTagger(embedder, TaggerHead.from_arrays(arrays),
                                   _fit_span_head(rest, _span_examples(embedder, rest), seed))
        tagged.update({d.id: fold_tagger.word_probabilities(d.text, d.tokens) for d in fold})
        fold_taggers.append(fold_tagger)
        logger.info("tagger fold %d/%d done (%.0f s)", k + 1, len(folds), time.perf_counter() - t0)
    arrays = fit_tagger(list(examples.values()), seed)
    span_head = _fit_span_head(docs, _span_examples(Embedder(lora=arrays, device=device), docs), seed)
    return tagged, {**arrays, **span_head.arrays()}, fold_taggers


def _word_targets(d: _Doc) -> np.ndarray:
    """Return per-word targets: inside any span, then inside a span of each label."""
    y = np.zeros((len(d.tokens), len(LABELS) + 1), dtype=np.float32)
    y[:, 0] = d.y
    for label, start, end in d.spans:
        found = tokens_of_span(d.tokens, start, end)
        if found:
            y[found[0] : found[1] + 1, 1 + LABELS.index(label)] = 1.0
    return y


def _sigmoid_probs(model: TechniquesModel, d: _Doc) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(d.X @ model.tag_w + model.tag_b)))


def train_techniques_lora(seed: int = DEFAULT_SEED, out_dir: Path = MODEL_DIR, data: Path | None = None
                          ) -> dict[str, Any]:
    """Train the technique model with a LoRA fine-tuned tagger (`spinscope train techniques-lora`)."""
    return train_techniques(seed=seed, out_dir=out_dir, data=data, fine_tune=True)
