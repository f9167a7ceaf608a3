"""Speed of the techniques layer on 700-word articles, beside a plain spaCy parse of the same articles.

Run: `python benchmarks/techniques_speed.py [--limit 40] [--out benchmarks/results/techniques_speed.json]`.
Articles are PTC dev texts cut into 700-word pieces at line ends; nothing is trained or tuned here.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SPINSCOPE_SHARED_DATA", ROOT.parent / "shared" / "data"))
OUT = ROOT / "benchmarks" / "results" / "techniques_speed.json"
WORDS = 700
N_ARTICLES = 40


def articles(limit: int = N_ARTICLES) -> list[str]:
    """Return 700-word pieces of the PTC dev articles (whole lines, so sentences stay intact)."""
    pieces, current, count = [], [], 0
    for path in sorted((SHARED / "ptc" / "dev" / "articles").glob("article*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            current.append(line)
            count += len(line.split())
            if count >= WORDS:
                pieces.append("\n".join(current))
                current, count = [], 0
                if len(pieces) == limit:
                    return pieces
    return pieces


def peak_rss_mb() -> float:
    """Return this process's peak resident set size in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    """Measure load time, throughput and peak memory; write the JSON result."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=N_ARTICLES, help="700-word articles to time")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    texts = articles(args.limit)
    rss_start = peak_rss_mb()
    t0 = time.perf_counter()
    from spinscope.document import Document
    from spinscope.layers.techniques import TechniquesLayer

    layer = TechniquesLayer()
    layer.model  # noqa: B018  (load now, to time it)
    load_s = time.perf_counter() - t0
    docs = [Document(text=t, source=f"piece{i}") for i, t in enumerate(texts)]
    t0 = time.perf_counter()
    n_spans = sum(len(layer(d).spans("techniques")) for d in docs)
    layer_s = time.perf_counter() - t0
    rss_layer = peak_rss_mb()

    from spinscope.layers.nlp import load_spacy

    nlp = load_spacy()
    t0 = time.perf_counter()
    for t in texts:
        nlp(t)
    spacy_s = time.perf_counter() - t0
    result = {
        "articles": len(texts),
        "words_per_article": WORDS,
        "techniques_model_load_s": round(load_s, 3),
        "techniques_articles_per_s": round(len(texts) / layer_s, 2),
        "techniques_spans": n_spans,
        "techniques_peak_rss_mb": round(rss_layer, 1),
        "process_rss_before_mb": round(rss_start, 1),
        "spacy_en_core_web_sm_articles_per_s": round(len(texts) / spacy_s, 2),
        "cpu_count": os.cpu_count(),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "python": sys.version.split()[0],
        "machine": platform.machine(),
        "note": "2 CPU cores shared with other jobs; the load average shows how busy they were",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
