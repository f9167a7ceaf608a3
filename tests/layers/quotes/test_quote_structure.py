"""Quote structure: marks pairing, interrupted quotes, quotes running over paragraphs, vague sources."""

from __future__ import annotations

import pytest

from spinscope.document import Document
from spinscope.layers.nlp import NlpLayer, load_spacy
from spinscope.layers.quotes import QuotesLayer, attributions_of
from spinscope.layers.quotes.extract import (
    _carried,
    _outlet_notes,
    _relative_head,
    _rule_content,
    _said_first,
    _supposition,
    content_candidates,
    frame_for,
)
from spinscope.layers.quotes.marks import find_quotes
from spinscope.layers.quotes.resolve import Speaker, _holds
from spinscope.link.speakers import org_key, speaker_id
from spinscope.pipeline import Pipeline


@pytest.fixture(scope="module")
def spacy_nlp():
    return load_spacy()


@pytest.fixture(scope="module")
def run():
    pipeline = Pipeline([NlpLayer(), QuotesLayer()])
    return lambda text: pipeline(Document(text=text, source="test"))


def _sources(run, text: str) -> list[str]:
    """The source text of each attribution the pipeline finds in `text`, in order (those with a source)."""
    return [text[a.source[0][0]:a.source[-1][1]] for a in attributions_of(run(text)) if a.source]


def test_curly_and_straight_marks_pair_within_a_paragraph() -> None:
    text = 'He said “one thing” and then "another thing" today.'
    assert [text[q.start:q.end] for q in find_quotes(text)] == ["“one thing”", '"another thing"']


def test_typewriter_quotes_pair_and_apostrophes_do_not() -> None:
    # NYT copy in PolNeAR writes quotations as ''...''; a lone apostrophe must not open one.
    text = "he said, ''this has done nothing,'' and Obama's aides disagreed."
    assert [text[q.start:q.end] for q in find_quotes(text)] == ["''this has done nothing,''"]


def test_an_opening_mark_typed_where_the_closing_one_belongs_closes_the_quote() -> None:
    # '“...here,“ said' and '“...world“ and' (PolNeAR copy): the quote ends there, and the next one opens as usual.
    text = ("“It will create new problems for her here,“ said Jim Clyburn. “Very real ones.”\n\n"
            "He said the force is “the best in the world“ and “second to none.”")
    assert [text[q.start:q.end] for q in find_quotes(text)] == [
        "“It will create new problems for her here,“", "“Very real ones.”", "“the best in the world“",
        "“second to none.”"]


def test_a_closing_mark_typed_where_the_opening_one_belongs_opens_the_quote() -> None:
    # '”Fear. I am ...” ― Karen' and 'Doing so ”appeared to be ...”' (PolNeAR copy); a closing mark after a word
    # or before a space still closes.
    text = ("”Fear. I am truly afraid.” ― Karen Bobadilla\n\n"
            "Doing so ”appeared to be an attempt.” She said it was “fine” and ” not more.")
    assert [text[q.start:q.end] for q in find_quotes(text)] == [
        "”Fear. I am truly afraid.”", "”appeared to be an attempt.”", "“fine”"]


def test_a_signed_quotation_opened_by_a_closing_mark_is_attributed_to_the_signature(run) -> None:
    text = ("“Mr. Trump scares me.” ― Carla Sanchez\n\nGetty/Instagram.\n\n"
            "”Mr. Trump embodies the lasting legacy of racism in the United States.” ― Sonya Herridge\n")
    quotes = {q.text(text): q for q in run(text).spans("quotes")}
    signed = quotes["”Mr. Trump embodies the lasting legacy of racism in the United States.”"]
    assert signed.attrs["speaker"]["name"] == "Sonya Herridge"


def test_a_quote_closed_by_an_opening_mark_keeps_its_speaker(run) -> None:
    text = ("Democrats met on Monday.\n\n“It will create new problems for her here,“ said Jim Clyburn, a Democrat. "
            "“They are very real ones,” he added.")
    quotes = {q.text(text): q for q in run(text).spans("quotes")}
    first = quotes["“It will create new problems for her here,“"]
    assert first.label == "direct"
    assert first.attrs["speaker"]["name"] == "Jim Clyburn"
    assert quotes["“They are very real ones,”"].attrs["speaker"]["name"] == "Jim Clyburn"


def test_a_quote_that_runs_over_paragraphs_is_one_segment() -> None:
    text = '“First paragraph goes on\n\n“and the second one ends it.” Then prose.'
    segments = find_quotes(text)
    assert len(segments) == 1
    assert text[segments[0].start:segments[0].end].endswith("ends it.”")


def test_an_unclosed_quote_stops_at_the_paragraph_end() -> None:
    text = '“Never closed here\n\nPlain prose follows.'
    (segment,) = find_quotes(text)
    assert text[segment.start:segment.end] == "“Never closed here"
    assert not segment.closed


def test_a_quote_interrupted_by_its_attribution_is_one_quote(run) -> None:
    text = ('Officials met on Monday.\n\n"The talks were useful," Foreign Minister Ali Bagheri said, '
            '"and we will return next week."')
    doc = run(text)
    (quote,) = [q for q in doc.spans("quotes") if "talks" in q.text(text)]
    parts = [text[p["start"]:p["end"]] for p in quote.attrs["parts"]]
    assert parts == ['"The talks were useful,"', '"and we will return next week."']
    assert quote.label == "direct"
    assert quote.attrs["speaker"]["name"] == "Ali Bagheri"
    (speaker,) = doc.spans("speakers")
    assert speaker.attrs["roles"] == ["Foreign Minister"]


@pytest.mark.parametrize("speaker", ["he", "the spokesman"])
def test_a_quote_interrupted_by_a_pronoun_or_role_and_its_cue_is_one_quote(run, speaker: str) -> None:
    # The parser hangs "he said" on the second part; the content model took that part alone, and the first was lost.
    text = ('Foreign Ministry spokesman Nasser Kanaani spoke in Tehran on Monday.\n\n'
            f'"The regime is collapsing under its own weight," {speaker} said, "and its end is near."')
    (quote,) = [q for q in run(text).spans("quotes") if "near" in q.text(text)]
    parts = [text[p["start"]:p["end"]] for p in quote.attrs["parts"]]
    assert parts == ['"The regime is collapsing under its own weight,"', '"and its end is near."']
    assert quote.attrs["speaker"]["name"] == "Nasser Kanaani"


def test_a_quotation_inside_the_sentence_before_the_cue_is_not_its_first_part(spacy_nlp, run) -> None:
    # "medical problem" is what a box was labeled, not the first half of what the doctor typed.
    text = ('She was discharged in 2010.\n\nOn her discharge papers, in a box labeled “medical problem,” a doctor '
            'had typed “homicidal ideation.”')
    doc, quotes = spacy_nlp(text), find_quotes(text)
    (verb,) = [t for t in doc if t.text == "typed"]
    readings = content_candidates(doc, frame_for(doc, verb, quotes), quotes)
    assert any(len(c.frags) == 2 and "quotes" in c.kinds for c in readings)  # the reading exists, and is not taken
    (quote,) = [q for q in run(text).spans("quotes") if "ideation" in q.text(text)]
    assert quote.text(text) == "“homicidal ideation.”" and "parts" not in quote.attrs


def test_following_quote_paragraphs_belong_to_the_same_speaker(run) -> None:
    text = ('Senator John Smith spoke on Friday. "We will win this fight," he said. "The people are with us."'
            '\n\n"And they know it."\n\nThe vote is on Tuesday.')
    doc = run(text)
    (quote,) = doc.spans("quotes")
    assert text[quote.attrs["parts"][-1]["start"]:quote.attrs["parts"][-1]["end"]] == '"And they know it."'
    assert quote.attrs["speaker"]["name"] == "John Smith"
    (attribution,) = attributions_of(doc)
    assert len(attribution.content) == 3


def test_vague_source_is_unnamed_not_a_person(run) -> None:
    text = "Mahmoud Abbas spoke in Ramallah. Foreign media outlets have said the strikes demoralized the army."
    doc = run(text)
    (quote,) = [q for q in doc.spans("quotes") if "demoralized" in q.text(text)]
    speaker = quote.attrs["speaker"]
    assert text[speaker["start"]:speaker["end"]] == "Foreign media outlets"
    assert speaker["key"] is None and speaker["name"] is None
    assert quote.attrs["unnamed"] is True


@pytest.mark.parametrize(("text", "mention"), [
    ("\"It's Bernie's to lose at this point,\" added another New Hampshire Democrat.",
     "another New Hampshire Democrat"),
    ("A Republican said the bill would fail in the Senate.", "A Republican"),
    ("One Democrat said the vote was rigged.", "One Democrat"),
])
def test_one_unnamed_member_of_a_group_is_unnamed_not_the_group(run, text: str, mention: str) -> None:
    (quote,) = run(text).spans("quotes")
    speaker = quote.attrs["speaker"]
    assert text[speaker["start"]:speaker["end"]] == mention
    assert speaker["key"] is None and quote.attrs["unnamed"] is True


@pytest.mark.parametrize(("text", "key"), [
    ("Israel said the strikes would continue.", "org israel"),
    ("The Democrats said the bill would pass.", "org democrats"),
])
def test_a_country_or_party_itself_stays_a_speaker(run, text: str, key: str) -> None:
    (quote,) = run(text).spans("quotes")
    assert quote.attrs["speaker"]["key"] == key


def test_a_pronoun_refers_to_the_last_person_in_subject_position(run) -> None:
    # Regression: "he" went to the most recent person of any role, here the criticised one.
    text = "Khaled Qaddoumi criticized Benjamin Netanyahu on Friday. He said the occupation will end soon."
    doc = run(text)
    (quote,) = [q for q in doc.spans("quotes") if "occupation" in q.text(text)]
    assert quote.attrs["speaker"]["name"] == "Khaled Qaddoumi"


def test_a_surname_before_the_full_name_joins_it(run) -> None:
    # Regression: re-keying the surname-only speaker left stale keys behind (KeyError on PolNeAR dev).
    text = ("Qaddoumi said the siege must end. Israel rejected the call. "
            "Hamas representative Khaled Qaddoumi said the talks had failed. He said more protests would follow.")
    doc = run(text)
    keys = {q.attrs["speaker"]["key"] for q in doc.spans("quotes") if q.attrs["speaker"] and "Israel" not in
            text[q.attrs["speaker"]["start"]:q.attrs["speaker"]["end"]]}
    speakers = {s.attrs["key"]: s.attrs for s in doc.spans("speakers")}
    assert len(keys) == 1
    (key,) = keys
    assert speakers[key]["name"] == "Khaled Qaddoumi"


def test_a_name_inside_a_modifier_is_no_mention_of_the_person() -> None:
    from spacy.tokens import Span as SpacySpan

    from spinscope.layers.nlp import load_spacy
    from spinscope.layers.quotes.resolve import _is_mention

    doc = load_spacy().make_doc("A pro-Clinton group and Obama-era rules, said Hillary Clinton.")
    by_text: dict[str, int] = {}
    for t in doc:
        by_text.setdefault(t.text, t.i)  # first occurrence
    pro = SpacySpan(doc, by_text["pro"], by_text["Clinton"] + 1, label="PERSON")
    era = SpacySpan(doc, by_text["Obama"], by_text["era"] + 1, label="PERSON")
    name = SpacySpan(doc, by_text["Hillary"], by_text["Hillary"] + 2, label="PERSON")
    assert (pro.text, era.text) == ("pro-Clinton", "Obama-era")
    assert not _is_mention(pro) and not _is_mention(era)
    assert _is_mention(name)


def test_a_saying_clause_after_a_cue_is_its_own_attribution(run) -> None:
    # "urged ..., saying, “...”": the urging and the quotation are two attributions of one speaker, and the first
    # one's content stops before the participle.
    text = ("Former Secretary of State Madeleine Albright recently urged women to vote for Hillary Clinton, saying, "
            "“There’s a special place in hell for women who don’t help each other.”")
    doc = run(text)
    by_cue = {text[q.attrs["cue"]["start"] : q.attrs["cue"]["end"]]: q for q in doc.spans("quotes")}
    assert "saying" not in by_cue["recently urged"].text(text)
    saying = by_cue["saying"]
    assert saying.text(text).startswith("“There’s a special place")
    assert saying.attrs["speaker"]["name"] == "Madeleine Albright"


def test_what_is_said_by_saying_is_the_content_and_the_saying_joins_the_cue(run) -> None:
    # "responded by saying, “...”": the cue runs to the participle, whose words are the content, not "saying, ...".
    text = ("A Chinese official responded by saying Japan should be careful not to interfere.\n\n"
            "On Twitter, Mary Fallin responded Tuesday to one of the messages by saying, “Seriously, just stop.”")
    doc = run(text)
    by_cue = {text[q.attrs["cue"]["start"] : q.attrs["cue"]["end"]]: q for q in doc.spans("quotes")}
    assert by_cue["responded by saying"].text(text) == "Japan should be careful not to interfere"
    tweeted = by_cue["responded Tuesday to one of the messages by saying"]
    assert tweeted.text(text) == "“Seriously, just stop.”"
    assert tweeted.attrs["speaker"]["name"] == "Mary Fallin"


