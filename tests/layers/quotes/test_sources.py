"""Which words are a cue's source: raising verbs and an expletive "it" give none; a participle after a
preposition takes the subject of the verb it modifies, and one describing a noun takes that noun; the speaker
after a reporting verb that follows a quotation is the source however the parser attached it, and so is a
speaker the parser hung on the phrase before a subjectless reporting verb."""

from __future__ import annotations

import pytest

from spinscope.document import Document
from spinscope.layers.nlp import NlpLayer, load_spacy
from spinscope.layers.quotes import QuotesLayer, attributions_of
from spinscope.layers.quotes.extract import _stranded_subject, frame_for
from spinscope.pipeline import Pipeline


@pytest.fixture(scope="module")
def spacy_nlp():
    return load_spacy()


def _source(spacy_nlp, text: str, cue_word: str) -> str | None:
    doc = spacy_nlp(text)
    frame = frame_for(doc, next(t for t in doc if t.text == cue_word))
    return None if frame.source is None else text[frame.source[0]:frame.source[1]]


def _layer_attribution(text: str, cue: str) -> tuple[list[str], list[str]]:
    """The source and content of the one attribution whose cue is `cue`, as the quotes layer finds it in `text`."""
    doc = Pipeline([NlpLayer(), QuotesLayer()])(Document(text=text, source="test"))
    found = [a for a in attributions_of(doc) if [text[s:e] for s, e in a.cue] == [cue]]
    assert len(found) == 1, f"{cue!r} should be found as a cue"
    return [text[s:e] for s, e in found[0].source], [text[s:e] for s, e in found[0].content]


def _layer_source(text: str, cue: str) -> list[str]:
    """The source of the one attribution whose cue is `cue`, as the quotes layer finds it in `text`."""
    return _layer_attribution(text, cue)[0]


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


@pytest.mark.parametrize(("text", "cue", "source"), [
    ("Democrats — and some Republicans — have argued that the plan cannot work.", "argued",
     "Democrats — and some Republicans —"),
    ("Another liberal favorite in the Senate — Elizabeth Warren of Massachusetts — has said she will not run.",
     "said", "Another liberal favorite in the Senate — Elizabeth Warren of Massachusetts —"),
    ("Byrne -- who was posted at the door to the Oval Office for three years -- said the president was calm.",
     "said", "Byrne -- who was posted at the door to the Oval Office for three years --"),
    ("Jason Sims said the school — the only one in town — had no heating.", "said", "Jason Sims"),
])
def test_an_aside_set_off_by_dashes_in_a_source_keeps_its_closing_dash(spacy_nlp, text: str, cue: str,
                                                                       source: str) -> None:
    assert _source(spacy_nlp, text, cue) == source


@pytest.mark.parametrize(("text", "cue", "source"), [
    ("Clinton is an outspoken supporter of Roe v. Wade, which legalizes abortion.", "supporter", "Clinton"),
    ("Mrs. Clinton has been a dogged defender of the Affordable Care Act.", "defender", "Mrs. Clinton"),
    ("It may not be a question of whether to accept the delay.", "question", None),
])
def test_a_noun_cue_after_a_copula_takes_the_copula_subject_as_source(spacy_nlp, text: str, cue: str,
                                                                      source: str | None) -> None:
    assert _source(spacy_nlp, text, cue) == source


@pytest.mark.parametrize(("text", "cue", "source"), [
    # The one asked is not the one asking: no source, unless a "by" phrase names the asker.
    ("Asked about who was the victor in the latest confrontation, al-Qaddoumi said, \"It is not the matter.\"",
     "Asked", None),
    ("Pressed on the figures, the minister said they were not accurate.", "Pressed", None),
    ("Asked by Stephanopoulos to respond to the criticism, Carson said he had no regrets.", "Asked",
     "Stephanopoulos"),
    # A feeling is the main clause subject's own.
    ("Horrified at the attack, Ramos said the country had lost its way.", "Horrified", "Ramos"),
    # A passive cue in a clause of its own does not take the subject of the clause it hangs on.
    ("Hillary Clinton came under heavy criticism when it was revealed in March that she had used a private server.",
     "revealed", None),
    ("His comments came after being asked yet again to defend his criticism of the city.", "asked", None),
    ("Trump spoke for an hour and was asked whether he would release his taxes.", "asked", None),
    # A participle after a preposition on a passive verb still takes that verb's subject.
    ("Clinton was criticized by Republicans for saying that the plan had failed.", "saying", "Clinton"),
])
def test_a_passive_cue_does_not_take_the_one_spoken_to_or_about_as_source(spacy_nlp, text: str, cue: str,
                                                                           source: str | None) -> None:
    assert _source(spacy_nlp, text, cue) == source


