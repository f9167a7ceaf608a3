"""How the paragraph roll-up is tuned on held-out paragraphs (spinscope.train.techniques)."""

from __future__ import annotations

import numpy as np

from spinscope.layers.techniques.labels import LABELS
from spinscope.layers.techniques.model import Decoding
from spinscope.train.techniques import NEVER, _choose_rollup, _label_thresholds

N = 200


def _gold() -> np.ndarray:
    """Label 0 on paragraphs 0-99, label 1 on 50-149, no other label anywhere."""
    G = np.zeros((N, len(LABELS)), dtype=bool)
    G[:100, 0] = True
    G[50:150, 1] = True
    return G


def _candidate(rollup_threshold: float, label1: np.ndarray, stray: float = 0.0
               ) -> tuple[Decoding, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A roll-up trial whose paragraph classifier gives label 0 a clean 0.3 / 0.1 split and label 1 `label1`;
    label 2 (no gold paragraph) gets `stray` everywhere."""
    C = np.zeros((N, len(LABELS)))
    C[:, 0] = np.where(np.arange(N) < 100, 0.3, 0.1)
    C[:, 1] = label1
    C[:, 2] = stray
    zeros = np.zeros_like(C)
    return Decoding(rollup_threshold=rollup_threshold), zeros, C, zeros, _gold()


def _micro(scores: np.ndarray, gold: np.ndarray, thresholds: tuple[float, ...]) -> float:
    p = scores >= np.array(thresholds)[None, :]
    tp, fp, fn = (p & gold).sum(), (p & ~gold).sum(), (~p & gold).sum()
    return float(2 * tp / (2 * tp + fp + fn))


def test_a_label_no_paragraph_has_is_never_given_and_the_figure_is_what_the_thresholds_give() -> None:
    _, _, C, _, G = _candidate(0.3, np.where((np.arange(N) >= 50) & (np.arange(N) < 150), 0.7, 0.45), stray=0.9)
    thresholds, f1 = _label_thresholds(C, G, start=0.2)
    assert thresholds[2] == NEVER and all(thresholds[k] == NEVER for k in range(2, len(LABELS)))
    assert 0.45 < thresholds[1] <= 0.7  # label 1 gets its own threshold between its negatives and positives
    assert f1 == _micro(C, G, thresholds) == 1.0
    labels = Decoding(paragraph_thresholds=thresholds)
    assert not any(labels.threshold_of(k) <= 0.9 for k in range(2, len(LABELS)))


def test_the_roll_up_is_chosen_by_its_figure_after_per_label_thresholds() -> None:
    idx = np.arange(N)
    # Under one common threshold this trial loses (label 1's negatives at 0.45 pass any threshold that keeps label
    # 0's positives at 0.3: micro-F1 0.8), but a threshold of its own separates label 1 perfectly (1.0).
    separable = _candidate(0.3, np.where((idx >= 50) & (idx < 150), 0.7, 0.45), stray=0.9)
    # This one wins under one threshold (10 false positives: 0.976) and no per-label threshold can mend it: its 10
    # false positives score exactly what label 1's positives do.
    tied = np.where((idx >= 50) & (idx < 150), 0.3, 0.0)
    tied[160:170] = 0.3
    entangled = _candidate(0.2, tied)
    chosen, f1 = _choose_rollup([entangled, separable], has_tagger=False)
    assert chosen.rollup_threshold == 0.3
    assert f1 == 1.0
    assert chosen.paragraph_thresholds[2] == NEVER  # the stray 0.9 of a label without gold is never given
    assert chosen.classifier_weight == 1.0
