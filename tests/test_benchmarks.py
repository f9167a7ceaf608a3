"""The benchmark scripts run as documented, on a few articles, and write their results where they are told.

They are the evidence behind the speed and memory figures in `benchmarks/results/`: a script that no longer
runs leaves those figures unreproducible. Nothing here checks a time (see the brief: tests never assert on time).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED_DATA

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def _run(script: str, *args: str) -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), *args], cwd=ROOT,
                          capture_output=True, text=True, env=dict(os.environ), timeout=900, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED_DATA / "polnear" / "dev").is_dir(), reason="shared data not present")
def test_every_benchmark_runs_on_a_few_articles_and_leaves_the_recorded_results_alone(tmp_path: Path) -> None:
    recorded = {p.name: p.read_bytes() for p in RESULTS.glob("*.json")}
    data = tmp_path / "polnear"
    (data / "text").mkdir(parents=True)
    for f in sorted((SHARED_DATA / "polnear" / "dev" / "text").glob("*.txt"))[:3]:
        (data / "text" / f.name).write_bytes(f.read_bytes())

    _run("claims_speed.py", "--limit", "2", "--out", str(tmp_path / "claims.json"))
    claims = json.loads((tmp_path / "claims.json").read_text(encoding="utf-8"))
    assert claims["articles"] == 2 and claims["articles_per_second"] > 0 and claims["blend_articles_per_second"] > 0

    _run("techniques_speed.py", "--limit", "1", "--out", str(tmp_path / "techniques.json"))
    tech = json.loads((tmp_path / "techniques.json").read_text(encoding="utf-8"))
    assert tech["articles"] == 1 and tech["techniques_articles_per_s"] > 0 and tech["techniques_peak_rss_mb"] > 0

    _run("quotes_speed.py", "--data", str(data), "--limit", "2", "--out", str(tmp_path / "quotes.json"))
    quotes = json.loads((tmp_path / "quotes.json").read_text(encoding="utf-8"))
    assert quotes["articles"] == 2 and quotes["quotes_layer_articles700_per_s"] > 0

    _run("read_store.py", "--articles", "12", "--out", str(tmp_path / "store.json"))
    store = json.loads((tmp_path / "store.json").read_text(encoding="utf-8"))
    assert store["stored"] == 12 and store["failed"] == 0 and store["rerun_added"] == 0

    _run("speaker_merges.py", "--data", str(data), "--out", str(tmp_path / "merges.json"))
    merges = json.loads((tmp_path / "merges.json").read_text(encoding="utf-8"))
    assert merges["documents"] == 3 and merges["person_ids"] > 0

    assert {p.name: p.read_bytes() for p in RESULTS.glob("*.json")} == recorded
