"""The cue tagger: the fine-tuned MiniLM's word probabilities and their blend with the linear cue model."""

from __future__ import annotations

import numpy as np
import pytest

from spinscope.document import Document
from spinscope.layers.nlp import NlpLayer, load_spacy
from spinscope.layers.quotes import QuotesLayer
from spinscope.layers.quotes.cues import load_cue_model
from spinscope.layers.quotes.tagger import load_cue_tagger
from spinscope.pipeline import Pipeline

#: Cues PolNeAR marks that the parse alone rarely shows (dev articles of this shape were missed before the blend).
RAISING = "Donald Trump is raising questions about his microphone problems during Monday's debate."
AVOIDS = "Trump avoids condemning Russia's invasion of Ukraine, including its annexation of Crimea."


def _quotes(text: str, tagger: bool) -> list[tuple[str, str]]:
    doc = Pipeline([NlpLayer(), QuotesLayer(tagger=tagger)])(Document(text=text, source="test"))
    return [(text[q.attrs["cue"]["start"] : q.attrs["cue"]["end"]], text[q.start : q.end])
            for q in doc.spans("quotes") if q.attrs.get("cue")]


def test_the_tagger_gives_each_word_a_cue_probability_and_said_is_a_cue() -> None:
    doc = load_spacy()("The mayor said on Tuesday that the bridge would reopen in May.")
    q = load_cue_tagger().word_probabilities(doc)
    assert q.shape == (len(doc), 2)
    assert ((q >= 0) & (q <= 1)).all()
    said, bridge = next(t.i for t in doc if t.text == "said"), next(t.i for t in doc if t.text == "bridge")
    assert q[said, 0] > 0.5 > q[bridge, 0]


def test_an_empty_parse_has_no_probabilities() -> None:
    assert load_cue_tagger().word_probabilities(load_spacy()("")).shape == (0, 2)


@pytest.mark.parametrize(("text", "cue"), [(RAISING, "raising"), (AVOIDS, "avoids")])
def test_the_blend_finds_a_cue_the_linear_model_leaves_below_its_threshold(text: str, cue: str) -> None:
    doc = load_spacy()(text)
    tok = next(t for t in doc if t.text == cue)
    linear, tagger = load_cue_model(), load_cue_tagger()
    assert linear(tok, False) < linear.threshold
    assert tagger.scorer(doc, linear)(tok, False) >= tagger.threshold
    assert any(cue in c for c, _ in _quotes(text, tagger=True))
    assert not any(cue in c for c, _ in _quotes(text, tagger=False))


def test_the_blend_keeps_a_plain_reported_statement() -> None:
    text = "The mayor said on Tuesday that the bridge would reopen in May."
    for tagger in (True, False):
        assert _quotes(text, tagger) == [("said", "that the bridge would reopen in May")]


def test_a_blend_of_other_weights_scores_otherwise() -> None:
    doc = load_spacy()(RAISING)
    tok = next(t for t in doc if t.text == "raising")
    tagger, linear = load_cue_tagger(), load_cue_model()
    q = tagger.word_probabilities(doc)
    blended = tagger.scorer(doc, linear, q)(tok, False)
    assert blended != pytest.approx(linear(tok, False))
    assert tagger.scorer(doc, linear, np.full_like(q, 0.5))(tok, False) != pytest.approx(blended)
