"""Errors with a code and a message that says what to do."""

from __future__ import annotations

import enum

__all__ = ["ErrorCode", "SpinscopeError", "ReadError", "AnalysisError", "StoreError", "ModelError"]


class ErrorCode(str, enum.Enum):  # noqa: UP042 - public API: StrEnum would change str()/format() of a code
    """Stable error codes; the CLI prints them and the API returns them."""

    E001 = "Input file is empty."
    E002 = "Input looks binary (not text, HTML, JSONL or WARC)."
    E003 = "Input is larger than the configured limit; raise --max-bytes to read it."
    E004 = "Input could not be decoded as text in any supported encoding."
    E005 = "Input HTML holds no readable article text."
    E006 = "Input record is malformed."
    E007 = "Input path does not exist or cannot be read."
    E008 = "Analysis failed on this input (a bug: please report it with the file); the rest goes on."
    E010 = "Store could not be opened; check the path or URL and its permissions."
    E011 = "Document not found in the store."
    E012 = "Store schema is newer than this version of spinscope; upgrade spinscope."
    E020 = "Model files are missing or corrupt; reinstall spinscope or retrain the model."
    E021 = "Required package is not installed."
    E030 = "Layer requirements cannot be met; add the layer that produces them."
    E040 = "Evaluation data directory is not laid out as expected."
    E050 = "A setting in the environment has a value that is not allowed; fix or unset it."


class SpinscopeError(Exception):
    """Base error: carries a code, the subject (file, id, URL) and a reason."""

    def __init__(self, code: ErrorCode, subject: str = "", detail: str = "") -> None:
        self.code = code
        self.subject = subject
        self.detail = detail
        parts = [f"[{code.name}]"]
        if subject:
            parts.append(f"{subject}:")
        parts.append(code.value)
        if detail:
            parts.append(f"({detail})")
        super().__init__(" ".join(parts))


class ReadError(SpinscopeError):
    """An input could not be turned into a Document."""


class AnalysisError(ReadError):
    """One input could not be analysed; it is reported like an unreadable input and the batch goes on."""


class StoreError(SpinscopeError):
    """The store failed to open, read or write."""


class ModelError(SpinscopeError):
    """A shipped model is missing, corrupt or cannot be loaded."""
