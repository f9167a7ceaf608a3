"""Settings are data: each has a name, an environment variable, a default and its help."""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["Setting", "SETTINGS", "get"]


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
)


def get(name: str) -> str | int | None:
    """Return a setting's value from the environment, or its default."""
    setting = next(s for s in SETTINGS if s.name == name)
    raw = os.environ.get(setting.env)
    if raw is None:
        return setting.default
    return int(raw) if isinstance(setting.default, int) else raw
