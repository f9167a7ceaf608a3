"""Shared test fixtures: the bundled examples and the research corpora."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED_DATA = Path(os.environ.get("SPINSCOPE_SHARED_DATA", ROOT.parent / "shared" / "data"))
RHC = EXAMPLES / "000_0d4423ccaaff396e.txt"
TEHRAN = EXAMPLES / "004_f84c2f7eacc5cb2b.txt"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The labelled corpora; tests that need them are skipped where they are absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"research corpora not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def examples() -> list[Path]:
    """The two bundled state-media articles."""
    return [RHC, TEHRAN]


@pytest.fixture(autouse=True)
def _default_claims_ranking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see the default claims ranking whatever the developer's shell sets: SPINSCOPE_CLAIMS_BLEND is
    removed from the environment (and so from the CLI subprocesses); a test that wants it sets it."""
    monkeypatch.delenv("SPINSCOPE_CLAIMS_BLEND", raising=False)
