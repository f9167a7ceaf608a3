"""Runs layers in dependency order over one document or a stream of them."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence

from spinscope.document import Document
from spinscope.errors import ErrorCode, SpinscopeError
from spinscope.layers.base import Layer, available_layers, get_layer

__all__ = ["Pipeline", "DEFAULT_LAYERS", "default_layer_names"]

logger = logging.getLogger(__name__)

#: Layers run by `spinscope analyze` when they are installed, in this order of preference.
DEFAULT_LAYERS = ("nlp", "quotes", "claims", "techniques")


def default_layer_names() -> list[str]:
    """Return the default layers that are registered in this installation."""
    known = set(available_layers())
    return [name for name in DEFAULT_LAYERS if name in known]


def _order(layers: Sequence[Layer]) -> list[Layer]:
    """Sort layers so that every layer runs after those producing what it requires."""
    produced_by = {p: layer for layer in layers for p in layer.produces}
    ordered: list[Layer] = []
    seen: set[str] = set()

    def visit(layer: Layer, stack: tuple[str, ...]) -> None:
        if layer.name in seen:
            return
        if layer.name in stack:
            raise SpinscopeError(ErrorCode.E030, layer.name, "circular requirements")
        for need in layer.requires:
            if need not in produced_by:
                raise SpinscopeError(ErrorCode.E030, layer.name, f"requires '{need}', which no layer produces")
            visit(produced_by[need], (*stack, layer.name))
        for want in layer.after:
            if want in produced_by:
                visit(produced_by[want], (*stack, layer.name))
        seen.add(layer.name)
        ordered.append(layer)

    for layer in layers:
        visit(layer, ())
    return ordered


class Pipeline:
    """An ordered set of layers; non-English documents pass through the English-only ones untouched."""

    def __init__(self, layers: Sequence[str | Layer] | None = None) -> None:
        names_or_layers = list(layers) if layers is not None else default_layer_names()
        built = [get_layer(x) if isinstance(x, str) else x for x in names_or_layers]
        self.layers = _order(built)

    @property
    def names(self) -> list[str]:
        """Return the layer names in run order."""
        return [layer.name for layer in self.layers]

    def __call__(self, doc: Document) -> Document:
        for layer in self.layers:
            if layer.english_only and not _is_english(doc):
                continue
            doc = layer(doc)
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int = 16) -> Iterator[Document]:
        """Process a stream, letting each layer batch; order is preserved."""
        stream: Iterable[Document] = docs
        for layer in self.layers:
            stream = _pipe_layer(layer, stream, batch_size)
        yield from stream


def _is_english(doc: Document) -> bool:
    # Unknown language is treated as English: short or odd texts still get analysed.
    return doc.meta.language in (None, "en")


def _pipe_layer(layer: Layer, docs: Iterable[Document], batch_size: int) -> Iterator[Document]:
    if not layer.english_only:
        yield from layer.pipe(docs, batch_size)
        return
    # Route non-English documents around the layer while keeping order.
    buffer: list[Document] = []
    for doc in docs:
        buffer.append(doc)
        if len(buffer) >= batch_size:
            yield from _run_mixed(layer, buffer, batch_size)
            buffer = []
    yield from _run_mixed(layer, buffer, batch_size)


def _run_mixed(layer: Layer, batch: list[Document], batch_size: int) -> Iterator[Document]:
    english = [d for d in batch if _is_english(d)]
    done = iter(layer.pipe(english, batch_size)) if english else iter(())
    for doc in batch:
        yield next(done) if _is_english(doc) else doc
