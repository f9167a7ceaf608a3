"""Official scorers for persuasion techniques: PTC SI and TC (SemEval-2020 Task 11), SemEval-2023 subtask 3.

Written from the task definitions:
- SI: overlapping spans of one article are merged first (gold and predicted alike); precision sums
  |s∩t|/|s| over every predicted×gold pair of the same article and divides by the number of predicted
  spans; recall sums |s∩t|/|t| and divides by the number of gold spans.
- TC: every gold span gets one prediction at the same offsets; where several gold labels share one span,
  predictions are matched to them in the best order; micro-F1 over all spans, plus per-technique F1.
- SemEval-2023: paragraphs are binarised over the 23 labels; micro- and macro-F1 with zero_division=1,
  as scikit-learn computes them in the organisers' scorer.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

__all__ = ["merge_spans", "si_scores", "tc_scores", "paragraph_scores", "prf"]

logger = logging.getLogger(__name__)

#: (article_id, start, end) for SI; (article_id, label, start, end) for TC.
SiSpan = tuple[str, int, int]
TcSpan = tuple[str, str, int, int]


def prf(p_num: float, p_den: float, r_num: float, r_den: float) -> tuple[float, float, float]:
    """Return precision, recall and F1 from numerators and denominators (0 where a denominator is 0)."""
    p = p_num / p_den if p_den > 0 else 0.0
    r = r_num / r_den if r_den > 0 else 0.0
    f = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return p, r, f


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge spans that share at least one character; touching spans stay apart, as in the official scorer."""
    merged: list[list[int]] = []
    for start, end in sorted((s, e) for s, e in spans if e > s):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _by_article(spans: Iterable[SiSpan]) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for art, start, end in spans:
        out[str(art)].append((int(start), int(end)))
    return {art: merge_spans(v) for art, v in out.items()}


def si_scores(predicted: Iterable[SiSpan], gold: Iterable[SiSpan]) -> dict[str, float]:
    """Return SI precision, recall and F1 of predicted spans against gold spans."""
    pred = _by_article(predicted)
    gold_by = _by_article(gold)
    n_pred = sum(len(v) for v in pred.values())
    n_gold = sum(len(v) for v in gold_by.values())
    p_num = r_num = 0.0
    for art, spans in pred.items():
        targets = gold_by.get(art, [])
        for s_start, s_end in spans:
            for t_start, t_end in targets:
                inter = min(s_end, t_end) - max(s_start, t_start)
                if inter > 0:
                    p_num += inter / (s_end - s_start)
                    r_num += inter / (t_end - t_start)
    p, r, f = prf(p_num, n_pred, r_num, n_gold)
    return {"si_precision": p, "si_recall": r, "si_f1": f}


def tc_scores(predicted: Iterable[TcSpan], gold: Iterable[TcSpan], labels: Sequence[str]) -> dict[str, float]:
    """Return TC micro-F1 and per-technique F1; predictions at offsets without gold count as wrong."""
    gold_groups: dict[tuple[str, int, int], Counter[str]] = defaultdict(Counter)
    pred_groups: dict[tuple[str, int, int], Counter[str]] = defaultdict(Counter)
    for art, label, start, end in gold:
        gold_groups[(str(art), int(start), int(end))][label] += 1
    for art, label, start, end in predicted:
        pred_groups[(str(art), int(start), int(end))][label] += 1
    correct: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for key, g in gold_groups.items():
        n_gold.update(g)
        # Best order for identical offsets = multiset intersection of labels.
        correct.update(g & pred_groups.get(key, Counter()))
    for p in pred_groups.values():
        n_pred.update(p)
    total_correct = sum(correct.values())
    _, _, micro = prf(total_correct, sum(n_pred.values()), total_correct, sum(n_gold.values()))
    scores = {"tc_micro_f1": micro}
    for label in labels:
        scores[f"tc_f1/{label}"] = prf(correct[label], n_pred[label], correct[label], n_gold[label])[2]
    return scores


def paragraph_scores(
    predicted: Mapping[tuple[str, int], Iterable[str]],
    gold: Mapping[tuple[str, int], Iterable[str]],
    labels: Sequence[str],
) -> dict[str, float]:
    """Return SemEval-2023 paragraph micro- and macro-F1 and per-technique F1 over the gold paragraphs."""
    index = {label: i for i, label in enumerate(labels)}
    tp = [0] * len(labels)
    fp = [0] * len(labels)
    fn = [0] * len(labels)
    missing = 0
    for key, gold_labels in gold.items():
        g = {index[x] for x in gold_labels if x in index}
        if key not in predicted:
            missing += 1
        p = {index[x] for x in predicted.get(key, ()) if x in index}
        for i in p & g:
            tp[i] += 1
        for i in p - g:
            fp[i] += 1
        for i in g - p:
            fn[i] += 1
    if missing:
        logger.warning("%d gold paragraphs have no prediction; scored as predicting nothing", missing)

    def f1(t: int, f_p: int, f_n: int) -> float:
        # scikit-learn's F1 = 2tp / (2tp + fp + fn); zero_division=1 makes an empty class score 1.
        den = 2 * t + f_p + f_n
        return 2 * t / den if den else 1.0

    per = [f1(tp[i], fp[i], fn[i]) for i in range(len(labels))]
    scores = {
        "paragraph_micro_f1": f1(sum(tp), sum(fp), sum(fn)),
        "paragraph_macro_f1": sum(per) / len(per) if per else 0.0,
    }
    for label, value in zip(labels, per, strict=True):
        scores[f"paragraph_f1/{label}"] = value
    return scores
