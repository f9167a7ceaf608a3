"""A readable summary of one analysis, for a person at a terminal."""

from __future__ import annotations

import textwrap
from typing import Any

from spinscope.export.glossary import definitions

__all__ = ["render_text"]


def _clip(text: str, width: int = 110) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _amount(q: dict[str, Any]) -> str:
    """Say an amount the way a reader would: 12, about 70, at least 6, up to 5, 20–99."""
    value, low, high = q.get("value"), q.get("low"), q.get("high")

    def num(x: Any) -> str:
        return f"{x:g}" if isinstance(x, float) else str(x)

    if value is not None and low == value and high == value:
        number = num(value)
    elif value is not None and low == value and high is None:
        number = f"at least {num(value)}"
    elif value is not None and high == value and low is None:
        number = f"up to {num(value)}"
    elif value is not None:
        number = f"about {num(value)}"
    elif low is not None and high is not None:
        number = f"{num(low)}–{num(high)}"
    else:
        number = "an unknown amount"
    if q.get("approximate") and number[0].isdigit():
        number = "≈" + number
    unit = f" {q['unit']}" if q.get("unit") else ""
    return f"{number}{unit}"


def render_text(analysis: dict[str, Any]) -> str:
    """Return a plain-text report: metadata, speakers, quotes, claims, techniques, entities."""
    meta = analysis["meta"]
    outlet = meta.get("outlet") or {}
    lines = [f"═══ {meta.get('title') or '(untitled)'}", f"    id {analysis['id']}   source {analysis['source']}"]
    if outlet:
        affiliation = {True: "state-affiliated", False: "not state-affiliated"}.get(outlet.get("state_affiliated"), "")
        details = ", ".join(x for x in (outlet.get("domain"), outlet.get("country"), affiliation) if x)
        lines.append(f"    outlet {outlet.get('name')} ({details})")
    for key in ("url", "published", "dateline", "language"):
        if meta.get(key):
            lines.append(f"    {key} {meta[key]}")
    if meta.get("language") not in (None, "en"):
        lines.append("    (language not supported for analysis: stored and reported only)")
    speakers = analysis.get("speakers", [])
    if speakers:
        lines.append(f"\n  Speakers ({len(speakers)})")
        for s in speakers:
            roles = f" — {'; '.join(s['roles'])}" if s.get("roles") else ""
            lines.append(f"    {s['id']}  {s['name']}{roles}")
    quotes = analysis.get("quotes", [])
    if quotes:
        lines.append(f"\n  Quotes ({len(quotes)})")
        for q in quotes:
            who = (q.get("speaker") or {}).get("name") or (q.get("speaker") or {}).get("text") or "unattributed"
            cue = (q.get("cue") or {}).get("text") or "-"
            lines.append(f"    [{q['kind']}, {q['score']:.2f}] {who} ({cue}): {_clip(q['text'])}")
    claims = analysis.get("claims", [])
    if claims:
        lines.append(f"\n  Claims ({len(claims)})")
        for c in claims:
            lines.append(f"    [{c['score']:.2f}] {_clip(c['text'])}")
            for qt in c.get("quantities", []):
                lines.append(f"        {_amount(qt)} — {qt.get('measure') or '?'}  (\"{qt.get('text')}\")")
    techniques = analysis.get("techniques", [])
    if techniques:
        lines.append(f"\n  Persuasion techniques ({len(techniques)})")
        for t in techniques:
            lines.append(f"    [{t['label']}, {t['score']:.2f}] {_clip(t['text'], 90)}")
        lines.append("    What they mean:")
        for label, definition in definitions(t["label"] for t in techniques):
            lines.append(textwrap.fill(f"{label}: {definition}", width=108, initial_indent="      ",
                                       subsequent_indent="        "))
    entities = analysis.get("entities", [])
    if entities:
        by_label: dict[str, list[str]] = {}
        for e in entities:
            names = by_label.setdefault(e["label"], [])
            if e["text"] not in names:
                names.append(e["text"])
        lines.append("\n  Entities")
        for label, names in sorted(by_label.items()):
            wrapped = textwrap.fill(", ".join(names), width=100, initial_indent="", subsequent_indent=" " * 14)
            lines.append(f"    {label:<9} {wrapped}")
    return "\n".join(lines) + "\n"