@pytest.mark.parametrize(("text", "cue", "source"), [
    # The parser reads the speaker as the verb's object ...
    ("\"It's Bernie's to lose at this point,\" added another New Hampshire Democrat.", "added",
     "another New Hampshire Democrat"),
    ('"How big is that wall?" asked the boy, who was wearing a red hat.', "asked",
     "the boy, who was wearing a red hat"),
    ('"She cares more about the polls than doing her job," tweeted another.', "tweeted", "another"),
    ('"It might not have worked just six months ago," added Murphy, referring to the vote.', "added", "Murphy"),
    # ... or as the subject of a later verb.
    ('"It is a mistake, so forget about it," said retired neurosurgeon Ben Carson, asked about his claims.', "said",
     "retired neurosurgeon Ben Carson,"),
    # A speaker tied by the parse to the next paragraph's verb ends at its own paragraph.
    ('"The farmers were let down by the administration," said Jon Doggett, executive vice president of the National'
     ' Corn Growers Association\n\nShaw said that Clinton had failed.', "said",
     "Jon Doggett, executive vice president of the National Corn Growers Association"),
    # The usual word order is untouched.
    ('"We will win," the senator added.', "added", "the senator"),
])
def test_the_speaker_after_a_trailing_reporting_verb_is_the_source(spacy_nlp, text: str, cue: str,
                                                                   source: str) -> None:
    assert _source(spacy_nlp, text, cue) == source


@pytest.mark.parametrize(("text", "cue", "source"), [
    # The parser reads the speaker as an apposition of the phrase before it ("his plea, Marco Lenti") ...
    ("As a part of his plea, Marco Lenti, 44, said that he victimized nearly 100 people from his home overseas.",
     "said", "Marco Lenti, 44,"),
    # ... as a conjunct of it ("between two of ..., House Speaker Alan Reed's office") ...
    ("After a day of tensions between two of the nation's best-known Republicans, House Speaker Alan Reed's "
     "office announced Friday that Reed will meet with the nominee on Thursday.", "announced",
     "House Speaker Alan Reed's office"),
    # ... as part of the quotation before it, which the source does not reach back into ...
    ("“It is not the position that everything is hunky-dory,” Gene Sperling, a top outside Clinton adviser, said "
     "at a recent event in Iowa.", "said", "Gene Sperling, a top outside Clinton adviser,"),
    # ... or as the object of a preposition, an apposition then standing for the noun it names.
    ("In a statement to the Courier, his campaign manager, Ruth Olsen, said: “We will win this state.”", "said",
     "his campaign manager, Ruth Olsen,"),
    # ... or as the head of the sentence, the verb then read as a participle describing the name.
    ("Stuart Stevens, who served as Mitt Romney's chief strategist in the 2012 campaign, called Trump's remarks a "
     "disgrace.", "called", "Stuart Stevens, who served as Mitt Romney's chief strategist in the 2012 campaign,"),
])
def test_a_speaker_the_parser_hung_on_the_phrase_before_the_cue_is_the_source(spacy_nlp, text: str, cue: str,
                                                                               source: str) -> None:
    doc = spacy_nlp(text)
    verb = next(t for t in doc if t.text == cue)
    assert not any(c.dep_ == "nsubj" for c in verb.children)  # the parse this test is about: no subject
    assert _source(spacy_nlp, text, cue) == source


