"""CheckThat! 2020 Task 5: official-style measures and the eval command's output (the held-out-files CV gate is in
test_claims_retrain.py, on the CV that `spinscope train claims` runs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinscope.eval.checkthat2020 import average_precision, precision_at, r_precision, run
from tests.conftest import SHARED_DATA as SHARED

TRAIN = SHARED / "checkthat2020-t5-en" / "train"


def test_measures_on_a_hand_ranking() -> None:
    scores, labels = [0.9, 0.8, 0.7, 0.1], [0, 1, 0, 1]
    assert average_precision(scores, labels) == pytest.approx((1 / 2 + 2 / 4) / 2)
    assert r_precision(scores, labels) == 0.5
    assert precision_at(scores, labels, 2) == 0.5


@pytest.mark.skipif(not TRAIN.is_dir(), reason="shared data not present")
def test_eval_writes_official_format(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    src = sorted(TRAIN.glob("*.tsv"))[0]
    (data / src.name).write_bytes(src.read_bytes())
    scores = run(data, tmp_path / "out")
    rows = (tmp_path / "out" / src.name).read_text().splitlines()
    assert len(rows) == len(src.read_text().splitlines())
    number, score = rows[0].split("\t")
    assert number == "1" and 0.0 <= float(score) <= 1.0
    assert set(scores) >= {"map", "r_precision", "p@10"}
