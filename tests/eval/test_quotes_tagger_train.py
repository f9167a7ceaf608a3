"""Slow: `spinscope train quotes-tagger` on a slice of PolNeAR train writes a cue tagger that loads and blends."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from spinscope.layers.nlp import load_spacy
from spinscope.layers.quotes.cues import load_cue_model
from spinscope.layers.quotes.tagger import TAGGER_FILE, CueTagger
from spinscope.layers.quotes.train import TAGGER_THRESHOLDS
from tests.conftest import SHARED_DATA
from tests.eval.gates import train_with_cli

N_TRAIN = 10  # eight to fine-tune on, two to fit the blend on


def _slice(shared: Path, into: Path) -> Path:
    """Lay out the first N_TRAIN PolNeAR training articles with their annotations."""
    src = shared / "polnear" / "train"
    root = into / "polnear" / "train"
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for f in sorted((src / "text").glob("*.txt"))[:N_TRAIN]:
        os.symlink(f, root / "text" / f.name)
        for ann in (src / "attributions").glob(f"{f.stem}*.ann"):
            os.symlink(ann, root / "attributions" / ann.name)
    return into


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED_DATA / "polnear" / "train").is_dir(), reason="shared data not present")
def test_tagger_training_writes_a_tagger_that_loads_and_blends(tmp_path: Path) -> None:
    data = _slice(SHARED_DATA, tmp_path / "data")
    out = tmp_path / "model"
    summary = train_with_cli("quotes-tagger", out, env={"SPINSCOPE_SHARED_DATA": str(data)})
    assert (summary["fit_articles"], summary["held_articles"]) == (8, 2)
    assert summary["threshold"] in TAGGER_THRESHOLDS
    assert set(summary["held_scores"]) == {str(t) for t in TAGGER_THRESHOLDS}
    arrays = np.load(out / TAGGER_FILE)
    assert any(k.startswith("lora.encoder.layer.5.") for k in arrays.files)
    tagger = CueTagger.load(out / TAGGER_FILE)
    assert tagger.threshold == pytest.approx(summary["threshold"])
    assert tagger.blend == pytest.approx(summary["blend"], abs=1e-4)
    doc = load_spacy()("The mayor said that the bridge would reopen.")
    p = tagger.scorer(doc, load_cue_model())(doc[2], False)
    assert 0.0 < p < 1.0
