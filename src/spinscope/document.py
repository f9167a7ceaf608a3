"""The Document: clean text, metadata, an offset map back to the source, and named span layers."""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

__all__ = ["Span", "Outlet", "Meta", "OffsetMap", "Document", "content_hash"]

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled `(start, end)` character range of the document text, end exclusive."""

    start: int
    end: int
    label: str
    score: float = 1.0
    attrs: Mapping[str, Any] = field(default_factory=lambda: _EMPTY, compare=False, hash=False)

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span offsets ({self.start}, {self.end})")

    def text(self, doc_text: str) -> str:
        """Return the covered text."""
        return doc_text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Outlet:
    """A news outlet as resolved from a URL domain or an outlet line."""

    name: str
    domain: str | None = None
    country: str | None = None
    state_affiliated: bool | None = None
    typology: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the contract form."""
        return {
            "name": self.name,
            "domain": self.domain,
            "country": self.country,
            "state_affiliated": self.state_affiliated,
            "typology": self.typology,
        }


@dataclass(frozen=True, slots=True)
class Meta:
    """Document metadata; unknown values are None, never invented."""

    title: str | None = None
    url: str | None = None
    outlet: Outlet | None = None
    published: str | None = None  # ISO date, or partial such as "--11-03"
    dateline: str | None = None
    language: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the contract form."""
        return {
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet.to_json() if self.outlet else None,
            "published": self.published,
            "dateline": self.dateline,
            "language": self.language,
        }


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps document-text offsets back to source offsets.

    Stored as sorted anchor pairs: text offset `t[i]` corresponds to source offset `s[i]` (character
    offsets into the decoded source, not bytes), and
    offsets between anchors move in step. An empty map is the identity.
    """

    text_anchors: tuple[int, ...] = ()
    source_anchors: tuple[int, ...] = ()

    @classmethod
    def identity(cls) -> OffsetMap:
        """Return the map of a document whose text is its source unchanged."""
        return cls()

    def to_source(self, offset: int) -> int:
        """Return the source offset of a text offset."""
        if not self.text_anchors:
            return offset
        i = bisect.bisect_right(self.text_anchors, offset) - 1
        if i < 0:
            return offset
        return self.source_anchors[i] + (offset - self.text_anchors[i])


def content_hash(text: str) -> str:
    """Return the idempotency key of a document: SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Document:
    """One article: the text every span points into, its metadata and its layers."""

    text: str
    source: str
    meta: Meta = field(default_factory=Meta)
    offsets: OffsetMap = field(default_factory=OffsetMap)
    layers: Mapping[str, tuple[Span, ...]] = field(default_factory=lambda: _EMPTY, compare=False)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", content_hash(self.text)[:16])

    @property
    def hash(self) -> str:
        """Return the content hash used for idempotent ingest."""
        return content_hash(self.text)

    def spans(self, layer: str) -> tuple[Span, ...]:
        """Return the spans of a layer, or an empty tuple if the layer is absent."""
        return self.layers.get(layer, ())

    def with_layer(self, name: str, spans: tuple[Span, ...] | list[Span]) -> Document:
        """Return a copy with one layer added or replaced; other layers are untouched."""
        layers = dict(self.layers)
        layers[name] = tuple(sorted(spans, key=lambda s: (s.start, s.end, s.label)))
        return replace(self, layers=MappingProxyType(layers))

    def with_meta(self, **changes: Any) -> Document:
        """Return a copy with metadata fields changed."""
        return replace(self, meta=replace(self.meta, **changes))
