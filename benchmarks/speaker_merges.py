"""Measure cross-document speaker merging: which ids carry several names, and how many of those are wrong.

Usage: python benchmarks/speaker_merges.py [--data DIR ...] [--out benchmarks/results/speaker_merges.json]

Runs the nlp and quotes layers over PolNeAR train and dev (default), links every document's speakers with
one `SpeakerLinker` (as `spinscope ingest` does), and lists each person id whose names disagree: two
different surnames, two different first names, or two different sets of middle initials ("Eva Miller" with
"Miller", or "Adam Schiff" with "Adam B. Schiff", agree). Whether such an id joins one person or several is a
human judgement,
recorded in benchmarks/speaker_merges_judged.json as {"names joined by ' | '": "same" | "different"}; the
result counts the ids judged different (wrong merges), judged same, and not yet judged.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from collections import defaultdict
from pathlib import Path

from spinscope.document import Document
from spinscope.layers.nlp import NlpLayer
from spinscope.layers.quotes import QuotesLayer
from spinscope.link.speakers import _SUFFIXES, SpeakerLinker, _ascii, clean_name
from spinscope.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SPINSCOPE_SHARED_DATA", ROOT.parent / "shared" / "data"))
JUDGED = ROOT / "benchmarks" / "speaker_merges_judged.json"


def _norm(name: str) -> str:
    return " ".join(name.lower().split())


def _plain(word: str) -> str:
    """Spelling only: accents, case, particles and punctuation set aside, nothing folded."""
    return re.sub(r"[^a-z]", "", _ascii(word).lower().removeprefix("al-").removeprefix("el-"))


def _is_initial(word: str) -> bool:
    """"W", "W." and "H.W." are middle initials; "Stan" is a middle name."""
    letters = word.replace(".", "")
    return letters.isalpha() and (len(letters) == 1 or (len(letters) <= 3 and "." in word))


def _disagree(names: list[str]) -> bool:
    """Return whether names given to one id are spelt differently where it matters: surname, first name,
    or middle initials. The key folds spellings on purpose; this check is blind to the folding, so every
    merge the folding made is shown for judging.

    Generational suffixes are left out, and a hyphenated surname ("Shanklin-Hawkins") is one word here.
    """
    surnames, firsts, initials = set(), set(), set()
    for name in names:
        words = [w for w in clean_name(name).split() if w.lower().strip(".") not in _SUFFIXES]
        if not words:
            continue
        surnames.add(_plain(words[-1]))
        if len(words) > 1:
            firsts.add(_plain(words[0]))
            initials.add("".join(w.replace(".", "").lower() for w in words[1:-1] if _is_initial(w)))
    return len(surnames) > 1 or len(firsts) > 1 or len(initials - {""}) > 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, nargs="*",
                    default=[SHARED / "polnear" / "train", SHARED / "polnear" / "dev"])
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "speaker_merges.json")
    args = ap.parse_args()
    files = [f for d in args.data for f in sorted((d / "text").glob("*.txt"))]
    docs = (Document(text=f.read_text(encoding="utf-8"), source=str(f)) for f in files)
    linker = SpeakerLinker()
    names: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    t0 = time.perf_counter()
    n_docs = 0
    for doc in Pipeline([NlpLayer(), QuotesLayer()]).pipe(docs):
        n_docs += 1
        for span in linker.link(doc).spans("speakers"):
            if span.attrs.get("kind") != "person":
                continue
            for alias in span.attrs.get("aliases", []):
                names[span.attrs["id"]][alias] += 1
    judged = json.loads(JUDGED.read_text(encoding="utf-8")) if JUDGED.is_file() else {}
    several = []
    for sid, forms in sorted(names.items()):
        distinct = sorted({_norm(n) for n in forms})
        if len(distinct) > 1 and _disagree(distinct):
            label = " | ".join(distinct)
            several.append({"id": sid, "names": dict(sorted(forms.items())), "judged": judged.get(label),
                            "label": label})
    verdicts = [s["judged"] for s in several]
    result = {
        "documents": n_docs,
        "person_ids": len(names),
        "ids_with_several_names": sum(len({_norm(n) for n in forms}) > 1 for forms in names.values()),
        "ids_whose_names_disagree": len(several),
        "judged_different_people": verdicts.count("different"),
        "judged_same_person": verdicts.count("same"),
        "not_judged": verdicts.count(None),
        "seconds": round(time.perf_counter() - t0, 1),
        "ids": several,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "ids"}))


if __name__ == "__main__":
    main()
