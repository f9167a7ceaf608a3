"""Attributions found by rule: `NAME: statement` lines and sentence-initial `In a <poll>, ...`."""

from __future__ import annotations

import pytest

from spinscope.document import Document
from spinscope.layers.nlp import NlpLayer
from spinscope.layers.quotes import QuotesLayer, attributions_of
from spinscope.pipeline import Pipeline


@pytest.fixture(scope="module")
def run():
    pipeline = Pipeline([NlpLayer(), QuotesLayer()])
    return lambda text: attributions_of(pipeline(Document(text=text, source="test")))


def _roles(text: str, attrs) -> list[tuple[str, str, str]]:
    def part(frags) -> str:
        return " ".join(text[s:e] for s, e in frags)
    return [(part(a.source), part(a.cue), part(a.content)) for a in attrs]


def test_a_headline_name_and_colon_attributes_the_rest_of_the_line(run) -> None:
    text = "Graham: Trump's Hateful Rhetoric Is Destroying the Party\n\nThe senator spoke in Columbia on Monday."
    assert ("Graham", ":", "Trump's Hateful Rhetoric Is Destroying the Party") in _roles(text, run(text))


def test_a_headline_poll_or_report_label_is_the_source_of_the_rest_of_the_line(run) -> None:
    text = ("Poll: Clinton and Trump in dead heat heading into first debate.\n\n"
            "The race is close, a new survey of likely voters finds.\n")
    assert ("Poll", ":", "Clinton and Trump in dead heat heading into first debate") in _roles(text, run(text))


def test_a_name_set_off_by_a_dash_before_a_colon_is_the_source_of_what_follows(run) -> None:
    # A polling newsletter quotes its sources after a headline: "HEADLINE - Name: “...”", "-More from Name: “...”".
    text = ("POLLS DID FINE IN IOWA - Mark Blumenthal and Jon Cohen: “The polls got the rest of the race right.”\n\n"
            "They wrote more. -More from Jones: “The partisanship of a state is a starting point.”\n\n"
            "Obama-Clinton: The two leaders met today in the city.\n")
    roles = [r for r in _roles(text, run(text)) if r[1] == ":"]
    assert ("Mark Blumenthal and Jon Cohen", ":", "“The polls got the rest of the race right.”") in roles
    assert ("Jones", ":", "“The partisanship of a state is a starting point.”") in roles
    assert "Clinton" not in [r[0] for r in roles]  # a hyphen inside a word sets no name off


def test_labels_and_tallies_with_a_colon_are_not_attributions(run) -> None:
    text = "The Latest: Cruz wins the Iowa caucuses.\n\nClinton: 547.\n\nQ: Have you talked to her?"
    assert not [r for r in _roles(text, run(text)) if r[1] == ":"]


def test_a_headline_name_the_tagger_misses_is_a_speaker_when_the_article_names_them(run) -> None:
    # At the head of a headline the tagger reads "Trump" as a common noun; the article names Donald Trump.
    text = ("Trump: Cruz Has ‘To Come a Long Way’ On Ethanol\n\n"
            "Republican presidential candidate Donald Trump argued on Friday that Ted Cruz must change his view.")
    assert ("Trump", ":", "Cruz Has ‘To Come a Long Way’ On Ethanol") in _roles(text, run(text))


def test_a_transcript_speaker_in_capitals_is_a_speaker_when_the_article_names_them(run) -> None:
    text = ("CNN's Jake Tapper spoke with Governor Mary Fallin on Sunday.\n\n"
            "TAPPER: Do you think the campaign has been fair to the voters?\n\n"
            "FALLIN: I think he is trying to reach every voter in the country.\n")
    roles = _roles(text, run(text))
    assert ("TAPPER", ":", "Do you think the campaign has been fair to the voters?") in roles
    assert ("FALLIN", ":", "I think he is trying to reach every voter in the country") in roles


