"""The layer interface and the one registry through which built-in and plugin layers are found."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from importlib.metadata import entry_points
from typing import ClassVar

from spinscope.document import Document

__all__ = ["Layer", "register_layer", "get_layer", "available_layers"]

logger = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "spinscope.layers"


class Layer:
    """A component from Document to Document that declares what it reads and what it adds.

    Subclasses set `name`, `requires` and `produces`, and implement `__call__`; `pipe` works on a
    batch and may be overridden where batching is faster. A layer only ever writes the layers it
    names in `produces`, never another's.
    """

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ()
    #: Layers used when present (run first if in the pipeline) but not required.
    after: ClassVar[tuple[str, ...]] = ()
    #: Whether the layer only makes sense for English text (non-English documents skip it).
    english_only: ClassVar[bool] = True

    def __call__(self, doc: Document) -> Document:
        raise NotImplementedError

    def pipe(self, docs: Iterable[Document], batch_size: int = 16) -> Iterator[Document]:
        """Process a stream of documents."""
        for doc in docs:
            yield self(doc)


_REGISTRY: dict[str, Callable[[], Layer]] = {}
_ENTRY_POINTS_LOADED = False


def register_layer(name: str) -> Callable[[Callable[[], Layer]], Callable[[], Layer]]:
    """Register a layer factory under a name; built-in layers use this too."""

    def deco(factory: Callable[[], Layer]) -> Callable[[], Layer]:
        _REGISTRY[name] = factory
        return factory

    return deco


def _load_entry_points() -> None:
    global _ENTRY_POINTS_LOADED
    if _ENTRY_POINTS_LOADED:
        return
    _ENTRY_POINTS_LOADED = True
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            _REGISTRY.setdefault(ep.name, ep.load())
        except Exception:  # a broken plugin must not stop the built-ins
            logger.warning("could not load layer plugin %s", ep.name, exc_info=logger.isEnabledFor(logging.DEBUG))


def available_layers() -> list[str]:
    """Return the names of all registered layers."""
    _load_entry_points()
    return sorted(_REGISTRY)


def get_layer(name: str) -> Layer:
    """Build the layer registered under `name`."""
    _load_entry_points()
    try:
        factory = _REGISTRY[name]
    except KeyError:
        from spinscope.errors import ErrorCode, SpinscopeError

        raise SpinscopeError(ErrorCode.E030, name, f"known layers: {', '.join(sorted(_REGISTRY))}") from None
    return factory()