@pytest.mark.parametrize(("text", "source", "name", "content"), [
    ('Foreign Ministry spokesman Nasser Kanaani was quoted by IRNA as saying that the sanctions "have failed."',
     "Foreign Ministry spokesman Nasser Kanaani", "Nasser Kanaani", 'that the sanctions "have failed."'),
    ("Kanaani was cited by Tasnim as saying the sanctions had failed.", "Kanaani", "Kanaani",
     "the sanctions had failed"),
])
def test_the_one_quoted_as_saying_is_the_speaker_not_the_outlet(run, text: str, source: str, name: str,
                                                                 content: str) -> None:
    # State media relay officials this way; the outlet (the "by" agent of "quoted") used to be the speaker.
    doc = run(text)
    (quote,) = doc.spans("quotes")
    speaker = quote.attrs["speaker"]
    assert (text[speaker["start"]:speaker["end"]], speaker["name"]) == (source, name)
    assert text[quote.attrs["cue"]["start"]:quote.attrs["cue"]["end"]] == "saying"
    assert quote.text(text) == content


def test_an_outlet_that_quotes_someone_stays_the_source(run) -> None:
    # PolNeAR marks "CNN quoted an American witness as saying ..." with CNN as the source; so do we.
    text = "CNN quoted an American witness as saying he saw one person in the car."
    (quote, _) = run(text).spans("quotes")
    assert text[quote.attrs["speaker"]["start"]:quote.attrs["speaker"]["end"]] == "CNN"


def test_a_role_noun_takes_an_apposed_name_the_tagger_missed(run) -> None:
    # NER reads "Ebrahim Raisi" here as an organisation; apposed to "president" it is the speaker's name.
    text = "The Iranian president, Ebrahim Raisi, said the deal was dead. He added that talks were over."
    doc = run(text)
    assert [q.attrs["speaker"]["name"] for q in doc.spans("quotes")] == ["Ebrahim Raisi", "Ebrahim Raisi"]
    (raisi,) = doc.spans("speakers")
    assert raisi.attrs["roles"] == ["Iranian president"]


@pytest.mark.parametrize("text", [
    '"The enemy is in panic," the commander told Tasnim news agency on Tuesday.',
    "The minister met the president, Joe Biden, on Monday and said the talks went well.",
])
def test_a_role_noun_is_not_the_person_spoken_to_in_its_own_sentence(run, text: str) -> None:
    # A role noun with no name before it took the next person named, here the one spoken to or met.
    doc = run(text)
    (quote,) = doc.spans("quotes")
    assert quote.attrs["speaker"]["name"] is None and quote.attrs["speaker"].get("key") is None
    assert not doc.spans("speakers")


def test_a_role_noun_with_an_indefinite_article_is_someone_unnamed(run) -> None:
    # "A New York judge" passed for definite through its proper-noun modifier and took the next person named.
    text = "A New York judge said the file would stay sealed. The ruling angered Donald Trump."
    (said,) = [q for q in run(text).spans("quotes") if text[q.attrs["cue"]["start"]:q.attrs["cue"]["end"]] == "said"]
    assert said.attrs["speaker"]["name"] is None


def test_a_quotation_right_after_the_attributions_sentence_goes_on_with_the_quote(run) -> None:
    # PolNeAR joins such a quotation to the quote before it (dev content exact F1 0.528 -> 0.538 with this rule).
    text = '"The enemy is in panic," the commander told Tasnim news agency on Tuesday. "They know they cannot win."'
    (quote,) = run(text).spans("quotes")
    assert [text[p["start"]:p["end"]] for p in quote.attrs["parts"]] == [
        '"The enemy is in panic,"', '"They know they cannot win."']
    # Another sentence in between is someone else's turn.
    text = '"We will respond," he said in a statement. Critics disagreed. "This is madness," one said.'
    first = next(q for q in run(text).spans("quotes") if q.text(text) == '"We will respond,"')
    assert "parts" not in first.attrs


def test_a_cue_does_not_take_another_speakers_quote_from_the_sentence_before(run) -> None:
    # "disagreed" had nothing in its own sentence and took the sentence before, Abu Obaida's cue and all.
    text = '"We will never surrender," Hamas spokesman Abu Obaida said. Critics disagreed.'
    (quote,) = run(text).spans("quotes")
    assert quote.text(text) == '"We will never surrender,"'
    assert quote.attrs["speaker"]["name"] == "Abu Obaida"


@pytest.mark.parametrize(("lead", "cue", "content"), [
    ("The governor added:", "added:", "It is typical of her. She knows nothing, and the mouth never stops"),
    ("The governor added:", "added:", '"It is typical of her. She knows nothing, and the mouth never stops."'),
    ("Foreign Ministry spokesman Nasser Kanaani said in a statement:", "said",
     "The Islamic Republic of Iran strongly condemns the attack on the consulate"),
    # The object that announces the paragraph joins the cue (the content was "the following press statement").
    ("A spokesman for the Foreign Ministry released the following press statement on Tuesday:",
     "released the following press statement on Tuesday:",
     "The U.S. and the south Korean puppet forces have staged large-scale joint military exercises"),
    ("Rubio press secretary Brooke Sammon gave it the old college try, though, tweeting the following:",
     "tweeting the following:", "The energy here is incredible tonight"),
])
def test_a_cue_whose_line_ends_in_a_colon_takes_the_next_paragraph(run, lead: str, cue: str, content: str) -> None:
    # Without a clause of its own such a cue had nothing ("added:") or its adverbial ("in a statement") as content.
    text = f"{lead}\n\n{content}\n\nOther news followed on Monday.\n"
    quotes = run(text).spans("quotes")
    assert [(text[q.attrs["cue"]["start"]:q.attrs["cue"]["end"]], q.text(text)) for q in quotes] == [(cue, content)]


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("He went on to say that the resistance would not lay down its arms.", "went on to say",
     "that the resistance would not lay down its arms"),
    # The parser takes "to say" for an adverbial clause here, not a complement.
    ("Hamdan went on to say that the occupation had failed to achieve any of its goals.", "went on to say",
     "that the occupation had failed to achieve any of its goals"),
    ("The spokesman has continued to insist that the figures are false.", "has continued to insist",
     "that the figures are false"),
    # "took to X to warn" carries as "went on to say" (the cue was "took", its content "to warn that ...").
    ("Medvedev took to X to warn that Russia's patience was running out.", "took to X to warn",
     "that Russia's patience was running out"),
])
def test_went_on_to_say_is_one_cue(run, text: str, cue: str, content: str) -> None:
    # "went on" was the cue and "to say that ..." its content; PolNeAR marks the whole phrase as the cue.
    (quote,) = run(text).spans("quotes")
    assert (text[quote.attrs["cue"]["start"]:quote.attrs["cue"]["end"]], quote.text(text)) == (cue, content)


@pytest.mark.parametrize(("text", "name"), [
    ("An aide to Hillary Clinton said the campaign would not comment.", None),
    ("According to the official, who spoke to Al Mayadeen, dozens of fighters were killed.", None),
    ("A man who met Donald Trump at the rally said he was impressed.", None),
    ("His former business partner at Lenox, Lawrence B. Cummings, said the deal was fair.", "Lawrence B. Cummings"),
    ("A spokesman for Donald Trump, Hope Hicks, said the report was false.", "Hope Hicks"),
    ("An analysis by Lily Batchelder found that the plan would cost billions.", "Lily Batchelder"),
    ("Tulsa police Chief Chuck Jordan said the officer was on leave.", "Chuck Jordan"),
    # The parser hangs the holder of a role that heads a body on the body's name: the holder is the speaker.
    ("Leader of the Islamic Revolution Ayatollah Seyyed Ali Khamenei said the regime would be defeated.",
     "Ali Khamenei"),
    ("The head of the IAEA Rafael Grossi said inspectors had visited the site.", "Rafael Grossi"),
    ("The spokesman of President Putin said the talks were useful.", None),
])
def test_a_name_in_a_phrase_or_clause_after_the_source_noun_is_not_its_speaker(run, text: str, name: str | None):
    # The first person named anywhere in the source was its speaker: the one the aide works for, the one the
    # official spoke to. A name set off after the phrase, an author ("by"), or one after a title stays the speaker.
    (quote,) = run(text).spans("quotes")
    assert quote.attrs["speaker"]["name"] == name


def test_a_that_clause_hung_on_the_medium_is_the_content(run) -> None:
    # The parser hangs the clause on "statement"; the content was "in a statement that ...", medium and all.
    text = "Diaz-Canel's office said in a statement that the president had met the delegation."
    (quote,) = run(text).spans("quotes")
    assert quote.text(text) == "that the president had met the delegation"


def test_quoted_by_an_outlet_is_no_attribution_of_its_own(run) -> None:
    # "quoted" was a cue with the outlet as source and the name as content.
    text = "Nasser Kanaani, quoted by IRNA, said the sanctions were illegal."
    (quote,) = run(text).spans("quotes")
    assert (quote.text(text), quote.attrs["speaker"]["name"]) == ("the sanctions were illegal", "Nasser Kanaani")


def test_as_he_put_it_is_a_cue_with_its_it(run) -> None:
    # "put" alone was the cue and 'it, "..."' its content.
    text = 'As the spokesman put it, "the blockade is a crime against humanity."'
    (quote,) = run(text).spans("quotes")
    cue = quote.attrs["cue"]
    assert text[cue["start"]:cue["end"]] == "put it"
    assert quote.text(text) == '"the blockade is a crime against humanity."'


def test_a_relative_clause_that_reports_speech_is_its_own_attribution(run) -> None:
    # "who stressed that ..." was part of the source of "said", and no attribution at all.
    text = '"The resistance will continue," said Abu Marzouk, who stressed that the occupation would fail.'
    by_cue = {text[q.attrs["cue"]["start"]:q.attrs["cue"]["end"]]: q for q in run(text).spans("quotes")}
    said, stressed = by_cue["said"], by_cue["stressed"]
    assert text[said.attrs["speaker"]["start"]:said.attrs["speaker"]["end"]] == "Abu Marzouk"
    assert stressed.text(text) == "that the occupation would fail"
    assert text[stressed.attrs["speaker"]["start"]:stressed.attrs["speaker"]["end"]] == "who"
    assert stressed.attrs["speaker"]["name"] == "Abu Marzouk"


def test_a_relative_clause_that_only_describes_the_speaker_stays_in_the_source(run) -> None:
    text = '"The numbers do not add up," said Mr. Brown, who served as a senator for 36 years.'
    (quote,) = run(text).spans("quotes")
    speaker = quote.attrs["speaker"]
    assert text[speaker["start"]:speaker["end"]] == "Mr. Brown, who served as a senator for 36 years"


@pytest.mark.parametrize(("text", "content"), [
    ('Kanaani said of the American sanctions, "This is economic terrorism against the Iranian people."',
     '"This is economic terrorism against the Iranian people."'),
    ('Williams added about Carson: "He feels sorry for him because he really likes Mr. Trump."',
     '"He feels sorry for him because he really likes Mr. Trump."'),
    ('Stevie Wonder joked of the museum, "I haven\'t seen it yet, but I\'m going to."',
     '"I haven\'t seen it yet, but I\'m going to."'),
    ('Mr. Trump said of the episode, "I don\'t like it," adding that they have anger.', '"I don\'t like it,"'),
])
def test_a_quotation_after_the_phrase_on_the_cue_is_the_content(run, text: str, content: str) -> None:
    # The content was the phrase's object ("Carson", "the museum"), or the quotation's words without its marks.
    (quote, *_) = run(text).spans("quotes")
    assert (quote.text(text), quote.label) == (content, "direct")


def test_a_comma_set_participle_that_calls_or_urges_is_its_own_attribution(run) -> None:
    text = ("Foreign Ministry spokesman Nasser Kanaani on Monday condemned the attack, calling it a violation of "
            "international law.")
    by_cue = {text[q.attrs["cue"]["start"]:q.attrs["cue"]["end"]]: q.text(text) for q in run(text).spans("quotes")}
    assert by_cue == {"condemned": "the attack", "calling": "it a violation of international law"}


@pytest.mark.parametrize("text", [
    "IRNA reported that the talks would resume.",  # no entity: the speaker had no id
    "SANA said the talks would resume.",  # tagged a person: the speaker was a person "SANA"
])
def test_an_outlet_the_tagger_did_not_name_is_an_organisation_speaker(run, text: str) -> None:
    name = text.split()[0]
    doc = run(text)
    (quote,) = doc.spans("quotes")
    assert (quote.attrs["speaker"]["name"], quote.attrs["speaker"]["key"]) == (name, org_key(name))
    (speaker,) = doc.spans("speakers")
    assert (speaker.attrs["kind"], speaker.attrs["id"]) == ("organization", speaker_id(org_key(name)))


