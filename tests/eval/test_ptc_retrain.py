"""Slow: training from scratch reproduces the recorded PTC dev and validation scores (±0.01).

`spinscope train techniques` (frozen encoder, CPU) is checked against its own record; `spinscope train
techniques-lora` (the shipped model) against the shipped model's record where a GPU is there to fine-tune on (on
2 CPU cores its fine-tunes alone take about 2 h). Both are marked `retrain` and left out of the default run (the
frozen retrain took 30 min on a 2-core AVX2 runner, 9 min where bfloat16 is native): `pytest -m retrain` runs
them; test_techniques_train.py trains both recipes on a slice in every run."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinscope.cli.evaluate import evaluate
from spinscope.layers.techniques import layer as layer_module
from spinscope.layers.techniques.model import load_model
from spinscope.train.techniques_neural import training_device
from tests.eval.gates import recorded, semeval_validation, train_with_cli


def _retrain_and_compare(shared_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fine_tune: bool,
                         records: tuple[str, str]) -> None:
    out = tmp_path / "techniques"
    # As a user retrains: `spinscope train techniques[-lora] --out DIR` (default seed 13).
    summary = train_with_cli("techniques-lora" if fine_tune else "techniques", out,
                             env={"SPINSCOPE_SHARED_DATA": str(shared_data)})
    assert summary.get("fine_tune", False) is fine_tune
    monkeypatch.setattr(layer_module, "MODEL_DIR", out)
    load_model.cache_clear()
    try:
        ptc = evaluate("ptc", shared_data / "ptc" / "dev")
        semeval = evaluate("semeval2023", semeval_validation(shared_data, tmp_path / "val"))
    finally:
        load_model.cache_clear()
    # The scores are the F1s (SI, TC, paragraph micro and macro). Their precision and recall are not held to
    # ±0.01: float noise between machines can flip a tuned decoding choice, which trades one for the other (once
    # SI recall 0.541 -> 0.512 while SI F1 moved 0.007). Not the extra-label threshold: SI is label-blind and merges
    # a span's labels, so the shipped model scores SI 0.4153 with it at 0.35 and at 0.2 alike.
    for scores, task in zip((ptc, semeval), records, strict=True):
        for key, value in recorded(task)["scores"].items():
            if key.endswith("_f1"):
                assert scores[key] == pytest.approx(value, abs=0.01), (task, key)


@pytest.mark.retrain
def test_frozen_encoder_retraining_reproduces_its_recorded_scores(shared_data: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    _retrain_and_compare(shared_data, tmp_path, monkeypatch, False, ("ptc_frozen", "semeval2023_frozen"))


@pytest.mark.retrain
@pytest.mark.skipif(training_device() != "cuda", reason="the LoRA fine-tunes want a GPU")
def test_fine_tuned_retraining_reproduces_the_shipped_scores(shared_data: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _retrain_and_compare(shared_data, tmp_path, monkeypatch, True, ("ptc", "semeval2023"))