@pytest.mark.parametrize(("text", "cue", "source"), [
    # The noun right before the cue, read as the end of the phrase before it; no further back than a count.
    ("That's a small fraction of the minimum $20 million experts say it costs to run statewide.", "say", "experts"),
    ("Ahead of his scheduled appearance at AIPAC, a group of rabbis called for a boycott of the speech.", "called",
     "a group of rabbis"),
])
def test_a_noun_right_before_a_cue_the_parser_left_without_subject_is_the_source(spacy_nlp, text: str, cue: str,
                                                                                source: str) -> None:
    verb = next(t for t in spacy_nlp(text) if t.text == cue)
    assert not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)  # the parse this test is about
    assert _source(spacy_nlp, text, cue) == source


@pytest.mark.parametrize("text", [
    "Last week said the bill would pass.",
    "After months of debate, last week said the bill would pass.",
    "On June 4, 2008, said that he would back the senator.",
])
def test_a_time_before_a_subjectless_cue_is_not_a_source(spacy_nlp, text: str) -> None:
    assert _source(spacy_nlp, text, "said") is None


@pytest.mark.parametrize(("text", "cue"), [
    # A participle describing a noun inside a sentence that has its own verb stays a participle.
    ("The plan, announced by aides on Monday, drew criticism from Democrats.", "announced"),
    ("A senator named in the report denied any wrongdoing.", "named"),
])
def test_a_participle_describing_a_noun_gives_no_stranded_source(spacy_nlp, text: str, cue: str) -> None:
    verb = next(t for t in spacy_nlp(text) if t.text == cue)
    assert verb.dep_ == "acl"  # the parse this test is about
    assert _stranded_subject(verb) is None


@pytest.mark.parametrize(("text", "source"), [
    # What the subject seems to do is no act of stance: the writer's impression, no one's statement.
    ("The party seemed to coalesce around the governor after the debate in Iowa.", None),
    ("The senator appeared to step on her own momentum with the remarks.", None),
    # What the subject seems to say is one: the subject stays the source.
    ("Trump appeared to suggest that his rival should be jailed.", "Trump"),
    ("Cruz seemed to blame the network for its reporting on the caucuses.", "Cruz"),
])
def test_a_raising_cue_keeps_its_subject_only_for_an_act_of_stance(text: str, source: str | None) -> None:
    cue = next(w for w in ("seemed", "appeared") if w in text)
    assert _layer_source(text, cue) == ([source] if source else [])


@pytest.mark.parametrize(("text", "cue", "source"), [
    # The parser read the verb as an adjective on its own object and headed the sentence with a noun.
    ("In March, Trump blasted Disney for its “outrageous practices” in requiring Florida workers to train their "
     "foreign replacements.", "blasted", "Trump"),
    ("In television interviews Wednesday, Trump dismissed critics who called the election-night remarks sexist.",
     "dismissed", "Trump"),
    ("Trump defended eminent domain at the rally in Iowa.", "defended", "Trump"),
    ("Khizr Khan, the father of a slain American soldier, decried Trump’s repeated calls to ban all Muslims from "
     "entering the U.S. during a speech at the DNC.", "decried", "Khizr Khan, the father of a slain American soldier,"),
])
def test_a_verb_the_parser_read_as_an_adjective_on_its_object_keeps_its_speaker(spacy_nlp, text: str, cue: str,
                                                                               source: str) -> None:
    verb = next(t for t in spacy_nlp(text) if t.text == cue)
    assert verb.dep_ == "amod" and verb.head.i > verb.i  # the parse this test is about
    assert _layer_source(text, cue) == [source]


def test_the_layer_reports_no_source_for_it_is_unclear() -> None:
    text = "It is unclear whether Senator Marco Rubio will endorse Donald Trump before the convention."
    doc = Pipeline([NlpLayer(), QuotesLayer()])(Document(text=text, source="test"))
    attributions = attributions_of(doc)
    assert attributions, "the adjective cue 'is unclear' should still be found"
    assert all(not a.source for a in attributions)