@pytest.mark.parametrize("text", [
    "Today said nothing about the talks.",  # one word of the table not in capitals
    "A senior official told the Star that the talks would resume.",
    "Officials of the ministry said the talks would resume.",
])
def test_a_word_that_is_also_an_outlets_name_is_no_outlet_speaker(run, text: str) -> None:
    for quote in run(text).spans("quotes"):
        speaker = quote.attrs["speaker"]
        assert speaker is None or speaker.get("name") not in ("Today", "Star")


def test_an_outlet_quoting_someone_as_saying_nests_the_one_quoted(run) -> None:
    # PolNeAR marks "IRNA quoted X as saying ..." as the outlet's attribution, content and all; what X said is now
    # X's own attribution nested in it (it was none: "saying" alone scores below the cue threshold).
    text = "IRNA quoted Kanaani as saying the sanctions had failed."
    by_cue = {text[q.attrs["cue"]["start"]:q.attrs["cue"]["end"]]: q for q in run(text).spans("quotes")}
    assert by_cue["quoted"].attrs["speaker"]["name"] == "IRNA"
    assert (by_cue["saying"].text(text), by_cue["saying"].attrs["speaker"]["name"]) == (
        "the sanctions had failed", "Kanaani")


def test_a_that_clause_hung_on_the_one_told_is_the_content(run) -> None:
    # The parser hangs the clause on "counterpart"; the content was "his Qatari counterpart that ...".
    text = "Amir-Abdollahian told his Qatari counterpart that Iran supports the ceasefire talks."
    (quote,) = run(text).spans("quotes")
    assert quote.text(text) == "that Iran supports the ceasefire talks"


@pytest.mark.parametrize(("text", "source"), [
    ("The Palestinian resistance movement Hamas said in a statement that the attack was a war crime.",
     "The Palestinian resistance movement Hamas"),
    ("The Iranian news agency IRNA reported that the talks had resumed.", "The Iranian news agency IRNA"),
])
def test_a_name_after_the_noun_it_names_keeps_the_noun_in_the_source(run, text: str, source: str) -> None:
    # The parser reads "[movement] [Hamas said ...]" as a relative clause, or gives "reported" two subjects; the
    # source was the name alone.
    (quote,) = run(text).spans("quotes")
    speaker = quote.attrs["speaker"]
    assert text[speaker["start"]:speaker["end"]] == source


def test_a_subject_in_an_earlier_paragraph_is_not_the_cues(run) -> None:
    # "X." ends a paragraph but reads as an initial, so the parser runs the sentence on into the next paragraph and
    # "added" took "the foreign minister" (the paragraph before) as its source.
    text = ('Cuban Foreign Minister Bruno Rodriguez denounced the new sanctions on Tuesday.\n\n'
            '"The blockade is a crime," the foreign minister wrote on X.\n\n'
            'Rodriguez added that Cuba would not give in to pressure.\n')
    by_cue = {text[q.attrs["cue"]["start"]:q.attrs["cue"]["end"]]: q for q in run(text).spans("quotes")}
    speaker = by_cue["added"].attrs["speaker"]
    assert (text[speaker["start"]:speaker["end"]], speaker["name"]) == ("Rodriguez", "Bruno Rodriguez")


@pytest.mark.parametrize(("text", "name"), [
    ("A statement by the Foreign Ministry said the decision was illegal.", "Foreign Ministry"),
    ("The Foreign Ministry's statement said the decision was illegal.", "Foreign Ministry"),
    ("A statement from Hamas said the attack was a war crime.", "Hamas"),
    ("According to a statement released by the Korean Central News Agency, the launch was a routine test.",
     "Korean Central News Agency"),
    ("A report published by the Pentagon on Friday said the strikes had hit their targets.", "Pentagon"),
])
def test_a_statement_issued_by_a_body_is_the_bodys(run, text: str, name: str) -> None:
    # The source's head is "statement", no organisation itself: the speaker was unnamed.
    (quote,) = run(text).spans("quotes")
    assert quote.attrs["speaker"]["name"] == name


@pytest.mark.parametrize(("text", "parts"), [
    # The words before a cue set off by commas inside the statement are its opening (the content lost its subject).
    ("The resistance, he said, would continue until the liberation of Palestine.",
     ["The resistance", "would continue until the liberation of Palestine"]),
    ("The blockade, Rodriguez stressed, is the main obstacle to development.",
     ["The blockade", "is the main obstacle to development"]),
    # Words that set the scene of the saying stay out.
    ('Asked about the ceasefire, Hamdan said, "We will not accept it."', ['"We will not accept it."']),
])
def test_a_statement_around_a_cue_set_off_by_commas_keeps_its_opening(run, text: str, parts: list[str]) -> None:
    (quote,) = [q for q in run(text).spans("quotes")
                if text[q.attrs["cue"]["start"]:q.attrs["cue"]["end"]] in ("said", "stressed")]
    frags = quote.attrs.get("parts") or [{"start": quote.start, "end": quote.end}]
    assert [text[p["start"]:p["end"]] for p in frags] == parts


@pytest.mark.parametrize(("text", "first", "second"), [
    ('Baghaei described the measures as "a clear violation of international law" and said Washington was '
     '"addicted to sanctions."', 'the measures as "a clear violation of international law"',
     'Washington was "addicted to sanctions."'),
    ("The minister noted that the talks had stalled, and added that Iran would not wait forever.",
     "that the talks had stalled", "that Iran would not wait forever"),
])
def test_a_cue_conjoined_to_another_ends_the_first_ones_content(run, text: str, first: str, second: str) -> None:
    # The first cue's content ran on over "and said ...", the second verb's own statement (or kept the "and").
    contents = [q.text(text) for q in run(text).spans("quotes")]
    assert contents == [first, second]


@pytest.mark.parametrize(("text", "source"), [
    # The comma closing an apposition right before the cue belongs to the source, though the parser left it out.
    ('Ali Vaez, the director of the Iran project at the Crisis Group, compared Trump to a coach at a basketball '
     'game who is "working the referees" in hopes that "they\'ll go easier" on him.',
     "Ali Vaez, the director of the Iran project at the Crisis Group,"),
    ("Scott's relatives watched it on Thursday, attorneys for the family said. In a statement, one of the "
     "family's lawyers, Ben Crump, said the videos show Scott calmly leaving his car.",
     "one of the family's lawyers, Ben Crump,"),
    # "on <date>" only dates the saying; a floating quantifier is no part of who spoke.
    ("The Sanders campaign on Monday also doubled down on its attacks, saying she was not qualified.",
     "The Sanders campaign"),
    ("Jeb Bush and Ted Cruz both said they would stay in the race.", "Jeb Bush and Ted Cruz"),
    # The parser gives the cue two subjects: a name and its apposition, a body and the title it gives.
    ('Brigadier General Abolfazl Shekarchi, the spokesman for the Iranian Armed Forces, also warned the US against '
     '"any miscalculation."', "Brigadier General Abolfazl Shekarchi, the spokesman for the Iranian Armed Forces,"),
    ("Iran's Supreme National Security Council (SNSC) Secretary Ali Akbar Ahmadian said on Tuesday that the "
     "Islamic Republic will not remain silent.",
     "Iran's Supreme National Security Council (SNSC) Secretary Ali Akbar Ahmadian"),
])
def test_a_source_is_marked_as_polnear_marks_it(run, text: str, source: str) -> None:
    quote = run(text).spans("quotes")[-1]
    speaker = quote.attrs["speaker"]
    assert text[speaker["start"]:speaker["end"]] == source


def test_a_participle_the_parser_hung_on_the_reported_clause_is_the_speakers_own_statement(run) -> None:
    # "adding" hung on "targeted": it was part of the content of "said" and no attribution.
    text = ("The Syrian Arab News Agency (SANA) said Israeli warplanes targeted several sites near Damascus, adding "
            "that air defenses intercepted most of the missiles.")
    quotes = {text[q.attrs["cue"]["start"]:q.attrs["cue"]["end"]]: q for q in run(text).spans("quotes")}
    assert quotes["said"].text(text) == "Israeli warplanes targeted several sites near Damascus"
    assert quotes["adding"].text(text) == "that air defenses intercepted most of the missiles"
    assert quotes["adding"].attrs["speaker"]["name"] == "Syrian Arab News Agency"


@pytest.mark.parametrize(("text", "outer", "inner"), [
    ('North Korean leader Kim Jong Un said the country would "never give up" its nuclear weapons, KCNA reported.',
     'North Korean leader Kim Jong Un said the country would "never give up" its nuclear weapons',
     'the country would "never give up" its nuclear weapons'),
    # The parser hangs "IRNA reported" inside the minister's clause: it was no attribution at all.
    ("The minister said the talks would resume next week, IRNA reported on Sunday.",
     "The minister said the talks would resume next week", "the talks would resume next week"),
])
def test_an_outlet_reporting_a_statement_at_the_end_of_the_sentence_frames_it(run, text: str, outer: str,
                                                                              inner: str) -> None:
    quotes = {text[q.attrs["cue"]["start"]:q.attrs["cue"]["end"]]: q.text(text) for q in run(text).spans("quotes")}
    assert quotes == {"reported": outer, "said": inner}


@pytest.mark.parametrize(("text", "name"), [
    # The tagger takes the movement's or the principal's name for a person too; the speaker is the one named last.
    ("Ansarullah spokesman Mohammed Abdulsalam said the attacks would continue.", "Mohammed Abdulsalam"),
    ("Hillary Clinton spoke in Ohio. Clinton spokesman Brian Fallon said the campaign would respond.",
     "Brian Fallon"),
    # ... also where the name is apposed to the role after a possessive.
    ("The Ansarullah movement's spokesman, Mohammed Abdulsalam, told Al Masirah TV that the operations would "
     "continue.", "Mohammed Abdulsalam"),
])
def test_a_spokesman_named_after_his_principal_is_the_speaker(run, text: str, name: str) -> None:
    quote = run(text).spans("quotes")[-1]
    assert quote.attrs["speaker"]["name"] == name


def test_a_family_name_written_first_joins_the_full_name(run) -> None:
    text = ("Chinese Premier Li Qiang on Wednesday called for deeper cooperation with Africa.\n\n"
            "China is willing to work with Kenya, Li said.")
    quote = run(text).spans("quotes")[-1]
    assert quote.attrs["speaker"]["name"] == "Li Qiang"



@pytest.mark.parametrize(("text", "source"), [
    # The one prompted or led to speak is the speaker, not the subject of the verb that prompted it.
    ("The strikes prompted the Foreign Ministry to warn that Tehran would respond to any aggression.",
     "the Foreign Ministry"),
    ("The attack led Iranian Foreign Minister Abbas Araghchi to declare that the talks were over.",
     "Iranian Foreign Minister Abbas Araghchi"),
    # A passive of feeling: the one who feels it holds the view (it had no source).
    ("Gaza residents were frustrated that the aid convoys had been turned back again.", "Gaza residents"),
    # A verb the tagger read as a noun ("show/NN") still has its subject (it had no source).
    ("Leaked documents from his 2019 tax return show he took a massive $916 million loss.",
     "Leaked documents from his 2019 tax return"),
])
def test_the_one_who_speaks_feels_or_shows_is_the_source(run, text: str, source: str) -> None:
    (attribution,) = [a for a in attributions_of(run(text)) if a.source]
    assert text[attribution.source[0][0]:attribution.source[0][1]] == source


@pytest.mark.parametrize(("text", "name", "first", "second"), [
    ("Foreign Ministry spokesman Nasser Kanaani said the talks would resume next week and stressed that Iran would "
     "not bow to pressure.", "Nasser Kanaani", "the talks would resume next week",
     "that Iran would not bow to pressure"),
    ("Chinese Foreign Ministry spokesperson Mao Ning said the two sides would hold talks soon and noted that China "
     "opposes unilateral sanctions.", "Mao Ning", "the two sides would hold talks soon",
     "that China opposes unilateral sanctions"),
])
def test_a_cue_the_parser_hung_inside_the_reported_clause_is_the_first_speakers(run, text: str, name: str,
                                                                              first: str, second: str) -> None:
    # The second verb's form is the first cue's, not the inner verb's: it was the statement of "the talks" (or
    # "the two sides") and part of the first content.
    quotes = run(text).spans("quotes")
    assert [q.text(text) for q in quotes] == [first, second]
    assert [q.attrs["speaker"]["name"] for q in quotes] == [name, name]


@pytest.mark.parametrize(("text", "source"), [
    # A closing quote mark the parser hung on the subject ('On "Al-Alam," MP ...'): no space opens the source.
    ('"The sanctions have failed," Kanaani said on Press TV\'s "The Debate."\n\nOn "Al-Alam," MP Ali Bagheri '
     "(Tehran), who chairs the security committee, described the talks as one of the most serious rounds yet.",
     "MP Ali Bagheri (Tehran), who chairs the security committee,"),
    # The words before an unclosed dash belong to another clause.
    ("The response was predictable - Ismail Haniyeh has vowed that the resistance would continue.",
     "Ismail Haniyeh"),
    # The parser took the object of "until" for the subject, with the speaker as its apposition (PolNeAR copy).
    ("With 50 days until the election, Minyon Moore, a senior adviser to the Clinton campaign, called Mr. Obama's "
     'remarks on Saturday "a true wake-up call" to his coalition of supporters.',
     "Minyon Moore, a senior adviser to the Clinton campaign,"),
    # An aside closed by its dash stays (the dash rule cuts only an unclosed one), and a dash joining words is none.
    ("Jason Sims — a teacher from Mount Pleasant — said the school was closed.",
     "Jason Sims — a teacher from Mount Pleasant —"),
    ("The Israel–Gaza ceasefire negotiator John Smith said the talks would resume.",
     "The Israel–Gaza ceasefire negotiator John Smith"),
])
def test_a_source_starts_at_the_speaker_not_at_words_the_parser_joined_to_it(run, text: str, source: str) -> None:
    sources = _sources(run, text)
    assert sources[-1] == source


