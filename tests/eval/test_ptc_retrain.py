"""Slow: `spinscope train techniques` from scratch reproduces the recorded PTC dev and validation scores (±0.01)."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinscope.cli.evaluate import evaluate
from spinscope.layers.techniques import layer as layer_module
from spinscope.layers.techniques.model import load_model
from spinscope.train.techniques import DEFAULT_SEED, train_techniques
from tests.eval.gates import recorded, semeval_validation


@pytest.mark.retrain
def test_retraining_reproduces_the_recorded_scores(shared_data: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "techniques"
    train_techniques(seed=DEFAULT_SEED, out_dir=out, data=shared_data)
    monkeypatch.setattr(layer_module, "MODEL_DIR", out)
    load_model.cache_clear()
    try:
        ptc = evaluate("ptc", shared_data / "ptc" / "dev")
        semeval = evaluate("semeval2023", semeval_validation(shared_data, tmp_path / "val"))
    finally:
        load_model.cache_clear()
    for scores, task in ((ptc, "ptc"), (semeval, "semeval2023")):
        for key, value in recorded(task)["scores"].items():
            assert scores[key] == pytest.approx(value, abs=0.01), (task, key)
