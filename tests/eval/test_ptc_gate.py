"""Gate: `spinscope eval ptc` on PTC dev may not fall below the recorded SI and TC scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinscope.cli.evaluate import evaluate
from spinscope.layers.techniques.labels import PTC_LABELS
from tests.eval.gates import assert_not_below, assert_recorded_data, recorded


@pytest.fixture(scope="module")
def ptc_dev(shared_data: Path) -> Path:
    data = shared_data / "ptc" / "dev"
    assert_recorded_data(data, recorded("ptc"))
    return data


def test_ptc_dev_scores_do_not_drop(ptc_dev: Path, tmp_path: Path) -> None:
    out = tmp_path / "pred.txt"
    scores = evaluate("ptc", ptc_dev, out)
    assert_not_below(scores, recorded("ptc")["scores"])
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and all(len(r) == 4 and r[1] in PTC_LABELS and int(r[2]) < int(r[3]) for r in rows)
    tc = out.with_name(out.name + ".tc").read_text(encoding="utf-8").splitlines()
    assert len(tc) == sum(1 for _ in (ptc_dev / "labels" / "dev-task-flc-tc.labels").open(encoding="utf-8"))


def test_ptc_without_gold_writes_predictions_and_no_scores(shared_data: Path, tmp_path: Path) -> None:
    data = tmp_path / "ptc"
    (data / "articles").mkdir(parents=True)
    src = sorted((shared_data / "ptc" / "dev" / "articles").glob("article*.txt"))[:2]
    for p in src:
        (data / "articles" / p.name).symlink_to(p)
    out = tmp_path / "pred.txt"
    assert evaluate("ptc", data, out) == {}
    ids = {line.split("\t")[0] for line in out.read_text(encoding="utf-8").splitlines()}
    assert ids <= {p.name[7:-4] for p in src}
