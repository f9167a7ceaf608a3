"""Dates: normalisation of metadata values and header dates; partial dates never get a year."""

from __future__ import annotations

import datetime as dt

import pytest

from spinscope.meta.dates import find_header_date, iso, normalise


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-05-26", "2021-05-26"),
        ("2021-05-26T10:00:00Z", "2021-05-26"),
        ("2021-05-26 10:00:00+03:00", "2021-05-26"),
        ("2021-05", "2021-05"),
        ("2021", "2021"),
        ("--11-03", "--11-03"),
        ("May 26, 2021", "2021-05-26"),
        ("Wednesday, 26 May 2021", "2021-05-26"),
        ("Sept. 3, 2020", "2020-09-03"),
        ("2021-02-30", None),
        ("--02-30", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        (20210526, None),
        (dt.date(2020, 1, 2), "2020-01-02"),
    ],
)
def test_normalise(value: object, expected: str | None) -> None:
    assert normalise(value) == expected


def test_iso_partial_forms() -> None:
    assert iso(None, 11, 3) == "--11-03"
    assert iso(None, 2, 29) == "--02-29"  # valid in some year, so kept
    assert iso(2021, 13, 1) is None
    assert iso(None, None, 3) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (" date 2021-05-26 TEHRAN - Hamas has said", ("2021-05-26", 16)),
        ("Published: May 26, 2021", ("2021-05-26", 23)),
        ("26 May 2021 GAZA -", ("2021-05-26", 11)),
        ("In 2006 the war ended", None),
        ("The ceasefire of May 21, 2021 held", None),  # a date inside the body is not a header
    ],
)
def test_find_header_date(line: str, expected: tuple[str, int] | None) -> None:
    assert find_header_date(line) == expected
