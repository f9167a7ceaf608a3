"""`spinscope speakers` over a store holding the two bundled articles: one Qaddoumi across both."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from spinscope.cli.main import app
from spinscope.document import Document
from spinscope.export.analysis import to_analysis
from spinscope.layers.nlp import NlpLayer
from spinscope.layers.quotes import QuotesLayer
from spinscope.link.speakers import SpeakerLinker
from spinscope.pipeline import Pipeline
from spinscope.store import open_store

ROOT = Path(__file__).resolve().parents[2]


def test_speakers_command_lists_one_id_per_person_with_documents(tmp_path: Path) -> None:
    pipeline = Pipeline([NlpLayer(), QuotesLayer()])
    linker = SpeakerLinker()
    store = open_store(tmp_path / "s.sqlite")
    ids = []
    for path in sorted((ROOT / "examples").glob("*.txt")):
        doc = linker.link(pipeline(Document(text=path.read_text(encoding="utf-8"), source=str(path))))
        store.add(doc, to_analysis(doc))
        ids.append(doc.id)
    store.save_state("speakers", linker.state())
    store.close()

    result = CliRunner().invoke(app, ["speakers", "--store", str(tmp_path / "s.sqlite"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    qaddoumi = [r for r in rows if "Qaddoumi" in (r["name"] or "")]
    assert len(qaddoumi) == 1
    (row,) = qaddoumi
    assert sorted(row["documents"]) == sorted(ids)
    assert row["quotes"] >= 20
    assert {"Khaled Qaddoumi", "Khaled al-Qaddoumi"} <= set(row["aliases"])
    assert any("Hamas representative" in r for r in row["roles"])
    assert rows[0]["id"] == row["id"], "most quoted first"
    names = {r["name"] for r in rows}
    assert {"Mohammad Baqer Qalibaf", "Ebrahim Raeisi", "Ali Akbar Velayati", "Mohammad Baqeri", "Israel"} <= names

    text = CliRunner().invoke(app, ["speakers", "--store", str(tmp_path / "s.sqlite")])
    assert text.exit_code == 0 and row["id"] in text.output


def _jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_two_presidents_bush_keep_apart_across_runs_of_ingest(tmp_path: Path) -> None:
    # Middle initials are left out of the name key, so "George H.W. Bush" once shared George W. Bush's id.
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "both.txt").write_text(
        "Former President George W. Bush said on Monday that the war had been right. His father, former President "
        "George H.W. Bush, said in 1991 that the coalition would hold.\n", encoding="utf-8")
    (first / "son.txt").write_text("\"We are strong,\" George W. Bush said in Texas.\n", encoding="utf-8")
    (second / "father.txt").write_text("\"It was a hard year,\" George H.W. Bush said in his diary.\n",
                                       encoding="utf-8")
    (second / "bare.txt").write_text("\"Nothing is decided,\" Bush said.\n", encoding="utf-8")
    store = str(tmp_path / "s.sqlite")
    runner = CliRunner()
    for folder in (first, second):  # two runs: the second reads the first's linker state from the store
        result = runner.invoke(app, ["ingest", str(folder), "--store", store, "--layers", "nlp,quotes"])
        assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["speakers", "--store", store, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = {r["name"]: r for r in _jsonl(result.output)}
    son, father = rows["George W. Bush"], rows["George H.W. Bush"]
    assert son["id"] != father["id"]
    assert (len(son["documents"]), son["quotes"]) == (2, 2)
    assert (len(father["documents"]), father["quotes"]) == (2, 2)
    assert "George H.W. Bush" not in son["aliases"] and "George W. Bush" not in father["aliases"]
    # A bare surname shared by two known people joins neither.
    assert rows["Bush"]["id"] not in {son["id"], father["id"]}
