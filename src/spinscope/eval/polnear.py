"""`spinscope eval polnear`: attribution spans in brat standoff, scored per role and per attribution.

Scores (micro-averaged over all documents):
- per role (Source, Cue, Content): exact F1 (same fragments) and overlap F1, where a predicted span
  counts when it overlaps a not-yet-matched gold span of the same role (greedy, in text order);
- attribution F1: a predicted attribution matches a not-yet-matched gold one when their contents
  overlap and, where the gold attribution has a source, their sources overlap too.
Where an article was annotated by several annotators the first annotation file (sorted by name) is gold.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spinscope.errors import ErrorCode, SpinscopeError

__all__ = ["Attribution", "read_brat", "write_brat", "score", "overlaps", "predict", "run", "ROLES"]

logger = logging.getLogger(__name__)

ROLES = ("Source", "Cue", "Content")
Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Attribution:
    """One attribution relation: each role is a tuple of (start, end) fragments, or () when absent."""

    source: Fragments
    cue: Fragments
    content: Fragments

    def role(self, name: str) -> Fragments:
        """Return the fragments of a role by its brat type name."""
        return {"Source": self.source, "Cue": self.cue, "Content": self.content}[name]


def _trim(text: str, frags: Iterable[tuple[int, int]]) -> Fragments:
    out = []
    for start, end in frags:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return tuple(sorted(out))


def read_brat(ann: str, text: str) -> list[Attribution]:
    """Parse a brat `.ann` file into attributions; T spans not tied by an E line become their own."""
    spans: dict[str, tuple[str, Fragments]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, offsets = parts[1].partition(" ")
            frags = [(int(a), int(b)) for a, b in (piece.split()[:2] for piece in offsets.split(";"))]
            spans[parts[0]] = (kind, _trim(text, frags))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    used: set[str] = set()
    out = []
    for ev in events:
        roles: dict[str, Fragments] = {}
        for role in ROLES:
            tid = ev.get(role)
            if tid is not None and tid in spans and spans[tid][0] == role:
                roles[role] = spans[tid][1]
                used.add(tid)
        if roles.get("Content") or roles.get("Cue"):
            out.append(Attribution(roles.get("Source", ()), roles.get("Cue", ()), roles.get("Content", ())))
    for tid, (kind, fragments) in spans.items():
        if tid not in used and kind in ROLES and fragments:
            logger.debug("untied %s span %s", kind, tid)
            empty: Fragments = ()
            out.append(Attribution(*(fragments if kind == r else empty for r in ROLES)))
    return out


def write_brat(attributions: Sequence[Attribution], text: str) -> str:
    """Return brat standoff: Source/Cue/Content T lines, an Attribution trigger on the cue, one E line each."""
    lines: list[str] = []
    t = 0
    for e, attr in enumerate(attributions, start=1):
        args = []
        for role in ("Source", "Cue", "Content"):
            frags = attr.role(role)
            if not frags:
                continue
            t += 1
            offsets = ";".join(f"{s} {e_}" for s, e_ in frags)
            surface = " ".join(text[s:e_] for s, e_ in frags).replace("\n", " ")
            lines.append(f"T{t}\t{role} {offsets}\t{surface}")
            args.append(f"{role}:T{t}")
        trigger = attr.cue or attr.content
        t += 1
        offsets = ";".join(f"{s} {e_}" for s, e_ in trigger)
        kind = "Attribution" if attr.source else "Attribution-no-source"
        lines.append(f"T{t}\t{kind} {offsets}\t{' '.join(text[s:e_] for s, e_ in trigger).replace(chr(10), ' ')}")
        lines.append(f"E{e}\t{kind}:T{t} {' '.join(args)}")
    return "\n".join(lines) + ("\n" if lines else "")


def overlaps(a: Fragments, b: Fragments) -> bool:
    """Whether any fragment of `a` shares a character with any fragment of `b`."""
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _f1(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> dict[str, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _greedy(pred: Sequence[Fragments], gold: Sequence[Fragments]) -> int:
    taken = [False] * len(gold)
    hits = 0
    for p in pred:
        for i, g in enumerate(gold):
            if not taken[i] and overlaps(p, g):
                taken[i] = True
                hits += 1
                break
    return hits


def score(pairs: Iterable[tuple[Sequence[Attribution], Sequence[Attribution]]]) -> dict[str, float]:
    """Return micro-averaged role and attribution scores over (predicted, gold) pairs of documents."""
    counts: dict[str, int] = {}

    def add(key: str, n: int) -> None:
        counts[key] = counts.get(key, 0) + n

    for pred, gold in pairs:
        for role in ROLES:
            p_spans = sorted(a.role(role) for a in pred if a.role(role))
            g_spans = sorted(a.role(role) for a in gold if a.role(role))
            add(f"{role}.pred", len(p_spans))
            add(f"{role}.gold", len(g_spans))
            unmatched = list(g_spans)
            exact = 0
            for frags in p_spans:
                if frags in unmatched:
                    unmatched.remove(frags)
                    exact += 1
            add(f"{role}.exact", exact)
            add(f"{role}.overlap", _greedy(p_spans, g_spans))
        taken = [False] * len(gold)
        hits = 0
        for attr in sorted(pred, key=lambda x: x.content):
            for i, g in enumerate(gold):
                if taken[i] or not overlaps(attr.content, g.content):
                    continue
                if g.source and not overlaps(attr.source, g.source):
                    continue
                taken[i] = True
                hits += 1
                break
        add("attr.pred", len(pred))
        add("attr.gold", len(gold))
        add("attr.hit", hits)
    out: dict[str, float] = {}
    for role in ROLES:
        n_p, n_g = counts.get(f"{role}.pred", 0), counts.get(f"{role}.gold", 0)
        for mode in ("exact", "overlap"):
            tp = counts.get(f"{role}.{mode}", 0)
            for k, v in _f1(tp, n_p, tp, n_g).items():
                out[f"{role.lower()}_{mode}_{k}"] = round(v, 4)
    for k, v in _f1(counts.get("attr.hit", 0), counts.get("attr.pred", 0), counts.get("attr.hit", 0),
                    counts.get("attr.gold", 0)).items():
        out[f"attribution_{k}"] = round(v, 4)
    return out


def gold_file(data: Path, stem: str) -> Path | None:
    """Return the gold `.ann` of an article: `attributions/<stem>_<annotator>.ann` or `ann/<stem>.ann`."""
    plain = data / "ann" / f"{stem}.ann"
    if plain.is_file():
        return plain
    folder = data / "attributions"
    if not folder.is_dir():
        return None
    pattern = re.compile(re.escape(stem) + r"(_[^_]+)?\.ann$")
    found = sorted(p for p in folder.iterdir() if pattern.fullmatch(p.name))
    return found[0] if found else None


def predict(texts: Sequence[str]) -> list[list[Attribution]]:
    """Run the shipped nlp + quotes layers and return each document's attributions."""
    from spinscope.document import Document
    from spinscope.layers.nlp import NlpLayer
    from spinscope.layers.quotes import QuotesLayer, attributions_of
    from spinscope.pipeline import Pipeline

    # Instances rather than names: the evaluation must not depend on installed entry points.
    pipeline = Pipeline([NlpLayer(), QuotesLayer()])
    docs = (Document(text=t, source=f"polnear:{i}") for i, t in enumerate(texts))
    return [attributions_of(doc) for doc in pipeline.pipe(docs)]


def run(data: Path, predictions: Path | None = None) -> dict[str, float]:
    """Predict attributions for `DATA/text/*.txt`, write `PRED/<stem>.ann`, and score against gold if present."""
    text_dir = Path(data) / "text"
    files = sorted(text_dir.glob("*.txt")) if text_dir.is_dir() else []
    if not files:
        raise SpinscopeError(ErrorCode.E040, str(data), "expected text/*.txt")
    texts = [f.read_text(encoding="utf-8") for f in files]
    predicted = predict(texts)
    if predictions is not None:
        predictions.mkdir(parents=True, exist_ok=True)
        for f, text, attrs in zip(files, texts, predicted, strict=True):
            (predictions / f"{f.stem}.ann").write_text(write_brat(attrs, text), encoding="utf-8")
    pairs = []
    for f, text, attrs in zip(files, texts, predicted, strict=True):
        gold = gold_file(Path(data), f.stem)
        if gold is not None:
            pairs.append((attrs, read_brat(gold.read_text(encoding="utf-8"), text)))
    if not pairs:
        return {}
    scores = score(pairs)
    scores["documents"] = float(len(pairs))
    return scores
