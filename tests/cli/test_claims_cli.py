"""`spinscope claims`: listing stored claims with filters."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from spinscope.cli.claims import iter_claims
from spinscope.document import Document, Meta, Outlet
from spinscope.export.analysis import to_analysis
from spinscope.layers.claims import ClaimsLayer
from spinscope.layers.nlp import NlpLayer
from spinscope.pipeline import Pipeline

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "004_f84c2f7eacc5cb2b.txt"


def _ingested(tmp_path: Path, articles: dict[str, str]) -> tuple[str, list[dict]]:
    """Write the articles to files, `spinscope ingest` them into a new store and return the store and the rows of
    `spinscope claims --disagreements --format jsonl`, as a user runs them."""
    from spinscope.cli.main import app

    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = str(tmp_path / "s.sqlite")
    ingested = CliRunner().invoke(app, ["ingest", *(str(tmp_path / name) for name in articles), "--store", store])
    assert ingested.exit_code == 0, ingested.output
    result = CliRunner().invoke(app, ["claims", "--store", store, "--disagreements", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return store, [json.loads(x) for x in result.output.splitlines() if x.strip()]


def _analysis() -> tuple[Document, dict]:
    doc = Document(EXAMPLE.read_text(encoding="utf-8"), str(EXAMPLE),
                   meta=Meta(outlet=Outlet("Radio Habana Cuba"), published="2021-05-26"))
    doc = Pipeline([NlpLayer(), ClaimsLayer()])(doc)
    return doc, to_analysis(doc)


def test_filters() -> None:
    _, analysis = _analysis()
    killed = list(iter_claims([analysis], measure="killed"))
    assert [r["text"] for r in killed] == ["Israel said 12 people were killed by rockets fired from Gaza."]
    assert list(iter_claims([analysis], outlet="habana"))
    assert not list(iter_claims([analysis], outlet="reuters"))
    assert list(iter_claims([analysis], since="2021-05-01", until="2021-05-31"))
    assert not list(iter_claims([analysis], since="2022-01-01"))


def test_command_reads_the_store(tmp_path: Path) -> None:
    from spinscope.cli.main import app
    from spinscope.store import open_store

    doc, analysis = _analysis()
    store = open_store(tmp_path / "s.sqlite")
    store.add(doc, analysis)
    store.close()
    result = CliRunner().invoke(app, ["claims", "--store", str(tmp_path / "s.sqlite"), "--measure", "airbases",
                                      "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in result.output.splitlines() if x.strip()]
    assert len(rows) == 1 and rows[0]["quantities"][0]["text"] == "at least six"


def test_disagreements_lists_the_dispute_of_the_casualty_figure_and_conflicting_figures(tmp_path: Path) -> None:
    # Through the command on a real SQLite store: the second example's dispute of Israel's figure, and a conflict
    # between it and another outlet's count of the same strikes two days later.
    from spinscope.cli.main import app
    from spinscope.store import open_store

    pipe = Pipeline(["nlp", "quotes", "claims"])  # the claimant of Israel's figure is the quotes layer's speaker
    example = pipe(Document(EXAMPLE.read_text(encoding="utf-8"), str(EXAMPLE),
                            meta=Meta(outlet=Outlet("Radio Habana Cuba"), published="2021-05-26")))
    other = pipe(Document("Gaza health officials said 30 people were killed by Israeli strikes in Gaza.",
                          "other.txt", meta=Meta(outlet=Outlet("Al Mayadeen"), published="2021-05-28")))
    store = open_store(tmp_path / "s.sqlite")
    for doc in (example, other):
        store.add(doc, to_analysis(doc))
    store.close()
    args = ["claims", "--store", str(tmp_path / "s.sqlite"), "--disagreements"]
    result = CliRunner().invoke(app, [*args, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in result.output.splitlines() if x.strip()]
    (conflict,) = [r for r in rows if r["kind"] == "conflict"]
    assert conflict["measure"] == "casualties (killed)"
    assert sorted(c["text"] for c in conflict["claims"]) == ["12", "30"]
    (dispute,) = [r for r in rows if r["kind"] == "dispute"]
    assert dispute["claimant"] == "Khaled al-Qaddoumi"
    assert [(d["text"], d["claimant"]) for d in dispute["disputed"]] == [("12", "Israel")]
    text = CliRunner().invoke(app, args).output
    assert text.startswith("conflict\tcasualties (killed)") and "rejects \"casualty figures given by" in text
    # The filters apply: no document of another outlet's disagreement survives --outlet, nor a measure not named.
    assert not CliRunner().invoke(app, [*args, "--measure", "airbases"]).output.strip()
    only_rhc = CliRunner().invoke(app, [*args, "--outlet", "habana", "--format", "jsonl"]).output
    assert [json.loads(x)["kind"] for x in only_rhc.splitlines() if x.strip()] == ["dispute"]


def test_disagreements_of_two_wire_reports_ingested_from_files(tmp_path: Path) -> None:
    # `spinscope ingest` on two files, then `spinscope claims --disagreements`: the daily counts of two outlets
    # conflict (35 against 28, "the past 24 hours" and "the past day" being one period), the running total does not
    # join them, and the army spokesman's dispute of "the ministry's figures" rejects the ministry's figures only.
    from spinscope.cli.main import app

    aa = ("Israeli strikes kill 35 Palestinians in Gaza: Health Ministry\n\n"
          "GAZA CITY, Jan. 9 (AA) - At least 35 Palestinians were killed and 120 others injured in Israeli airstrikes "
          "across the Gaza Strip over the past 24 hours, the Health Ministry in Gaza said on Tuesday.\n\n"
          "The death toll since Oct. 7 has risen to 23,210, the ministry said in a statement.\n\n"
          'The Israeli army said it had struck "more than 100 terror targets" during the same period. An army '
          'spokesman dismissed the ministry\'s figures as "Hamas propaganda."\n')
    jp = ("IDF: Over 100 Hamas targets hit in past day\n\n"
          "TEL AVIV, Jan. 9 - According to the Gaza Health Ministry, 28 Palestinians were killed in Israeli strikes "
          "in Gaza over the past day.\n")
    store, rows = _ingested(tmp_path, {"aa.txt": aa, "jp.txt": jp})
    conflicts = [sorted(c["text"] for c in r["claims"]) for r in rows if r["kind"] == "conflict"]
    assert ["28", "At least 35"] in [[t for t in c if t != "35"] for c in conflicts]
    assert not any("23,210" in c for c in conflicts)
    (dispute,) = [r for r in rows if r["kind"] == "dispute"]
    assert dispute["claimant"] == "An army spokesman"
    assert {d["claimant"] for d in dispute["disputed"]} <= {"Health Ministry", "Gaza Health Ministry"}
    assert "more than 100" not in {d["text"] for d in dispute["disputed"]}
    # The army is a speaker of its own, so its count is its claim, not the outlet's.
    listed = CliRunner().invoke(app, ["claims", "--store", store, "--format", "jsonl"]).output
    army = [json.loads(x) for x in listed.splitlines() if "terror targets" in x]
    assert army and army[0]["speaker"] == "Israeli army"


def test_disagreements_of_a_sputnik_report_and_a_gaza_report_ingested_from_files(tmp_path: Path) -> None:
    # `spinscope ingest` on two files, then `spinscope claims --disagreements`: "these figures" were every figure of
    # the article, the rejecter's own among them; the figures of "the statement read" were the outlet's; a figure
    # the resistance movement rejected was rejected by the figure's own claimant, the Israeli military; "The
    # Israeli military claims" had no speaker.
    from spinscope.cli.main import app

    sputnik = ("Russian Forces Repel 7 Ukrainian Attacks in Donetsk Direction - MoD\n\n"
               "MOSCOW (Sputnik) - Russian troops have repelled seven attacks over the past day, the Russian Defense "
               "Ministry said in a statement on Tuesday.\n\n"
               "The Ukrainian army lost up to 250 servicemen in this direction, the statement read.\n\n"
               "Earlier, Ukrainian President Volodymyr Zelensky claimed that Russian forces had lost more than 300,000 "
               "troops since the beginning of the conflict.\n\n"
               'The Russian Defense Ministry has dismissed these figures as "fabrications."\n')
    presstv = ("Gaza death toll rises as Israeli strikes continue\n\n"
               "The Israeli military claims it has killed more than 10,000 Hamas fighters, a figure the resistance "
               "movement has rejected.\n")
    store, rows = _ingested(tmp_path, {"sputnik.txt": sputnik, "presstv.txt": presstv})
    disputes = {r["target"]: r for r in rows if r["kind"] == "dispute"}
    these = disputes["these figures"]
    assert (these["claimant"], [(d["text"], d["claimant"]) for d in these["disputed"]]) == (
        "Russian Defense Ministry", [("more than 300,000", "Volodymyr Zelensky")])
    rejected = disputes["a figure"]
    assert (rejected["claimant"], [(d["text"], d["claimant"]) for d in rejected["disputed"]]) == (
        "resistance movement", [("more than 10,000", "Israeli military")])
    listed = [json.loads(x) for x in CliRunner().invoke(app, ["claims", "--store", store, "--format", "jsonl"]
                                                        ).output.splitlines()]
    assert {r["speaker"] for r in listed if "250 servicemen" in r["text"]} == {"Russian Defense Ministry"}


def test_claims_of_unnamed_and_rejected_sources_name_them_when_ingested_from_a_file(tmp_path: Path) -> None:
    # `spinscope claims` showed the 500,000 of "the British intelligence estimate" Zakharova dismissed as hers, and
    # its dispute linked the Russian Defence Ministry's own count; a military source's figure was the outlet's.
    from spinscope.cli.main import app

    ria = ("MOSCOW, July 3 (RIA Novosti) - Russian Foreign Ministry spokeswoman Maria Zakharova on Thursday "
           "dismissed the British intelligence estimate that Russia had lost 500,000 soldiers in Ukraine as "
           '"fantasies of London propagandists."\n\n'
           "According to the Russian Defence Ministry, Ukrainian forces lost up to 2,100 servicemen over the past "
           "week in the Donetsk direction.\n\n"
           "A military source said that 12 drones were shot down over the Belgorod region.\n")
    store, rows = _ingested(tmp_path, {"ria.txt": ria})
    (dispute,) = [r for r in rows if r["kind"] == "dispute"]
    assert (dispute["claimant"], [(d["text"], d["claimant"]) for d in dispute["disputed"]]) == (
        "Maria Zakharova", [("500,000", "British intelligence")])
    listed = [json.loads(x) for x in CliRunner().invoke(app, ["claims", "--store", store, "--format", "jsonl"]
                                                        ).output.splitlines()]
    speakers = {q["text"]: r["speaker"] for r in listed for q in r["quantities"]}
    assert (speakers["500,000"], speakers["up to 2,100"], speakers["12"]) == (
        "British intelligence", "Russian Defence Ministry", "military source")
    analysis = json.loads(CliRunner().invoke(app, ["analyze", str(tmp_path / "ria.txt"), "--format", "jsonl"]
                                             ).output.splitlines()[0])
    claimant = next(c["claimant"] for c in analysis["claims"] if "12 drones" in c["text"])
    assert (claimant["text"], ria[claimant["start"]:claimant["end"]]) == ("military source", "military source")


def test_disagreements_of_wafa_xinhua_and_rt_reports_ingested_from_files(tmp_path: Path) -> None:
    # `spinscope ingest` on three files, then `spinscope claims --disagreements`: the Israeli army's count of
    # militants conflicted with the Health Ministry's death toll, the injured since the start of the war with those
    # of a day, trade growth over three quarters with that of September; RT's "dismissed new claims by British
    # intelligence about Russian military casualties" disputed nothing.
    wafa = ("Death toll in Gaza rises to 43,603\n\n"
            "GAZA, November 8, 2024 (WAFA) – The death toll from the Israeli aggression on the Gaza Strip has risen "
            "to 43,603, the Ministry of Health said on Friday.\n\n"
            "The Ministry added that 102,929 others have been injured since the start of the aggression.\n\n"
            "It pointed out that the occupation forces killed 51 citizens and injured 164 others in the Gaza Strip in "
            "the past 24 hours.\n\n"
            "The Israeli army claimed that it had killed more than 17,000 militants in the Gaza Strip.\n")
    xinhua = ("China's foreign trade up 5.3 pct in first three quarters\n\n"
              "BEIJING, Oct. 14 (Xinhua) -- China's foreign trade rose 5.3 percent year on year in the first three "
              "quarters of 2024, official data showed Monday.\n\n"
              "In September alone, China's foreign trade expanded 0.7 percent year on year, the data showed.\n")
    rt = ("Zakharova mocks Western claims about Russian losses\n\n"
          "Moscow has dismissed new claims by British intelligence about Russian military casualties, with Foreign "
          'Ministry spokeswoman Maria Zakharova describing them as "pure fiction."\n\n'
          "The UK Defence Ministry claimed on Wednesday that Russia has suffered more than 600,000 casualties since "
          "the start of the conflict.\n")
    _store, rows = _ingested(tmp_path, {"wafa.txt": wafa, "xinhua.txt": xinhua, "rt.txt": rt})
    assert [r for r in rows if r["kind"] == "conflict"] == []
    (dispute,) = [r for r in rows if r["kind"] == "dispute"]
    assert (dispute["claimant"], [(d["text"], d["claimant"]) for d in dispute["disputed"]]) == (
        "Moscow", [("more than 600,000", "UK Defence Ministry")])
