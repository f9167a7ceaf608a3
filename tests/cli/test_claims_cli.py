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
