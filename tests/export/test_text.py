"""The readable summary says amounts the way a reader would and names unsupported languages."""

from __future__ import annotations

from spinscope import Document, Span, to_analysis
from spinscope.export.text import render_text


def _claim(**q: object) -> str:
    doc = Document("They said 12 died.", "t").with_layer(
        "claims", [Span(0, 18, "claim", 0.5, attrs={"speaker_key": None, "quantities": [{"text": "12", **q}]})])
    return render_text(to_analysis(doc))


def test_amounts_are_said_plainly() -> None:
    assert "12 — people killed" in _claim(value=12, low=12, high=12, measure="people killed")
    assert "at least 6 — airbases attacked" in _claim(value=6, low=6, high=None, measure="airbases attacked")
    assert "up to 5 percent" in _claim(value=5, low=None, high=5, unit="percent", measure="share")
    assert "≈20–99 — tanks destroyed" in _claim(
        value=None, low=20, high=99, approximate=True, measure="tanks destroyed"
    )
    assert "None" not in _claim(value=None, low=None, high=None, approximate=True, measure=None)


def test_non_english_is_reported_as_not_analysed() -> None:
    doc = Document("Le ministre a déclaré que les négociations reprendraient lundi.", "fr.txt").with_meta(language="fr")
    out = render_text(to_analysis(doc))
    assert "language fr" in out and "not supported for analysis" in out


def test_technique_labels_come_with_their_definitions() -> None:
    doc = Document("They are thugs and criminals.", "t").with_layer(
        "techniques", [Span(9, 28, "Name_Calling-Labeling", 0.8), Span(9, 14, "Loaded_Language", 0.6)])
    out = render_text(to_analysis(doc))
    assert "What they mean:" in out
    assert out.count("Name_Calling-Labeling:") == 1 and "Loaded_Language:" in out
    assert "For example:" in out