@pytest.mark.parametrize(("text", "source"), [
    # A headline-like sentence whose verb the tagger read as a noun: the noun before it is its holder.
    ("Trump charges that Iran is funding the attacks.", "Trump"),
    ("Trump questions the fairness of the sanctions.", "Trump"),
    ("Tehran court rules against the detained tanker's owners.", "Tehran court"),
    # ... with the words the parser hung on the cue before that noun.
    ("The nearly 90-second ad slams Tehran for its nuclear programme.", "The nearly 90-second ad"),
    # A verb after an apposition's closing comma, read as a participle on the apposition's last noun.
    ("Mohammad Bagheri (Tehran), Kanaani's opponent in the upcoming parliamentary election, called Friday for "
     "releasing the detained sailors.",
     "Mohammad Bagheri (Tehran), Kanaani's opponent in the upcoming parliamentary election,"),
    ("Foreign Minister Hossein Amir-Abdollahian, Zarif's successor in the new government, called Monday for an end "
     "to the siege.",
     "Foreign Minister Hossein Amir-Abdollahian, Zarif's successor in the new government,"),
    # Not where the sentence has a verb of its own: the participle describes the noun, and its agent speaks.
    ("The snap election, called by the president in March, was won by the opposition.", "the president"),
])
def test_a_cue_the_parser_read_as_a_noun_or_a_participle_keeps_its_speaker(run, text: str, source: str) -> None:
    sources = _sources(run, text)
    assert sources == [source]


def _by_cue(run, text: str) -> dict[str, tuple[str | None, str]]:
    """Each attribution in `text` by its cue: its source and its content, as text."""
    return {" ".join(text[s:e] for s, e in a.cue): (" ".join(text[s:e] for s, e in a.source) or None,
                                                    " ".join(text[s:e] for s, e in a.content))
            for a in attributions_of(run(text))}


@pytest.mark.parametrize(("text", "content"), [
    # The parser hangs "earlier" or "on Monday" on "reported": they were part of the content.
    ("As TASS reported earlier, the Ukrainian side lost up to 300 servicemen in the area.",
     "the Ukrainian side lost up to 300 servicemen in the area"),
    ("As TASS reported on Monday, the Ukrainian side lost up to 300 servicemen in the area.",
     "the Ukrainian side lost up to 300 servicemen in the area"),
    # The clause before a trailing "as" frame, without its "as".
    ("The army lost 300 men, as TASS reported.", "The army lost 300 men"),
])
def test_an_as_clause_frames_the_clause_around_it(run, text: str, content: str) -> None:
    assert _by_cue(run, text) == {"reported": ("TASS", content)}


def test_an_as_clause_inside_its_clause_frames_both_sides_of_it(spacy_nlp) -> None:
    text = 'The result, as he later explained, was an "economic bubble" that could turn into a recession.'
    doc = spacy_nlp(text)
    frame = frame_for(doc, next(t for t in doc if t.text == "explained"))
    rule = _rule_content(doc, frame, find_quotes(text))
    assert [text[s:e] for s, e in rule.frags] == ["The result",
                                                   'was an "economic bubble" that could turn into a recession']


def test_a_speaker_and_cue_after_a_quotation_keep_their_quote_under_according_to(run) -> None:
    # The whole sentence before "according to" was that attribution's content, and "he said" no attribution.
    text = '"Our patience has limits," he said, according to the Kremlin\'s website.'
    assert _by_cue(run, text) == {"said": ("he", '"Our patience has limits,"'),
                                  "according to": ("the Kremlin's website", '"Our patience has limits," he said')}


def test_a_name_the_parser_hung_on_the_body_a_role_heads_is_the_roles_holder(run) -> None:
    # "Rear Admiral Alireza Tangsiri" is tagged an organisation and hung on "Navy": the speaker was the last person
    # named before ("Nasser Kanaani"), who took "commander of the IRGC Navy" as a role.
    text = ("Iranian Foreign Ministry spokesman Nasser Kanaani said Tehran would respond.\n\n"
            "Meanwhile, the commander of the IRGC Navy, Rear Admiral Alireza Tangsiri, said on Sunday that Iranian "
            "naval forces were fully prepared.")
    doc = run(text)
    speaker_of = {q.text(text): q.attrs["speaker"]["name"] for q in doc.spans("quotes")}
    assert speaker_of == {"Tehran would respond": "Nasser Kanaani",
                          "that Iranian naval forces were fully prepared": "Alireza Tangsiri"}
    speakers = {s.attrs["name"]: s.attrs["roles"] for s in doc.spans("speakers")}
    assert "commander of the IRGC Navy" in speakers["Alireza Tangsiri"]
    assert not any("IRGC" in role for role in speakers["Nasser Kanaani"])


def test_a_participle_after_a_dateline_the_parser_ran_into_the_headline_keeps_the_speaker(run) -> None:
    # The parser runs the headline into the lead and makes the dateline's "TEHRAN" the subject: "saying" had the
    # source "TEHRAN, Jan. 8 (IRNA)".
    text = ('Iran warns US against "adventurism" in Persian Gulf\n\n'
            'TEHRAN, Jan. 8 (IRNA) - Iranian Foreign Ministry spokesman Nasser Kanaani on Monday warned the United '
            'States against any "adventurism" in the Persian Gulf, saying Tehran would give a "crushing response" to '
            'any aggression.')
    found = _by_cue(run, text)
    assert found["saying"] == ("Iranian Foreign Ministry spokesman Nasser Kanaani",
                               'Tehran would give a "crushing response" to any aggression')
    assert found["warned"][0] == "Iranian Foreign Ministry spokesman Nasser Kanaani"


def test_an_aside_between_the_cue_and_what_was_said_is_no_part_of_it(run) -> None:
    text = "The US State Department claimed, without providing evidence, that Iran had supplied drones to Russia."
    assert _by_cue(run, text) == {"claimed": ("The US State Department", "that Iran had supplied drones to Russia")}


def test_a_supposition_is_nobodys_statement(run) -> None:
    # "Let's say" had the source "'s" and the cue "say" (PolNeAR train marks no "let's say" as a cue).
    text = "Let's say you think an undergraduate degree will cost $160,000 in 18 years."
    assert "say" not in _by_cue(run, text)
    doc = load_spacy()("Let us assume they win. Let me say this clearly.")
    assert [_supposition(t) for t in doc if t.lemma_ in ("assume", "say")] == [True, False]


def test_a_condition_the_parser_hung_on_a_trailing_cue_is_part_of_what_was_said(run) -> None:
    text = ("Russia is ready to resume talks with Ukraine if Kiev shows political will, Russian Foreign Minister "
            "Sergei Lavrov said on Monday.")
    assert _by_cue(run, text) == {"said": ("Russian Foreign Minister Sergei Lavrov",
                                           "Russia is ready to resume talks with Ukraine if Kiev shows political will")}


def test_a_pronoun_subject_of_a_passive_cue_is_a_reading_of_its_content(spacy_nlp) -> None:
    # TASS: "This was stated by ...": "This" points back at what was stated. A noun subject is no such reading
    # ("The plan was announced": the plan is what was announced of, not words said).
    for text, verb, reading in [
        ("This was stated by Russian Foreign Minister Sergei Lavrov at a press conference.", "stated", "This"),
        ("The attacks, which were claimed by the Islamic State, killed 130 people.", "claimed", "which"),
        ("The plan was announced by the ministry on Monday.", "announced", None),
    ]:
        doc = spacy_nlp(text)
        frame = frame_for(doc, next(t for t in doc if t.text == verb))
        found = [text[c.frags[0][0]:c.frags[-1][1]] for c in content_candidates(doc, frame, find_quotes(text))
                 if "dep:nsubjpass" in c.kinds]
        assert found == ([reading] if reading else [])


def test_the_noun_a_relative_clause_or_participle_of_saying_describes_is_a_reading_of_its_content(
        spacy_nlp) -> None:
    for text, verb in [
        ("The army claimed that the building housed a command center, a claim Hamas denied.", "denied"),
        ("Officials said most missiles were intercepted, a claim dismissed by Iranian sources.", "dismissed"),
    ]:
        doc = spacy_nlp(text)
        frame = frame_for(doc, next(t for t in doc if t.text == verb))
        found = [text[c.frags[0][0]:c.frags[-1][1]] for c in content_candidates(doc, frame, find_quotes(text))
                 if "relhead" in c.kinds]
        assert found == ["a claim"]
    # Guard: a relative pronoun stands for the noun, and is the reading ("which"), not the noun.
    doc = spacy_nlp("It was a claim, which Hamas denied.")
    assert _relative_head(next(t for t in doc if t.text == "denied")) is None


def test_a_title_the_tagger_took_into_a_name_is_a_role(run) -> None:
    # "Spokesperson Mao Ning" was a speaker of that name, and "Mao" a second speaker.
    text = ("Spokesperson Mao Ning made the remarks at a regular press briefing on Monday.\n\n"
            "Mao said the move seriously violates the one-China principle.\n\n"
            "Meanwhile, the spokesman for the Iranian Armed Forces, Brigadier General Abolfazl Shekarchi, said the "
            "operation had ended.")
    doc = run(text)
    speakers = {s.attrs["name"]: s.attrs["roles"] for s in doc.spans("speakers")}
    assert speakers["Mao Ning"] == ["Spokesperson"]
    assert "Spokesperson Mao Ning" not in speakers and "Mao" not in speakers
    # A role cut before a rank keeps no trailing comma.
    assert sorted(speakers["Abolfazl Shekarchi"]) == ["Brigadier General", "spokesman for the Iranian Armed Forces"]


def test_a_role_naming_another_country_or_body_is_not_the_last_persons(run) -> None:
    # "The Iranian president" and "Al Mayadeen correspondent" were Sergei Ryabkov, who took both as roles.
    text = ("Russian Deputy Foreign Minister Sergei Ryabkov said Moscow sees no grounds for optimism.\n\n"
            "The Iranian president urged Muslim countries to cut ties with Israel.\n\n"
            "Al Mayadeen correspondent reported that warplanes struck the town of Khiam.\n\n"
            "The top diplomat added that Moscow would respond.")
    doc = run(text)
    speaker_of = {q.text(text): (q.attrs["speaker"] or {}).get("name") for q in doc.spans("quotes")}
    assert speaker_of == {"Moscow sees no grounds for optimism": "Sergei Ryabkov",
                          "to cut ties with Israel": None,
                          "that warplanes struck the town of Khiam": None,
                          "that Moscow would respond": "Sergei Ryabkov"}
    roles = {s.attrs["name"]: s.attrs["roles"] for s in doc.spans("speakers")}
    assert roles["Sergei Ryabkov"] == ["Russian Deputy Foreign Minister", "top diplomat"]


def test_a_role_mention_is_the_person_titled_with_that_office_not_the_last_one_named(run) -> None:
    # "The minister" was the spokesman who spoke last (a known role of his, "spokesman", is no minister);
    # "The Republican nominee" after Hillary Clinton was Clinton (a nominee, but of the other party).
    text = ("Foreign Minister Hossein Amir-Abdollahian met his Qatari counterpart in Doha on Monday.\n\n"
            "Foreign Ministry spokesman Nasser Kanaani said the talks had been useful.\n\n"
            "The minister said Iran supports the ceasefire talks.\n\n"
            "Republican presidential nominee Donald Trump spoke in Ohio.\n\n"
            "Democratic presidential nominee Hillary Clinton said she would raise taxes on the rich.\n\n"
            "The Republican nominee said taxes were too high.\n\n"
            "The Democratic nominee added that the plan was fair.")
    doc = run(text)
    speaker_of = {q.text(text): (q.attrs["speaker"] or {}).get("name") for q in doc.spans("quotes")}
    assert speaker_of["Iran supports the ceasefire talks"] == "Hossein Amir-Abdollahian"
    assert speaker_of["taxes were too high"] == "Donald Trump"
    assert speaker_of["that the plan was fair"] == "Hillary Clinton"
    roles = {s.attrs["name"]: s.attrs["roles"] for s in doc.spans("speakers")}
    assert "minister" not in roles["Nasser Kanaani"]


