"""The claims layer on the two shipped examples: quantities, measures, claimants and dispute sentences."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from spinscope.document import Document, Span
from spinscope.layers.claims import ClaimsLayer
from spinscope.layers.nlp import NlpLayer
from spinscope.pipeline import Pipeline

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


@functools.cache
def _claims_pipeline() -> Pipeline:
    return Pipeline([NlpLayer(), ClaimsLayer(threshold=0.0)])


def _quantities(sentence: str) -> dict[str, dict]:
    """The quantities the nlp and claims layers find in `sentence` (every sentence kept), by their text."""
    doc = _claims_pipeline()(Document(sentence, "t"))
    return {q["text"]: q for c in doc.spans("claims") for q in c.attrs["quantities"]}


@pytest.fixture(scope="module")
def claims_by_text() -> dict[str, dict]:
    pipe = Pipeline([NlpLayer(), ClaimsLayer()])
    out = {}
    for path in sorted(EXAMPLES.glob("*.txt")):
        doc = pipe(Document(path.read_text(encoding="utf-8"), str(path)))
        for c in doc.spans("claims"):
            for q in c.attrs["quantities"]:
                out[q["text"]] = {**q, "sentence": doc.text[c.start : c.end], "claimant": c.attrs["claimant"],
                                  "score": c.score}
    return out


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "approximate", "measure"),
    [
        ("12", 12, 12, 12, False, "people killed"),
        ("at least six", 6, 6, None, True, "airbases attacked"),
        ("70 percent", 70, 70, 70, False, "share of Israelis hiding underground"),
        ("hundreds", None, 200, 999, True, "rockets fired"),
        ("twenty-seven days", 27, 27, 27, False, "duration of Operation Al-Aqsa Flood"),
        ("dozens", None, 24, 99, True, "UN resolutions"),
    ],
)
def test_example_quantities(claims_by_text, text, value, low, high, approximate, measure) -> None:
    q = claims_by_text[text]
    assert (q["value"], q["low"], q["high"], q["approximate"], q["measure"]) == (value, low, high, approximate, measure)


def test_vague_tens_of_tanks_is_destroyed_tanks(claims_by_text) -> None:
    tens = [q for t, q in claims_by_text.items() if t == "10s"]
    assert tens and tens[0]["approximate"] and tens[0]["value"] is None


def test_percent_unit_and_duration_units(claims_by_text) -> None:
    assert claims_by_text["70 percent"]["unit"] == "percent"
    assert claims_by_text["12 days"]["unit"] == "days"
    assert claims_by_text["33-day"]["measure"] == "duration of war"


def test_calendar_references_are_not_quantities(claims_by_text) -> None:
    # Regression: years, decades and clock times were read as counts.
    for text in ("2006", "2005", "1990s", "2:00am", "23:00", "2007", "05-26"):
        assert not any(text in t for t in claims_by_text), text


def test_claimant_without_quotes_layer(claims_by_text) -> None:
    assert claims_by_text["12"]["claimant"]["name"] == "Israel"
    assert claims_by_text["hundreds"]["claimant"] is None  # the outlet's own statement
    # "He said ... left 70 percent": not Israel, who only "announced" a ceasefire in an adverbial clause.
    assert claims_by_text["70 percent"]["claimant"]["name"] != "Israel"


def test_every_claim_has_score_in_unit_interval(claims_by_text) -> None:
    assert all(0.0 <= q["score"] <= 1.0 for q in claims_by_text.values())


def test_stand_in_quote_gives_speaker_key() -> None:
    text = "Israel said 12 people were killed by rockets fired from Gaza."
    doc = NlpLayer()(Document(text, "t"))
    start = text.index("12")
    quote = Span(start, len(text) - 1, "indirect",
                 attrs={"speaker": {"start": 0, "end": 6, "key": "org israel", "name": "Israel"}})
    doc = ClaimsLayer()(doc.with_layer("quotes", [quote]))
    (claim,) = doc.spans("claims")
    assert claim.attrs["speaker_key"] == "org israel"
    # Outside every quote: no speaker key (the outlet is the claimant).
    doc2 = ClaimsLayer()(NlpLayer()(Document(text, "t")).with_layer("quotes", []))
    assert doc2.spans("claims")[0].attrs["speaker_key"] is None


def test_dispute_sentence_is_kept() -> None:
    text = ("Al-Qaddoumi also dismissed the casualty figures given by the Israeli authorities, saying they were "
            "“not accurate”. The weather was fine.")
    doc = ClaimsLayer()(NlpLayer()(Document(text, "t")))
    assert any("dismissed" in doc.text[c.start : c.end] for c in doc.spans("claims"))


def test_real_quotes_layer_gives_speaker_keys() -> None:
    pytest.importorskip("spinscope.layers.quotes", reason="quotes layer not installed")
    doc = Pipeline(["nlp", "quotes", "claims"])(
        Document((EXAMPLES / "004_f84c2f7eacc5cb2b.txt").read_text(encoding="utf-8"), "ex"))
    keyed = [c for c in doc.spans("claims") if c.attrs["speaker_key"] is not None]
    twelve = [c for c in doc.spans("claims") if "12 people were killed" in doc.text[c.start : c.end]]
    assert keyed and twelve and twelve[0].attrs["claimant"]["name"] == "Israel"


def test_a_figure_is_claimed_by_the_innermost_quote_holding_it() -> None:
    # The rejecter's content held the military's claim whole, and came first: the figure was the rejecter's, and
    # with no speaker id the outlet's.
    text = ("The Israeli military claims it has killed more than 10,000 Hamas fighters, a figure the resistance "
            "movement has rejected.")
    doc = Pipeline(["nlp", "quotes", "claims"])(Document(text, "t"))
    (claim,) = [c for c in doc.spans("claims") if c.attrs["quantities"]]
    assert claim.attrs["claimant"]["name"] == "Israeli military"


@pytest.mark.parametrize(("sentence", "text", "measure"), [
    # A state in -ing is no act (it was "people missed").
    ("He added that some 7,000 people were still missing under the rubble.", "some 7,000", "people missing"),
    ("Some 200 people remain missing.", "Some 200", "people missing"),
    # A figure "by" which a verb changes its object is that object's change (it was "change in NATO").
    ("NATO has increased the number of its troops near Russia's borders by almost 40,000.", "almost 40,000",
     "change in its troops"),
    ("The government cut spending by 3 percent.", "3 percent", "change in spending"),
    # Guard: a change with no object is its subject's.
    ("Exports fell by 3 percent.", "3 percent", "change in exports"),
])
def test_states_and_changes_of_an_object(sentence: str, text: str, measure: str) -> None:
    assert _quantities(sentence)[text]["measure"] == measure


def test_a_time_at_a_headlines_dash_leaves_the_dash_out() -> None:
    # The time was "week -".
    doc = Pipeline([NlpLayer(), ClaimsLayer(threshold=0.0)])(Document(
        "Kiev lost over 2,000 troops in a week - Moscow\n\nUkrainian forces have lost more than 2,000 servicemen over "
        "the past week in the Kupyansk direction alone, the Russian Defense Ministry said on Saturday.\n", "t"))
    times = {q["text"]: q["time"] for c in doc.spans("claims") for q in c.attrs["quantities"]}
    assert times["over 2,000"] == "week"


@pytest.mark.parametrize(("sentence", "text", "unit", "measure"), [
    # An amount written as a modifier is in its currency and measures what it modifies (it was no unit and
    # "dollar defense budget justified", or "dollar deal signed").
    ("The US is hyping the threat to justify its record 886 billion US dollar defense budget.",
     "886 billion US dollar", "USD", "defense budget"),
    ("They signed a 2 billion dollar deal.", "2 billion dollar", "USD", "deal"),
    # Guard: an amount of the currency itself keeps its measure.
    ("The deal is worth 2 billion dollars.", "2 billion dollars", "USD", "value of deal"),
])
def test_an_amount_written_as_a_modifier(sentence: str, text: str, unit: str, measure: str) -> None:
    found = _quantities(sentence)[text]
    assert (found["unit"], found["measure"]) == (unit, measure)


def test_a_claim_opening_the_article_starts_after_its_header_and_dateline() -> None:
    # The body of the second example opens " date 2021-05-26 TEHRAN - Hamas has said ..." on one line: the parser
    # reads the header date and the dateline into the first sentence, the claim starts where the sentence does.
    text = (EXAMPLES / "004_f84c2f7eacc5cb2b.txt").read_text(encoding="utf-8")
    doc = Pipeline([NlpLayer(), ClaimsLayer(threshold=0.0)])(Document(text, "ex"))
    first = min(doc.spans("claims"), key=lambda c: c.start)
    assert doc.text[first.start : first.end].startswith("Hamas has said the Palestinians were")
    # A dateline inside a sentence's line but not at its start is left alone.
    inner = Pipeline([NlpLayer(), ClaimsLayer(threshold=0.0)])(Document("Hamas said 12 people died in Gaza.", "t"))
    assert [inner.text[c.start : c.end] for c in inner.spans("claims")] == ["Hamas said 12 people died in Gaza."]


@pytest.mark.parametrize(("sentence", "text", "measure"), [
    ("The Palestinian Ministry of Health in Gaza said Thursday the death toll had risen to 35,000.", "35,000",
     "death toll"),
    ("Palestinian health officials in Gaza put the death toll at 34,000 on Monday.", "34,000", "death toll"),
    ("The number of displaced people stood at 1.7 million in March.", "1.7 million", "displaced people"),
    ("Unemployment fell to 4.9 percent.", "4.9 percent", "unemployment"),
    # A percentage modifying a noun measures that noun (it was "share of up to 60 percent purity").
    ("Iran has enriched uranium up to 60 percent purity, according to the IAEA.", "up to 60 percent", "purity"),
    ("Cuba received 2.4 million visitors in 2023, a 40 percent increase over the previous year.", "40 percent",
     "increase"),
    # Guards: a figure that counts a noun, and a share of something, keep their measures.
    ("The army said 12 soldiers were killed.", "12", "soldiers killed"),
    ("Some 70 percent of the voters rose to applaud.", "Some 70 percent", "share of the voters"),
])
def test_a_figure_that_counts_nothing_measures_the_level_it_gives(sentence: str, text: str, measure: str) -> None:
    doc = Pipeline([NlpLayer(), ClaimsLayer()])(Document(sentence, "t"))
    found = {q["text"]: q["measure"] for c in doc.spans("claims") for q in c.attrs["quantities"]}
    assert found[text] == measure


@pytest.mark.parametrize(("sentence", "measures"), [
    # Figures in a list of objects share the verb of the first: the launchers were destroyed too.
    ("The Russian Defense Ministry said its forces had destroyed 12 Ukrainian tanks and 3 HIMARS launchers over "
     "the past day.", {"12": ("tanks destroyed", "the past day"), "3": ("HIMARS launchers destroyed", "the past day")}),
    ("The Ukrainian side lost up to 300 servicemen, two tanks and four armored vehicles.",
     {"up to 300": ("servicemen lost", None), "two": ("tanks lost", None), "four": ("vehicles lost", None)}),
    # A bare percentage after a verb of change is how much its subject changed, with the time the text gives.
    ("China's GDP grew 5.2 percent in 2023, the National Bureau of Statistics said.",
     {"5.2 percent": ("change in GDP", "2023")}),
    ("Exports fell by 3 percent last year.", {"3 percent": ("change in exports", "last year")}),
    # Guards: a level reached and a share of something keep their measures.
    ("Unemployment fell to 4.9 percent.", {"4.9 percent": ("unemployment", None)}),
    ("The rial lost 30 percent of its value.", {"30 percent": ("share of its value", None)}),
])
def test_conjoined_figures_share_their_verb_and_a_percentage_change_measures_its_subject(
        sentence: str, measures: dict[str, tuple[str, str | None]]) -> None:
    found = {said: (q["measure"], q["time"]) for said, q in _quantities(sentence).items()}
    assert found == measures


@pytest.mark.parametrize(("sentence", "text", "measure"), [
    # An active participle describes what is counted; the verb of the clause says what happened to it.
    ("Tangsiri noted that the IRGC had seized two foreign tankers carrying smuggled fuel last month.", "two",
     "tankers seized"),
    # Guard: a passive participle says what happened to them.
    ("At least 12 people killed in the strike were children.", "At least 12", "people killed"),
])
def test_what_happened_to_a_counted_thing_is_its_clauses_verb_not_a_participle_describing_it(
        sentence: str, text: str, measure: str) -> None:
    found = {said: q["measure"] for said, q in _quantities(sentence).items()}
    assert found[text] == measure


@pytest.mark.parametrize(("sentence", "text", "measure", "time"), [
    # A sum of money reached, totalled, estimated or valued is the level of what reached it.
    ("China's trade surplus widened to $82.6 billion in May, customs data showed.", "$82.6 billion",
     "trade surplus", "May"),
    ("Losses totaled $5 billion last year, the company said.", "$5 billion", "losses", "last year"),
    ("The blockade has caused damages estimated at more than 164 billion dollars, Rodriguez said.",
     "more than 164 billion dollars", "damages", None),
    ("Contracts valued at $3 billion were signed during the visit.", "$3 billion", "contracts", None),
    ("The project will cost an estimated 3 trillion rials, IRNA reported.", "an estimated 3 trillion rials",
     "cost of project", None),
    # The nearest of two subjects the parser gave one verb.
    ("Gil says the number of homes destroyed by the hurricane totals about 70,000 so far, and homes with major "
     "damage have amounted to 250,000 across the island.", "250,000", "homes", None),
    # Guard: what a number counts keeps its verb.
    ("The attack cost 12 lives.", "12", "lives cost", None),
    # ... also where the parser takes "up to" for a particle and a preposition (it was "troops", no time).
    ("According to the ministry, the Ukrainian army lost up to 1,500 troops over the past day.", "up to 1,500",
     "troops lost", "the past day"),
])
def test_a_sum_reached_totalled_or_estimated_measures_what_reached_it(
        sentence: str, text: str, measure: str, time: str | None) -> None:
    found = {said: (q["measure"], q["time"]) for said, q in _quantities(sentence).items()}
    assert found[text] == (measure, time)


def test_a_headline_and_the_lead_below_it_are_separate_claims() -> None:
    text = ("Gaza death toll passes 35,000\n\n"
            "The Palestinian Ministry of Health in Gaza said Thursday the death toll had risen to 35,000.")
    doc = Pipeline([NlpLayer(), ClaimsLayer()])(Document(text, "t"))
    claims = [(doc.text[c.start : c.end], [q["text"] for q in c.attrs["quantities"]]) for c in doc.spans("claims")]
    assert claims == [("Gaza death toll passes 35,000", ["35,000"]), (text[text.index("The Palestinian"):], ["35,000"])]
    assert doc.spans("claims")[1].attrs["quantities"][0]["measure"] == "death toll"


@pytest.mark.parametrize(("sentence", "text", "low", "measure"), [
    # A preposition whose object is the bare number is a hedge on it (it was "150", exact, counting nothing).
    ("ICE arrests over 150 in Bay Area raids.", "over 150", 150, "arrests"),
    # Guards: a preposition taking what the number counts, or "about" a number of something, is none.
    ("The two sides fought over 2 islands.", "2", 2, "islands"),
    ("We are talking here about 10s of tanks that have been destroyed.", "10s", 20, "tanks destroyed"),
])
def test_a_preposition_before_a_bare_number_is_a_hedge(sentence: str, text: str, low: int, measure: str) -> None:
    found = {said: (q["low"], q["measure"]) for said, q in _quantities(sentence).items()}
    assert found[text] == (low, measure)


@pytest.mark.parametrize(("sentence", "text", "unit", "measure"), [
    # "worth" says what a sum is the value of (the measure was the currency, "U.S. dollars", or none).
    ("The State Department approved the sale of spare parts worth 385 million U.S. dollars to Taiwan.",
     "385 million U.S. dollars", "USD", "value of spare parts"),
    ("Clinton approved the biggest arms sale ever, worth $80 billion, to Saudi Arabia.", "$80 billion", "USD",
     "value of biggest arms sale"),
    ("The deal is worth 2 billion U.S. dollars.", "2 billion U.S. dollars", "USD", "value of deal"),
    ("They froze Iranian assets worth billions of dollars.", "billions", "USD", "value of Iranian assets"),
    # A hyphenated sum modifying a noun, as Xinhua writes it (was the bare number 300, no unit, no measure).
    ("The U.S. approved a 300-million-U.S.-dollar sale of tactical information systems to the island.",
     "300-million-U.S.-dollar", "USD", "sale"),
    ("China signed a 2-billion-dollar deal with Pakistan.", "2-billion-dollar", "USD", "deal"),
    # The parser made "worth" a clause of the verb (the measure was none).
    ("Rodriguez affirmed that the US blockade caused damages worth 5 billion dollars between March 2023 and "
     "February 2024.", "5 billion dollars", "USD", "value of damages"),
    # Guards: a sum that is no worth keeps its measure.
    ("China lent 5 billion US dollars to Pakistan.", "5 billion US dollars", "USD", "dollars lent"),
    ("Iran lost 3 billion dollars in oil revenue.", "3 billion dollars", "USD", "lost"),
])
def test_a_sum_of_money_worth_something_measures_its_value(sentence: str, text: str, unit: str,
                                                              measure: str) -> None:
    found = {said: (q["unit"], q["measure"]) for said, q in _quantities(sentence).items()}
    assert found[text] == (unit, measure)


@pytest.mark.parametrize(("sentence", "text", "unit"), [
    # The country before a currency word names the currency ("Syrian pounds" were GBP, "Hong Kong dollars" USD).
    ("The ministry paid 500 Syrian pounds per family.", "500 Syrian pounds", "SYP"),
    ("The fine was 2,000 Hong Kong dollars.", "2,000 Hong Kong dollars", "HKD"),
    ("Iraq spent 3 trillion Iraqi dinars on salaries.", "3 trillion Iraqi dinars", "IQD"),
    ("They froze assets worth 100 million Egyptian pounds.", "100 million Egyptian pounds", "EGP"),
    ("Saudi Arabia will invest 20 billion riyals in the project.", "20 billion riyals", "SAR"),
    # Without a country the word alone decides, as before.
    ("The bill came to 40 pounds.", "40 pounds", "GBP"),
    ("China lent 5 billion US dollars to Pakistan.", "5 billion US dollars", "USD"),
])
def test_a_currency_named_with_its_country_is_that_countrys(sentence: str, text: str, unit: str) -> None:
    found = {said: q["unit"] for said, q in _quantities(sentence).items()}
    assert found[text] == unit


@pytest.mark.parametrize(("sentence", "text", "time"), [
    # The period a figure covers, counted back from the report, is its time (it was none: a stretch of time with a
    # number in it was taken for a duration only).
    ("According to the ministry, Ukrainian forces lost up to 1,500 servicemen over the past 24 hours.",
     "up to 1,500", "the past 24 hours"),
    ("In the last 24 hours, 35 Palestinians were killed in Gaza, the ministry said.", "35", "the last 24 hours"),
    ("The army has destroyed 40 tanks during the past two weeks.", "40", "the past two weeks"),
    # The parser hangs the period on the second figure's participle; it holds for the sentence.
    ("At least 35 Palestinians were killed and 120 others injured in Israeli airstrikes across the Gaza Strip over "
     "the past 24 hours, the Health Ministry said.", "At least 35", "the past 24 hours"),
    # Guards: a duration that is no period of the figure's stays no time, and a period on another line or
    # clause, or a comparison with earlier years, is not the figure's.
    ("The army destroyed 40 tanks in a battle that lasted two weeks.", "40", None),
    ("He has blessed 50 couples in the last fifteen years; another priest has blessed two couples.", "two", None),
    ("Hundreds of cases are reported, but the epidemic is worse than in previous years.", "Hundreds", None),
])
def test_the_period_a_figure_covers_is_its_time(sentence: str, text: str, time: str | None) -> None:
    assert _quantities(sentence)[text]["time"] == time


def test_the_period_stays_a_duration_of_its_own() -> None:
    found = _quantities("In the past five weeks, there have been 21 new cases.")
    assert (found["five weeks"]["unit"], found["five weeks"]["measure"]) == ("weeks", "duration")


def test_a_measure_keeps_words_written_together() -> None:
    found = _quantities("The package includes 2,000 anti-armor missiles worth about 300 million U.S. dollars.")
    assert found["about 300 million U.S. dollars"]["measure"] == "value of anti-armor missiles"


@pytest.mark.parametrize(("sentence", "text", "measure"), [
    # What happened to the counted thing is the verb it is the object of, not a participle describing it (the
    # measures were "ships linked", "drones launched").
    ("The Yemeni forces had targeted 15 ships linked to the Israeli occupation.", "15", "ships targeted"),
    ("Hamas released 24 hostages held in Gaza.", "24", "hostages released"),
    ("The government admitted two preachers who had praised the attack.", "two", "preachers admitted"),
    # A verb's particle belongs to it ("shot down"), but not the "up" of "up to".
    ("Its forces had shot down 21 drones launched by the Yemeni forces.", "21", "drones shot down"),
    ("The army blew up 3 bridges.", "3", "bridges blown up"),
    # Guard: with no verb taking it as object, the participle still says what happened.
    ("There were 12 people killed in the strike.", "12", "people killed"),
    # A verb stressed on its last syllable doubles its consonant (the measure was "attacks repeled").
    ("Russian forces repel 7 Ukrainian attacks in the Donetsk direction.", "7", "attacks repelled"),
    ("Police patrol 40 streets in the city.", "40", "streets patrolled"),
    ("Officials visit 30 villages every week.", "30", "villages visited"),
])
def test_a_count_measures_the_verb_it_is_the_object_of(sentence: str, text: str, measure: str) -> None:
    assert _quantities(sentence)[text]["measure"] == measure


def test_the_up_of_up_to_is_no_particle() -> None:
    found = _quantities("The church can hold up to 2,000 people for Sunday services.")
    assert found["up to 2,000"]["measure"] == "people held"


@pytest.mark.parametrize(("sentence", "text", "measure"), [
    # A range counts the noun its first number carries (the measure was none), and the tagger's DATE over "Between
    # 50 and 60 soldiers" does not cut the range down to "50".
    ('The ministry said that between 50 and 60 Ukrainian servicemen involved in the attack had been "eliminated."',
     "between 50 and 60", "servicemen eliminated"),
    ("Between 50 and 60 soldiers were killed.", "Between 50 and 60", "soldiers killed"),
])
def test_a_range_measures_what_its_numbers_count(sentence: str, text: str, measure: str) -> None:
    found = _quantities(sentence)
    assert (found[text]["low"], found[text]["high"], found[text]["measure"]) == (50, 60, measure)


@pytest.mark.parametrize(("sentence", "text", "value", "high", "measure"), [
    # A share written as a fraction is a percentage of what it is a share of (it was no quantity, or "two" and
    # "five" counting nothing).
    ("Nearly half of Belgorod's schools have moved to remote learning.", "Nearly half", 50, 50,
     "share of Belgorod's schools"),
    ("Two-thirds of voters backed the deal.", "Two-thirds", 66.7, 66.7, "share of voters"),
    ("One in five Americans lives in poverty.", "One in five", 20, 20, "share of Americans"),
    ("A quarter of the buildings were destroyed.", "A quarter", 25, 25, "share of the buildings"),
    ("ICE made 364 arrests, about half of which snared fugitives.", "about half", 50, None, "share of 364 arrests"),
])
def test_a_fraction_is_a_share_in_percent(sentence: str, text: str, value: float, high: float | None,
                                         measure: str) -> None:
    q = _quantities(sentence)[text]
    assert (q["value"], q["high"], q["unit"], q["measure"]) == (value, high, "percent", measure)


@pytest.mark.parametrize("sentence", [
    # Guards: an ordinal, a stretch of time, a number with a half in it, a group's name.
    "A third evaluation will follow before the court decides.",
    "The cease-fire held for a quarter of the year.",
    "The review took a year and a half of investigation.",
    "Colm O'Gorman founded One in Four, the survivors' group.",
])
def test_no_share_where_a_fraction_word_shares_nothing(sentence: str) -> None:
    assert not any(q["unit"] == "percent" for q in _quantities(sentence).values())


@pytest.mark.parametrize(("sentence", "text", "unit", "measure", "time"), [
    # Economic reports as wire copy writes them (the measures were "share (year)", "share (of)", "share (up)",
    # "points" and none, "year on year" was a time, and "fell by X to Y" was read as a range).
    ("China's gross domestic product expanded 5.2 percent year on year to 126.06 trillion yuan in 2023.",
     "5.2 percent", "percent", "change in product", "2023"),
    ("The growth rate was higher than the target of around 5 percent.", "around 5 percent", "percent", "target",
     None),
    ("Fixed-asset investment went up 3 percent.", "3 percent", "percent", "change in asset investment", None),
    ("The unemployment rate averaged 5.2 percent, down 0.4 percentage points from a year earlier.",
     "0.4 percentage points", "percentage points", "change in unemployment rate", None),
    ("China's population fell by 2.08 million to 1.4097 billion at the end of 2023.", "2.08 million", None,
     "change in population", "the end of 2023"),
    ("China's population fell by 2.08 million to 1.4097 billion at the end of 2023.", "1.4097 billion", None,
     "population", "the end of 2023"),
    # A change by a fraction ("fell by two-thirds" was the count 2 of "thirds").
    ("Trade between Russia and the EU fell by two-thirds in 2023.", "two-thirds", "percent", "change in trade",
     "2023"),
    # "dipped" was no verb of change ("share (dip)", and the level after it measured nothing).
    ("Exports grew 0.6 percent, while imports dipped 0.3 percent to 17.99 trillion yuan.", "0.3 percent", "percent",
     "change in imports", None),
    ("Exports grew 0.6 percent, while imports dipped 0.3 percent to 17.99 trillion yuan.", "17.99 trillion yuan",
     "CNY", "imports", None),
])
def test_economic_figures_measure_what_changed_and_by_how_much(sentence: str, text: str, unit: str | None,
                                                                measure: str, time: str | None) -> None:
    q = _quantities(sentence)[text]
    assert (q["unit"], q["measure"], q["time"]) == (unit, measure, time)


@pytest.mark.parametrize(("sentence", "text", "claimant"), [
    # A figure in the clause of a claim someone rejects is the claim's owner's, not the rejecter's (whose quote
    # holds it) nor the outlet's.
    ("Russian Foreign Ministry spokeswoman Maria Zakharova dismissed the British intelligence estimate that Russia "
     "had lost 500,000 soldiers in Ukraine.", "500,000", "British intelligence"),
    ("Moscow rejected Washington's claim that 300 Russian soldiers were killed.", "300", "Washington"),
    # Guards: a claim whose owner goes unnamed stays with who speaks, and so does a figure someone states.
    ("The ministry denied reports that 40 civilians died in the strike.", "40", "ministry"),
    ("The ministry said that 40 civilians died in the strike.", "40", "ministry"),
])
def test_a_figure_in_a_rejected_claim_is_its_owners(sentence: str, text: str, claimant: str) -> None:
    doc = Pipeline([NlpLayer(), "quotes", ClaimsLayer(threshold=0.0)])(Document(sentence, "t"))
    (claim,) = [c for c in doc.spans("claims") if any(q["text"] == text for q in c.attrs["quantities"])]
    assert claim.attrs["claimant"]["name"] == claimant


@pytest.mark.parametrize(("sentence", "text", "value", "unit", "measure"), [
    # "14,000 2,000-pound bombs" was one sum of 16,000 British pounds.
    ("The US has sent 14,000 2,000-pound bombs to Israel.", "14,000", 14000, None, "pound bombs sent"),
    ("The US has sent 14,000 2,000-pound bombs to Israel.", "2,000-pound", 2000, "lb", "weight of bombs"),
    ("Israel dropped a 2,000-pound bomb on the camp.", "2,000-pound", 2000, "lb", "weight of bomb"),
    ("Russia is the 800-pound gorilla in the room.", "800-pound", 800, "lb", "weight of gorilla"),
    # Guards: pounds of money are still money.
    ("The ticket costs 50 pounds.", "50 pounds", 50, "GBP", "cost of ticket"),
])
def test_a_weight_joined_to_its_number_qualifies_a_noun(sentence: str, text: str, value: int, unit: str | None,
                                                        measure: str) -> None:
    q = _quantities(sentence)[text]
    assert (q["value"], q["unit"], q["measure"]) == (value, unit, measure)


@pytest.mark.parametrize(("sentence", "text", "measure"), [
    # A sum of money is the amount of the noun it is the of-object of (the headline's measure was none).
    ("Venezuela denounces losses of 30 billion dollars due to US blockade", "30 billion dollars", "losses"),
    ("He paid a fine of $5 million.", "$5 million", "fine"),
    # What costs a sum is what it is the cost of (was "dollars cost").
    ("Iranian officials say fuel smuggling costs the country billions of dollars every year.", "billions",
     "cost of fuel smuggling"),
    # The deaths of people count people killed (was "people").
    ("The PKK has been responsible for the deaths of more than 40,000 people in its campaign.", "more than 40,000",
     "people killed"),
    ("The raid led to the arrest of 232 illegal immigrants.", "232", "immigrants arrested"),
    # A number the parser hung on the name before the noun counts the noun (was "YPG").
    ('Turkish forces have "neutralised" 12 PKK/YPG terrorists in northern Iraq.', "12", "YPG terrorists neutralised"),
    # Guards: a scale word and "to the tune of" own no sum; a date before a noun is no counted name.
    ("China and the US conduct hundreds of billions of dollars of annual trade.", "hundreds of billions", "dollars"),
    ("Ransom payments to the tune of $1.7 billion were transferred to Iran.", "$1.7 billion", None),
])
def test_a_sum_or_count_measures_the_noun_or_verb_it_belongs_to(sentence: str, text: str, measure: str | None) -> None:
    assert _quantities(sentence)[text]["measure"] == measure


@pytest.mark.parametrize(("text", "opening"), [
    # The parser split the dateline's place off as a sentence: the claim began ", 3 July (BelTA) - Belarus".
    ("Lukashenko: Belarus is no threat\n\nMINSK, 3 July (BelTA) - Belarus has never threatened anyone and its army "
     "of 65,000 troops will never pose a threat, Aleksandr Lukashenko said.", "Belarus has never threatened"),
    ("IRGC Navy Seizes Foreign Tanker\n\nTEHRAN (Tasnim) – The Navy of the IRGC has seized a foreign oil tanker "
     "carrying 2 million liters of smuggled fuel, a provincial official said.", "The Navy of the IRGC has seized"),
])
def test_a_claim_opening_inside_a_dateline_starts_after_it(text: str, opening: str) -> None:
    doc = _claims_pipeline()(Document(text, "t"))
    body = [doc.text[c.start : c.end] for c in doc.spans("claims") if c.attrs["quantities"]]
    assert len(body) == 1 and body[0].startswith(opening)


@pytest.mark.parametrize(("sentence", "text", "measure", "time"), [
    # A running total from a start the text names (was no time, so it conflicted with a day's count).
    ("The Ministry said that 102,929 others have been injured since the start of the aggression.", "102,929",
     "others injured", "since the start of the aggression"),
    # A sum given again in another currency measures the same thing (was "dollars").
    ("China's foreign trade rose 5.3 percent to 32.33 trillion yuan (about 4.55 trillion U.S. dollars) in the first "
     "three quarters of 2024.", "about 4.55 trillion U.S. dollars", "trade", "the first three quarters of 2024"),
    # Nouns joined by "and" changed together (was "change in imports").
    ("Private enterprises remained the largest contributor, with their imports and exports climbing 8.5 percent.",
     "8.5 percent", "change in imports and exports", None),
    # A headline's change without its verb (was "share (up)").
    ("China's foreign trade up 5.3 pct in first three quarters", "5.3 pct", "change in trade",
     "first three quarters"),
])
def test_economic_and_casualty_figures_keep_their_time_and_what_they_measure(
        sentence: str, text: str, measure: str, time: str | None) -> None:
    found = _quantities(sentence)
    assert (found[text]["measure"], found[text]["time"]) == (measure, time)


def test_the_parts_of_a_year_a_date_counts_are_no_count() -> None:
    # "three" of "the first three quarters of 2024" was a count of "quarters".
    found = _quantities("China's foreign trade rose 5.3 percent in the first three quarters of 2024.")
    assert sorted(found) == ["5.3 percent"]


@pytest.mark.parametrize(("sentence", "text", "unit", "measure"), [
    # A sum reached is the level of what reached it (was "dollars reached").
    ("Bilateral trade between China and Brazil reached 181.5 billion U.S. dollars in 2023.",
     "181.5 billion U.S. dollars", "USD", "trade"),
    # Cubic and square measures (were the count "meters"), and units.
    ("Iran's gas production has also increased to 1 billion cubic meters per day.", "1 billion cubic meters",
     "cubic m", "gas production"),
    ("Israel has occupied 400 square kilometers of land.", "400 square kilometers", "square km", "land occupied"),
    ("China's chip output rose to 391 billion units.", "391 billion units", "units", "chip output"),
    # What was done to the counted, named by a noun (was "cooperation documents").
    ("The two heads of state witnessed the signing of 37 cooperation documents.", "37", None,
     "cooperation documents signed"),
])
def test_levels_and_units_of_economic_copy(sentence: str, text: str, unit: str | None, measure: str) -> None:
    found = _quantities(sentence)
    assert (found[text]["unit"], found[text]["measure"]) == (unit, measure)


@pytest.mark.parametrize(("sentence", "counts"), [
    # "The two sides", "the two heads of state" name who is meant: they were counts ("sides deepened").
    ("The two sides should deepen cooperation in trade, Xi said.", []),
    ("The two heads of state met in Brasilia.", []),
    # Guard: the two of a count of casualties stays a count.
    ("The two soldiers were killed on Monday.", ["two"]),
])
def test_the_two_sides_are_no_count(sentence: str, counts: list[str]) -> None:
    assert sorted(_quantities(sentence)) == counts


def test_a_figure_compared_measures_what_the_figure_before_it_does() -> None:
    # "more than double the figure of 900 previously disclosed" measured nothing.
    found = _quantities("The Pentagon has acknowledged that around 2,000 US troops are deployed in Syria, more than "
                        "double the figure of 900 previously disclosed.")
    assert found["900"]["measure"] == found["around 2,000"]["measure"] == "US troops deployed"


def test_what_costs_a_vague_sum_is_what_it_is_the_cost_of() -> None:
    # "had cost Iran hundreds of billions of dollars" measured "dollars".
    found = _quantities("He said that the sanctions had cost Iran hundreds of billions of dollars.")
    assert found["hundreds of billions"]["measure"] == "cost of sanctions"