def test_the_layer_gives_a_trailing_speaker_to_the_quote_before_it() -> None:
    text = "The primary is close.\n\n\"It's Bernie's to lose at this point,\" added another New Hampshire Democrat."
    doc = Pipeline([NlpLayer(), QuotesLayer()])(Document(text=text, source="test"))
    quote = text.index("It's"), text.index(",\" added")
    found = [a for a in attributions_of(doc)
             if a.content and a.content[0][0] <= quote[0] and a.content[-1][1] >= quote[1]]
    assert found, "the quotation should be attributed"
    assert [text[s:e] for s, e in found[0].source] == ["another New Hampshire Democrat"]
    assert [text[s:e] for s, e in found[0].cue] == ["added"]


@pytest.mark.parametrize(("text", "cue", "name"), [
    ("Foreign Minister Javad Zarif, who told reporters that the talks would resume next week, left Vienna.",
     "told", "Javad Zarif"),
    ("The talks collapsed. Senator John Smith, who has said the deal is dead, voted against it.", "has said",
     "John Smith"),
    ("The ministry, which said the figures were wrong, gave none.", "said", None),  # no name: unnamed
])
def test_a_relative_pronoun_speaks_for_the_noun_phrase_it_follows(text: str, cue: str, name: str | None) -> None:
    doc = Pipeline([NlpLayer(), QuotesLayer()])(Document(text=text, source="test"))
    quote = next(q for q in doc.spans("quotes") if text[q.attrs["cue"]["start"]:q.attrs["cue"]["end"]] == cue)
    speaker = quote.attrs["speaker"]
    assert text[speaker["start"]:speaker["end"]] in ("who", "which")  # the source span stays the pronoun
    assert speaker["name"] == name


@pytest.mark.parametrize(("text", "source", "quote"), [
    # The tagger read "Tulsa" as a verb, and the parser hung it on the quotation ...
    ("“I will make this promise to you: We will achieve justice in this case,” Tulsa police Chief Chuck Jordan "
     "said Monday.", "Tulsa police Chief Chuck Jordan",
     "“I will make this promise to you: We will achieve justice in this case,”"),
    # ... or the whole speaker, apposition and all, leaving the cue without a subject.
    ("“He's absolutely right. There's a severe disconnect between this White House and frankly the president and "
     "our military,” Flynn, a top Trump surrogate, said Thursday morning on Fox News’s “Fox and Friends.”",
     "Flynn, a top Trump surrogate,",
     "“He's absolutely right. There's a severe disconnect between this White House and frankly the president and "
     "our military,”"),
])
def test_the_words_between_a_quotation_and_its_cue_are_the_speaker(text: str, source: str, quote: str) -> None:
    doc = Pipeline([NlpLayer(), QuotesLayer()])(Document(text=text, source="test"))
    found = [(tuple(text[s:e] for s, e in a.source), tuple(text[s:e] for s, e in a.content))
             for a in attributions_of(doc)]
    assert ((source,), (quote,)) in found


@pytest.mark.parametrize(("text", "source", "cue", "content"), [
    # The parser hangs the closing marks on "backed", whose by-agent (with its relative clause) then ran into the
    # quotation: "backed" took the quotation, with a source holding "said" and half the quote.
    ('The plan was backed by Senator Mary Jones, who said the deal "will hold for years."\n',
     "who", "said", 'the deal "will hold for years."'),
    ('The plan was backed by Senator Mary Jones, who said that the deal "will hold for years."\n',
     "who", "said", 'that the deal "will hold for years."'),
])
def test_a_source_never_holds_its_own_content(text: str, source: str, cue: str, content: str) -> None:
    doc = Pipeline([NlpLayer(), QuotesLayer()])(Document(text=text, source="test"))
    found = [(tuple(text[s:e] for s, e in a.source), tuple(text[s:e] for s, e in a.cue),
              tuple(text[s:e] for s, e in a.content)) for a in attributions_of(doc)]
    assert found == [((source,), (cue,), (content,))]
    (quote,) = doc.spans("quotes")
    assert quote.attrs["speaker"]["name"] == "Mary Jones"