def test_a_transcript_speaker_the_article_never_names_is_a_speaker_when_their_label_recurs(run) -> None:
    # "Tapper" appears only in the labels; a capitalised label that opens two lines or more is a transcript's
    # speaker. A section label that opens one line ("SHORT READS:") is not.
    text = ("Governor Mary Fallin spoke on CNN on Sunday.\n\n"
            "JAKE TAPPER: Donald Trump released a video on Friday about racial healing.\n\n"
            "FALLIN: I think the whole nation needs to work together.\n\n"
            "TAPPER: Do you think he has campaigned as a racial healer?\n\n"
            "SHORT READS: The senator is stepping down after three terms in office.\n")
    roles = [r for r in _roles(text, run(text)) if r[1] == ":"]
    assert [source for source, _, _ in roles] == ["JAKE TAPPER", "FALLIN", "TAPPER"]


def test_a_label_the_tagger_misses_is_the_person_the_article_names() -> None:
    # "Fallin:" heads the story and "FALLIN:" a transcript line; both are Governor Mary Fallin, with her title
    # and not the headline's last word ("Together Oklahoma Governor").
    text = ("Fallin: We Will Keep The Party Together\n\nOklahoma Governor Mary Fallin spoke on Sunday.\n\n"
            "FALLIN: I think we will come together as a party.\n")
    doc = Pipeline([NlpLayer(), QuotesLayer()])(Document(text=text, source="test"))
    labels = [q.attrs["speaker"] for q in doc.spans("quotes") if q.attrs["speaker"]
              and text[q.attrs["speaker"]["start"] : q.attrs["speaker"]["end"]] in ("Fallin", "FALLIN")]
    assert len(labels) == 2
    assert {s["name"] for s in labels} == {"Mary Fallin"}
    (speaker,) = [s for s in doc.spans("speakers") if s.attrs["name"] == "Mary Fallin"]
    assert {s["key"] for s in labels} == {speaker.attrs["key"]}
    assert speaker.attrs["roles"] == ["Oklahoma Governor"]


def test_a_label_in_capitals_or_inside_a_quotation_that_names_no_one_is_no_speaker(run) -> None:
    text = ("BOOM: The senator wins again in the state.\n\nUPDATE: More results are expected tonight.\n\n"
            "\"LOOK: The crowd at the rally in the state was huge.\"\n")
    assert not [r for r in _roles(text, run(text)) if r[1] == ":"]


def test_a_transcript_set_as_one_quotation_gives_each_speaker_their_turn_across_paragraphs(run) -> None:
    # Each paragraph opens with the quotation mark; a turn goes on until the next label or a stage note, and the
    # mark that closes the transcript is no part of the last turn.
    text = ("Mike Pence spoke with Chris Wallace on Sunday.\n\nPartial transcript as follows:\n\n"
            "\"WALLACE: Will Gennifer Flowers be there tomorrow night?\n\n"
            "\"PENCE: Well, look, she will not be attending the debate.\n\n"
            "\"But the truth is that Donald Trump has a unique way of communicating.\n\n\"(CROSSTALK.)\n\n"
            "\"WALLACE: Governor, I want to try to get one more question in.\n\n"
            "\"PENCE: And that is why he is on his way to the White House.\"\n")
    turns = [r for r in _roles(text, run(text)) if r[1] == ":"]
    assert turns == [
        ("WALLACE", ":", "Will Gennifer Flowers be there tomorrow night?"),
        ("PENCE", ":", "Well, look, she will not be attending the debate But the truth is that Donald Trump has a "
                       "unique way of communicating"),
        ("WALLACE", ":", "Governor, I want to try to get one more question in"),
        ("PENCE", ":", "And that is why he is on his way to the White House"),
    ]


def test_a_sentence_opened_by_in_a_poll_takes_the_poll_as_source(run) -> None:
    text = "In a CNN poll released Monday, Clinton held a 24-point lead over Sanders among black voters."
    (source, cue, content), *_ = [r for r in _roles(text, run(text)) if r[1] == "In"]
    assert source == "a CNN poll released Monday"
    assert content == "Clinton held a 24-point lead over Sanders among black voters"


