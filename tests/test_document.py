"""The Document and Span contracts."""

from __future__ import annotations

import pytest

from spinscope import Document, Meta, OffsetMap, Span


def test_spans_are_end_exclusive_and_validated() -> None:
    doc = Document("Hamas said twelve.", "t")
    span = Span(0, 5, "ORG")
    assert span.text(doc.text) == "Hamas"
    with pytest.raises(ValueError):
        Span(5, 2, "bad")


def test_with_layer_adds_without_touching_other_layers() -> None:
    doc = Document("a b c", "t").with_layer("x", [Span(2, 3, "B"), Span(0, 1, "A")])
    doc2 = doc.with_layer("y", [Span(4, 5, "C")])
    assert [s.label for s in doc2.spans("x")] == ["A", "B"]  # sorted by offset
    assert doc.spans("y") == ()  # the original is unchanged (frozen)
    assert doc2.spans("missing") == ()


def test_id_is_content_hash_prefix_and_stable() -> None:
    a = Document("same text", "a.txt")
    b = Document("same text", "b.txt")
    assert a.id == b.id == a.hash[:16]
    assert Document("other", "a.txt").id != a.id


def test_offset_map_identity_and_anchors() -> None:
    assert OffsetMap.identity().to_source(42) == 42
    m = OffsetMap(text_anchors=(0, 10), source_anchors=(100, 250))
    assert m.to_source(3) == 103
    assert m.to_source(12) == 252


def test_meta_json_has_every_contract_key() -> None:
    assert set(Meta().to_json()) == {"title", "url", "outlet", "published", "dateline", "language"}
