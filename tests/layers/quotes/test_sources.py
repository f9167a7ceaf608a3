"""Which words are a cue's source: raising verbs and an expletive "it" give none; a participle after a
preposition takes the subject of the verb it modifies, and one describing a noun takes that noun."""

from __future__ import annotations

import pytest

from spinscope.document import Document
from spinscope.layers.nlp import NlpLayer, load_spacy
from spinscope.layers.quotes import QuotesLayer, attributions_of
from spinscope.layers.quotes.extract import frame_for
from spinscope.pipeline import Pipeline


@pytest.fixture(scope="module")
def spacy_nlp():
    return load_spacy()


def _source(spacy_nlp, text: str, cue_word: str) -> str | None:
    doc = spacy_nlp(text)
    frame = frame_for(doc, next(t for t in doc if t.text == cue_word))
    return None if frame.source is None else text[frame.source[0]:frame.source[1]]


@pytest.mark.parametrize(("text", "cue"), [
    ("Trump seems ready to accept the nomination in Cleveland.", "seems"),
    ("Rubio seemed hopeful that the United States could accept more refugees.", "seemed"),
    ("The forecast appeared to be accurate after all.", "appeared"),
    ("It seems that the race is over.", "seems"),
    ("It is unclear whether the senator will run again next year.", "unclear"),
])
def test_the_subject_of_an_impression_is_not_a_source(spacy_nlp, text: str, cue: str) -> None:
    assert _source(spacy_nlp, text, cue) is None


@pytest.mark.parametrize(("text", "cue", "source"), [
    ("Cruz seemed to blame the network for its reporting.", "seemed", "Cruz"),
    ("Clinton said the plan would work.", "said", "Clinton"),
    ("The report is long, and it said the plan would work.", "said", "it"),
])
def test_a_subject_seen_doing_or_saying_something_stays_the_source(spacy_nlp, text: str, cue: str,
                                                                    source: str) -> None:
    assert _source(spacy_nlp, text, cue) == source


@pytest.mark.parametrize(("text", "cue", "source"), [
    ("Trump defended the ban by promising to keep the country safe.", "promising", "Trump"),
    ("Clinton was criticized by Republicans for saying that the plan had failed.", "saying", "Clinton"),
    ("Ads attacking Clinton ran on Monday in Ohio.", "attacking", "Ads"),
    ("The senator read out a petition now calling for his resignation.", "calling", "a petition"),
])
def test_a_participle_takes_the_subject_or_noun_it_depends_on(spacy_nlp, text: str, cue: str,
                                                              source: str) -> None:
    assert _source(spacy_nlp, text, cue) == source


def test_the_layer_reports_no_source_for_it_is_unclear() -> None:
    text = "It is unclear whether Senator Marco Rubio will endorse Donald Trump before the convention."
    doc = Pipeline([NlpLayer(), QuotesLayer()])(Document(text=text, source="test"))
    attributions = attributions_of(doc)
    assert attributions, "the adjective cue 'is unclear' should still be found"
    assert all(not a.source for a in attributions)
