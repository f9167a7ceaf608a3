"""Plain text and Markdown: the document text is the decoded file text, unchanged."""

from __future__ import annotations

import logging

from spinscope.document import Document, Meta, OffsetMap
from spinscope.meta import enrich
from spinscope.read.decode import Decoded, decode

__all__ = ["read_text", "document_of_text"]

logger = logging.getLogger(__name__)


def document_of_text(decoded: Decoded, source: str, url: str | None = None) -> Document:
    """Return the enriched document of decoded plain text (`url` when the container knows it)."""
    # Offsets match the benchmark corpora only if nothing is stripped: not even a leading blank line.
    offsets = OffsetMap((0,), (decoded.skipped,)) if decoded.skipped else OffsetMap.identity()
    return enrich(Document(text=decoded.text, source=source, meta=Meta(url=url), offsets=offsets))


def read_text(data: bytes, source: str, url: str | None = None) -> list[Document]:
    """Return the one document of a plain-text or Markdown file (raises ReadError)."""
    return [document_of_text(decode(data, source), source, url=url)]
