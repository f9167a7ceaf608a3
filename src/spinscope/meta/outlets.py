"""Outlets: state-affiliated media resolved from a URL domain or an outlet name."""

from __future__ import annotations

import csv
import functools
import logging
import re
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from spinscope.document import Outlet

__all__ = ["resolve", "normalise_domain", "build_table", "TYPOLOGIES"]

logger = logging.getLogger(__name__)

# State Media Monitor typology codes (see src/spinscope/data/OUTLETS_ATTRIBUTION.md).
TYPOLOGIES = {
    "SC": "state-controlled media",
    "CaPu": "captured public/state-managed media",
    "CaPr": "captured private media",
    "ISFM": "independent state-funded and state-managed media",
    "ISF": "independent state-funded media",
    "ISM": "independent state-managed media",
    "IP": "independent public media",
}
# "Independent public media" has neither state funding control, governance nor editorial control:
# the table lists it for completeness, but calling it state-affiliated would mislabel e.g. NPR or ORF.
_NOT_AFFILIATED = {"IP"}

_FIELDS = ["name", "company", "domain", "country", "typology", "state_affiliated", "origin"]
_KIND_PREFIX = re.compile(r"^(?:news agency|print media|print|television|tv|radio|online)\s*:\s*", re.I)
_PAREN = re.compile(r"\s*\(([^)]*)\)\s*")


@dataclass(frozen=True, slots=True)
class _Row:
    """One outlet row of the bundled table."""

    name: str
    company: str
    domain: str | None
    outlet: Outlet


def normalise_domain(value: str | None) -> str | None:
    """Return the lower-case host of a URL or bare domain, without `www.` and port; None if there is none."""
    if not value:
        return None
    value = value.strip()
    if "//" not in value:
        value = "//" + value
    try:
        host = urlsplit(value).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    host = host.strip(".").lower()
    if host.startswith("www."):
        host = host[4:]
    return host or None


def _name_key(name: str) -> str:
    key = re.sub(r"\s+", " ", name.strip().lower())
    return key[4:] if key.startswith("the ") else key


def _name_variants(name: str) -> list[str]:
    """Return the full name, the name without its parenthesis, and the parenthesised part."""
    out = [name, _KIND_PREFIX.sub("", name)]
    for base in list(out):
        inner = _PAREN.findall(base)
        bare = _PAREN.sub(" ", base).strip()
        out.append(bare)
        out.extend(i for i in inner if len(i.strip()) >= 3)
    seen: list[str] = []
    for v in out:
        k = _name_key(v)
        if k and k not in seen:
            seen.append(k)
    return seen


def _load_rows(text: str) -> list[_Row]:
    rows = []
    for rec in csv.DictReader(text.splitlines()):
        typology = rec["typology"] or None
        affiliated = {"true": True, "false": False}.get(rec["state_affiliated"].lower())
        outlet = Outlet(
            name=rec["name"],
            domain=rec["domain"] or None,
            country=rec["country"] or None,
            state_affiliated=affiliated,
            typology=typology,
        )
        rows.append(_Row(rec["name"], rec["company"], rec["domain"] or None, outlet))
    return rows


@functools.cache
def _index() -> tuple[dict[str, Outlet], dict[str, Outlet], dict[str, Outlet]]:
    """Return (domain, asset name, company name) lookups; the table first, project additions fill gaps."""
    data = resources.files("spinscope.data")
    rows = _load_rows(data.joinpath("outlets.csv").read_text("utf-8"))
    rows += _load_rows(data.joinpath("outlets_additions.csv").read_text("utf-8"))
    by_domain: dict[str, Outlet] = {}
    by_asset: dict[str, Outlet] = {}
    by_company: dict[str, Outlet] = {}
    for row in rows:
        if row.domain:
            by_domain.setdefault(row.domain, row.outlet)
        for key in _name_variants(row.name):
            by_asset.setdefault(key, row.outlet)
        for key in _name_variants(row.company):
            by_company.setdefault(key, row.outlet)
    logger.debug("outlet table: %d rows, %d domains", len(rows), len(by_domain))
    return by_domain, by_asset, by_company


def resolve(domain: str | None = None, name: str | None = None) -> Outlet | None:
    """Return the outlet of a domain (or URL), else of a name; None when neither is known."""
    by_domain, by_asset, by_company = _index()
    host = normalise_domain(domain)
    if host:
        labels = host.split(".")
        # Subdomains fall back to their parent: news.example.com -> example.com (never a bare TLD).
        for i in range(len(labels) - 1):
            found = by_domain.get(".".join(labels[i:]))
            if found:
                return found
    if name:
        key = _name_key(name)
        found = by_asset.get(key) or by_company.get(key)
        if found:
            return found
    return None


def build_table(source_csv: Path, out_csv: Path) -> int:
    """Write the processed outlet table from the ASD/GMF State_Media_Matrix.csv; return the row count."""
    written = 0
    seen: set[tuple[str, str | None]] = set()
    with source_csv.open(encoding="utf-8", newline="") as src, out_csv.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=_FIELDS, lineterminator="\n")
        writer.writeheader()
        for rec in csv.DictReader(src):
            name = (rec.get("Main assets") or "").strip()
            if not name:
                continue
            domain = normalise_domain(rec.get("URL"))
            key = (name, domain)
            if key in seen:  # Press TV appears twice ("Merged from Hamilton").
                continue
            seen.add(key)
            # "ISFM?" marks an uncertain code in the source; the code itself is kept.
            typology = (rec.get("Typology") or "").strip().rstrip("?") or None
            writer.writerow(
                {
                    "name": _KIND_PREFIX.sub("", name),
                    "company": (rec.get("Media company") or "").strip(),
                    "domain": domain or "",
                    "country": (rec.get("Country") or "").strip(),
                    "typology": typology or "",
                    "state_affiliated": "" if typology is None else str(typology not in _NOT_AFFILIATED).lower(),
                    "origin": "asd-gmf",
                }
            )
            written += 1
    return written


if __name__ == "__main__":  # python -m spinscope.meta.outlets SOURCE_CSV OUT_CSV
    logging.basicConfig(level=logging.INFO)
    count = build_table(Path(sys.argv[1]), Path(sys.argv[2]))
    logger.info("wrote %d outlets to %s", count, sys.argv[2])
