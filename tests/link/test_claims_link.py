"""Linking claims across documents: the second example's dispute of Israel's casualty figure."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinscope.document import Document
from spinscope.export.analysis import to_analysis
from spinscope.layers.claims import ClaimsLayer
from spinscope.layers.nlp import NlpLayer
from spinscope.link.claims import find_dispute, link_claims, measure_key
from spinscope.pipeline import Pipeline

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_measure_families() -> None:
    assert measure_key("people killed") == measure_key("deaths") == "casualties (killed)"
    # A count of one group of people is a rival of counts of that group only (WAFA's "17,000 militants killed"
    # conflicted with a death toll of 43,603).
    assert measure_key("soldiers died") == measure_key("troops killed") == "casualties (killed): soldiers"
    assert measure_key("militants killed") == measure_key("Hamas fighters killed") == "casualties (killed): fighters"
    assert measure_key("airbases attacked") == "airbases attacked"


def test_find_dispute() -> None:
    found = find_dispute("Al-Qaddoumi also dismissed the casualty figures given by the Israeli authorities, "
                         "saying they were “not accurate”.")
    assert found is not None and found[1] == "casualties" and found[2].startswith("Israeli")
    assert find_dispute("Israel said 12 people were killed.") is None


@pytest.mark.parametrize("with_quotes", [False, True])
def test_example_dispute_links_the_casualty_figure(with_quotes: bool) -> None:
    layers = ["nlp", "claims"]
    if with_quotes:
        pytest.importorskip("spinscope.layers.quotes", reason="quotes layer not installed")
        layers.insert(1, "quotes")
    pipe = Pipeline(layers) if with_quotes else Pipeline([NlpLayer(), ClaimsLayer()])
    analyses = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        analysis = to_analysis(pipe(Document(path.read_text(encoding="utf-8"), str(path))))
        if not with_quotes:
            # Without speaker ids, the claimant mention travels in the claim (as the store would keep it).
            doc = pipe(Document(path.read_text(encoding="utf-8"), str(path)))
            for c, span in zip(analysis["claims"], doc.spans("claims"), strict=True):
                c["claimant"] = span.attrs["claimant"]
        analyses.append(analysis)
    links = link_claims(analyses)
    disputes = [d for d in links.disputes if "dismissed the casualty figures" in d.text]
    assert disputes, "the dispute sentence was not linked"
    texts = {ref.text for d in disputes for ref in d.disputed}
    measures = {ref.measure for d in disputes for ref in d.disputed}
    assert "12" in texts and "people killed" in measures


def test_groups_and_conflicts() -> None:
    def analysis(doc_id: str, value: int, published: str) -> dict:
        text = f"Officials said {value} people were killed in Gaza."
        return {"id": doc_id, "meta": {"published": published, "outlet": {"name": doc_id}},
                "entities": [{"start": text.index("Gaza"), "end": text.index("Gaza") + 4, "text": "Gaza",
                              "label": "GPE"}],
                "speakers": [], "claims": [{"start": 0, "end": len(text), "text": text, "speaker_id": None,
                                            "quantities": [{"text": str(value), "value": value, "low": value,
                                                            "high": value, "unit": None, "measure": "people killed"}]}]}

    links = link_claims([analysis("a", 12, "2021-05-20"), analysis("b", 30, "2021-05-21"),
                         analysis("c", 5, "2022-01-01")])
    assert len(links.groups) == 1 and {m.doc_id for m in links.groups[0].members} == {"a", "b"}
    assert links.conflicts == links.groups


def _doc(doc_id: str, text: str, published: str, figure: str | None = None, measure: str | None = None) -> dict:
    """An analysis of one sentence, with one quantity where `figure` is given (as the store keeps it)."""
    quantities = []
    if figure is not None:
        start = text.index(figure)
        quantities = [{"start": start, "end": start + len(figure), "text": figure, "value": int(figure),
                       "low": int(figure), "high": int(figure), "unit": None, "measure": measure}]
    return {"id": doc_id, "meta": {"published": published, "outlet": {"name": doc_id}}, "entities": [],
            "speakers": [], "claims": [{"start": 0, "end": len(text), "text": text, "speaker_id": None,
                                        "quantities": quantities}]}


def test_a_dispute_that_names_no_figures_stays_in_its_own_document() -> None:
    # "the figures" alone points back into its own article; it was linked to every figure of every document.
    officials = _doc("a", "Officials said 12 people were killed in the strike.", "2021-05-20", "12", "people killed")
    generic = _doc("b", "Hamas dismissed the figures as false.", "2021-05-20")
    named = _doc("c", "Hamas dismissed the casualty figures as false.", "2021-05-21")
    late = _doc("d", "Hamas dismissed the casualty figures as false.", "2022-01-01")
    links = link_claims([officials, generic, named, late])
    assert [(d.doc_id, [r.doc_id for r in d.disputed]) for d in links.disputes] == [("c", ["a"])]


def test_a_figure_rejected_in_its_own_sentence_is_the_one_disputed_and_the_rejecter_disputes_it() -> None:
    pipe = Pipeline(["nlp", "quotes", "claims"])
    text = ("MOSCOW, November 3. /TASS/. Russia will respond to any aggression, Sergey Lavrov said on Friday.\n\n"
            "The Pentagon has claimed that more than 300,000 Russian soldiers were killed or wounded, a figure "
            "Moscow dismissed as propaganda.\n")
    other = _doc("x", "Officials said 12 people were killed in the strike.", "2023-11-03", "12", "people killed")
    links = link_claims([to_analysis(pipe(Document(text, "tass.txt"))), other])
    (dispute,) = links.disputes
    assert (dispute.claimant, dispute.target) == ("Moscow", "a figure")
    assert [(r.text, r.claimant) for r in dispute.disputed] == [("more than 300,000", "Pentagon")]


def test_a_dispute_of_one_sources_figures_links_those_and_names_its_unnamed_rejecter() -> None:
    # "the ministry's figures": the target was "s figures", and every figure of the article was disputed (the army's
    # own count too), by "(outlet)" as the rejecter had no speaker id.
    def claim(text: str, figure: str, measure: str, speaker: str | None) -> dict:
        start = text.index(figure)
        return {"start": 0, "end": len(text), "text": text, "speaker_id": speaker,
                "quantities": [{"start": start, "end": start + len(figure), "text": figure, "value": 35, "low": 35,
                                "high": None, "unit": None, "measure": measure}]}

    doc = {"id": "a", "meta": {"published": "2024-01-09", "outlet": {"name": "AA"}}, "entities": [],
           "speakers": [{"id": "spk-moh", "name": "Health Ministry"}, {"id": "spk-idf", "name": "Israeli army"}],
           "claims": [claim("At least 35 Palestinians were killed, the Health Ministry said.", "At least 35",
                            "Palestinians killed", "spk-moh"),
                      claim("The Israeli army said it had struck 100 targets.", "100", "targets struck", "spk-idf"),
                      {"start": 0, "end": 60, "text": "An army spokesman dismissed the ministry's figures as lies.",
                       "speaker_id": None, "quantities": []}]}
    (dispute,) = link_claims([doc]).disputes
    assert (dispute.claimant, dispute.target) == ("An army spokesman", "ministry's figures")
    assert [r.text for r in dispute.disputed] == ["At least 35"]


def test_figures_over_different_periods_are_no_rival_counts() -> None:
    # A running total and a count over the past 24 hours were one conflicting group ("23,210" against "35").
    def doc(doc_id: str, text: str, figure: str, measure: str, time: str | None) -> dict:
        d = _doc(doc_id, text, "2024-01-09", figure, measure)
        d["claims"][0]["quantities"][0]["time"] = time
        return d

    daily = doc("a", "Officials said 35 people were killed over the past 24 hours.", "35", "people killed",
                "the past 24 hours")
    total = doc("b", "The death toll since Oct. 7 has risen to 23210, officials said.", "23210", "death toll",
                "Oct. 7")
    day = doc("c", "Officials said 28 people were killed over the past day.", "28", "people killed", "the past day")
    links = link_claims([daily, total, day])
    assert [sorted(m.doc_id for m in g.members) for g in links.conflicts] == [["a", "c"]]


def _disputes(**articles: str) -> dict[str, tuple[str | None, list[tuple[str, str | None]]]]:
    """The disputes that the nlp, quotes and claims layers and the linker find in the articles (by file name), by
    their target: the rejecter and the (figure, claimant) pairs rejected."""
    pipe = Pipeline(["nlp", "quotes", "claims"])
    links = link_claims([to_analysis(pipe(Document(text, name))) for name, text in articles.items()])
    return {d.target: (d.claimant, [(r.text, r.claimant) for r in d.disputed]) for d in links.disputes}


def test_disputes_of_a_wire_report_read_through_the_pipeline() -> None:
    # The rejecter of "a figure the resistance movement has rejected" was the figure's own claimant; "these figures"
    # and "the Israeli figures" were every figure of the article, the rejecter's own among them.
    text = ("In a statement on Thursday, the Gaza Health Ministry said 107 people had been killed in the past 24 "
            "hours.\n\n"
            "The Israeli military claims it has killed more than 10,000 Hamas fighters, a figure the resistance "
            "movement has rejected.\n\n"
            "Hamas official Osama Hamdan told a press conference in Beirut that the Israeli figures were lies.\n")
    wire = ("MOSCOW (Sputnik) - The Ukrainian army lost up to 250 servicemen over the past day, the Russian Defense "
            "Ministry said.\n\n"
            "Ukrainian President Volodymyr Zelensky claimed that Russian forces had lost more than 300,000 troops.\n\n"
            'The Russian Defense Ministry has dismissed these figures as "fabrications."\n')
    found = _disputes(**{"presstv.txt": text, "sputnik.txt": wire})
    assert found["a figure"] == ("resistance movement", [("more than 10,000", "Israeli military")])
    assert found["Israeli figures"] == ("Osama Hamdan", [("more than 10,000", "Israeli military")])
    assert found["these figures"] == ("Russian Defense Ministry", [("more than 300,000", "Volodymyr Zelensky")])


def test_a_dispute_of_figures_the_article_gives_stays_in_the_article() -> None:
    # "the ministry's figures" were every ministry's figures in the store about a place no sentence named.
    own = _doc("a", "At least 35 Palestinians were killed, the ministry said.", "2024-01-09", "35",
               "Palestinians killed")
    own["speakers"] = [{"id": "spk-moh", "name": "Health Ministry"}]
    own["claims"][0]["speaker_id"] = "spk-moh"
    own["claims"].append({"start": 0, "end": 60, "text": "An army spokesman dismissed the ministry's figures as lies.",
                          "speaker_id": None, "quantities": []})
    other = _doc("b", "Seven people were killed, the ministry said, and 12 wounded.", "2024-01-09", "12",
                 "people wounded")
    other["speakers"] = [{"id": "spk-mod", "name": "Defense Ministry"}]
    other["claims"][0]["speaker_id"] = "spk-mod"
    (dispute,) = link_claims([own, other]).disputes
    assert [(r.doc_id, r.text) for r in dispute.disputed] == [("a", "35")]


def test_a_figure_others_say_is_exaggerated_is_rejected_by_them() -> None:
    # "a number Chinese analysts say is grossly exaggerated" was rejected by the figure's own claimant.
    text = ("According to the Pentagon's annual report, China has more than 500 operational nuclear warheads, a number "
            "Chinese analysts say is grossly exaggerated.")
    doc = _doc("a", text, "2024-01-09", "500", "warheads")
    doc["speakers"] = [{"id": "spk-pentagon", "name": "Pentagon"}]
    doc["claims"][0]["speaker_id"] = "spk-pentagon"
    (dispute,) = link_claims([doc]).disputes
    assert (dispute.claimant, [r.text for r in dispute.disputed]) == ("Chinese analysts", ["500"])
    # Guard: saying a figure with no word of its falsehood disputes nothing.
    plain = _doc("b", "China has 500 warheads, a number Chinese analysts say is growing.", "2024-01-09", "500",
                 "warheads")
    assert not link_claims([plain]).disputes


def test_a_rejected_estimate_is_its_owners_and_rejected_by_the_speaker() -> None:
    # "Zakharova dismissed the British intelligence estimate that Russia had lost 500,000 soldiers": the figure was
    # Zakharova's (her quote holds it), so nothing disputed it, and the dispute took the article's other figures,
    # the Russian Defence Ministry's among them. "a figure that U.S. officials have rejected" was rejected by the
    # figure's own claimant.
    text = ("Russian Foreign Ministry spokeswoman Maria Zakharova on Thursday dismissed the British intelligence "
            'estimate that Russia had lost 500,000 soldiers in Ukraine as "fantasies of London propagandists."\n\n'
            "According to the Russian Defence Ministry, Ukrainian forces lost up to 2,100 servicemen over the past "
            "week.\n\n"
            "According to the Venezuelan government, some 40,000 people died between 2017 and 2018 as a result of "
            "the sanctions, a figure that U.S. officials have rejected.\n")
    assert _disputes(**{"ria.txt": text}) == {
        "intelligence estimate": ("Maria Zakharova", [("500,000", "British intelligence")]),
        "a figure": ("U.S. officials", [("some 40,000", "Venezuelan government")])}


def test_figures_of_sentences_naming_no_place_are_grouped_by_their_articles_lead() -> None:
    # "The death toll rose to 23,210" under a Gaza lead and "24 people were killed" under a Belgorod lead were one
    # conflict, "no place named", though the two articles tell of different wars.
    pipe = Pipeline(["nlp", "claims"])
    gaza = ("Israeli strikes kill dozens in Gaza\n\nIsraeli strikes on the Gaza Strip killed dozens of Palestinians on "
            "Tuesday.\n\nThe death toll has risen to 23,210 people killed, the ministry said.\n")
    gaza2 = ("Gaza toll passes 23,000\n\nPalestinians in Gaza mourned their dead on Tuesday.\n\n"
             "The death toll has risen to 23,357 people killed, officials said.\n")
    belgorod = ("Ukrainian shelling hits Belgorod\n\nUkrainian forces shelled the Russian city of Belgorod on "
                "Tuesday.\n\nThe death toll has risen to 24 people killed, the governor said.\n")
    analyses = [to_analysis(pipe(Document(t, name))) for name, t in
                (("gaza", gaza), ("gaza2", gaza2), ("belgorod", belgorod))]
    names = {a["id"]: a["source"] for a in analyses}
    groups = [{names[r.doc_id] for r in g.members} for g in link_claims(analyses).groups]
    assert {"gaza", "gaza2"} in groups
    assert not any("belgorod" in g and len(g) > 1 for g in groups)


def test_round_figures_a_little_apart_do_not_conflict() -> None:
    # "about 17.7 trillion" and "about 17.71 trillion" were a conflict: a round figure allows a little either way.
    a = _doc("a", "GDP reached 177 trillion yuan, the bureau said.", "2024-01-17", "177", "GDP")
    b = _doc("b", "GDP reached 178 trillion yuan, the bureau said.", "2024-01-17", "178", "GDP")
    for doc in (a, b):
        q = doc["claims"][0]["quantities"][0]
        q["low"] = q["high"] = None  # "about ...": approximate, no bound given
    (group,) = link_claims([a, b]).groups
    assert not group.conflicting
    # Guard: figures that far apart still conflict, and exact counts a little apart too.
    c = _doc("c", "GDP reached 200 trillion yuan, the bureau said.", "2024-01-17", "200", "GDP")
    c["claims"][0]["quantities"][0]["low"] = c["claims"][0]["quantities"][0]["high"] = None
    assert link_claims([a, c]).groups[0].conflicting
    assert link_claims([_doc("d", "12 people were killed.", "2024-01-17", "12", "people killed"),
                        _doc("e", "13 people were killed.", "2024-01-17", "13", "people killed")]).conflicts


def test_a_dispute_of_an_acronyms_figures_links_the_bodys_full_name() -> None:
    # "dismissed the UN figures" left out the figure of "The United Nations says ...".
    text = ("The United Nations says more than 70 percent of housing units in the Gaza Strip have been destroyed.\n\n"
            "In a report released on Thursday, the UN Office for the Coordination of Humanitarian Affairs (OCHA) "
            "said some 1.7 million people had been displaced.\n\n"
            'Israeli officials have dismissed the UN figures as "biased".\n')
    assert _disputes(**{"presstv.txt": text}) == {"UN figures": ("Israeli officials", [
        ("more than 70 percent", "United Nations"),
        ("some 1.7 million", "UN Office for the Coordination of Humanitarian Affairs")])}


def test_figures_of_different_times_are_no_rival_counts() -> None:
    # Xinhua's trade growth "in the first three quarters" (5.3 percent) and "in September alone" (0.7 percent)
    # were a conflict; so were injuries "since the start of the aggression" and those "in the past 24 hours".
    def doc(doc_id: str, figure: str, measure: str, time: str | None) -> dict:
        text = f"Officials said in Gaza that {figure} changed."
        d = _doc(doc_id, text, "2024-10-14", figure, measure)
        d["claims"][0]["quantities"][0]["time"] = time
        return d

    links = link_claims([doc("a", "53", "change in trade", "the first three quarters of 2024"),
                         doc("b", "7", "change in trade", "September"),
                         doc("c", "9", "change in trade", "in September"),
                         doc("d", "20", "change in trade", None)])
    groups = sorted(sorted(m.doc_id for m in g.members) for g in links.groups)
    # The figure without a time could be of either; it joins the first group it meets.
    assert groups == [["a", "d"], ["b", "c"]]
    assert [sorted(m.doc_id for m in g.members) for g in links.conflicts] == [["a", "d"], ["b", "c"]]


def test_claims_rejected_in_the_lead_are_the_figures_given_next() -> None:
    # RT's "Moscow has dismissed new claims by British intelligence about Russian military casualties" was no
    # dispute ("claims" was no figure word), and the UK's figure in the next sentence stood undisputed.
    rt = ("Zakharova mocks Western claims about Russian losses\n\n"
          "Moscow has dismissed new claims by British intelligence about Russian military casualties, with Foreign "
          'Ministry spokeswoman Maria Zakharova describing them as "pure fiction."\n\n'
          "The UK Defence Ministry claimed on Wednesday that Russia has suffered more than 600,000 casualties since "
          "the start of the conflict.\n\n"
          "In September 2022, Defense Minister Sergei Shoigu said 5,937 Russian servicemen had been killed.\n")
    found = _disputes(**{"rt.txt": rt})
    assert found["new claims by British intelligence"] == ("Moscow", [("more than 600,000", "UK Defence Ministry")])
    # Guard: claims of anything but figures are no dispute of figures.
    other = ("Beijing rejected the claims of interference made by Washington.\n\n"
             "The US said 40 Chinese firms were sanctioned.\n")
    assert _disputes(**{"other.txt": other}) == {}
