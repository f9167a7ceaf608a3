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
