"""The content model: every reading of a cue's content is a candidate, and a trained model picks one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spinscope.errors import ModelError
from spinscope.eval.polnear import Attribution
from spinscope.layers.nlp import load_spacy
from spinscope.layers.quotes.content import CONTENT_FILE, ContentModel, load_content_model
from spinscope.layers.quotes.cues import MODEL_DIR, load_cue_model
from spinscope.layers.quotes.extract import content_candidates, extract, frame_for
from spinscope.layers.quotes.marks import find_quotes
from spinscope.layers.quotes.train import _fit_content, content_examples


@pytest.fixture(scope="module")
def spacy_nlp():
    return load_spacy()


def _candidates(spacy_nlp, text: str, cue_word: str):
    doc = spacy_nlp(text)
    verb = next(t for t in doc if t.text == cue_word)
    frame = frame_for(doc, verb)
    return doc, frame, content_candidates(doc, frame, find_quotes(text))


def test_a_preposition_after_the_cue_offers_its_object_and_joins_the_cue(spacy_nlp) -> None:
    text = "The governor will focus on what she would do to make people's lives better."
    doc, frame, candidates = _candidates(spacy_nlp, text, "focus")
    by_text = {text[c.frags[0][0]:c.frags[-1][1]]: c for c in candidates}
    reading = by_text["what she would do to make people's lives better"]
    assert any(k.startswith("prep:on") for k in reading.kinds)
    assert text[reading.cue[0]:reading.cue[1]] == "will focus on"
    assert text[frame.source[0]:frame.source[1]] == "The governor"
    # No candidate holds the cue or the source, and equal readings are merged.
    assert all(not (s <= frame.cue[0] < e) for c in candidates for s, e in c.frags)
    assert len({c.frags for c in candidates}) == len(candidates)


def test_the_rules_choice_is_among_the_candidates_and_marked(spacy_nlp) -> None:
    text = "Senator Jones said on Tuesday that the bill would raise taxes on the middle class."
    _, _, candidates = _candidates(spacy_nlp, text, "said")
    (rule,) = [c for c in candidates if "rule" in c.kinds]
    assert text[rule.frags[0][0]:rule.frags[-1][1]] == "that the bill would raise taxes on the middle class"
    assert "dep:ccomp" in rule.kinds


@pytest.mark.parametrize(("text", "content"), [
    ("Paul Ryan has thrown his support behind the nominee after weeks of delay.", "the nominee"),
    ("The candidate will focus on what she would do to make people's lives better.",
     "what she would do to make people's lives better"),
    ("Senator Jones said on Tuesday that the bill would raise taxes on the middle class.",
     "that the bill would raise taxes on the middle class"),
])
def test_the_shipped_model_picks_the_content_a_reader_would_mark(spacy_nlp, text: str, content: str) -> None:
    doc = spacy_nlp("The campaign opened its office in Ohio last week.\n\n" + text)
    found = extract(doc, load_cue_model(), load_cue_model().threshold, load_content_model())
    contents = [doc.text[f.content[0][0]:f.content[-1][1]] for f in found]
    assert content in contents
    chosen = next(f for f in found if doc.text[f.content[0][0]:f.content[-1][1]] == content)
    assert chosen.content_score is not None and 0.0 < chosen.content_score <= 1.0


def test_without_the_content_model_the_rules_fall_back_to_the_sentence_before(spacy_nlp) -> None:
    """The failure the model was built for: with no clause or object, the rules take the sentence before."""
    doc = spacy_nlp("The campaign opened its office in Ohio last week.\n"
                    "The candidate will focus on what she would do to make people's lives better.")
    rules = [doc.text[f.content[0][0]:f.content[-1][1]] for f in extract(doc, load_cue_model(), 0.25)]
    assert "The campaign opened its office in Ohio last week" in rules


def test_training_labels_the_best_overlapping_candidate_and_round_trips(spacy_nlp, tmp_path: Path) -> None:
    text = "The governor will focus on what she would do to make people's lives better."
    doc = spacy_nlp(text)
    start = text.index("what")
    gold = [Attribution(((0, 12),), ((13, 26),), ((start, len(text) - 1),))]
    ((feats, labels),) = content_examples(doc, gold)
    assert sum(labels) == 1 and len(labels) == len(feats) >= 2
    model = _fit_content([(feats, labels)] * 3, seed=13)
    model.save(tmp_path / CONTENT_FILE)
    again = ContentModel.load(tmp_path / CONTENT_FILE)
    frame = frame_for(doc, doc[3])
    candidates = content_candidates(doc, frame, [])
    best, p = again.choose(doc, frame, candidates)
    assert text[best.frags[0][0]:best.frags[-1][1]] == "what she would do to make people's lives better"
    assert p == pytest.approx(max(again.probability(doc, frame, c) for c in candidates))


def test_a_damaged_content_model_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / CONTENT_FILE
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match=CONTENT_FILE):
        ContentModel.load(bad)


def test_the_shipped_content_model_is_small_json() -> None:
    data = json.loads((MODEL_DIR / CONTENT_FILE).read_text(encoding="utf-8"))
    assert set(data) == {"bias", "threshold", "weights"} and 100 < len(data["weights"]) < 50_000
