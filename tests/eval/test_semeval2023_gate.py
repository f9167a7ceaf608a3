"""Gate: `spinscope eval semeval2023` on the held-out validation documents may not fall below recorded scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinscope.cli.evaluate import evaluate
from spinscope.layers.techniques.labels import LABELS
from tests.eval.gates import assert_not_below, assert_recorded_data, recorded, semeval_validation


@pytest.fixture(scope="module")
def validation(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = semeval_validation(shared_data, tmp_path_factory.mktemp("semeval2023") / "val")
    assert_recorded_data(data, recorded("semeval2023"))
    return data


def test_semeval2023_validation_scores_do_not_drop(validation: Path, tmp_path: Path) -> None:
    out = tmp_path / "pred.txt"
    scores = evaluate("semeval2023", validation, out)
    assert_not_below(scores, recorded("semeval2023")["scores"])
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    gold = (validation / "labels" / "train-labels-subtask-3.txt").read_text(encoding="utf-8").splitlines()
    assert {(r[0], r[1]) for r in rows} == {tuple(g.split("\t")[:2]) for g in gold}
    assert all(x in LABELS for r in rows for x in r[2].split(",") if x)