@pytest.mark.parametrize(("text", "cue", "content"), [
    # The parser reads "Friday" as the object of "called": the content is what the speaker called for.
    ("Attorney General Mohammad Jafar Montazeri (Iran), Raisi's rival in the upcoming election, called Friday for "
     "releasing the prisoners.", "called Friday for", "releasing the prisoners"),
    ("Hamas called Saturday for a general strike across the West Bank.", "called Saturday for",
     "a general strike across the West Bank"),
    # Guard: a day with more to it than the date is what was described.
    ("The minister described Friday as a day of national mourning.", "described",
     "Friday as a day of national mourning"),
])
def test_a_day_the_parser_read_as_the_cues_object_is_not_its_content(spacy_nlp, text: str, cue: str,
                                                                     content: str) -> None:
    day = next(t for t in spacy_nlp(text) if t.text in ("Friday", "Saturday"))
    assert day.dep_ in ("dobj", "oprd", "npadvmod") and day.head.i == day.i - 1  # the parse this test is about
    assert _layer_attribution(text, cue)[1] == [content]


def test_a_stranded_speaker_starts_after_a_fronted_phrase_the_parser_hung_on_it(spacy_nlp) -> None:
    text = ("Democrats invented superdelegates to try to stop the party from nominating a candidate with zero "
            "chance of winning the presidential election. In 1972, liberal Sen. George McGovern, D-S.D., thrilled "
            "primary voters largely on the strength of his strong opposition to the Vietnam War.")
    name = next(t for t in spacy_nlp(text) if t.text == "McGovern")
    assert any(c.dep_ == "prep" and c.text == "In" for c in name.lefts)  # the parse this test is about
    assert _layer_source(text, "thrilled") == ["liberal Sen. George McGovern, D-S.D.,"]


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The Kremlin said on Monday President Vladimir Putin had agreed to the talks.", "said",
     "President Vladimir Putin had agreed to the talks"),
    ("The ministry said Tuesday Israeli forces had withdrawn from the town.", "said",
     "Israeli forces had withdrawn from the town"),
    # Guard: a day the parser already kept out of the clause. (A day that is what the cue is about, "described
    # Friday as a day of national mourning", is the guard of the test above.)
    ("Officials said on Wednesday the death toll had risen to 40.", "said", "the death toll had risen to 40"),
])
def test_the_day_a_statement_was_made_is_not_part_of_what_was_said(text: str, cue: str, content: str) -> None:
    assert _layer_attribution(text, cue)[1] == [content]


@pytest.mark.parametrize(("text", "cue", "source"), [
    # A participle that makes a statement of its own, hung on the reported clause: the one who noted it calls it.
    ('Zakharova noted that Washington continues to supply weapons to Kiev, calling it "a direct path to '
     'escalation".', "calling", "Zakharova"),
    # Any participle whose clause has a thing for its subject ("this" does not point; forces do not cite).
    ("The Hamas representative in Tehran said there's a unanimous global stance against the Israeli occupation "
     "and this has forced governments to show support for Palestine, pointing to Bahrain recalling its "
     "ambassador from Israel.", "pointing", "The Hamas representative in Tehran"),
    ("The ministry said Israeli forces had killed three people in the town, citing witnesses.", "citing",
     "The ministry"),
    # Guards: a person who is the clause's subject may be the one hoping, and a sentence end keeps the outer
    # cue out.
    ("Aides said Sanders wrote the letter himself, hoping to end the dispute.", "hoping", "Sanders"),
    ("The Kremlin said the talks had made progress. The situation remains tense, pointing to a long war.",
     "pointing", "The situation"),
])
def test_a_participle_hung_on_a_reported_clause_belongs_to_the_outer_speaker(spacy_nlp, text: str, cue: str,
                                                                             source: str) -> None:
    word = next(t for t in spacy_nlp(text) if t.text == cue)
    assert word.dep_ == "advcl" and word.head.text not in ("noted", "said")  # the parse this test is about
    assert _source(spacy_nlp, text, cue) == source


def test_the_outer_content_ends_before_a_statement_hung_on_it() -> None:
    text = ('Zakharova noted that Washington continues to supply weapons to Kiev, calling it "a direct path to '
            'escalation".')
    assert _layer_attribution(text, "noted") == (["Zakharova"], ["that Washington continues to supply weapons to "
                                                                 "Kiev"])
    assert _layer_attribution(text, "calling") == (["Zakharova"], ['it "a direct path to escalation"'])
