"""Slow: `spinscope train techniques-lora` and `spinscope train techniques` (the frozen-encoder recipe) on a small
slice of the corpus write a model folder that loads and runs. The frozen recipe's full-corpus retrain, which checks
its recorded scores, is in test_ptc_retrain.py (`pytest -m retrain`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from spinscope.layers.techniques.model import ADAPTER, TechniquesModel
from tests.eval.gates import train_with_cli

N_TRAIN = 9  # three per fold


def _slice(shared: Path, into: Path) -> Path:
    """Lay out N_TRAIN SemEval-2023 training articles with their labels, and one PTC dev article held out."""
    src = shared / "semeval2023t3" / "en" / "train"
    dev_ids = sorted(p.name[7:-4] for p in (shared / "ptc" / "dev" / "articles").glob("article*.txt"))
    train_ids = [i for i in sorted(p.name[7:-4] for p in (src / "articles").glob("article*.txt"))
                 if i not in dev_ids][:N_TRAIN]
    root = into / "semeval2023t3" / "en" / "train"
    (root / "articles").mkdir(parents=True)
    (root / "labels" / "train-labels-subtask-3-spans").mkdir(parents=True)
    (into / "ptc" / "dev" / "articles").mkdir(parents=True)
    for i in [*train_ids, dev_ids[0]]:
        os.symlink(src / "articles" / f"article{i}.txt", root / "articles" / f"article{i}.txt")
        name = f"article{i}-labels-subtask-3.txt"
        os.symlink(src / "labels" / "train-labels-subtask-3-spans" / name,
                   root / "labels" / "train-labels-subtask-3-spans" / name)
    held = f"article{dev_ids[0]}.txt"
    os.symlink(src / "articles" / held, into / "ptc" / "dev" / "articles" / held)
    (into / "ptc" / "dev" / "labels").mkdir()
    gold = (shared / "ptc" / "dev" / "labels" / "dev-task-flc-tc.labels").read_text(encoding="utf-8").splitlines(True)
    (into / "ptc" / "dev" / "labels" / "dev-task-flc-tc.labels").write_text(
        "".join(line for line in gold if line.split("\t", 1)[0] == dev_ids[0]), encoding="utf-8")
    lines = (src / "labels" / "train-labels-subtask-3.txt").read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if line.split("\t", 1)[0] in set(train_ids)]
    (root / "labels" / "train-labels-subtask-3.txt").write_text("".join(kept), encoding="utf-8")
    return into


def config_tune(out: Path) -> tuple[int, float]:
    """Return the passes and learning rate a model folder's fine-tunes recorded."""
    training = json.loads((out / "config.json").read_text(encoding="utf-8"))["training"]
    return training["tune_epochs"], training["tune_lr"]


def _loads_runs_and_scores(data: Path, out: Path) -> None:
    """Load a trained folder, run it on the held-out article, and score it as a user would:
    `spinscope eval ptc --model DIR`."""
    model = TechniquesModel.load(out)
    text = next((data / "ptc" / "dev" / "articles").glob("article*.txt")).read_text(encoding="utf-8")
    spans, rows = model.analyse(text)
    assert rows and all(0 <= s < e <= len(text) for s, e, _, _ in spans)
    assert model.tagger is not None and model.tagger.span_head is not None
    exe = Path(sys.executable).with_name("spinscope")
    proc = subprocess.run([str(exe), "eval", "ptc", "--data", str(data / "ptc" / "dev"), "--model", str(out)],
                          capture_output=True, text=True, check=False, timeout=600)
    assert proc.returncode == 0, proc.stderr
    scores = json.loads(proc.stdout.splitlines()[-1])
    assert 0.0 <= scores["si_f1"] <= 1.0 and 0.0 <= scores["tc_micro_f1"] <= 1.0
    assert model.tagger.word_probabilities(text, model.evidence(text).tokens).shape[1] == 24


@pytest.mark.slow
def test_fine_tuned_training_writes_a_working_model(shared_data: Path, tmp_path: Path) -> None:
    data = _slice(shared_data, tmp_path / "data")
    out = tmp_path / "model"
    summary = train_with_cli("techniques-lora", out, env={"SPINSCOPE_SHARED_DATA": str(data)})
    assert summary["fine_tune"] is True and summary["train_articles"] == N_TRAIN
    arrays = np.load(out / ADAPTER)
    assert "lora_scale" in arrays and any(k.startswith("lora.encoder.layer.5.") for k in arrays)
    # The span head is fitted on the fine-tuned encoder, which the layer loads with it.
    assert "span_w" in arrays and arrays["span_w"].shape[1] == 23
    assert config_tune(out) == (6, 3e-4)
    assert ADAPTER in (out / "MANIFEST.sha256").read_text(encoding="utf-8")
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    assert config["training"]["fine_tune"] is True
    _loads_runs_and_scores(data, out)


@pytest.mark.slow
def test_frozen_encoder_training_writes_a_working_model(shared_data: Path, tmp_path: Path) -> None:
    data = _slice(shared_data, tmp_path / "data")
    out = tmp_path / "model"
    summary = train_with_cli("techniques", out, env={"SPINSCOPE_SHARED_DATA": str(data)})
    assert "fine_tune" not in summary and summary["train_articles"] == N_TRAIN and summary["seed"] == 13
    arrays = np.load(out / ADAPTER)
    # A word-tagger head and a span head on the frozen encoder; no LoRA updates.
    assert {"head_w1", "head_w2", "span_w"} <= set(arrays.files) and not any(k.startswith("lora") for k in arrays)
    assert arrays["span_w"].shape[1] == 23
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    assert "fine_tune" not in config["training"] and "decoding_linear" in config
    _loads_runs_and_scores(data, out)

