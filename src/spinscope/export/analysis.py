"""The `spinscope/analysis-1` JSON contract of DESIGN.md, built from a Document's layers.

Layer conventions this reads (each layer's owner writes them):
- `entities`: label = entity type; attrs `id` (optional linked id).
- `quotes`: label = kind (direct|indirect|mixed); attrs `cue` ({start,end}) and `speaker`
  ({start,end,key,name}), where `key` names a span of the `speakers` layer.
- `speakers`: one span per resolved speaker (its first mention); attrs `key`, `id` (corpus-level),
  `name`, `aliases`, `roles`.
- `claims`: attrs `speaker_key` (or None: the outlet is the claimant) and `quantities`.
- `techniques`: label = SemEval-2023 technique.
"""

from __future__ import annotations

from typing import Any

from spinscope.document import Document, Span

__all__ = ["SCHEMA", "to_analysis"]

SCHEMA = "spinscope/analysis-1"


def _sub(doc: Document, ref: Any) -> dict[str, Any] | None:
    if not ref:
        return None
    start, end = int(ref["start"]), int(ref["end"])
    return {"start": start, "end": end, "text": doc.text[start:end]}


def _speaker_ids(doc: Document) -> dict[str, dict[str, Any]]:
    return {str(s.attrs.get("key")): dict(s.attrs) for s in doc.spans("speakers")}


def _base(doc: Document, span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text(doc.text)}


def to_analysis(doc: Document) -> dict[str, Any]:
    """Return the analysis object of one document."""
    speakers = _speaker_ids(doc)

    def speaker_id(key: Any) -> str | None:
        if key is None:
            return None
        found = speakers.get(str(key))
        return found.get("id") if found else None

    quotes = []
    for q in doc.spans("quotes"):
        ref = q.attrs.get("speaker")
        speaker = None
        if ref:
            speaker = _sub(doc, ref)
            assert speaker is not None
            speaker["id"] = speaker_id(ref.get("key"))
            speaker["name"] = ref.get("name")
        quotes.append({**_base(doc, q), "kind": q.label, "cue": _sub(doc, q.attrs.get("cue")), "speaker": speaker,
                       "score": round(q.score, 4)})
    claims = [
        {**_base(doc, c), "score": round(c.score, 4), "speaker_id": speaker_id(c.attrs.get("speaker_key")),
         "claimant": _sub(doc, c.attrs.get("claimant")), "quantities": list(c.attrs.get("quantities", ()))}
        for c in doc.spans("claims")
    ]
    return {
        "schema": SCHEMA,
        "id": doc.id,
        "source": doc.source,
        "text": doc.text,
        "meta": doc.meta.to_json(),
        "techniques": [
            {**_base(doc, t), "label": t.label, "score": round(t.score, 4)} for t in doc.spans("techniques")
        ],
        "quotes": quotes,
        "claims": claims,
        "entities": [{**_base(doc, e), "label": e.label, "id": e.attrs.get("id")} for e in doc.spans("entities")],
        "speakers": [
            {"id": s.get("id"), "name": s.get("name"), "aliases": list(s.get("aliases", ())),
             "roles": list(s.get("roles", ()))}
            for s in speakers.values()
        ],
    }
