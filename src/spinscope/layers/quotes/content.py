"""The content model: a logistic regression that picks an attribution's content among its cue's candidates.

The hand-written rules (`extract._rule_content`) take the reported clause, else the object, else the clause
before the cue. They go wrong where the content is the object of a preposition after the cue ("will focus on
X", "threw his support behind X", "accused them of X"), where the rules fall back to the sentence before. This
model scores every candidate of `extract.content_candidates` (the rules' choice among them, marked) and the
extraction keeps the likeliest. Trained on PolNeAR train: for each gold cue, the candidate that overlaps the
gold content best is right, the others wrong.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from spinscope.layers.quotes.cues import MODEL_DIR, LinearModel
from spinscope.layers.quotes.extract import Candidate, Frame, doc_text

__all__ = ["ContentModel", "content_features", "load_content_model", "CONTENT_FILE"]

CONTENT_FILE = "content.json"
_LENGTH_EDGES = (2, 4, 8, 16, 32, 64)
_OPENERS = frozenset({"that", "whether", "if", "to", "how", "what", "why", "who", "when", "the", "a", "his", "her"})
_QUOTE_CHARS = frozenset('"“”')


def content_features(doc: Doc, frame: Frame, candidate: Candidate) -> list[str]:
    """Return the binary features of one content candidate of a cue."""
    text = doc_text(doc)
    verb = frame.verb
    lemma = verb.lemma_.lower()
    start, end = candidate.frags[0][0], candidate.frags[-1][1]
    span = doc.char_span(start, end, alignment_mode="expand")
    words = len(span) if span is not None else 0
    head = text[start:end].split(maxsplit=1)
    first = head[0].lower().strip("\"“‘'") if head else ""
    opener = first if first in _OPENERS else "-"
    side = "after" if start >= frame.cue[1] else "before" if end <= frame.cue[0] else "around"
    quoted = int(any(ch in _QUOTE_CHARS for ch in text[start:end]))
    length = bisect_right(_LENGTH_EDGES, words)
    same_sent = int(span is not None and span.root.sent.start == verb.sent.start)
    nxt = verb.doc[verb.i + 1].lower_ if verb.i + 1 < len(verb.doc) else "</s>"
    has_source = "s" if frame.source else "-"
    feats = [f"len={length}", f"open={opener}", f"side={side}", f"q={quoted}", f"same={same_sent}",
             f"nk={min(len(candidate.kinds), 3)}", f"frags={min(len(candidate.frags), 3)}"]
    for kind in candidate.kinds:
        family = kind.split(":", 1)[0]
        feats += [f"k={kind}", f"f={family}", f"kl={kind}|{lemma}", f"fl={family}|{lemma}", f"kp={kind}|{verb.pos_}",
                  f"kd={kind}|{verb.dep_}", f"ks={kind}|{has_source}", f"kq={kind}|{quoted}", f"klen={kind}|{length}",
                  f"ko={kind}|{opener}", f"kn={family}|{nxt}", f"kt={kind}|{verb.tag_}", f"kside={kind}|{side}"]
    return feats


@dataclass(frozen=True)
class ContentModel(LinearModel):
    """Scores content candidates (`content_features`); `choose` keeps the likeliest."""

    def probability(self, doc: Doc, frame: Frame, candidate: Candidate) -> float:
        """Return the probability that `candidate` is the content a reader would mark for this cue."""
        return self.logistic(dict.fromkeys(content_features(doc, frame, candidate), 1.0).items())

    def choose(self, doc: Doc, frame: Frame, candidates: Sequence[Candidate]) -> tuple[Candidate, float]:
        """Return the likeliest candidate and its probability (the first of equals: the rules' choice leads)."""
        scored = [(self.probability(doc, frame, c), -i) for i, c in enumerate(candidates)]
        p, neg = max(scored)
        return candidates[-neg], p


@functools.lru_cache(maxsize=1)
def load_content_model() -> ContentModel:
    """Load the shipped content model once per process."""
    return ContentModel.load(MODEL_DIR / CONTENT_FILE)
