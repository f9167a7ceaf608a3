"""Publication dates: full or partial ISO dates, never with an invented year."""

from __future__ import annotations

import datetime as dt
import logging
import re

__all__ = ["MONTHS", "MONTH_RE", "iso", "normalise", "find_header_date", "FULL_DATE"]

logger = logging.getLogger(__name__)

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_ORD = r"(?:st|nd|rd|th)?"
# Each alternative names its groups y/m/d (suffixed because a regex needs unique names).
FULL_DATE = re.compile(
    rf"(?P<y1>\d{{4}})[-/.](?P<m1>\d{{1,2}})[-/.](?P<d1>\d{{1,2}})(?!\d)"
    rf"|(?P<m2>{MONTH_RE})\.?\s+(?P<d2>\d{{1,2}}){_ORD},?\s+(?P<y2>\d{{4}})(?!\d)"
    rf"|(?P<d3>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m3>{MONTH_RE})\.?,?\s+(?P<y3>\d{{4}})(?!\d)",
    re.I,
)
_LABEL = r"(?:(?:date|dated|published|posted|updated|first published)(?:\s+on)?\s*[:\-]?\s*)?"
_HEADER_DATE = re.compile(rf"\s*{_LABEL}(?:{FULL_DATE.pattern})", re.I)
_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][0-9:.+\-Z ]*)?$")
_MONTH_DAY = re.compile(r"^--(\d{2})-(\d{2})$")


def month_number(name: str) -> int | None:
    """Return the month number of an English month name or abbreviation."""
    return MONTHS.get(name.lower().rstrip("."))


def iso(year: int | None, month: int | None, day: int | None) -> str | None:
    """Return an ISO date, partial when the year or day is unknown, or None if the parts are invalid."""
    try:
        if year is not None and month is not None and day is not None:
            return dt.date(year, month, day).isoformat()
        if year is not None and month is not None and day is None:
            dt.date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        if year is None and month is not None and day is not None:
            dt.date(2000, month, day)  # a leap year, so that --02-29 is valid
            return f"--{month:02d}-{day:02d}"
        if year is not None and month is None and day is None and 1 <= year <= 9999:
            return f"{year:04d}"
    except ValueError:
        return None
    return None


def _from_match(m: re.Match[str]) -> str | None:
    for i in "123":
        if m.group(f"y{i}"):
            month = m.group(f"m{i}")
            month_no = int(month) if month.isdigit() else month_number(month)
            return iso(int(m.group(f"y{i}")), month_no, int(m.group(f"d{i}")))
    return None


def normalise(value: object) -> str | None:
    """Return an ISO (possibly partial) date for a metadata value such as '2021-05-26T10:00Z' or 'May 26, 2021'."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    value = value.strip()
    m = _MONTH_DAY.match(value)
    if m:
        return iso(None, int(m.group(1)), int(m.group(2)))
    m = _ISO_PARTIAL.match(value)
    if m:
        return iso(int(m.group(1)), int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None)
    full = FULL_DATE.search(value)
    if full and len(value) - len(full.group(0)) < 20:  # a date with a weekday or time around it
        return _from_match(full)
    return None


def find_header_date(line: str) -> tuple[str, int] | None:
    """Return (ISO date, end offset) of a full date opening a header line, optionally after a label."""
    m = _HEADER_DATE.match(line)
    if not m:
        return None
    value = _from_match(m)
    return (value, m.end()) if value else None
