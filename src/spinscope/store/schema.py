"""The one schema both engines implement; row building is shared so the engines store the same thing."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from spinscope.document import Document

__all__ = ["document_row", "stored_analysis", "DOCUMENT_COLUMNS"]

DOCUMENT_COLUMNS = (
    "id", "hash", "source", "title", "url", "outlet", "outlet_domain", "published", "language", "text",
    "meta", "analysis", "ingested_at",
)


def document_row(doc: Document, analysis: dict[str, Any] | None) -> dict[str, Any]:
    """Return the column values of one document."""
    meta = doc.meta
    return {
        "id": doc.id,
        "hash": doc.hash,
        "source": doc.source,
        "title": meta.title,
        "url": meta.url,
        "outlet": meta.outlet.name if meta.outlet else None,
        "outlet_domain": meta.outlet.domain if meta.outlet else None,
        "published": meta.published,
        "language": meta.language,
        "text": doc.text,
        "meta": json.dumps(meta.to_json(), ensure_ascii=False),
        "analysis": json.dumps(analysis, ensure_ascii=False) if analysis is not None else None,
        "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def stored_analysis(row: dict[str, Any]) -> dict[str, Any]:
    """Return the analysis object of a row, or a minimal one (text and meta) if it was not analysed."""
    if row.get("analysis"):
        return dict(json.loads(row["analysis"]))
    from spinscope.export.analysis import SCHEMA

    return {
        "schema": SCHEMA, "id": row["id"], "source": row["source"], "text": row["text"],
        "meta": json.loads(row["meta"]), "techniques": [], "quotes": [], "claims": [], "entities": [],
        "speakers": [],
    }
