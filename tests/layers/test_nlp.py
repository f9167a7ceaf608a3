"""The spaCy layer on the examples, and the weight-hash check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from spinscope import Document, Pipeline, SpinscopeError
from spinscope.layers import nlp


@pytest.fixture(scope="module")
def analysed(examples: list[Path]) -> list[Document]:
    return list(Pipeline(["nlp"]).pipe(Document(p.read_text(encoding="utf-8"), str(p)) for p in examples))


def _entities(doc: Document, label: str) -> set[str]:
    return {doc.text[s.start : s.end] for s in doc.spans("entities") if s.label == label}


def test_people_organisations_and_places_of_the_examples(analysed: list[Document]) -> None:
    rhc, tehran = analysed
    assert "Khaled Qaddoumi" in _entities(rhc, "PERSON")
    assert {"Hamas", "Press TV"} <= _entities(rhc, "ORG")
    assert {"Gaza", "Israel", "Bahrain", "Bolivia"} <= _entities(rhc, "GPE")
    assert {"Khaled al-Qaddoumi", "Mohammad Baqer Qalibaf", "Ali Akbar Velayati"} <= _entities(tehran, "PERSON")
    assert {"Iran", "Gaza", "New York"} <= _entities(tehran, "GPE")


def test_sentences_are_trimmed_and_cover_the_text(analysed: list[Document]) -> None:
    for doc in analysed:
        sents = doc.spans("sentences")
        assert len(sents) > 20
        for s in sents:
            assert s.text(doc.text) == s.text(doc.text).strip()
        assert all(a.end <= b.start for a, b in zip(sents, sents[1:], strict=False))


def test_batch_and_single_document_give_the_same_layers(analysed: list[Document]) -> None:
    single = Pipeline(["nlp"])(Document(analysed[1].text, "again"))
    assert single.spans("entities") == analysed[1].spans("entities")


def test_tampered_weights_are_refused(tmp_path: Path) -> None:
    model = nlp._model_dir()
    copy = tmp_path / "model"
    shutil.copytree(model, copy)
    nlp.verify_model(copy)  # the genuine files pass
    with (copy / "ner" / "model").open("ab") as f:
        f.write(b"\0")
    with pytest.raises(SpinscopeError, match="E020"):
        nlp.verify_model(copy)


def test_entity_labels_agree_and_the_outlet_line_is_an_organisation(examples: list[Path]) -> None:
    """Regression: the small model called "Qaddoumi" a GPE, "Habana Cuba" a PERSON and kept "RHC)--"."""
    from spinscope.read import read_paths

    (rhc,) = [d for d in read_paths([str(examples[0])]) if isinstance(d, Document)]
    doc = Pipeline(["nlp"])(rhc)
    labels = {(doc.text[s.start : s.end], s.label) for s in doc.spans("entities")}
    assert ("Qaddoumi", "GPE") not in labels and ("Qaddoumi", "PERSON") in labels
    assert ("Radio Habana Cuba", "ORG") in labels
    assert not any(label == "PERSON" and "Habana" in text for text, label in labels)
    assert all(text[-1].isalnum() or text.endswith(".") for text, _ in labels)


def test_a_paragraph_break_ends_a_sentence(analysed: list[Document]) -> None:
    # A headline or dateline without a full stop is a sentence of its own, not the start of the lead's.
    text = ("Iran condemns attack on its consulate\n\nForeign Ministry spokesman Nasser Kanaani said the attack was "
            "a crime.\r\n\r\nNo talks\n \nThe talks will not resume. A line\nwrapped in the middle goes on.")
    doc = Pipeline(["nlp"])(Document(text, "t"))
    assert [s.text(text) for s in doc.spans("sentences")] == [
        "Iran condemns attack on its consulate",
        "Foreign Ministry spokesman Nasser Kanaani said the attack was a crime.",
        "No talks",
        "The talks will not resume.",
        "A line\nwrapped in the middle goes on.",
    ]
    # On the examples, no sentence runs over a blank line.
    for doc in analysed:
        assert not any("\n\n" in s.text(doc.text) for s in doc.spans("sentences"))


def test_a_closing_mark_the_parser_gave_the_next_paragraph_ends_its_own_sentence() -> None:
    # The parser starts the next sentence at the quotation mark after the full stop; the sentence lost its mark.
    text = ('Hamas rejected the claim as "baseless propaganda."\n\n'
            "According to UN agencies, around 1.7 million people have been displaced.")
    doc = Pipeline(["nlp"])(Document(text, "t"))
    assert [s.text(text) for s in doc.spans("sentences")] == [
        'Hamas rejected the claim as "baseless propaganda."',
        "According to UN agencies, around 1.7 million people have been displaced.",
    ]


def test_a_title_case_headline_is_parsed_in_sentence_case() -> None:
    # The small model reads every capitalised word as a name: "Slams" was a proper noun and "Hillary Clinton
    # Slams Donald Trump" one PERSON, so the headline had no verb and its people no names of their own.
    text = ("Hillary Clinton Slams Donald Trump On Abortion After Supreme Court Ruling\n\n"
            "Hillary Clinton on Monday called the ruling a victory for women. Donald Trump did not comment.")
    assert nlp.title_lines(text) == [(0, 73)]
    doc = Pipeline(["nlp"])(Document(text, "t"))
    headline = [(text[s.start : s.end], s.label) for s in doc.spans("tokens") if s.end <= 73]
    assert headline[:5] == [("Hillary", "PROPN"), ("Clinton", "PROPN"), ("Slams", "VERB"), ("Donald", "PROPN"),
                            ("Trump", "PROPN")]
    assert [(text[s.start : s.end], s.label) for s in doc.spans("entities") if s.end <= 73] == [
        ("Hillary Clinton", "PERSON"), ("Donald Trump", "PERSON"), ("Supreme Court", "ORG")]
    # The words are the text's own, and the headline is a sentence of its own.
    assert [s.text(text) for s in doc.spans("sentences")][0] == text[:73]
    # The first word of a headline opened by a heading mark or a quotation mark keeps its capital, and so do names
    # and words in capitals alone.
    line = nlp.load_spacy()("## ‘Missing’ US Voters Might Help Trump")[:]
    recased = nlp.sentence_case(line, {"trump"})
    assert [recased.get(t.i, t.text) for t in line] == ["#", "#", "‘", "Missing", "’", "US", "voters", "might", "help",
                                                        "Trump"]
    # A headline alone says nothing of how its words are cased elsewhere: it keeps its first parse.
    alone = nlp.load_spacy()(text[:73])
    assert [(t.tag_, t.dep_) for t in nlp.reparse_titles(nlp.load_spacy()(text[:73]), nlp.load_spacy())] == [
        (t.tag_, t.dep_) for t in alone]
    # Sentence case, capitals alone and short lines are left to the first parse.
    assert nlp.title_lines("Hamas official affirms Israeli genocide\nIRAN REJECTS US CLAIMS\nBreaking News\n") == []


def test_a_headline_the_parser_ran_into_the_lead_is_parsed_on_its_own() -> None:
    # The parser ran this headline into the lead: "Iran's Armed Forces chief of staff", the subject of "has warned",
    # was the object of the headline's "against", so the lead's statement had no speaker.
    text = ("Iran warns Israel against any 'miscalculation'\n\n"
            "Iran's Armed Forces chief of staff has warned the Israeli regime against any miscalculation.")
    assert nlp.headline_lines(text) == [(0, 46)]
    parsed = nlp.reparse_titles(nlp.load_spacy()(text), nlp.load_spacy())
    assert [s.text.strip() for s in parsed.sents] == [text[:46], text[48:]]
    chief = next(t for t in parsed if t.text == "chief")
    assert (chief.dep_, chief.head.text) == ("nsubj", "warned")
    # The words stay as written (a headline in sentence case is not recased).
    assert [t.text for t in parsed] == [t.text for t in nlp.load_spacy()(text)]
    # A line that ends as a sentence does, a caption, a short line or a line with no blank line after are no
    # headlines.
    assert nlp.headline_lines("He spoke in Tehran.\n\nBreaking news\n\n[Video: the full speech.]\n\nIran warns Israel\n"
                              "against it.") == []