@pytest.mark.parametrize(("role", "noun", "holds"), [
    ("Vermont senator", "senator", True),
    ("Texas Sen", "senator", True),  # "Sen. Ted Cruz"
    ("governor of New Jersey", "governor", True),
    ("British diplomat Sir", "diplomat", True),  # "British diplomat Sir Peter Westmacott"
    ("allies of the candidate", "candidate", False),
    ("Republican presidential candidate", "president", False),
])
def test_the_office_a_title_names_is_its_head(role: str, noun: str, holds: bool) -> None:
    speaker = Speaker("k", "person", "X Y", (0, 3))
    speaker.add_role(role, titled=True)
    assert _holds(speaker, noun) is holds


def test_a_role_taken_from_a_role_mention_makes_no_one_an_office_holder() -> None:
    # A role mention resolved to someone by falling back on the last person named may be wrong ("the Vermont
    # senator" for Hillary Clinton); only a title written beside the name makes its holder.
    speaker = Speaker("k", "person", "Hillary Clinton", (0, 15))
    speaker.add_role("Vermont senator")
    assert speaker.roles == ["Vermont senator"] and not _holds(speaker, "senator")


@pytest.mark.parametrize(("text", "expected"), [
    # TASS copy: "In his words" frames the clause after it as "according to him" would; it had no attribution.
    ('Sergei Ryabkov spoke on Tuesday. In his words, the West has crossed "all red lines."',
     ("his", "words", ['the West has crossed "all red lines."'])),
    # An aside: the words are both sides of it.
    ("Sanctions, in the words of the minister, are a weapon of the weak.",
     ("the minister", "in the words of", ["Sanctions", "are a weapon of the weak"])),
])
def test_in_someones_words_is_an_attribution_to_them(run, text: str, expected: tuple[str, str, list[str]]) -> None:
    found = [(text[a.source[0][0]:a.source[0][1]], text[a.cue[0][0]:a.cue[0][1]], [text[s:e] for s, e in a.content])
             for a in attributions_of(run(text)) if a.cue and "words" in text[a.cue[0][0]:a.cue[0][1]]]
    assert found == [expected]


def test_words_in_other_phrases_are_no_attribution(run) -> None:
    # Neither phrase is an "in X's words" frame (what the models make of "chose" is theirs to weigh).
    text = "In other words, the deal is dead. He chose his words carefully."
    found = attributions_of(run(text))
    assert not any("words" in text[s:e] for a in found for s, e in a.cue)
    assert not any(text[s:e] == "the deal is dead" for a in found for s, e in a.content)


def test_took_to_carries_only_after_to(spacy_nlp) -> None:
    doc = spacy_nlp("He took to Twitter to say thanks. He took the floor to say that it failed.")
    carried = [(t.text, _carried(t)) for t in doc if t.lemma_ == "take"]
    assert [(w, c.text if c is not None else None) for w, c in carried] == [("took", "say"), ("took", None)]


def test_according_to_after_a_paragraph_ending_in_a_quotation_takes_its_own_sentence(run) -> None:
    # The parser starts the sentence at the closing mark above: the content was that lone '"'.
    text = ('Hamas rejected the claim as "baseless propaganda."\n\n'
            "According to UN agencies, around 1.7 million people have been displaced.")
    assert _by_cue(run, text)["According to"] == ("UN agencies", "around 1.7 million people have been displaced")


def test_a_definite_noun_that_ends_an_organisations_name_is_that_organisation(run) -> None:
    # "the ministry" had no speaker; "The Iranian ministry" names another body and stays unnamed.
    text = ("The Russian Defense Ministry said on Monday that its forces had repelled seven attacks.\n\n"
            "Air defense systems destroyed 24 drones overnight, the ministry said.\n\n"
            "The Iranian ministry said it had summoned the envoy.")
    speaker_of = {q.text(text): (q.attrs["speaker"] or {}).get("name") for q in run(text).spans("quotes")}
    assert speaker_of == {"that its forces had repelled seven attacks": "Russian Defense Ministry",
                          "Air defense systems destroyed 24 drones overnight": "Russian Defense Ministry",
                          "it had summoned the envoy": None}


@pytest.mark.parametrize(("text", "source"), [
    # The parser hung the name on the place of a fronted phrase; an adverb before the cue hid it (no source).
    ("At a weekly briefing in Tehran, Nasser Kanaani, the spokesman of the Foreign Ministry, sharply told "
     "reporters that the sanctions had failed.",
     "Nasser Kanaani, the spokesman of the Foreign Ministry,"),
    # The same frame the parser reads the usual way ("also" joins the cue): unchanged.
    ("In a televised address in Moscow, Sergei Lavrov, the Russian foreign minister, also warned that the talks "
     "would collapse.",
     "Sergei Lavrov, the Russian foreign minister,"),
])
def test_a_speaker_the_parser_hung_on_a_fronted_phrase_is_found_past_an_adverb(run, text: str, source: str) -> None:
    assert _sources(run, text) == [source]


def test_a_participle_on_an_occasion_of_speaking_is_the_speakers(run) -> None:
    # "announcing" had the source "a weekly news conference"; a participle on another noun keeps that noun.
    text = ('"We will not retreat," Kanaani said at a weekly news conference announcing that Iran had summoned the '
            "British ambassador.\n\n"
            "Hamas leaders held a rally in Gaza condemning the blockade.\n\n"
            "Kanaani spoke for an hour. Ads attacking Britain ran all week.")
    by_cue = _by_cue(run, text)
    assert by_cue["announcing"][0] == "Kanaani"
    assert by_cue["condemning"][0] == "Hamas leaders"
    assert by_cue["attacking"][0] == "Ads"


def test_a_sentence_verb_the_parser_hung_inside_its_subject_cuts_the_subject_of_a_later_cue(run) -> None:
    # The parser headed the sentence with "saying" and hung "called" on "election": "saying" had the source up to
    # "sailors,", and "called Friday for" none before the rule for misread verbs.
    text = ("Mohammad Bagheri (Tehran), Kanaani's opponent in the upcoming parliamentary election, called Friday for "
            "releasing the detained sailors, as well, saying that transparency \"breaks down barriers.\"")
    source = "Mohammad Bagheri (Tehran), Kanaani's opponent in the upcoming parliamentary election,"
    by_cue = _by_cue(run, text)
    assert by_cue["called Friday for"][0] == source
    assert by_cue["saying"][0] == source


@pytest.mark.parametrize(("text", "expected"), [
    ('Kanaani spoke for an hour. Said Ellis: "I don\'t get the sense she\'s interested in tax reform."',
     ("Said", "Ellis", '"I don\'t get the sense she\'s interested in tax reform."')),
    ('Said Mr. Kanaani, "The sanctions have failed. They will fail again."',
     ("Said", "Mr. Kanaani", '"The sanctions have failed. They will fail again."')),
    ('Added Ismail Haniyeh, the head of the political bureau: "The resistance will continue."',
     ("Added", "Ismail Haniyeh, the head of the political bureau", '"The resistance will continue."')),
])
def test_a_sentence_that_opens_with_its_cue_names_the_speaker_after_it(run, text: str,
                                                                       expected: tuple[str, str, str]) -> None:
    cue, source, content = expected
    assert _by_cue(run, text)[cue] == (source, content)


def test_a_sentence_that_opens_with_a_verb_but_no_name_is_no_such_frame(spacy_nlp) -> None:
    doc = spacy_nlp("Said to be the largest in years, the rally filled the square. Added Costs, a new fee, ends soon. "
                    "Says Kanaani, the spokesman.")
    assert _said_first(doc, ()) == []


def test_a_cue_conjoined_to_another_is_a_statement_of_its_own(run) -> None:
    # "warned" lay inside the content of "said", so it needed the surer nested threshold and was no attribution.
    text = ("Kanaani said Iran would respond to any aggression and warned Washington against further sanctions.\n\n"
            "IRNA reported the talks had stalled, but Washington declined to comment.")
    by_cue = _by_cue(run, text)
    assert by_cue["said"] == ("Kanaani", "Iran would respond to any aggression")
    assert by_cue["warned"][0] == "Kanaani"
    assert by_cue["declined"] == ("Washington", "to comment")


def test_a_participle_that_opens_its_sentence_reads_its_content_in_its_own_clause(spacy_nlp) -> None:
    # "Lamenting their luck, Mexicans often say, ''...''": the content model took the main clause after the speaker
    # ("often say, ''Poor Mexico ...''"), a reading that no longer exists.
    text = ("Lamenting their luck, Mexicans often say, ''Poor Mexico, so far from God and so close to the United "
            "States.''")
    doc = spacy_nlp(text)
    frame = frame_for(doc, doc[0], find_quotes(text))
    readings = {text[c.frags[0][0]:c.frags[-1][1]] for c in content_candidates(doc, frame, find_quotes(text))}
    assert readings == {"their luck"}
    # A participle inside its sentence keeps every reading.
    text = "Mexicans, lamenting their luck, often say that Mexico is close to the United States."
    doc = spacy_nlp(text)
    frame = frame_for(doc, next(t for t in doc if t.text == "lamenting"), find_quotes(text))
    readings = {text[c.frags[0][0]:c.frags[-1][1]] for c in content_candidates(doc, frame, find_quotes(text))}
    assert "their luck" in readings and len(readings) > 1


def test_a_dateline_is_no_part_of_what_was_said(run) -> None:
    # The clause before a trailing cue ran from the paragraph's start, dateline and all.
    text = ("TEHRAN, Jan. 8 (IRNA) - Iran will never negotiate under pressure, the Foreign Ministry spokesman said.\n\n"
            "LOS ANGELES, Sept. 28 (UPI) — In a preview clip for the show, Blige sings a song to Hillary Clinton.\n\n"
            "Hamas (the movement) rejected the plan - a trap, in its view - on Monday, the official said.")
    contents = [q.text(text) for q in run(text).spans("quotes")]
    assert "Iran will never negotiate under pressure" in contents
    assert not any(c.startswith(("TEHRAN", "LOS ANGELES")) for c in contents)
    # A dash inside a sentence is no dateline.
    assert any(c.startswith("Hamas (the movement) rejected the plan") for c in contents)


def test_a_dateline_with_a_date_and_no_agency_is_no_part_of_what_was_said(run) -> None:
    # A place and a date before the dash, in capitals or not, with no agency's parenthesis: the content began with
    # "TEHRAN, Oct. 4 –".
    text = ("TEHRAN, Oct. 4 – The Islamic Republic will respond to any aggression, Foreign Ministry Spokesman "
            "Esmaeil Baghaei said on Monday.\n\n"
            "Gaza City, September 28, 2016 — The siege must end now, a Hamas spokesman said.\n\n"
            "The minister, in a rare move – and a bold one – said the talks were over.")
    contents = [q.text(text) for q in run(text).spans("quotes")]
    assert "The Islamic Republic will respond to any aggression" in contents
    assert "The siege must end now" in contents
    assert not any(c.startswith(("TEHRAN", "Gaza City")) for c in contents)


def test_a_cue_that_only_names_its_channel_runs_on_to_the_participle_that_says_what(run) -> None:
    # "issued" had the content "a statement Thursday" beside the participle's own attribution.
    text = ("Kanaani issued a statement Thursday, saying that Iran would not negotiate under pressure.\n\n"
            "Hamas chimed in on Twitter, saying the plan was \"a trap.\"\n\n"
            "Lavrov rejected the report, saying that it was false.")
    by_cue = _by_cue(run, text)
    assert by_cue["issued a statement Thursday, saying"] == ("Kanaani", "that Iran would not negotiate under pressure")
    assert by_cue["chimed in on Twitter, saying"] == ("Hamas", 'the plan was "a trap."')
    # A content that is more than a channel keeps its own attribution.
    assert by_cue["rejected"] == ("Lavrov", "the report")
    assert by_cue["saying"] == ("Lavrov", "that it was false")


def test_according_to_reads_its_content_in_its_own_paragraph(run) -> None:
    # The parser ran the sentence over the paragraph break: the content took in the quotation above, and "wrote"
    # lay inside it (no attribution).
    text = ('In an essay last week, Ivanka Trump acknowledged their uphill battle. "The number of households led by '
            'single mothers has doubled in the past three decades," she wrote, "and the majority of these women work '
            'in low-paying jobs without flexibility or benefits."\n\n'
            "About 9.9 million single mothers with young children live in the United States, according to federal "
            "statistics.")
    by_cue = _by_cue(run, text)
    assert by_cue["according to"] == (
        "federal statistics", "About 9.9 million single mothers with young children live in the United States")
    assert by_cue["wrote"][0] == "she"


def test_the_outlets_notes_on_an_article_hold_no_attribution(run) -> None:
    text = ("Kanaani said the talks had failed.\n\n"
            "Editor’s note: Donald Trump regularly\nincites\npolitical violence and is a serial liar who has\n"
            "repeatedly pledged to ban all Muslims — 1.6 billion members of an entire religion — from\n"
            "entering the U.S.\n\n"
            "Correction: An earlier version of this article misstated when the minister said the talks had failed.")
    assert _by_cue(run, text) == {"said": ("Kanaani", "the talks had failed")}
    # A bare label heads the rest of the text; a note ends where a new line starts in capitals.
    text = ("He said so.\nCORRECTION: Due to an editing error, it ran early.\nLavrov said so.\n\nCORRECTION:\n\n"
            "As published in the International New York Times.\n\nAn article on Monday misstated his title.")
    assert [text[s:e] for s, e in _outlet_notes(text)] == [
        "CORRECTION: Due to an editing error, it ran early.",
        "CORRECTION:\n\nAs published in the International New York Times.\n\nAn article on Monday misstated his title."]


