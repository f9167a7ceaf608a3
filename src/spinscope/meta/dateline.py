"""Datelines such as `TEHRAN -` or `Tehran, November 3 (RHC)--` at the start of an article body."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from spinscope.meta.dates import MONTH_RE, iso, month_number

__all__ = ["Dateline", "parse_dateline", "place_line"]

logger = logging.getLogger(__name__)

_WORD_CAPS = r"[A-Z][A-Z.'’\-]*[A-Z.]"
_WORD_MIXED = rf"(?!{MONTH_RE}\b)[A-Z][A-Za-z.'’\-]*[a-zA-Z.]"
_PLACE_CAPS = rf"{_WORD_CAPS}(?:\s+{_WORD_CAPS}){{0,3}}"
_PLACE_MIXED = rf"{_WORD_MIXED}(?:\s+(?:al-|el-|de\s+)?{_WORD_MIXED}){{0,2}}"
# "November 3", "Nov. 3, 2024", and the day first as BelTA and others write it ("3 July").
_DATE = (rf",?\s*(?:(?P<month>{MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?"
         rf"|(?P<day_first>\d{{1,2}})\s+(?P<month_after>{MONTH_RE})\.?)(?:,?\s+(?P<year>\d{{4}}))?")
# "(Reuters)", TASS's "/TASS/." and an agency acronym after a comma ("Mashhad, IRNA -").
_AGENCY = (
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z0-9 .&'/-]{0,30})\)|/(?P<agency_s>[A-Z][A-Za-z]{1,10})/\.?"
    r"|,\s*(?P<agency_c>[A-Z]{2,6})\b)"
)
# A dash ends a dateline; so does the closing parenthesis or slash-dot of an agency ("(Prensa Latina) The").
_DASH = r"(?:\s*(?:-{1,2}|[–—])\s*|(?<=[)/.])\s+)"
_REGION = rf"(?P<region>,\s*(?:{_WORD_MIXED}|{_WORD_CAPS})(?:\s+(?:{_WORD_MIXED}|{_WORD_CAPS})){{0,2}})"

# Capitals: "TEHRAN -", "GAZA CITY, Gaza Strip (AP) —", "WASHINGTON, May 3 (Reuters) -", "MOSCOW:".
_CAPS = re.compile(
    rf"(?P<place>{_PLACE_CAPS})(?:{_REGION})?(?:{_DATE})?(?:{_AGENCY})?(?:{_DASH}|\s*:\s+)(?=[\"“‘'A-Z0-9])"
)
# Mixed case needs a date or agency, or a spaced dash: "Tehran, November 3 (RHC)--", "Geneva - The ...".
_MIXED = re.compile(
    rf"(?P<place>{_PLACE_MIXED})(?:{_REGION})?(?:{_DATE})?(?:{_AGENCY})?(?:{_DASH})(?=[\"“‘'A-Z0-9])"
)
_SPACED = re.compile(rf"(?P<place>{_PLACE_MIXED})(?:\s+(?:-{{1,2}}|[–—])\s+|\s*--\s*)(?=[\"“‘'A-Z])")


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline: place, optional month/day/year and agency, and its character range in the line."""

    place: str
    start: int
    end: int
    month: int | None = None
    day: int | None = None
    year: int | None = None
    agency: str | None = None

    @property
    def date(self) -> str | None:
        """Return the dateline's date as an ISO (possibly partial) date."""
        return iso(self.year, self.month, self.day) if self.month else None


def _place(raw: str) -> str:
    raw = raw.strip(" .,")
    # "TEHRAN" -> "Tehran", "AL-QUDS" -> "Al-Quds"; mixed case is kept as written.
    if not raw.isupper():
        return raw
    # Two-letter words are acronyms ("US", "UK"); longer ones are names in capitals.
    words = [w if len(w) <= 2 else w.title().replace("’S", "’s").replace("'S", "'s") for w in raw.split()]
    return " ".join(words)


def parse_dateline(line: str, offset: int = 0) -> Dateline | None:
    """Return the dateline opening a body line (offsets shifted by `offset`), or None."""
    stripped = len(line) - len(line.lstrip())
    body = line[stripped:]
    for pattern in (_CAPS, _MIXED, _SPACED):
        m = pattern.match(body)
        if not m:
            continue
        groups = m.groupdict()
        agency = groups.get("agency") or groups.get("agency_s") or groups.get("agency_c")
        region = (groups.get("region") or "").strip(", ")
        month_word = groups.get("month") or groups.get("month_after")
        day_digits = groups.get("day") or groups.get("day_first")
        if agency is None and re.fullmatch(r"[A-Z]{2,6}", region):
            agency = region  # "Mashhad, IRNA -": an agency acronym, not a region
        if pattern is _MIXED and not (month_word or agency):
            # A bare mixed-case word before a dash is a dateline only with spaces around the dash.
            continue
        if not re.search(r"[-–—:]\s*$", m.group(0)) and not month_word:
            # Without a dash only a date plus agency ("Feb 16 (Prensa Latina) The") makes a dateline.
            continue
        month = month_number(month_word) if month_word else None
        day = int(day_digits) if day_digits else None
        year = int(groups["year"]) if groups.get("year") else None
        start = offset + stripped + m.start("place")
        return Dateline(
            place=_place(m.group("place")),
            start=start,
            end=offset + stripped + m.end(),
            month=month,
            day=day,
            year=year,
            agency=agency,
        )
    return None


#: Capitals on a line of their own that are a label, not a place.
_LABELS = frozenset({"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "VIDEO", "OPINION", "ANALYSIS",
                     "EDITORIAL", "COMMENTARY", "INTERVIEW", "NEWS", "LIVE", "PHOTOS", "FEATURE", "REVIEW"})
_PLACE_LINE = re.compile(rf"\s*(?P<place>{_PLACE_CAPS})\s*")


def place_line(line: str, offset: int = 0) -> Dateline | None:
    """A dateline that is a line of its own, the place in capitals (Anadolu's "ANKARA" over the body)."""
    m = _PLACE_LINE.fullmatch(line)
    if m is None or len(m.group("place").split()) > 3 or m.group("place").strip(" .") in _LABELS:
        return None
    return Dateline(place=_place(m.group("place")), start=offset + m.start("place"), end=offset + m.end("place"))
