"""The techniques layer on the bundled articles: labelled, scored spans and one roll-up span per paragraph."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from spinscope.document import Document
from spinscope.errors import ModelError
from spinscope.export.analysis import to_analysis
from spinscope.layers.base import get_layer
from spinscope.layers.techniques import LABELS, TechniquesLayer
from spinscope.layers.techniques.model import MODEL_DIR, TechniquesModel
from spinscope.layers.techniques.rollup import paragraphs


@pytest.fixture(scope="module")
def analysed(examples: list[Path]) -> list[Document]:
    layer = TechniquesLayer()
    return [layer(Document(text=p.read_text(encoding="utf-8"), source=str(p))) for p in examples]


def test_layer_is_registered_under_its_name() -> None:
    layer = get_layer("techniques")
    assert isinstance(layer, TechniquesLayer)
    assert layer.produces == ("techniques", "technique_paragraphs")


def test_examples_get_technique_spans_with_official_labels_and_scores(analysed: list[Document]) -> None:
    for doc in analysed:
        spans = doc.spans("techniques")
        assert spans, doc.source
        for s in spans:
            assert s.label in LABELS
            assert 0.0 <= s.score <= 1.0
            assert 0 <= s.start < s.end <= len(doc.text)
            text = s.text(doc.text)
            assert text == text.strip() and text[-1] not in ".,;:", text  # snapped to words


def test_charged_wording_in_the_tehran_article_is_found(analysed: list[Document]) -> None:
    tehran = analysed[1]
    found = {s.text(tehran.text).lower() for s in tehran.spans("techniques")}
    # The article calls the Israeli actions "crimes" and the regime "Zionist": loaded or labelling language.
    assert any("zionist" in f or "crime" in f for f in found), found


def test_one_paragraph_span_per_non_blank_line(analysed: list[Document]) -> None:
    for doc in analysed:
        rows = doc.spans("technique_paragraphs")
        assert [(s.start, s.end) for s in rows] == [(a, b) for _, a, b in paragraphs(doc.text)]
        for s in rows:
            assert s.label == "paragraph"
            assert set(s.attrs["labels"]) == set(s.attrs["scores"]) <= set(LABELS)
            assert s.score == max(s.attrs["scores"].values(), default=0.0)
        assert any(s.attrs["labels"] for s in rows)


def test_analysis_json_lists_the_techniques(analysed: list[Document]) -> None:
    out = to_analysis(analysed[0])
    assert out["techniques"]
    first = out["techniques"][0]
    assert set(first) == {"start", "end", "text", "label", "score"}
    assert first["text"] == analysed[0].text[first["start"] : first["end"]]


def test_empty_and_blank_texts_give_no_spans() -> None:
    layer = TechniquesLayer()
    for text in ("", "   \n\n  "):
        doc = layer(Document(text=text, source="blank"))
        assert doc.spans("techniques") == ()
        assert doc.spans("technique_paragraphs") == ()


def test_corrupt_model_file_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "techniques"
    shutil.copytree(MODEL_DIR, broken)
    weights = broken / "weights.npz"
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0xFF
    weights.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="E020"):
        TechniquesModel.load(broken)
