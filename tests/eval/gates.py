"""Shared by every score gate: recorded scores, the data hash they were measured on, and the comparison.

Each task's figures live in a JSON file beside the tests (recorded_scores_techniques.json,
recorded_scores_claims.json, test_polnear_scores.json). A gate recomputes the scores and fails where one
falls more than TOLERANCE below its record; a record is only ever raised.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).parent
TOLERANCE = 0.005


def recorded(task: str, file: str = "recorded_scores_techniques.json") -> dict[str, Any]:
    """Return the recorded entry of a task from one of the record files beside the tests."""
    return json.loads((HERE / file).read_text(encoding="utf-8"))[task]  # type: ignore[no-any-return]


def assert_recorded_data(data: Path, record: Mapping[str, Any], pattern: str = "*",
                         key: str = "data_sha256") -> None:
    """Fail unless `data` hashes to what the record was measured on (a changed corpus needs a re-record)."""
    if tree_sha256(data, pattern) != record[key]:
        pytest.fail(f"{data} differs from the data the recorded scores were measured on; re-measure and re-record")


def tree_sha256(root: Path, pattern: str = "*") -> str:
    """Return a SHA-256 over the relative names and bytes of the files under root matching `pattern`
    (symlinks followed), so that scores are never compared against a changed corpus."""
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob(pattern) if p.is_file()):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def semeval_validation(shared_data: Path, into: Path) -> Path:
    """Lay out the SemEval-2023 articles of the PTC dev documents (held out of training) under `into`."""
    root = shared_data / "semeval2023t3" / "en" / "train"
    dev = shared_data / "ptc" / "dev" / "articles"
    ids = {p.name[len("article") : -len(".txt")] for p in dev.glob("article*.txt")}
    (into / "articles").mkdir(parents=True)
    (into / "labels").mkdir()
    for art in sorted(ids):
        os.symlink(root / "articles" / f"article{art}.txt", into / "articles" / f"article{art}.txt")
    lines = (root / "labels" / "train-labels-subtask-3.txt").read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if line.split("\t", 1)[0] in ids]
    (into / "labels" / "train-labels-subtask-3.txt").write_text("".join(kept), encoding="utf-8")
    return into


def assert_not_below(scores: Mapping[str, object], record: Mapping[str, float]) -> None:
    """Fail where a recorded score dropped by more than the tolerance (or was not computed at all)."""
    dropped = {
        key: (value, scores.get(key))
        for key, value in record.items()
        if not isinstance(scores.get(key), float) or scores[key] < value - TOLERANCE  # type: ignore[operator]
    }
    assert not dropped, f"scores below recorded - {TOLERANCE}: {dropped}"


def train_with_cli(model: str, out: Path, env: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Run `spinscope train MODEL --out OUT` as a user would (with `env` added) and return the summary it prints."""
    exe = Path(sys.executable).with_name("spinscope")
    proc = subprocess.run([str(exe), "train", model, "--out", str(out)], env={**os.environ, **(env or {})},
                          capture_output=True, text=True, check=False, timeout=1800)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]
