"""The quotes layer on the two bundled articles: every quote with the right speaker, ids and roles."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinscope.document import Document
from spinscope.export.analysis import to_analysis
from spinscope.layers.nlp import NlpLayer
from spinscope.layers.quotes import QuotesLayer
from spinscope.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[3]
RHC = ROOT / "examples" / "000_0d4423ccaaff396e.txt"
TEHRAN = ROOT / "examples" / "004_f84c2f7eacc5cb2b.txt"


@pytest.fixture(scope="module")
def analyses() -> dict[str, dict]:
    pipeline = Pipeline([NlpLayer(), QuotesLayer()])
    return {p.name: to_analysis(pipeline(Document(text=p.read_text(encoding="utf-8"), source=str(p))))
            for p in (RHC, TEHRAN)}


def _quote_with(analysis: dict, fragment: str) -> dict:
    hits = [q for q in analysis["quotes"] if fragment in q["text"]]
    assert hits, f"no quote contains {fragment!r}"
    return hits[0]


def _speaker(analysis: dict, name: str) -> dict:
    hits = [s for s in analysis["speakers"] if s["name"] == name]
    assert hits, f"no speaker {name!r} in {[s['name'] for s in analysis['speakers']]}"
    return hits[0]


# (fragment of the quote content, expected speaker name or None for an unnamed source)
RHC_QUOTES = [
    ("Al-Aqsa Storm Operation has raised awareness", "Khaled Qaddoumi"),
    ("21-century holocaust", "Khaled Qaddoumi"),
    ("It's been twenty-seven days", "Khaled Qaddoumi"),
    ("People in Germany now ask", "Khaled Qaddoumi"),
    ("unanimous global stance", "Khaled Qaddoumi"),
    ("There was some incremental pressure", "Khaled Qaddoumi"),
    ("Western outlets are the voice", "Khaled Qaddoumi"),
    ("In France, protesters were arrested", "Khaled Qaddoumi"),
    ("it got nothing", "Khaled Qaddoumi"),
    ("The only way we found to be effective", "Khaled Qaddoumi"),
    ("the backbone of our resistance is the weapon", "Khaled Qaddoumi"),
    ("many military achievements", "Khaled Qaddoumi"),
    ("Israel as an occupation is no longer tolerated", "Khaled Qaddoumi"),
    ("the West is not yet ready", "Khaled Qaddoumi"),
]
TEHRAN_QUOTES = [
    ("rockets fired from Gaza were in response", "Khaled al-Qaddoumi"),
    ("It is not the matter of who is the victor", "Khaled al-Qaddoumi"),
    ("The Zionist regime's narrative", "Khaled al-Qaddoumi"),
    ("Yes, we were the victors", "Khaled al-Qaddoumi"),
    ("the Israeli siege imposed on Gaza", "Khaled al-Qaddoumi"),
    ("the barrage of rockets", "Khaled al-Qaddoumi"),  # "Referring to the barrage ..., al-Qaddoumi said"
    ("This technology has been transferred", "Khaled al-Qaddoumi"),
    ("12 people were killed", "Israel"),
    ("demoralized the settlers", None),
    ("thousands of people in Gaza", "al Jazeera"),
    ("The heroes of the nation of Ibrahim", "Mohammad Baqer Qalibaf"),
    ("Resistance missiles exposed", "Ebrahim Raeisi"),
    ("historic victory proved the false aura", "Ali Akbar Velayati"),
    ("Palestine is the Islamic world's most important issue", "Ali Akbar Velayati"),
    ("Intifada has changed the balance", "Ali Akbar Velayati"),
    ("glass of life of the shameful occupiers", "Mohammad Baqeri"),
]


@pytest.mark.parametrize(("fragment", "name"), RHC_QUOTES)
def test_rhc_statements_have_their_speaker(analyses: dict, fragment: str, name: str | None) -> None:
    quote = _quote_with(analyses[RHC.name], fragment)
    assert quote["speaker"] is not None
    assert quote["speaker"]["name"] == name


@pytest.mark.parametrize(("fragment", "name"), TEHRAN_QUOTES)
def test_tehran_statements_have_their_speaker(analyses: dict, fragment: str, name: str | None) -> None:
    quote = _quote_with(analyses[TEHRAN.name], fragment)
    assert quote["speaker"] is not None, "vague sources are marked unnamed, not dropped"
    assert quote["speaker"]["name"] == name
    if name is None:
        assert quote["speaker"]["id"] is None


def test_every_direct_quote_has_a_named_speaker(analyses: dict) -> None:
    for analysis in analyses.values():
        direct = [q for q in analysis["quotes"] if q["kind"] == "direct"]
        assert len(direct) >= 5
        for q in direct:
            assert q["speaker"] and q["speaker"]["id"], q["text"][:80]


def test_qaddoumi_has_one_id_across_both_articles_with_his_role(analyses: dict) -> None:
    rhc = _speaker(analyses[RHC.name], "Khaled Qaddoumi")
    tehran = _speaker(analyses[TEHRAN.name], "Khaled al-Qaddoumi")
    assert rhc["id"] == tehran["id"]
    assert any("representative of the Hamas resistance movement in Iran" in r for r in rhc["roles"])
    assert any("Hamas representative in Iran" in r for r in tehran["roles"])
    assert "al-Qaddoumi" in tehran["aliases"]


@pytest.mark.parametrize(("name", "title"), [
    ("Mohammad Baqer Qalibaf", "Parliament Speaker"),
    ("Ebrahim Raeisi", "Judiciary Chief"),
    ("Ali Akbar Velayati", "senior advisor to Leader of the Islamic Revolution"),
    ("Mohammad Baqeri", "Armed Forces Chief of Staff"),
])
def test_iranian_officials_are_speakers_with_titles(analyses: dict, name: str, title: str) -> None:
    speaker = _speaker(analyses[TEHRAN.name], name)
    assert any(title in role for role in speaker["roles"]), speaker["roles"]


def test_a_rank_before_the_name_is_a_title_of_its_own(analyses: dict) -> None:
    # "Iran's Armed Forces Chief of Staff Major General Mohammad Baqeri": one role ran the rank into the post.
    roles = _speaker(analyses[TEHRAN.name], "Mohammad Baqeri")["roles"]
    assert "Major General" in roles and "Iran’s Armed Forces Chief of Staff" in roles, roles
    # "Ayatollah Seyed" is all titles, and stays one.
    assert "Ayatollah Seyed" in _speaker(analyses[TEHRAN.name], "Ebrahim Raeisi")["roles"]


def test_cues_and_kinds(analyses: dict) -> None:
    tweet = _quote_with(analyses[TEHRAN.name], "The heroes of the nation of Ibrahim")
    assert tweet["cue"]["text"] == "tweeted"
    assert tweet["kind"] == "direct"
    dismissed = _quote_with(analyses[TEHRAN.name], "casualty figures")
    assert dismissed["cue"]["text"] == "also dismissed"  # PolNeAR keeps "also" in the cue
    according = _quote_with(analyses[TEHRAN.name], "thousands of people in Gaza")
    assert according["cue"]["text"] == "According to"
    assert _quote_with(analyses[RHC.name], "21-century holocaust")["kind"] == "mixed"
    assert _quote_with(analyses[RHC.name], "People in Germany now ask")["kind"] == "indirect"


def test_quote_offsets_point_into_the_text(analyses: dict) -> None:
    for analysis in analyses.values():
        for q in analysis["quotes"]:
            assert analysis["text"][q["start"]:q["end"]] == q["text"]
            assert q["speaker"] is None or analysis["text"][q["speaker"]["start"]:q["speaker"]["end"]]
            assert 0.0 <= q["score"] <= 1.0


def test_a_quote_after_said_adding_is_only_what_was_added(analyses: dict) -> None:
    # 'The Israeli regime can do nothing "but to leave," he said, adding, "It's time has finished. ..."': the first
    # quotation is said's; adding's quote is the second alone, not both with "he said, adding," between them.
    added = _quote_with(analyses[RHC.name], "It's time has finished")
    assert added["cue"]["text"] == "adding"
    assert added["text"].startswith('"It\'s time has finished')
    assert "but to leave" not in added["text"]
    said = _quote_with(analyses[RHC.name], "can do nothing")
    assert said["end"] <= added["start"]


def test_a_reported_clause_keeps_the_subject_the_parser_read_as_an_object(analyses: dict) -> None:
    # "Baqeri also said the battle and confrontation ..., which after 12 days led to ..., revealed that ...": the
    # parser made "the battle" the object of "said"; the reported clause still starts there.
    quote = _quote_with(analyses[TEHRAN.name], "glass of life of the shameful occupiers")
    assert quote["text"].startswith("the battle and confrontation of the Palestinian Mujahedeen")


def test_a_participle_hung_on_what_was_said_is_the_speakers_own(analyses: dict) -> None:
    # "The Hamas representative in Tehran said there's a unanimous global stance ... and this has forced governments
    # to show support for Palestine, pointing to Bahrain recalling its ambassador ...": the parser hangs "pointing"
    # on "forced", whose subject "this" points at nothing; the representative points, and what he said ends at
    # the comma before it.
    pointing = _quote_with(analyses[RHC.name], "Bahrain recalling its ambassador")
    assert pointing["cue"]["text"] == "pointing"
    assert pointing["speaker"]["name"] == "Khaled Qaddoumi"
    said = _quote_with(analyses[RHC.name], "unanimous global stance")
    assert said["text"].endswith("show support for Palestine")
