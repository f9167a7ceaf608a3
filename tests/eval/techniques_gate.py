"""Shared by the technique gate tests: the held-out validation data, its hash, and the recorded scores."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

RECORDED = Path(__file__).with_name("recorded_scores_techniques.json")
TOLERANCE = 0.005


def recorded(task: str) -> dict[str, object]:
    """Return the recorded entry of a task."""
    return json.loads(RECORDED.read_text(encoding="utf-8"))[task]  # type: ignore[no-any-return]


def tree_sha256(root: Path) -> str:
    """Return a SHA-256 over the relative names and bytes of every file under root (symlinks followed)."""
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
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


def assert_not_below(scores: dict[str, object], entry: dict[str, object]) -> None:
    """Fail where a recorded score dropped by more than the tolerance."""
    dropped = {
        key: (value, scores.get(key))
        for key, value in entry["scores"].items()  # type: ignore[attr-defined]
        if not isinstance(scores.get(key), float) or scores[key] < value - TOLERANCE  # type: ignore[operator]
    }
    assert not dropped, f"scores below recorded - {TOLERANCE}: {dropped}"
