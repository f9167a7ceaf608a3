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
