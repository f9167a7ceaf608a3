"""Settings read from the environment, and where the research corpora are found."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import SHARED_DATA


def test_shared_data_is_found_whatever_the_working_directory(tmp_path: Path) -> None:
    """Regression: `spinscope train claims` looked for ../shared/data relative to the working directory."""
    env = {k: v for k, v in os.environ.items() if k != "SPINSCOPE_SHARED_DATA"}
    code = "from spinscope.layers.claims.train import DEFAULT_DATA; print(DEFAULT_DATA.parent.parent.resolve())"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                         check=True).stdout.strip()
    assert Path(out) == SHARED_DATA.resolve()


def test_environment_overrides_the_shared_data_folder(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from spinscope.settings import shared_data_dir

    monkeypatch.setenv("SPINSCOPE_SHARED_DATA", str(tmp_path))
    assert shared_data_dir() == tmp_path
