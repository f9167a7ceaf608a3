"""The `claims` layer: every sentence with a quantity or a check-worthiness score above a threshold.

Span = the sentence; label "claim"; score = check-worthiness in [0, 1] from the shipped model; attrs
`speaker_key` (a key of the `speakers` layer made by the quotes layer; None = the outlet is the claimant),
`claimant` (the mention of the claimant in the text where one was found, {"start","end","name"}, else None)
and `quantities` (each {"start","end","text","value","low","high","unit","approximate","measure","time"}).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from types import MappingProxyType
from typing import Any

import numpy as np
from scipy.special import expit

from spinscope.document import Document, Span
from spinscope.layers.base import Layer
from spinscope.layers.claims.claimant import REPORT_VERBS, Claimant, find_claimant, resolve_speaker_key
from spinscope.layers.claims.quantities import extract_quantities
from spinscope.layers.claims.worthiness import load_model, make_sentences, sentence_vectors
from spinscope.layers.nlp import parse, sentences
from spinscope.link.claims import find_dispute
from spinscope.meta import header_end
from spinscope.settings import get as setting

__all__ = ["ClaimsLayer", "THRESHOLD"]

logger = logging.getLogger(__name__)

#: Sentences without a quantity are emitted from this check-worthiness on. The model's scores are
#: calibrated on speech where ~1% of sentences are check-worthy, so this keeps roughly the top few percent.
THRESHOLD = 0.10
#: With `blend`, sentences whose sparse-model probability is below this, and that hold no quantity or dispute,
#: are not encoded for the blended score (see `worthiness`) and keep the sparse probability.
#: `benchmarks/claims_speed.py` counts the claims this loses against encoding every sentence.
CASCADE = 0.05


def _named_reporter(sent: Any) -> Claimant | None:
    """A named subject of a reporting verb in the sentence ("Qaddoumi said"), for resolving later "he said"."""
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in REPORT_VERBS:
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None and (subj.pos_ == "PROPN" or subj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")):
                first = min(t.i for t in subj.subtree if t.dep_ == "compound" or t.i == subj.i)
                span = sent.doc[first : subj.i + 1]
                return Claimant(None, span.start_char, span.end_char, span.text)
            if subj is not None and subj.pos_ == "NOUN":
                # "the Hamas representative said": a role, still a named claimant.
                first = min(t.i for t in subj.subtree if t.i <= subj.i and t.dep_ in ("compound", "det", "amod")
                            or t.i == subj.i)
                span = sent.doc[first : subj.i + 1]
                return Claimant(None, span.start_char, span.end_char, span.text)
    return None


class ClaimsLayer(Layer):
    """Scores sentences for check-worthiness and extracts their quantities and claimant."""

    name = "claims"
    requires = ("sentences", "tokens", "entities")
    produces = ("claims",)
    after = ("quotes",)

    def __init__(self, threshold: float = THRESHOLD, blend: bool | None = None,
                 cascade: float | None = CASCADE) -> None:
        """`blend`: score with the sentence-embedding scores blended in, as `spinscope eval checkthat2020` ranks
        (better ranking on speech, but encoding sentences makes the layer several times slower; off by default,
        see `benchmarks/results/claims_speed.json`); None = the `SPINSCOPE_CLAIMS_BLEND` setting, so that
        `spinscope analyze` and `ingest` can ask for it. `cascade`: see CASCADE; None encodes every sentence."""
        self.threshold = threshold
        self.blend = bool(setting("claims_blend")) if blend is None else blend
        self.cascade = cascade
        self.model = load_model()

    def scores(self, texts: list[str], forced: np.ndarray) -> np.ndarray:
        """Check-worthiness of a document's sentences in order. Without `blend`, the sparse model's. With it and a
        cascade, only sentences that are `forced` or that the sparse model puts at `cascade` or above get the
        blended score (they and their neighbours are encoded); the rest keep the sparse model's probability."""
        sents = make_sentences(texts)
        if not self.blend or self.model.dense is None or not texts:
            return np.asarray(expit(self.model.sparse_decision(sents)), dtype=np.float64)
        if self.cascade is None:
            return self.model.score(sents)
        logit = self.model.sparse_decision(sents)
        sparse = expit(logit)
        keep = forced | (sparse >= self.cascade)
        if not keep.any():
            return sparse
        near = keep.copy()  # the blended score reads the neighbours' vectors too
        near[1:] |= keep[:-1]
        near[:-1] |= keep[1:]
        encoded = sentence_vectors([t for t, n in zip(texts, near, strict=True) if n])
        vectors = np.zeros((len(texts), encoded.shape[1]))
        vectors[near] = encoded
        # The sparse log-odds are computed once; only the dense part needs the vectors.
        dense = self.model.dense([replace(s, vector=v) for s, v in zip(sents, vectors, strict=True)])
        return np.where(keep, expit(logit + dense), sparse)

    def __call__(self, doc: Document) -> Document:
        parsed = parse(doc)
        sents = sentences(parsed)  # cut at paragraph breaks: a headline is no part of the lead's claim
        texts = [s.text.strip() for s in sents]
        found = [extract_quantities(sent) for sent in sents]
        # A sentence rejecting figures is kept whatever its score: link.claims ties it to what it disputes.
        disputes = [find_dispute(sent.text) is not None for sent in sents]
        forced = np.asarray([bool(q) or d for q, d in zip(found, disputes, strict=True)], dtype=bool)
        scores = self.scores(texts, forced)
        spans: list[Span] = []
        recent: list[Claimant] = []
        for sent, score, quantities, dispute in zip(sents, scores, found, disputes, strict=True):
            if quantities or score >= self.threshold or dispute:
                start, end = _trim(doc.text, sent.start_char, sent.end_char)
                start = _after_header(doc.text, start, end)
                if end > start:
                    pos = quantities[0]["start"] if quantities else None
                    who = resolve_speaker_key(doc, find_claimant(doc, sent, pos, recent))
                    attrs = {"speaker_key": who.speaker_key, "claimant": who.mention(),
                             "quantities": tuple(quantities)}
                    spans.append(Span(start, end, "claim", float(score), MappingProxyType(attrs)))
            reporter = _named_reporter(sent)
            if reporter is not None:
                recent.append(reporter)
        return doc.with_layer("claims", spans)

    def pipe(self, docs: Iterable[Document], batch_size: int = 16) -> Iterator[Document]:
        """Process a stream of documents (the parse is shared through the nlp layer's cache)."""
        for doc in docs:
            yield self(doc)


def _after_header(text: str, start: int, end: int) -> int:
    """Where a sentence's own words start: after the header date and the dateline that open its line ("date
    2021-05-26 TEHRAN - Hamas has said ..." claims "Hamas has said ..."), which the parser takes for part of it."""
    line = text.rfind("\n", 0, start) + 1
    if text[line:start].strip():
        # Not the first words of its line: past the line's dateline where the parser split its place off as a
        # sentence of its own ("MINSK, | 3 July (BelTA) - Belarus has ...", "TEHRAN | (Tasnim) – The Navy ...").
        skip = header_end(text[line:end]) if start - line < 40 else 0
        return max(start, line + skip) if skip else start
    return start + header_end(text[start:end])


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    return start + (len(chunk) - len(chunk.lstrip())), end - (len(chunk) - len(chunk.rstrip()))

