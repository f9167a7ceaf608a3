"""Read+store throughput and peak memory for 10,000 generated articles (issue 2).

Generates plain-text, Markdown, HTML and JSONL articles of news-like prose (about 700 words each) in a
temporary directory, then times `ingest_paths(..., analyse=False)` into a fresh SQLite store, and a
second, idempotent re-run over the same inputs. Writes benchmarks/results/read_store.json.

    .venv/bin/python benchmarks/read_store.py [--articles 10000]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from spinscope.api import ingest_paths
from spinscope.store import open_store

_PROSE = ("the minister said government forces attacked villages near the border on Monday while officials "
          "in the capital denied reports that dozens of civilians were killed and hundreds wounded according "
          "to local sources who spoke on condition of anonymity about the ceasefire talks")
WORDS = _PROSE.split()
PLACES = ["TEHRAN", "MOSCOW", "BEIJING", "HAVANA", "CARACAS", "DAMASCUS", "MINSK"]


def _article(rng: random.Random, i: int) -> tuple[str, str]:
    paragraphs = []
    for _ in range(10):
        sentences = []
        for _ in range(4):
            n = rng.randint(12, 22)
            sentences.append(" ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + ".")
        paragraphs.append(" ".join(sentences))
    title = f"Report {i}: " + " ".join(rng.choice(WORDS) for _ in range(7))
    body = f"{rng.choice(PLACES)} - " + "\n\n".join(paragraphs)
    return title, body


def generate(folder: Path, count: int, seed: int = 7) -> None:
    """Write `count` articles in four formats, most as one file each and a block as JSONL."""
    rng = random.Random(seed)
    jsonl_every = 10  # every 10th article goes into one JSONL file
    with (folder / "feed.jsonl").open("w", encoding="utf-8") as feed:
        for i in range(count):
            title, body = _article(rng, i)
            kind = i % 4
            if i % jsonl_every == 0:
                feed.write(json.dumps({"id": f"j{i}", "title": title, "text": body,
                                       "url": f"https://www.presstv.ir/Detail/{i}", "published": "2023-11-03"}) + "\n")
            elif kind == 0:
                (folder / f"a{i:05d}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
            elif kind == 1:
                (folder / f"a{i:05d}.md").write_text(f"## {title}\n\n{body}\n", encoding="utf-8")
            else:
                paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
                page = (f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
                        f"<article><h1>{title}</h1>{paras}</article><footer>© Outlet</footer></body></html>")
                (folder / f"a{i:05d}.html").write_text(page, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "read_store.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        generate(corpus, args.articles)
        store = open_store(Path(tmp) / "bench.sqlite")
        t0 = time.perf_counter()
        first = ingest_paths([str(corpus)], store, analyse=False)
        t1 = time.perf_counter()
        again = ingest_paths([str(corpus)], store, analyse=False)
        t2 = time.perf_counter()
        stored = store.count()
        store.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "benchmark": "read+store (no analysis), SQLite, fresh store",
        "articles": args.articles,
        "stored": stored,
        "failed": len(first.failed),
        "seconds": round(t1 - t0, 2),
        "articles_per_second": round(args.articles / (t1 - t0), 1),
        "rerun_seconds": round(t2 - t1, 2),
        "rerun_added": len(again.added),
        "peak_rss_mb": round(peak_mb, 1),
        "machine": f"{platform.machine()}, {platform.python_version()}, cores={os.cpu_count()}",
        "load_average_1min_at_end": round(os.getloadavg()[0], 2),  # other jobs on the 2 cores slow it down
        "command": f"python benchmarks/read_store.py --articles {args.articles:d}",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    json.dump(result, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