def test_a_trailing_in_the_polls_is_no_attribution(run) -> None:
    text = "Trump has led the Republican field for months and remains ahead in the polls."
    assert not [r for r in _roles(text, run(text)) if r[1] == "in"]


def test_asked_about_takes_the_topic_as_content(run) -> None:
    text = "Clinton was asked about her private email server during the interview."
    assert any(cue == "was asked about" and content == "her private email server"
               for _, cue, content in _roles(text, run(text)))


def test_a_quotation_signed_with_a_dash_and_a_name_is_attributed_to_the_name(run) -> None:
    text = ("Readers wrote in.\n“He represents our greatest shame.” ― Sonya Herridge\n"
            "“He is ignorant of our culture and lives.”— Pamela Padilla, 34, Phoenix\n")
    roles = _roles(text, run(text))
    assert ("Sonya Herridge", "―", "“He represents our greatest shame.”") in roles
    assert ("Pamela Padilla", "—", "“He is ignorant of our culture and lives.”") in roles


def test_the_full_stop_after_a_signature_is_no_part_of_the_name(run) -> None:
    text = "Readers wrote in.\n“He shows no respect for anybody.” ― Carla Sanchez.\n"
    assert ("Carla Sanchez", "―", "“He shows no respect for anybody.”") in _roles(text, run(text))


def test_a_dash_that_goes_on_into_a_sentence_is_no_signature(run) -> None:
    text = ("“We will not leave,” — and then the crowd stayed in the square until late in the evening, singing "
            "and waving flags while the police watched from the corner.\n")
    assert not [r for r in _roles(text, run(text)) if r[1] in ("—", "―")]


def test_a_noun_cue_takes_its_clause_as_content_and_its_possessor_as_source(run) -> None:
    text = "Trump's proposal to ban Muslims from entering the country drew criticism from both parties."
    assert any(source == "Trump's" and cue == "proposal" and content == "to ban Muslims from entering the country"
               for source, cue, content in _roles(text, run(text)))


@pytest.mark.parametrize(("text", "source"), [
    ("Even some of his admirers said the speech went on far too long.", "some of his admirers"),
    ("The poll, released on Wednesday by the institute, found that most voters had made up their minds.",
     "The poll"),
    ("Thomas Hanify, the president of the firefighters union, said the members would vote next week.",
     "Thomas Hanify, the president of the firefighters union,"),
])
def test_a_source_is_trimmed_as_annotators_mark_it(run, text: str, source: str) -> None:
    assert source in [s for s, _, _ in _roles(text, run(text))]


@pytest.mark.parametrize("opening", ["But, according", "And according", "According"])
def test_according_to_after_an_opening_conjunction_takes_what_follows(run, opening: str) -> None:
    text = f"{opening} to the poll, 46 percent of Republican voters remain undecided."
    roles = [r for r in _roles(text, run(text)) if r[1].lower() == "according to"]
    assert roles == [("the poll", roles[0][1], "46 percent of Republican voters remain undecided")]


def test_according_to_ends_its_source_at_the_comma_where_the_parser_ran_on(run) -> None:
    # The parser reads "reeks" as a noun in apposition to the name, so the name's phrase runs to the full stop.
    text = ("The campaign asked the moderator to check the facts. According to conservative talk radio host "
            "Rush Limbaugh, the move reeks of fear and desperation.")
    roles = [r for r in _roles(text, run(text)) if r[1] == "According to"]
    assert roles == [("conservative talk radio host Rush Limbaugh", "According to",
                      "the move reeks of fear and desperation")]


def test_a_trailing_according_to_takes_the_clause_before(run) -> None:
    text = "Nearly nine million more workers should already be eligible, according to the department."
    roles = [r for r in _roles(text, run(text)) if r[1] == "according to"]
    assert roles == [("the department", "according to", "Nearly nine million more workers should already be eligible")]
