"""Slow: `spinscope train quotes` from scratch writes exactly the shipped cue, content and keep models (seeded,
reproducible)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spinscope.layers.quotes.cues import MODEL_DIR
from tests.conftest import SHARED_DATA
from tests.eval.gates import train_with_cli


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED_DATA / "polnear" / "train").is_dir(), reason="shared data not present")
def test_training_reproduces_the_shipped_cue_content_and_keep_models(tmp_path: Path) -> None:
    summary = train_with_cli("quotes", tmp_path)
    assert summary["seed"] == 13
    for name in ("cues.json", "content.json", "keep.json"):
        trained = json.loads((tmp_path / name).read_text(encoding="utf-8"))
        shipped = json.loads((MODEL_DIR / name).read_text(encoding="utf-8"))
        assert trained["threshold"] == shipped["threshold"], name
        assert trained["bias"] == pytest.approx(shipped["bias"], abs=1e-4), name
        # Named, not compared as whole key sets: pytest's diff of two sets of ~10^5 features runs for hours.
        differ = sorted(trained["weights"].keys() ^ shipped["weights"].keys())
        assert not differ, f"{name}: {len(differ)} features differ, e.g. {differ[:5]}"
        assert max(abs(trained["weights"][k] - shipped["weights"][k]) for k in shipped["weights"]) <= 1e-4, name
