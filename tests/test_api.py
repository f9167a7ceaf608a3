"""The typed functions behind the CLI: a document that breaks a layer is reported, the rest goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinscope import Document, Span
from spinscope.api import analyze_documents, ingest_paths
from spinscope.errors import ErrorCode, ModelError, ReadError
from spinscope.layers.base import Layer
from spinscope.store import open_store


class _Fragile(Layer):
    name = "fragile"
    produces = ("fragile",)

    def __call__(self, doc: Document) -> Document:
        if "BOOM" in doc.text:
            raise IndexError("an edge case the layer did not expect")
        return doc.with_layer("fragile", [Span(0, 1, "ok")])


class _NoModel(Layer):
    name = "nomodel"
    produces = ("nomodel",)

    def __call__(self, doc: Document) -> Document:
        raise ModelError(ErrorCode.E020, "models/x.npz", "file missing")


def test_a_document_that_breaks_a_layer_is_reported_and_the_batch_goes_on() -> None:
    docs = [Document(t, f"d{i}.txt") for i, t in enumerate(["fine one", "BOOM here", "fine two", "fine three"])]
    errors: list[ReadError] = []
    out = list(analyze_documents(docs, [_Fragile()], batch_size=2, on_error=errors.append))  # type: ignore[list-item]
    assert [d.source for d, _ in out] == ["d0.txt", "d2.txt", "d3.txt"]
    assert len(errors) == 1 and errors[0].subject == "d1.txt" and errors[0].code is ErrorCode.E008
    assert "IndexError" in str(errors[0])


def test_a_missing_model_stops_the_run_instead_of_failing_every_document() -> None:
    with pytest.raises(ModelError):
        list(analyze_documents([Document("text", "a.txt")], [_NoModel()]))  # type: ignore[list-item]


def test_ingest_reports_failures_and_stores_the_rest(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text("The minister said the talks would resume on Monday.\n", encoding="utf-8")
    (inputs / "empty.txt").write_bytes(b"")
    store = open_store(tmp_path / "s.sqlite")
    report = ingest_paths([str(inputs)], store, layers=["nlp"])
    assert len(report.added) == 1 and report.failed == [str(inputs / "empty.txt")]
    again = ingest_paths([str(inputs)], store, layers=["nlp"])
    assert (len(again.added), len(again.skipped)) == (0, 1)
    assert store.count() == 1