def test_the_writers_word_to_the_reader_is_nobodys_statement(run) -> None:
    # An imperative that opens its sentence had the cue "Call" / "Don't forget" and no source.
    text = ("Call it the politics of pique.\n\n"
            "Don't forget that the ministry denied the report.\n\n"
            "Read the rest of the story at IRNA.\n\n"
            '"Read my lips," Kanaani said. Lavrov urged Washington to return to the talks.')
    by_cue = _by_cue(run, text)
    assert not {"Call", "Don't forget", "Read"} & set(by_cue)
    assert by_cue["said"] == ("Kanaani", '"Read my lips,"')
    assert by_cue["urged"][0] == "Lavrov"


def test_a_reporters_credit_line_that_closes_an_article_holds_no_attribution(run) -> None:
    text = ("Kanaani said the talks had failed.\n\n"
            "Julie Hirschfeld Davis reported from Midway Atoll, and Mark Landler from Kaneohe Bay, Hawaii.")
    assert _by_cue(run, text) == {"said": ("Kanaani", "the talks had failed")}
    # Inside an article, and with what was reported, it is an attribution.
    text = "Al Jazeera reported from Gaza that 20 people were killed overnight.\n\nThe ministry said so."
    assert _by_cue(run, text)["reported"] == ("Al Jazeera", "that 20 people were killed overnight")


def test_a_headline_cue_does_not_read_the_paragraph_under_it(run) -> None:
    # "Shows" took the paragraph under the headline as its content (source "Husband Shot Officers,").
    text = ("Ohio Cop Killing Suspect’s Wife Hid in Bushes While Husband Shot Officers, 911 Call Shows\n\n"
            "The wife of the Ohio man suspected of killing two police officers on Saturday hid in the bushes.\n\n"
            "The governor added:\n\nIt’s typical of her. She knows nothing.")
    by_cue = _by_cue(run, text)
    # Parsed in sentence case, the headline says what the call shows, and its content stays on its own line.
    source, content = by_cue["Shows"]
    assert source == "911 Call" and content.startswith("Ohio Cop Killing") and "\n" not in content
    # After a colon, what was said may start on the next line.
    assert by_cue["added:"] == ("The governor", "It’s typical of her. She knows nothing")


def test_a_title_case_headline_says_who_said_what(run) -> None:
    # The parse of the headline as written had no verb in it ("Rejects" a proper noun), so no attribution.
    text = ("Iran Rejects US Claims Over Tanker Seizure In Strait Of Hormuz\n\n"
            "TEHRAN - Iran's foreign ministry spokesman Nasser Kanaani rejected on Monday the claims made by the "
            "United States about the tanker. Kanaani said the ship had violated international rules.")
    by_cue = _by_cue(run, text)
    assert by_cue["Rejects"] == ("Iran", "US Claims Over Tanker Seizure In Strait Of Hormuz")
    assert by_cue["said"] == ("Kanaani", "the ship had violated international rules")
    text = ("Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud.’\n\n"
            "The lawmakers said on Wednesday that his attacks on the president had been a fraud for years.")
    assert _by_cue(run, text)["Rip"] == ("Black Lawmakers", "Donald Trump As A ‘Disgusting Fraud.’")


PRESS_TV_LEAD = ("Iran warns Israel against any 'miscalculation'\n\n"
                 "Iran's Armed Forces chief of staff has warned the Israeli regime against any miscalculation, saying "
                 "the Islamic Republic's response would be \"crushing.\"\n\n"
                 "Major General Mohammad Bagheri made the remarks on Sunday in a meeting with senior commanders in "
                 "Tehran, Press TV reported.\n\n"
                 "Hezbollah Secretary General Sayyed Hassan Nasrallah said the resistance front was united.")


def test_a_lead_role_under_a_headline_is_the_person_named_next(run) -> None:
    # The parser ran the headline into the lead, so "Iran's Armed Forces chief of staff" had no speaker id; and
    # "made the remarks" was an attribution of its own, with "the remarks on Sunday" as what was said.
    doc = run(PRESS_TV_LEAD)
    said = {PRESS_TV_LEAD[q.start:q.end]: q.attrs["speaker"] for q in doc.spans("quotes")}
    lead = next(s for content, s in said.items() if content.startswith("the Islamic Republic"))
    assert (PRESS_TV_LEAD[lead["start"]:lead["end"]], lead["name"]) == (
        "Iran's Armed Forces chief of staff", "Mohammad Bagheri")
    assert not any(content.startswith("the remarks") for content in said)


@pytest.mark.parametrize(("text", "kept"), [
    ("Obama made the comments just before ending a three-day trip to Vietnam.", False),
    ("McCain made his remarks during the Christian Monitor Breakfast this morning.", False),
    # Guards: what "made" names here is what was said.
    ("Trump made comments about the possibility of voter fraud.", True),
    ("Christie has been making the case that Rubio is not ready for the White House.", True),
])
def test_made_the_remarks_says_when_not_what(run, text: str, kept: bool) -> None:
    assert bool(doc_quotes := list(run(text).spans("quotes"))) == kept, doc_quotes


def test_secretary_general_is_one_title(run) -> None:
    doc = run(PRESS_TV_LEAD)
    (nasrallah,) = [s.attrs for s in doc.spans("speakers") if s.attrs["name"] == "Hassan Nasrallah"]
    # "General" closed the title as a rank: "Hezbollah Secretary" and "General Sayyed".
    assert nasrallah["roles"] == ["Hezbollah Secretary General", "Sayyed"]


@pytest.mark.parametrize(("text", "content"), [
    ("The Lebanese resistance leader added that at least 40 Israeli soldiers had been killed in recent clashes, "
     "a claim the Israeli military denied.", "that at least 40 Israeli soldiers had been killed in recent clashes"),
    ("She said the sanctions had failed, a view shared by many economists.", "the sanctions had failed"),
    # Guards: the comment inside a quotation is the speaker's, and an apposition that sums nothing up stays.
    ('He said the deal was "a disaster, a claim nobody believes."',
     'the deal was "a disaster, a claim nobody believes."'),
    ("She said the money went to Hamas, a group that rules Gaza.", "the money went to Hamas, a group that rules Gaza"),
])
def test_the_writers_comment_on_a_statement_is_not_part_of_it(run, text: str, content: str) -> None:
    doc = run(text)
    assert [text[q.start:q.end] for q in doc.spans("quotes")][0] == content


def test_the_role_of_an_unnamed_source_stays_unnamed(run) -> None:
    # "the spokesman" went to Kim Yo Jong, the first person named after it, though it points back to the unnamed
    # "A spokesman for the Foreign Ministry" (and Kim Yo Jong took "spokesman" among her roles).
    text = ("Pyongyang, March 14 (KCNA) -- A spokesman for the Foreign Ministry released a press statement on "
            "Tuesday.\n\n"
            "This is an open declaration of war against the DPRK, the spokesman said.\n\n"
            "Kim Yo Jong, vice department director of the Central Committee, also issued a press statement.\n\n"
            '"The U.S. should stop its reckless military provocations," she said.')
    doc = run(text)
    said = {text[q.attrs["speaker"]["start"]:q.attrs["speaker"]["end"]]: q.attrs["speaker"].get("name")
            for q in doc.spans("quotes")}
    assert said["the spokesman"] is None
    assert said["she"] == "Kim Yo Jong"
    (kim,) = [s.attrs for s in doc.spans("speakers")]
    assert kim["roles"] == ["vice department director of the Central Committee"]
    # Guard: a person named after the unnamed one is who a later role mention points back to.
    text = ("A spokesman for the ministry said the talks had failed.\n\n"
            "Foreign Ministry spokesman Nasser Kanaani spoke on Monday. The spokesman said the talks would go on.")
    said = {text[q.attrs["speaker"]["start"]:q.attrs["speaker"]["end"]]: q.attrs["speaker"].get("name")
            for q in run(text).spans("quotes")}
    assert said["The spokesman"] == "Nasser Kanaani"


@pytest.mark.parametrize("medium", ["on Telegram", "on his Telegram channel"])
def test_the_platform_a_statement_was_posted_on_is_not_what_it_says(run, medium: str) -> None:
    # The content was "Telegram": the platform, where the statement is the clause before the cue.
    text = ("Ukrainian forces shelled the Russian city of Belgorod on Saturday, killing at least 24 people, including "
            f"three children, and injuring 108 others, regional governor Vyacheslav Gladkov wrote {medium}.")
    (quote,) = run(text).spans("quotes")
    assert quote.text(text).startswith("Ukrainian forces shelled the Russian city of Belgorod")
    assert quote.attrs["speaker"]["name"] == "Vyacheslav Gladkov"


@pytest.mark.parametrize(("text", "name"), [
    # A state's body named by its country or people is an organisation speaker (it had no id, so its claims were
    # credited to the outlet).
    ("The Israeli army said it had struck more than 100 targets.", "Israeli army"),
    ("The Syrian regime said the attack was staged.", "Syrian regime"),
    # Guards: a body of no named state, and one member of a body, stay unnamed.
    ("The army said it had withdrawn.", None),
    ("A Syrian army officer said the town had fallen.", None),
])
def test_a_states_body_is_an_organisation_speaker(run, text: str, name: str | None) -> None:
    (quote,) = run(text).spans("quotes")
    assert quote.attrs["speaker"].get("name") == name


def test_the_body_named_again_is_the_same_speaker(run) -> None:
    text = "The Israeli army said it had struck 100 targets. The army said the strikes would go on."
    doc = run(text)
    assert [q.attrs["speaker"].get("key") for q in doc.spans("quotes")] == [org_key("Israeli army")] * 2


def test_an_abbreviation_given_beside_a_name_is_the_same_speaker(run) -> None:
    # "the NBS" was a speaker of its own beside "National Bureau of Statistics".
    text = ("China's economy grew 5.2 percent in 2023, the National Bureau of Statistics (NBS) said on Wednesday.\n\n"
            "China's population fell by 2.08 million at the end of 2023, the NBS said.")
    doc = run(text)
    assert {q.attrs["speaker"]["name"] for q in doc.spans("quotes")} == {"National Bureau of Statistics"}
    (bureau,) = [s.attrs for s in doc.spans("speakers")]
    assert "NBS" in bureau["aliases"]


def test_a_places_own_body_heading_a_colon_line_is_its_speaker(run) -> None:
    # "Yemen's Ansarallah: ..." was no attribution: the tagger labels both names places, and a place alone heads
    # lists ("Iowa: Tim Albrecht, ...").
    text = "Yemen's Ansarallah: We will continue operations until the aggression stops\n\nThe group spoke on Saturday."
    (quote,) = run(text).spans("quotes")
    assert (quote.text(text), quote.attrs["speaker"]["name"]) == (
        "We will continue operations until the aggression stops", "Ansarallah")
    assert not list(run("Iowa: Tim Albrecht, Joni Ernst\n\nMore news followed.").spans("quotes"))


def _part(text: str, quote, role: str) -> str:
    """The words of a quote's cue or speaker."""
    return text[quote.attrs[role]["start"]:quote.attrs[role]["end"]]


def test_a_headlines_closing_participle_is_no_cue(run) -> None:
    # "material damage reported" was an attribution with "material damage" its speaker.
    text = ("Israeli aggression on Damascus countryside, material damage reported\n\n"
            "A military source said the losses were limited to material damage.")
    doc = run(text)
    assert [_part(text, q, "cue") for q in doc.spans("quotes")] == ["said"]
    # A name still reports at a headline's end, and a body sentence's "X reported" is still a cue.
    named = "Israeli strikes hit Damascus countryside, SANA reported\n\nThe agency gave no figures."
    assert [_part(named, q, "speaker") for q in run(named).spans("quotes")] == ["SANA"]
    body = "Five people were killed in the strikes, the ministry reported."
    assert [_part(body, q, "cue") for q in run(body).spans("quotes")] == ["reported"]


def test_the_statement_named_again_is_its_issuers(run) -> None:
    # "the statement read" had no speaker, so the figures it gave were the outlet's.
    text = ("The Russian Defense Ministry said in a statement on Tuesday that its forces had repelled seven attacks. "
            "The Ukrainian army lost up to 250 servicemen in this direction, the statement read.")
    doc = run(text)
    assert [q.attrs["speaker"].get("name") for q in doc.spans("quotes")] == ["Russian Defense Ministry"] * 2
    # A statement no named speaker issued stays unnamed, and so does a statement someone else's.
    unnamed = ("A military source said in a statement that most missiles were shot down. "
               "The losses were limited, the statement added.")
    assert [q.attrs["speaker"].get("name") for q in run(unnamed).spans("quotes")] == [None, None]


