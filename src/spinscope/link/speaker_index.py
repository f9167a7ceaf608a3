"""The corpus speaker index: speakers of many analyses grouped by id, with roles, documents and quote counts."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from spinscope.link.speakers import name_key, org_key, speaker_id, surname_key

__all__ = ["speaker_index"]

logger = logging.getLogger(__name__)


def _is_organization(entry: Mapping[str, Any]) -> bool:
    """Organisation ids are derived from `org_key`, so the id itself tells them apart from people."""
    name = entry.get("name") or ""
    return bool(name) and entry.get("id") == speaker_id(org_key(name))


def _merge_surnames(rows: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Map the id of a surname-only person to the one full name with that surname, where unambiguous."""
    full_by_surname: dict[str, set[str]] = {}
    for sid, row in rows.items():
        if not row["_org"] and " " in name_key(row["name"] or ""):
            full_by_surname.setdefault(surname_key(row["name"]), set()).add(sid)
    moved = {}
    for sid, row in rows.items():
        name = row["name"] or ""
        if row["_org"] or not name or " " in name_key(name):
            continue
        targets = full_by_surname.get(surname_key(name), set())
        if len(targets) == 1:
            moved[sid] = next(iter(targets))
    return moved


def speaker_index(analyses: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Return `{"id","name","aliases","roles","documents","quotes"}` per speaker, most quoted first."""
    rows: dict[str, dict[str, Any]] = {}
    quote_counts: dict[str, int] = {}
    for analysis in analyses:
        doc_id = analysis.get("id")
        for sp in analysis.get("speakers", ()):
            sid = sp.get("id")
            if not sid:
                continue
            row = rows.setdefault(sid, {"id": sid, "name": sp.get("name"), "aliases": [], "roles": [],
                                        "documents": [], "_org": _is_organization(sp)})
            for field in ("aliases", "roles"):
                for value in sp.get(field, ()):
                    if value not in row[field]:
                        row[field].append(value)
            if len((sp.get("name") or "").split()) > len((row["name"] or "").split()):
                row["name"] = sp.get("name")
            if doc_id not in row["documents"]:
                row["documents"].append(doc_id)
        for q in analysis.get("quotes", ()):
            sid = (q.get("speaker") or {}).get("id")
            if sid:
                quote_counts[sid] = quote_counts.get(sid, 0) + 1
    for src, dst in _merge_surnames(rows).items():
        row, target = rows.pop(src), rows[dst]
        for field in ("aliases", "roles", "documents"):
            target[field].extend(v for v in row[field] if v not in target[field])
        quote_counts[dst] = quote_counts.get(dst, 0) + quote_counts.pop(src, 0)
    out = []
    for sid, row in rows.items():
        row.pop("_org")
        row["quotes"] = quote_counts.get(sid, 0)
        out.append(row)
    out.sort(key=lambda r: (-r["quotes"], r["name"] or ""))
    return out
