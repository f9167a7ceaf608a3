"""Benchmark: quotes-layer throughput in 700-word articles per second (target ≥ 5 on 2 cores).

Usage: python benchmarks/quotes_speed.py [--data DIR] [--out benchmarks/results/quotes_speed.json]
Reads DIR/text/*.txt (default: PolNeAR dev from ../shared/data) and times the layer alone (the spaCy
parse is shared with the nlp layer and cached), the layer without its MiniLM cue tagger, and the nlp + quotes
pipeline.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

from spinscope.document import Document
from spinscope.layers.nlp import NlpLayer, parse
from spinscope.layers.quotes import QuotesLayer

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(os.environ.get("SPINSCOPE_SHARED_DATA", ROOT.parent / "shared" / "data")) / "polnear" / "dev"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "quotes_speed.json")
    ap.add_argument("--limit", type=int, default=60, help="articles to time (the parse cache holds 64)")
    args = ap.parse_args()
    texts = [f.read_text(encoding="utf-8") for f in sorted((args.data / "text").glob("*.txt"))][: args.limit]
    docs = [Document(text=t, source=str(i)) for i, t in enumerate(texts)]
    words = sum(len(t.split()) for t in texts)
    nlp, quotes, linear = NlpLayer(), QuotesLayer(), QuotesLayer(tagger=False)
    quotes(nlp(docs[0]))  # load models before timing

    t0 = time.perf_counter()
    parsed = list(nlp.pipe(docs))
    t_parse = time.perf_counter() - t0
    for d in parsed:
        parse(d)  # cached: the timing below is the layer's own work
    t0 = time.perf_counter()
    for d in parsed:
        quotes(d)
    t_quotes = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d in parsed:
        linear(d)
    t_linear = time.perf_counter() - t0

    per700 = words / 700
    result = {
        "benchmark": "quotes_speed",
        "data": str(args.data.relative_to(args.data.parents[2])) if len(args.data.parents) > 2 else str(args.data),
        "articles": len(texts),
        "words": words,
        "quotes_layer_articles700_per_s": round(per700 / t_quotes, 2),
        "nlp_plus_quotes_articles700_per_s": round(per700 / (t_parse + t_quotes), 2),
        # QuotesLayer(tagger=False): the linear cue model alone, without the MiniLM cue tagger.
        "quotes_layer_without_tagger_articles700_per_s": round(per700 / t_linear, 2),
        "seconds": {"parse": round(t_parse, 2), "quotes": round(t_quotes, 2),
                    "quotes_without_tagger": round(t_linear, 2)},
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "load_average_1min": round(os.getloadavg()[0], 2)},
        "target_articles700_per_s": 5.0,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