def test_a_body_named_again_in_capitals_is_the_same_speaker(run) -> None:
    # "the Foreign and Expatriates Ministry" was named "Expatriates Ministry", and "the Ministry" was no one.
    text = ("The Syrian Arab Republic has repeatedly called on the UN Security Council to condemn the Israeli attacks, "
            "which the Foreign and Expatriates Ministry described as \"a flagrant violation of international law.\"\n\n"
            "In a letter to the UN Secretary-General, the Ministry said the aggression \"endangers regional and "
            "international peace and security.\"")
    names = [q.attrs["speaker"].get("name") for q in run(text).spans("quotes")]
    assert names[-2:] == ["Foreign and Expatriates Ministry"] * 2


@pytest.mark.parametrize("headline, source, name", [
    ("Russian Forces Repel 7 Ukrainian Attacks in Donetsk Direction - MoD", "MoD", "MoD"),
    ("West seeks to prolong conflict in Ukraine \u2014 Kremlin", "Kremlin", "Kremlin"),
])
def test_a_headlines_source_after_its_dash(run, headline: str, source: str, name: str) -> None:
    text = f"{headline}\n\nMOSCOW, March 3 - The fighting went on through the night."
    (quote,) = run(text).spans("quotes")
    assert (quote.text(text), _part(text, quote, "speaker"), quote.attrs["speaker"]["name"]) == (
        headline.rsplit(" ", 2)[0], source, name)


def test_a_surname_after_a_headlines_dash_is_the_person_named_below(run) -> None:
    text = ("Russia will respond to any deployment of US missiles in Europe \u2014 Lavrov\n\n"
            "MOSCOW, June 5. /TASS/. Russia will take measures in response, Russian Foreign Minister Sergey Lavrov "
            "said on Wednesday.")
    names = [q.attrs["speaker"]["name"] for q in run(text).spans("quotes")]
    assert names == ["Sergey Lavrov", "Sergey Lavrov"]


def test_a_headlines_source_after_its_colon_is_the_role_named_below(run) -> None:
    # Xinhua's "...: FM spokesperson" was no attribution.
    text = ("China firmly opposes US sanctions on Chinese firms: FM spokesperson\n\n"
            "BEIJING, May 2 (Xinhua) -- China firmly opposes the U.S. sanctions on Chinese companies, Chinese Foreign "
            "Ministry spokesperson Mao Ning said on Thursday.")
    first = next(iter(run(text).spans("quotes")))
    assert (first.text(text), _part(text, first, "speaker"), first.attrs["speaker"]["name"]) == (
        "China firmly opposes US sanctions on Chinese firms", "FM spokesperson", "Mao Ning")


def test_a_place_after_a_headlines_dash_is_the_government_named_below(run) -> None:
    text = ("Kiev lost over 2,000 troops in a week - Moscow\n\n"
            "Moscow also claimed to have destroyed 14 German-made Leopard tanks during the same period.")
    first = next(iter(run(text).spans("quotes")))
    assert (first.text(text), first.attrs["speaker"]["name"]) == ("Kiev lost over 2,000 troops in a week", "Moscow")


def test_a_pages_site_name_after_a_dash_is_no_source(run) -> None:
    text = "Iran warns Israel against any miscalculation - Tehran Times\n\nThe warning came on Sunday."
    assert [q.attrs["speaker"]["name"] for q in run(text).spans("quotes")] == ["Iran"]


def test_a_family_name_the_tagger_takes_for_a_body_is_the_person(run) -> None:
    # "Wang said" was a speaker of its own, an organisation, beside "Wang Wenbin".
    text = ("Foreign Ministry spokesperson Wang Wenbin made the remarks at a daily press briefing.\n\n"
            "\"The U.S. side should abide by the one-China principle and the three China-U.S. joint communiques,\" "
            "Wang said.")
    (quote,) = run(text).spans("quotes")
    assert quote.attrs["speaker"]["name"] == "Wang Wenbin"


def test_a_body_set_off_as_an_apposition_is_the_speaker_and_known_by_the_phrase_before_it(run) -> None:
    # "The Islamic Resistance in Lebanon, Hezbollah," had no speaker id (the tagger took the phrase for a title),
    # and "the Resistance" was a body of its own.
    text = ("The Islamic Resistance in Lebanon, Hezbollah, announced on Monday that its fighters had targeted five "
            "Israeli military positions.\n\n"
            'In a series of statements, the Resistance said the operations came "in support of our people."')
    doc = run(text)
    assert [q.attrs["speaker"].get("name") for q in doc.spans("quotes")] == ["Hezbollah", "Hezbollah"]
    (hezbollah,) = [s.attrs for s in doc.spans("speakers")]
    assert "Islamic Resistance in Lebanon" in hezbollah["aliases"]


def test_an_attack_on_positions_is_no_cue(run) -> None:
    # "Hezbollah targets Israeli positions" was an attribution with content "Israeli positions on Lebanese border".
    text = "Hezbollah targets Israeli positions on Lebanese border\n\nThe group gave no figures."
    assert not list(run(text).spans("quotes"))
    # Guard: words aimed at a person still are ("an ad that targets Trump" is a cue in PolNeAR).
    ad = "The campaign targets Clinton in a new ad, saying she lied."
    assert [_part(ad, q, "cue") for q in run(ad).spans("quotes")] == ["targets", "saying"]


def test_the_words_before_said_on_x_are_its_content(run) -> None:
    # "the ministry said on X." had content "on X.": the tokenizer kept "X." as an initial, so the sentence ran on.
    text = ("The terrorists were neutralized in the Claw-Lock operation zone, the ministry said on X. "
            "Officials gave no names.")
    (quote,) = run(text).spans("quotes")
    assert (quote.text(text), _part(text, quote, "cue")) == (
        "The terrorists were neutralized in the Claw-Lock operation zone", "said")
    assert [s.text(text) for s in run(text).spans("sentences")][-1] == "Officials gave no names."


def test_a_nations_body_keeps_its_country_the_tagger_left_off(run) -> None:
    # "the UK Ministry of Defence" was named "Ministry of Defence", one speaker with any other country's.
    text = "Earlier, the UK Ministry of Defence said that Russian casualties had averaged around 1,000 per day."
    (quote,) = run(text).spans("quotes")
    assert quote.attrs["speaker"]["name"] == "UK Ministry of Defence"


def test_a_role_naming_a_country_is_the_person_titled_so(run) -> None:
    # "The top Iranian diplomat" was "Muscat" (a city the tagger took for a person, the subject before it), and
    # "The Omani foreign minister" was no one, though "his Omani counterpart Sayyid Badr Albusaidi" named him.
    text = ("Speaking at a meeting with his Omani counterpart Sayyid Badr Albusaidi in Tehran on Sunday, Iranian "
            "Foreign Minister Hossein Amir-Abdollahian said that Iran is ready to reach an agreement.\n\n"
            "The Omani foreign minister, for his part, said Muscat will continue its efforts.\n\n"
            "The top Iranian diplomat also said that nearly 4 million Afghan refugees live in Iran.")
    names = [q.attrs["speaker"].get("name") for q in run(text).spans("quotes")]
    assert names == ["Hossein Amir-Abdollahian", "Badr Albusaidi", "Hossein Amir-Abdollahian"]


def test_a_headlines_office_acronym_is_the_holder_named_below(run) -> None:
    text = ("Iran's FM: Western sanctions are crime against humanity\n\n"
            "Iranian Foreign Minister Hossein Amir-Abdollahian has said that the sanctions are a crime.")
    first = next(iter(run(text).spans("quotes")))
    assert (_part(text, first, "speaker"), first.attrs["speaker"]["name"]) == ("Iran's FM", "Hossein Amir-Abdollahian")
    # Another country's foreign minister is not him.
    other = "Russia's FM: talks are over\n\nIranian Foreign Minister Hossein Amir-Abdollahian said talks were over."
    assert next(iter(run(other).spans("quotes"))).attrs["speaker"].get("name") is None


def test_a_participle_after_a_relative_clause_is_the_main_clauses(run) -> None:
    # "calling it a pack of lies" was the US State Department's, the subject of the report's relative clause.
    text = ("Chinese experts on Monday slammed a report released by the US State Department which claimed that more "
            'than 1 million people had been detained in Xinjiang, calling it "a pack of lies fabricated by anti-China '
            'forces."')
    doc = run(text)
    assert [(_part(text, q, "cue"), _part(text, q, "speaker")) for q in doc.spans("quotes")] == [
        ("slammed", "Chinese experts"), ("claimed", "which"), ("calling", "Chinese experts")]


#: A Global Times report, in that outlet's style (written for these tests), paragraph by paragraph.
GLOBAL_TIMES_XINJIANG = [
    "Chinese experts refute US report on Xinjiang as 'lies'",
    'Chinese experts on Monday slammed a report released by the US State Department which claimed that '
    'more than 1 million people had been detained in Xinjiang, calling it "a pack of lies fabricated by '
    'anti-China forces."',
    'Li Haidong, a professor at the China Foreign Affairs University, told the Global Times that the '
    'report "has no factual basis at all."',
    'The so-called report cited figures from Adrian Zenz, a German researcher whose work has been widely '
    'questioned, Li said.',
    'Chinese Foreign Ministry spokesperson Wang Wenbin said at a routine press conference on Monday that '
    'the population of Uygurs in Xinjiang had grown by 25 percent over the past decade, reaching 11.6 '
    'million in 2020.',
    '"Is there any genocide in the world in which the population increases?" Wang asked.',
    "According to official data, Xinjiang's GDP grew 7 percent year-on-year in the first three quarters.",
]


def test_a_report_named_in_the_next_paragraph_is_not_the_speakers_above(run) -> None:
    # The parser ran Li's sentence, which ends in a quotation mark, into the next paragraph, so "The so-called
    # report" there was Li's statement, and Li the speaker of what the report cited.
    text = "\n\n".join(GLOBAL_TIMES_XINJIANG)
    cited = [q for q in run(text).spans("quotes") if _part(text, q, "cue") == "cited"]
    assert [q.attrs["speaker"]["name"] for q in cited] == ["US State Department"]


def test_a_dateline_without_a_dash_is_not_the_source(run) -> None:
    # Prensa Latina's "Havana, Oct 30 (Prensa Latina) Cuban Foreign Minister ..." gave the dateline as part of the
    # source and of the role, and the agency (a person to the tagger) as who "the minister" was.
    text = ("Havana, Oct 30 (Prensa Latina) Cuban Foreign Minister Bruno Rodriguez affirmed on Wednesday that the "
            "blockade caused damages worth 5 billion dollars.")
    (quote,) = run(text).spans("quotes")
    assert _part(text, quote, "speaker") == "Cuban Foreign Minister Bruno Rodriguez"
    (speaker,) = [s.attrs for s in run(text).spans("speakers")]
    assert speaker["roles"] == ["Cuban Foreign Minister"]
    unnamed = "Havana, Oct 30 (Prensa Latina) The blockade is a violation, the minister said."
    assert [q.attrs["speaker"].get("name") for q in run(unnamed).spans("quotes")] == [None]


@pytest.mark.parametrize("text, name, kind", [
    # The tagger labels these names nothing, so they had no speaker.
    ("Recep Tayyip Erdogan said on Monday that Israel must stop the bloodshed.", "Recep Tayyip Erdogan", "person"),
    ("Human Rights Watch said on Monday that Israel must stop the bloodshed.", "Human Rights Watch", "organization"),
    # A body's office named with the body ("Kremlin" alone was the tagger's name, "press service" the head).
    ("The Kremlin press service said the conversation was frank and constructive.", "Kremlin press service",
     "organization"),
    ("The White House press office said the conversation was frank.", "White House press office", "organization"),
])
def test_a_name_the_tagger_labels_nothing_is_a_speaker(run, text: str, name: str, kind: str) -> None:
    (quote,) = run(text).spans("quotes")
    assert quote.attrs["speaker"]["name"] == name
    (speaker,) = [s.attrs for s in run(text).spans("speakers")]
    assert speaker["kind"] == kind


def test_a_press_briefings_answers_are_the_spokespersons(run) -> None:
    # China's Foreign Ministry publishes its briefings as "Q: ..." and "A: ..." lines: the answers had no speaker.
    text = ("Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on March 5\n\n"
            "Q: The US State Department said that China has detained over 100 lawyers. What's your comment?\n\n"
            "A: The so-called report is full of lies and prejudice.\n\n"
            "We urge the US to stop interfering in China's internal affairs.\n\n"
            "Q: Japan plans to release treated water this month. Do you have any response?\n\n"
            "A: We have stated our position on many occasions.\n")
    doc = run(text)
    answers = [(q.text(text), q.attrs["speaker"]["name"]) for q in doc.spans("quotes")
               if _part(text, q, "speaker") == "A"]
    assert answers == [
        ("The so-called report is full of lies and prejudice.\n\n"
         "We urge the US to stop interfering in China's internal affairs", "Lin Jian"),
        ("We have stated our position on many occasions", "Lin Jian")]
    # Guard: an interview's Q&A (PolNeAR annotates none on its "A:" lines) is no briefing.
    interview = "Q&A with Vice President Joe Biden\n\nQ: Have you talked to her?\n\nA: It has been about a month.\n"
    assert not [q for q in run(interview).spans("quotes") if _part(interview, q, "speaker") == "A"]


