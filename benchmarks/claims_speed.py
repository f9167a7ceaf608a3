"""Claims layer speed: articles per second over PTC dev articles, with the spaCy parse done beforehand.

Also times the layer with the sentence-embedding blend (`ClaimsLayer(blend=True)`), with its cascade and without
it (every sentence encoded), and counts the claims the cascade changes.

Run: `python benchmarks/claims_speed.py [--limit 60] [--out benchmarks/results/claims_speed.json]`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

from spinscope.document import Document
from spinscope.layers.claims import ClaimsLayer
from spinscope.layers.nlp import NlpLayer

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("SPINSCOPE_SHARED_DATA", ROOT / ".." / "shared" / "data")) / "ptc" / "dev" / "articles"
OUT = ROOT / "benchmarks" / "results" / "claims_speed.json"


def _timed(layer: ClaimsLayer, docs: list[Document]) -> tuple[float, list[set[tuple[int, int]]]]:
    """Run a layer over the documents; return the seconds it took and each document's claim offsets."""
    start = time.perf_counter()
    found = [{(c.start, c.end) for c in layer(d).spans("claims")} for d in docs]
    return time.perf_counter() - start, found


def main(n: int = 60, out: Path = OUT) -> dict[str, object]:
    """Time the claims layer alone (parse cached by the nlp layer, as in the pipeline)."""
    paths = sorted(DATA.glob("*.txt"))[:n]
    docs = list(NlpLayer().pipe(Document(p.read_text(encoding="utf-8"), str(p)) for p in paths))
    layer = ClaimsLayer(blend=False)  # explicit: SPINSCOPE_CLAIMS_BLEND must not change what is timed
    layer(docs[0])  # load the model outside the timing
    load_before = os.getloadavg()[0]  # other work on the machine slows the figure: record it
    secs, found = _timed(layer, docs)
    secs_cascade, found_cascade = _timed(ClaimsLayer(blend=True), docs)
    secs_all, found_all = _timed(ClaimsLayer(blend=True, cascade=None), docs)
    result = {"articles": len(docs), "seconds": round(secs, 3), "articles_per_second": round(len(docs) / secs, 2),
              "claims": sum(map(len, found)),
              "blend_articles_per_second": round(len(docs) / secs_cascade, 2),
              "blend_claims": sum(map(len, found_cascade)),
              "blend_without_cascade_articles_per_second": round(len(docs) / secs_all, 2),
              "blend_without_cascade_claims": sum(map(len, found_all)),
              "claims_lost_by_cascade": sum(len(b - a) for a, b in zip(found_cascade, found_all, strict=True)),
              "claims_added_by_cascade": sum(len(a - b) for a, b in zip(found_cascade, found_all, strict=True)),
              "chars": sum(len(d.text) for d in docs), "cpus": os.cpu_count(),
              "load_avg_1m_before": round(load_before, 2), "load_avg_1m_after": round(os.getloadavg()[0], 2),
              "python": platform.python_version()}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=60, help="PTC dev articles to time")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    print(json.dumps(main(args.limit, args.out)))
