"""The `quotes` layer: who said what, with cue, content and speaker; it also writes the `speakers` layer."""

from __future__ import annotations

import logging

from spinscope.document import Document, Span
from spinscope.eval.polnear import Attribution
from spinscope.layers.base import Layer
from spinscope.layers.nlp import parse
from spinscope.layers.quotes.content import load_content_model
from spinscope.layers.quotes.cues import load_cue_model
from spinscope.layers.quotes.extract import Found, extract
from spinscope.layers.quotes.keep import load_keep_model
from spinscope.layers.quotes.resolve import resolve
from spinscope.layers.quotes.tagger import load_cue_tagger
from spinscope.link.speakers import speaker_id

__all__ = ["QuotesLayer", "attributions_of"]

logger = logging.getLogger(__name__)


class QuotesLayer(Layer):
    """Adds `quotes` (content spans with cue and speaker) and `speakers` (one span per resolved speaker)."""

    name = "quotes"
    requires = ("sentences", "tokens", "entities")
    produces = ("quotes", "speakers")

    def __init__(self, threshold: float | None = None, tagger: bool = True) -> None:
        """`threshold`: the least score of a kept quote (default: the keep model's own). `tagger`: blend the
        fine-tuned MiniLM cue tagger into the cue model (more cues found, about 4x slower: 6.6 against 27
        articles/s on 2 cores); without it the linear cue model alone proposes cues."""
        self.model = load_cue_model()
        self.content = load_content_model()
        self.keep = load_keep_model()
        self.tagger = load_cue_tagger() if tagger else None
        self.threshold = self.keep.threshold if threshold is None else threshold

    def __call__(self, doc: Document) -> Document:
        parsed = parse(doc)
        # The cue model (blended with the tagger) proposes candidates at a low threshold, the content model picks
        # each one's content, and the keep model scores and filters them.
        if self.tagger is not None:
            candidates = extract(parsed, self.tagger.scorer(parsed, self.model), self.tagger.threshold, self.content)
        else:
            candidates = extract(parsed, self.model, self.model.threshold, self.content)
        found = self.keep.select(parsed, candidates, self.threshold)
        refs, speakers = resolve(parsed, found)
        quotes = [_quote_span(f, ref) for f, ref in zip(found, refs, strict=True)]
        speaker_spans = [
            Span(s.first[0], s.first[1], "speaker",
                 attrs={"key": s.key, "id": speaker_id(s.key), "name": s.name, "kind": s.kind,
                        "aliases": list(s.aliases), "roles": list(s.roles)})
            for s in speakers
        ]
        return doc.with_layer("quotes", quotes).with_layer("speakers", speaker_spans)


def _quote_span(f: Found, ref) -> Span:  # type: ignore[no-untyped-def]
    start, end = f.content[0][0], f.content[-1][1]
    speaker = None
    attrs: dict[str, object] = {"cue": {"start": f.cue[0], "end": f.cue[1]} if f.cue else None}
    if ref is not None:
        speaker = {"start": ref.start, "end": ref.end, "key": ref.key, "name": ref.name}
        if ref.unnamed:
            attrs["unnamed"] = True
    attrs["speaker"] = speaker
    if len(f.content) > 1:
        # An interrupted quote is one quote; its parts leave out the attribution in between.
        attrs["parts"] = [{"start": s, "end": e} for s, e in f.content]
    return Span(start, end, f.kind, round(f.score, 4), attrs)


def attributions_of(doc: Document) -> list[Attribution]:
    """Return the quotes of an analysed document as PolNeAR-style attributions (for evaluation)."""
    out = []
    for q in doc.spans("quotes"):
        parts = q.attrs.get("parts") or [{"start": q.start, "end": q.end}]
        cue = q.attrs.get("cue")
        spk = q.attrs.get("speaker")
        out.append(Attribution(
            source=((spk["start"], spk["end"]),) if spk else (),
            cue=((cue["start"], cue["end"]),) if cue else (),
            content=tuple((p["start"], p["end"]) for p in parts),
        ))
    return out