def test_an_agency_dateline_after_the_places_comma_is_not_the_source(run) -> None:
    # IRNA's "Tehran, IRNA - ..." was part of the spokesman's source and role.
    text = ("Tehran, IRNA - Iran's Foreign Ministry spokesman Nasser Kanaani has condemned Washington's continued "
            "military support for the Israeli regime.")
    (quote,) = run(text).spans("quotes")
    assert _part(text, quote, "speaker") == "Iran's Foreign Ministry spokesman Nasser Kanaani"
    (speaker,) = [s.attrs for s in run(text).spans("speakers")]
    assert speaker["roles"] == ["Iran's Foreign Ministry spokesman"]


def test_a_headline_labels_role_is_its_label_not_the_line(run) -> None:
    # "Hamas official: Resistance ready for long war" gave Osama Hamdan the whole line as a role.
    text = ("Hamas official: Resistance ready for long war\n\n"
            "Osama Hamdan, a senior Hamas official, said on Tuesday that the movement was prepared for a long battle.")
    roles = {r for s in run(text).spans("speakers") for r in s.attrs["roles"]}
    assert roles == {"senior Hamas official", "Hamas official"}


def test_a_body_named_with_the_place_the_tagger_cut_off_after_of(run) -> None:
    text = "Inflation in Iran stood at 40 percent in January, according to the Statistical Center of Iran."
    (quote,) = run(text).spans("quotes")
    assert quote.attrs["speaker"]["name"] == "Statistical Center of Iran"


def test_a_name_the_tagger_took_into_a_bodys_is_the_person(run) -> None:
    # The tagger reads "the Russian Security Council Dmitry Medvedev" as one organisation: the speaker was the
    # headline's "Medvedev", with his whole source as a role.
    text = ("Medvedev threatens nuclear response\n\n"
            "Deputy Chairman of the Russian Security Council Dmitry Medvedev wrote on his Telegram channel on Friday "
            'that any attack on Crimea would trigger "a response with all types of weapons."\n\n'
            'Medvedev was quoted by RIA Novosti as saying that Western leaders "have lost their minds."')
    doc = run(text)
    assert {q.attrs["speaker"]["name"] for q in doc.spans("quotes")} == {"Dmitry Medvedev"}
    (speaker,) = [s.attrs for s in doc.spans("speakers")]
    assert speaker["roles"] == ["Deputy Chairman of the Russian Security Council"]


def test_figures_released_by_a_body_are_its_and_a_reply_on_x_says_what_it_says(run) -> None:
    text = ("The Iranian economy grew by 5 percent, according to figures released by the Central Bank of Iran (CBI) "
            "on Monday.\n\n"
            'Israeli Foreign Minister Israel Katz responded on X, saying Erdogan "is the last person who can preach '
            'morality to us."')
    doc = run(text)
    assert [(_part(text, q, "cue"), q.attrs["speaker"]["name"]) for q in doc.spans("quotes")] == [
        ("according to", "Central Bank of Iran"), ("responded on X, saying", "Israel Katz")]


def test_a_headlines_role_without_article_is_the_person_named_below(run) -> None:
    # Sputnik's "..., Says Ex-CIA Analyst" had no speaker: headlines drop their articles, and "Ex-CIA" named
    # another body than "Former CIA analyst".
    text = ("Ukraine's Counteroffensive Failed, Says Ex-CIA Analyst\n\n"
            'Former CIA analyst Larry Johnson told Sputnik that the Ukrainian counteroffensive had "completely failed" '
            "and had cost Kiev at least 90,000 soldiers.")
    first = next(iter(run(text).spans("quotes")))
    assert (_part(text, first, "speaker"), first.attrs["speaker"]["name"]) == ("Ex-CIA Analyst", "Larry Johnson")


BELTA_LUKASHENKO = (
    "Lukashenko: Belarus will never be a threat to its neighbours\n\n"
    "MINSK, 3 July (BelTA) - Belarus has never threatened anyone and will never pose a threat to its neighbours, "
    "Belarusian President Aleksandr Lukashenko said at a ceremony to mark Independence Day in Minsk, BelTA has "
    "learned.\n\n"
    "\"We do not want war. We have never attacked anyone, and we are not going to,\" the head of state stressed.")


def test_an_agency_that_learned_the_statement_is_neither_its_content_nor_its_speaker(run) -> None:
    # BelTA's ", BelTA has learned." was the content of Lukashenko's "said"; BelTA (a person to the tagger) was
    # then "the head of state" who stressed the next quotation; and the day-first dateline was not read as one.
    text = BELTA_LUKASHENKO
    quotes = {_part(text, q, "cue"): q for q in run(text).spans("quotes")}
    said = quotes["said"]
    assert text[said.start:said.end] == (
        "Belarus has never threatened anyone and will never pose a threat to its neighbours")
    assert quotes["stressed"].attrs["speaker"]["name"] == "Aleksandr Lukashenko"
    assert [s.attrs["name"] for s in run(text).spans("speakers")] == ["Aleksandr Lukashenko"]


def test_a_content_opening_inside_a_dateline_starts_after_it(run) -> None:
    # The parser split "TEHRAN" off as a sentence: the content began "(Tasnim) – The Navy ...".
    text = ("IRGC Navy Seizes Foreign Tanker\n\n"
            "TEHRAN (Tasnim) – The Navy of the IRGC has seized a foreign oil tanker carrying 2 million liters of "
            "smuggled fuel in the Persian Gulf, a provincial official said.")
    (quote,) = run(text).spans("quotes")
    assert text[quote.start:quote.end].startswith("The Navy of the IRGC has seized")


WAFA_TOLL = (
    "GAZA, November 8, 2024 (WAFA) – The death toll from the Israeli aggression on the Gaza Strip has risen to "
    "43,603, the Ministry of Health said on Friday.\n\n"
    "The Ministry added in a press statement that 102,929 others have been injured since the start of the "
    "aggression.\n\n"
    "It pointed out that the occupation forces committed three massacres against families in the past 24 hours.\n\n"
    "It is not known how many people remain under the rubble, the civil defence said.")


def test_the_ministry_and_it_point_back_to_the_ministry_of_health(run) -> None:
    # "The Ministry" had no speaker (the body's name ends in "Health", not "Ministry"), and neither had "It".
    text = WAFA_TOLL
    said = [(_part(text, q, "speaker"), q.attrs["speaker"].get("name")) for q in run(text).spans("quotes")
            if q.attrs["speaker"] is not None]
    assert said[:3] == [("the Ministry of Health", "Ministry of Health"), ("The Ministry", "Ministry of Health"),
                        ("It", "Ministry of Health")]
    # Guard: the civil defence speaks for itself; the "It" of "It is not known" is no source.
    assert said[3:] == [("the civil defence", None)]


def test_it_after_a_persons_statement_is_no_one(run) -> None:
    # Guard: "It" points back only to a body that spoke just before, not to a person.
    text = ("The minister said the plan was ready.\n\nIt added that the talks would resume, the report said.\n\n"
            "It said talks would resume.")
    said = [q for q in run(text).spans("quotes") if _part(text, q, "speaker") == "It"]
    assert said and all(q.attrs["speaker"].get("key") is None for q in said)


def test_a_bodys_name_joined_by_and_is_a_speaker(run) -> None:
    # SANA's "The Foreign and Expatriates Ministry affirmed ..." had no speaker: the tagger labels it nothing.
    text = ("Damascus, SANA- The Foreign and Expatriates Ministry affirmed on Monday that the US forces continue to "
            "plunder Syria's oil.")
    (quote,) = run(text).spans("quotes")
    assert quote.attrs["speaker"]["name"] == "Foreign and Expatriates Ministry"
    # Guard: a role so written is no body's name.
    role = "The Foreign and Expatriates Minister said on Monday that the plan would fail."
    assert [q.attrs["speaker"].get("name") for q in run(role).spans("quotes")] == [None]


@pytest.mark.parametrize(("text", "mention", "name"), [
    # The tagger read "Owji" opening the line as a plural noun: no speaker.
    ("Iranian Oil Minister Javad Owji said on Saturday that exports rose.\n\n"
     "Owji said that the country exports more than 1.5 million barrels a day.", "Owji", "Javad Owji"),
    # A person the news calls by a middle name ("Lula") was a speaker apart from the full name.
    ("Xi Jinping held talks with Brazilian President Luiz Inacio Lula da Silva on Wednesday.\n\n"
     "Lula said Brazil is willing to work with China.", "Lula", "Luiz Inacio Lula da Silva"),
    # A headline's name the person goes by, named in full below ("PM Shehbaz" had no speaker).
    ("PM Shehbaz vows to eliminate terrorism from country\n\nISLAMABAD, Oct 12 (APP): Prime Minister Muhammad "
     "Shehbaz Sharif on Saturday vowed to eliminate terrorism.", "PM Shehbaz", "Muhammad Shehbaz Sharif"),
    # Guard: a common noun opening a line is no surname ("Analysts said" with an "Analysts" nowhere a name).
    ("Iranian Oil Minister Javad Owji said on Saturday that exports rose.\n\n"
     "Analysts said that the country exports more.", "Analysts", None),
])
def test_a_surname_or_middle_name_alone_is_the_person_named_in_full(run, text: str, mention: str,
                                                                     name: str | None) -> None:
    (quote,) = [q for q in run(text).spans("quotes") if _part(text, q, "speaker") == mention]
    assert quote.attrs["speaker"].get("name") == name


def test_sources_to_an_outlet_in_a_headline_are_unnamed(run) -> None:
    # "Sources to Al Mayadeen: ..." made Al Mayadeen the speaker, with "Sources to" its role.
    text = ("Sources to Al Mayadeen: Ceasefire talks in Cairo reach dead end\n\n"
            "Palestinian sources told Al Mayadeen on Thursday that the negotiations have reached a dead end.")
    headline = run(text).spans("quotes")[0]
    assert _part(text, headline, "speaker") == "Sources to Al Mayadeen"
    assert headline.attrs["speaker"]["name"] is None
    assert not run(text).spans("speakers")


def test_a_body_told_its_kind_is_the_body_and_the_kind_points_back_to_it(run) -> None:
    # "Lebanon's Hezbollah resistance movement says" was a speaker apart from "Hezbollah" (read as an office of
    # it, like "the Kremlin press service"), and "The movement said" pointed to that one.
    text = ("Hezbollah: Resistance targets Israeli positions\n\n"
            "Lebanon's Hezbollah resistance movement says its fighters have targeted several Israeli positions.\n\n"
            "In a statement on Monday, Hezbollah said its fighters targeted the base of Meron.\n\n"
            "The movement said the operation was carried out in support of Gaza.")
    assert {q.attrs["speaker"].get("name") for q in run(text).spans("quotes")} == {"Hezbollah"}
    assert [s.attrs["name"] for s in run(text).spans("speakers")] == ["Hezbollah"]


def test_a_headlines_speaker_after_its_cue_and_a_comma_is_the_source(run) -> None:
    # "..., says Kenyan scholar" had the scholar for what was said and the rest (with its "Interview:" label) for
    # the source; "the scholar" pointed to no one.
    text = ("Interview: China's development an opportunity for world, says Kenyan scholar\n\n"
            "NAIROBI, March 10 (Xinhua) -- Peter Kagwanja, chief executive of the Africa Policy Institute, told "
            "Xinhua that China's development offers opportunities.\n\n"
            '"Africa needs partners who respect its sovereignty," the scholar said.')
    quotes = run(text).spans("quotes")
    assert (_part(text, quotes[0], "speaker"), text[quotes[0].start:quotes[0].end]) == (
        "Kenyan scholar", "China's development an opportunity for world")
    assert quotes[-1].attrs["speaker"]["name"] == "Peter Kagwanja"


def test_a_headlines_report_after_a_dash_is_no_one(run) -> None:
    # "... - Report" was a body named "Report".
    text = ("Pentagon Admits US Troops Still in Syria Despite Damascus Objections - Report\n\n"
            "The Pentagon said around 2,000 US troops are deployed in Syria.")
    headline = run(text).spans("quotes")[0]
    assert (_part(text, headline, "speaker"), headline.attrs["speaker"].get("key")) == ("Report", None)


def test_a_given_name_before_a_family_names_particle_is_part_of_the_name(run) -> None:
    # The tagger took "al-Dahhak" alone for the person, and "Qusay" ended his role.
    text = ("New York, SANA- Syria's Permanent Representative to the UN Qusay al-Dahhak affirmed that Syria will "
            "continue to fight terrorism.\n\nAl-Dahhak said that the occupation had launched more than 40 attacks.")
    assert {q.attrs["speaker"]["name"] for q in run(text).spans("quotes")} == {"Qusay al-Dahhak"}
    (speaker,) = [s.attrs for s in run(text).spans("speakers")]
    assert speaker["roles"] == ["Syria's Permanent Representative to the UN"]
