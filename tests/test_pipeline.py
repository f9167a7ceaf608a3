"""Layer ordering, requirement errors and language routing."""

from __future__ import annotations

import pytest

from spinscope import Document, Pipeline, Span, SpinscopeError
from spinscope.layers.base import Layer


class _Marks(Layer):
    name = "marks"
    produces = ("marks",)

    def __call__(self, doc: Document) -> Document:
        return doc.with_layer("marks", [Span(0, 1, "m")])


class _Counts(Layer):
    name = "counts"
    requires = ("marks",)
    produces = ("counts",)

    def __call__(self, doc: Document) -> Document:
        assert doc.spans("marks"), "ran before its requirement"
        return doc.with_layer("counts", [Span(0, 1, str(len(doc.spans("marks"))))])


class _Anything(Layer):
    name = "anything"
    produces = ("anything",)
    english_only = False

    def __call__(self, doc: Document) -> Document:
        return doc.with_layer("anything", [Span(0, 0, "seen")])


def test_layers_run_after_what_they_require_whatever_the_given_order() -> None:
    pipeline = Pipeline([_Counts(), _Marks()])
    assert pipeline.names == ["marks", "counts"]
    assert pipeline(Document("abc", "t")).spans("counts")[0].label == "1"


def test_missing_requirement_is_a_clear_error() -> None:
    with pytest.raises(SpinscopeError, match="requires 'marks'"):
        Pipeline([_Counts()])


def test_non_english_documents_skip_english_only_layers_in_order() -> None:
    docs = [Document(f"text {i}", f"d{i}").with_meta(language=lang) for i, lang in enumerate(["en", "fr", None, "ar"])]
    out = list(Pipeline([_Marks(), _Anything()]).pipe(docs, batch_size=3))
    assert [d.source for d in out] == ["d0", "d1", "d2", "d3"]
    assert [bool(d.spans("marks")) for d in out] == [True, False, True, False]
    assert all(d.spans("anything") for d in out)


def test_unknown_layer_name_lists_the_known_ones() -> None:
    with pytest.raises(SpinscopeError, match="known layers"):
        Pipeline(["no-such-layer"])
