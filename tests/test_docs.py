"""Every setting and every CLI command is documented in the README."""

from __future__ import annotations

from pathlib import Path

from spinscope.cli.main import app
from spinscope.settings import SETTINGS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented() -> None:
    missing = [s.env for s in SETTINGS if s.env not in README]
    assert not missing, f"settings missing from README.md: {missing}"


def test_every_command_is_documented() -> None:
    names = [c.name for c in app.registered_commands] + [g.name for g in app.registered_groups]
    missing = [n for n in names if f"spinscope {n}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"


def test_readme_opens_with_exactly_the_two_setup_commands() -> None:
    block = README.split("```bash\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(block) == 2
    assert "pip install" in block[0] and "spinscope analyze examples/*.txt" in block[0]
    assert block[1] == ".venv/bin/python -m pytest"
