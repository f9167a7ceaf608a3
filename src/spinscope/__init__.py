"""spinscope: who said what, which claims, which persuasion techniques, and where else it appeared."""

from spinscope.document import Document, Meta, OffsetMap, Outlet, Span
from spinscope.errors import ErrorCode, ReadError, SpinscopeError
from spinscope.export.analysis import SCHEMA, to_analysis
from spinscope.pipeline import Pipeline

__version__ = "0.1.0"

__all__ = [
    "SCHEMA",
    "Document",
    "ErrorCode",
    "Meta",
    "OffsetMap",
    "Outlet",
    "Pipeline",
    "ReadError",
    "Span",
    "SpinscopeError",
    "__version__",
    "to_analysis",
]
