"""The typed functions behind the CLI: analyse inputs, ingest them into a store."""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from spinscope.document import Document
from spinscope.errors import AnalysisError, ErrorCode, ReadError, SpinscopeError
from spinscope.export.analysis import to_analysis
from spinscope.layers.base import Layer
from spinscope.pipeline import Pipeline
from spinscope.settings import get as setting

__all__ = ["analyze_documents", "analyze_paths", "ingest_paths", "IngestReport", "ErrorHandler"]

logger = logging.getLogger(__name__)

ErrorHandler = Callable[[ReadError], None]


def _log_error(err: ReadError) -> None:
    logger.error("%s", err)


def _linker(state: Any = None) -> Any:
    """Return the corpus-level speaker linker if the quotes component is installed."""
    if importlib.util.find_spec("spinscope.link.speakers") is None:
        return None
    from spinscope.link import speakers

    cls = getattr(speakers, "SpeakerLinker", None)
    if cls is None:
        return None
    return cls.from_state(state) if state else cls()


def _documents(items: Iterable[Document | ReadError], on_error: ErrorHandler) -> Iterator[Document]:
    for item in items:
        if isinstance(item, ReadError):
            on_error(item)
        else:
            yield item


def analyze_documents(
    docs: Iterable[Document],
    layers: Sequence[str | Layer] | None = None,
    linker: Any = None,
    batch_size: int | None = None,
    on_error: ErrorHandler = _log_error,
) -> Iterator[tuple[Document, dict[str, Any]]]:
    """Run the pipeline and speaker linking; yields each document with its analysis object.

    A document that makes a layer fail is reported through `on_error` (E008) and skipped; errors of
    spinscope itself (a missing model, an unmet requirement) stop the run.
    """
    pipeline = Pipeline(layers)
    size = batch_size or int(setting("batch_size") or 8)
    for chunk in _chunks(docs, size):
        try:
            done = list(pipeline.pipe(chunk, batch_size=size))
        except SpinscopeError:
            raise
        except Exception:
            done = []
            for doc in chunk:  # find which document failed; the others still get analysed
                try:
                    done.append(pipeline(doc))
                except SpinscopeError:
                    raise
                except Exception as exc:
                    logger.debug("analysis of %s failed", doc.source, exc_info=True)
                    on_error(AnalysisError(ErrorCode.E008, doc.source, f"{type(exc).__name__}: {exc}"))
        for doc in done:
            if linker is not None and "quotes" in doc.layers:
                doc = linker.link(doc)
            yield doc, to_analysis(doc)


def _chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for doc in docs:
        chunk.append(doc)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def analyze_paths(
    paths: Sequence[str],
    layers: Sequence[str] | None = None,
    max_bytes: int | None = None,
    on_error: ErrorHandler = _log_error,
) -> Iterator[tuple[Document, dict[str, Any]]]:
    """Read inputs and analyse them; bad inputs go to `on_error` and the rest goes on."""
    from spinscope.read import read_paths

    items = read_paths(paths, max_bytes=max_bytes or int(setting("max_bytes") or 0))
    yield from analyze_documents(_documents(items, on_error), layers, linker=_linker(), on_error=on_error)


@dataclass
class IngestReport:
    """What an ingest run did."""

    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already stored (same content hash)
    failed: list[str] = field(default_factory=list)  # sources that could not be read

    def to_json(self) -> dict[str, Any]:
        """Return counts and ids."""
        return {"added": len(self.added), "skipped": len(self.skipped), "failed": len(self.failed),
                "failed_sources": self.failed}


def ingest_paths(
    paths: Sequence[str],
    store: Any,
    layers: Sequence[str] | None = None,
    analyse: bool = True,
    max_bytes: int | None = None,
    on_error: ErrorHandler = _log_error,
    on_document: Callable[[Document, bool], None] | None = None,
) -> IngestReport:
    """Read, analyse and store inputs, one transaction per document; re-runs add nothing twice."""
    from spinscope.read import read_paths

    report = IngestReport()

    def failed(err: ReadError) -> None:
        report.failed.append(err.subject)
        on_error(err)

    def fresh(docs: Iterable[Document]) -> Iterator[Document]:
        # Skip what is already stored before spending time analysing it.
        for doc in docs:
            status = store.status(doc.hash)
            if status == "analysed" or (status == "raw" and not analyse):
                report.skipped.append(doc.id)
                if on_document is not None:
                    on_document(doc, False)
            else:
                yield doc

    docs = fresh(_documents(read_paths(paths, max_bytes=max_bytes or int(setting("max_bytes") or 0)), failed))
    linker = _linker(store.load_state("speakers")) if analyse else None
    pairs: Iterable[tuple[Document, dict[str, Any] | None]]
    pairs = analyze_documents(docs, layers, linker=linker, on_error=failed) if analyse else ((d, None) for d in docs)
    for n, (doc, analysis) in enumerate(pairs, start=1):
        doc_id, created = store.add(doc, analysis)
        (report.added if created else report.skipped).append(doc_id)
        if on_document is not None:
            on_document(doc, created)
        if linker is not None and n % _STATE_EVERY == 0:
            store.save_state("speakers", linker.state())
    if linker is not None:
        store.save_state("speakers", linker.state())
    return report


# The linker's state only merges surname-only mentions into known full names; ids themselves are derived
# from names, so saving it every so often (not with every document) bounds what a crash can lose.
_STATE_EVERY = 100
