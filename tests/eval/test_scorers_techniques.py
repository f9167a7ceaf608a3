"""The technique scorers on hand-made cases worked out from the official definitions."""

from __future__ import annotations

import pytest
from sklearn.metrics import f1_score
from sklearn.preprocessing import MultiLabelBinarizer

from spinscope.eval.scorers.techniques import merge_spans, paragraph_scores, si_scores, tc_scores
from spinscope.layers.techniques.labels import LABELS, PTC_LABELS


def test_merge_joins_overlaps_but_not_touching_spans() -> None:
    assert merge_spans([(10, 20), (15, 30), (30, 35), (0, 5)]) == [(0, 5), (10, 30), (30, 35)]


def test_si_partial_overlap_gives_partial_credit() -> None:
    # predicted [0,10) vs gold [5,25): |s∩t| = 5 → precision 5/10, recall 5/20.
    s = si_scores([("a", 0, 10)], [("a", 5, 25)])
    assert s["si_precision"] == pytest.approx(0.5)
    assert s["si_recall"] == pytest.approx(0.25)
    assert s["si_f1"] == pytest.approx(2 * 0.5 * 0.25 / 0.75)


def test_si_precision_divides_by_number_of_predicted_spans() -> None:
    # Two fragments covering one gold span exactly: precision (1 + 1) / 2, recall (0.5 + 0.5) / 1.
    s = si_scores([("a", 0, 5), ("a", 5, 10)], [("a", 0, 10)])
    assert s["si_precision"] == pytest.approx(1.0)
    assert s["si_recall"] == pytest.approx(1.0)
    # A spurious span in another article halves precision; a missed gold span halves recall.
    s = si_scores([("a", 0, 10), ("b", 0, 4)], [("a", 0, 10), ("c", 0, 8)])
    assert s["si_precision"] == pytest.approx(0.5)
    assert s["si_recall"] == pytest.approx(0.5)


def test_si_merges_overlapping_gold_before_scoring() -> None:
    # Gold [0,10) and [5,15) merge into [0,15); prediction [0,15) is then exact.
    s = si_scores([("a", 0, 15)], [("a", 0, 10), ("a", 5, 15)])
    assert s["si_f1"] == pytest.approx(1.0)


def test_si_empty_prediction_scores_zero() -> None:
    assert si_scores([], [("a", 0, 3)])["si_f1"] == 0.0


def test_tc_matches_identical_offsets_in_best_order() -> None:
    gold = [("a", "Repetition", 10, 20), ("a", "Loaded_Language", 10, 20), ("a", "Doubt", 30, 40)]
    pred = [("a", "Loaded_Language", 10, 20), ("a", "Repetition", 10, 20), ("a", "Slogans", 30, 40)]
    s = tc_scores(pred, gold, PTC_LABELS)
    assert s["tc_micro_f1"] == pytest.approx(2 / 3)
    assert s["tc_f1/Repetition"] == pytest.approx(1.0)
    assert s["tc_f1/Doubt"] == 0.0
    assert s["tc_f1/Slogans"] == 0.0


def test_paragraph_scores_agree_with_scikit_learn_as_the_organisers_use_it() -> None:
    gold = {("a", 1): ["Doubt"], ("a", 2): [], ("a", 3): ["Loaded_Language", "Repetition"], ("b", 1): ["Slogans"]}
    pred = {("a", 1): ["Doubt", "Slogans"], ("a", 2): ["Loaded_Language"], ("a", 3): ["Loaded_Language"],
            ("b", 1): []}
    keys = list(gold)
    mlb = MultiLabelBinarizer()
    mlb.fit([list(LABELS)])
    g = mlb.transform([gold[k] for k in keys])
    p = mlb.transform([pred[k] for k in keys])
    s = paragraph_scores(pred, gold, LABELS)
    assert s["paragraph_micro_f1"] == pytest.approx(f1_score(g, p, average="micro", zero_division=1))
    assert s["paragraph_macro_f1"] == pytest.approx(f1_score(g, p, average="macro", zero_division=1))
    assert s["paragraph_micro_f1"] == pytest.approx(2 * 2 / (2 * 2 + 2 + 2))


def test_paragraph_missing_prediction_counts_as_no_labels() -> None:
    s = paragraph_scores({}, {("a", 1): ["Doubt"]}, LABELS)
    assert s["paragraph_micro_f1"] == 0.0
    assert s["paragraph_f1/Doubt"] == 0.0
