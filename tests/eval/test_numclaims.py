"""Numeric claims gate: quantity P/R/F1 and claimant accuracy on the project's annotated articles."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from spinscope.eval.numclaims import run, same_claimant
from tests.conftest import SHARED_DATA as SHARED
from tests.eval.gates import assert_not_below, recorded

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "numclaims"


def test_claimant_matching() -> None:
    assert same_claimant("Customs and Border Protection", "Customs")
    assert same_claimant("OUTLET", None)
    assert not same_claimant("OUTLET", "Israel")
    assert not same_claimant("Israel", None)


def test_annotations_are_keyed_by_offsets_without_text_copies() -> None:
    rows = [json.loads(x) for x in (DATA / "annotations.jsonl").read_text().splitlines() if x.strip()]
    assert len(rows) >= 40
    for row in rows:
        text_path = SHARED / row["corpus"] / f"{row['article']}.txt"
        if not text_path.is_file():
            pytest.skip("shared data not present")
        text = text_path.read_text(encoding="utf-8")
        for q in row["quantities"]:
            assert text[q["start"] : q["end"]] == q["text"]


@pytest.mark.skipif(not (SHARED / "ptc").is_dir(), reason="shared data not present")
def test_numclaims_gate(tmp_path: Path) -> None:
    rec = recorded("numclaims", "recorded_scores_claims.json")
    digest = hashlib.sha256((DATA / "annotations.jsonl").read_bytes()).hexdigest()
    assert digest == rec["gold_sha256"], "annotations changed: re-measure and re-record"
    scores = run(DATA, tmp_path)
    assert_not_below(scores, {key: rec[key] for key in
                              ("quantity_precision", "quantity_recall", "quantity_f1", "claimant_accuracy")})
    assert (tmp_path / "numclaims.jsonl").is_file()
