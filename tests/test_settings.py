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


def test_a_bad_number_in_a_setting_is_a_clear_error_naming_the_variable(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from spinscope.errors import ErrorCode, SpinscopeError
    from spinscope.settings import get

    for raw, reason in (("ten", "not a whole number"), ("-5", "negative")):
        monkeypatch.setenv("SPINSCOPE_MAX_BYTES", raw)
        with pytest.raises(SpinscopeError) as info:
            get("max_bytes")
        assert info.value.code is ErrorCode.E050 and info.value.subject == "SPINSCOPE_MAX_BYTES"
        assert reason in str(info.value)
    monkeypatch.setenv("SPINSCOPE_MAX_BYTES", " 2048 ")
    assert get("max_bytes") == 2048


def test_the_cli_refuses_a_bad_setting_without_a_traceback(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The minister said on Monday that talks would resume.", encoding="utf-8")
    exe = Path(sys.executable).with_name("spinscope")
    for env in ({"SPINSCOPE_MAX_BYTES": "10MB"}, {"SPINSCOPE_CLAIMS_BLEND": "yes"}):
        proc = subprocess.run([str(exe), "analyze", str(article), "-q"], env={**os.environ, **env},
                              capture_output=True, text=True, check=False, timeout=300)
        assert proc.returncode == 3, proc.stderr
        assert "E050" in proc.stderr and next(iter(env)) in proc.stderr and "Traceback" not in proc.stderr
