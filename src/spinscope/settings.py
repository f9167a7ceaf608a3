"""Settings are data: each has a name, an environment variable, a default and its help."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from spinscope.errors import ErrorCode, SpinscopeError

__all__ = ["Setting", "SETTINGS", "get", "shared_data_dir"]


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting, readable from the environment."""

    name: str
    env: str
    default: str | int | None
    help: str


SETTINGS = (
    Setting("store", "SPINSCOPE_STORE", None,
            "Store path or URL used when --store is not given (default: the per-user data directory)."),
    Setting("max_bytes", "SPINSCOPE_MAX_BYTES", 10_000_000, "Largest input accepted, in bytes (--max-bytes)."),
    Setting("batch_size", "SPINSCOPE_BATCH_SIZE", 8, "Documents per batch inside the analysis pipeline."),
    Setting("shared_data", "SPINSCOPE_SHARED_DATA", "../shared/data", "Where tests find the research corpora."),
    Setting("claims_blend", "SPINSCOPE_CLAIMS_BLEND", 0,
            "1: the claims layer blends the sentence-embedding scores into check-worthiness, as "
            "`spinscope eval checkthat2020` ranks (better on speech; the layer is about ten times slower)."),
)


def get(name: str) -> str | int | None:
    """Return a setting's value from the environment, or its default."""
    setting = next(s for s in SETTINGS if s.name == name)
    raw = os.environ.get(setting.env)
    if raw is None:
        return setting.default
    if not isinstance(setting.default, int):
        return raw
    try:
        value = int(raw.strip())
    except ValueError:
        raise SpinscopeError(ErrorCode.E050, setting.env, f"{raw!r} is not a whole number") from None
    if value < 0:
        raise SpinscopeError(ErrorCode.E050, setting.env, f"{value} is negative")
    return value


def shared_data_dir() -> Path:
    """Return the research corpora folder: $SPINSCOPE_SHARED_DATA, else ../shared/data beside the checkout."""
    env = os.environ.get("SPINSCOPE_SHARED_DATA")
    if env:
        return Path(env)
    # src/spinscope/settings.py -> the repository root is three levels up; shared/ sits beside it.
    beside_checkout = Path(__file__).resolve().parents[3] / "shared" / "data"
    return beside_checkout if beside_checkout.is_dir() else Path(str(get("shared_data")))
